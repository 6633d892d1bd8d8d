// The lists behind `plan trace --orphans` and `--gaps`: what does not trace to a målområde,
// and where coverage going down has a hole, each with the place to fix it. Data only; the
// words are in format/trace-list.ts.
import { locate } from "../load/locate.js";
import type { Plan } from "../model/plan.js";
import { inYear, nameOf } from "../model/thread.js";
import { findGaps } from "./coverage.js";
import { fieldOf } from "./report.js";
import { checkThread, MUST_TRACE, upwardField } from "./thread.js";

export interface TraceListItem {
  /** "orphan", or the kind of gap. */
  kind: string;
  id: string;
  typ: string;
  namn: string;
  file: string;
  line: number;
  column: number;
}

/** What should trace to a målområde in `year` and does not, in entity order. */
export function orphanList(plan: Plan, year: number): TraceListItem[] {
  const { traces } = checkThread(plan.entities);
  const list: TraceListItem[] = [];
  for (const e of plan.entities) {
    if (!MUST_TRACE.has(e.kind) || traces.has(e) || !inYear(plan, e, year)) continue;
    // The same place as validate's orphan diagnostic: the field that should lead upward.
    const { line, column } = locate(fieldOf(e, upwardField(e)));
    list.push({ kind: "orphan", id: e.id, typ: e.kind, namn: nameOf(e), file: e.doc.file, line, column });
  }
  return list;
}

/** The coverage gaps of `year`, in file order. */
export function gapList(plan: Plan, year: number): TraceListItem[] {
  const list: TraceListItem[] = [];
  for (const g of findGaps(plan)) {
    if (g.year !== year) continue;
    const { line, column } = locate(g.loc);
    const typ = g.gap === "nämnd-utan-åtagande" ? "nämnd" : g.entity!.kind;
    // The nämnd's first organ among the definitions of its ID (as a find over every entity
    // would give, for each of 40,000 nämnder).
    const namn = g.entity ? nameOf(g.entity) : nameOf(plan.index.definitions(g.id).find((e) => e.kind === "organ")!);
    list.push({ kind: g.gap, id: g.id, typ, namn, file: g.loc.doc.file, line, column });
  }
  return list;
}
