// Values from Kolada in the follow-up reports: an utfall of an earlier year shows its year, a
// table of utfall with a källa says so under it, and a jämförelse for the year gives a section
// with the kommun's value beside the group's median, range and count. Both languages, Markdown
// and HTML, and the status JSON that carries the year and the källa. In-process.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { comparisonFigures, comparisonRowFor, type ComparisonRow } from "../src/model/comparison.js";
import { timed } from "./helpers/hostile-size.js";
import { planNextYear } from "../src/model/next-year.js";
import { planInProcess } from "./helpers/in-process.js";
import { axeViolations, checkMarkdown, cleanupTemp, copyPlan, MINIMAL, minimalWithHelår, planAt, render, SKIP_BROWSER, reportPage } from "./report-helpers.js";

afterAll(cleanupTemp);

const row = (values: Record<string, number | null>, år = 2025): ComparisonRow => ({ kolada: "N15419", år, kommuner: new Map(Object.entries(values)) });

describe("median and range of a comparison row", () => {
  it("an odd count: the middle value, whatever the order written", () => {
    expect(comparisonFigures(row({ "0480": 90, "0482": 80, "0484": 84 }))).toEqual({ count: 3, total: 3, median: 84, min: 80, max: 90 });
  });

  it("an even count: the mean of the two middle values", () => {
    expect(comparisonFigures(row({ "0480": 95, "0482": 86, "0484": 91, "0486": 88 }))).toEqual({ count: 4, total: 4, median: 89.5, min: 86, max: 95 });
  });

  it("null is no value: left out of median and range, counted in the total", () => {
    expect(comparisonFigures(row({ "0480": 10, "0482": null, "0484": 30, "0486": null }))).toEqual({ count: 2, total: 4, median: 20, min: 10, max: 30 });
    expect(comparisonFigures(row({ "0480": null, "0482": null }))).toEqual({ count: 0, total: 2 });
  });

  it("a negative value sorts as a number, not as text", () => {
    expect(comparisonFigures(row({ "0480": -2, "0482": 10, "0484": -11 }))).toMatchObject({ median: -2, min: -11, max: 10 });
  });
});

describe("the row beside a kommun value", () => {
  const rows = [row({}, 2024), row({}, 2025), row({}, 2027), { ...row({}, 2025), kolada: "N00001" }];
  it("is the row of the value's year, else the newest up to the plan year", () => {
    expect(comparisonRowFor(rows, "N15419", 2024, 2026)?.år).toBe(2024);
    expect(comparisonRowFor(rows, "N15419", 2026, 2026)?.år).toBe(2025);
    expect(comparisonRowFor(rows, "N00001", 2026, 2026)?.kolada).toBe("N00001");
    expect(comparisonRowFor(rows, "N99999", 2026, 2026)).toBeUndefined();
  });

  it("is found at once among tens of thousands of rows, for each of tens of thousands of nyckeltal", () => {
    // Every nyckeltal once looked through every row: 60,000 × 60,000 took about 10 s.
    const many: ComparisonRow[] = Array.from({ length: 60_000 }, (_, i) => ({ kolada: `N${i}`, år: 2020 + (i % 7), kommuner: new Map([["0483", i]]) }));
    const { s, value } = timed(() => many.map((r) => comparisonRowFor(many, r.kolada, 2026, 2026)));
    expect(s).toBeLessThan(10);
    expect(value.every((r, i) => r === (many[i]!.år <= 2026 ? many[i] : undefined))).toBe(true);
    expect(comparisonFigures(many[5]!)).toBe(comparisonFigures(many[5]!));
  });
});

/**
 * examples/minimal with Kolada IDs on its three åtaganden, two follow-up rows from Kolada (one
 * of them for 2025) and a jämförelse for 2026 whose values were worked out by hand:
 * UTB-A01 (2025: 80, 84, 90, null → 84, 80–90, 3 av 4), UTB-A02 (2026: 86, 88, 91, 95 →
 * 89,5, 86–95, 4 av 4), EKO-A01 (only 2025, all null: its 2026 utfall has no row of its year).
 */
function koladaPlan(jämförelseYear = 2026): string {
  const dir = copyPlan(MINIMAL);
  const edit = (file: string, pairs: [string, string][]): void => {
    let text = readFileSync(path.join(dir, file), "utf8");
    for (const [a, b] of pairs) {
      expect(text, `${file}: ${a}`).toContain(a);
      text = text.replace(a, b);
    }
    writeFileSync(path.join(dir, file), text);
  };
  edit("budget/2026.yaml", [
    ["      utgångsvärde: { år: 2024, värde: 82 }", "      kolada: N15419\n      utgångsvärde: { år: 2024, värde: 82 }"],
    ["      utgångsvärde: { år: 2024, värde: 88 }", "      kolada: N00090\n      utgångsvärde: { år: 2024, värde: 88 }"],
    ["      utgångsvärde: { år: 2024, värde: 7.2 }", "      kolada: N00206\n      utgångsvärde: { år: 2024, värde: 7.2 }"],
  ]);
  edit("uppfoljning/2026-08-delar.yaml", [
    ["  - { avser: UTB-A01, utfall: 86 }", "  - { avser: UTB-A01, utfall: 86, år: 2025, källa: Kolada }"],
    ["  - { avser: UTB-A02, utfall: 90, prognos: 93 }", "  - { avser: UTB-A02, utfall: 90, källa: Kolada, prognos: 93 }"],
  ]);
  mkdirSync(path.join(dir, "kolada"));
  writeFileSync(
    path.join(dir, "kolada", `jamforelse-${jämförelseYear}.yaml`),
    `typ: jämförelse
id: JMF-${jämförelseYear}
år: ${jämförelseYear}
källa: Kolada
hämtad: 2026-09-15
kommuner: ["0480", "0482", "0484", "0486"]
värden:
  - { kolada: N00090, år: 2026, kommuner: { "0480": 88, "0482": 95, "0484": 91, "0486": 86 } }
  - { kolada: N00206, år: 2025, kommuner: { "0480": null, "0482": null } }
  - { kolada: N15419, år: 2024, kommuner: { "0480": 70, "0482": 71, "0484": 72, "0486": 73 } }
  - { kolada: N15419, år: 2025, kommuner: { "0480": 80, "0482": 90, "0484": null, "0486": 84 } }
`,
  );
  return dir;
}

/** The Markdown table rows of the comparison section, cell by cell. */
function comparisonRows(md: string, heading: string): string[][] {
  const section = md.slice(md.indexOf(`## ${heading}`));
  return section
    .split("\n")
    .filter((l) => l.startsWith("| `"))
    .map((l) => l.split(" | ").map((c) => c.replace(/^\| |\s\|$/gu, "")));
}

describe("the delårsrapport with values from Kolada", () => {
  const dir = koladaPlan();
  const md = { sv: render(dir, "delår", { format: "md" }), en: render(dir, "delår", { format: "md", lang: "en" }) };

  it("shows the year of an utfall of another year, and no year for the follow-up's own", () => {
    const line = (id: string): string => md.sv.split("\n").find((l) => l.startsWith(`| \`${id}\` `))!;
    expect(line("UTB-A01")).toContain("| 86 (2025) |");
    expect(line("UTB-A02")).toContain("| 90 |");
    expect(line("EKO-A01")).toContain("| 7 |");
    expect(md.en.split("\n").find((l) => l.startsWith("| `UTB-A01` "))).toContain("| 86 (2025) |");
  });

  it("names the källa once under a table whose utfall have it, and not under one without", () => {
    const notes = md.sv.split("\n").filter((l) => l.startsWith("Källa: "));
    expect(notes).toEqual(["Källa: Kolada", "Källa: Kolada, hämtad 2026-09-15."]);
    // The note follows the UTB-R1 table, before EKO-R1's heading.
    expect(md.sv.indexOf("Källa: Kolada\n")).toBeLessThan(md.sv.indexOf("Resultatmål `EKO-R1`"));
    expect(md.en.split("\n").filter((l) => l.startsWith("Source: "))).toEqual(["Source: Kolada", "Source: Kolada, fetched 2026-09-15."]);
  });

  it("compares each nyckeltal with a row: the kommun's value of the same year, median, range and count", () => {
    expect(comparisonRows(md.sv, "Jämförelse med andra kommuner")).toEqual([
      ["`UTB-A01` Elever i åk 9 behöriga till yrkesprogram (%)", "2025", "86", "84", "80–90", "3 av 4"],
      ["`UTB-A02` Barn som fått plats på önskat datum (%)", "2026", "90", "89,5", "86–95", "4 av 4"],
      ["`EKO-A01` Sjukfrånvaro av ordinarie arbetstid (%)", "2025", "–", "–", "–", "0 av 2"],
    ]);
    expect(md.sv).toContain("Jämförelsegrupp: 0480, 0482, 0484, 0486.");
    expect(md.sv).toContain("medianen medelvärdet av de två mittersta");
  });

  it("speaks English with --lang en, and no Swedish label of the section is left", () => {
    const rows = comparisonRows(md.en, "Comparison with other municipalities");
    expect(rows.map((r) => r.slice(1))).toEqual([
      ["2025", "86", "84", "80–90", "3 of 4"],
      ["2026", "90", "89.5", "86–95", "4 of 4"],
      ["2025", "–", "–", "–", "0 of 2"],
    ]);
    expect(md.en).toContain("| Year | Municipality | Median | Range (min–max) | Municipalities with a value |");
    expect(md.en).toContain("Comparison group: 0480, 0482, 0484, 0486.");
    // The plan's own texts stay Swedish; the section's words and the notes do not.
    const section = md.en.slice(md.en.indexOf("## Comparison with other municipalities"));
    for (const sv of ["Jämförelse", "hämtad", " av 4", "Kommunen", "Median och spann"]) expect(section, sv).not.toContain(sv);
    expect(md.en).not.toContain("Källa");
  });

  it("is well-formed Markdown in both languages", () => {
    checkMarkdown(md.sv);
    checkMarkdown(md.en);
  });

  it("has the section and the notes in HTML, linked from the table of contents", () => {
    const html = render(dir, "delår", { format: "html" });
    expect(html).toContain('<li><a href="#jamforelse">Jämförelse med andra kommuner</a></li>');
    expect(html).toContain('<section id="jamforelse">');
    expect(html).toContain(
      '<tr><th scope="row"><span class="id">UTB-A02</span> Barn som fått plats på önskat datum (%)</th><td class="num">2026</td><td class="num">90</td><td class="num">89,5</td><td class="num">86–95</td><td class="num">4 av 4</td></tr>',
    );
    expect(html).toContain('<td class="num">86 (2025)</td>');
    expect(html).toContain('<p class="note">Källa: Kolada</p>');
    expect(html).toContain('<p class="note">Källa: Kolada, hämtad 2026-09-15.</p>');
  });

  it("the månadsrapport has the comparison too", () => {
    expect(comparisonRows(render(dir, "månad", { format: "md" }), "Jämförelse med andra kommuner")).toHaveLength(3);
  });

  it("a table where only some utfall have a källa names their rows", () => {
    const mixed = koladaPlan();
    const file = path.join(mixed, "uppfoljning/2026-08-delar.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace("utfall: 90, källa: Kolada,", "utfall: 90,"));
    expect(render(mixed, "delår", { format: "md" }).split("\n")).toContain("Källa: Kolada (UTB-A01)");
  });
});

describe("without a jämförelse for the year", () => {
  it("the reports have no comparison section, and the plain example none either", () => {
    const other = render(koladaPlan(2025), "delår", { format: "md" });
    expect(other).not.toContain("Jämförelse med andra kommuner");
    expect(other).toContain("| 86 (2025) |");
    const plain = render(copyPlan(MINIMAL), "delår", { format: "html" });
    expect(plain).not.toContain("jamforelse");
    expect(plain).not.toContain("Källa");
  });
});

describe("a helår utfall of an earlier year", () => {
  /** examples/minimal with its helår, whose UTB-A01 row is Kolada's value for 2025. */
  function helår(): string {
    const dir = minimalWithHelår();
    const file = path.join(dir, "uppfoljning/2026-12-helar.yaml");
    const text = readFileSync(file, "utf8");
    expect(text).toContain("  - { avser: UTB-A01, utfall: 86 }");
    writeFileSync(file, text.replace("  - { avser: UTB-A01, utfall: 86 }", "  - { avser: UTB-A01, utfall: 86, år: 2025, källa: Kolada }"));
    return dir;
  }

  it("is not the year's value in the årsredovisning's trend, while UTB-A02's is", () => {
    const md = render(helår(), "årsredovisning", { format: "md" });
    expect(md).toContain("| `UTB-A01` | Elever i åk 9 behöriga till yrkesprogram (%) | – | 85 |");
    expect(md).toContain("| `UTB-A02` | Barn som fått plats på önskat datum (%) | 93 | 92 |");
    expect(md).toContain("| 86 (2025) |");
  });

  it("becomes the utgångsvärde of its own year in plan nytt-år", () => {
    const next = planNextYear(planAt(helår()), 2027)!;
    const carried = next.underlag.flatMap((u) => u.åtaganden);
    const nyckeltal = (id: string): unknown => (carried.find((c) => c.id === id)!.data.nyckeltal as { utgångsvärde: unknown }).utgångsvärde;
    expect(nyckeltal("UTB-A01")).toEqual({ år: 2025, värde: 86 });
    expect(nyckeltal("UTB-A02")).toEqual({ år: 2026, värde: 93 });
  });
});

describe("plan status --format json", () => {
  it("gives each åtagande's utfall with its year and källa", () => {
    const r = planInProcess(["status", "-C", koladaPlan(), "--format", "json"]);
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout) as { åtaganden: { id: string; utfall: number | null; utfall_år: number | null; källa: string | null }[] };
    const pick = (id: string): object => {
      const a = json.åtaganden.find((x) => x.id === id)!;
      return { utfall: a.utfall, utfall_år: a.utfall_år, källa: a.källa };
    };
    expect(pick("UTB-A01")).toEqual({ utfall: 86, utfall_år: 2025, källa: "Kolada" });
    expect(pick("UTB-A02")).toEqual({ utfall: 90, utfall_år: 2026, källa: "Kolada" });
    expect(pick("EKO-A01")).toEqual({ utfall: 7, utfall_år: 2026, källa: null });
  });
});

describe("plan status as text and Markdown", () => {
  it("shows the year beside an utfall of an earlier year, in both languages", () => {
    const dir = koladaPlan();
    const text = planInProcess(["status", "-C", dir, "--lang", "en"], { NO_COLOR: "1" }).stdout;
    expect(text).toMatch(/UTB-A01 .*86 \(2025\)/u);
    // A forecast is shown as one, whatever the year of the utfall beside it.
    expect(text).toMatch(/UTB-A02 .*93 \(forecast\)/u);
    const md = planInProcess(["status", "-C", dir, "--format", "md", "--lang", "sv"]).stdout;
    expect(md.split("\n").find((l) => l.startsWith("| `UTB-A01` "))).toContain("| 86 (2025) |");
    expect(md.split("\n").find((l) => l.startsWith("| `EKO-A01` "))).toContain("| 6,9 (prognos) |");
  });
});

describe.skipIf(SKIP_BROWSER)("the delår html with Kolada values in headless Chromium", () => {
  const page = reportPage();

  for (const lang of ["sv", "en"] as const) {
    it(`${lang}: no axe violations (WCAG 2.1 A/AA), the comparison table has its caption and heads`, async () => {
      await page().setContent(render(koladaPlan(), "delår", { format: "html", lang }), { waitUntil: "load" });
      expect(await axeViolations(page())).toEqual([]);
      const table = page().locator("#jamforelse table");
      expect(await table.locator("caption").count()).toBe(1);
      expect(await table.locator("tbody th[scope=row]").count()).toBe(3);
    });
  }
});
