import { fieldOf } from "../check/report.js";
import { checkThread, MUST_TRACE, upwardField } from "../check/thread.js";
import { findGaps } from "../check/coverage.js";
import { locate } from "../load/locate.js";
import { closest } from "../model/similar.js";
import { chainsUp, findEntity, inYear, nameOf, sharedTree, sharedUp, tree, visionOf } from "../model/thread.js";
import type { Lang } from "../diagnostics/index.js";
import type { Entity } from "../model/types.js";
import { traceJson, traceMarkdown, traceMermaid, traceText, type TraceView } from "../format/trace.js";
import { listJson, listMarkdown, listText, type ListItem } from "../format/trace-list.js";
import { useColor } from "./color.js";
import { out, UsageError } from "./io.js";
import { openPlan, yearFor } from "./open-plan.js";

export interface TraceOptions {
  id?: string;
  dir?: string;
  år?: string;
  format: "text" | "md" | "mermaid" | "json";
  orphans?: boolean;
  gaps?: boolean;
  lang: Lang;
}

export function runTrace(o: TraceOptions): number {
  if (o.orphans && o.gaps) throw new UsageError("--orphans and --gaps show different lists: use one at a time");
  if ((o.orphans || o.gaps) && o.format === "mermaid") throw new UsageError("--orphans and --gaps are lists: use --format text, md or json");
  if ((o.orphans || o.gaps) && o.id !== undefined) throw new UsageError("--orphans and --gaps cover the whole year: leave out the ID");
  const { plan } = openPlan(o.dir);
  const year = yearFor(plan, o.år);
  const color = useColor(process.env, process.stdout);

  if (o.orphans || o.gaps) {
    const list: ListItem[] = [];
    if (o.orphans) {
      const { traces } = checkThread(plan.entities);
      for (const e of plan.entities) {
        if (!MUST_TRACE.has(e.kind) || traces.has(e) || !inYear(plan, e, year)) continue;
        // The same place as validate's orphan diagnostic: the field that should lead upward.
        const { line, column } = locate(fieldOf(e, upwardField(e)));
        list.push({ kind: "orphan", id: e.id, typ: e.kind, namn: nameOf(e), file: e.doc.file, line, column });
      }
    } else {
      for (const g of findGaps(plan)) {
        if (g.year !== year) continue;
        const { line, column } = locate(g.loc);
        const typ = g.gap === "nämnd-utan-åtagande" ? "nämnd" : g.entity!.kind;
        const namn = g.entity ? nameOf(g.entity) : nameOf(plan.entities.find((e) => e.kind === "organ" && e.id === g.id)!);
        list.push({ kind: g.gap, id: g.id, typ, namn, file: g.loc.doc.file, line, column });
      }
    }
    const what = o.orphans ? "orphans" : "gaps";
    out(o.format === "json" ? listJson(what, year, list) : o.format === "md" ? listMarkdown(what, year, list, o.lang) : listText(what, year, list, o.lang, color));
    return 0;
  }

  let root: Entity;
  let focus: Entity | undefined;
  if (o.id !== undefined) {
    const id = o.id.normalize("NFC");
    focus = findEntity(plan, id, year);
    if (!focus) {
      const elsewhere = plan.index.byId.get(id);
      const years = [...new Set((elsewhere ?? []).map((e) => e.year).filter((y): y is number => y !== undefined && y !== year))].sort();
      if (years.length > 0) throw new UsageError(`"${id}" is not in ${year}; it is in ${years.join(", ")} (use --år ${years[years.length - 1]})`);
      if (elsewhere && elsewhere.length > 0) {
        const where = elsewhere[0]!.scope.kind === "period" ? "another kommunplan's period" : "plan.yaml";
        throw new UsageError(`"${id}" is not visible in ${year}; it is defined in ${where}`);
      }
      const near = closest(id, plan.index.visibleIds({ kind: "year", year }));
      throw new UsageError(`unknown ID "${id}" in ${year}${near.length > 0 ? `; did you mean ${near.join(", ")}?` : ""}`);
    }
    root = focus;
  } else {
    const vision = visionOf(plan, year);
    if (!vision) throw new UsageError("the plan has no vision to start the thread from");
    root = vision;
  }
  if (o.format === "mermaid") {
    // A drawing shares nodes, so it needs no limits: as many lines as entities and references.
    out(traceMermaid({ ...(focus ? { focus, up: sharedUp(plan, focus) } : {}), down: sharedTree(plan, root, year) }));
    return 0;
  }
  const view: TraceView = { ...(focus ? { focus, up: chainsUp(focus) } : {}), year, down: tree(plan, root, year) };
  switch (o.format) {
    case "json":
      out(traceJson(view));
      break;
    case "md":
      out(traceMarkdown(view, o.lang));
      break;
    default:
      out(traceText(view, o.lang, color));
  }
  return 0;
}
