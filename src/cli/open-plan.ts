// How every command gets its plan: the root (-C, or found upwards), loaded and checked.
import { checkPlan, type CheckResult } from "../check/index.js";
import { cacheFile, ParseCache } from "../load/cache.js";
import { findPlanRoot } from "../load/find-root.js";
import { loadFrom, loadPlan, type FileSource, type LoadedPlan, type LoadOptions } from "../load/load-plan.js";
import type { Plan } from "../model/plan.js";
import { pickYear } from "../model/thread.js";
import type { Lang } from "../diagnostics/index.js";
import { err, UsageError } from "./io.js";
import { chooseLang, messageLang, setMessageLang, type Output } from "./lang.js";

export interface OpenPlan extends CheckResult {
  root: string;
  loaded: LoadedPlan;
}

/**
 * The language of a command's `output` on `plan` (see lang.ts). The error lines that may follow
 * are command-line messages: they follow the same choice with the command line's default.
 */
export function langFor(flag: string | undefined, plan: Plan, output: Output = "cli"): Lang {
  setMessageLang(chooseLang(flag, plan.kommun?.data.språk, process.env, "cli"));
  return chooseLang(flag, plan.kommun?.data.språk, process.env, output);
}

/** The plan root a command works on: -C, else found from the current folder upwards. */
export function planRoot(dir: string | undefined): string {
  return findPlanRoot(process.cwd(), dir);
}

/**
 * Load and check the plan at `root`: from the disk, or from `source` (a git revision's files).
 * Writes nothing: `plan validate` and `plan diff` report the diagnostics themselves.
 */
export function loadChecked(root: string, opts: LoadOptions & { source?: FileSource } = {}): OpenPlan {
  const { source, ...load } = opts;
  const loaded = source ? loadFrom(source, root, load) : loadPlan(root, load);
  return { root, loaded, ...checkPlan(loaded.docs, loaded.diagnostics) };
}

/** `--cache` and `--cache-location` (the latter alone turns the cache on too). */
export interface CacheOptions {
  cache?: boolean;
  cacheLocation?: string;
}

/**
 * The parse cache of the plan at `root` when asked for, and how to save it once the command
 * has done its work: a cache that cannot be written is one note on stderr, never a failure,
 * since the output is the same with or without it.
 */
export function parseCache(root: string, o: CacheOptions): { cache?: ParseCache; save: () => void } {
  if (!o.cache && o.cacheLocation === undefined) return { save: () => undefined };
  const cache = new ParseCache(cacheFile(root, o.cacheLocation));
  const save = (): void => {
    try {
      cache.save();
    } catch (e) {
      const why = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
      err(messageLang() === "sv" ? `plan: obs: kan inte skriva cachen ${cache.file}: ${why}` : `plan: note: cannot write the cache ${cache.file}: ${why}`);
    }
  };
  return { cache, save };
}

/**
 * The plan for a command that shows a view of it, and the language of the view (from `flag`,
 * the plan and the locale); a plan with errors gets one note on stderr. `cacheOpts`: --cache.
 */
export function openPlan(dir: string | undefined, flag: string | undefined, output: Output = "cli", cacheOpts: CacheOptions = {}): OpenPlan & { lang: Lang } {
  const root = planRoot(dir);
  const { cache, save } = parseCache(root, cacheOpts);
  const opened = loadChecked(root, cache ? { cache } : {});
  const lang = langFor(flag, opened.plan, output);
  save();
  const errors = opened.diagnostics.filter((d) => d.severity === "error").length;
  if (errors > 0) {
    err(
      messageLang() === "sv"
        ? `plan: obs: planen har ${errors} fel; det som följer visar det som går att slå upp (kör plan validate)`
        : `plan: note: the plan has ${errors} error${errors === 1 ? "" : "s"}; what follows shows what resolves (run plan validate)`,
    );
  }
  return { ...opened, lang };
}

/** `--år` as given on the command line. */
export function parseYear(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^\d{4}$/u.test(raw)) throw new UsageError({ en: `--år must be a year such as 2025, not "${raw}"`, sv: `--år ska vara ett år som 2025, inte "${raw}"` });
  return Number(raw);
}

/** The year a command works on, or a usage error when the plan has no budget to choose from. */
export function yearFor(plan: Plan, raw: string | undefined): number {
  const year = pickYear(plan, parseYear(raw));
  if (year === undefined) throw new UsageError({ en: "the plan has no budget year; give one with --år", sv: "planen har inget budgetår; ange ett med --år" });
  return year;
}
