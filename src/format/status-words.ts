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
  const key = `${lang}:${decimals}`;
  let f = formats.get(key);
  if (!f) formats.set(key, (f = new Intl.NumberFormat(lang === "sv" ? "sv-SE" : "en-GB", { maximumFractionDigits: decimals, useGrouping: true })));
  return f.format(fixed);
}
