// The nyckeltal of a period: each åtagande, resultatmål-nyckeltal, verksamhetsmål and
// produktionsmål and finansiellt mål of the year with its figures and its assessment.
import type { Entity, EntityKind } from "../model/types.js";
import { isData, num, str, type Data } from "../model/build.js";
import { namnderOf } from "../model/resolve.js";
import { latest, type Entry } from "./follow-ups.js";
import { assessKpi, STATUSES, type Riktning, type Status } from "./fulfilment.js";
import { ofYear, type PeriodScope } from "./scope.js";

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
  /** The year the utfall is for: the row's `år`, else the follow-up's year. Set with utfall. */
  utfallÅr?: number;
  /** Where the utfall comes from (the row's `källa`, e.g. Kolada). */
  källa?: string;
  prognos?: number;
  value?: number;
  valueSource?: "prognos" | "utfall";
  status: Status;
  manual: boolean;
  kommentar?: string;
  /** The period the figures come from (the newest up to the asked period). */
  period?: string;
  nämnder: readonly string[];
}

export interface KpiStatuses {
  åtaganden: KpiStatus[];
  resultatmålNyckeltal: KpiStatus[];
  verksamhetsmål: KpiStatus[];
  produktionsmål: KpiStatus[];
  /** The budget's finansiella mål, followed up like åtaganden; kommun-wide, so none when cut to a nämnd. */
  finansiellaMål: KpiStatus[];
}

/** What the goals are rolled up from: the åtaganden and the resultatmål's own nyckeltal. */
export type CountedKpis = Pick<KpiStatuses, "åtaganden" | "resultatmålNyckeltal">;

/**
 * Every nyckeltal of the year in plan order, cut to the scope's nämnd when it has one.
 * `counted`: only what the goals are rolled up from, the other lists left empty.
 */
export function kpiStatuses(s: PeriodScope, counted = false): KpiStatuses {
  const { plan, year, budget, nämnd, organs } = s;
  const entries = latest(s.followUps, "nyckeltal", "avser");
  const out: KpiStatuses = { åtaganden: [], resultatmålNyckeltal: [], verksamhetsmål: [], produktionsmål: [], finansiellaMål: [] };
  // Each list from the entities of its kind alone: one kind is a few hundred of a city's 25,000 entities.
  const ofKind = (kind: EntityKind): readonly Entity[] => plan.index.ofKind(kind);
  for (const e of ofKind("åtagande")) {
    if (!ofYear(s, e) || e.container !== budget?.entity) continue;
    const nämnder = namnderOf(e, plan.namnder);
    if (nämnd !== undefined && !nämnder.includes(nämnd)) continue;
    out.åtaganden.push(ownKpiOf(e, year, entries.get(e.id), nämnder));
  }
  if (nämnd === undefined) {
    for (const e of ofKind("nyckeltal")) {
      if (ofYear(s, e) && e.container?.kind === "resultatmål") out.resultatmålNyckeltal.push(kpiOf(e, e.data, year, entries.get(e.id), []));
    }
  }
  if (counted) return out;
  if (nämnd === undefined) {
    for (const e of ofKind("finansiellt_mål")) {
      if (ofYear(s, e) && e.container === budget?.entity) out.finansiellaMål.push(ownKpiOf(e, year, entries.get(e.id), []));
    }
  }
  for (const [kind, list] of [["verksamhetsmål", out.verksamhetsmål], ["produktionsmål", out.produktionsmål]] as const) {
    for (const e of ofKind(kind)) {
      if (!ofYear(s, e) || !isData(e.data.nyckeltal)) continue;
      const owner = kind === "verksamhetsmål" ? str(e.container?.data.nämnd) : str(e.container?.data.organ);
      if (organs && (owner === undefined || !organs.has(owner))) continue;
      list.push(kpiOf(e, e.data.nyckeltal, year, entries.get(e.id), owner ? [owner] : []));
    }
  }
  return out;
}

/** An åtagande or finansiellt mål by its `nyckeltal`; without one it is ej bedömd unless assessed by hand. */
function ownKpiOf(e: Entity, year: number, entry: Entry | undefined, nämnder: readonly string[]): KpiStatus {
  const k = kpiOf(e, isData(e.data.nyckeltal) ? e.data.nyckeltal : {}, year, entry, nämnder);
  if (!isData(e.data.nyckeltal) && !k.manual) k.status = "ej_bedömd";
  return k;
}

const RIKTNINGAR: readonly string[] = ["öka", "minska", "bibehåll"];

function kpiOf(e: Entity, nyckeltal: Data, year: number, entry: Entry | undefined, nämnder: readonly string[]): KpiStatus {
  const riktning = (RIKTNINGAR.includes(str(nyckeltal.riktning) ?? "") ? nyckeltal.riktning : "öka") as Riktning;
  const målvärden = isData(nyckeltal.målvärden) ? nyckeltal.målvärden : {};
  const target = num(målvärden[String(year)]);
  const bas = isData(nyckeltal.utgångsvärde) ? nyckeltal.utgångsvärde : undefined;
  const baseline = bas ? num(bas.värde) : undefined;
  const f = entry?.data;
  const utfall = f ? num(f.utfall) : undefined;
  const prognos = f ? num(f.prognos) : undefined;
  const bedömning = f && STATUSES.includes(f.bedömning as Status) ? (f.bedömning as Status) : undefined;
  const tolerans = num(nyckeltal.tolerans);
  // A value of an earlier year (Kolada's newest) counts as the newest known value; its year travels with it.
  const utfallÅr = utfall !== undefined ? (num(f!.år) ?? year) : undefined;
  const källa = f ? str(f.källa) : undefined;
  const r = assessKpi({ riktning, target, baseline, tolerans, utfall, prognos, bedömning });
  const kolada = str(nyckeltal.kolada);
  const kommentar = f ? str(f.kommentar) : undefined;
  // Fields set one by one in the order of the output, each only where it has a value (no
  // object spread per field: a city has thousands of nyckeltal per period).
  const k = { id: e.id, entity: e, namn: str(nyckeltal.namn) ?? "", enhet: str(nyckeltal.enhet) ?? "", riktning } as KpiStatus;
  if (kolada !== undefined) k.kolada = kolada;
  if (baseline !== undefined) {
    const år = num(bas!.år);
    k.utgångsvärde = år !== undefined ? { år, värde: baseline } : { värde: baseline };
  }
  if (target !== undefined) k.target = target;
  if (utfall !== undefined) {
    k.utfall = utfall;
    k.utfallÅr = utfallÅr!;
  }
  if (källa !== undefined) k.källa = källa;
  if (prognos !== undefined) k.prognos = prognos;
  if (r.value !== undefined) {
    k.value = r.value;
    k.valueSource = r.valueSource!;
  }
  k.status = r.status;
  k.manual = r.manual;
  if (kommentar !== undefined) k.kommentar = kommentar;
  if (entry) k.period = entry.period;
  k.nämnder = nämnder;
  return k;
}
