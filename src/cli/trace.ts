import { gapList, orphanList } from "../check/trace-lists.js";
import type { TraceFormat } from "../format/names.js";
import { TRACE_LIST_FORMATS } from "../format/names.js";
import { TRACE_FORMATTERS } from "../format/trace.js";
import { TRACE_LIST_FORMATTERS } from "../format/trace-list.js";
import { lookupEntity, type Lookup } from "../model/lookup.js";
import { inYear, visionOf } from "../model/thread.js";
import type { Plan } from "../model/plan.js";
import type { Lang } from "../diagnostics/index.js";
import type { Entity } from "../model/types.js";
import { useColor } from "./color.js";
import { out, UsageError } from "./io.js";
import { openPlan, yearFor, type CacheOptions } from "./open-plan.js";

export interface TraceOptions extends CacheOptions {
  id?: string;
  dir?: string;
  år?: string;
  format: TraceFormat;
  orphans?: boolean;
  gaps?: boolean;
  målområde?: string;
  djup?: string;
  lang?: string;
}

/** "text, md or json" */
const listFormats = `${TRACE_LIST_FORMATS.slice(0, -1).join(", ")} or ${TRACE_LIST_FORMATS[TRACE_LIST_FORMATS.length - 1]}`;

const isListFormat = (f: TraceFormat): f is (typeof TRACE_LIST_FORMATS)[number] => (TRACE_LIST_FORMATS as readonly string[]).includes(f);

/** "text, md or json" */
const listFormatsSv = `${TRACE_LIST_FORMATS.slice(0, -1).join(", ")} eller ${TRACE_LIST_FORMATS[TRACE_LIST_FORMATS.length - 1]}`;

/** Why an ID named on the command line is not there to trace, as one line. */
function notFound(id: string, year: number, l: Exclude<Lookup, { found: Entity }>): Record<Lang, string> {
  if ("otherYears" in l) {
    const years = l.otherYears.join(", ");
    const newest = l.otherYears[l.otherYears.length - 1];
    return { en: `"${id}" is not in ${year}; it is in ${years} (use --år ${newest})`, sv: `"${id}" finns inte år ${year}; det finns år ${years} (använd --år ${newest})` };
  }
  if ("definedIn" in l) {
    return l.definedIn === "period"
      ? { en: `"${id}" is not visible in ${year}; it is defined in another kommunplan's period`, sv: `"${id}" syns inte år ${year}; det är definierat i en annan kommunplans period` }
      : { en: `"${id}" is not visible in ${year}; it is defined in plan.yaml`, sv: `"${id}" syns inte år ${year}; det är definierat i plan.yaml` };
  }
  const near = l.near.join(", ");
  return {
    en: `unknown ID "${id}" in ${year}${l.near.length > 0 ? `; did you mean ${near}?` : ""}`,
    sv: `okänt ID "${id}" år ${year}${l.near.length > 0 ? `; menade du ${near}?` : ""}`,
  };
}

/** --djup: a whole number of levels, 1 or more. */
function parseDjup(raw: string | undefined, format: TraceFormat): number | undefined {
  if (raw === undefined) return undefined;
  if (format !== "mermaid" && format !== "md") throw new UsageError({ en: "--djup cuts the drawings: use --format mermaid or md", sv: "--djup avgränsar diagrammen: använd --format mermaid eller md" });
  if (!/^[1-9]\d{0,2}$/u.test(raw)) throw new UsageError({ en: `--djup must be a number of levels from 1 to 999, not "${raw}"`, sv: `--djup ska vara ett antal nivåer från 1 till 999, inte "${raw}"` });
  return Number(raw);
}

/** The målområde asked for with --målområde, among those below the year's vision. */
function pickOmråde(vision: Entity, raw: string, year: number, plan: Plan): Entity {
  const id = raw.normalize("NFC");
  const områden = vision.children.filter((c) => c.kind === "målområde" && inYear(plan, c, year)).sort((a, b) => a.order - b.order);
  const found = områden.find((m) => m.id === id);
  if (found) return found;
  const list = områden.map((m) => m.id).join(", ");
  throw new UsageError({ en: `no målområde "${id}" in ${year}; the year's målområden: ${list}`, sv: `inget målområde "${id}" år ${year}; årets målområden: ${list}` });
}

export function runTrace(o: TraceOptions): number {
  if (o.orphans && o.gaps) throw new UsageError({ en: "--orphans and --gaps show different lists: use one at a time", sv: "--orphans och --gaps visar olika listor: använd en i taget" });
  if ((o.orphans || o.gaps) && !isListFormat(o.format)) throw new UsageError({ en: `--orphans and --gaps are lists: use --format ${listFormats}`, sv: `--orphans och --gaps är listor: använd --format ${listFormatsSv}` });
  if ((o.orphans || o.gaps) && o.id !== undefined) throw new UsageError({ en: "--orphans and --gaps cover the whole year: leave out the ID", sv: "--orphans och --gaps gäller hela året: utelämna ID:t" });
  const cutting = o.målområde !== undefined || o.djup !== undefined;
  if (cutting && (o.orphans || o.gaps || o.id !== undefined)) {
    throw new UsageError({ en: "--målområde and --djup cut the whole year's thread: leave out the ID, --orphans and --gaps", sv: "--målområde och --djup avgränsar hela årets tråd: utelämna ID:t, --orphans och --gaps" });
  }
  const djup = parseDjup(o.djup, o.format);
  const { plan, lang } = openPlan(o.dir, o.lang, "cli", o);
  const year = yearFor(plan, o.år);
  const options = { lang, color: useColor(process.env, process.stdout) };

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
    if (!vision) throw new UsageError({ en: "the plan has no vision to start the thread from", sv: "planen har ingen vision att börja tråden från" });
    root = o.målområde !== undefined ? pickOmråde(vision, o.målområde, year, plan) : vision;
  }
  out(TRACE_FORMATTERS[o.format]({ plan, year, root, ...(focus ? { focus } : {}), ...(djup !== undefined ? { djup } : {}) }, options));
  return 0;
}
