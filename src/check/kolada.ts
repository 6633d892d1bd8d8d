// Values from Kolada: a follow-up row's `år` is never after the follow-up's year; a jämförelse
// compares nyckeltal the plan has, and a year has one jämförelse.
import type { Diagnostic } from "../diagnostics/index.js";
import { items, num, str, type TypedDoc } from "../model/build.js";
import { planKoladaIds } from "../model/comparison.js";
import type { Plan } from "../model/plan.js";
import { at } from "./report.js";

export function checkKolada(plan: Plan): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const t of plan.docs) {
    if (t.kind !== "uppföljning" || t.year === undefined) continue;
    for (const row of items(t.data.nyckeltal)) {
      const år = num(row.år);
      const id = str(row.avser);
      if (år !== undefined && år > t.year) out.push(at("value-year-after-period", { doc: t.doc, obj: row, key: "år" }, { id: id ?? "", år, year: t.year }, id));
    }
  }
  const known = planKoladaIds(plan);
  const byYear = new Map<number, TypedDoc>();
  for (const t of plan.docs) {
    if (t.kind !== "jämförelse") continue;
    const id = str(t.data.id);
    if (t.year !== undefined) {
      const first = byYear.get(t.year);
      if (first) out.push(at("duplicate-comparison", { doc: t.doc, obj: t.data, key: "år" }, { year: t.year, otherFile: first.doc.file }, id));
      else byYear.set(t.year, t);
    }
    // Each unknown ID once per document, at its first row.
    const reported = new Set<string>();
    for (const row of items(t.data.värden)) {
      const kolada = str(row.kolada);
      if (kolada === undefined || known.has(kolada) || reported.has(kolada)) continue;
      reported.add(kolada);
      out.push(at("comparison-kpi-unknown", { doc: t.doc, obj: row, key: "kolada" }, { kolada }, id));
    }
  }
  return out;
}
