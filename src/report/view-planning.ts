// The planning reports chosen by year: the budget (övergripande plan med budget, KF) and a
// nämnd's nämndplan. Read straight from the plan's documents: no follow-up is involved.
import { asList, isData, items, num as numberOf, str, type Data, type TypedDoc } from "../model/build.js";
import { groupByParent } from "../model/by-parent.js";
import type { Plan } from "../model/plan.js";
import { planStats } from "../model/stats.js";
import { findEntity, nameOf, namnderLabel, organName, visionOf } from "../model/thread.js";
import type { Entity } from "../model/types.js";
import type { Lang } from "../diagnostics/index.js";
import { formatNumber } from "../format/status-words.js";
import { LABELS, type Labels, type PlanningPhase } from "./labels.js";
import { tocOf, type TocEntry } from "./toc.js";
import { entitiesIn, rich, type RichText } from "./view-common.js";

export interface PlanCtx {
  plan: Plan;
  lang: Lang;
  t: Labels;
  year: number;
  nämnd?: string;
}

export function makePlanCtx(plan: Plan, lang: Lang, year: number, nämnd?: string): PlanCtx {
  return { plan, lang, t: LABELS[lang], year, ...(nämnd !== undefined ? { nämnd } : {}) };
}

/** The header every planning report shares; the layout shows it when `planning` is set. */
export interface PlanHeader {
  planning: true;
  lang: Lang;
  labels: Labels;
  phase: PlanningPhase;
  title: string;
  kommun: string;
  år: number;
  /** The plan years, "2012–2014", or the year alone. */
  planperiod: string;
  budget: string | null;
  nämnd: { id: string; namn: string } | null;
  datum: string | null;
  beloppsenhet: string;
  toc: TocEntry[];
}

export const n = (ctx: PlanCtx, v: number | undefined, digits?: number): string => formatNumber(v, ctx.lang, digits);

/**
 * One row of an amount per year (`belopp: { 2013: 12, 2014: 8 }`): a cell per year (empty where
 * the year has none), the row's sum, and each year's amount added to `totals`.
 */
export function amountsPerYear(ctx: PlanCtx, raw: unknown, years: readonly number[], totals: number[]): { belopp: string[]; summa: number } {
  const b = isData(raw) ? raw : {};
  let summa = 0;
  const belopp = years.map((y, k) => {
    const v = numberOf(b[String(y)]);
    if (v === undefined) return "";
    totals[k] += v;
    summa += v;
    return n(ctx, v, 1);
  });
  return { belopp, summa };
}

function budgetDoc(ctx: PlanCtx): TypedDoc | undefined {
  return ctx.plan.docs.find((d) => d.kind === "budget" && d.year === ctx.year);
}

/** The years the budget plans for: its planperiod, else its own year. */
function planYears(ctx: PlanCtx, doc: TypedDoc | undefined): number[] {
  const p = doc && isData(doc.data.planperiod) ? doc.data.planperiod : undefined;
  const från = numberOf(p?.från);
  const till = numberOf(p?.till);
  if (från === undefined || till === undefined || till < från || till - från > 10) return [ctx.year];
  return Array.from({ length: till - från + 1 }, (_, i) => från + i);
}

/** "Beslutad av Kommunfullmäktige 2011-11-21 § 306", or "Förslag" when the document is not decided. */
export function decisionLine(ctx: PlanCtx, data: Data | undefined): string {
  const b = data && isData(data.beslut) ? data.beslut : undefined;
  if (!data || !b || str(data.status) === "förslag") return ctx.t.plan.förslag;
  const organ = str(b.organ);
  return [ctx.t.plan.beslutadAv, organ !== undefined ? organName(ctx.plan, organ) : undefined, str(b.datum), str(b.paragraf)].filter(Boolean).join(" ");
}

export function planHeader(ctx: PlanCtx, phase: PlanningPhase, datum: string | undefined, toc: TocEntry[], budgetLine: string | null): PlanHeader {
  const { plan, t } = ctx;
  const doc = budgetDoc(ctx);
  const years = planYears(ctx, doc);
  const planperiod = years.length > 1 ? `${years[0]}–${years[years.length - 1]}` : String(ctx.year);
  const nämnd = ctx.nämnd !== undefined ? { id: ctx.nämnd, namn: organName(plan, ctx.nämnd) } : null;
  const title = `${t.plan.title[phase]} ${phase === "budget" ? planperiod : ctx.year}${nämnd ? ` – ${nämnd.namn}` : ""}`;
  return {
    planning: true,
    lang: ctx.lang,
    labels: t,
    phase,
    title,
    kommun: plan.kommun ? (str(plan.kommun.data.namn) ?? "") : "",
    år: ctx.year,
    planperiod,
    budget: budgetLine,
    nämnd,
    datum: datum ?? null,
    beloppsenhet: (doc ? str(doc.data.beloppsenhet) : undefined) ?? "tkr",
    toc,
  };
}

// ── Shared rows ─────────────────────────────────────────────────────────────

interface ÅtagandeRow {
  id: string;
  text: RichText | null;
  nämnder: string;
  nyckeltal: string;
  enhet: string;
  utgångsvärde: string;
  målvärden: string[];
}

function nyckeltalOf(e: Entity): Data | undefined {
  const k = e.data.nyckeltal;
  return isData(k) ? k : items(k)[0];
}

export function utgångsvärde(ctx: PlanCtx, k: Data | undefined): string {
  const u = k && isData(k.utgångsvärde) ? k.utgångsvärde : undefined;
  const v = numberOf(u?.värde);
  if (v === undefined) return "";
  const år = numberOf(u?.år);
  return år !== undefined ? `${n(ctx, v)} (${år})` : n(ctx, v);
}

export const målvärde = (ctx: PlanCtx, k: Data | undefined, year: number): string => {
  const m = k && isData(k.målvärden) ? k.målvärden : undefined;
  return m ? n(ctx, numberOf(m[String(year)])) : "";
};

function åtagandeRow(ctx: PlanCtx, a: Entity, years: number[]): ÅtagandeRow {
  const k = nyckeltalOf(a);
  const named = namnderLabel(a, ctx.plan);
  return {
    id: a.id,
    text: rich(str(a.data.text), 4),
    nämnder: named.includes("alla") ? ctx.t.alla : named.join(", "),
    nyckeltal: (k ? str(k.namn) : undefined) ?? "",
    enhet: (k ? str(k.enhet) : undefined) ?? "",
    utgångsvärde: utgångsvärde(ctx, k),
    målvärden: years.map((y) => målvärde(ctx, k, y)),
  };
}

/** The åtaganden of the year's budget, in file order. */
function budgetÅtaganden(ctx: PlanCtx): Entity[] {
  const budget = budgetDoc(ctx);
  return entitiesIn(ctx.plan, "åtagande", budget?.entity).filter((e) => e.scope.kind === "year" && e.scope.year === ctx.year);
}

/** The åtaganden of the year's budget, in file order; with a nämnd, those it has (named or alla). */
export function åtagandenOf(ctx: PlanCtx): Entity[] {
  const all = budgetÅtaganden(ctx);
  if (ctx.nämnd === undefined) return all;
  return all.filter((a) => {
    const list = asList(a.data.nämnder);
    return list.includes("alla") || list.includes(ctx.nämnd!);
  });
}

/**
 * What åtagandenOf gives for each of `nämnder`, from one pass over the budget's åtaganden
 * rather than one per nämnd: each list in file order.
 */
export function åtagandenPerNämnd(ctx: PlanCtx, nämnder: readonly string[]): Map<string, Entity[]> {
  const out = new Map<string, Entity[]>(nämnder.map((id) => [id, []]));
  for (const a of budgetÅtaganden(ctx)) {
    const list = asList(a.data.nämnder);
    if (list.includes("alla")) {
      for (const own of out.values()) own.push(a);
      continue;
    }
    for (const id of new Set(list)) out.get(id)?.push(a);
  }
  return out;
}

interface AmountRow {
  id: string;
  namn: string;
  belopp: string;
}

function ramar(ctx: PlanCtx): { rows: AmountRow[]; total: string; sum: number; ram: Map<string, number> } {
  const doc = budgetDoc(ctx);
  const ram = new Map<string, number>();
  const rows: AmountRow[] = [];
  let sum = 0;
  for (const r of items(doc?.data.ramar)) {
    const organ = str(r.organ);
    const belopp = numberOf(r.belopp);
    if (organ === undefined || belopp === undefined) continue;
    if (ctx.nämnd !== undefined && organ !== ctx.nämnd) continue;
    ram.set(organ, (ram.get(organ) ?? 0) + belopp);
    rows.push({ id: organ, namn: organName(ctx.plan, organ), belopp: n(ctx, belopp, 1) });
    sum += belopp;
  }
  return { rows, total: n(ctx, sum, 1), sum, ram };
}

interface UppdragRow {
  id: string;
  text: RichText | null;
  till: string;
  klart: string;
  bidrarTill: string;
}

function uppdragRows(ctx: PlanCtx, list: Data[], filterTill: boolean): UppdragRow[] {
  return list
    .filter((u) => str(u.id) !== undefined)
    .filter((u) => !filterTill || ctx.nämnd === undefined || asList(u.till).includes(ctx.nämnd) || asList(u.till).includes("alla"))
    .map((u) => ({
      id: str(u.id)!,
      text: rich(str(u.text), 3),
      till: asList(u.till).map((o) => (o === "alla" ? ctx.t.alla : organName(ctx.plan, o))).join(", "),
      klart: str(u.klart) ?? (u.klart instanceof Date ? u.klart.toISOString().slice(0, 10) : ""),
      bidrarTill: bidrarTill(ctx, u),
    }));
}

/** "SKO-A03 Fler elever …; …": what an item contributes to, with IDs and names. */
function bidrarTill(ctx: PlanCtx, d: Data): string {
  return asList(d.bidrar_till)
    .map((id) => {
      const e = findEntity(ctx.plan, id, ctx.year);
      return e ? `${id} ${nameOf(e)}` : id;
    })
    .join("; ");
}

// ── Budget ──────────────────────────────────────────────────────────────────

interface ResultatmålSection {
  id: string;
  anchor: string;
  text: RichText | null;
  nyckeltal: { id: string; namn: string; enhet: string; utgångsvärde: string; målvärden: string[] }[];
  åtaganden: ÅtagandeRow[];
  caption: string;
}

interface OmrådeSection {
  id: string;
  anchor: string;
  namn: string;
  mål: { id: string; namn: string }[];
  resultatmål: ResultatmålSection[];
}

interface InvesteringRow {
  id: string;
  namn: string;
  organ: string;
  belopp: string[];
  summa: string;
}

interface StatsView {
  total: string;
  alla: string;
  delade: string;
  resultatmål: string;
  aktiviteter: string;
  perNämnd: { id: string; namn: string; count: string }[];
  perMålområde: { id: string; namn: string; count: string; resultatmål: string }[];
}

export interface BudgetView extends PlanHeader {
  beslut: string;
  vision: { namn: string; text: RichText | null } | null;
  years: number[];
  områden: OmrådeSection[];
  antalÅtaganden: number;
  uppdrag: UppdragRow[];
  ramar: { rows: AmountRow[]; total: string };
  investeringar: { rows: InvesteringRow[]; totals: string[]; total: string };
  stats: StatsView;
}

export function budgetView(ctx: PlanCtx, datum: string | undefined): BudgetView {
  const { plan, t } = ctx;
  const doc = budgetDoc(ctx);
  const years = planYears(ctx, doc);
  const åtaganden = åtagandenOf(ctx);
  const kp = plan.index.kommunplanFor(ctx.year);
  const områdeEntities = plan.entities.filter((e) => e.kind === "målområde" && e.container === kp);
  const resultatmål = plan.entities.filter((e) => e.kind === "resultatmål" && e.scope.kind === "year" && e.scope.year === ctx.year && doc !== undefined && e.container === doc.entity);
  // The resultatmål under each målområde and the åtaganden under each resultatmål, each list in
  // file order, from one pass: filtering every list for every målområde and resultatmål took
  // seconds on a budget of thousands.
  const resultatmålUnder = groupByParent(resultatmål, (e) => e.parents);
  const åtagandenUnder = groupByParent(åtaganden, (e) => e.parents);
  const seen = new Set<Entity>();
  const områden: OmrådeSection[] = områdeEntities.map((o) => {
    const rs = resultatmålUnder.get(o) ?? [];
    return {
      id: o.id,
      anchor: `omrade-${o.id}`,
      namn: nameOf(o),
      mål: entitiesIn(plan, "mål", o).map((m) => ({ id: m.id, namn: nameOf(m) })),
      resultatmål: rs.map((r) => {
        const own = (åtagandenUnder.get(r) ?? []).filter((a) => !seen.has(a));
        for (const a of own) seen.add(a);
        return {
          id: r.id,
          anchor: `rm-${r.id}`,
          text: rich(str(r.data.text), 3),
          nyckeltal: items(r.data.nyckeltal).map((k) => ({
            id: str(k.id) ?? "",
            namn: str(k.namn) ?? "",
            enhet: str(k.enhet) ?? "",
            utgångsvärde: utgångsvärde(ctx, k),
            målvärden: years.map((y) => målvärde(ctx, k, y)),
          })),
          åtaganden: own.map((a) => åtagandeRow(ctx, a, years)),
          caption: `${t.åtagandenCaption} ${r.id}`,
        };
      }),
    };
  });
  const rest = åtaganden.filter((a) => !seen.has(a));
  if (rest.length > 0) {
    områden.push({
      id: "",
      anchor: "ovriga",
      namn: t.plan.övriga,
      mål: [],
      resultatmål: [{ id: "", anchor: "rm-ovriga", text: null, nyckeltal: [], åtaganden: rest.map((a) => åtagandeRow(ctx, a, years)), caption: t.plan.övriga }],
    });
  }

  const r = ramar(ctx);
  const inv = items(doc?.data.investeringar).filter((i) => ctx.nämnd === undefined || str(i.organ) === ctx.nämnd);
  const totals = years.map(() => 0);
  const invRows: InvesteringRow[] = inv.map((i) => {
    const { belopp, summa } = amountsPerYear(ctx, i.belopp, years, totals);
    return { id: str(i.id) ?? "", namn: str(i.namn) ?? "", organ: str(i.organ) ? organName(plan, str(i.organ)!) : "", belopp, summa: n(ctx, summa, 1) };
  });

  const s = planStats(plan, ctx.year);
  const stats: StatsView = {
    total: n(ctx, s.åtaganden.total),
    alla: n(ctx, s.åtaganden.alla),
    delade: n(ctx, s.åtaganden.delade),
    resultatmål: n(ctx, s.resultatmål),
    aktiviteter: n(ctx, s.aktiviteter),
    perNämnd: s.åtaganden.perNämnd.map((c) => ({ id: c.id, namn: c.namn, count: n(ctx, c.count) })),
    perMålområde: s.åtaganden.perMålområde.map((c, i) => ({ id: c.id, namn: c.namn, count: n(ctx, c.count), resultatmål: n(ctx, s.resultatmålPerMålområde[i]?.count ?? 0) })),
  };

  const visionEntity = visionOf(plan, ctx.year);
  const vision = visionEntity ? { namn: nameOf(visionEntity), text: rich(typeof visionEntity.data.namn === "string" ? str(visionEntity.data.text) : undefined, 2) } : null;
  const uppdrag = uppdragRows(ctx, items(doc?.data.uppdrag), true);
  const toc = tocOf([
    ["vision", t.plan.vision, vision !== null],
    ...områden.map((o) => [o.anchor, o.id ? `${o.id} ${o.namn}` : o.namn, true] as const),
    ["uppdrag", t.uppdrag, true],
    ["ramar", t.plan.ramar, true],
    ["investeringar", t.plan.investeringar, true],
    ["siffror", t.plan.siffror, true],
  ]);
  return {
    ...planHeader(ctx, "budget", datum, toc, null),
    beslut: decisionLine(ctx, doc?.data),
    vision,
    years,
    områden,
    antalÅtaganden: åtaganden.length,
    uppdrag,
    ramar: { rows: r.rows, total: r.total },
    investeringar: { rows: invRows, totals: totals.map((v) => n(ctx, v, 1)), total: n(ctx, totals.reduce((a, b) => a + b, 0), 1) },
    stats,
  };
}

// ── Nämndplan ───────────────────────────────────────────────────────────────

interface VerksamhetsmålRow {
  id: string;
  text: RichText | null;
  bidrarTill: string;
  nyckeltal: string;
  enhet: string;
  utgångsvärde: string;
  målvärde: string;
}

export interface NämndplanView extends PlanHeader {
  dokument: string | null;
  beslut: string;
  years: number[];
  åtaganden: ÅtagandeRow[];
  verksamhetsmål: VerksamhetsmålRow[];
  uppdrag: UppdragRow[];
  internbudget: { rows: { verksamhet: string; belopp: string }[]; summa: string; ram: string; differens: string; iBalans: boolean; note: string };
}

export function nämndplanView(ctx: PlanCtx, datum: string | undefined): NämndplanView {
  const { plan, t } = ctx;
  const nämnd = ctx.nämnd!;
  const doc = plan.docs.find((d) => d.kind === "nämndplan" && d.year === ctx.year && str(d.data.nämnd) === nämnd);
  const budget = budgetDoc(ctx);
  const years = planYears(ctx, budget);
  const åtaganden = åtagandenOf(ctx).map((a) => åtagandeRow(ctx, a, years));
  const verksamhetsmål = items(doc?.data.verksamhetsmål)
    .filter((v) => str(v.id) !== undefined)
    .map((v) => {
      const k = isData(v.nyckeltal) ? v.nyckeltal : items(v.nyckeltal)[0];
      return {
        id: str(v.id)!,
        text: rich(str(v.text), 3),
        bidrarTill: bidrarTill(ctx, v),
        nyckeltal: (k ? str(k.namn) : undefined) ?? "",
        enhet: (k ? str(k.enhet) : undefined) ?? "",
        utgångsvärde: utgångsvärde(ctx, k),
        målvärde: målvärde(ctx, k, ctx.year),
      };
    });
  const uppdrag = uppdragRows(ctx, items(doc?.data.uppdrag), false);
  let summa = 0;
  const rows = items(doc?.data.internbudget)
    .filter((r) => numberOf(r.belopp) !== undefined)
    .map((r) => {
      summa += numberOf(r.belopp)!;
      return { verksamhet: str(r.verksamhet) ?? "", belopp: n(ctx, numberOf(r.belopp), 1) };
    });
  const ramValue = ramar(ctx).ram.get(nämnd);
  const diff = ramValue !== undefined ? Math.round((ramValue - summa) * 1000) / 1000 : undefined;
  const budgetName = budget ? (str(budget.data.namn) ?? str(budget.data.id) ?? "") : "";
  const toc = tocOf([
    ["ataganden", t.åtaganden, true],
    ["verksamhetsmal", t.plan.verksamhetsmål, true],
    ["uppdrag", t.plan.uppdragFörvaltning, true],
    ["internbudget", t.plan.internbudget, true],
  ]);
  return {
    ...planHeader(ctx, "nämndplan", datum, toc, budget ? `${budgetName} (${decisionLine(ctx, budget.data)})` : null),
    dokument: doc ? (str(doc.data.namn) ?? str(doc.data.id) ?? null) : null,
    beslut: decisionLine(ctx, doc?.data),
    years,
    åtaganden,
    verksamhetsmål,
    uppdrag,
    internbudget: {
      rows,
      summa: n(ctx, summa, 1),
      ram: n(ctx, ramValue, 1),
      differens: n(ctx, diff, 1),
      iBalans: diff === 0,
      note: diff === undefined ? t.plan.ingenRam : diff === 0 ? t.plan.iBalans : diff > 0 ? t.plan.ofördelat : t.plan.överRam,
    },
  };
}
