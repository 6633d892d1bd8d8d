// The comparison with other municipalities (a jämförelse document for the year, from Kolada):
// per nyckeltal with a Kolada ID, the kommun's value beside the group's median and range.
import { str } from "../model/build.js";
import { comparisonFigures, comparisonOf, comparisonRowFor, comparisonRows } from "../model/comparison.js";
import type { KpiStatus } from "../status/engine.js";
import { fill } from "./labels.js";
import { num, type Ctx } from "./view-common.js";

interface ComparisonRowView {
  id: string;
  nyckeltal: string;
  enhet: string;
  år: number;
  kommun: string;
  median: string;
  spann: string;
  antal: string;
}

export interface ComparisonView {
  caption: string;
  rows: ComparisonRowView[];
  /** "Källa: Kolada, hämtad 2026-11-30." */
  källa: string;
  /** The comparison group's kommunkoder (and Kolada group). */
  grupp: string;
  metod: string;
}

/** Every nyckeltal of the report, in the order of its sections. */
const allKpis = (ctx: Ctx): KpiStatus[] => {
  const { m } = ctx;
  return [...m.åtaganden, ...m.resultatmålNyckeltal, ...m.finansiellaMål, ...m.verksamhetsmål, ...m.produktionsmål];
};

/** The comparison section, or null when the year has no jämförelse or none of its rows is a nyckeltal of the report. */
export function comparisonView(ctx: Ctx): ComparisonView | null {
  const { m, t } = ctx;
  const doc = comparisonOf(ctx.plan, m.year);
  if (!doc) return null;
  const rows = comparisonRows(doc);
  const out: ComparisonRowView[] = [];
  for (const k of allKpis(ctx)) {
    if (k.kolada === undefined) continue;
    const row = comparisonRowFor(rows, k.kolada, k.utfallÅr ?? m.year, m.year);
    if (!row) continue;
    const f = comparisonFigures(row);
    out.push({
      id: k.id,
      nyckeltal: k.namn,
      enhet: k.enhet,
      år: row.år,
      kommun: num(ctx, k.utfallÅr === row.år ? k.utfall : undefined),
      median: num(ctx, f.median),
      spann: f.min !== undefined ? `${num(ctx, f.min)}–${num(ctx, f.max)}` : num(ctx, undefined),
      antal: fill(t.jämförelse.antalText, { n: f.count, total: f.total }),
    });
  }
  if (out.length === 0) return null;
  const kommuner = Array.isArray(doc.data.kommuner) ? doc.data.kommuner.filter((x): x is string => typeof x === "string").join(", ") : "";
  const grupp = str(doc.data.grupp);
  return {
    caption: t.jämförelse.caption,
    rows: out,
    källa: fill(t.jämförelse.källa, { source: str(doc.data.källa) ?? "Kolada", date: str(doc.data.hämtad) ?? "" }),
    grupp: grupp !== undefined ? fill(t.jämförelse.grupp, { grupp, kommuner }) : fill(t.jämförelse.gruppen, { kommuner }),
    metod: t.jämförelse.metod,
  };
}
