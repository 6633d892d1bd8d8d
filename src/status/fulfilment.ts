// Måluppfyllelse: the rules of format.md, "Goal fulfilment". Pure functions, no I/O.

export type Status = "uppfyllt" | "delvis_uppfyllt" | "ej_uppfyllt" | "ej_bedömd";
export const STATUSES: readonly Status[] = ["uppfyllt", "delvis_uppfyllt", "ej_uppfyllt", "ej_bedömd"];
export type Riktning = "öka" | "minska" | "bibehåll";

export interface Thresholds {
  uppfyllt: number;
  delvis: number;
}

const DEFAULT_THRESHOLDS: Thresholds = { uppfyllt: 0.75, delvis: 0.25 };

/** How statuses are rolled up (plan.yaml `måluppfyllelse`, format.md avsnitt 9). */
export type Metod = "medelvärde" | "andel_uppfyllda";
/** What a målområde's verdict counts: its resultatmål's statuses, or every åtagande under it. */
export type Nivå = "resultatmål" | "åtaganden";

export interface Rule extends Thresholds {
  metod: Metod;
  nivå: Nivå;
}

/** Today's rule: the mean of the resultatmål's statuses with the default thresholds. */
export const DEFAULT_RULE: Rule = { metod: "medelvärde", nivå: "resultatmål", ...DEFAULT_THRESHOLDS };

export interface KpiInput {
  riktning: Riktning;
  /** målvärde for the year */
  target?: number;
  /** utgångsvärde.värde */
  baseline?: number;
  tolerans?: number;
  utfall?: number;
  prognos?: number;
  /** A manual `bedömning` from the follow-up: it wins. */
  bedömning?: Status;
}

export interface KpiResult {
  status: Status;
  /** The value judged: the prognos when there is one, else the utfall. */
  value?: number;
  valueSource?: "prognos" | "utfall";
  manual: boolean;
}

/** Tolerance for floating-point noise in comparisons (values are written with a few decimals). */
const EPS = 1e-9;

export function assessKpi(k: KpiInput): KpiResult {
  const value = k.prognos ?? k.utfall;
  const valueSource = k.prognos !== undefined ? "prognos" : k.utfall !== undefined ? "utfall" : undefined;
  const withValue = value !== undefined ? { value, valueSource } : {};
  if (k.bedömning !== undefined) return { status: k.bedömning, manual: true, ...withValue } as KpiResult;
  if (value === undefined || k.target === undefined) return { status: "ej_bedömd", manual: false, ...withValue } as KpiResult;
  const t = k.target;
  const b = k.baseline;
  let status: Status;
  switch (k.riktning) {
    case "öka":
      status = value >= t - EPS ? "uppfyllt" : b !== undefined && value > b + EPS ? "delvis_uppfyllt" : "ej_uppfyllt";
      break;
    case "minska":
      status = value <= t + EPS ? "uppfyllt" : b !== undefined && value < b - EPS ? "delvis_uppfyllt" : "ej_uppfyllt";
      break;
    case "bibehåll":
      status = Math.abs(value - t) <= (k.tolerans ?? 0) + EPS ? "uppfyllt" : "ej_uppfyllt";
      break;
  }
  return { status, manual: false, ...withValue } as KpiResult;
}

export const SCORE: Record<Status, number | undefined> = {
  uppfyllt: 1,
  delvis_uppfyllt: 0.5,
  ej_uppfyllt: 0,
  ej_bedömd: undefined,
};

export interface RollUp {
  status: Status;
  /** The mean of the assessed statuses; undefined when nothing was assessed. */
  mean?: number;
  /** `andel_uppfyllda`: the share of the assessed statuses that are uppfyllt. */
  share?: number;
  counts: Record<Status, number>;
}

export function emptyCounts(): Record<Status, number> {
  return { uppfyllt: 0, delvis_uppfyllt: 0, ej_uppfyllt: 0, ej_bedömd: 0 };
}

/** The mean rule: uppfyllt 1, delvis 0.5, ej 0, ej_bedömd left out; thresholds from plan.yaml. */
export function rollUp(statuses: readonly Status[], thresholds: Thresholds = DEFAULT_THRESHOLDS): RollUp {
  const counts = emptyCounts();
  let sum = 0;
  let n = 0;
  for (const s of statuses) {
    counts[s]++;
    const score = SCORE[s];
    if (score !== undefined) {
      sum += score;
      n++;
    }
  }
  if (n === 0) return { status: "ej_bedömd", counts };
  const mean = sum / n;
  const status: Status = mean >= thresholds.uppfyllt - EPS ? "uppfyllt" : mean >= thresholds.delvis - EPS ? "delvis_uppfyllt" : "ej_uppfyllt";
  return { status, mean, counts };
}

/**
 * The roll-up by a kommun's rule: `medelvärde` is the mean rule above; `andel_uppfyllda` is
 * the share of the assessed statuses that are uppfyllt, judged by the same thresholds.
 */
export function rollUpBy(statuses: readonly Status[], rule: Rule = DEFAULT_RULE): RollUp {
  if (rule.metod === "medelvärde") return rollUp(statuses, rule);
  const counts = emptyCounts();
  for (const s of statuses) counts[s]++;
  const n = counts.uppfyllt + counts.delvis_uppfyllt + counts.ej_uppfyllt;
  if (n === 0) return { status: "ej_bedömd", counts };
  const share = counts.uppfyllt / n;
  const status: Status = share >= rule.uppfyllt - EPS ? "uppfyllt" : share >= rule.delvis - EPS ? "delvis_uppfyllt" : "ej_uppfyllt";
  return { status, share, counts };
}
