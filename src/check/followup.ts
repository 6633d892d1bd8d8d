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
  const seen = new Map<string, TypedDoc>();
  for (const t of plan.docs) {
    if (t.kind !== "uppföljning") continue;
    const period = str(t.data.period);
    if (period === undefined) continue;
    for (const [list, field] of LISTS) {
      for (const item of items(t.data[list])) {
        const id = str(item[field]);
        if (id === undefined) continue;
        // Economy is keyed by organ in its own namespace; the rest by the entity followed up.
        const key = `${period}\u0000${list === "ekonomi" ? "ekonomi" : "avser"}\u0000${id}`;
        const first = seen.get(key);
        if (first) {
          out.push(at("duplicate-follow-up", { doc: t.doc, obj: item, key: field }, { id, period, list, otherFile: first.doc.file }, id));
        } else {
          seen.set(key, t);
        }
      }
    }
  }
  return out;
}
