// plan report planeringsdirektiv: the view's numbers, well-formed Markdown, determinism, axe in
// Chromium for both examples, A4 print, and one spawn of the built CLI (ASCII, exit 0).
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildPlanningView } from "../src/report/report.js";
import type { PlaneringsdirektivView } from "../src/report/view-planeringsdirektiv.js";
import { plan } from "./helpers/exec.js";
import { KATRINEHOLM, launchChromium, MINIMAL, planAt, renderPlanning, SKIP_BROWSER, checkMarkdown, axeViolations } from "./report-helpers.js";

const view = (dir: string, year: number, nämnd?: string, lang: "sv" | "en" = "sv"): PlaneringsdirektivView =>
  buildPlanningView(planAt(dir), { phase: "planeringsdirektiv", year, lang, ...(nämnd ? { nämnd } : {}) }) as PlaneringsdirektivView;

describe("planeringsdirektiv view", () => {
  it("Katrineholm 2013: ramar against budget 2012 in amount and per cent, with a total row", () => {
    const v = view(KATRINEHOLM, 2013);
    expect(v.title).toBe("Planeringsdirektiv 2013");
    expect(v.beslut).toBe("Beslutad av Kommunstyrelsen 2012-04-11");
    expect(v.prioriteringar).toHaveLength(5);
    expect(v.ramar.rows.find((r) => r.id === "KS")).toMatchObject({ budget: "142,6", direktiv: "145,2", förändring: "+2,6", procent: "+1,8 %" });
    expect(v.ramar.rows.find((r) => r.id === "VSR")).toMatchObject({ typ: "kommunalförbund", budget: "38,6", direktiv: "39,4", förändring: "+0,8" });
    expect(v.ramar.rows.find((r) => r.id === "KIAB")).toMatchObject({ typ: "bolag", budget: "2", direktiv: "", förändring: "" });
    // nämnder first, then bolag, then kommunalförbund
    expect(v.ramar.rows.map((r) => r.typ)).toEqual([...Array(8).fill("nämnd"), "bolag", "bolag", "bolag", "kommunalförbund"]);
    expect(v.ramar.total).toMatchObject({ budget: "1\u00a0646,1", direktiv: "1\u00a0680,1", förändring: "+34", procent: "+2,1 %" });
    expect(v.ramar.notes[0]).toMatch(/^Ram i budgeten men inte i direktivet: Katrineholms Fastighets AB/u);
    expect(v.satsningar.rows).toHaveLength(5);
    expect(v.satsningar.total).toBe("9,8");
    expect(v.målområden.map((o) => o.id)).toEqual(["ORT", "KUL", "SKO", "OMS", "FOLK", "EKO"]);
  });

  it("--nämnd BIN: its own frame and satsning only", () => {
    const v = view(KATRINEHOLM, 2013, "BIN");
    expect(v.ramar.rows.map((r) => r.id)).toEqual(["BIN"]);
    expect(v.ramar.total).toMatchObject({ budget: "598,5", direktiv: "610,4", förändring: "+11,9", procent: "+2 %" });
    expect(v.satsningar.rows.map((s) => s.id)).toEqual(["S13-01"]);
  });

  it("minimal 2027 has no directive: a note, and the current budget's frames to start from", () => {
    const v = view(MINIMAL, 2027);
    expect(v.saknas).toBe("Planen har inget planeringsdirektiv för 2027.");
    expect(v.ramar.total).toMatchObject({ budget: "355", direktiv: "", förändring: "" });
    expect(v.satsningar.rows).toEqual([]);
    expect(v.kommunplan).toBe("Kommunplan 2023–2026");
  });
});

const CASES = [
  { name: "katrineholm", dir: KATRINEHOLM, year: 2013, nämnd: "BIN" },
  { name: "minimal", dir: MINIMAL, year: 2027, nämnd: "BUN" },
] as const;

describe("the planeringsdirektiv's text", () => {
  for (const c of CASES) {
    it(`${c.name}: md well formed, md and html the same twice, sv and en, whole kommun and --nämnd`, () => {
      for (const lang of ["sv", "en"] as const) {
        for (const nämnd of [undefined, c.nämnd]) {
          for (const format of ["md", "html"] as const) {
            const a = { format, year: c.year, lang, ...(nämnd ? { nämnd } : {}) };
            const once = renderPlanning(c.dir, "planeringsdirektiv", a);
            expect(renderPlanning(c.dir, "planeringsdirektiv", a)).toBe(once);
            if (format === "md") checkMarkdown(once);
          }
        }
      }
    });
  }
  it("the snapshot a reviewer reads: Katrineholm's directive for 2013, whole kommun", async () => {
    const md = renderPlanning(KATRINEHOLM, "planeringsdirektiv", { format: "md", year: 2013 });
    expect(md).toMatch(/^# Planeringsdirektiv 2013$/mu);
    await expect(md).toMatchFileSnapshot("snapshots/report/katrineholm-kommun-planeringsdirektiv.md");
  });

  it("English labels", () => {
    expect(renderPlanning(KATRINEHOLM, "planeringsdirektiv", { format: "md", year: 2013, lang: "en" })).toMatch(/^# Planning directive 2013\n[\s\S]*\| Body \| Type \| Budget 2012 \| Directive 2013 \| Change \| Change % \|/u);
  });
});

describe("plan report planeringsdirektiv (one spawn of the built CLI)", () => {
  it("exit 0, the newest directive's year by default", () => {
    const r = plan(["report", "planeringsdirektiv", "-C", KATRINEHOLM]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout.split("\n")[0]).toBe("# Planeringsdirektiv 2013");
  });
});


describe.skipIf(SKIP_BROWSER)("planeringsdirektiv in headless Chromium", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  for (const c of CASES) {
    for (const nämnd of [undefined, c.nämnd]) {
      it(`${c.name}${nämnd ? ` ${nämnd}` : ""}: no axe violations (WCAG 2.1 A/AA), no requests`, async () => {
        const context = await browser.newContext({ bypassCSP: true });
        const page = await context.newPage();
        const requests: string[] = [];
        page.on("request", (r) => requests.push(r.url()));
        await page.route("**/*", (route) => route.abort());
        await page.setContent(renderPlanning(c.dir, "planeringsdirektiv", { format: "html", year: c.year, ...(nämnd ? { nämnd } : {}) }), { waitUntil: "load" });
        expect(await axeViolations(page)).toEqual([]);
        expect(requests).toEqual([]);
        expect(await page.locator("h1").count()).toBe(1);
        await context.close();
      });
    }
  }
});
