import { gapList, orphanList } from "../check/trace-lists.js";
import type { TraceFormat } from "../format/names.js";
import { TRACE_LIST_FORMATS } from "../format/names.js";
import { TRACE_FORMATTERS } from "../format/trace.js";
import { TRACE_LIST_FORMATTERS } from "../format/trace-list.js";
import { lookupEntity, type Lookup } from "../model/lookup.js";
import { visionOf } from "../model/thread.js";
import type { Lang } from "../diagnostics/index.js";
import type { Entity } from "../model/types.js";
import { useColor } from "./color.js";
import { out, UsageError } from "./io.js";
import { openPlan, yearFor } from "./open-plan.js";

export interface TraceOptions {
  id?: string;
  dir?: string;
  år?: string;
  format: TraceFormat;
  orphans?: boolean;
  gaps?: boolean;
  lang: Lang;
}

/** "text, md or json" */
const listFormats = `${TRACE_LIST_FORMATS.slice(0, -1).join(", ")} or ${TRACE_LIST_FORMATS[TRACE_LIST_FORMATS.length - 1]}`;

const isListFormat = (f: TraceFormat): f is (typeof TRACE_LIST_FORMATS)[number] => (TRACE_LIST_FORMATS as readonly string[]).includes(f);

/** Why an ID named on the command line is not there to trace, as one line. */
function notFound(id: string, year: number, l: Exclude<Lookup, { found: Entity }>): string {
  if ("otherYears" in l) return `"${id}" is not in ${year}; it is in ${l.otherYears.join(", ")} (use --år ${l.otherYears[l.otherYears.length - 1]})`;
  if ("definedIn" in l) return `"${id}" is not visible in ${year}; it is defined in ${l.definedIn === "period" ? "another kommunplan's period" : "plan.yaml"}`;
  return `unknown ID "${id}" in ${year}${l.near.length > 0 ? `; did you mean ${l.near.join(", ")}?` : ""}`;
}

export function runTrace(o: TraceOptions): number {
  if (o.orphans && o.gaps) throw new UsageError("--orphans and --gaps show different lists: use one at a time");
  if ((o.orphans || o.gaps) && !isListFormat(o.format)) throw new UsageError(`--orphans and --gaps are lists: use --format ${listFormats}`);
  if ((o.orphans || o.gaps) && o.id !== undefined) throw new UsageError("--orphans and --gaps cover the whole year: leave out the ID");
  const { plan } = openPlan(o.dir);
  const year = yearFor(plan, o.år);
  const options = { lang: o.lang, color: useColor(process.env, process.stdout) };

  if ((o.orphans || o.gaps) && isListFormat(o.format)) {
    const items = o.orphans ? orphanList(plan, year) : gapList(plan, year);
    out(TRACE_LIST_FORMATTERS[o.format]({ what: o.orphans ? "orphans" : "gaps", year, items }, options));
    return 0;
  }

  let root: Entity;
  let focus: Entity | undefined;
  if (o.id !== undefined) {
    const id = o.id.normalize("NFC");
    const l = lookupEntity(plan, id, year);
    if (!("found" in l)) throw new UsageError(notFound(id, year, l));
    root = focus = l.found;
  } else {
    const vision = visionOf(plan, year);
    if (!vision) throw new UsageError("the plan has no vision to start the thread from");
    root = vision;
  }
  out(TRACE_FORMATTERS[o.format]({ plan, year, root, ...(focus ? { focus } : {}) }, options));
  return 0;
}
