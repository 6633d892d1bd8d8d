// God ekonomisk hushållning (format.md, avsnitt 10; docs/rapporter.md): the follow-up's manual
// assessment when there is one; otherwise a proposal from the finansiella mål and the
// verksamhetsmål KF named in the budget, each perspective rolled up by the kommun's rule, the
// whole the weaker of the two. Kommun-wide: a model cut to a nämnd has none.
import { asList, isData, str } from "../model/build.js";
import { rollUpBy, SCORE, STATUSES, type RollUp, type Rule, type Status } from "./fulfilment.js";
import type { KpiStatuses } from "./kpis.js";
import type { GoalStatus } from "./roll-up.js";
import type { PeriodScope } from "./scope.js";

export interface Perspektiv extends RollUp {
  /** The goals counted, as named in the budget (or the default), each with its status. */
  mål: { id: string; status: Status }[];
}

export interface Hushållning {
  /** The verdict: the manual one when the follow-up has it, else the proposal. */
  status: Status;
  manual: boolean;
  /** The manual assessment's motivering and the period it is from. */
  motivering?: string;
  period?: string;
  /** The proposal from the goals, shown beside a manual verdict too. */
  förslag: Status;
  finansiellt: Perspektiv;
  verksamhet: Perspektiv;
  /** Whether the budget names the goals (false: every finansiellt mål, every målområde of the year). */
  named: { finansiella_mål: boolean; verksamhetsmål: boolean };
  /** KF:s riktlinjer (budget.god_ekonomisk_hushållning.text). */
  riktlinjer?: string;
}

/** The weaker of two statuses; ej_bedömd when either is. */
function weaker(a: Status, b: Status): Status {
  if (a === "ej_bedömd" || b === "ej_bedömd") return "ej_bedömd";
  return SCORE[a]! <= SCORE[b]! ? a : b;
}

function perspektiv(ids: readonly string[], statusOf: ReadonlyMap<string, Status>, rule: Rule): Perspektiv {
  const mål = ids.filter((id) => statusOf.has(id)).map((id) => ({ id, status: statusOf.get(id)! }));
  return { mål, ...rollUpBy(mål.map((m) => m.status), rule) };
}

/** The newest manual assessment of the year up to the period (a later file of one period wins). */
function manualOf(s: PeriodScope): { bedömning: Status; motivering?: string; period: string } | undefined {
  let out: { bedömning: Status; motivering?: string; period: string } | undefined;
  for (const d of s.followUps) {
    const g = d.data.god_ekonomisk_hushållning;
    const period = str(d.data.period)!;
    if (!isData(g) || !STATUSES.includes(g.bedömning as Status) || (out && out.period > period)) continue;
    const motivering = str(g.motivering);
    out = { bedömning: g.bedömning as Status, ...(motivering !== undefined ? { motivering } : {}), period };
  }
  return out;
}

export function hushållningOf(s: PeriodScope, kpis: KpiStatuses, resultatmål: readonly GoalStatus[], målområden: readonly GoalStatus[], rule: Rule): Hushållning | undefined {
  if (s.nämnd !== undefined) return undefined;
  const spec = s.budget && isData(s.budget.data.god_ekonomisk_hushållning) ? s.budget.data.god_ekonomisk_hushållning : {};
  const named = { finansiella_mål: Object.hasOwn(spec, "finansiella_mål"), verksamhetsmål: Object.hasOwn(spec, "verksamhetsmål") };
  const fmIds = named.finansiella_mål ? asList(spec.finansiella_mål) : kpis.finansiellaMål.map((k) => k.id);
  const vmIds = named.verksamhetsmål ? asList(spec.verksamhetsmål) : målområden.map((o) => o.id);
  const statusOf = (list: readonly { id: string; status: Status }[]): Map<string, Status> => new Map(list.map((x) => [x.id, x.status]));
  const finansiellt = perspektiv(fmIds, statusOf(kpis.finansiellaMål), rule);
  const verksamhet = perspektiv(vmIds, statusOf([...kpis.åtaganden, ...resultatmål, ...målområden]), rule);
  const förslag = weaker(finansiellt.status, verksamhet.status);
  const manual = manualOf(s);
  const riktlinjer = str(spec.text);
  return {
    status: manual?.bedömning ?? förslag,
    manual: manual !== undefined,
    ...(manual?.motivering !== undefined ? { motivering: manual.motivering } : {}),
    ...(manual ? { period: manual.period } : {}),
    förslag,
    finansiellt,
    verksamhet,
    named,
    ...(riktlinjer !== undefined ? { riktlinjer } : {}),
  };
}
