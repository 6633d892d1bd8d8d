// formatNumber writes most numbers without Intl.NumberFormat: it must write what Intl writes.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Lang } from "../src/diagnostics/index.js";
import { formatNumber } from "../src/format/status-words.js";

const oracles = new Map<string, Intl.NumberFormat>();

/** The oracle: what formatNumber wrote before, Intl.NumberFormat for every number. */
function byIntl(v: number, lang: Lang, decimals = 2): string {
  const key = `${lang}:${decimals}`;
  let f = oracles.get(key);
  if (!f) oracles.set(key, (f = new Intl.NumberFormat(lang === "sv" ? "sv-SE" : "en-GB", { maximumFractionDigits: decimals, useGrouping: true })));
  return f.format(Number(v.toFixed(decimals)));
}

const LANGS: Lang[] = ["sv", "en"];

describe("formatNumber", () => {
  it("writes the numbers of a plan as Intl does: grouping, decimal sign, minus sign", () => {
    expect(formatNumber(1234567.5, "sv")).toBe("1\u00a0234\u00a0567,5");
    expect(formatNumber(-1234.5, "sv")).toBe("\u22121\u00a0234,5");
    expect(formatNumber(-1234.5, "en")).toBe("-1,234.5");
    expect(formatNumber(undefined, "sv")).toBe("–");
  });

  it("agrees with Intl on the edges: zeros, signs, tiny and huge numbers, NaN and infinities", () => {
    const edges = [0, -0, -0.001, 0.004, 0.005, -0.005, 1e-6, 1e-7, -1e-7, 0.1 + 0.2, 999.995, 999999999999999, 1e15, 1e15 + 0.5, 123456789012345.6,
      9007199254740993, 1e20, 1e21, -1e21, 1.5e300, Number.MAX_VALUE, Number.MIN_VALUE, NaN, Infinity, -Infinity, 1000, 999, 100, 12345.678901];
    for (const lang of LANGS) for (const d of [0, 1, 2, 3, 6, 10]) for (const v of edges) expect([v, d, formatNumber(v, lang, d)]).toEqual([v, d, byIntl(v, lang, d)]);
  });

  it("agrees with Intl on any double, at any number of decimals a report asks for", () => {
    fc.assert(
      fc.property(fc.double(), fc.integer({ min: 0, max: 8 }), fc.constantFrom(...LANGS), (v, d, lang) => formatNumber(v, lang, d) === byIntl(v, lang, d)),
      { numRuns: 20000 },
    );
  });

  it("agrees with Intl on the figures plans hold: amounts in tkr, shares, counts with few decimals", () => {
    const figure = fc.tuple(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 0, max: 6 })).map(([n, k]) => n / 10 ** k);
    fc.assert(
      fc.property(figure, fc.integer({ min: 0, max: 6 }), fc.constantFrom(...LANGS), (v, d, lang) => formatNumber(v, lang, d) === byIntl(v, lang, d)),
      { numRuns: 20000 },
    );
  });
});
