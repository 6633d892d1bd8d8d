// The precompiled validators need no package at run time: their date check is the project's own
// (check/schema-build.ts), which must judge every string as ajv-formats' full `date` does. On
// dist, not src: the validators and their code cache exist only in the build.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isFullDate, runValidatorsScript, VALIDATORS_SCRIPT } from "../dist/check/schema-build.js";

const SCHEMA_BUILD = new URL("../dist/check/schema-build.js", import.meta.url).href;

const ajvFormatsDate = (createRequire(import.meta.url)("ajv-formats/dist/formats") as { fullFormats: { date: { validate: (s: string) => boolean } } }).fullFormats.date.validate;

const pad = (n: number, width: number): string => String(n).padStart(width, "0");

/** Mostly `common`, at times `rare`. */
const mostly = <T>(common: fc.Arbitrary<T>, rare: fc.Arbitrary<T>): fc.Arbitrary<T> => fc.oneof({ arbitrary: common, weight: 6 }, { arbitrary: rare, weight: 1 });

/** Strings shaped like dates: every year, month and day field from 0 up, leap years included, with noise around them at times. */
const dateLike = fc
  .tuple(
    fc.oneof(fc.integer({ min: 0, max: 9999 }), fc.constantFrom(1900, 2000, 2023, 2024, 2100, 2400)),
    mostly(fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 99 })),
    mostly(fc.integer({ min: 0, max: 32 }), fc.integer({ min: 0, max: 99 })),
    mostly(fc.constant(""), fc.constantFrom(" ", "\n", "T00:00:00Z", "0")),
    mostly(fc.constant(""), fc.constantFrom(" ", "\n", "+", "-")),
  )
  .map(([y, m, d, after, before]) => `${before}${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}${after}`);

describe("the date format of the schemas", () => {
  it("judges date-shaped strings as ajv-formats does", () => {
    let valid = 0;
    fc.assert(
      fc.property(dateLike, (s) => {
        const ours = isFullDate(s);
        if (ours) valid++;
        return ours === ajvFormatsDate(s);
      }),
      { numRuns: 20_000 },
    );
    // The generator reaches both answers, so the agreement above says something.
    expect(valid).toBeGreaterThan(1000);
  });

  it("judges any string as ajv-formats does", () => {
    const anyChar = fc.string({ unit: fc.constantFrom(..."0123456789-:T +\n٣０"), maxLength: 14 });
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: "grapheme" }), anyChar), (s) => isFullDate(s) === ajvFormatsDate(s)),
      { numRuns: 20_000 },
    );
  });

  it("knows the leap years and the months' lengths", () => {
    const valid = ["2024-02-29", "2000-02-29", "2023-04-30", "2023-12-31", "0000-01-01"];
    const invalid = ["2023-02-29", "1900-02-29", "2023-04-31", "2023-13-01", "2023-00-10", "2023-01-00", "2023-1-01", "2023-01-01\n", "２０２３-01-01"];
    for (const s of valid) expect([s, isFullDate(s)]).toEqual([s, true]);
    for (const s of invalid) expect([s, isFullDate(s)]).toEqual([s, false]);
    for (const s of [...valid, ...invalid]) expect(ajvFormatsDate(s)).toBe(isFullDate(s));
  });
});

describe("the precompiled validators", () => {
  const code = readFileSync(VALIDATORS_SCRIPT, "utf8");

  it("load nothing: no import, no require", () => {
    expect(code).toMatch(/^exports\.schemaHash = "[0-9a-f]{64}";$/mu);
    expect(code).not.toMatch(/\brequire\(|\bimport\b/u);
  });

  it("take their compiled code from the build's cache in a plain start of this node", () => {
    // In a child without NODE_OPTIONS, as `plan` starts: V8 refuses a cache made under other flags.
    const probe = `const m = await import(${JSON.stringify(SCHEMA_BUILD)}); const { readFileSync } = await import("node:fs");
      process.stdout.write(String(m.runValidatorsScript(readFileSync(m.VALIDATORS_SCRIPT, "utf8"), readFileSync(m.VALIDATORS_CACHE)).script.cachedDataRejected));`;
    const r = spawnSync(process.execPath, ["--input-type=module", "-e", probe], { encoding: "utf8", env: { ...process.env, NODE_OPTIONS: undefined } });
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe("false");
  });

  it("judge alike with a code cache, without one, and with a cache that V8 refuses", () => {
    const first = runValidatorsScript(code);
    const cache = first.script.createCachedData();
    // A cache made in this process is taken here; for other code it is refused, and the code compiled.
    const withCache = runValidatorsScript(code, cache);
    expect(withCache.script.cachedDataRejected).toBe(false);
    const refused = runValidatorsScript(`${code}\n`, cache);
    expect(refused.script.cachedDataRejected).toBe(true);
    const dates = ["2024-02-29", "2023-02-29", "2023-13-01"];
    const beslut = (datum: string) => ({ typ: "kommunplan", id: "KP", period: { från: 2023, till: 2026 }, målområden: [], beslut: { organ: "KF", datum } });
    for (const m of [first, withCache, refused]) {
      const kommunplan = m.exports.kommunplan as (d: unknown) => boolean;
      expect(dates.map((d) => kommunplan(beslut(d)))).toEqual([true, false, false]);
    }
  });
});
