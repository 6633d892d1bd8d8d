// Inline SVG charts. Every text that goes into the SVG is escaped here: the SVG is inserted
// unescaped into the HTML, so this module is where plan text meets markup.
import { clip } from "../format/text.js";
import { round } from "../model/round.js";
import { STATUSES, type Status } from "../status/fulfilment.js";

/** Fills with white text at ≥ 4.5:1 and the shape at ≥ 3:1 against white (WCAG 1.4.3, 1.4.11). */
const STATUS_FILL: Record<Status, string> = {
  uppfyllt: "#2e7d32",
  delvis_uppfyllt: "#9a6700",
  ej_uppfyllt: "#c62828",
  ej_bedömd: "#6e7781",
};

export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/gu, (c) => `&#${c.charCodeAt(0)};`);
}

/** Coordinates with one decimal: enough for a chart, and the same bytes on every machine. */
const n = (x: number): string => round(x, 1).toFixed(1).replace(/\.0$/u, "");

export interface BarRow {
  label: string;
  counts: Record<Status, number>;
}

export interface ChartText {
  id: string;
  title: string;
  desc: string;
  /** Legend entries in status order: symbol and word, so colour is never alone. */
  legend: Record<Status, string>;
  /** "Ortsutveckling: ● Uppfyllt 3" for one segment's tooltip. */
  segment: (row: BarRow, s: Status) => string;
}

/** Horizontal stacked bars: åtaganden per status for each målområde. */
export function fulfilmentChart(rows: readonly BarRow[], text: ChartText): string {
  const labelW = 250;
  const barW = 380;
  const rowH = 26;
  const top = 34;
  const width = labelW + barW + 20;
  const height = top + rows.length * rowH + 8;
  const max = rows.reduce((m, r) => Math.max(m, STATUSES.reduce((s, k) => s + r.counts[k], 0)), 1);
  const parts: string[] = [];
  let x = 0;
  for (const s of STATUSES) {
    parts.push(
      `<rect x="${n(x)}" y="4" width="12" height="12" fill="${STATUS_FILL[s]}"/>`,
      `<text x="${n(x + 16)}" y="14" font-size="12">${escapeXml(text.legend[s])}</text>`,
    );
    x += 24 + text.legend[s].length * 7;
  }
  rows.forEach((r, i) => {
    const y = top + i * rowH;
    parts.push(`<text x="${labelW - 8}" y="${y + 16}" font-size="12" text-anchor="end">${escapeXml(clip(r.label, 36))}</text>`);
    let at = labelW;
    for (const s of STATUSES) {
      const count = r.counts[s];
      if (count === 0) continue;
      const w = (count / max) * barW;
      parts.push(
        `<g><title>${escapeXml(text.segment(r, s))}</title>`,
        `<rect x="${n(at)}" y="${y + 2}" width="${n(Math.max(w - 2, 1))}" height="${rowH - 6}" fill="${STATUS_FILL[s]}"/>`,
        w >= 18 ? `<text x="${n(at + w / 2 - 1)}" y="${y + 17}" font-size="11" fill="#ffffff" text-anchor="middle">${count}</text>` : "",
        `</g>`,
      );
      at += w;
    }
  });
  return svg(text.id, text.title, text.desc, width, height, parts.join(""));
}

export interface TrendPointXY {
  year: number;
  value?: number;
}

/** A small line chart of a nyckeltal's value per year, with the target as a dashed line. */
export function sparkline(points: readonly TrendPointXY[], target: number | undefined, text: { id: string; title: string }): string {
  const w = 120;
  const h = 36;
  const pad = 5;
  const values = points.filter((p): p is Required<TrendPointXY> => p.value !== undefined);
  const all = [...values.map((p) => p.value), ...(target !== undefined ? [target] : [])];
  // The scale spans at least a fifth of the values' size, so 85 against 86 does not look
  // like a fall from the top to the bottom of the chart.
  const min = all.reduce((m, x) => Math.min(m, x), Infinity);
  const max = all.reduce((m, x) => Math.max(m, x), -Infinity);
  const span = Math.max(max - min, Math.abs(max) * 0.2, 1e-9);
  const lo = (min + max) / 2 - span / 2;
  const yOf = (v: number): number => pad + (1 - (v - lo) / span) * (h - 2 * pad);
  const xOf = (i: number): number => (points.length === 1 ? w / 2 : pad + (i / (points.length - 1)) * (w - 2 * pad));
  const parts: string[] = [];
  if (target !== undefined) {
    parts.push(`<line x1="0" x2="${w}" y1="${n(yOf(target))}" y2="${n(yOf(target))}" stroke="#595959" stroke-dasharray="3 2"/>`);
  }
  const coords = points.map((p, i) => (p.value !== undefined ? `${n(xOf(i))},${n(yOf(p.value))}` : undefined));
  const line = coords.filter((c): c is string => c !== undefined);
  if (line.length > 1) parts.push(`<polyline points="${line.join(" ")}" fill="none" stroke="#0b4f8a" stroke-width="2"/>`);
  for (const c of line) {
    const [cx, cy] = c.split(",");
    parts.push(`<circle cx="${cx}" cy="${cy}" r="3" fill="#0b4f8a"/>`);
  }
  return svg(text.id, text.title, undefined, w, h, parts.join(""));
}

function svg(id: string, title: string, desc: string | undefined, width: number, height: number, body: string): string {
  const labelled = desc !== undefined ? `${id}-t ${id}-d` : `${id}-t`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="${labelled}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" font-family="inherit">` +
    `<title id="${id}-t">${escapeXml(title)}</title>` +
    (desc !== undefined ? `<desc id="${id}-d">${escapeXml(desc)}</desc>` : "") +
    body +
    `</svg>`
  );
}
