// Where the plan stands in its yearly cycle on a given day: for each phase with a deadline and a
// document, whether the files hold that document, and so what is done, late or due next. Pure:
// the plan's documents, the cycle, the year and the day in; data out.
import type { TypedDoc } from "../model/build.js";
import type { Fas, FasDokument } from "../model/arshjul.js";
import type { Plan } from "../model/plan.js";
import { compareText } from "../model/text-order.js";

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
/** A document's status: `beslutad` where the format says that is the default. */
const beslutad = (d: TypedDoc): boolean => (str(d.data.status) ?? "beslutad") === "beslutad";

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
 * The plan's documents of year `y`, by kind, looked at once: the rules below ask of every nämnd
 * and förvaltning, so each is a look-up, not a pass over the documents (a plan can hold
 * thousands of organs and documents).
 */
class OfYear {
  private readonly byKind = new Map<TypedDoc["kind"], TypedDoc[]>();

  constructor(
    readonly plan: Plan,
    y: number,
  ) {
    for (const d of plan.docs) {
      if (d.year !== y) continue;
      const list = this.byKind.get(d.kind);
      if (list) list.push(d);
      else this.byKind.set(d.kind, [d]);
    }
  }

  docs(kind: TypedDoc["kind"]): readonly TypedDoc[] {
    return this.byKind.get(kind) ?? [];
  }

  /** The values of `field` in the year's documents of `kind`. */
  named(kind: TypedDoc["kind"], field: string): Set<string> {
    const out = new Set<string>();
    for (const d of this.docs(kind)) {
      const v = str(d.data[field]);
      if (v !== undefined) out.add(v);
    }
    return out;
  }
}

const followedUp = (o: OfYear, rapport: string): boolean => o.docs("uppföljning").some((d) => str(d.data.rapport) === rapport);

/**
 * The lateness rules, one per kind of document: the organs (or the kommun, as "") that still
 * lack it for the year. An empty list means the document is there.
 */
const MISSING: Record<FasDokument, (o: OfYear) => string[]> = {
  // Every nämnd adopts its own plan in January.
  nämndplan: (o) => {
    const has = o.named("nämndplan", "nämnd");
    return o.plan.namnder.filter((n) => !has.has(n));
  },
  // Every förvaltning plans its activities; a verksamhetsplan of one of its enheter counts too.
  verksamhetsplan: (o) => {
    const organs = o.plan.index.ofKind("organ");
    // Each organ's `under`, from the first organ of its ID.
    const under = new Map<string, string | undefined>();
    for (const e of organs) if (!under.has(e.id)) under.set(e.id, str(e.data.under));
    const covered = new Set<string>();
    for (const d of o.docs("verksamhetsplan")) {
      const organ = str(d.data.organ);
      if (organ !== undefined) covered.add(organ);
      const above = under.get(organ ?? "");
      if (above !== undefined) covered.add(above);
    }
    return organs.filter((e) => e.organTyp === "förvaltning" && !covered.has(e.id)).map((e) => e.id);
  },
  // The draft directive: any planeringsdirektiv for next year, förslag or beslutad.
  tjänstemannaunderlag: (o) => (o.docs("planeringsdirektiv").length > 0 ? [] : [""]),
  // KS's decision: the planeringsdirektiv for next year, beslutad.
  planeringsdirektiv: (o) => (o.docs("planeringsdirektiv").some(beslutad) ? [] : [""]),
  // No single deadline: judged by no rule (the phase has no `senast`).
  månadsrapport: (o) => (followedUp(o, "månad") ? [] : [""]),
  // Last year's annual report: a helår follow-up with a period in that year.
  årsredovisning: (o) => (followedUp(o, "helår") ? [] : [""]),
  // Every nämnd submits its underlag for next year over the summer.
  underlag: (o) => {
    const has = o.named("underlag", "nämnd");
    return o.plan.namnder.filter((n) => !has.has(n));
  },
  delårsrapport: (o) => (followedUp(o, "delår") ? [] : [""]),
  // KF's plan with budget for next year, decided in November.
  budget: (o) => (o.docs("budget").some(beslutad) ? [] : [""]),
};

export function årshjulStatus(plan: Plan, faser: readonly Fas[], år: number, idag: string): ÅrshjulStatus {
  const years = new Map<number, OfYear>();
  // What lacks a document for a year, found once however many phases ask (a plan may define
  // thousands of phases, and the organs that lack a verksamhetsplan are found by a pass over all).
  const lackingOf = new Map<string, { lacking: string[]; saknas: string[] }>();
  const statuses = faser.map((fas): FasStatus => {
    if (fas.dokument === undefined || fas.senast === undefined) return { fas, läge: "utan-regel", saknas: [] };
    const senast = `${år}-${fas.senast}`;
    const dokumentÅr = år + YEAR_OFFSET[fas.dokument];
    let ofYear = years.get(dokumentÅr);
    if (!ofYear) years.set(dokumentÅr, (ofYear = new OfYear(plan, dokumentÅr)));
    const key = `${fas.dokument}\u0000${dokumentÅr}`;
    let found = lackingOf.get(key);
    if (!found) {
      const lacking = MISSING[fas.dokument](ofYear);
      lackingOf.set(key, (found = { lacking, saknas: lacking.filter((s) => s !== "") }));
    }
    // One list for every phase that asks: never changed after this.
    const { lacking, saknas } = found;
    const missing = lacking.length > 0;
    const läge: FasLäge = !missing ? "klar" : idag > senast ? "sen" : "kommande";
    return { fas, senast, läge, dokumentÅr, saknas };
  });
  // ISO dates compare as text; localeCompare would load a collator (about 8 ms) to say the same.
  const byDeadline = (a: FasStatus, b: FasStatus): number => compareText(a.senast ?? "", b.senast ?? "");
  const sena = statuses.filter((s) => s.läge === "sen").sort(byDeadline);
  const nästa = statuses.filter((s) => s.läge === "kommande").sort(byDeadline)[0];
  return { år, idag, faser: statuses, sena, ...(nästa ? { nästa } : {}) };
}
