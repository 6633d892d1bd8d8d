// The figures of the open data: one row per goal, nyckeltal or economy line and follow-up
// period, taken from the same status model as `plan status`, so the files and the command agree.
// A nyckeltal's målvärde for a year without any follow-up gets a row of its own.
import { isData, num, str, type Data } from "../model/build.js";
import type { Plan } from "../model/plan.js";
import { nameOf, namnderLabel } from "../model/thread.js";
import type { Entity } from "../model/types.js";
import { followUpPeriods, type KpiStatus } from "../status/engine.js";
import { statusAt } from "./models.js";
import type { Status } from "../status/fulfilment.js";

type RowTyp = "målområde" | "resultatmål" | "nyckeltal" | "åtagande" | "ekonomi";

/** Every key is always there, null when it does not apply: one shape for every row. */
export interface DataRow {
  typ: RowTyp;
  id: string;
  namn: string;
  /** The IDs one step up the red thread (an åtagande's resultatmål, a resultatmål's målområden). */
  bidrar_till: readonly string[];
  nämnder: readonly string[];
  year: number;
  period: string | null;
  rapport: string | null;
  nyckeltal: string | null;
  enhet: string | null;
  riktning: string | null;
  utgångsvärde: number | null;
  utgångsvärde_år: number | null;
  target: number | null;
  utfall: number | null;
  prognos: number | null;
  value: number | null;
  budget: number | null;
  avvikelse: number | null;
  status: Status | null;
  manual: boolean | null;
  kommentar: string | null;
}

/** The keys in file order: the CSV's columns, the JSON rows' keys. */
export const DATA_KEYS = [
  "typ",
  "id",
  "namn",
  "bidrar_till",
  "nämnder",
  "year",
  "period",
  "rapport",
  "nyckeltal",
  "enhet",
  "riktning",
  "utgångsvärde",
  "utgångsvärde_år",
  "target",
  "utfall",
  "prognos",
  "value",
  "budget",
  "avvikelse",
  "status",
  "manual",
  "kommentar",
] as const satisfies readonly (keyof DataRow)[];

const EMPTY = {
  bidrar_till: [],
  nämnder: [],
  period: null,
  rapport: null,
  nyckeltal: null,
  enhet: null,
  riktning: null,
  utgångsvärde: null,
  utgångsvärde_år: null,
  target: null,
  utfall: null,
  prognos: null,
  value: null,
  budget: null,
  avvikelse: null,
  status: null,
  manual: null,
  kommentar: null,
} as const;

const up = (e: Entity, kind: string): string[] => e.parents.filter((p) => p.kind === kind).map((p) => p.id);
const orNull = <T>(v: T | undefined): T | null => (v === undefined ? null : v);

function kpiRow(plan: Plan, typ: "åtagande" | "nyckeltal", k: KpiStatus, at: { year: number; period: string; rapport: string | null }): DataRow {
  return {
    ...EMPTY,
    typ,
    id: k.id,
    namn: typ === "åtagande" ? nameOf(k.entity) : k.namn,
    bidrar_till: typ === "åtagande" ? up(k.entity, "resultatmål") : k.entity.container ? [k.entity.container.id] : [],
    // An åtagande for every nämnd says `alla`, as the plan does: its ID list would be every
    // nämnd's, in every nämnd's file (nämnder × nämnder × such åtaganden).
    nämnder: typ === "åtagande" ? namnderLabel(k.entity, plan) : k.nämnder,
    ...at,
    nyckeltal: k.namn === "" ? null : k.namn,
    enhet: k.enhet === "" ? null : k.enhet,
    riktning: k.riktning,
    utgångsvärde: orNull(k.utgångsvärde?.värde),
    utgångsvärde_år: orNull(k.utgångsvärde?.år),
    target: orNull(k.target),
    utfall: orNull(k.utfall),
    prognos: orNull(k.prognos),
    value: orNull(k.value),
    status: k.status,
    manual: k.manual,
    kommentar: orNull(k.kommentar),
  };
}

/** The `rapport` of a period's follow-ups: the whole kommun's when it has one. */
function rapportOf(plan: Plan, period: string): string | null {
  const docs = plan.docs.filter((d) => d.kind === "uppföljning" && d.data.period === period);
  const whole = docs.find((d) => str(d.data.organ) === undefined) ?? docs[0];
  return (whole && str(whole.data.rapport)) ?? null;
}

/** The rows of one follow-up period, in the order målområden, resultatmål, nyckeltal, åtaganden, ekonomi. */
function periodRows(plan: Plan, period: string): DataRow[] {
  const m = statusAt(plan, period);
  const at = { year: m.year, period, rapport: rapportOf(plan, period) };
  const goal = (typ: "målområde" | "resultatmål") => (g: (typeof m.resultatmål)[number]): DataRow => ({
    ...EMPTY,
    typ,
    id: g.id,
    namn: g.namn,
    bidrar_till: typ === "resultatmål" ? up(g.entity, "målområde") : [],
    ...at,
    status: g.status,
    manual: g.manual,
  });
  return [
    ...m.målområden.map(goal("målområde")),
    ...m.resultatmål.map(goal("resultatmål")),
    ...m.resultatmålNyckeltal.map((k) => kpiRow(plan, "nyckeltal", k, at)),
    ...m.åtaganden.map((k) => kpiRow(plan, "åtagande", k, at)),
    ...m.ekonomi
      .filter((r) => r.saknas !== true)
      .map((r): DataRow => ({
        ...EMPTY,
        typ: "ekonomi",
        id: r.organ,
        namn: r.namn,
        ...at,
        enhet: m.beloppsenhet,
        budget: orNull(r.budget),
        utfall: orNull(r.utfall),
        prognos: orNull(r.prognos),
        avvikelse: orNull(r.avvikelse),
        kommentar: orNull(r.kommentar),
      })),
  ];
}

/** The nyckeltal of an åtagande or a resultatmål's own nyckeltal, from its definition. */
const definitionOf = (e: Entity): Data | undefined => (e.kind === "åtagande" ? (isData(e.data.nyckeltal) ? e.data.nyckeltal : undefined) : e.data);

/** The budget's åtaganden and resultatmål-nyckeltal, each year's instance by (typ, id). */
function kpiDefinitions(plan: Plan): Map<string, Entity[]> {
  const budgets = new Set(plan.docs.filter((d) => d.kind === "budget").map((d) => d.entity));
  const out = new Map<string, Entity[]>();
  for (const e of plan.entities) {
    const ok = (e.kind === "åtagande" && budgets.has(e.container)) || (e.kind === "nyckeltal" && e.container?.kind === "resultatmål");
    if (!ok || e.year === undefined) continue;
    const key = `${e.kind}\0${e.id}`;
    const list = out.get(key);
    if (list) list.push(e);
    else out.set(key, [e]);
  }
  return out;
}

/**
 * A row per målvärde of a year that has no follow-up row for the nyckeltal: the definition
 * of the newest budget year up to that year (else the first) says the target.
 */
function targetRows(plan: Plan, followed: ReadonlySet<string>): DataRow[] {
  const out: DataRow[] = [];
  for (const instances of kpiDefinitions(plan).values()) {
    instances.sort((a, b) => a.year! - b.year!);
    const years = new Set<number>();
    for (const e of instances) {
      const mv = definitionOf(e)?.målvärden;
      if (isData(mv)) for (const y of Object.keys(mv)) if (/^\d{4}$/u.test(y)) years.add(Number(y));
    }
    for (const year of [...years].sort((a, b) => a - b)) {
      const e = [...instances].reverse().find((i) => i.year! <= year) ?? instances[0]!;
      const typ = e.kind === "åtagande" ? "åtagande" : "nyckeltal";
      if (followed.has(`${typ}\0${e.id}\0${year}`)) continue;
      const def = definitionOf(e) ?? {};
      const mv = isData(def.målvärden) ? def.målvärden : {};
      const bas = isData(def.utgångsvärde) ? def.utgångsvärde : {};
      out.push({
        ...EMPTY,
        typ,
        id: e.id,
        namn: typ === "åtagande" ? nameOf(e) : (str(def.namn) ?? ""),
        bidrar_till: typ === "åtagande" ? up(e, "resultatmål") : e.container ? [e.container.id] : [],
        nämnder: typ === "åtagande" ? namnderLabel(e, plan) : [],
        year,
        nyckeltal: str(def.namn) ?? null,
        enhet: str(def.enhet) ?? null,
        riktning: str(def.riktning) ?? "öka",
        utgångsvärde: orNull(num(bas.värde)),
        utgångsvärde_år: orNull(num(bas.år)),
        target: orNull(num(mv[String(year)])),
      });
    }
  }
  return out;
}

const cache = new WeakMap<Plan, DataRow[]>();

/** Every row of the plan, by year, then period (a year's målvärde rows last), then as above. */
export function dataRows(plan: Plan): DataRow[] {
  const cached = cache.get(plan);
  if (cached) return cached;
  const followed = followUpPeriods(plan).flatMap((p) => periodRows(plan, p));
  const keys = new Set(followed.map((r) => `${r.typ}\0${r.id}\0${r.year}`));
  const rows = [...followed, ...targetRows(plan, keys)];
  // A stable sort: within a year the follow-ups keep their order and the målvärde rows follow.
  rows.sort((a, b) => a.year - b.year || (a.period === null ? 1 : 0) - (b.period === null ? 1 : 0));
  cache.set(plan, rows);
  return rows;
}
