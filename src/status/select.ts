// Which cut of the plan a status or report is about: the follow-up period and the nämnd, as
// asked for and checked against the plan. Both are chosen on the command line, so a wrong
// choice is a usage error there (exit 2).
import type { Plan } from "../model/plan.js";
import { followUpPeriods } from "./follow-ups.js";
import { SelectionError } from "./selection-error.js";
import { isMonth } from "../model/month.js";


/** `--period`, checked against the plan's follow-ups; default the newest. */
export function pickPeriod(plan: Plan, raw: string | undefined): string {
  const periods = followUpPeriods(plan);
  if (raw === undefined) {
    const newest = periods[periods.length - 1];
    if (!newest) throw new SelectionError("the plan has no uppföljning yet: nothing to assess");
    return newest;
  }
  if (!isMonth(raw)) throw new SelectionError(`--period must be a month such as 2025-08, not "${raw}"`);
  if (!periods.includes(raw)) {
    throw new SelectionError(`no uppföljning for ${raw}${periods.length > 0 ? `; periods with follow-up: ${periods.join(", ")}` : ""}`);
  }
  return raw;
}

/** `--nämnd`, checked against the organisation. */
export function checkNämnd(plan: Plan, raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const id = raw.normalize("NFC");
  if (!plan.namnder.includes(id)) throw new SelectionError(`unknown nämnd "${id}"; nämnder: ${plan.namnder.join(", ")}`);
  return id;
}
