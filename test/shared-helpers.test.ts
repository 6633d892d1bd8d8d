// The helpers that used to exist as copies in several folders: one function each now, and
// the places that had their own copy behave as the shared one does.
import { describe, expect, it } from "vitest";
import { clip } from "../src/format/text.js";
import { isMonth, MONTH } from "../src/model/month.js";
import { round } from "../src/model/round.js";
import { fulfilmentChart } from "../src/report/chart.js";
import { economyTotal } from "../src/status/economy.js";

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/u;

describe("round", () => {
  it("rounds to six decimals by default (sums of amounts), to fewer when asked (stats)", () => {
    expect(round(0.1 + 0.2)).toBe(0.3);
    expect(round(1234.5678912)).toBe(1234.567891);
    expect(round(2 / 3, 2)).toBe(0.67);
    expect(round(2 / 3, 4)).toBe(0.6667);
    expect(round(12.25, 1)).toBe(12.3);
  });
});

describe("clip", () => {
  it("counts characters, not UTF-16 units, and ends a shortened text in …", () => {
    expect(clip("abcdef", 4)).toBe("abc…");
    expect(clip("abcd", 4)).toBe("abcd");
    expect(clip("ab😀😀😀", 4)).toBe("ab😀…");
  });

  it("the chart's labels are clipped the same way: an emoji at the cut is kept whole", () => {
    // 34 letters, then an emoji at code points 35 (UTF-16 units 35–36): a cut by UTF-16 unit
    // at 35 split it and left half a surrogate pair in the SVG.
    const label = `${"a".repeat(34)}😀bbb`;
    const svg = fulfilmentChart([{ label, counts: { uppfyllt: 1, delvis_uppfyllt: 0, ej_uppfyllt: 0, ej_bedömd: 0 } }], {
      id: "c",
      title: "t",
      desc: "d",
      legend: { uppfyllt: "a", delvis_uppfyllt: "b", ej_uppfyllt: "c", ej_bedömd: "d" },
      segment: () => "s",
    });
    expect(svg).toContain(`>${"a".repeat(34)}😀…</text>`);
    expect(svg).not.toMatch(LONE_SURROGATE);
  });
});

describe("the follow-up month", () => {
  it("is YYYY-MM with a real month, and the year is its first group", () => {
    for (const ok of ["2025-01", "2025-12", "1999-09"]) expect(isMonth(ok), ok).toBe(true);
    for (const bad of ["2025-00", "2025-13", "2025-1", "25-01", "2025-01-01", " 2025-01", "2025-01\n"]) expect(isMonth(bad), bad).toBe(false);
    expect(MONTH.exec("2012-08")?.[1]).toBe("2012");
  });
});

describe("economyTotal", () => {
  it("sums each figure some row has, rounded, and leaves out one that no row has", () => {
    const total = economyTotal([
      { organ: "A", namn: "A", budget: 0.1, utfall: 1 },
      { organ: "B", namn: "B", budget: 0.2, avvikelse: -3 },
    ]);
    expect(total).toEqual({ organ: "", namn: "", budget: 0.3, utfall: 1, avvikelse: -3 });
    expect("prognos" in total).toBe(false);
  });
});
