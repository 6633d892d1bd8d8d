// The precompiled validators need no package at run time: their date check is the project's own
// (check/schema-build.ts), which must judge every string as ajv-formats' full `date` does. On
// dist, not src: the validators and their code cache exist only in the build.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ID_PATTERN, isFullDate, isIdText, runValidatorsScript, VALIDATORS_SCRIPT } from "../dist/check/schema-build.js";

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

describe("the ID pattern of the schemas", () => {
  const pattern = new RegExp(ID_PATTERN, "u");
  const common = JSON.parse(readFileSync(new URL("../schemas/common.schema.json", import.meta.url), "utf8")) as { $defs: Record<string, { pattern?: string }> };

  it("is the pattern the schemas give", () => {
    const patterns = new Set(Object.values(common.$defs).flatMap((d) => (d.pattern?.includes("\\p{L}") ? [d.pattern] : [])));
    expect([...patterns]).toEqual([ID_PATTERN]);
  });

  it("judges ID-shaped strings as the pattern does", () => {
    // Letters, digits, the three marks, and the characters next to them, at every length around 64.
    const idChar = fc.constantFrom(..."aZ09._-/:@[`{ \n\u2028åÅé\u0301٣𝟘𐐷\ud800\udc00", "\u{1d400}");
    fc.assert(
      fc.property(fc.string({ unit: idChar, maxLength: 70 }), (s) => isIdText(s) === pattern.test(s)),
      { numRuns: 4000 },
    );
  });

  it("judges any string as the pattern does", () => {
    fc.assert(fc.property(fc.oneof(fc.string(), fc.string({ unit: "grapheme" }), fc.string({ unit: "binary" })), (s) => isIdText(s) === pattern.test(s)), { numRuns: 2000 });
  });

  it("knows the edges", () => {
    const cases = ["a", "A1", "a.b", "a..b", ".a", "-a", "_a", "a-", "a.", "x".repeat(64), "x".repeat(65), "å".repeat(64), "å".repeat(65), "𝟘".repeat(64), "𝟘".repeat(65), "", "a b", "a\nb", "ab\n", "a\u2028..", "1"];
    const expected = [true, true, true, false, false, false, false, true, true, true, false, true, false, true, false, false, false, false, false, false, true];
    expect(cases.map((s) => isIdText(s))).toEqual(expected);
    expect(cases.map((s) => pattern.test(s))).toEqual(expected);
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
