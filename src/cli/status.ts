import { computeStatus, followUpPeriods } from "../status/engine.js";
import type { Lang } from "../diagnostics/index.js";
import { statusJson, statusMarkdown, statusText } from "../format/status.js";
import type { Plan } from "../model/plan.js";
import { useColor } from "./color.js";
import { out, UsageError } from "./io.js";
import { openPlan } from "./open-plan.js";

/** `--period`, checked against the plan's follow-ups; default the newest. */
export function pickPeriod(plan: Plan, raw: string | undefined): string {
  const periods = followUpPeriods(plan);
  if (raw === undefined) {
    const newest = periods[periods.length - 1];
    if (!newest) throw new UsageError("the plan has no uppföljning yet: nothing to assess");
    return newest;
  }
  if (!/^\d{4}-(0[1-9]|1[0-2])$/u.test(raw)) throw new UsageError(`--period must be a month such as 2025-08, not "${raw}"`);
  if (!periods.includes(raw)) {
    throw new UsageError(`no uppföljning for ${raw}${periods.length > 0 ? `; periods with follow-up: ${periods.join(", ")}` : ""}`);
  }
  return raw;
}

/** `--nämnd`, checked against the organisation. */
export function checkNämnd(plan: Plan, raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const id = raw.normalize("NFC");
  if (!plan.namnder.includes(id)) throw new UsageError(`unknown nämnd "${id}"; nämnder: ${plan.namnder.join(", ")}`);
  return id;
}

export function runStatus(o: { dir?: string; period?: string; nämnd?: string; format: "text" | "md" | "json"; lang: Lang }): number {
  const { plan } = openPlan(o.dir);
  const period = pickPeriod(plan, o.period);
  const nämnd = checkNämnd(plan, o.nämnd);
  const model = computeStatus(plan, { period, ...(nämnd !== undefined ? { nämnd } : {}) });
  out(o.format === "json" ? statusJson(model) : o.format === "md" ? statusMarkdown(model, o.lang) : statusText(model, o.lang, useColor(process.env, process.stdout)));
  return 0;
}
