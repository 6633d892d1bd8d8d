// The status of a follow-up period, computed once per plan and period for every part of the
// site (the pages and the open data show the same statuses, so they read the same model).
import type { Plan } from "../model/plan.js";
import { computeStatus, type StatusModel } from "../status/engine.js";

const models = new WeakMap<Plan, Map<string, StatusModel>>();

export function statusAt(plan: Plan, period: string): StatusModel {
  let byPeriod = models.get(plan);
  if (!byPeriod) models.set(plan, (byPeriod = new Map()));
  let m = byPeriod.get(period);
  if (!m) byPeriod.set(period, (m = computeStatus(plan, { period })));
  return m;
}
