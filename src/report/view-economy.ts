// The economy of a report (budget, utfall, prognos, avvikelse per organ) and the
// assessment of god ekonomisk hushållning built from goal fulfilment and the prognos.
import { avvikelseOf, economyTotal } from "../status/economy.js";
import type { EconomyRow, StatusModel } from "../status/engine.js";
import { rollUp, SCORE, type Status } from "../status/fulfilment.js";
import { fill } from "./labels.js";
import { num, rich, statusView, type Ctx, type RichText, type StatusView } from "./view-common.js";

interface EconomyRowView {
  organ: string;
  namn: string;
  budget: string;
  utfall: string;
  prognos: string;
  avvikelse: string;
  /** The prognos is above budget. */
  deficit: boolean;
  kommentar: RichText | null;
}

export interface EconomyView {
  /** A helår follow-up: the utfall is the year's figure, there is no prognos to show. */
  fullYear: boolean;
  caption: string;
  rows: EconomyRowView[];
  total: EconomyRowView;
  /** One sentence: the full-year prognos against budget. */
  summary: string;
  note: string;
}

/**
 * In a helår follow-up the utfall is the year's final figure, so a row without a prognos
 * takes its utfall as the full-year figure (and its avvikelse from it); the total follows.
 */
export function withFullYearFigures(m: StatusModel): StatusModel {
  if (m.rapport !== "helår" || !m.ekonomi.some((r) => r.prognos === undefined && r.utfall !== undefined)) return m;
  const ekonomi = m.ekonomi.map((r) =>
    r.prognos !== undefined || r.utfall === undefined
      ? r
      : { ...r, prognos: r.utfall, ...(r.budget !== undefined ? { avvikelse: avvikelseOf(r.budget, r.utfall) } : {}) },
  );
  return { ...m, ekonomi, ekonomiTotal: economyTotal(ekonomi) };
}

function rowView(ctx: Ctx, r: EconomyRow): EconomyRowView {
  return {
    organ: r.organ,
    namn: r.namn,
    budget: num(ctx, r.budget),
    utfall: num(ctx, r.utfall),
    prognos: num(ctx, r.prognos),
    avvikelse: num(ctx, r.avvikelse),
    deficit: (r.avvikelse ?? 0) < 0,
    kommentar: rich(r.kommentar, 2),
  };
}

/** Deficits first (largest first), then surpluses (largest first), then the rest in plan order. */
export function deviatingFirst(rows: readonly EconomyRow[]): EconomyRow[] {
  const group = (r: EconomyRow): number => (r.avvikelse === undefined || r.avvikelse === 0 ? 2 : r.avvikelse < 0 ? 0 : 1);
  return rows
    .map((r, i) => ({ r, i }))
    .sort((a, b) => group(a.r) - group(b.r) || Math.abs(b.r.avvikelse ?? 0) - Math.abs(a.r.avvikelse ?? 0) || a.i - b.i)
    .map(({ r }) => r);
}

export function economyView(ctx: Ctx, order: "plan" | "deviating"): EconomyView {
  const { m, t } = ctx;
  const rows = order === "deviating" ? deviatingFirst(m.ekonomi) : m.ekonomi;
  const fullYear = m.rapport === "helår";
  return {
    fullYear,
    caption: fullYear ? t.ekonomiCaptionUtfall : t.ekonomiCaption,
    rows: rows.map((r) => rowView(ctx, r)),
    total: { ...rowView(ctx, m.ekonomiTotal), namn: t.total },
    summary: economySentence(ctx),
    note: fullYear ? t.avvikelseNoteUtfall : t.avvikelseNote,
  };
}

function economySentence(ctx: Ctx): string {
  const { m, t } = ctx;
  const { avvikelse, budget } = m.ekonomiTotal;
  if (avvikelse === undefined) return t.ekonomiGrundNone;
  const fullYear = m.rapport === "helår";
  if (Math.abs(avvikelse) < 0.0005) return `${fullYear ? t.iBalansUtfall : t.iBalans}.`;
  const word = avvikelse < 0 ? t.underskott : t.överskott;
  const share = budget ? ` (${num(ctx, (Math.abs(avvikelse) / budget) * 100)} % ${t.avBudget})` : "";
  return `${fullYear ? t.utfallVisar : t.prognosVisar} ${word} ${t.på} ${num(ctx, Math.abs(avvikelse))} ${m.beloppsenhet} ${t.motBudget}${share}.`;
}

/** A deficit up to this share of the budget is delvis uppfyllt; above it, ej uppfyllt. */
const DEFICIT_TOLERANCE = 0.01;

export interface Hushållning {
  mål: Status;
  målMean?: number;
  målAssessed: number;
  ekonomi: Status;
  samlad: Status;
}

/**
 * God ekonomisk hushållning (docs/rapporter.md): the goals are the mean rule over the
 * målområden's statuses; the economy is uppfyllt without a deficit, delvis with a
 * deficit of at most 1 % of budget, ej above; the whole is the weaker of the two, and
 * ej bedömd when either cannot be assessed.
 */
export function assessHushållning(m: Ctx["m"]): Hushållning {
  const goals = rollUp(m.målområden.map((o) => o.status), m.thresholds);
  const assessed = m.målområden.filter((o) => o.status !== "ej_bedömd").length;
  const { avvikelse, budget } = m.ekonomiTotal;
  let ekonomi: Status = "ej_bedömd";
  if (avvikelse !== undefined && budget !== undefined && budget > 0) {
    ekonomi = avvikelse >= 0 ? "uppfyllt" : -avvikelse <= budget * DEFICIT_TOLERANCE ? "delvis_uppfyllt" : "ej_uppfyllt";
  }
  const samlad: Status =
    goals.status === "ej_bedömd" || ekonomi === "ej_bedömd" ? "ej_bedömd" : SCORE[goals.status]! <= SCORE[ekonomi]! ? goals.status : ekonomi;
  return { mål: goals.status, ...(goals.mean !== undefined ? { målMean: goals.mean } : {}), målAssessed: assessed, ekonomi, samlad };
}

export interface HushållningView {
  rows: { perspektiv: string; status: StatusView; grund: string }[];
  samlad: StatusView;
  /** The follow-up's own text on it (avsnitt god_ekonomisk_hushållning), shown beside ours. */
  text: RichText | null;
}

export function hushållningView(ctx: Ctx): HushållningView {
  const { m, t } = ctx;
  const h = assessHushållning(m);
  const målGrund = h.målMean === undefined ? t.målGrundNone : fill(t.målGrund, { mean: num(ctx, h.målMean), n: h.målAssessed });
  return {
    rows: [
      { perspektiv: t.målen, status: statusView(ctx, h.mål), grund: målGrund },
      { perspektiv: t.ekonomin, status: statusView(ctx, h.ekonomi), grund: economySentence(ctx) },
      { perspektiv: t.samlad, status: statusView(ctx, h.samlad), grund: t.samladGrund },
    ],
    samlad: statusView(ctx, h.samlad),
    text: rich(m.avsnitt.god_ekonomisk_hushållning, 3),
  };
}
