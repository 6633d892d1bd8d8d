// Economy of a follow-up period: budget, utfall, prognos and avvikelse per organ, in the
// budget's unit, and in total.
import { beloppsfaktor, items, num, str, type TypedDoc } from "../model/build.js";
import { round } from "../model/round.js";
import { organName } from "../model/thread.js";
import { latest } from "./follow-ups.js";
import type { PeriodScope } from "./scope.js";

export interface EconomyRow {
  organ: string;
  namn: string;
  budget?: number;
  utfall?: number;
  prognos?: number;
  /** budget − prognos: negative is an overspend. */
  avvikelse?: number;
  kommentar?: string;
}

/** The unit the economy is shown in: the year's budget's, tkr without one. */
export const beloppsenhetOf = (budget: TypedDoc | undefined): string => (budget ? (str(budget.data.beloppsenhet) ?? "tkr") : "tkr");

/** Budget less the year's expected (or final) figure: negative is an overspend. */
export const avvikelseOf = (budget: number, figure: number): number => round(budget - figure);

/** The sum of each figure over the rows; a figure no row has stays out of the total. */
export function economyTotal(rows: readonly EconomyRow[]): EconomyRow {
  const total: EconomyRow = { organ: "", namn: "" };
  for (const k of ["budget", "utfall", "prognos", "avvikelse"] as const) {
    if (rows.some((r) => r[k] !== undefined)) total[k] = round(rows.reduce((sum, r) => sum + (r[k] ?? 0), 0));
  }
  return total;
}

/** One row per organ with figures in the period's follow-ups, in the organisation's order. */
export function economyOf(s: PeriodScope, beloppsenhet: string): { ekonomi: EconomyRow[]; ekonomiTotal: EconomyRow } {
  const { plan, budget, nämnd } = s;
  const ekonomiEntries = latest(s.followUps, "ekonomi", "organ");
  const ramar = new Map<string, number>();
  if (budget) for (const r of items(budget.data.ramar)) if (str(r.organ) && num(r.belopp) !== undefined) ramar.set(str(r.organ)!, num(r.belopp)!);
  const organIds = [...new Set([...ramar.keys(), ...ekonomiEntries.keys()])].filter((o) => nämnd === undefined || o === nämnd);
  const organOrder = new Map(plan.entities.filter((e) => e.kind === "organ").map((e, i) => [e.id, i]));
  organIds.sort((a, b) => (organOrder.get(a) ?? 1e9) - (organOrder.get(b) ?? 1e9) || (a < b ? -1 : 1));
  const ekonomi: EconomyRow[] = [];
  for (const organ of organIds) {
    const entry = ekonomiEntries.get(organ);
    if (!entry) continue;
    const f = beloppsfaktor(entry.doc.data) / beloppsfaktor({ beloppsenhet });
    const conv = (v: unknown): number | undefined => (num(v) !== undefined ? round(num(v)! * f) : undefined);
    const budgetValue = conv(entry.data.budget) ?? ramar.get(organ);
    const utfall = conv(entry.data.utfall);
    const prognos = conv(entry.data.prognos);
    const kommentar = str(entry.data.kommentar);
    ekonomi.push({
      organ,
      namn: organName(plan, organ),
      ...(budgetValue !== undefined ? { budget: budgetValue } : {}),
      ...(utfall !== undefined ? { utfall } : {}),
      ...(prognos !== undefined ? { prognos } : {}),
      ...(budgetValue !== undefined && prognos !== undefined ? { avvikelse: avvikelseOf(budgetValue, prognos) } : {}),
      ...(kommentar !== undefined ? { kommentar } : {}),
    });
  }
  return { ekonomi, ekonomiTotal: economyTotal(ekonomi) };
}
