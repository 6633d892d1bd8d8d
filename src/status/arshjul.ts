// Where the plan stands in its yearly cycle on a given day: for each phase with a deadline and a
// document, whether the files hold that document, and so what is done, late or due next. Pure:
// the plan's documents, the cycle, the year and the day in; data out.
import type { TypedDoc } from "../model/build.js";
import type { Fas, FasDokument } from "../model/arshjul.js";
import type { Plan } from "../model/plan.js";

/** klar: the document is there; sen: the deadline has passed without it; kommande: not yet due. */
export type FasLäge = "klar" | "sen" | "kommande" | "utan-regel";

export interface FasStatus {
  fas: Fas;
  /** The deadline as a date in the cycle's year, `YYYY-MM-DD`. */
  senast?: string;
  läge: FasLäge;
  /** The year the awaited document is for. */
  dokumentÅr?: number;
  /** The organs whose document is missing, for a document each nämnd or förvaltning writes. */
  saknas: string[];
}

export interface ÅrshjulStatus {
  år: number;
  idag: string;
  faser: FasStatus[];
  /** The phases past their deadline without their document, earliest deadline first. */
  sena: FasStatus[];
  /** The next phase still to come with a missing document, or none. */
  nästa?: FasStatus;
}

const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);
const docs = (plan: Plan, kind: TypedDoc["kind"]): TypedDoc[] => plan.docs.filter((d) => d.kind === kind);
/** A document's status: `beslutad` where the format says that is the default. */
const beslutad = (d: TypedDoc): boolean => (str(d.data.status) ?? "beslutad") === "beslutad";
const uppföljning = (plan: Plan, rapport: string, year: number): boolean =>
  docs(plan, "uppföljning").some((d) => str(d.data.rapport) === rapport && d.year === year);

/** The year the document of a phase is for, relative to the cycle's year. */
const YEAR_OFFSET: Record<FasDokument, number> = {
  nämndplan: 0,
  verksamhetsplan: 0,
  tjänstemannaunderlag: 1,
  planeringsdirektiv: 1,
  månadsrapport: 0,
  årsredovisning: -1,
  underlag: 1,
  delårsrapport: 0,
  budget: 1,
};

/**
 * The lateness rules, one per kind of document: the organs (or the kommun, as "") that still
 * lack it for year `y`. An empty list means the document is there.
 */
const MISSING: Record<FasDokument, (plan: Plan, y: number) => string[]> = {
  // Every nämnd adopts its own plan in January.
  nämndplan: (plan, y) => plan.namnder.filter((n) => !docs(plan, "nämndplan").some((d) => d.year === y && str(d.data.nämnd) === n)),
  // Every förvaltning plans its activities; a verksamhetsplan of one of its enheter counts too.
  verksamhetsplan: (plan, y) => {
    const förvaltningar = plan.index.ofKind("organ").filter((e) => e.organTyp === "förvaltning");
    const under = (id: string): string | undefined => str(plan.index.ofKind("organ").find((e) => e.id === id)?.data.under);
    const has = (f: string): boolean => docs(plan, "verksamhetsplan").some((d) => d.year === y && (str(d.data.organ) === f || under(str(d.data.organ) ?? "") === f));
    return förvaltningar.map((f) => f.id).filter((f) => !has(f));
  },
  // The draft directive: any planeringsdirektiv for next year, förslag or beslutad.
  tjänstemannaunderlag: (plan, y) => (docs(plan, "planeringsdirektiv").some((d) => d.year === y) ? [] : [""]),
  // KS's decision: the planeringsdirektiv for next year, beslutad.
  planeringsdirektiv: (plan, y) => (docs(plan, "planeringsdirektiv").some((d) => d.year === y && beslutad(d)) ? [] : [""]),
  // No single deadline: judged by no rule (the phase has no `senast`).
  månadsrapport: (plan, y) => (uppföljning(plan, "månad", y) ? [] : [""]),
  // Last year's annual report: a helår follow-up with a period in that year.
  årsredovisning: (plan, y) => (uppföljning(plan, "helår", y) ? [] : [""]),
  // Every nämnd submits its underlag for next year over the summer.
  underlag: (plan, y) => plan.namnder.filter((n) => !docs(plan, "underlag").some((d) => d.year === y && str(d.data.nämnd) === n)),
  delårsrapport: (plan, y) => (uppföljning(plan, "delår", y) ? [] : [""]),
  // KF's plan with budget for next year, decided in November.
  budget: (plan, y) => (docs(plan, "budget").some((d) => d.year === y && beslutad(d)) ? [] : [""]),
};

export function årshjulStatus(plan: Plan, faser: readonly Fas[], år: number, idag: string): ÅrshjulStatus {
  const statuses = faser.map((fas): FasStatus => {
    if (fas.dokument === undefined || fas.senast === undefined) return { fas, läge: "utan-regel", saknas: [] };
    const senast = `${år}-${fas.senast}`;
    const dokumentÅr = år + YEAR_OFFSET[fas.dokument];
    const saknas = MISSING[fas.dokument](plan, dokumentÅr).filter((s) => s !== "");
    const missing = saknas.length > 0 || MISSING[fas.dokument](plan, dokumentÅr).length > 0;
    const läge: FasLäge = !missing ? "klar" : idag > senast ? "sen" : "kommande";
    return { fas, senast, läge, dokumentÅr, saknas };
  });
  const byDeadline = (a: FasStatus, b: FasStatus): number => (a.senast ?? "").localeCompare(b.senast ?? "");
  const sena = statuses.filter((s) => s.läge === "sen").sort(byDeadline);
  const nästa = statuses.filter((s) => s.läge === "kommande").sort(byDeadline)[0];
  return { år, idag, faser: statuses, sena, ...(nästa ? { nästa } : {}) };
}
