// The economy of a report: budget, utfall, prognos and avvikelse per organ (the
// driftredovisning), with the nämnder that have no row named.
import { avvikelseOf, economyTotal } from "../status/economy.js";
import type { EconomyRow, StatusModel } from "../status/engine.js";
import { fill } from "./labels.js";
import { num, rich, type Ctx, type RichText } from "./view-common.js";

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
  /** "Summan omfattar inte …" when nämnder with a ram have no row; empty otherwise. */
  missing: string;
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
    kommentar: r.saknas ? rich(ctx.t.fin.saknasRad, 2) : rich(r.kommentar, 2),
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
    missing: missingNote(ctx),
  };
}

/** A list in words: "A, B och C". */
function joinWords(ctx: Ctx, words: readonly string[]): string {
  return words.length <= 1 ? (words[0] ?? "") : `${words.slice(0, -1).join(", ")} ${ctx.t.fin.och} ${words[words.length - 1]}`;
}

function missingNote(ctx: Ctx): string {
  const missing = ctx.m.ekonomi.filter((r) => r.saknas).map((r) => r.namn);
  return missing.length === 0 ? "" : fill(ctx.t.fin.omfattarInte, { namn: joinWords(ctx, missing) });
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
