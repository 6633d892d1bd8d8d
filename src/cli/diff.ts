import { realpathSync } from "node:fs";
import { comparePlans } from "../diff/compare.js";
import { DIFF_FORMATTERS, type DiffView } from "../format/diff.js";
import type { DiffFormat } from "../format/names.js";
import { relativePrefix, resolveAll, revisionSources } from "../load/git.js";
import { RunParses } from "../load/load-plan.js";
import { useColor } from "./color.js";
import { out } from "./io.js";
import { langFor, loadChecked, parseCache, planRoot, type CacheOptions } from "./open-plan.js";

export interface DiffOptions extends CacheOptions {
  base: string;
  head?: string;
  dir?: string;
  format: DiffFormat;
  /** When the command fails (exit 1): `errors` (the default) when the change introduces errors, `removed` when it also removes entities, `none` never. */
  failOn?: "none" | "errors" | "removed";
  lang?: string;
}

export function runDiff(o: DiffOptions): number {
  const root = realpathSync(planRoot(o.dir));
  const resolved = resolveAll(root, o.head !== undefined ? [o.base, o.head] : [o.base]);
  const top = realpathSync(resolved.top);
  const prefix = relativePrefix(top, root);
  const [baseCommit, headCommit] = resolved.commits as [string, string | undefined];
  // Files the two revisions share are parsed once; with --cache, files parsed in an earlier run not at all.
  const persistent = parseCache(root, o);
  const cache = persistent.cache ?? new RunParses();
  // And the blobs they share are read from git once.
  const blobs = new Map<string, Buffer>();
  // Both trees are listed before either plan is read: git starts faster while the heap is small.
  const [baseSource, headSource] = revisionSources(top, baseCommit, headCommit, prefix, blobs);
  const base = loadChecked(root, { source: baseSource, cache });
  const head = loadChecked(root, { ...(headSource ? { source: headSource } : {}), cache });
  const diff = comparePlans(base, head);
  // The language follows the plan as it stands in the newer revision.
  const lang = langFor(o.lang, head.plan);
  const view: DiffView = { base: o.base, head: o.head ?? "worktree", diff, lang };
  out(DIFF_FORMATTERS[o.format](view, { color: useColor(process.env, process.stdout) }));
  persistent.save();
  const failOn = o.failOn ?? "errors";
  if (failOn === "none") return 0;
  if (failOn === "removed" && diff.removed.length > 0) return 1;
  return diff.introduced.some((d) => d.severity === "error") ? 1 : 0;
}
