// A nyckeltal on a page: its unit and direction, a small chart of every known utfall over the
// years with the year's målvärde, and the same numbers as tables, then the comments made at
// each follow-up. The figures are the status models' (KpiStatus), period by period.
import { isData, num as number } from "../model/build.js";
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
  const points = [
    ...(k.utgångsvärde ? [{ label: `${w.utgångsvärde} ${k.utgångsvärde.år ?? ""}`.trim(), value: k.utgångsvärde.värde }] : []),
    ...read.filter((r) => r.k.utfall !== undefined).map((r) => ({ label: periodText(r.period, lang), value: r.k.utfall! })),
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
  for (const r of read) rows.push([esc(periodText(r.period, lang)), num(r.k.utfall, lang), num(r.k.prognos, lang), num(r.k.target, lang)]);
  if (rows.length > 0) {
    parts.push(table(w.valuesCaption(namn), [{ head: w.period }, { head: w.utfall, numeric: true }, { head: w.prognos, numeric: true }, { head: w.målvärde, numeric: true }], rows));
  } else parts.push(`<p>${esc(w.noValues)}</p>`);

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
