// `plan årshjul`: the yearly cycle, and where the plan stands in it on a given day.
import { ARSHJUL_FORMATTERS } from "../format/arshjul.js";
import type { ArshjulFormat } from "../format/names.js";
import { årshjulFor } from "../model/arshjul.js";
import { årshjulStatus } from "../status/arshjul.js";
import { useColor } from "./color.js";
import { out, UsageError } from "./io.js";
import { openPlan, parseYear, type CacheOptions } from "./open-plan.js";

export interface ArshjulOptions extends CacheOptions {
  dir?: string;
  år?: string;
  idag?: string;
  format: ArshjulFormat;
  lang?: string;
}

function parseIdag(raw: string | undefined, now: Date): string {
  // Today where the user is: just after midnight in Sweden is still yesterday in UTC.
  if (raw === undefined) return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`;
  const d = new Date(`${raw}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/u.test(raw) || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== raw) {
    throw new UsageError({ en: `--idag must be a date such as 2025-09-30, not "${raw}"`, sv: `--idag ska vara ett datum som 2025-09-30, inte "${raw}"` });
  }
  return raw;
}

export function runArshjul(o: ArshjulOptions): number {
  const idag = parseIdag(o.idag, new Date());
  // The pictures and the calendar are documents, Swedish by default like the reports; the table is a command's output.
  const { plan, lang } = openPlan(o.dir, o.lang, o.format === "text" ? "cli" : "report", o);
  const år = parseYear(o.år) ?? Number(idag.slice(0, 4));
  const status = årshjulStatus(plan, årshjulFor(plan), år, idag);
  const data = plan.kommun?.data;
  const kommun = typeof data?.namn === "string" ? data.namn : "";
  const kommunkod = typeof data?.kommunkod === "string" ? data.kommunkod : undefined;
  out(ARSHJUL_FORMATTERS[o.format]({ kommun, ...(kommunkod ? { kommunkod } : {}), status }, { lang, color: o.format === "text" && useColor(process.env, process.stdout) }));
  return 0;
}
