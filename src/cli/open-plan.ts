import { checkPlan, type CheckResult } from "../check/index.js";
import { findPlanRoot } from "../load/find-root.js";
import { loadPlan, type LoadedPlan } from "../load/load-plan.js";
import type { Plan } from "../model/plan.js";
import { pickYear } from "../model/thread.js";
import { err, UsageError } from "./io.js";

export interface OpenPlan extends CheckResult {
  root: string;
  loaded: LoadedPlan;
}

/** Find, load and check the plan that a command works on. */
export function openPlan(dir: string | undefined, opts: { quiet?: boolean } = {}): OpenPlan {
  const root = findPlanRoot(process.cwd(), dir);
  const loaded = loadPlan(root);
  const result = checkPlan(loaded.docs, loaded.diagnostics);
  const errors = result.diagnostics.filter((d) => d.severity === "error").length;
  if (errors > 0 && !opts.quiet) {
    err(`plan: note: the plan has ${errors} error${errors === 1 ? "" : "s"}; what follows shows what resolves (run plan validate)`);
  }
  return { root, loaded, ...result };
}

/** `--år` as given on the command line. */
export function parseYear(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^\d{4}$/u.test(raw)) throw new UsageError(`--år must be a year such as 2025, not "${raw}"`);
  return Number(raw);
}

/** The year a command works on, or a usage error when the plan has no budget to choose from. */
export function yearFor(plan: Plan, raw: string | undefined): number {
  const year = pickYear(plan, parseYear(raw));
  if (year === undefined) throw new UsageError("the plan has no budget year; give one with --år");
  return year;
}
