// What one status computation looks at: the period, the follow-ups of its year up to it, the
// year's budget, and, when the status is cut to a nämnd, the organs that nämnd reaches.
import type { Entity } from "../model/types.js";
import { str, type TypedDoc } from "../model/build.js";
import type { Plan } from "../model/plan.js";

export interface StatusOptions {
  period: string;
  nämnd?: string;
}

export interface PeriodScope {
  plan: Plan;
  /** YYYY-MM */
  period: string;
  year: number;
  /** The budget of the year, whose åtaganden and resultatmål are assessed. */
  budget: TypedDoc | undefined;
  /** The year's follow-ups up to and including the period, in plan order. */
  followUps: TypedDoc[];
  nämnd?: string;
  /** With a nämnd: the nämnd and every organ below it. */
  organs?: Set<string>;
}

export function periodScope(plan: Plan, opts: StatusOptions): PeriodScope {
  const { period } = opts;
  const year = Number(period.slice(0, 4));
  const followUps = plan.docs.filter((t) => {
    const p = t.kind === "uppföljning" ? str(t.data.period) : undefined;
    return p !== undefined && p.startsWith(`${year}-`) && p <= period;
  });
  return {
    plan,
    period,
    year,
    budget: plan.docs.find((t) => t.kind === "budget" && t.year === year),
    followUps,
    ...(opts.nämnd !== undefined ? { nämnd: opts.nämnd, organs: organTree(plan, opts.nämnd) } : {}),
  };
}

/** An entity in the year scope of the period's year (format.md, "IDs and scopes"). */
export const ofYear = (s: PeriodScope, e: Entity): boolean => e.scope.kind === "year" && e.scope.year === s.year;

/** The follow-ups of exactly the period (not the earlier ones of the year). */
export const ofPeriod = (s: PeriodScope): TypedDoc[] => s.followUps.filter((t) => t.data.period === s.period);

/**
 * The organ and every organ below it (förvaltningar under a nämnd, enheter under those): a walk
 * down from the root over the organs grouped by the one they are under. Passes over every organ
 * until none was added took one pass per level of a chain listed bottom-up (20,000 enheter).
 */
function organTree(plan: Plan, root: string): Set<string> {
  const below = new Map<string, string[]>();
  for (const e of plan.index.ofKind("organ")) {
    const under = str(e.data.under);
    if (under === undefined) continue;
    const list = below.get(under);
    if (list) list.push(e.id);
    else below.set(under, [e.id]);
  }
  const out = new Set([root]);
  const todo = [root];
  while (todo.length > 0) {
    for (const id of below.get(todo.pop()!) ?? []) {
      if (out.has(id)) continue;
      out.add(id);
      todo.push(id);
    }
  }
  return out;
}
