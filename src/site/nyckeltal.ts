// A nyckeltal on a page: its unit and direction, a small chart of every known utfall over the
// years with the year's målvärde, and the same numbers as tables, then the comments made at
// each follow-up. The figures are the status models' (KpiStatus), period by period.
import { isData, num as number, str } from "../model/build.js";
import { comparisonFigures, comparisonOf, comparisonRowFor, comparisonRows, type ComparisonRow } from "../model/comparison.js";
import type { Plan } from "../model/plan.js";
import type { Entity } from "../model/types.js";
import { periodText } from "../report/labels.js";
import { sparkline } from "../report/chart.js";
import type { KpiStatus } from "../status/engine.js";
import { nyckeltalOf, type Gathered } from "./gather.js";
import { link, num, planName, rich, table } from "./html.js";
import { clean, esc } from "./text.js";

/** One follow-up's figures for the nyckeltal, when that follow-up reported on it. */
interface Reading {
  period: string;
  k: KpiStatus;
}

/** The follow-ups that reported on `id` themselves (not a figure carried from an earlier one). */
function readings(g: Gathered, id: string): Reading[] {
  const out: Reading[] = [];
  for (const [period, kpis] of g.kpiAt) {
    const k = kpis.get(id);
    if (k && k.period === period) out.push({ period, k });
  }
  return out;
}

/** The section for the nyckeltal `id` of `e` (an åtagande, or a resultatmål's own nyckeltal), headings at `level`. */
export function nyckeltalSection(g: Gathered, e: Entity, id: string, level: number, chartId: string): string {
  const { w, lang } = g;
  const data = nyckeltalOf(e);
  const k = g.kpiNow.get(id);
  if (!data || !k) return "";
  const namn = k.namn !== "" ? k.namn : id;
  const parts: string[] = [`<h${level}>${planName(g, namn)}</h${level}>`];
  const facts = [k.enhet !== "" ? `${w.enhet}: ${esc(k.enhet)}` : "", `${esc(w.riktningHead)}: ${esc(w.riktning[k.riktning] ?? "")}`].filter((s) => s !== "");
  parts.push(`<p>${facts.join(". ")}.</p>`);

  const read = readings(g, id);
  // An utfall of an earlier year (Kolada publishes a year's value the year after) says which, as the reports do.
  const earlier = (r: (typeof read)[number]): string =>
    r.k.utfallÅr !== undefined && String(r.k.utfallÅr) !== r.period.slice(0, 4) ? ` (${r.k.utfallÅr})` : "";
  const utfallOf = (r: (typeof read)[number]): string => (r.k.utfall !== undefined ? `${num(r.k.utfall, lang)}${earlier(r)}` : num(undefined, lang));
  const points = [
    ...(k.utgångsvärde ? [{ label: `${w.utgångsvärde} ${k.utgångsvärde.år ?? ""}`.trim(), value: k.utgångsvärde.värde }] : []),
    ...read.filter((r) => r.k.utfall !== undefined).map((r) => ({ label: `${periodText(r.period, lang)}${earlier(r)}`, value: r.k.utfall! })),
  ];
  if (points.length > 0) {
    const said = points.map((p) => `${p.label}: ${num(p.value, lang)}`).join("; ");
    const target = k.target !== undefined ? `; ${w.målvärde} ${g.ctx.year}: ${num(k.target, lang)}` : "";
    const svg = sparkline(
      points.map((p, i) => ({ year: i, value: p.value })),
      k.target,
      { id: chartId, title: clean(w.chartTitle(namn, said + target)) },
    );
    parts.push(`<figure class="chart">${svg}</figure>`);
  }
  const rows: string[][] = [];
  if (k.utgångsvärde) rows.push([esc(`${w.utgångsvärde} ${k.utgångsvärde.år ?? ""}`.trim()), num(k.utgångsvärde.värde, lang), "", ""]);
  for (const r of read) rows.push([esc(periodText(r.period, lang)), utfallOf(r), num(r.k.prognos, lang), num(r.k.target, lang)]);
  if (rows.length > 0) {
    parts.push(table(w.valuesCaption(namn), [{ head: w.period }, { head: w.utfall, numeric: true }, { head: w.prognos, numeric: true }, { head: w.målvärde, numeric: true }], rows));
  } else parts.push(`<p>${esc(w.noValues)}</p>`);

  // Where an utfall came from (Kolada, say): per source, the follow-ups it holds.
  const bySource = new Map<string, string[]>();
  for (const r of read) if (r.k.källa !== undefined && r.k.utfall !== undefined) bySource.set(r.k.källa, [...(bySource.get(r.k.källa) ?? []), periodText(r.period, lang)]);
  for (const [källa, perioder] of [...bySource].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) parts.push(`<p class="source">${esc(w.utfallSource(källa, perioder.join(", ")))}</p>`);
  parts.push(comparison(g, k, namn));

  const målvärden = isData(data.målvärden) ? data.målvärden : {};
  const years = Object.keys(målvärden)
    .filter((y) => /^\d{4}$/u.test(y) && number(målvärden[y]) !== undefined)
    .sort();
  if (years.length > 0) parts.push(table(w.targetsCaption(namn), [{ head: w.år }, { head: w.målvärde, numeric: true }], years.map((y) => [y, num(number(målvärden[y]), lang)])));

  const comments = read.filter((r) => r.k.kommentar !== undefined && r.k.kommentar.trim() !== "");
  if (comments.length > 0) {
    parts.push(`<h${level + 1}>${esc(w.kommentarer)}</h${level + 1}>`);
    parts.push(`<dl class="comments">${comments.map((r) => `<dt>${esc(periodText(r.period, lang))}</dt><dd>${rich(r.k.kommentar, level + 1, g.textLang)}</dd>`).join("")}</dl>`);
  }
  return parts.join("\n");
}

/**
 * The nyckeltal under a goal at a glance: each with its unit, utgångsvärde, the year's målvärde
 * and the newest utfall and prognos; `pageOf` gives the page that tells the whole story.
 */
export function nyckeltalOverview(g: Gathered, from: string, kpis: readonly KpiStatus[], caption: string, pageOf: (k: KpiStatus) => string | undefined): string {
  const { w, lang } = g;
  const rows = kpis.map((k) => {
    const to = pageOf(k);
    return [
      to !== undefined ? link(from, to, k.id, "id") : esc(k.id),
      planName(g, k.namn),
      esc(k.enhet),
      num(k.utgångsvärde?.värde, lang),
      num(k.target, lang),
      num(k.utfall, lang),
      num(k.prognos, lang),
    ];
  });
  const columns = [
    { head: w.id },
    { head: w.nyckeltal },
    { head: w.enhet },
    { head: w.utgångsvärde, numeric: true },
    { head: `${w.målvärde} ${g.ctx.year}`, numeric: true },
    { head: w.utfall, numeric: true },
    { head: w.prognos, numeric: true },
  ];
  return table(caption, columns, rows);
}

/** The rows of the year's jämförelse document, read once per plan and year. */
const rowsOf = new WeakMap<Plan, Map<number, ComparisonRow[]>>();

function yearRows(plan: Plan, year: number): ComparisonRow[] {
  let byYear = rowsOf.get(plan);
  if (!byYear) rowsOf.set(plan, (byYear = new Map()));
  let rows = byYear.get(year);
  if (!rows) {
    const doc = comparisonOf(plan, year);
    byYear.set(year, (rows = doc ? comparisonRows(doc) : []));
  }
  return rows;
}

/**
 * The kommun's value beside the comparison group's median and range (a jämförelse document for
 * the year, from Kolada), as the follow-up reports show them; "" without one.
 */
function comparison(g: Gathered, k: KpiStatus, namn: string): string {
  const { w, lang } = g;
  const { plan, year } = g.ctx;
  if (k.kolada === undefined) return "";
  const row = comparisonRowFor(yearRows(plan, year), k.kolada, k.utfallÅr ?? year, year);
  if (!row) return "";
  const doc = comparisonOf(plan, year)!;
  const f = comparisonFigures(row);
  const kommun = str(plan.kommun?.data.namn) ?? "";
  const own = k.utfallÅr === row.år ? k.utfall : undefined;
  const range = f.min !== undefined ? `${num(f.min, lang)}–${num(f.max, lang)}` : num(undefined, lang);
  const group = Array.isArray(doc.data.kommuner) ? doc.data.kommuner.filter((x): x is string => typeof x === "string").join(", ") : "";
  return [
    table(w.comparisonCaption(namn, row.år), [{ head: w.comparisonHead }, { head: String(row.år), numeric: true }], [
      [esc(w.kommunensVärde(kommun)), num(own, lang)],
      [esc(w.comparisonMedian(f.count, f.total)), num(f.median, lang)],
      [esc(w.comparisonRange), range],
    ]),
    `<p class="source">${esc(w.comparisonSource(str(doc.data.källa) ?? "Kolada", str(doc.data.hämtad) ?? "", group))}</p>`,
  ].join("\n");
}
