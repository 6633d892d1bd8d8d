// Plan figures as terminal tables (cli-table3), Markdown tables and JSON.
import { palette } from "./palette.js";
import type Table from "cli-table3";
import type { Lang } from "../diagnostics/index.js";
import type { Count, PlanStats } from "../model/stats.js";
import type { Formatter } from "./formatter.js";
import { mdCode, mdText } from "./markdown.js";
import { formatNumber } from "./status-words.js";
import type { StatsFormat } from "./names.js";
import { terminalSafe } from "./text.js";
import { tableText } from "./table.js";

/** An entity as a terminal table cell: its ID and name, control characters escaped. */
const cell = (o: { id: string; namn: string }): string => terminalSafe(`${o.id}  ${o.namn}`, true);

const L = {
  en: {
    title: "Plan figures",
    total: "Åtaganden in total",
    alla: "common to all nämnder (alla)",
    delade: "shared by two or more named nämnder",
    perNämnd: "Åtaganden per nämnd (named or alla)",
    perOmråde: "Åtaganden per målområde",
    rPerOmråde: "Resultatmål per målområde",
    perOrgan: "Aktiviteter per organ",
    utan: "Åtaganden without aktivitet",
    share: "Aktiviteter per åtagande",
    mean: "mean",
    median: "median",
    max: "max",
    withAkt: "åtaganden with at least one aktivitet",
    most: "most",
    fewest: "fewest",
    count: "count",
    resultatmål: "Resultatmål",
    aktiviteter: "Aktiviteter",
    none: "none",
  },
  sv: {
    title: "Planens siffror",
    total: "Åtaganden totalt",
    alla: "gemensamma för alla nämnder (alla)",
    delade: "delade av två eller fler namngivna nämnder",
    perNämnd: "Åtaganden per nämnd (namngiven eller alla)",
    perOmråde: "Åtaganden per målområde",
    rPerOmråde: "Resultatmål per målområde",
    perOrgan: "Aktiviteter per organ",
    utan: "Åtaganden utan aktivitet",
    share: "Aktiviteter per åtagande",
    mean: "medel",
    median: "median",
    max: "max",
    withAkt: "åtaganden med minst en aktivitet",
    most: "flest",
    fewest: "minst",
    count: "antal",
    resultatmål: "Resultatmål",
    aktiviteter: "Aktiviteter",
    none: "inga",
  },
} as const;

/** Numbers as the reports write them: in Swedish with a decimal comma and spaced thousands. */
const num = (v: number, lang: Lang): string => formatNumber(v, lang);
const pct = (x: number, lang: Lang): string => `${formatNumber(x * 100, lang, 1)} %`;

/** Mark the unique extremes of a sorted-descending list: most first, fewest last. */
function marks(list: Count[], lang: Lang): Map<string, string> {
  const m = new Map<string, string>();
  if (list.length < 2) return m;
  const max = list[0]!.count;
  const min = list[list.length - 1]!.count;
  if (max === min) return m;
  for (const c of list) {
    if (c.count === max) m.set(c.id, L[lang].most);
    if (c.count === min) m.set(c.id, L[lang].fewest);
  }
  return m;
}

export function statsText(s: PlanStats, lang: Lang, color: boolean): string {
  const c = palette(color);
  const t = L[lang];
  const aligns = (head: string[]): Table.HorizontalAlignment[] => head.map((_, i) => (i === 0 ? "left" : i === 1 ? "right" : "left"));
  const table = (head: string[], rows: string[][]): string => tableText({ head, rows, aligns: aligns(head) }, color);
  const parts: string[] = [c.bold(`${t.title} ${s.year}`), ""];
  const summary = [[`  ${t.alla}`, num(s.åtaganden.alla, lang)], [`  ${t.delade}`, num(s.åtaganden.delade, lang)], [t.resultatmål, num(s.resultatmål, lang)], [t.aktiviteter, num(s.aktiviteter, lang)]];
  parts.push(table([t.total, num(s.åtaganden.total, lang)], summary), "");
  const m = marks(s.åtaganden.perNämnd, lang);
  parts.push(table([t.perNämnd, t.count, ""], s.åtaganden.perNämnd.map((n) => [cell(n), num(n.count, lang), m.get(n.id) ?? ""])), "");
  const perOmråde = s.åtaganden.perMålområde.map((o, i) => [cell(o), num(o.count, lang), num(s.resultatmålPerMålområde[i]?.count ?? 0, lang)]);
  parts.push(table([t.perOmråde, t.count, t.rPerOmråde], perOmråde), "");
  parts.push(table([t.perOrgan, t.count], s.aktiviteterPerOrgan.map((o) => [cell(o), num(o.count, lang)])), "");
  const a = s.aktiviteterPerÅtagande;
  parts.push(table([t.share, ""], [[t.mean, num(a.medel, lang)], [t.median, num(a.median, lang)], [t.max, num(a.max, lang)], [t.withAkt, pct(a.andelMedAktivitet, lang)]]), "");
  parts.push(`${t.utan} (${s.åtaganden.utanAktivitet.length}): ${s.åtaganden.utanAktivitet.length > 0 ? terminalSafe(s.åtaganden.utanAktivitet.join(", "), true) : t.none}`);
  return `${parts.join("\n")}\n`;
}

function statsMarkdown(s: PlanStats, lang: Lang): string {
  const t = L[lang];
  const row = (cells: string[]): string => `| ${cells.join(" | ")} |`;
  const lines = [`## ${t.title} ${s.year}`, ""];
  lines.push(row(["", t.count]), row(["---", "---:"]));
  lines.push(row([t.total, num(s.åtaganden.total, lang)]), row([t.alla, num(s.åtaganden.alla, lang)]), row([t.delade, num(s.åtaganden.delade, lang)]));
  lines.push(row([t.resultatmål, num(s.resultatmål, lang)]), row([t.aktiviteter, num(s.aktiviteter, lang)]), "");
  const m = marks(s.åtaganden.perNämnd, lang);
  lines.push(`### ${t.perNämnd}`, "", row(["", t.count, ""]), row(["---", "---:", "---"]));
  for (const n of s.åtaganden.perNämnd) lines.push(row([`${mdCode(n.id)} ${mdText(n.namn)}`, num(n.count, lang), m.get(n.id) ?? ""]));
  lines.push("", `### ${t.perOmråde}`, "", row(["", t.count, t.rPerOmråde]), row(["---", "---:", "---:"]));
  s.åtaganden.perMålområde.forEach((o, i) => lines.push(row([`${mdCode(o.id)} ${mdText(o.namn)}`, num(o.count, lang), num(s.resultatmålPerMålområde[i]?.count ?? 0, lang)])));
  lines.push("", `### ${t.perOrgan}`, "", row(["", t.count]), row(["---", "---:"]));
  for (const o of s.aktiviteterPerOrgan) lines.push(row([`${mdCode(o.id)} ${mdText(o.namn)}`, num(o.count, lang)]));
  const a = s.aktiviteterPerÅtagande;
  lines.push("", `### ${t.share}`, "", row(["", ""]), row(["---", "---:"]));
  lines.push(row([t.mean, num(a.medel, lang)]), row([t.median, num(a.median, lang)]), row([t.max, num(a.max, lang)]), row([t.withAkt, pct(a.andelMedAktivitet, lang)]));
  lines.push("", `### ${t.utan} (${s.åtaganden.utanAktivitet.length})`, "");
  lines.push(s.åtaganden.utanAktivitet.length > 0 ? s.åtaganden.utanAktivitet.map(mdCode).join(", ") : t.none);
  return `${lines.join("\n")}\n`;
}

const toObject = (list: Count[]): Record<string, number> => Object.fromEntries(list.map((c) => [c.id, c.count]));

function statsJson(s: PlanStats): string {
  const out = {
    year: s.year,
    målområden: s.målområden.length,
    resultatmål: s.resultatmål,
    åtaganden: {
      total: s.åtaganden.total,
      alla: s.åtaganden.alla,
      delade: s.åtaganden.delade,
      per_nämnd: toObject(s.åtaganden.perNämnd),
      per_målområde: toObject(s.åtaganden.perMålområde),
      utan_aktivitet: s.åtaganden.utanAktivitet,
    },
    aktiviteter: s.aktiviteter,
    resultatmål_per_målområde: toObject(s.resultatmålPerMålområde),
    aktiviteter_per_organ: toObject(s.aktiviteterPerOrgan),
    aktiviteter_per_åtagande: {
      medel: s.aktiviteterPerÅtagande.medel,
      median: s.aktiviteterPerÅtagande.median,
      max: s.aktiviteterPerÅtagande.max,
      andel_med_aktivitet: s.aktiviteterPerÅtagande.andelMedAktivitet,
    },
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}

export const STATS_FORMATTERS: Record<StatsFormat, Formatter<PlanStats>> = {
  text: (s, o) => statsText(s, o.lang, o.color),
  md: (s, o) => statsMarkdown(s, o.lang),
  json: (s) => statsJson(s),
};
