// `plan status`: the quick answer to "where do we stand?" as tables, Markdown or JSON.
import { palette } from "./palette.js";
import type { Lang } from "../diagnostics/index.js";
import { groupByParent } from "../model/by-parent.js";
import type { Entity } from "../model/types.js";
import type { GoalStatus, KpiStatus, StatusModel } from "../status/engine.js";
import type { Status } from "../status/fulfilment.js";
import { nameOf } from "../model/thread.js";
import type { Formatter } from "./formatter.js";
import { mdCode, mdText } from "./markdown.js";
import type { StatusFormat } from "./names.js";
import { clip, terminalSafe } from "./text.js";
import { countsText, ruleSentence } from "./status-rule.js";
import { formatNumber, STATUS_COLOR, STATUS_SYMBOL, STATUS_WORD } from "./status-words.js";
import { tableText } from "./table.js";

const L = {
  en: { title: "Status", period: "period", åtagande: "Åtagande", status: "Status", value: "Value", target: "Target", manual: "manual", resultatmål: "Resultatmål", målområde: "Målområde", nämnd: "nämnd", none: "No åtaganden.", basis: "Basis", computed: "computed" },
  sv: { title: "Läget", period: "period", åtagande: "Åtagande", status: "Status", value: "Värde", target: "Målvärde", manual: "manuell", resultatmål: "Resultatmål", målområde: "Målområde", nämnd: "nämnd", none: "Inga åtaganden.", basis: "Grund", computed: "beräknat" },
} as const;

/** A goal's basis: the counts behind its status, and for a manual one the status the rule gives. */
function basis(g: GoalStatus, lang: Lang): string {
  const counts = countsText(g, lang);
  return g.computed !== undefined ? `${counts}; ${L[lang].computed}: ${STATUS_SYMBOL[g.computed]} ${STATUS_WORD[lang][g.computed]}` : counts;
}

/** The two goal levels with their heads, for the tables of resultatmål and målområden. */
const LEVELS = [
  { level: "resultatmål", list: (m: StatusModel) => m.resultatmål },
  { level: "målområde", list: (m: StatusModel) => m.målområden },
] as const;

/** The målområden an åtagande's resultatmål belong to. */
function områdenOf(e: Entity): Entity[] {
  const out: Entity[] = [];
  for (const r of e.parents) for (const o of r.parents) if (o.kind === "målområde" && !out.includes(o)) out.push(o);
  return out;
}

/**
 * Åtaganden grouped by målområde, in the order of the kommunplan; within a group in the model's
 * order. One pass over the åtaganden into a map, not a filter of them all per målområde:
 * thousands of målområden made that millions of steps.
 */
export function groupByOmråde(m: StatusModel): { område: Entity; åtaganden: KpiStatus[] }[] {
  const byOmråde = groupByParent(m.åtaganden, (k) => områdenOf(k.entity));
  return m.målområden.map((g) => ({ område: g.entity, åtaganden: byOmråde.get(g.entity) ?? [] })).filter((g) => g.åtaganden.length > 0);
}

export function statusText(m: StatusModel, lang: Lang, color: boolean): string {
  const c = palette(color);
  const t = L[lang];
  const paint = (s: Status, text: string): string => (color ? c[STATUS_COLOR[s]](text) : text);
  const label = (s: Status, manual = false): string => paint(s, `${STATUS_SYMBOL[s]} ${STATUS_WORD[lang][s]}${manual ? ` (${t.manual})` : ""}`);
  const safe = (s: string): string => terminalSafe(s, true);
  const parts = [c.bold(`${t.title} ${m.period}${m.nämnd ? ` — ${t.nämnd} ${safe(m.nämnd)}` : ""}`), ""];
  const groups = groupByOmråde(m);
  if (groups.length === 0) parts.push(t.none, "");
  for (const g of groups) {
    const head = [safe(`${g.område.id}  ${clip(nameOf(g.område), 50)}`), t.status, t.value, t.target];
    const rows = g.åtaganden.map((k) => [safe(`${k.id}  ${clip(k.namn || "", 48)}`), label(k.status, k.manual), valueCell(k, lang, m.year), formatNumber(k.target, lang)]);
    parts.push(tableText({ head, rows, aligns: ["left", "left", "right", "right"] }, color), "");
  }
  for (const { level, list } of LEVELS) {
    const rows = list(m).map((g) => [safe(`${g.id}  ${clip(g.namn, 50)}`), label(g.status, g.manual), basis(g, lang)]);
    parts.push(tableText({ head: [t[level], t.status, t.basis], rows }, color), ruleSentence(m.rule, level, lang));
    for (const g of list(m)) if (g.motivering !== undefined) parts.push(safe(`${g.id} (${t.manual}): ${clip(g.motivering.replace(/\s+/gu, " ").trim(), 200)}`));
    parts.push("");
  }
  return `${parts.join("\n").trimEnd()}\n`;
}

/** "3,5 (prognos)", or "32,1 (2024)" for an utfall of an earlier year than the status's. */
function valueCell(k: KpiStatus, lang: Lang, year: number): string {
  if (k.value === undefined) return "–";
  const of = k.valueSource === "prognos" ? (lang === "sv" ? " (prognos)" : " (forecast)") : k.utfallÅr !== undefined && k.utfallÅr !== year ? ` (${k.utfallÅr})` : "";
  return `${formatNumber(k.value, lang)}${of}`;
}

function statusMarkdown(m: StatusModel, lang: Lang): string {
  const t = L[lang];
  const row = (cells: string[]): string => `| ${cells.join(" | ")} |`;
  const label = (s: Status, manual = false): string => `${STATUS_SYMBOL[s]} ${STATUS_WORD[lang][s]}${manual ? ` (${t.manual})` : ""}`;
  const lines = [`## ${t.title} ${m.period}${m.nämnd ? ` — ${t.nämnd} ${mdCode(m.nämnd)}` : ""}`, ""];
  for (const g of groupByOmråde(m)) {
    lines.push(`### ${mdCode(g.område.id)} ${mdText(nameOf(g.område))}`, "", row([t.åtagande, t.status, t.value, t.target]), row(["---", "---", "---:", "---:"]));
    for (const k of g.åtaganden) lines.push(row([`${mdCode(k.id)} ${mdText(k.namn)}`, label(k.status, k.manual), mdText(valueCell(k, lang, m.year)), formatNumber(k.target, lang)]));
    lines.push("");
  }
  for (const { level, list } of LEVELS) {
    lines.push(`### ${t[level]}`, "", row([t[level], t.status, t.basis]), row(["---", "---", "---"]));
    for (const g of list(m)) lines.push(row([`${mdCode(g.id)} ${mdText(g.namn)}`, label(g.status, g.manual), mdText(basis(g, lang))]));
    lines.push("", mdText(ruleSentence(m.rule, level, lang)), "");
    for (const g of list(m)) if (g.motivering !== undefined) lines.push(`- ${mdCode(g.id)} (${t.manual}): ${mdText(g.motivering.replace(/\s+/gu, " ").trim())}`);
    if (list(m).some((g) => g.motivering !== undefined)) lines.push("");
  }
  return `${lines.join("\n").trimEnd()}\n`;
}

const round4 = (v: number | undefined): number | null => (v === undefined ? null : Math.round(v * 1e4) / 1e4);

function goalJson(g: GoalStatus): Record<string, unknown> {
  return {
    id: g.id,
    status: g.status,
    manual: g.manual,
    ...(g.computed !== undefined ? { computed: g.computed } : {}),
    ...(g.motivering !== undefined ? { motivering: g.motivering } : {}),
    counts: { ...g.counts },
    assessed: g.assessed,
    mean: round4(g.mean),
    share: round4(g.share),
  };
}

/** The utfall with its year and source (values from Kolada may be of an earlier year). */
const kpiSourceJson = (k: KpiStatus): { utfall: number | null; utfall_år: number | null; källa: string | null } => ({
  utfall: k.utfall ?? null,
  utfall_år: k.utfallÅr ?? null,
  källa: k.källa ?? null,
});

function statusJson(m: StatusModel): string {
  const out = {
    period: m.period,
    year: m.year,
    ...(m.nämnd ? { nämnd: m.nämnd } : {}),
    rule: { metod: m.rule.metod, nivå: m.rule.nivå, uppfyllt: m.rule.uppfyllt, delvis: m.rule.delvis },
    åtaganden: m.åtaganden.map((k) => ({
      id: k.id,
      status: k.status,
      value: k.value ?? null,
      target: k.target ?? null,
      manual: k.manual,
      ...kpiSourceJson(k),
    })),
    resultatmål: m.resultatmål.map(goalJson),
    målområden: m.målområden.map(goalJson),
    beloppsenhet: m.beloppsenhet,
    ekonomi: m.ekonomi.map((r) => ({
      organ: r.organ,
      budget: r.budget ?? null,
      utfall: r.utfall ?? null,
      prognos: r.prognos ?? null,
      avvikelse: r.avvikelse ?? null,
      saknas: r.saknas === true,
    })),
    investeringar: m.investeringar.map((r) => ({
      id: r.id,
      organ: r.organ,
      budget: r.budget ?? null,
      utfall: r.utfall ?? null,
      prognos: r.prognos ?? null,
      avvikelse: r.avvikelse ?? null,
    })),
    finansiella_mål: m.finansiellaMål.map((k) => ({ id: k.id, status: k.status, value: k.value ?? null, target: k.target ?? null, manual: k.manual, ...kpiSourceJson(k) })),
    ...Object.fromEntries(
      (["resultaträkning", "balansräkning", "kassaflödesanalys", "balanskrav"] as const).map((key) => {
        const st = m.statements[key];
        return [key, st ? { period: st.period, rader: Object.fromEntries(st.rows.map((r) => [r.key, r.figures])) } : null];
      }),
    ),
    god_ekonomisk_hushållning: m.hushållning
      ? {
          status: m.hushållning.status,
          manual: m.hushållning.manual,
          förslag: m.hushållning.förslag,
          finansiella_mål: m.hushållning.finansiellt.status,
          verksamhetsmål: m.hushållning.verksamhet.status,
        }
      : null,
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}

export const STATUS_FORMATTERS: Record<StatusFormat, Formatter<StatusModel>> = {
  text: (m, o) => statusText(m, o.lang, o.color),
  md: (m, o) => statusMarkdown(m, o.lang),
  json: (m) => statusJson(m),
};
