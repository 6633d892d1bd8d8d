// The HTML reports in a real browser (Debian's chromium through playwright-core): WCAG 2.1 AA
// by axe-core, no requests, no script from the plan's texts, and A4 print.
import { execFileSync } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Phase } from "../src/report/report.js";
import { cleanupTemp, FIXTURES, KATRINEHOLM, launchChromium, MINIMAL, minimalWithHelår, PHASES, render, renderPlanning, SKIP_BROWSER, SKIP_REASON, tempDir, axeViolations } from "./report-helpers.js";


interface Loaded {
  page: Page;
  requests: string[];
  dialogs: string[];
}

let browser: Browser;
let shared: Loaded | undefined;

/**
 * The report as a reader gets it, with the network cut off. bypassCSP: the report's own CSP
 * would stop injected scripts too, and these tests must prove the escaping, not lean on the CSP.
 * One context and one page serve every case (a context costs about as much as axe's run):
 * setContent replaces the document, and the requests and dialogs seen are cleared per load.
 */
async function load(html: string): Promise<Loaded> {
  if (!shared) {
    const context = await browser.newContext({ bypassCSP: true, javaScriptEnabled: true });
    const page = await context.newPage();
    const loaded: Loaded = { page, requests: [], dialogs: [] };
    page.on("request", (r) => loaded.requests.push(r.url()));
    page.on("dialog", (d) => {
      loaded.dialogs.push(d.message());
      void d.dismiss();
    });
    await page.route("**/*", (route) => route.abort());
    shared = loaded;
  }
  shared.requests.length = 0;
  shared.dialogs.length = 0;
  await shared.page.setContent(html, { waitUntil: "load" });
  return shared;
}


describe.skipIf(SKIP_BROWSER)("HTML reports in headless Chromium", () => {
  let minimal: string;
  beforeAll(async () => {
    browser = await launchChromium();
    minimal = minimalWithHelår();
  });
  afterAll(async () => {
    await shared?.page.context().close();
    await browser?.close();
    cleanupTemp();
  });

  const economy = path.join(FIXTURES, "report-economy");
  const cases: { name: string; dir: () => string; nämnd?: string; phases?: Phase[] }[] = [
    { name: "katrineholm", dir: () => KATRINEHOLM },
    // A cut has its own tables and may have empty sections: the nämnd with its own follow-up and
    // goals (BIN), one with deficits and action plans (SOCN), and the smallest, whose sections are
    // mostly empty (MHN). The other five cut the same templates with the same shapes of data.
    ...["BIN", "SOCN", "MHN"].map((nämnd) => ({ name: `katrineholm ${nämnd}`, dir: () => KATRINEHOLM, nämnd })),
    { name: "minimal", dir: () => minimal },
    { name: "minimal KS", dir: () => minimal, nämnd: "KS" },
    { name: "minimal BUN", dir: () => minimal, nämnd: "BUN" },
    // Every financial section filled: statements, balanskrav, investeringar, god ekonomisk hushållning.
    { name: "report-economy", dir: () => economy, phases: ["delår", "årsredovisning"] },
    { name: "report-economy BUN", dir: () => economy, nämnd: "BUN", phases: ["delår", "årsredovisning"] },
  ];
  for (const c of cases) {
    for (const phase of c.phases ?? PHASES) {
      it(`${c.name} ${phase}: no axe violations (WCAG 2.1 A/AA), no requests`, async () => {
        const html = render(c.dir(), phase, { format: "html", ...(c.nämnd ? { nämnd: c.nämnd } : {}) });
        const { page, requests } = await load(html);
        expect(await axeViolations(page)).toEqual([]);
        expect(requests).toEqual([]);
        expect(await page.locator("h1").count()).toBe(1);
        expect(await page.locator("html").getAttribute("lang")).toBe("sv");
      });
    }
  }

  // The planning reports, chosen by year: budget (whole kommun and per nämnd) and nämndplan.
  const planning = [
    { name: "katrineholm", dir: KATRINEHOLM, year: 2012, nämnd: "BIN" },
    { name: "minimal", dir: MINIMAL, year: 2026, nämnd: "BUN" },
  ] as const;
  for (const c of planning) {
    for (const [phase, nämnd] of [["budget", undefined], ["budget", c.nämnd], ["nämndplan", c.nämnd]] as const) {
      it(`${c.name} ${phase}${nämnd ? ` ${nämnd}` : ""} ${c.year}: no axe violations (WCAG 2.1 A/AA), no requests`, async () => {
        const html = renderPlanning(c.dir, phase, { format: "html", year: c.year, ...(nämnd ? { nämnd } : {}) });
        const { page, requests } = await load(html);
        expect(await axeViolations(page)).toEqual([]);
        expect(requests).toEqual([]);
        expect(await page.locator("h1").count()).toBe(1);
      });
    }
  }

  it("English labels set lang=en and still pass axe", async () => {
    const { page } = await load(render(KATRINEHOLM, "delår", { format: "html", lang: "en" }));
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    expect(await axeViolations(page)).toEqual([]);
  });

  describe("a plan whose texts carry markup, links and template syntax", () => {
    const dir = path.join(FIXTURES, "report-unsafe");
    const literal = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "[x](javascript:alert(1))", "{{constructor}}", "{{{x}}}"];
    for (const phase of PHASES) {
      it(`${phase}: runs no script, loads nothing, shows the text literally`, async () => {
        const html = render(dir, phase, { format: "html" });
        const { page, requests, dialogs } = await load(html);
        await page.waitForTimeout(100);
        expect(dialogs).toEqual([]);
        expect(await page.evaluate(() => (window as unknown as { pwned?: boolean }).pwned)).toBeUndefined();
        expect(requests).toEqual([]);
        expect(await page.locator("script, iframe, img, object, embed").count()).toBe(0);
        const handlers = await page.evaluate(() => [...document.querySelectorAll("*")].flatMap((e) => [...e.attributes].filter((a) => a.name.startsWith("on")).map((a) => `${e.tagName} ${a.name}`)));
        expect(handlers).toEqual([]);
        const hrefs = await page.evaluate(() => [...document.querySelectorAll("a[href]")].map((a) => a.getAttribute("href")!));
        expect(hrefs.filter((h) => !/^(#|https?:)/u.test(h))).toEqual([]);
        const text = await page.evaluate(() => document.body.innerText);
        for (const s of literal) expect(text).toContain(s);
        expect(await page.title()).toContain("<script>alert(1)</script>");
        expect(await axeViolations(page)).toEqual([]);
      });
    }
  });

  it("prints on A4, each målområde starting a page", async () => {
    const html = render(KATRINEHOLM, "delår", { format: "html" });
    const { page } = await load(html);
    const pdf = await page.pdf({ format: "A4", printBackground: true });
    const file = path.join(tempDir(), "delar.pdf");
    writeFileSync(file, pdf);
    // A4 is 210 × 297 mm: 595 × 842 points (Chromium rounds to whole pixels, so allow one point).
    const boxes = [...pdf.toString("latin1").matchAll(/\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/gu)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(boxes.length).toBeGreaterThan(6);
    for (const [w, h] of boxes) expect(Math.abs(w! - 595.3) < 1.5 && Math.abs(h! - 841.9) < 1.5, `page ${w} × ${h}`).toBe(true);
    if (!existsSync("/usr/bin/pdftotext")) return;
    const pages = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" }).split("\f");
    const firstLines = pages.map((p) => p.split("\n").find((l) => l.trim() !== "")?.trim() ?? "");
    for (const område of ["ORT Ortsutveckling", "KUL Kultur och fritid", "SKO Skola", "OMS Omsorg och trygghet", "EKO Ekonomi och organisation"]) {
      expect(firstLines.some((l) => l.startsWith(område)), `${område} starts a page`).toBe(true);
    }
  });
});

if (SKIP_BROWSER) {
  describe("HTML reports in headless Chromium", () => {
    it.skip(`skipped: ${SKIP_REASON}`, () => {});
  });
}
