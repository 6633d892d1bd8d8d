// The report's view model and rules, without templates: the order of the economy and of the
// förvaltningsberättelse, trends, helår figures, and what the templates may do.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { EconomyRow, StatusModel } from "../src/status/engine.js";
import { escapeXml, fulfilmentChart, sparkline } from "../src/report/chart.js";
import { periodText } from "../src/report/labels.js";
import { prepare } from "../src/report/render.js";
import { buildReportView } from "../src/report/report.js";
import { deviatingFirst, withFullYearFigures } from "../src/report/view-economy.js";
import type { DelårView } from "../src/report/view-delar.js";
import { cleanupTemp, FIXTURES, minimalWithHelår, planAt, render, ROOT } from "./report-helpers.js";

afterAll(cleanupTemp);

describe("economy", () => {
  it("puts deficits first (largest first), then surpluses, then the rest in plan order", () => {
    const rows = [{ organ: "A" }, { organ: "B", avvikelse: 2 }, { organ: "C", avvikelse: -1 }, { organ: "D", avvikelse: 0 }, { organ: "E", avvikelse: -5 }, { organ: "F", avvikelse: 3 }] as EconomyRow[];
    expect(deviatingFirst(rows).map((r) => r.organ)).toEqual(["E", "C", "F", "B", "A", "D"]);
  });
  it("takes a helår row's utfall as its full-year figure", () => {
    const m = { rapport: "helår", ekonomi: [{ organ: "KS", namn: "KS", budget: 10, utfall: 11 }, { organ: "BUN", namn: "BUN", budget: 5, utfall: 4, prognos: 4.5, avvikelse: 0.5 }] } as StatusModel;
    const f = withFullYearFigures(m);
    expect(f.ekonomi[0]).toMatchObject({ prognos: 11, avvikelse: -1 });
    expect(f.ekonomi[1]).toMatchObject({ prognos: 4.5, avvikelse: 0.5 });
    expect(f.ekonomiTotal).toMatchObject({ budget: 15, utfall: 15, prognos: 15.5, avvikelse: -0.5 });
    const delår = { ...m, rapport: "delår" };
    expect(withFullYearFigures(delår)).toBe(delår);
  });
});

describe("trend over helår follow-ups", () => {
  const dir = path.join(FIXTURES, "report-trend");
  it("shows each åtagande's value for every year with a helår follow-up", () => {
    const md = render(dir, "årsredovisning", { format: "md" });
    expect(md).toContain("| Åtagande | Nyckel­tal (enhet) | 2024 | 2025 | Mål­värde 2025 |");
    expect(md).toContain("| `EKO-A01` | Sjukfrånvaro (%) | 7,1 | 6,5 | 6,6 |");
    expect(md).toContain("| `EKO-A02` | E-fakturor (%) | 58 | – | 70 |");
  });
  it("draws the same numbers as a line, titled with them", () => {
    const html = render(dir, "årsredovisning", { format: "html" });
    const svg = /<td class="spark">(<svg[\s\S]*?<\/svg>)<\/td>/u.exec(html)![1]!;
    expect(svg).toMatch(/<polyline points="[\d.]+,[\d.]+ [\d.]+,[\d.]+"/u);
    expect(svg).toContain("<title id=\"trend-1-t\">Trend för EKO-A01 – 2024: 7,1; 2025: 6,5; Målvärde 2025: 6,6</title>");
    expect(svg).toContain('aria-labelledby="trend-1-t"');
  });
  it("is absent from the delårsrapport", () => {
    const view = buildReportView(planAt(dir), { phase: "delår", period: "2025-12", lang: "sv" }) as DelårView;
    expect(view.områden.every((o) => o.trend === null)).toBe(true);
    // The delårsrapport's own order: no viktiga förhållanden, personal or redovisningsprinciper without a text.
    expect(view.berättelse.sections.map((s) => s.anchor)).not.toContain("personal");
    expect(view.finans.map((s) => s.anchor)).not.toContain("redovisningsprinciper");
  });
});

describe("the förvaltningsberättelse", () => {
  it("shows the schema's sections in order, then the plan's own, and leaves x- keys out", () => {
    const dir = minimalWithHelår();
    const view = buildReportView(planAt(dir), { phase: "årsredovisning", period: "2026-12", lang: "sv" }) as DelårView;
    expect(view.berättelse.sections.map((a) => a.title)).toEqual([
      "Översikt över verksamhetens utveckling",
      "Viktiga förhållanden för resultat och ställning",
      "Händelser av väsentlig betydelse",
      "Styrning och uppföljning av den kommunala verksamheten",
      "God ekonomisk hushållning och ekonomisk ställning",
      "Balanskravsresultat",
      "Väsentliga personalförhållanden",
      "Förväntad utveckling",
      "Miljöredovisning",
    ]);
  });
});

describe("building blocks", () => {
  it("names the months a follow-up covers", () => {
    expect(periodText("2012-08", "sv")).toBe("januari–augusti 2012");
    expect(periodText("2012-01", "en")).toBe("January 2012");
  });
  it("escapes every text it puts into an SVG", () => {
    const text = '<script>"&\'';
    const bar = fulfilmentChart([{ label: text, counts: { uppfyllt: 1, delvis_uppfyllt: 0, ej_uppfyllt: 0, ej_bedömd: 0 } }], {
      id: "c",
      title: text,
      desc: text,
      legend: { uppfyllt: text, delvis_uppfyllt: "b", ej_uppfyllt: "c", ej_bedömd: "d" },
      segment: () => text,
    });
    expect(bar).not.toContain("<script");
    expect(bar).toContain(escapeXml(text));
    expect(sparkline([{ year: 2024, value: 1 }], 2, { id: "s", title: text })).not.toContain("<script");
  });
  it("prepares a view for Markdown: text escaped, IDs as code, Markdown texts as blocks and cells", () => {
    expect(prepare({ id: "A-1", namn: "a | b", text: { rich: "x | *y*", headingBase: 0 }, labels: { a: "(x)" }, chart: { svg: "<svg/>" } }, "md")).toEqual({
      id: "`A-1`",
      namn: "a \\| b",
      text: { md: "x | *y*", cell: "x \\| \\*y\\*" },
      labels: { a: "(x)" },
      chart: { svg: "" },
    });
    expect(prepare({ namn: "<b>", text: { rich: "<b>", headingBase: 0 } }, "html")).toEqual({ namn: "<b>", text: { html: "<p>&lt;b&gt;</p>" } });
  });
});

describe("the templates", () => {
  const all = (dir: string): string[] =>
    readdirSync(dir, { recursive: true, encoding: "utf8" })
      .filter((f) => f.endsWith(".hbs"))
      .map((f) => path.join(dir, f));
  it("use triple-stash only for sanitised Markdown (.html), generated SVG (.svg) and the cssString helper", () => {
    for (const file of all(path.join(ROOT, "templates/html"))) {
      for (const m of readFileSync(file, "utf8").matchAll(/\{\{\{\s*([^}]*?)\s*\}\}\}/gu)) {
        expect(m[1], file).toMatch(/^(?:[\wåäö.]+\.(html|svg)|cssString .+)$/u);
      }
    }
  });
  it("never use triple-stash in Markdown (it is compiled without escaping; prepare() escapes)", () => {
    for (const file of all(path.join(ROOT, "templates/md"))) expect(readFileSync(file, "utf8"), file).not.toContain("{{{");
  });
});
