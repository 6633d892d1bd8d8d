// Resultatmål and målområden: the nyckeltal's statuses rolled up (format.md, "Goal
// fulfilment"), with the kommun's own thresholds.
import type { Entity } from "../model/types.js";
import { isData, num } from "../model/build.js";
import type { Plan } from "../model/plan.js";
import { nameOf } from "../model/thread.js";
import { DEFAULT_THRESHOLDS, rollUp, type RollUp, type Status, type Thresholds } from "./fulfilment.js";
import type { KpiStatuses } from "./kpis.js";
import { ofYear, type PeriodScope } from "./scope.js";

export interface GoalStatus extends RollUp {
  id: string;
  entity: Entity;
  namn: string;
}

/** `bedömning` in kommun.yaml, each threshold defaulting on its own. */
export function thresholdsOf(plan: Plan): Thresholds {
  const b = plan.kommun && isData(plan.kommun.data.bedömning) ? plan.kommun.data.bedömning : {};
  return { uppfyllt: num(b.uppfyllt) ?? DEFAULT_THRESHOLDS.uppfyllt, delvis: num(b.delvis) ?? DEFAULT_THRESHOLDS.delvis };
}

/**
 * The budget's resultatmål, each from its åtaganden and its own nyckeltal. Cut to a nämnd, a
 * resultatmål with nothing of the nämnd's is left out.
 */
export function resultatmålStatuses(s: PeriodScope, kpis: KpiStatuses, thresholds: Thresholds): GoalStatus[] {
  const byEntity = new Map<Entity, Status>();
  for (const k of kpis.åtaganden) byEntity.set(k.entity, k.status);
  const out: GoalStatus[] = [];
  for (const r of s.plan.entities) {
    if (r.kind !== "resultatmål" || !ofYear(s, r) || r.container !== s.budget?.entity) continue;
    const statuses: Status[] = [];
    for (const c of r.children) {
      const status = byEntity.get(c);
      if (status !== undefined && c.kind === "åtagande") statuses.push(status);
    }
    for (const k of kpis.resultatmålNyckeltal) if (k.entity.container === r) statuses.push(k.status);
    if (s.nämnd !== undefined && statuses.length === 0) continue;
    out.push({ id: r.id, entity: r, namn: nameOf(r), ...rollUp(statuses, thresholds) });
  }
  return out;
}

/** The kommunplan's målområden, each from the resultatmål under it. */
export function målområdeStatuses(s: PeriodScope, resultatmål: readonly GoalStatus[], thresholds: Thresholds): GoalStatus[] {
  const kp = s.plan.index.kommunplanFor(s.year);
  const out: GoalStatus[] = [];
  for (const o of s.plan.entities) {
    if (o.kind !== "målområde" || o.container !== kp) continue;
    const statuses = resultatmål.filter((r) => r.entity.parents.includes(o)).map((r) => r.status);
    if (s.nämnd !== undefined && statuses.length === 0) continue;
    out.push({ id: o.id, entity: o, namn: nameOf(o), ...rollUp(statuses, thresholds) });
  }
  return out;
}
