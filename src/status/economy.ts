// Economy of a follow-up period: budget, utfall, prognos and avvikelse per organ, in the
// budget's unit, and in total.
import { beloppsfaktor, items, num, str, type TypedDoc } from "../model/build.js";
import type { Plan } from "../model/plan.js";
import { latest } from "./follow-ups.js";

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

const round = (x: number): number => Math.round(x * 1e6) / 1e6;

export function economyOf(
  plan: Plan,
  followUps: TypedDoc[],
  budget: TypedDoc | undefined,
  beloppsenhet: string,
  nämnd: string | undefined,
  organName: (id: string) => string,
): { ekonomi: EconomyRow[]; ekonomiTotal: EconomyRow } {
  const ekonomiEntries = latest(followUps, "ekonomi", "organ");
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
      namn: organName(organ),
      ...(budgetValue !== undefined ? { budget: budgetValue } : {}),
      ...(utfall !== undefined ? { utfall } : {}),
      ...(prognos !== undefined ? { prognos } : {}),
      ...(budgetValue !== undefined && prognos !== undefined ? { avvikelse: round(budgetValue - prognos) } : {}),
      ...(kommentar !== undefined ? { kommentar } : {}),
    });
  }
  const sum = (k: "budget" | "utfall" | "prognos" | "avvikelse"): number | undefined =>
    ekonomi.some((r) => r[k] !== undefined) ? round(ekonomi.reduce((s, r) => s + (r[k] ?? 0), 0)) : undefined;
  const ekonomiTotal: EconomyRow = { organ: "", namn: "" };
  for (const k of ["budget", "utfall", "prognos", "avvikelse"] as const) {
    const v = sum(k);
    if (v !== undefined) ekonomiTotal[k] = v;
  }

  return { ekonomi, ekonomiTotal };
}
