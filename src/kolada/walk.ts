// The plan walk of plan kolada: every nyckeltal with a `kolada` ID that a follow-up of a year
// can follow up — in the year's åtaganden, resultatmål (their nyckeltal lists), verksamhetsmål
// and produktionsmål — with the ID a follow-up row names it by (`avser`).
import { isData, items, str } from "../model/build.js";
import type { Plan } from "../model/plan.js";
import type { Entity, EntityKind } from "../model/types.js";

export interface Target {
  /** The ID a follow-up row gives in `avser`: the nyckeltal's own ID, else its owner's. */
  avser: string;
  /** The Kolada ID as written in the plan (checked by the caller). */
  kolada: string;
}

const OWNERS: ReadonlySet<EntityKind> = new Set(["åtagande", "resultatmål", "verksamhetsmål", "produktionsmål"]);

/** A Kolada KPI ID: a capital letter and five digits (format.md). */
export const KOLADA_ID = /^[A-Z][0-9]{5}$/u;

/** The nyckeltal of year `year` that carry a Kolada ID, in the plan's order, each `avser` once. */
export function koladaTargets(plan: Plan, year: number): Target[] {
  const out: Target[] = [];
  const seen = new Set<string>();
  const add = (avser: string, kolada: unknown): void => {
    const id = str(kolada);
    if (id === undefined || seen.has(avser)) return;
    seen.add(avser);
    out.push({ avser, kolada: id });
  };
  const inYear = (e: Entity): boolean => e.scope.kind === "year" && e.scope.year === year;
  for (const e of plan.entities) {
    if (!inYear(e)) continue;
    if (e.kind === "nyckeltal" && e.container && OWNERS.has(e.container.kind)) add(e.id, e.data.kolada);
    // A nyckeltal without an ID is followed up by its owner's ID (resultatmål cannot be: its nyckeltal need IDs).
    if (e.kind !== "resultatmål" && OWNERS.has(e.kind)) {
      const n = e.data.nyckeltal;
      for (const k of isData(n) ? [n] : items(n)) if (str(k.id) === undefined) add(e.id, k.kolada);
    }
  }
  return out;
}
