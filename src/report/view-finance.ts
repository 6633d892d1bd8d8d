// The financial part of the delårsrapport and the årsredovisning: the statements as tables
// (the rows of model/statements.ts, headings as row heads, sums bold), the balanskrav, the
// investeringsredovisning and god ekonomisk hushållning with its rule. Each is a list of
// blocks that the section templates show in order.
import { countsText } from "../format/status-rule.js";
import { BALANSKRAV, STATEMENTS, type Column, type Statement, type StatementKey } from "../model/statements.js";
import type { StatementResult } from "../status/engine.js";
import type { Perspektiv } from "../status/hushallning.js";
import { nameOf } from "../model/thread.js";
import { fill } from "./labels.js";
import { economyView, type EconomyView } from "./view-economy.js";
import { kpiRow, källaNote, type KpiRow } from "./view-goals.js";
import { num, rich, statusView, type Ctx, type RichText, type StatusView } from "./view-common.js";

interface CellView {
  text: string | null;
  status: StatusView | null;
  rich: RichText | null;
  num: boolean;
  deficit: boolean;
}

interface RowView {
  /** An ID shown before the head (a code in Markdown). */
  id: string | null;
  head: string;
  cells: CellView[];
  /** A summing row: shown bold. */
  sum: boolean;
  /** A heading row of a statement: no figures. */
  heading: boolean;
}

interface TableView {
  css: string;
  caption: string;
  cols: { text: string; num: boolean }[];
  rows: RowView[];
}

/** One piece of a section, shown in order: a sub-heading, a paragraph, a note, a text, a table. */
export interface Block {
  heading?: string;
  para?: string;
  note?: string;
  text?: RichText;
  table?: TableView;
  kpis?: { rows: KpiRow[]; caption: string; head: string; källa: string | null };
  economy?: EconomyView;
  /** The fulfilment summary of the report (view-goals), shown where the Översikt stands. */
  summary?: true;
}

export interface SectionView {
  anchor: string;
  title: string;
  blocks: Block[];
}

const numCell = (text: string, deficit = false): CellView => ({ text, status: null, rich: null, num: true, deficit });
const textCell = (text: string): CellView => ({ text, status: null, rich: null, num: false, deficit: false });
const richCell = (r: RichText | null): CellView => ({ text: null, status: null, rich: r, num: false, deficit: false });
const statusCell = (s: StatusView): CellView => ({ text: null, status: s, rich: null, num: false, deficit: false });

export const textBlock = (text: string | undefined, headingBase: number): Block[] => {
  const r = rich(text, headingBase);
  return r ? [{ text: r }] : [];
};

/** The columns a statement shows: the period's figures against last year, and the year's budget and forecast. */
function columnsOf(ctx: Ctx, key: StatementKey | "balanskrav", helår: boolean): { column: Column; text: string }[] {
  const k = ctx.t.fin.kolumn;
  if (key === "balanskrav") return [{ column: "utfall", text: helår ? k.utfallÅr : k.prognosHelår }];
  if (key === "resultaträkning") {
    return helår
      ? [{ column: "utfall", text: k.utfallÅr }, { column: "föregående_år", text: k.föregåendeÅr }, { column: "budget", text: k.budget }]
      : [
          { column: "utfall", text: k.utfallPeriod },
          { column: "föregående_år", text: k.sammaPeriod },
          { column: "budget", text: k.budgetHelår },
          { column: "prognos", text: k.prognosHelår },
        ];
  }
  if (key === "balansräkning") {
    return helår
      ? [{ column: "utfall", text: k.utfallÅr }, { column: "föregående_år", text: k.föregåendeÅr }]
      : [{ column: "utfall", text: k.periodensSlut }, { column: "föregående_år", text: k.sammaDatum }];
  }
  return [{ column: "utfall", text: helår ? k.utfallÅr : k.utfallPeriod }, { column: "föregående_år", text: helår ? k.föregåendeÅr : k.sammaPeriod }];
}

const lineName = (ctx: Ctx, st: Statement, key: string): string => {
  const line = st.lines.find((l) => l.key === key);
  return line ? line[ctx.lang] : key;
};

/** A statement as a table and its notes: where the figures come from, stated sums that differ, what does not balance. */
function statementBlocks(ctx: Ctx, st: Statement, r: StatementResult): Block[] {
  const { t, m } = ctx;
  const cols = columnsOf(ctx, st.key, r.helår);
  const figures = new Map(r.rows.map((row) => [row.key, row.figures]));
  const rows: RowView[] = [];
  for (const line of st.lines) {
    const f = figures.get(line.key);
    const heading = line.role === "heading";
    if (!heading && !f) continue;
    rows.push({
      id: null,
      head: line[ctx.lang],
      cells: cols.map((c) => (heading ? textCell("") : numCell(num(ctx, f![c.column])))),
      sum: line.terms !== undefined,
      heading,
    });
  }
  // A heading with no row under it (up to the next heading) is left out.
  const shown = rows.filter((row, i) => !row.heading || (rows[i + 1] !== undefined && !rows[i + 1]!.heading));
  const table: TableView = {
    css: "statement",
    caption: `${st[ctx.lang]} (${m.beloppsenhet})`,
    cols: [{ text: t.fin.post, num: false }, ...cols.map((c) => ({ text: c.text, num: true }))],
    rows: shown,
  };
  const notes: Block[] = [];
  if (r.period !== m.period) notes.push({ note: fill(t.fin.från, { period: r.period }) });
  for (const x of r.mismatches) {
    // The balanskrav's årets resultat is a post: a mismatch there is with the resultaträkning.
    const label =
      st.key === "balanskrav" && x.key === "årets_resultat"
        ? fill(t.fin.åretsResultatMismatch, { stated: num(ctx, x.stated), computed: num(ctx, x.computed) })
        : fill(t.fin.mismatch, { rad: lineName(ctx, st, x.key), kolumn: t.fin.kolumnNamn[x.column]!, stated: num(ctx, x.stated), computed: num(ctx, x.computed) });
    notes.push({ note: label });
  }
  for (const u of r.unbalanced) {
    notes.push({
      note: fill(t.fin.unbalanced, { kolumn: t.fin.kolumnNamn[u.column]!, left: lineName(ctx, st, u.left), lv: num(ctx, u.leftValue), right: lineName(ctx, st, u.right), rv: num(ctx, u.rightValue) }),
    });
  }
  return [{ table }, ...notes];
}

/** Resultaträkning, balansräkning or kassaflödesanalys: its table, or one line saying the follow-up has none. */
export function statementSection(ctx: Ctx, key: StatementKey, anchor: string, förenklad: boolean): SectionView {
  const st = STATEMENTS[key];
  const r = ctx.m.statements[key];
  return {
    anchor,
    title: förenklad ? `${st[ctx.lang]} ${ctx.t.fin.förenklad}` : st[ctx.lang],
    blocks: r ? statementBlocks(ctx, st, r) : [{ para: ctx.t.fin.saknas[key]! }],
  };
}

/** Balanskravsresultat: the utredning, whether the requirement is met, the follow-up's comment. */
export function balanskravSection(ctx: Ctx, helårsrapport: boolean): SectionView {
  const { t, m } = ctx;
  const r = m.statements.balanskrav;
  const title = helårsrapport ? t.fin.balanskrav : t.fin.balanskravPrognos;
  if (!r) return { anchor: "balanskrav", title, blocks: [{ para: t.fin.saknas.balanskrav! }] };
  const blocks = statementBlocks(ctx, BALANSKRAV, r);
  const v = r.rows.find((x) => x.key === "balanskravsresultat")?.figures.utfall;
  if (v !== undefined) {
    const ok = v >= 0;
    const label = r.helår ? (ok ? t.fin.balanskravOk : t.fin.balanskravEj) : ok ? t.fin.balanskravOkPrognos : t.fin.balanskravEjPrognos;
    blocks.unshift({ para: fill(label, { v: num(ctx, v), enhet: m.beloppsenhet }) });
  }
  return { anchor: "balanskrav", title, blocks: [...blocks, ...textBlock(r.kommentar, 3)] };
}

/** Every investering of the year's budget with its figures, and a total. */
export function investmentSection(ctx: Ctx): SectionView {
  const { t, m } = ctx;
  const title = t.fin.investeringsredovisning;
  if (m.investeringar.length === 0) return { anchor: "investeringar", title, blocks: [{ para: m.nämnd === undefined ? t.fin.ingaInvesteringar : t.fin.ingaInvesteringarNämnd }] };
  const figures = (r: { budget?: number; utfall?: number; prognos?: number; avvikelse?: number }): CellView[] => [
    numCell(num(ctx, r.budget)),
    numCell(num(ctx, r.utfall)),
    numCell(num(ctx, r.prognos)),
    numCell(num(ctx, r.avvikelse), (r.avvikelse ?? 0) < 0),
  ];
  const rows: RowView[] = m.investeringar.map((r) => ({
    id: r.id,
    head: r.namn,
    cells: [textCell(r.organNamn), ...figures(r), richCell(r.period === undefined ? rich(t.fin.ejUppföljd, 2) : rich(r.kommentar, 2))],
    sum: false,
    heading: false,
  }));
  rows.push({ id: null, head: t.total, cells: [textCell(""), ...figures(m.investeringarTotal), richCell(null)], sum: true, heading: false });
  const table: TableView = {
    css: "investments",
    caption: `${t.fin.investeringarCaption} (${m.beloppsenhet})`,
    cols: [
      { text: t.fin.projekt, num: false },
      { text: t.nämnd, num: false },
      { text: t.budgetCol, num: true },
      { text: t.utfall, num: true },
      { text: t.prognos, num: true },
      { text: t.avvikelse, num: true },
      { text: t.kommentar, num: false },
    ],
    rows,
  };
  return { anchor: "investeringar", title, blocks: [{ table }, { note: t.fin.investeringarNote }] };
}

/** Driftredovisning: today's economy table per organ, with the nämnder that have no row named. */
export function driftSection(ctx: Ctx): SectionView {
  const ekonomi = economyView(ctx, "plan");
  return { anchor: "driftredovisning", title: ctx.t.fin.driftredovisning, blocks: [{ para: ekonomi.summary }, { economy: ekonomi }] };
}

/** The counts behind a perspective, as every other verdict shows them: "av 3 bedömda: 1 uppfyllt, …; medelvärde 0,5". */
const grund = (ctx: Ctx, p: Perspektiv): string => countsText(p, ctx.lang);

/**
 * God ekonomisk hushållning och ekonomisk ställning: KF's guidelines, the finansiella mål and
 * the named verksamhetsmål with their status, the verdict with its rule (or the manual
 * assessment with its motivering), and the follow-up's texts.
 */
export function hushållningSection(ctx: Ctx, helårsrapport: boolean): SectionView {
  const { t, m } = ctx;
  const { fin } = t;
  const h = m.hushållning;
  const blocks: Block[] = [];
  if (h?.riktlinjer !== undefined) blocks.push({ heading: fin.riktlinjer }, ...textBlock(h.riktlinjer, 4));
  blocks.push({ heading: fin.finansiellaMål });
  if (m.finansiellaMål.length === 0) blocks.push({ para: fin.ingaFinansiellaMål });
  else {
    const rows = m.finansiellaMål.map((k) => ({ ...kpiRow(ctx, k, 4), text: rich(typeof k.entity.data.text === "string" ? k.entity.data.text : undefined, 4) }));
    blocks.push({ kpis: { rows, caption: fin.finansiellaMålCaption, head: fin.mål, källa: källaNote(ctx, m.finansiellaMål) } });
  }
  if (h) {
    blocks.push({ heading: fin.verksamhetsmål });
    const names = new Map([...m.åtaganden, ...m.resultatmål, ...m.målområden].map((x) => [x.id, nameOf(x.entity)]));
    if (h.verksamhet.mål.length === 0) blocks.push({ para: fin.ingaVerksamhetsmål });
    else {
      const rows: RowView[] = h.verksamhet.mål.map((g) => ({ id: g.id, head: names.get(g.id) ?? "", cells: [statusCell(statusView(ctx, g.status))], sum: false, heading: false }));
      blocks.push({ table: { css: "goals", caption: fin.verksamhetsmålCaption, cols: [{ text: fin.mål, num: false }, { text: t.status, num: false }], rows } });
    }
    blocks.push({ heading: helårsrapport ? fin.bedömning : fin.bedömningPrognos });
    const perspective = (head: string, status: StatusView, basis: string): RowView => ({ id: null, head, cells: [statusCell(status), textCell(basis)], sum: false, heading: false });
    const rows = [
      perspective(fin.finansiellt, statusView(ctx, h.finansiellt.status), grund(ctx, h.finansiellt)),
      perspective(fin.verksamhet, statusView(ctx, h.verksamhet.status), grund(ctx, h.verksamhet)),
    ];
    if (h.manual) rows.push(perspective(fin.förslag, statusView(ctx, h.förslag), fin.samladGrund));
    rows.push({
      ...perspective(t.samlad, statusView(ctx, h.status, h.manual), h.manual ? fill(fin.manuellGrund, { period: h.period ?? m.period }) : fin.samladGrund),
      sum: true,
    });
    blocks.push({
      table: { css: "hushallning", caption: t.hushållningCaption, cols: [{ text: t.perspektiv, num: false }, { text: t.bedömning, num: false }, { text: t.grund, num: false }], rows },
    });
    const rule = fill(m.rule.metod === "andel_uppfyllda" ? fin.regelAndel : fin.regelMedel, { u: num(ctx, m.rule.uppfyllt), d: num(ctx, m.rule.delvis) });
    blocks.push({ note: helårsrapport ? rule : `${rule} ${fin.regelPrognos}` });
    if (!h.named.finansiella_mål) blocks.push({ note: fin.standardFm });
    if (!h.named.verksamhetsmål) blocks.push({ note: fin.standardVm });
    if (h.manual) {
      blocks.push({ para: fin.manuell });
      if (h.motivering !== undefined) blocks.push({ heading: fin.motivering }, ...textBlock(h.motivering, 4));
    }
  }
  const comment = m.avsnitt.god_ekonomisk_hushållning;
  if (rich(comment, 4)) blocks.push({ heading: t.controllerText }, ...textBlock(comment, 4));
  const ställning = m.avsnitt.ekonomisk_ställning;
  if (rich(ställning, 4)) blocks.push({ heading: t.avsnitt.ekonomisk_ställning! }, ...textBlock(ställning, 4));
  return { anchor: "hushallning", title: fin.hushållning, blocks };
}
