// `plan report <fas>`: which period, which language, which templates, and where the text goes.
import { existsSync, statSync } from "node:fs";
import path from "node:path";
import type { ReportFormat } from "../format/names.js";
import type { Plan } from "../model/plan.js";
import { periodFor } from "../report/period.js";
import { needsNämnd, PHASES, PLANNING_PHASES, renderPlanningReport, renderReport, type Phase, type PlanningPhase } from "../report/report.js";
import { templateDirs, TemplateError } from "../report/render.js";
import { checkNämnd } from "../status/select.js";
import { out, UsageError } from "./io.js";
import { openPlan, parseYear, yearFor, type CacheOptions } from "./open-plan.js";
import { writeFileAtomic } from "./write-file.js";
import { binaryOf, convert, converterFor, sourceFormat, type Binary } from "./convert.js";

export interface ReportCliOptions extends CacheOptions {
  dir?: string;
  år?: string;
  period?: string;
  nämnd?: string;
  format?: ReportFormat;
  output?: string;
  lang?: string;
  mallar?: string;
  datum?: string;
}

function parsePhase(raw: string): Phase | PlanningPhase {
  const fas = raw.normalize("NFC");
  if ((PHASES as readonly string[]).includes(fas) || (PLANNING_PHASES as readonly string[]).includes(fas)) return fas as Phase | PlanningPhase;
  throw new UsageError({
    en: `unknown report "${raw}"; reports: månad, delår, årsredovisning, budget, nämndplan, planeringsdirektiv, verksamhetsplan, underlag (or manad, delar, arsredovisning, namndplan)`,
    sv: `okänd rapport "${raw}"; rapporter: månad, delår, årsredovisning, budget, nämndplan, planeringsdirektiv, verksamhetsplan, underlag (eller manad, delar, arsredovisning, namndplan)`,
  });
}

const isPlanning = (p: Phase | PlanningPhase): p is PlanningPhase => (PLANNING_PHASES as readonly string[]).includes(p);

function parseDatum(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const d = new Date(`${raw}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/u.test(raw) || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== raw) {
    throw new UsageError({ en: `--datum must be a date such as 2025-09-30, not "${raw}"`, sv: `--datum ska vara ett datum som 2025-09-30, inte "${raw}"` });
  }
  return raw;
}

/**
 * The format: for -o with .pdf or .docx the one it is made from (HTML, Markdown), else
 * --format, else from -o's extension (.html, .htm), else Markdown.
 */
function formatFor(o: { format?: ReportFormat; output?: string }, binary: Binary | undefined): ReportFormat {
  if (binary) {
    const from = sourceFormat(binary);
    if (o.format !== undefined && o.format !== from) {
      throw new UsageError({
        en: `-o ${o.output} is made from the ${from} report: leave out --format ${o.format}`,
        sv: `-o ${o.output} görs av rapporten i ${from}: utelämna --format ${o.format}`,
      });
    }
    return from;
  }
  if (o.format) return o.format;
  return o.output !== undefined && /\.html?$/iu.test(o.output) ? "html" : "md";
}

function checkFolder(what: { en: string; sv: string }, dir: string): string {
  const abs = path.resolve(dir);
  if (!existsSync(abs) || !statSync(abs).isDirectory()) throw new UsageError({ en: `${what.en}: no folder ${dir}`, sv: `${what.sv}: ingen mapp ${dir}` });
  return abs;
}

/**
 * The year a planning report is about when --år is not given: a planeringsdirektiv and the
 * underlag plan for next year, so the newest such document's year (for a directive, else the
 * year after the newest budget); the others take the year plan stats takes.
 */
function defaultPlanningYear(plan: Plan, phase: PlanningPhase): number {
  const newest = (kind: string): number | undefined => {
    const years = plan.docs.filter((d) => d.kind === kind && d.year !== undefined).map((d) => d.year!);
    return years.length > 0 ? years.reduce((m, y) => Math.max(m, y)) : undefined;
  };
  if (phase === "planeringsdirektiv") return newest("planeringsdirektiv") ?? yearFor(plan, undefined) + 1;
  if (phase === "underlag") return newest("underlag") ?? yearFor(plan, undefined);
  return yearFor(plan, undefined);
}

export function runReport(fasRaw: string, o: ReportCliOptions): number {
  const phase = parsePhase(fasRaw);
  const datum = parseDatum(o.datum);
  const binary = binaryOf(o.output);
  const format = formatFor(o, binary);
  const mallar = o.mallar !== undefined ? checkFolder({ en: "--mallar", sv: "--mallar" }, o.mallar) : undefined;
  const target = o.output !== undefined ? path.resolve(o.output) : undefined;
  // Fail before any work when the file cannot be written where asked.
  if (o.output !== undefined) checkFolder({ en: `cannot write ${o.output}`, sv: `kan inte skriva ${o.output}` }, path.dirname(target!));
  // …and when the program that makes a PDF or DOCX is missing: never Markdown under such a name.
  const converter = binary ? converterFor(binary, o.output!) : undefined;
  if (isPlanning(phase) && o.period !== undefined) {
    throw new UsageError({ en: `${phase} is chosen by year: use --år, not --period`, sv: `${phase} väljs per år: ange --år, inte --period` });
  }
  if (isPlanning(phase) && needsNämnd(phase) && o.nämnd === undefined) {
    throw new UsageError({ en: `${phase} is about one nämnd: give it with --nämnd`, sv: `${phase} gäller en nämnd: ange den med --nämnd` });
  }
  const { plan, root, lang } = openPlan(o.dir, o.lang, "report", o);
  const nämnd = checkNämnd(plan, o.nämnd);
  let text: string;
  try {
    // Reading the template folders may refuse one (a link, a FIFO): a TemplateError, as in rendering.
    const common = { lang, format, dirs: templateDirs(root, mallar), ...(nämnd !== undefined ? { nämnd } : {}), ...(datum !== undefined ? { datum } : {}) };
    if (isPlanning(phase)) {
      text = renderPlanningReport(plan, { ...common, phase, year: o.år !== undefined ? yearFor(plan, o.år) : defaultPlanningYear(plan, phase) });
    } else {
      const year = parseYear(o.år);
      const period = periodFor(plan, phase, { ...(year !== undefined ? { year } : {}), ...(o.period !== undefined ? { period: o.period } : {}) });
      text = renderReport(plan, { ...common, phase, period });
    }
  } catch (e) {
    if (e instanceof TemplateError) throw new UsageError(e.texts);
    throw e;
  }
  if (target === undefined) {
    out(text);
    return 0;
  }
  const bytes = binary ? convert(binary, converter!, text, lang, o.output!) : text;
  try {
    writeFileAtomic(target, bytes);
  } catch (e) {
    const { code, message } = e as NodeJS.ErrnoException;
    const why = `${code ?? message}${code !== undefined && !message.startsWith(code) ? ` (${message})` : ""}`;
    throw new UsageError({ en: `cannot write ${o.output}: ${why}`, sv: `kan inte skriva ${o.output}: ${why}` });
  }
  return 0;
}
