// The status of a follow-up period: nyckeltal, åtaganden, resultatmål, målområden, activities,
// economy. Pure: takes the resolved plan, returns data.
import type { Entity } from "../model/types.js";
import { asList, isData, items, num, str, type Data } from "../model/build.js";
import type { Plan } from "../model/plan.js";
import { namnderOf } from "../model/resolve.js";
import { nameOf, organName } from "../model/thread.js";
import { economyOf, type EconomyRow } from "./economy.js";
import { latest, type Entry } from "./follow-ups.js";
import { assessKpi, DEFAULT_THRESHOLDS, rollUp, STATUSES, type RollUp, type Riktning, type Status, type Thresholds } from "./fulfilment.js";

export { followUpPeriods } from "./follow-ups.js";
export type { EconomyRow } from "./economy.js";

export type ActivityState = "ej_påbörjad" | "pågår" | "klar" | "försenad" | "avbruten";
export const ACTIVITY_STATES: readonly ActivityState[] = ["ej_påbörjad", "pågår", "klar", "försenad", "avbruten"];

export interface KpiStatus {
  id: string;
  entity: Entity;
  /** The nyckeltal's own name and unit. */
  namn: string;
  enhet: string;
  riktning: Riktning;
  kolada?: string;
  utgångsvärde?: { år?: number; värde: number };
  target?: number;
  utfall?: number;
  prognos?: number;
  value?: number;
  valueSource?: "prognos" | "utfall";
  status: Status;
  manual: boolean;
  kommentar?: string;
  /** The period the figures come from (the newest up to the asked period). */
  period?: string;
  nämnder: string[];
}

export interface GoalStatus extends RollUp {
  id: string;
  entity: Entity;
  namn: string;
}

export interface TaskStatus {
  id: string;
  entity: Entity;
  namn: string;
  organ: string;
  state?: ActivityState;
  kommentar?: string;
  period?: string;
}


export interface Åtgärd {
  id: string;
  avser: string[];
  text: string;
  ansvarig?: string;
  klart?: string;
  period: string;
}

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
  åtgärder: Åtgärd[];
  analys: { file: string; organ?: string; text: string }[];
  avsnitt: Record<string, string>;
  /** The nämnd the model is cut to, if any. */
  nämnd?: string;
}

export function thresholdsOf(plan: Plan): Thresholds {
  const b = plan.kommun && isData(plan.kommun.data.bedömning) ? plan.kommun.data.bedömning : {};
  return { uppfyllt: num(b.uppfyllt) ?? DEFAULT_THRESHOLDS.uppfyllt, delvis: num(b.delvis) ?? DEFAULT_THRESHOLDS.delvis };
}

function kpiOf(e: Entity, nyckeltal: Data, year: number, entry: Entry | undefined, nämnder: string[]): KpiStatus {
  const riktning = (["öka", "minska", "bibehåll"].includes(str(nyckeltal.riktning) ?? "") ? nyckeltal.riktning : "öka") as Riktning;
  const målvärden = isData(nyckeltal.målvärden) ? nyckeltal.målvärden : {};
  const target = num(målvärden[String(year)]);
  const bas = isData(nyckeltal.utgångsvärde) ? nyckeltal.utgångsvärde : undefined;
  const baseline = bas ? num(bas.värde) : undefined;
  const f = entry?.data;
  const utfall = f ? num(f.utfall) : undefined;
  const prognos = f ? num(f.prognos) : undefined;
  const bedömning = f && STATUSES.includes(f.bedömning as Status) ? (f.bedömning as Status) : undefined;
  const tolerans = num(nyckeltal.tolerans);
  const r = assessKpi({
    riktning,
    ...(target !== undefined ? { target } : {}),
    ...(baseline !== undefined ? { baseline } : {}),
    ...(tolerans !== undefined ? { tolerans } : {}),
    ...(utfall !== undefined ? { utfall } : {}),
    ...(prognos !== undefined ? { prognos } : {}),
    ...(bedömning !== undefined ? { bedömning } : {}),
  });
  const kolada = str(nyckeltal.kolada);
  const kommentar = f ? str(f.kommentar) : undefined;
  return {
    id: e.id,
    entity: e,
    namn: str(nyckeltal.namn) ?? "",
    enhet: str(nyckeltal.enhet) ?? "",
    riktning,
    ...(kolada !== undefined ? { kolada } : {}),
    ...(baseline !== undefined ? { utgångsvärde: { ...(num(bas!.år) !== undefined ? { år: num(bas!.år)! } : {}), värde: baseline } } : {}),
    ...(target !== undefined ? { target } : {}),
    ...(utfall !== undefined ? { utfall } : {}),
    ...(prognos !== undefined ? { prognos } : {}),
    ...(r.value !== undefined ? { value: r.value, valueSource: r.valueSource! } : {}),
    status: r.status,
    manual: r.manual,
    ...(kommentar !== undefined ? { kommentar } : {}),
    ...(entry ? { period: entry.period } : {}),
    nämnder,
  };
}

/** The organ and every organ below it (förvaltningar under a nämnd, enheter under those). */
export function organTree(plan: Plan, root: string): Set<string> {
  const out = new Set([root]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const e of plan.entities) {
      if (e.kind !== "organ" || out.has(e.id)) continue;
      const under = str(e.data.under);
      if (under !== undefined && out.has(under)) {
        out.add(e.id);
        grew = true;
      }
    }
  }
  return out;
}

export interface StatusOptions {
  period: string;
  nämnd?: string;
}

export function computeStatus(plan: Plan, opts: StatusOptions): StatusModel {
  const { period } = opts;
  const year = Number(period.slice(0, 4));
  const thresholds = thresholdsOf(plan);
  const budget = plan.docs.find((t) => t.kind === "budget" && t.year === year);
  const beloppsenhet = budget ? (str(budget.data.beloppsenhet) ?? "tkr") : "tkr";
  const followUps = plan.docs.filter((t) => {
    const p = t.kind === "uppföljning" ? str(t.data.period) : undefined;
    return p !== undefined && p.startsWith(`${year}-`) && p <= period;
  });
  const ofPeriod = followUps.filter((t) => t.data.period === period);
  const kpiEntries = latest(followUps, "nyckeltal", "avser");
  const inYear = (e: Entity): boolean => e.scope.kind === "year" && e.scope.year === year;
  const organs = opts.nämnd !== undefined ? organTree(plan, opts.nämnd) : undefined;
  const nameOfOrgan = (id: string): string => organName(plan, id);

  const åtaganden: KpiStatus[] = [];
  const resultatmålNyckeltal: KpiStatus[] = [];
  const verksamhetsmål: KpiStatus[] = [];
  const produktionsmål: KpiStatus[] = [];
  for (const e of plan.entities) {
    if (!inYear(e)) continue;
    if (e.kind === "åtagande" && e.container === budget?.entity) {
      const nämnder = namnderOf(e, plan.namnder);
      if (opts.nämnd !== undefined && !nämnder.includes(opts.nämnd)) continue;
      const nyckeltal = isData(e.data.nyckeltal) ? e.data.nyckeltal : {};
      const k = kpiOf(e, nyckeltal, year, kpiEntries.get(e.id), nämnder);
      if (!isData(e.data.nyckeltal) && !k.manual) k.status = "ej_bedömd";
      åtaganden.push(k);
    } else if (e.kind === "nyckeltal" && e.container?.kind === "resultatmål" && opts.nämnd === undefined) {
      resultatmålNyckeltal.push(kpiOf(e, e.data, year, kpiEntries.get(e.id), []));
    } else if ((e.kind === "verksamhetsmål" || e.kind === "produktionsmål") && isData(e.data.nyckeltal)) {
      const owner = e.kind === "verksamhetsmål" ? str(e.container?.data.nämnd) : str(e.container?.data.organ);
      if (organs && (owner === undefined || !organs.has(owner))) continue;
      const k = kpiOf(e, e.data.nyckeltal, year, kpiEntries.get(e.id), owner ? [owner] : []);
      (e.kind === "verksamhetsmål" ? verksamhetsmål : produktionsmål).push(k);
    }
  }

  const byEntity = new Map<Entity, KpiStatus>();
  for (const k of [...åtaganden, ...resultatmålNyckeltal]) byEntity.set(k.entity, k);
  const resultatmål: GoalStatus[] = [];
  for (const r of plan.entities) {
    if (r.kind !== "resultatmål" || !inYear(r) || r.container !== budget?.entity) continue;
    const statuses: Status[] = [];
    for (const c of r.children) {
      const k = byEntity.get(c);
      if (k && c.kind === "åtagande") statuses.push(k.status);
    }
    for (const k of resultatmålNyckeltal) if (k.entity.container === r) statuses.push(k.status);
    if (opts.nämnd !== undefined && statuses.length === 0) continue;
    resultatmål.push({ id: r.id, entity: r, namn: nameOf(r), ...rollUp(statuses, thresholds) });
  }
  const kp = plan.index.kommunplanFor(year);
  const målområden: GoalStatus[] = [];
  for (const o of plan.entities) {
    if (o.kind !== "målområde" || o.container !== kp) continue;
    const statuses = resultatmål.filter((r) => r.entity.parents.includes(o)).map((r) => r.status);
    if (opts.nämnd !== undefined && statuses.length === 0) continue;
    målområden.push({ id: o.id, entity: o, namn: nameOf(o), ...rollUp(statuses, thresholds) });
  }

  const tasks = (kind: "aktivitet" | "uppdrag", list: string): TaskStatus[] => {
    const entries = latest(followUps, list, "avser");
    const out: TaskStatus[] = [];
    for (const e of plan.entities) {
      if (e.kind !== kind || !inYear(e)) continue;
      const organ = kind === "aktivitet" ? (str(e.container?.data.organ) ?? "") : (asList(e.data.till)[0] ?? "");
      if (organs) {
        const reach = kind === "aktivitet" ? [organ] : asList(e.data.till);
        if (!reach.some((o) => organs.has(o))) continue;
      }
      const entry = entries.get(e.id);
      const state = entry && ACTIVITY_STATES.includes(entry.data.status as ActivityState) ? (entry.data.status as ActivityState) : undefined;
      const kommentar = entry ? str(entry.data.kommentar) : undefined;
      out.push({
        id: e.id,
        entity: e,
        namn: nameOf(e),
        organ,
        ...(state ? { state } : {}),
        ...(kommentar !== undefined ? { kommentar } : {}),
        ...(entry ? { period: entry.period } : {}),
      });
    }
    return out;
  };

  const { ekonomi, ekonomiTotal } = economyOf(plan, followUps, budget, beloppsenhet, opts.nämnd, nameOfOrgan);

  const åtgärder: Åtgärd[] = [];
  const shownIds = new Set([...åtaganden.map((k) => k.id), ...verksamhetsmål.map((k) => k.id), ...produktionsmål.map((k) => k.id), ...(opts.nämnd ? [opts.nämnd] : [])]);
  for (const t of followUps) {
    for (const a of items(t.data.åtgärder)) {
      const avser = asList(a.avser);
      if (opts.nämnd !== undefined && !avser.some((x) => shownIds.has(x)) && str(t.data.organ) !== opts.nämnd) continue;
      const ansvarig = str(a.ansvarig);
      const klart = str(a.klart);
      åtgärder.push({
        id: str(a.id) ?? "",
        avser,
        text: str(a.text) ?? "",
        ...(ansvarig !== undefined ? { ansvarig } : {}),
        ...(klart !== undefined ? { klart } : {}),
        period: str(t.data.period)!,
      });
    }
  }

  const analys: StatusModel["analys"] = [];
  const avsnitt: Record<string, string> = {};
  for (const t of ofPeriod) {
    const organ = str(t.data.organ);
    if (opts.nämnd !== undefined && organ !== undefined && organ !== opts.nämnd) continue;
    const text = str(t.data.analys);
    if (text !== undefined) analys.push({ file: t.doc.file, ...(organ !== undefined ? { organ } : {}), text });
    if (isData(t.data.avsnitt)) for (const [k, v] of Object.entries(t.data.avsnitt)) if (typeof v === "string") avsnitt[k] = v;
  }
  const rapport = str(ofPeriod.find((t) => str(t.data.organ) === undefined)?.data.rapport ?? ofPeriod[0]?.data.rapport);

  return {
    period,
    year,
    ...(rapport !== undefined ? { rapport } : {}),
    thresholds,
    beloppsenhet,
    åtaganden,
    resultatmålNyckeltal,
    resultatmål,
    målområden,
    verksamhetsmål,
    produktionsmål,
    aktiviteter: tasks("aktivitet", "aktiviteter"),
    uppdrag: tasks("uppdrag", "uppdrag"),
    ekonomi,
    ekonomiTotal,
    åtgärder,
    analys,
    avsnitt,
    ...(opts.nämnd !== undefined ? { nämnd: opts.nämnd } : {}),
  };
}

