// Goal fulfilment in a report: the summary per målområde, and per målområde its
// resultatmål with their åtaganden.
import { groupByOmråde } from "../format/status.js";
import { countsText, ruleSentence as ruleOfLevel } from "../format/status-rule.js";
import { ACTIVITY_WORD, STATUS_SYMBOL, STATUS_WORD } from "../format/status-words.js";
import type { Entity } from "../model/types.js";
import { countBelow } from "../model/below.js";
import { groupByParent } from "../model/by-parent.js";
import { namnderLabel } from "../model/thread.js";
import type { GoalStatus, KpiStatus } from "../status/engine.js";
import { emptyCounts, STATUSES, type Status } from "../status/fulfilment.js";
import { fulfilmentChart } from "./chart.js";
import { anchor, num, rich, statusView, type Ctx, type RichText, type StatusView, type Svg } from "./view-common.js";

export interface KpiRow {
  id: string;
  /** The åtagande's text; null for a nyckeltal of its own (its name says it). */
  text: RichText | null;
  nämnder: string;
  nyckeltal: string;
  enhet: string;
  utgångsvärde: string;
  målvärde: string;
  utfall: string;
  /** The period the figures come from, when it is older than the report's. */
  avPeriod: string | null;
  prognos: string;
  status: StatusView;
  kommentar: RichText | null;
  /** For an åtagande: how many aktiviteter serve it this year, and how many are late or cancelled. */
  aktiviteter: string | null;
  /** The status at the previous follow-up, when it was another one. */
  tidigare: string | null;
}

function tidigare(ctx: Ctx, k: KpiStatus): string | null {
  const before = ctx.previous?.åtaganden.get(k.id);
  if (!ctx.previous || before === undefined || before === k.status) return null;
  return `${ctx.t.tidigare} (${ctx.previous.period}): ${STATUS_SYMBOL[before]} ${STATUS_WORD[ctx.lang][before]}`;
}

/** Per status model: how many of its aktiviteter lie below each entity, all and by late state. */
interface Below {
  all: Map<Entity, number>;
  försenad: Map<Entity, number>;
  avbruten: Map<Entity, number>;
}
const belowByModel = new WeakMap<object, Below>();

/**
 * "3 aktiviteter (1 försenad)": the aktiviteter below an åtagande, directly or through what
 * serves it. Counted once per model for every entity (countBelow), not by a walk below each
 * åtagande: thousands of åtaganden may share one subtree of thousands of aktiviteter.
 */
function aktiviteterOf(ctx: Ctx, e: Entity): string {
  let below = belowByModel.get(ctx.m);
  if (!below) {
    const state = new Map<Entity, string | undefined>(ctx.m.aktiviteter.map((a) => [a.entity, a.state]));
    const roots = ctx.plan.index.ofKind("åtagande");
    below = {
      all: countBelow(roots, (c: Entity): boolean => c.kind === "aktivitet" && state.has(c)),
      försenad: countBelow(roots, (c: Entity): boolean => c.kind === "aktivitet" && state.has(c) && state.get(c) === "försenad"),
      avbruten: countBelow(roots, (c: Entity): boolean => c.kind === "aktivitet" && state.has(c) && state.get(c) === "avbruten"),
    };
    belowByModel.set(ctx.m, below);
  }
  const found = below.all.get(e) ?? 0;
  const { t } = ctx;
  if (found === 0) return t.ingaAktiviteter;
  const late = (["försenad", "avbruten"] as const)
    .map((s) => ({ s, n: below[s].get(e) ?? 0 }))
    .filter((x) => x.n > 0)
    .map((x) => `${x.n} ${ACTIVITY_WORD[ctx.lang][x.s].toLowerCase()}`);
  return `${found} ${found === 1 ? t.aktivitetEn : t.aktiviteterFlera}${late.length > 0 ? ` (${late.join(", ")})` : ""}`;
}

/** "32,1", or "32,1 (2024)" for a value of another year than the follow-up's (Kolada's newest). */
const utfallText = (ctx: Ctx, k: KpiStatus): string =>
  `${num(ctx, k.utfall)}${k.utfall !== undefined && k.utfallÅr !== undefined && k.utfallÅr !== ctx.m.year ? ` (${k.utfallÅr})` : ""}`;

/**
 * The note under a table of nyckeltal whose utfall name a källa: "Källa: Kolada" when every
 * utfall of the table has it, else naming the rows ("Källa: Kolada (UTB-A01, UTB-A02)"); null without.
 */
export function källaNote(ctx: Ctx, ks: readonly KpiStatus[]): string | null {
  const withValue = ks.filter((k) => k.utfall !== undefined);
  // The rows of each källa, in the order the källor first appear, from one pass: a källa is free
  // text, so a table may have as many as it has rows (a filter per källa made rows × rows).
  const bySource = new Map<string, string[]>();
  for (const k of withValue) {
    if (k.källa === undefined) continue;
    const ids = bySource.get(k.källa);
    if (ids) ids.push(k.id);
    else bySource.set(k.källa, [k.id]);
  }
  if (bySource.size === 0) return null;
  const parts = [...bySource].map(([s, ids]) => (ids.length === withValue.length ? s : `${s} (${ids.join(", ")})`));
  return `${ctx.t.källa}: ${parts.join("; ")}`;
}

export function kpiRow(ctx: Ctx, k: KpiStatus, headingBase: number): KpiRow {
  const text = k.entity.kind === "åtagande" && typeof k.entity.data.text === "string" ? k.entity.data.text : undefined;
  const nämnder = k.entity.kind === "åtagande" ? namnderLabel(k.entity, ctx.plan).map((x) => (x === "alla" ? ctx.t.alla : x)) : k.nämnder;
  const bas = k.utgångsvärde;
  return {
    id: k.id,
    text: rich(text, headingBase),
    nämnder: nämnder.join(", "),
    nyckeltal: k.namn,
    enhet: k.enhet,
    utgångsvärde: bas ? `${num(ctx, bas.värde)}${bas.år !== undefined ? ` (${bas.år})` : ""}` : "–",
    målvärde: num(ctx, k.target),
    utfall: utfallText(ctx, k),
    avPeriod: k.period !== undefined && k.period !== ctx.m.period ? `${ctx.t.avserPeriod} ${k.period}` : null,
    prognos: num(ctx, k.prognos),
    status: statusView(ctx, k.status, k.manual),
    kommentar: rich(k.kommentar, headingBase),
    aktiviteter: k.entity.kind === "åtagande" ? aktiviteterOf(ctx, k.entity) : null,
    tidigare: k.entity.kind === "åtagande" ? tidigare(ctx, k) : null,
  };
}

interface CountCell {
  key: Status;
  n: number;
}

interface FulfilmentRow {
  id: string;
  namn: string;
  href: string | null;
  status: StatusView | null;
  /** The counts behind the målområde's status (its own rule's, not the åtagande counts beside it). */
  grund: string;
  counts: CountCell[];
  total: number;
}

/** Why a goal has its status: the counts behind it, and for a manual assessment its motivering. */
interface GoalBasis {
  grund: string;
  /** With a manual assessment: the status the rule gives, shown beside the manual one. */
  beräknat: StatusView | null;
  motivering: RichText | null;
}

function goalBasis(ctx: Ctx, g: GoalStatus, headingBase: number): GoalBasis {
  return {
    grund: countsText(g, ctx.lang),
    beräknat: g.computed !== undefined ? statusView(ctx, g.computed) : null,
    motivering: g.manual ? rich(g.motivering, headingBase) : null,
  };
}

/** The sentences naming the kommun's rule, for the summary: the målområde's, then the resultatmål's. */
export function ruleSentence(ctx: Ctx): string {
  return `${ruleOfLevel(ctx.m.rule, "målområde", ctx.lang)} ${ruleOfLevel(ctx.m.rule, "resultatmål", ctx.lang)}`;
}

export interface FulfilmentSummary {
  /** Column heads in status order: symbol and word. */
  heads: { key: Status; symbol: string; word: string }[];
  rows: FulfilmentRow[];
  total: FulfilmentRow;
  chart: Svg;
  chartTitle: string;
}

function countRow(statuses: readonly Status[]): { counts: CountCell[]; total: number } {
  const c = emptyCounts();
  for (const s of statuses) c[s]++;
  return { counts: STATUSES.map((key) => ({ key, n: c[key] })), total: statuses.length };
}

/** Måluppfyllelse per målområde: its status and how many of its åtaganden have each status. */
export function fulfilmentSummary(ctx: Ctx): FulfilmentSummary {
  const { m, t } = ctx;
  const groups = new Map(groupByOmråde(m).map((g) => [g.område, g.åtaganden]));
  const rows: FulfilmentRow[] = m.målområden.map((o) => {
    const ks = groups.get(o.entity) ?? [];
    const status = statusView(ctx, o.status, o.manual);
    return { id: o.id, namn: o.namn, href: `#${anchor("omr", o.id)}`, status, grund: countsText(o, ctx.lang), ...countRow(ks.map((k) => k.status)) };
  });
  // Every åtagande once, even one that serves resultatmål in two målområden.
  const total: FulfilmentRow = { id: "", namn: t.total, href: null, status: null, grund: "", ...countRow(m.åtaganden.map((k) => k.status)) };
  const legend = Object.fromEntries(STATUSES.map((s) => [s, `${STATUS_SYMBOL[s]} ${STATUS_WORD[ctx.lang][s]}`])) as Record<Status, string>;
  const chartRows = rows.map((r) => ({ label: r.namn, counts: Object.fromEntries(r.counts.map((c) => [c.key, c.n])) as Record<Status, number> }));
  const chartTitle = t.fulfilmentChart;
  const desc = rows.map((r) => `${r.namn}: ${r.counts.map((c) => `${STATUS_WORD[ctx.lang][c.key]} ${c.n}`).join(", ")}`).join("; ");
  const svg = fulfilmentChart(chartRows, {
    id: ctx.nextId("chart"),
    title: chartTitle,
    desc,
    legend,
    segment: (row, s) => `${row.label}: ${legend[s]} ${row.counts[s]}`,
  });
  return {
    heads: STATUSES.map((key) => ({ key, symbol: STATUS_SYMBOL[key], word: STATUS_WORD[ctx.lang][key] })),
    rows,
    total,
    chart: { svg },
    chartTitle,
  };
}

interface ResultatmålView {
  id: string;
  status: StatusView;
  basis: GoalBasis;
  text: RichText | null;
  nyckeltal: KpiRow[];
  nyckeltalCaption: string;
  nyckeltalKälla: string | null;
  åtaganden: KpiRow[];
  åtagandenCaption: string;
  åtagandenKälla: string | null;
}

export interface OmrådeView {
  id: string;
  namn: string;
  anchor: string;
  status: StatusView;
  basis: GoalBasis;
  resultatmål: ResultatmålView[];
}

/** What the goal sections show under each goal, grouped in one pass each (groupByParent). */
interface Under {
  /** A målområde's resultatmål. */
  resultatmål: Map<Entity, GoalStatus[]>;
  /** A resultatmål's own nyckeltal. */
  nyckeltal: Map<Entity, KpiStatus[]>;
  /** A resultatmål's åtaganden. */
  åtaganden: Map<Entity, KpiStatus[]>;
}

function resultatmålView(ctx: Ctx, under: Under, r: GoalStatus): ResultatmålView {
  const { t } = ctx;
  const own = under.nyckeltal.get(r.entity) ?? [];
  const åtaganden = under.åtaganden.get(r.entity) ?? [];
  const text = typeof r.entity.data.text === "string" ? r.entity.data.text : undefined;
  return {
    id: r.id,
    status: statusView(ctx, r.status, r.manual),
    basis: goalBasis(ctx, r, 3),
    text: rich(text, 3),
    nyckeltal: own.map((k) => kpiRow(ctx, k, 3)),
    nyckeltalCaption: `${t.resultatmålNyckeltal} ${r.id}`,
    nyckeltalKälla: källaNote(ctx, own),
    åtaganden: åtaganden.map((k) => kpiRow(ctx, k, 3)),
    åtagandenCaption: `${t.åtagandenCaption} ${r.id}`,
    åtagandenKälla: källaNote(ctx, åtaganden),
  };
}

/** One section per målområde, in the kommunplan's order. */
export function områdeViews(ctx: Ctx): OmrådeView[] {
  const { m } = ctx;
  const under: Under = {
    resultatmål: groupByParent(m.resultatmål, (r) => r.entity.parents),
    nyckeltal: groupByParent(m.resultatmålNyckeltal, (k) => (k.entity.container ? [k.entity.container] : [])),
    åtaganden: groupByParent(m.åtaganden, (k) => k.entity.parents),
  };
  return m.målområden.map((o) => ({
    id: o.id,
    namn: o.namn,
    anchor: anchor("omr", o.id),
    status: statusView(ctx, o.status, o.manual),
    basis: goalBasis(ctx, o, 2),
    resultatmål: (under.resultatmål.get(o.entity) ?? []).map((r) => resultatmålView(ctx, under, r)),
  }));
}

/** Åtaganden that will not reach their target: ej uppfyllt first, then delvis uppfyllt; with the note of their källa. */
export function offTrack(ctx: Ctx): { rows: KpiRow[]; källa: string | null } {
  const rank: Partial<Record<Status, number>> = { ej_uppfyllt: 0, delvis_uppfyllt: 1 };
  const ks = ctx.m.åtaganden
    .filter((k) => rank[k.status] !== undefined)
    .map((k, i) => ({ k, i }))
    .sort((a, b) => rank[a.k.status]! - rank[b.k.status]! || a.i - b.i)
    .map(({ k }) => k);
  return { rows: ks.map((k) => kpiRow(ctx, k, 2)), källa: källaNote(ctx, ks) };
}
