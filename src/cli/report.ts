// `plan report <fas>`: which period, which language, which templates, and where the text goes.
import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { str } from "../model/build.js";
import type { Plan } from "../model/plan.js";
import type { Lang } from "../diagnostics/index.js";
import { PHASES, renderReport, type Phase } from "../report/report.js";
import { templateDirs, TemplateError, type ReportFormat } from "../report/render.js";
import { followUpPeriods } from "../status/engine.js";
import { out, UsageError, writeFileAtomic } from "./io.js";
import { openPlan, parseYear } from "./open-plan.js";
import { checkNämnd, pickPeriod } from "./status.js";

export interface ReportCliOptions {
  dir?: string;
  år?: string;
  period?: string;
  nämnd?: string;
  format?: ReportFormat;
  output?: string;
  lang?: Lang;
  mallar?: string;
  datum?: string;
}

export function parsePhase(raw: string): Phase {
  const fas = raw.normalize("NFC");
  if ((PHASES as readonly string[]).includes(fas)) return fas as Phase;
  throw new UsageError(`unknown report "${raw}"; reports: månad, delår, årsredovisning (or manad, delar, arsredovisning)`);
}

/** The follow-up periods whose documents say `rapport: <kind>`, ascending. */
function periodsWith(plan: Plan, kind: string): string[] {
  const set = new Set<string>();
  for (const d of plan.docs) if (d.kind === "uppföljning" && d.data.rapport === kind && str(d.data.period)) set.add(str(d.data.period)!);
  return followUpPeriods(plan).filter((p) => set.has(p));
}

/**
 * The period of a report. --period wins (checked against --år); else the newest suitable one
 * of --år's year or of all: delår prefers a delår follow-up, årsredovisning needs a helår one,
 * månad takes the newest.
 */
export function periodFor(plan: Plan, phase: Phase, o: { år?: string; period?: string }): string {
  const year = parseYear(o.år);
  if (o.period !== undefined) {
    const p = pickPeriod(plan, o.period);
    if (year !== undefined && Number(p.slice(0, 4)) !== year) throw new UsageError(`--period ${p} is not in --år ${year}`);
    if (phase === "årsredovisning" && !periodsWith(plan, "helår").includes(p)) {
      throw new UsageError(`årsredovisning needs a helår follow-up, and ${p} has none${helårList(plan)}`);
    }
    return p;
  }
  const inYear = (ps: string[]): string[] => (year === undefined ? ps : ps.filter((p) => p.startsWith(`${year}-`)));
  const newest = (ps: string[]): string | undefined => ps[ps.length - 1];
  const all = inYear(followUpPeriods(plan));
  if (phase === "årsredovisning") {
    const p = newest(inYear(periodsWith(plan, "helår")));
    if (!p) throw new UsageError(`årsredovisning needs a helår follow-up (rapport: helår)${year !== undefined ? ` for ${year}` : ""}, and the plan has none${helårList(plan)}`);
    return p;
  }
  const p = phase === "delår" ? (newest(inYear(periodsWith(plan, "delår"))) ?? newest(all)) : newest(all);
  if (!p) throw new UsageError(`the plan has no uppföljning${year !== undefined ? ` for ${year}` : ""}: nothing to report`);
  return p;
}

function helårList(plan: Plan): string {
  const ps = periodsWith(plan, "helår");
  return ps.length > 0 ? `; helår follow-ups: ${ps.join(", ")}` : "";
}

export function parseDatum(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const d = new Date(`${raw}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/u.test(raw) || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== raw) {
    throw new UsageError(`--datum must be a date such as 2025-09-30, not "${raw}"`);
  }
  return raw;
}

/** The format: --format, else from -o's extension (.html, .htm), else Markdown. */
export function formatFor(o: { format?: ReportFormat; output?: string }): ReportFormat {
  if (o.format) return o.format;
  return o.output !== undefined && /\.html?$/iu.test(o.output) ? "html" : "md";
}

function checkFolder(flag: string, dir: string): string {
  const abs = path.resolve(dir);
  if (!existsSync(abs) || !statSync(abs).isDirectory()) throw new UsageError(`${flag}: no folder ${dir}`);
  return abs;
}

export function runReport(fasRaw: string, o: ReportCliOptions): number {
  const phase = parsePhase(fasRaw);
  const datum = parseDatum(o.datum);
  const format = formatFor(o);
  const mallar = o.mallar !== undefined ? checkFolder("--mallar", o.mallar) : undefined;
  const target = o.output !== undefined ? path.resolve(o.output) : undefined;
  // Fail before any work when the file cannot be written where asked.
  if (o.output !== undefined) checkFolder(`cannot write ${o.output}`, path.dirname(target!));
  const { plan, root } = openPlan(o.dir);
  const period = periodFor(plan, phase, o);
  const nämnd = checkNämnd(plan, o.nämnd);
  const lang: Lang = o.lang ?? (plan.kommun?.data.språk === "en" ? "en" : "sv");
  let text: string;
  try {
    text = renderReport(plan, {
      phase,
      period,
      lang,
      format,
      dirs: templateDirs(root, mallar),
      ...(nämnd !== undefined ? { nämnd } : {}),
      ...(datum !== undefined ? { datum } : {}),
    });
  } catch (e) {
    if (e instanceof TemplateError) throw new UsageError(e.message);
    throw e;
  }
  if (target === undefined) {
    out(text);
    return 0;
  }
  try {
    writeFileAtomic(target, text);
  } catch (e) {
    const { code, message } = e as NodeJS.ErrnoException;
    throw new UsageError(`cannot write ${o.output}: ${code ?? message}${code !== undefined && !message.startsWith(code) ? ` (${message})` : ""}`);
  }
  return 0;
}
