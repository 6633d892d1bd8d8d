// Economy of a follow-up period: budget, utfall, prognos and avvikelse per organ (the
// driftredovisning) and per investment project (the investeringsredovisning), in the
// budget's unit, and in total.
import { beloppsfaktor, isData, items, num, str, type Data, type TypedDoc } from "../model/build.js";
import { round } from "../model/round.js";
import { organName } from "../model/thread.js";
import { latest } from "./follow-ups.js";
import { ofYear, type PeriodScope } from "./scope.js";

export interface EconomyRow {
  organ: string;
  namn: string;
  budget?: number;
  utfall?: number;
  prognos?: number;
  /** budget − prognos: negative is an overspend. */
  avvikelse?: number;
  kommentar?: string;
  /** A nämnd with a ram that year and no row in the period's follow-ups: no figures, left out of the total. */
  saknas?: true;
}

export interface InvestmentRow {
  /** The investering's ID in the budget. */
  id: string;
  namn: string;
  organ: string;
  organNamn: string;
  /** The follow-up's budget, or the budget's belopp for the year. */
  budget?: number;
  utfall?: number;
  prognos?: number;
  /** budget − prognos (helår: − utfall when there is no prognos): negative is an overspend. */
  avvikelse?: number;
  kommentar?: string;
  /** The period the figures come from; none when the project is not followed up. */
  period?: string;
}

type Amounts = Partial<Record<"budget" | "utfall" | "prognos" | "avvikelse", number>>;

/** The unit the economy is shown in: the year's budget's, tkr without one. */
export const beloppsenhetOf = (budget: TypedDoc | undefined): string => (budget ? (str(budget.data.beloppsenhet) ?? "tkr") : "tkr");

/** Budget less the year's expected (or final) figure: negative is an overspend. */
export const avvikelseOf = (budget: number, figure: number): number => round(budget - figure);

/** The sum of each figure over the rows; a figure no row has stays out of the total. */
function sumsOf(rows: readonly Amounts[]): Amounts {
  const total: Amounts = {};
  for (const k of ["budget", "utfall", "prognos", "avvikelse"] as const) {
    if (rows.some((r) => r[k] !== undefined)) total[k] = round(rows.reduce((sum, r) => sum + (r[k] ?? 0), 0));
  }
  return total;
}

export const economyTotal = (rows: readonly EconomyRow[]): EconomyRow => ({ organ: "", namn: "", ...sumsOf(rows) });

/**
 * The follow-ups of exactly the period. Amounts are the period's own (utfall hittills, the
 * prognos made then): an organ's row from an earlier month is not this period's figure, so it
 * is not carried forward as a goal's last value is; the organ is missing from this period.
 */
const ofPeriod = (s: PeriodScope): TypedDoc[] => s.followUps.filter((t) => str(t.data.period) === s.period);

/** A follow-up's amount in the report's unit. */
function converter(doc: TypedDoc, beloppsenhet: string): (v: unknown) => number | undefined {
  const f = beloppsfaktor(doc.data) / beloppsfaktor({ beloppsenhet });
  return (v) => (num(v) !== undefined ? round(num(v)! * f) : undefined);
}

/**
 * One row per organ with figures in the period's follow-ups, in the organisation's order.
 * A nämnd with a ram that year but no row is listed as missing (`saknas`) when other organs
 * have rows: a total that leaves it out says so.
 */
export function economyOf(s: PeriodScope, beloppsenhet: string): { ekonomi: EconomyRow[]; ekonomiTotal: EconomyRow } {
  const { plan, budget, nämnd } = s;
  const ekonomiEntries = latest(ofPeriod(s), "ekonomi", "organ");
  const ramar = new Map<string, number>();
  if (budget) for (const r of items(budget.data.ramar)) if (str(r.organ) && num(r.belopp) !== undefined) ramar.set(str(r.organ)!, num(r.belopp)!);
  const organIds = [...new Set([...ramar.keys(), ...ekonomiEntries.keys()])].filter((o) => nämnd === undefined || o === nämnd);
  const organs = new Map(plan.index.ofKind("organ").map((e, i) => [e.id, { i, typ: e.organTyp }]));
  organIds.sort((a, b) => (organs.get(a)?.i ?? 1e9) - (organs.get(b)?.i ?? 1e9) || (a < b ? -1 : 1));
  const ekonomi: EconomyRow[] = [];
  for (const organ of organIds) {
    const entry = ekonomiEntries.get(organ);
    if (!entry) {
      if (ekonomiEntries.size > 0 && organs.get(organ)?.typ === "nämnd") ekonomi.push({ organ, namn: organName(plan, organ), saknas: true });
      continue;
    }
    const conv = converter(entry.doc, beloppsenhet);
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

/**
 * Every investering of the year's budget, followed up or not, in the budget's order; cut to a
 * nämnd, only its own. Figures from the period's own follow-ups (see `ofPeriod`).
 */
export function investmentsOf(s: PeriodScope, beloppsenhet: string): { investeringar: InvestmentRow[]; investeringarTotal: Amounts } {
  const entries = latest(ofPeriod(s), "investeringar", "avser");
  const investeringar: InvestmentRow[] = [];
  for (const e of s.plan.index.ofKind("investering")) {
    if (e.container !== s.budget?.entity || !ofYear(s, e)) continue;
    const organ = str(e.data.organ) ?? "";
    if (s.organs && !s.organs.has(organ)) continue;
    const belopp: Data = isData(e.data.belopp) ? e.data.belopp : {};
    const entry = entries.get(e.id);
    const conv = entry ? converter(entry.doc, beloppsenhet) : () => undefined;
    const budget = conv(entry?.data.budget) ?? num(belopp[String(s.year)]);
    const utfall = conv(entry?.data.utfall);
    const prognos = conv(entry?.data.prognos);
    const helår = entry !== undefined && str(entry.doc.data.rapport) === "helår";
    const figure = prognos ?? (helår ? utfall : undefined);
    const kommentar = str(entry?.data.kommentar);
    investeringar.push({
      id: e.id,
      namn: str(e.data.namn) ?? "",
      organ,
      organNamn: organName(s.plan, organ),
      ...(budget !== undefined ? { budget } : {}),
      ...(utfall !== undefined ? { utfall } : {}),
      ...(prognos !== undefined ? { prognos } : {}),
      ...(budget !== undefined && figure !== undefined ? { avvikelse: avvikelseOf(budget, figure) } : {}),
      ...(kommentar !== undefined ? { kommentar } : {}),
      ...(entry ? { period: entry.period } : {}),
    });
  }
  return { investeringar, investeringarTotal: sumsOf(investeringar) };
}
