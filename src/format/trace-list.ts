// Lists of what does not trace (orphans) and of coverage gaps, with file:line (made in check/trace-lists.ts).
import { palette } from "./palette.js";
import type { TraceListItem as ListItem } from "../check/trace-lists.js";
import type { Lang } from "../diagnostics/index.js";
import type { Formatter } from "./formatter.js";
import type { TraceListFormat } from "./names.js";
import { mdCode, mdText } from "./markdown.js";
import { terminalSafe } from "./text.js";

const TITLES = {
  en: { orphans: "Outside the red thread", gaps: "Coverage gaps", none: "None." },
  sv: { orphans: "Utanför den röda tråden", gaps: "Luckor i täckningen", none: "Inga." },
} as const;

const GAP_WORDS: Record<string, { en: string; sv: string }> = {
  orphan: { en: "does not trace to a målområde", sv: "leder inte till något målområde" },
  "resultatmål-utan-åtagande": { en: "resultatmål without åtagande", sv: "resultatmål utan åtagande" },
  "åtagande-utan-aktivitet": { en: "åtagande without aktivitet", sv: "åtagande utan aktivitet" },
  "nämnd-utan-åtagande": { en: "nämnd without åtagande", sv: "nämnd utan åtagande" },
};

const gapWord = (i: ListItem, lang: Lang): string => (Object.hasOwn(GAP_WORDS, i.kind) ? GAP_WORDS[i.kind]![lang] : i.typ);

function listText(what: "orphans" | "gaps", year: number, items: ListItem[], lang: Lang, color: boolean): string {
  const c = palette(color);
  const lines = [`${TITLES[lang][what]} ${year}: ${items.length}`];
  for (const i of items) {
    const t = (s: string): string => terminalSafe(s, true);
    lines.push(`  ${c.dim(t(`${i.file}:${i.line}:${i.column}`))}  ${c.bold(t(i.id))}  ${t(i.namn)} ${c.dim(`(${gapWord(i, lang)})`)}`);
  }
  return `${lines.join("\n")}\n`;
}

function listMarkdown(what: "orphans" | "gaps", year: number, items: ListItem[], lang: Lang): string {
  const lines = [`## ${TITLES[lang][what]} ${year}`, ""];
  if (items.length === 0) lines.push(TITLES[lang].none);
  for (const i of items) {
    lines.push(`- ${mdCode(i.id)} ${mdText(i.namn)} — ${mdText(gapWord(i, lang))} (${mdCode(`${i.file}:${i.line}`)})`);
  }
  return `${lines.join("\n")}\n`;
}

function listJson(what: "orphans" | "gaps", year: number, items: ListItem[]): string {
  return `${JSON.stringify({ year, [what]: items.map(({ kind, id, typ, namn, file, line, column }) => ({ ...(what === "gaps" ? { gap: kind } : {}), id, typ, namn, file, line, column })) }, null, 2)}\n`;
}

export interface TraceListData {
  what: "orphans" | "gaps";
  year: number;
  items: ListItem[];
}

export const TRACE_LIST_FORMATTERS: Record<TraceListFormat, Formatter<TraceListData>> = {
  text: (d, o) => listText(d.what, d.year, d.items, o.lang, o.color),
  md: (d, o) => listMarkdown(d.what, d.year, d.items, o.lang),
  json: (d) => listJson(d.what, d.year, d.items),
};
