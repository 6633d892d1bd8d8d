// The status of a follow-up period: nyckeltal, åtaganden, resultatmål, målområden, activities,
// economy, financial statements and god ekonomisk hushållning. Pure: takes the resolved plan, returns data. Each part is computed in its own
// module; this one composes them into the model the formatters and the report read.
import type { Plan } from "../model/plan.js";
import { åtgärderOf, type Åtgärd } from "./action-plans.js";
import { beloppsenhetOf, economyOf, investmentsOf, type EconomyRow, type InvestmentRow } from "./economy.js";
import { statementsOf, type Statements } from "./finance.js";
import type { Rule } from "./fulfilment.js";
import { hushållningOf, type Hushållning } from "./hushallning.js";
import { kpiStatuses, type CountedKpis, type KpiStatus, type KpiStatuses } from "./kpis.js";
import { goalStatuses, ruleOf, type GoalStatus } from "./roll-up.js";
import { periodScope, type PeriodScope, type StatusOptions } from "./scope.js";
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
  /** The kommun's roll-up rule (plan.yaml `måluppfyllelse`). */
  rule: Rule;
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
  åtgärder: Åtgärd[];
  analys: PeriodTexts["analys"];
  avsnitt: PeriodTexts["avsnitt"];
  /** The nämnd the model is cut to, if any. */
  nämnd?: string;
}

/** What a period assesses: its nyckeltal and the goals rolled up from them, without the rest of the model. */
export interface Assessed<K extends CountedKpis = KpiStatuses> {
  kpis: K;
  resultatmål: GoalStatus[];
  målområden: GoalStatus[];
}

function assess(s: PeriodScope, rule: Rule, counted = false): Assessed {
  const kpis = kpiStatuses(s, counted);
  return { kpis, ...goalStatuses(s, kpis, rule) };
}

/**
 * The assessed part of computeStatus alone (`plan diff` compares statuses, not the rest): the
 * goals and what they are rolled up from, without the verksamhetsmål, produktionsmål and
 * finansiella mål.
 */
export const assessedStatus = (plan: Plan, opts: StatusOptions): Assessed<CountedKpis> => assess(periodScope(plan, opts), ruleOf(plan), true);

export function computeStatus(plan: Plan, opts: StatusOptions): StatusModel {
  const s = periodScope(plan, opts);
  const rule = ruleOf(plan);
  const beloppsenhet = beloppsenhetOf(s.budget);
  const { kpis, resultatmål, målområden } = assess(s, rule);
  const { ekonomi, ekonomiTotal } = economyOf(s, beloppsenhet);
  const { investeringar, investeringarTotal } = investmentsOf(s, beloppsenhet);
  const hushållning = hushållningOf(s, kpis, resultatmål, målområden, rule);
  const { rapport, analys, avsnitt } = periodTexts(s);
  return {
    period: s.period,
    year: s.year,
    ...(rapport !== undefined ? { rapport } : {}),
    rule,
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
    åtgärder: åtgärderOf(s, kpis),
    analys,
    avsnitt,
    ...(opts.nämnd !== undefined ? { nämnd: opts.nämnd } : {}),
  };
}
