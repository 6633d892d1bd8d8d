// The status of a follow-up period: nyckeltal, åtaganden, resultatmål, målområden, activities,
// economy, financial statements and god ekonomisk hushållning. Pure: takes the resolved plan, returns data. Each part is computed in its own
// module; this one composes them into the model the formatters and the report read.
import type { Plan } from "../model/plan.js";
import { åtgärderOf, type Åtgärd } from "./action-plans.js";
import { beloppsenhetOf, economyOf, investmentsOf, type EconomyRow, type InvestmentRow } from "./economy.js";
import { statementsOf, type Statements } from "./finance.js";
import { DEFAULT_RULE, type Rule, type Thresholds } from "./fulfilment.js";
import { hushållningOf, type Hushållning } from "./hushallning.js";
import { kpiStatuses, type KpiStatus } from "./kpis.js";
import { målområdeStatuses, resultatmålStatuses, thresholdsOf, type GoalStatus } from "./roll-up.js";
import { periodScope, type StatusOptions } from "./scope.js";
import { taskStatuses, type TaskStatus } from "./tasks.js";
import { periodTexts, type PeriodTexts } from "./texts.js";

export { followUpPeriods } from "./follow-ups.js";
export type { EconomyRow } from "./economy.js";
export type { StatementResult } from "./finance.js";
export type { KpiStatus } from "./kpis.js";
export type { GoalStatus } from "./roll-up.js";
export type { StatusOptions } from "./scope.js";
export { ACTIVITY_STATES, type ActivityState, type TaskStatus } from "./tasks.js";

export interface StatusModel {
  period: string;
  year: number;
  rapport?: string;
  thresholds: Thresholds;
  beloppsenhet: string;
  åtaganden: KpiStatus[];
  resultatmålNyckeltal: KpiStatus[];
  resultatmål: GoalStatus[];
  målområden: GoalStatus[];
  verksamhetsmål: KpiStatus[];
  produktionsmål: KpiStatus[];
  aktiviteter: TaskStatus[];
  uppdrag: TaskStatus[];
  ekonomi: EconomyRow[];
  ekonomiTotal: EconomyRow;
  /** Every investering of the year's budget with its follow-up figures. */
  investeringar: InvestmentRow[];
  investeringarTotal: Omit<InvestmentRow, "id" | "namn" | "organ" | "organNamn">;
  /** The budget's finansiella mål with their status (none when cut to a nämnd). */
  finansiellaMål: KpiStatus[];
  /** Resultaträkning, balansräkning, kassaflödesanalys and balanskrav (none when cut to a nämnd). */
  statements: Statements;
  /** God ekonomisk hushållning (none when cut to a nämnd). */
  hushållning?: Hushållning;
  /** The rule goals are rolled up by. */
  rule: Rule;
  åtgärder: Åtgärd[];
  analys: PeriodTexts["analys"];
  avsnitt: PeriodTexts["avsnitt"];
  /** The nämnd the model is cut to, if any. */
  nämnd?: string;
}

export function computeStatus(plan: Plan, opts: StatusOptions): StatusModel {
  const s = periodScope(plan, opts);
  const thresholds = thresholdsOf(plan);
  // The kommun's roll-up rule: the one place it is read for the economy's verdicts.
  const rule: Rule = { ...DEFAULT_RULE, ...thresholds };
  const beloppsenhet = beloppsenhetOf(s.budget);
  const kpis = kpiStatuses(s);
  const resultatmål = resultatmålStatuses(s, kpis, thresholds);
  const { ekonomi, ekonomiTotal } = economyOf(s, beloppsenhet);
  const { investeringar, investeringarTotal } = investmentsOf(s, beloppsenhet);
  const målområden = målområdeStatuses(s, resultatmål, thresholds);
  const hushållning = hushållningOf(s, kpis, resultatmål, målområden, rule);
  const { rapport, analys, avsnitt } = periodTexts(s);
  return {
    period: s.period,
    year: s.year,
    ...(rapport !== undefined ? { rapport } : {}),
    thresholds,
    beloppsenhet,
    åtaganden: kpis.åtaganden,
    resultatmålNyckeltal: kpis.resultatmålNyckeltal,
    resultatmål,
    målområden,
    verksamhetsmål: kpis.verksamhetsmål,
    produktionsmål: kpis.produktionsmål,
    aktiviteter: taskStatuses(s, "aktivitet"),
    uppdrag: taskStatuses(s, "uppdrag"),
    ekonomi,
    ekonomiTotal,
    investeringar,
    investeringarTotal,
    finansiellaMål: kpis.finansiellaMål,
    statements: statementsOf(s, beloppsenhet),
    ...(hushållning ? { hushållning } : {}),
    rule,
    åtgärder: åtgärderOf(s, kpis),
    analys,
    avsnitt,
    ...(opts.nämnd !== undefined ? { nämnd: opts.nämnd } : {}),
  };
}
