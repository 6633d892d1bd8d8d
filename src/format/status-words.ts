// How a status is shown: always a symbol and a word; colour only as an extra.
import type { Lang } from "../diagnostics/index.js";
import type { Status } from "../status/fulfilment.js";
import type { ActivityState } from "../status/engine.js";

export const STATUS_SYMBOL: Record<Status, string> = {
  uppfyllt: "●",
  delvis_uppfyllt: "◐",
  ej_uppfyllt: "○",
  ej_bedömd: "–",
};

export const STATUS_WORD: Record<Lang, Record<Status, string>> = {
  sv: { uppfyllt: "Uppfyllt", delvis_uppfyllt: "Delvis uppfyllt", ej_uppfyllt: "Ej uppfyllt", ej_bedömd: "Ej bedömd" },
  en: { uppfyllt: "Met", delvis_uppfyllt: "Partly met", ej_uppfyllt: "Not met", ej_bedömd: "Not assessed" },
};

export const STATUS_COLOR: Record<Status, "green" | "yellow" | "red" | "gray"> = {
  uppfyllt: "green",
  delvis_uppfyllt: "yellow",
  ej_uppfyllt: "red",
  ej_bedömd: "gray",
};

export const ACTIVITY_WORD: Record<Lang, Record<ActivityState | "ej_rapporterad", string>> = {
  sv: { ej_påbörjad: "Ej påbörjad", pågår: "Pågår", klar: "Klar", försenad: "Försenad", avbruten: "Avbruten", ej_rapporterad: "Ej rapporterad" },
  en: { ej_påbörjad: "Not started", pågår: "In progress", klar: "Done", försenad: "Delayed", avbruten: "Cancelled", ej_rapporterad: "Not reported" },
};

/** Intl.NumberFormat is costly to build: a report of a large plan formats tens of thousands of numbers. */
const formats = new Map<string, Intl.NumberFormat>();

/** A number as Swedish readers expect it: decimal comma, thin grouping, no trailing zeros. */
export function formatNumber(v: number | undefined, lang: Lang, decimals = 2): string {
  if (v === undefined) return "–";
  const fixed = Number(v.toFixed(decimals));
  const plain = plainNumber(fixed, lang);
  if (plain !== undefined) return plain;
  const key = `${lang}:${decimals}`;
  let f = formats.get(key);
  if (!f) formats.set(key, (f = new Intl.NumberFormat(lang === "sv" ? "sv-SE" : "en-GB", { maximumFractionDigits: decimals, useGrouping: true })));
  return f.format(fixed);
}

/** What Intl.NumberFormat writes for sv-SE and en-GB: the group separator, the decimal sign, the minus sign. */
const SIGNS: Record<Lang, readonly [group: string, decimal: string, minus: string]> = {
  sv: ["\u00a0", ",", "\u2212"],
  en: [",", ".", "-"],
};

/**
 * `x` as Intl.NumberFormat writes it with formatNumber's options, written without it: building
 * the first Intl.NumberFormat of a run loads the locale's data (about 10 ms, which `plan diff`
 * and the reports paid for a handful of numbers). Both write the shortest decimal that reads
 * back as `x`, and after toFixed nothing is left to round. Undefined where JavaScript writes an
 * exponent (below 1e-6, from 1e21), NaN or an infinity: Intl decides those.
 * test/number-format.test.ts holds the two to the same text for any double.
 */
function plainNumber(x: number, lang: Lang): string | undefined {
  if (!Number.isFinite(x)) return undefined;
  const negative = x < 0 || Object.is(x, -0);
  const digits = String(negative ? -x : x);
  if (digits.includes("e")) return undefined;
  const dot = digits.indexOf(".");
  const whole = dot < 0 ? digits : digits.slice(0, dot);
  const fraction = dot < 0 ? "" : digits.slice(dot + 1);
  const [group, decimal, minus] = SIGNS[lang];
  let grouped = "";
  for (let end = whole.length; end > 0; end -= 3) grouped = whole.slice(Math.max(0, end - 3), end) + (grouped === "" ? "" : group + grouped);
  return (negative ? minus : "") + grouped + (fraction === "" ? "" : decimal + fraction);
}
