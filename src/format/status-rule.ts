// The words of a roll-up: the sentence naming the kommun's rule at each level, and the counts
// behind one verdict. Shared by `plan status` and the reports.
import type { Lang } from "../diagnostics/index.js";
import type { Nivå, RollUp, Rule } from "../status/fulfilment.js";
import { formatNumber } from "./status-words.js";

/** The two levels a rule rolls up to. */
export type GoalLevel = "resultatmål" | "målområde";

const percent = (v: number, lang: Lang): string => `${formatNumber(v * 100, lang, 1)}${lang === "sv" ? " %" : "%"}`;

/**
 * What is counted, as the object of "the mean of …" and "the share met of …": a resultatmål's
 * own åtaganden and nyckeltal, or a målområde's resultatmål or everything under them (its nivå).
 */
const COUNTED: Record<Lang, Record<"egna" | Nivå, { mean: string; share: string }>> = {
  sv: {
    resultatmål: { mean: "resultatmålens statusar", share: "resultatmålen" },
    åtaganden: {
      mean: "statusarna för alla åtaganden och nyckeltal under dess resultatmål, vart och ett en gång",
      share: "alla åtaganden och nyckeltal under dess resultatmål, vart och ett en gång",
    },
    egna: { mean: "statusarna för dess åtaganden och egna nyckeltal", share: "dess åtaganden och egna nyckeltal" },
  },
  en: {
    resultatmål: { mean: "its outcome goals' statuses", share: "its outcome goals" },
    åtaganden: {
      mean: "the statuses of every commitment and KPI under its outcome goals, each once",
      share: "every commitment and KPI under its outcome goals, each once",
    },
    egna: { mean: "the statuses of its commitments and own KPIs", share: "its commitments and own KPIs" },
  },
};

/**
 * One sentence naming the rule of a level: e.g. "Målområdets status är medelvärdet av
 * resultatmålens statusar (uppfyllt 1, delvis 0,5, ej 0; ej bedömda räknas inte): minst 0,75
 * är uppfyllt, minst 0,25 delvis uppfyllt."
 */
export function ruleSentence(rule: Rule, level: GoalLevel, lang: Lang): string {
  const what = COUNTED[lang][level === "resultatmål" ? "egna" : rule.nivå];
  const mean = rule.metod === "medelvärde";
  const bound = (v: number): string => (mean ? formatNumber(v, lang) : percent(v, lang));
  if (lang === "sv") {
    const subject = level === "resultatmål" ? "Resultatmålets status" : "Målområdets status";
    const how = mean
      ? `medelvärdet av ${what.mean} (uppfyllt 1, delvis 0,5, ej 0; ej bedömda räknas inte)`
      : `andelen uppfyllda av ${what.share} (ej bedömda räknas inte)`;
    return `${subject} är ${how}: minst ${bound(rule.uppfyllt)} är uppfyllt, minst ${bound(rule.delvis)} delvis uppfyllt.`;
  }
  const subject = level === "resultatmål" ? "An outcome goal's status" : "A goal area's status";
  const how = mean
    ? `the mean of ${what.mean} (met 1, partly 0.5, not met 0; not assessed left out)`
    : `the share met of ${what.share} (not assessed left out)`;
  return `${subject} is ${how}: at least ${bound(rule.uppfyllt)} is met, at least ${bound(rule.delvis)} partly met.`;
}

/** The counts behind a verdict: "av 5 bedömda: 2 uppfyllt, 2 delvis, 1 ej; 1 ej bedömd; medelvärde 0,6". */
export function countsText(r: RollUp, lang: Lang): string {
  const c = r.counts;
  const n = c.uppfyllt + c.delvis_uppfyllt + c.ej_uppfyllt;
  const sv = lang === "sv";
  const notAssessed = c.ej_bedömd > 0 ? `${c.ej_bedömd} ${sv ? (c.ej_bedömd === 1 ? "ej bedömd" : "ej bedömda") : "not assessed"}` : "";
  if (n === 0) return [sv ? "inget bedömt" : "nothing assessed", notAssessed].filter((x) => x !== "").join("; ");
  const counts = sv
    ? `av ${n} ${n === 1 ? "bedömd" : "bedömda"}: ${c.uppfyllt} uppfyllt, ${c.delvis_uppfyllt} delvis, ${c.ej_uppfyllt} ej`
    : `of ${n} assessed: ${c.uppfyllt} met, ${c.delvis_uppfyllt} partly, ${c.ej_uppfyllt} not met`;
  const figure =
    r.mean !== undefined
      ? `${sv ? "medelvärde" : "mean"} ${formatNumber(r.mean, lang)}`
      : r.share !== undefined
        ? `${sv ? "andel uppfyllda" : "share met"} ${percent(r.share, lang)}`
        : "";
  return [counts, notAssessed, figure].filter((x) => x !== "").join("; ");
}
