// The yearly cycle (årshjulet): the phases of a planning year, each with its months, its
// deadline, the organ that decides and the document it produces. The default is the cycle of
// the domain (docs/format.md, `årshjul`); plan.yaml's `årshjul:` list replaces it whole.
import type { Plan } from "./plan.js";

/**
 * The documents a phase can produce, as the lateness rules know them. Each names a kind of
 * plan file and the year it is for, relative to the year of the cycle (see status/arshjul.ts).
 */
const FAS_DOKUMENT = [
  "nämndplan",
  "verksamhetsplan",
  "tjänstemannaunderlag",
  "planeringsdirektiv",
  "månadsrapport",
  "årsredovisning",
  "underlag",
  "delårsrapport",
  "budget",
] as const;
export type FasDokument = (typeof FAS_DOKUMENT)[number];

export interface Fas {
  /** A short key, stable between years: the ICS UID is built from it. */
  id: string;
  namn: string;
  /** The month the phase starts, 1–12. */
  månad: number;
  /** The month it ends, when it spans several (June–August); else `månad`. */
  tillMånad: number;
  /** The last day, `MM-DD`, by which its document should exist; none for a phase without one. */
  senast?: string;
  /** Who decides or does it: an organ ID (KF, KS) or a word (nämnderna). */
  organ: string;
  dokument?: FasDokument;
  /** Once a month rather than once a year (månadsrapport). */
  månatlig?: boolean;
}

/** The last day of a month in any year: February counts as 28 (a deadline in it is rare). */
const LAST_DAY = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const endOf = (month: number): string => `${String(month).padStart(2, "0")}-${LAST_DAY[month - 1]}`;

const fas = (f: Omit<Fas, "tillMånad" | "senast"> & { tillMånad?: number; senast?: string | false }): Fas => {
  const tillMånad = f.tillMånad ?? f.månad;
  const { senast, ...rest } = f;
  return { ...rest, tillMånad, ...(senast === false ? {} : { senast: senast ?? endOf(tillMånad) }) };
};

/** The cycle of domain.md, January to December. */
export const DEFAULT_ÅRSHJUL: readonly Fas[] = [
  fas({ id: "namndplan", namn: "Nämndplan med internbudget", månad: 1, organ: "nämnderna", dokument: "nämndplan" }),
  fas({ id: "verksamhetsplan", namn: "Verksamhetsplan", månad: 1, organ: "förvaltningarna", dokument: "verksamhetsplan" }),
  fas({ id: "analysseminarium", namn: "Analysseminarium", månad: 1, tillMånad: 2, organ: "KS", senast: false }),
  fas({ id: "tjanstemannaunderlag", namn: "Tjänstemannaunderlag till planeringsdirektiv", månad: 3, organ: "kommunledningsförvaltningen", dokument: "tjänstemannaunderlag" }),
  fas({ id: "manadsrapport", namn: "Månadsrapport", månad: 1, tillMånad: 12, organ: "nämnderna", dokument: "månadsrapport", månatlig: true, senast: false }),
  fas({ id: "planeringsdirektiv", namn: "Planeringsdirektiv", månad: 4, organ: "KS", dokument: "planeringsdirektiv" }),
  fas({ id: "arsredovisning", namn: "Årsredovisning", månad: 3, tillMånad: 4, organ: "KF", dokument: "årsredovisning" }),
  fas({ id: "planeringsdag", namn: "Planeringsdag", månad: 5, organ: "förvaltningar och bolag", senast: false }),
  fas({ id: "underlag", namn: "Nämndernas underlag", månad: 6, tillMånad: 8, organ: "nämnderna", dokument: "underlag" }),
  fas({ id: "delarsrapport", namn: "Delårsrapport", månad: 9, tillMånad: 10, organ: "KF", dokument: "delårsrapport" }),
  fas({ id: "budget", namn: "Övergripande plan med budget", månad: 11, organ: "KF", dokument: "budget" }),
  fas({ id: "forberedelse", namn: "Nämnderna förbereder sina planer", månad: 12, organ: "nämnderna", senast: false }),
];

const isMonth = (v: unknown): v is number => typeof v === "number" && Number.isInteger(v) && v >= 1 && v <= 12;
const isDokument = (v: unknown): v is FasDokument => typeof v === "string" && (FAS_DOKUMENT as readonly string[]).includes(v);

/**
 * The plan's cycle: plan.yaml's `årshjul` when it has one (the schema checks its shape; an entry
 * that is not usable is skipped here rather than guessed at), else the default.
 */
export function årshjulFor(plan: Plan): readonly Fas[] {
  const raw = plan.kommun?.data.årshjul;
  if (!Array.isArray(raw)) return DEFAULT_ÅRSHJUL;
  const out: Fas[] = [];
  for (const item of raw) {
    if (typeof item !== "object" || item === null) continue;
    const r = item as Record<string, unknown>;
    if (typeof r.id !== "string" || typeof r.namn !== "string" || typeof r.organ !== "string" || !isMonth(r.månad)) continue;
    const tillMånad = isMonth(r.till_månad) && r.till_månad >= r.månad ? r.till_månad : r.månad;
    const senast = typeof r.senast === "string" && /^\d\d-\d\d$/u.test(r.senast) ? r.senast : undefined;
    out.push({
      id: r.id,
      namn: r.namn,
      månad: r.månad,
      tillMånad,
      organ: r.organ,
      ...(isDokument(r.dokument) ? { dokument: r.dokument } : {}),
      ...(r.dokument === "månadsrapport" ? { månatlig: true } : senast !== undefined ? { senast } : isDokument(r.dokument) ? { senast: endOf(tillMånad) } : {}),
    });
  }
  return out;
}
