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
    if (!newest) throw new SelectionError({ en: "the plan has no uppföljning yet: nothing to assess", sv: "planen har ingen uppföljning än: inget att bedöma" });
    return newest;
  }
  if (!isMonth(raw)) throw new SelectionError({ en: `--period must be a month such as 2025-08, not "${raw}"`, sv: `--period ska vara en månad som 2025-08, inte "${raw}"` });
  if (!periods.includes(raw)) {
    const list = periods.join(", ");
    throw new SelectionError({
      en: `no uppföljning for ${raw}${periods.length > 0 ? `; periods with follow-up: ${list}` : ""}`,
      sv: `ingen uppföljning för ${raw}${periods.length > 0 ? `; perioder med uppföljning: ${list}` : ""}`,
    });
  }
  return raw;
}

/** `--nämnd`, checked against the organisation. */
export function checkNämnd(plan: Plan, raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const id = raw.normalize("NFC");
  if (!plan.namnder.includes(id)) throw new SelectionError({ en: `unknown nämnd "${id}"; nämnder: ${plan.namnder.join(", ")}`, sv: `okänd nämnd "${id}"; nämnder: ${plan.namnder.join(", ")}` });
  return id;
}
