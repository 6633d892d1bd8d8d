// Finding the entity a user names on the command line, and when it is not in the year asked
// for, what to say instead: the years it is in, where it is defined, or IDs spelt alike.
import type { Plan } from "./plan.js";
import { closest } from "./similar.js";
import { findEntity } from "./thread.js";
import type { Entity } from "./types.js";

export type Lookup =
  | { found: Entity }
  /** Not in the year, but in these (ascending). */
  | { otherYears: number[] }
  /** Defined, but visible in no budget year: in another kommunplan's period, or in plan.yaml. */
  | { definedIn: "period" | "plan" }
  /** Unknown: the visible IDs spelt most alike, perhaps none. */
  | { near: string[] };

export function lookupEntity(plan: Plan, id: string, year: number): Lookup {
  const found = findEntity(plan, id, year);
  if (found) return { found };
  const elsewhere = plan.index.definitions(id);
  const otherYears = [...new Set(elsewhere.map((e) => e.year).filter((y): y is number => y !== undefined && y !== year))].sort();
  if (otherYears.length > 0) return { otherYears };
  if (elsewhere.length > 0) return { definedIn: elsewhere[0]!.scope.kind === "period" ? "period" : "plan" };
  return { near: closest(id, plan.index.visibleIds({ kind: "year", year })) };
}
