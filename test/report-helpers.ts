// Shared by the report tests: render reports in-process (fast, for the many snapshot and
// browser cases), the example plans, and headless Chromium (Debian's, via playwright-core).
import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import MarkdownIt from "markdown-it";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect } from "vitest";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { checkPlan } from "../src/check/index.js";
import { periodFor } from "../src/report/period.js";
import { loadPlan } from "../src/load/load-plan.js";
import type { Plan } from "../src/model/plan.js";
import type { Lang } from "../src/diagnostics/index.js";
import { templateDirs, type ReportFormat } from "../src/report/render.js";
import { renderPlanningReport, renderReport, type Phase, type PlanningPhase } from "../src/report/report.js";
import { browserSkipReason } from "./helpers/browser.js";

export const ROOT = fileURLToPath(new URL("../", import.meta.url));
export const FIXTURES = path.join(ROOT, "test/fixtures");
export const KATRINEHOLM = path.join(ROOT, "examples/katrineholm");
export const MINIMAL = path.join(ROOT, "examples/minimal");
export const PHASES: Phase[] = ["månad", "delår", "årsredovisning"];

const made: string[] = [];

export function tempDir(prefix = "rodtrad-report-"): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
}

export function cleanupTemp(): void {
  for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
}

/** A temp copy of `dir` with the given fixture folders laid on top. */
export function copyPlan(dir: string, ...overlays: string[]): string {
  const out = tempDir();
  cpSync(dir, out, { recursive: true });
  for (const o of overlays) cpSync(path.join(FIXTURES, o), out, { recursive: true });
  return out;
}

/** examples/minimal with a helår follow-up, so it has an årsredovisning too. */
export const minimalWithHelår = (): string => copyPlan(MINIMAL, "report-minimal-helar");

const plans = new Map<string, Plan>();
export function planAt(dir: string): Plan {
  if (!plans.has(dir)) {
    const loaded = loadPlan(dir);
    plans.set(dir, checkPlan(loaded.docs, loaded.diagnostics).plan);
  }
  return plans.get(dir)!;
}

export interface RenderArgs {
  format: ReportFormat;
  nämnd?: string;
  lang?: Lang;
  period?: string;
  datum?: string;
}

/** What `plan report <phase>` prints, without a process: the same period choice and templates. */
export function render(dir: string, phase: Phase, a: RenderArgs): string {
  const plan = planAt(dir);
  const period = periodFor(plan, phase, a.period !== undefined ? { period: a.period } : {});
  return renderReport(plan, {
    phase,
    period,
    lang: a.lang ?? "sv",
    format: a.format,
    dirs: templateDirs(dir),
    ...(a.nämnd !== undefined ? { nämnd: a.nämnd } : {}),
    ...(a.datum !== undefined ? { datum: a.datum } : {}),
  });
}

import { launchChromium } from "./helpers/browser.js";
export { launchChromium };

/** Cells of a Markdown table row: split on pipes that are not escaped. */
const cells = (row: string): number => row.split(/(?<!\\)\|/u).length - 2;

/**
 * A Markdown report is well formed: one h1, no heading level skipped, and every table a
 * GitHub table (a separator row after its header, the same number of cells in every row)
 * that markdown-it reads as one.
 */
export function checkMarkdown(md: string): void {
  const tokens = new MarkdownIt().parse(md, {});
  const levels = tokens.filter((t) => t.type === "heading_open").map((t) => Number(t.tag.slice(1)));
  expect(levels.filter((l) => l === 1)).toHaveLength(1);
  levels.forEach((l, i) => i > 0 && expect(l - levels[i - 1]!, `heading ${i}`).toBeLessThanOrEqual(1));
  const blocks: string[][] = [];
  let cur: string[] | undefined;
  for (const line of md.split("\n")) {
    if (line.startsWith("|")) (cur ??= []).push(line);
    else if (cur) blocks.push(cur), (cur = undefined);
  }
  for (const t of blocks) {
    expect(t[1], t[0]).toMatch(/^\|( -{3,}:? \|)+$/u);
    for (const row of t) expect(cells(row), row).toBe(cells(t[0]!));
  }
  expect(tokens.filter((t) => t.type === "table_open")).toHaveLength(blocks.length);
}
/** On CI a missing browser is a failure, never a silent skip (see helpers/browser.ts). */
export const SKIP_BROWSER = browserSkipReason() !== undefined;
export const SKIP_REASON = browserSkipReason() ?? "";

/** What `plan report budget|nämndplan` prints, without a process. */
export function renderPlanning(dir: string, phase: PlanningPhase, a: { format: ReportFormat; year: number; nämnd?: string; lang?: Lang }): string {
  return renderPlanningReport(planAt(dir), { phase, year: a.year, lang: a.lang ?? "sv", format: a.format, dirs: templateDirs(dir), ...(a.nämnd !== undefined ? { nämnd: a.nämnd } : {}) });
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/**
 * The WCAG 2.1 A/AA violations axe-core finds in the page, one line each. axe is injected once
 * per page: setContent keeps the window, and so `axe`, of the page.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(() =>
    (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: { id: string; nodes: { html: string }[] }[] }> } }).axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
      // Only violations are read: axe then keeps one node per rule for passes and incomplete
      // instead of every node (the rules run and report violations as before).
      resultTypes: ["violations"],
    }),
  );
  return result.violations.map((v) => `${v.id}: ${v.nodes.length} × ${v.nodes[0]?.html.slice(0, 160)}`);
}

/**
 * One Chromium page for the HTML reports of a describe block, made before its tests and closed
 * after them: reports are set as content, their CSP bypassed and every request refused.
 */
export function reportPage(): () => Page {
  let browser: Browser | undefined;
  let page: Page | undefined;
  beforeAll(async () => {
    const b = await launchChromium();
    browser = b;
    const context = await b.newContext({ bypassCSP: true, javaScriptEnabled: true });
    page = await context.newPage();
    await page.route("**/*", (route) => route.abort());
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => page!;
}
