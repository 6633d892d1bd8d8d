// Periods and years: kommunplaner cover the planned years without overlapping; one budget a year.
import type { Diagnostic } from "../diagnostics/index.js";
import { isData, num, str, type TypedDoc } from "../model/build.js";
import type { Entity } from "../model/types.js";
import type { Plan } from "../model/plan.js";
import { at } from "./report.js";

interface Span {
  från: number;
  till: number;
}

function spanOf(v: unknown): Span | undefined {
  if (!isData(v)) return undefined;
  const från = num(v.från);
  const till = num(v.till);
  return från !== undefined && till !== undefined ? { från, till } : undefined;
}

const yearField = (t: TypedDoc): string => (t.kind === "uppföljning" ? "period" : "år");

export function checkPeriods(plan: Plan): Diagnostic[] {
  const out: Diagnostic[] = [];
  const kps: { t: TypedDoc; span: Span }[] = [];
  for (const t of plan.docs) {
    if (t.kind !== "kommunplan") continue;
    const span = spanOf(t.data.period);
    if (!span) continue;
    if (span.från > span.till) {
      out.push(at("period-reversed", { doc: t.doc, obj: t.data, key: "period" }, { från: span.från, till: span.till }, str(t.data.id)));
      continue;
    }
    const overlapping = kps.find((k) => k.span.från <= span.till && span.från <= k.span.till);
    if (overlapping) {
      out.push(
        at(
          "period-overlap",
          { doc: t.doc, obj: t.data, key: "period" },
          { id: str(t.data.id) ?? "", other: str(overlapping.t.data.id) ?? "", otherFile: overlapping.t.doc.file, från: span.från, till: span.till },
          str(t.data.id),
        ),
      );
    }
    kps.push({ t, span });
  }
  const budgets = new Map<number, TypedDoc>();
  for (const t of plan.docs) {
    if (t.kind !== "budget" || t.year === undefined) continue;
    const span = spanOf(t.data.planperiod);
    if (span && span.från > span.till) {
      out.push(at("period-reversed", { doc: t.doc, obj: t.data, key: "planperiod" }, { från: span.från, till: span.till }, str(t.data.id)));
    } else if (span && (t.year < span.från || t.year > span.till)) {
      out.push(at("budget-year-outside-planperiod", { doc: t.doc, obj: t.data, key: "år" }, { year: t.year, från: span.från, till: span.till }, str(t.data.id)));
    }
    const first = budgets.get(t.year);
    if (first) {
      out.push(at("duplicate-budget", { doc: t.doc, obj: t.data, key: "år" }, { year: t.year, otherFile: first.doc.file }, str(t.data.id)));
    } else {
      budgets.set(t.year, t);
    }
  }
  // Each planned year once: at its budget, else at the first document of the year.
  const reportedYears = new Set<number>();
  const withoutBudget = new Set<number>();
  const yearDocs = plan.docs.filter((t) => t.year !== undefined && ["budget", "nämndplan", "verksamhetsplan", "uppföljning"].includes(t.kind));
  const ordered = [...yearDocs.filter((t) => t.kind === "budget"), ...yearDocs.filter((t) => t.kind !== "budget")];
  for (const t of ordered) {
    const year = t.year!;
    const loc = { doc: t.doc, obj: t.data, key: yearField(t) };
    if (!reportedYears.has(year) && !plan.index.kommunplanFor(year)) {
      reportedYears.add(year);
      out.push(at("year-without-kommunplan", loc, { year }, str(t.data.id)));
    }
    if (t.kind !== "budget" && !budgets.has(year) && !withoutBudget.has(year)) {
      withoutBudget.add(year);
      out.push(at("year-without-budget", loc, { year, kind: t.kind }, str(t.data.id)));
    }
  }
  const nämndplaner = new Map<string, TypedDoc>();
  for (const t of plan.docs) {
    if (t.kind !== "nämndplan" || t.year === undefined) continue;
    const nämnd = str(t.data.nämnd);
    if (nämnd === undefined) continue;
    const key = `${nämnd}\u0000${t.year}`;
    const first = nämndplaner.get(key);
    if (first) out.push(at("duplicate-namndplan", { doc: t.doc, obj: t.data, key: "nämnd" }, { nämnd, year: t.year, otherFile: first.doc.file }, str(t.data.id)));
    else nämndplaner.set(key, t);
  }
  return out;
}


/** A real-looking ISO date (bad-date speaks of the others), comparable as text. */
const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/u;
const dateOf = (v: unknown): string | undefined => (typeof v === "string" && ISO_DATE.test(v) ? v : undefined);

/** The year of a date dateOf accepted (four digits first), without cutting the text. */
const yearOfDate = (d: string): number => ((d.charCodeAt(0) - 48) * 10 + d.charCodeAt(1) - 48) * 100 + (d.charCodeAt(2) - 48) * 10 + d.charCodeAt(3) - 48;

/** Dates against each other and against their document's year: an aktivitet's start and slut, an uppdrag's or åtgärd's klart. */
export function checkDates(entities: readonly Entity[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const loc = (e: Entity, field: string): { doc: Entity["doc"]; obj: object; key: string } => ({ doc: e.doc, obj: e.data, key: field });
  // Indexed: code not yet optimised makes an object for every step of a for-of.
  for (let i = 0; i < entities.length; i++) {
    const e = entities[i]!;
    const year = e.year;
    if (e.kind === "aktivitet") {
      const start = dateOf(e.data.start);
      const slut = dateOf(e.data.slut);
      if (start !== undefined && slut !== undefined && slut < start) out.push(at("date-reversed", loc(e, "slut"), { start, slut }, e.id));
      if (year === undefined) continue;
      // One finding per aktivitet: the first of its dates outside the year.
      const outside = start !== undefined && yearOfDate(start) !== year ? "start" : slut !== undefined && yearOfDate(slut) !== year ? "slut" : undefined;
      if (outside) {
        const value = outside === "start" ? start! : slut!;
        out.push(at("date-outside-year", loc(e, outside), { field: outside, value, year, kind: e.container?.kind ?? "", before: 0 }, e.id));
      }
    } else if ((e.kind === "uppdrag" || e.kind === "åtgärd") && year !== undefined) {
      const klart = dateOf(e.data.klart);
      if (klart !== undefined && yearOfDate(klart) < year) {
        out.push(at("date-outside-year", loc(e, "klart"), { field: "klart", value: klart, year, kind: e.container?.kind ?? "", before: 1 }, e.id));
      }
    }
  }
  return out;
}
