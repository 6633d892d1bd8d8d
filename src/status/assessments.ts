// Manual assessments: a follow-up's `bedömningar` set a resultatmål's or målområde's status by
// hand, with a motivering. The newest within the year up to the period counts, as for other
// follow-up values. A whole-kommun follow-up's assessment is of the whole goal; a nämnd's own
// follow-up (`organ`) assesses the goal as cut to that nämnd (`--nämnd`), and nothing else.
import { str } from "../model/build.js";
import { latest } from "./follow-ups.js";
import { STATUSES, type Status } from "./fulfilment.js";
import type { PeriodScope } from "./scope.js";

export interface Assessment {
  status: Status;
  motivering?: string;
  /** The period of the follow-up that holds it. */
  period: string;
}

/** Each manually assessed resultatmål or målområde by ID. */
export function assessmentsOf(s: PeriodScope): Map<string, Assessment> {
  const out = new Map<string, Assessment>();
  const mine = s.followUps.filter((t) => str(t.data.organ) === s.nämnd);
  for (const [id, e] of latest(mine, "bedömningar", "avser")) {
    const status = e.data.bedömning as Status;
    if (!STATUSES.includes(status)) continue;
    const motivering = str(e.data.motivering);
    out.set(id, { status, period: e.period, ...(motivering !== undefined ? { motivering } : {}) });
  }
  return out;
}
