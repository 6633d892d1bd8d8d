// Resultatmål and målområden: their statuses rolled up by the kommun's rule (plan.yaml
// `måluppfyllelse`, format.md "Goal fulfilment"), or set by a manual assessment.
import type { Entity } from "../model/types.js";
import { groupByParent } from "../model/by-parent.js";
import { isData, num, str } from "../model/build.js";
import type { Plan } from "../model/plan.js";
import { nameOf } from "../model/thread.js";
import { assessmentsOf, type Assessment } from "./assessments.js";
import { DEFAULT_RULE, rollUpBy, type Metod, type Nivå, type RollUp, type Rule, type Status } from "./fulfilment.js";
import type { CountedKpis, KpiStatus } from "./kpis.js";
import { ofYear, type PeriodScope } from "./scope.js";

export interface GoalStatus extends RollUp {
  id: string;
  entity: Entity;
  namn: string;
  /** How many statuses were assessed (uppfyllt, delvis or ej): what the mean or share is of. */
  assessed: number;
  /** Set by a follow-up's `bedömningar`: `status` is the manual one; counts, mean and share stay the rule's. */
  manual: boolean;
  /** With `manual`: the status the rule gives. */
  computed?: Status;
  motivering?: string;
}

const METODER: readonly Metod[] = ["medelvärde", "andel_uppfyllda"];
const NIVÅER: readonly Nivå[] = ["resultatmål", "åtaganden"];
const fraction = (v: unknown): number | undefined => {
  const n = num(v);
  return n !== undefined && n >= 0 && n <= 1 ? n : undefined;
};

/**
 * The kommun's rule: plan.yaml `måluppfyllelse`, its thresholds over `bedömning`'s, each field
 * falling back on its own to today's rule (an invalid value is a schema error, not a crash).
 */
export function ruleOf(plan: Plan): Rule {
  const data = plan.kommun?.data;
  const m = data && isData(data.måluppfyllelse) ? data.måluppfyllelse : {};
  const b = data && isData(data.bedömning) ? data.bedömning : {};
  const metod = str(m.metod) as Metod;
  const nivå = str(m.nivå) as Nivå;
  return {
    metod: METODER.includes(metod) ? metod : DEFAULT_RULE.metod,
    nivå: NIVÅER.includes(nivå) ? nivå : DEFAULT_RULE.nivå,
    uppfyllt: fraction(m.uppfyllt) ?? fraction(b.uppfyllt) ?? DEFAULT_RULE.uppfyllt,
    delvis: fraction(m.delvis) ?? fraction(b.delvis) ?? DEFAULT_RULE.delvis,
  };
}

function goal(e: Entity, r: RollUp, a: Assessment | undefined): GoalStatus {
  const assessed = r.counts.uppfyllt + r.counts.delvis_uppfyllt + r.counts.ej_uppfyllt;
  const base = { id: e.id, entity: e, namn: nameOf(e), ...r, assessed };
  if (!a) return { ...base, manual: false };
  return { ...base, status: a.status, manual: true, computed: r.status, ...(a.motivering !== undefined ? { motivering: a.motivering } : {}) };
}

/**
 * What each resultatmål counts: its åtaganden, then its own nyckeltal, each in plan order. One
 * pass over the nyckeltal for all of them, not one per resultatmål.
 */
function countedByGoal(kpis: CountedKpis): (r: Entity) => KpiStatus[] {
  // An åtagande counts once under a resultatmål it names twice.
  const åtaganden = groupByParent(kpis.åtaganden, (k) => k.entity.parents);
  const own = groupByParent(kpis.resultatmålNyckeltal, (k) => (k.entity.container ? [k.entity.container] : []));
  return (r) => [...(åtaganden.get(r) ?? []), ...(own.get(r) ?? [])];
}

/**
 * The budget's resultatmål, each from its åtaganden and its own nyckeltal, and the kommunplan's
 * målområden, each from its resultatmål's statuses (nivå resultatmål) or from every åtagande and
 * nyckeltal under them, each once (nivå åtaganden). Cut to a nämnd, a goal with nothing of the
 * nämnd's is left out. A manual assessment sets the status.
 */
export function goalStatuses(s: PeriodScope, kpis: CountedKpis, rule: Rule): { resultatmål: GoalStatus[]; målområden: GoalStatus[] } {
  const manual = assessmentsOf(s);
  const countedBy = countedByGoal(kpis);
  const resultatmål: GoalStatus[] = [];
  for (const r of s.plan.index.ofKind("resultatmål")) {
    if (!ofYear(s, r) || r.container !== s.budget?.entity) continue;
    const statuses = countedBy(r).map((k) => k.status);
    if (s.nämnd !== undefined && statuses.length === 0) continue;
    resultatmål.push(goal(r, rollUpBy(statuses, rule), manual.get(r.id)));
  }
  const kp = s.plan.index.kommunplanFor(s.year);
  const målområden: GoalStatus[] = [];
  // Each målområde's resultatmål from one pass over them, not a filter of them all per målområde.
  const underOmråde = groupByParent(resultatmål, (r) => r.entity.parents);
  for (const o of s.plan.index.ofKind("målområde")) {
    if (o.container !== kp) continue;
    const under = underOmråde.get(o) ?? [];
    const statuses =
      rule.nivå === "resultatmål" ? under.map((r) => r.status) : [...new Set(under.flatMap((r) => countedBy(r.entity)))].map((k) => k.status);
    if (s.nämnd !== undefined && statuses.length === 0) continue;
    målområden.push(goal(o, rollUpBy(statuses, rule), manual.get(o.id)));
  }
  return { resultatmål, målområden };
}
