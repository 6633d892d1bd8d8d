// What a change does beyond its own fields: what stands without a removed entity, and which
// målvärden it moves. Computed here, worded by src/format/diff.ts.
import type { PlanDiff } from "./compare.js";
import type { FieldValue } from "./fields.js";

/** Add an ID to a map of sets by kind. */
export const addTo = (m: Map<string, Set<string>>, kind: string, id: string): void => void (m.get(kind) ?? m.set(kind, new Set()).get(kind)!).add(id);

export interface Consequences {
  /** What stands without the removed entity it served, by "kind of the removed" and kind. */
  without: Map<string, Map<string, Set<string>>>;
  /** What further down the thread no longer reaches a goal, by kind. */
  further: Map<string, Set<string>>;
}

/**
 * What the removals leave without a goal (PlanDiff.stranded, each entity once however many
 * removals stood above it), split into what served a removed entity directly and what stood
 * further down.
 */
export function consequencesOf(diff: PlanDiff): Consequences {
  const without = new Map<string, Map<string, Set<string>>>();
  const further = new Map<string, Set<string>>();
  const direct = new Set<string>();
  for (const r of diff.removed) {
    for (const c of r.entity.children) {
      const x = diff.stranded.get(c);
      if (!x) continue;
      const m = without.get(r.typ) ?? without.set(r.typ, new Map()).get(r.typ)!;
      addTo(m, x.kind, x.id);
      direct.add(`${x.kind}\u0000${x.id}`);
    }
  }
  for (const x of diff.stranded.values()) if (!direct.has(`${x.kind}\u0000${x.id}`)) addTo(further, x.kind, x.id);
  return { without, further };
}

interface TargetChange {
  /** The entity whose målvärden changed (an åtagande by its own nyckeltal, a nyckeltal), or the listed nyckeltal the path names. */
  id: string;
  year: string;
  from?: FieldValue;
  to?: FieldValue;
}

/** The target (målvärde) changes of a diff: which nyckeltal, which year, from and to. */
export function targetChanges(diff: PlanDiff): TargetChange[] {
  const out: TargetChange[] = [];
  for (const d of diff.changed) {
    for (const f of d.fields) {
      const m = /^(?:nyckeltal(?:\[([^\]]+)\])?\.)?målvärden\.(\d{4})$/u.exec(f.path);
      if (m) out.push({ id: m[1] ?? d.id, year: m[2]!, ...(f.from !== undefined ? { from: f.from } : {}), ...(f.to !== undefined ? { to: f.to } : {}) });
    }
  }
  return out;
}

