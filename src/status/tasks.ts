// Aktiviteter and uppdrag of the year: where each stands in its newest follow-up.
import type { Entity } from "../model/types.js";
import { asList, str } from "../model/build.js";
import { nameOf } from "../model/thread.js";
import { latest } from "./follow-ups.js";
import { ofYear, type PeriodScope } from "./scope.js";

export type ActivityState = "ej_påbörjad" | "pågår" | "klar" | "försenad" | "avbruten";
export const ACTIVITY_STATES: readonly ActivityState[] = ["ej_påbörjad", "pågår", "klar", "försenad", "avbruten"];

export interface TaskStatus {
  id: string;
  entity: Entity;
  namn: string;
  organ: string;
  state?: ActivityState;
  kommentar?: string;
  period?: string;
}

/** The follow-up's list that reports on each kind. */
const LIST = { aktivitet: "aktiviteter", uppdrag: "uppdrag" } as const;

/**
 * Every aktivitet or uppdrag of the year in plan order. An aktivitet belongs to the organ of
 * its verksamhetsplan, an uppdrag to the organs it is given `till` (the first one shown); cut to a
 * nämnd, a task that reaches none of the nämnd's organs is left out.
 */
export function taskStatuses(s: PeriodScope, kind: "aktivitet" | "uppdrag"): TaskStatus[] {
  const entries = latest(s.followUps, LIST[kind], "avser");
  const out: TaskStatus[] = [];
  for (const e of s.plan.index.ofKind(kind)) {
    if (!ofYear(s, e)) continue;
    const organ = kind === "aktivitet" ? (str(e.container?.data.organ) ?? "") : (asList(e.data.till)[0] ?? "");
    if (s.organs) {
      const reach = kind === "aktivitet" ? [organ] : asList(e.data.till);
      if (!reach.some((o) => s.organs!.has(o))) continue;
    }
    const entry = entries.get(e.id);
    const state = entry && ACTIVITY_STATES.includes(entry.data.status as ActivityState) ? (entry.data.status as ActivityState) : undefined;
    const kommentar = entry ? str(entry.data.kommentar) : undefined;
    out.push({
      id: e.id,
      entity: e,
      namn: nameOf(e),
      organ,
      ...(state ? { state } : {}),
      ...(kommentar !== undefined ? { kommentar } : {}),
      ...(entry ? { period: entry.period } : {}),
    });
  }
  return out;
}
