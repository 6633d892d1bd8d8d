// Follow-ups: within one period, each entity and each organ's economy is followed up once.
import type { Diagnostic } from "../diagnostics/index.js";
import { items, str, type TypedDoc } from "../model/build.js";
import type { Plan } from "../model/plan.js";
import { at } from "./report.js";

const LISTS: [list: string, field: string][] = [
  ["nyckeltal", "avser"],
  ["aktiviteter", "avser"],
  ["uppdrag", "avser"],
  ["ekonomi", "organ"],
];

export function checkFollowUps(plan: Plan): Diagnostic[] {
  const out: Diagnostic[] = [];
  // Per period and namespace, the first follow-up of each ID: keyed by the ID itself, so no key
  // is made per row (a city's follow-ups have tens of thousands of rows).
  const seen = new Map<string, Map<string, TypedDoc>>();
  for (const t of plan.docs) {
    if (t.kind !== "uppföljning") continue;
    const period = str(t.data.period);
    if (period === undefined) continue;
    for (const [list, field] of LISTS) {
      // Economy is keyed by organ in its own namespace; the rest by the entity followed up.
      const space = `${period}\u0000${list === "ekonomi" ? "ekonomi" : "avser"}`;
      let ids = seen.get(space);
      if (!ids) seen.set(space, (ids = new Map()));
      const rows = items(t.data[list]);
      for (let i = 0; i < rows.length; i++) {
        const item = rows[i]!;
        const id = str(item[field]);
        if (id === undefined) continue;
        const first = ids.get(id);
        if (first) {
          out.push(at("duplicate-follow-up", { doc: t.doc, obj: item, key: field }, { id, period, list, otherFile: first.doc.file }, id));
        } else {
          ids.set(id, t);
        }
      }
    }
  }
  return out;
}
