// Follow-up documents: their periods, and the newest figure per entity up to a period.
import { items, str, type Data, type TypedDoc } from "../model/build.js";
import { isMonth } from "../model/month.js";
import type { Plan } from "../model/plan.js";

/** Every follow-up period in the plan, ascending (YYYY-MM sorts as text). */
export function followUpPeriods(plan: Plan): string[] {
  const set = new Set<string>();
  for (const t of plan.docs) {
    const p = t.kind === "uppföljning" ? str(t.data.period) : undefined;
    if (p && isMonth(p)) set.add(p);
  }
  return [...set].sort();
}

export interface Entry {
  data: Data;
  period: string;
  doc: TypedDoc;
}

/** The newest entry per key, from follow-ups of the year up to and including `period`. */
export function latest(docs: TypedDoc[], list: string, key: string): Map<string, Entry> {
  const out = new Map<string, Entry>();
  for (const t of docs) {
    const period = str(t.data.period)!;
    for (const item of items(t.data[list])) {
      const id = str(item[key]);
      if (id === undefined) continue;
      const prev = out.get(id);
      if (!prev || prev.period < period) out.set(id, { data: item, period, doc: t });
    }
  }
  return out;
}

