// The underlag report (each nämnd's submission): the numbers of the view model, Markdown
// structure, determinism, axe in Chromium for both examples, and one spawn of the built CLI.
import { describe, expect, it } from "vitest";
import { buildPlanningView } from "../src/report/report.js";
import type { UnderlagView } from "../src/report/view-underlag.js";
import { plan } from "./helpers/exec.js";
import { KATRINEHOLM, MINIMAL, planAt, renderPlanning, SKIP_BROWSER, checkMarkdown, axeViolations, reportPage } from "./report-helpers.js";

const view = (dir: string, year: number, nämnd?: string, lang: "sv" | "en" = "sv"): UnderlagView =>
  buildPlanningView(planAt(dir), { phase: "underlag", year, lang, ...(nämnd ? { nämnd } : {}) }) as UnderlagView;

describe("underlag view", () => {
  it("Katrineholm 2013: BIN's submission grouped by målområde and resultatmål, sums per year", () => {
    const v = view(KATRINEHOLM, 2013);
    expect(v.planperiod).toBe("2013–2015");
    expect(v.beloppsenhet).toBe("mnkr");
    expect(v.submissions.map((s) => s.nämnd)).toEqual(["BIN"]);
    const bin = v.submissions[0]!;
    expect(bin.years).toEqual([2013, 2014, 2015]);
    expect(bin.beslut).toBe("Beslutad av Bildningsnämnden 2012-08-22");
    expect(bin.områden.map((o) => o.id)).toEqual(["SKO"]);
    const groups = bin.områden[0]!.resultatmål;
    expect(groups.map((g) => [g.id, g.direkt, g.åtaganden.map((a) => a.id)])).toEqual([
      ["SKO-R1", false, ["SKO-A40", "SKO-A41"]],
      ["", true, ["SKO-A42"]],
    ]);
    expect(groups[0]!.åtaganden[0]).toMatchObject({ enhet: "%", utgångsvärde: "79 (2012)", målvärden: ["82", "84", "86"] });
    expect(bin.investeringsbehov.rows.map((r) => r.summa)).toEqual(["32", "2,5", "8"]);
    expect(bin.investeringsbehov.totals).toEqual(["24,5", "18", "0"]);
    expect(bin.investeringsbehov.total).toBe("42,5");
    expect(bin.upphandlingar.total).toBe("16,5");
    expect(bin.upphandlingar.rows.map((r) => r.start)).toEqual(["2013-07-01", "2013-01-01"]);
  });

  it("the overview: every nämnd, the ones without a submission said so, and a total row", () => {
    const v = view(KATRINEHOLM, 2013);
    const o = v.overview!;
    expect(o.rows.map((r) => r.nämnd)).toEqual(planAt(KATRINEHOLM).namnder);
    expect(o.rows.find((r) => r.nämnd === "BIN")).toMatchObject({ åtaganden: "3", investeringsbehov: "42,5", upphandlingar: "16,5" });
    expect(o.rows.find((r) => r.nämnd === "KS")?.status).toBe("Inget underlag");
    expect(o.total).toMatchObject({ åtaganden: "3", investeringsbehov: "42,5", upphandlingar: "16,5" });
    expect(o.converted).toBe(false);
  });

  it("--nämnd: no overview; a nämnd without a submission and a plan without any say so", () => {
    expect(view(KATRINEHOLM, 2013, "BIN").overview).toBeNull();
    expect(view(KATRINEHOLM, 2013, "KS").empty).toBe("Inget underlag.");
    expect(view(MINIMAL, 2026).empty).toBe("Planen har inga underlag för året.");
    expect(view(MINIMAL, 2026, undefined, "en").empty).toBe("The plan has no submissions for the year.");
  });
});

const CASES = [
  { name: "katrineholm", dir: KATRINEHOLM, year: 2013, nämnd: "BIN" },
  { name: "minimal", dir: MINIMAL, year: 2026, nämnd: "BUN" },
] as const;

describe("the underlag report's text", () => {
  for (const c of CASES) {
    for (const lang of ["sv", "en"] as const) {
      it(`${c.name} (${lang}): whole kommun and per nämnd, well-formed Markdown, the same bytes twice`, () => {
        for (const nämnd of [undefined, c.nämnd]) {
          for (const format of ["md", "html"] as const) {
            const a = { format, year: c.year, lang, ...(nämnd ? { nämnd } : {}) };
            const once = renderPlanning(c.dir, "underlag", a);
            expect(renderPlanning(c.dir, "underlag", a)).toBe(once);
            if (format === "md") checkMarkdown(once);
          }
        }
      });
    }
  }

  it("English labels with --lang en", () => {
    const md = renderPlanning(KATRINEHOLM, "underlag", { format: "md", year: 2013, lang: "en" });
    expect(md).toMatch(/^# Committee submissions 2013/u);
    expect(md).toContain("## Overview");
  });

  it("snapshot (read at review)", async () => {
    await expect(renderPlanning(KATRINEHOLM, "underlag", { format: "md", year: 2013 })).toMatchFileSnapshot("snapshots/report/katrineholm-kommun-underlag.md");
  });
});


describe.skipIf(SKIP_BROWSER)("the underlag html in headless Chromium", () => {
  const page = reportPage();

  for (const c of CASES) {
    for (const nämnd of [undefined, c.nämnd]) {
      it(`${c.name} underlag${nämnd ? ` ${nämnd}` : ""} ${c.year}: no axe violations (WCAG 2.1 A/AA)`, async () => {
        await page().setContent(renderPlanning(c.dir, "underlag", { format: "html", year: c.year, ...(nämnd ? { nämnd } : {}) }), { waitUntil: "load" });
        expect(await axeViolations(page())).toEqual([]);
        expect(await page().locator("h1").count()).toBe(1);
        // In-page links land on an element.
        const hrefs = await page().evaluate(() => [...document.querySelectorAll('a[href^="#"]')].map((a) => a.getAttribute("href")!.slice(1)));
        for (const id of hrefs) expect(await page().locator(`[id="${id}"]`).count(), id).toBe(1);
      });
    }
  }
});

// One spawn of the built CLI: the ASCII name, exit 0, the newest year with an underlag by default.
describe("plan report underlag", () => {
  it("exit 0, 2013 by default for Katrineholm", () => {
    const r = plan(["report", "underlag", "-C", KATRINEHOLM]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout.split("\n")[0]).toBe("# Nämndernas underlag 2013");
  });
});
