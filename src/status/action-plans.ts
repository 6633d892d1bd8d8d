// Åtgärder: what the follow-ups of the year say will be done about a goal or a figure.
import { asList, items, str } from "../model/build.js";
import type { KpiStatuses } from "./kpis.js";
import type { PeriodScope } from "./scope.js";

export interface Åtgärd {
  id: string;
  avser: string[];
  text: string;
  ansvarig?: string;
  klart?: string;
  period: string;
}

/**
 * Every åtgärd of the year's follow-ups up to the period, in plan order. Cut to a nämnd, an
 * åtgärd is kept when it is about something shown for the nämnd (or the nämnd itself), or
 * when the nämnd's own follow-up holds it.
 */
export function åtgärderOf(s: PeriodScope, kpis: KpiStatuses): Åtgärd[] {
  const shownIds = new Set([...kpis.åtaganden.map((k) => k.id), ...kpis.verksamhetsmål.map((k) => k.id), ...kpis.produktionsmål.map((k) => k.id), ...(s.nämnd ? [s.nämnd] : [])]);
  const out: Åtgärd[] = [];
  for (const t of s.followUps) {
    for (const a of items(t.data.åtgärder)) {
      const avser = asList(a.avser);
      if (s.nämnd !== undefined && !avser.some((x) => shownIds.has(x)) && str(t.data.organ) !== s.nämnd) continue;
      const ansvarig = str(a.ansvarig);
      const klart = str(a.klart);
      out.push({
        id: str(a.id) ?? "",
        avser,
        text: str(a.text) ?? "",
        ...(ansvarig !== undefined ? { ansvarig } : {}),
        ...(klart !== undefined ? { klart } : {}),
        period: str(t.data.period)!,
      });
    }
  }
  return out;
}
