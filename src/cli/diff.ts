import { realpathSync } from "node:fs";
import { comparePlans } from "../diff/compare.js";
import { DIFF_FORMATTERS, type DiffView } from "../format/diff.js";
import type { DiffFormat } from "../format/names.js";
import { relativePrefix, resolveAll, revisionSources } from "../load/git.js";
import { RunParses } from "../load/load-plan.js";
import { useColor } from "./color.js";
import { out } from "./io.js";
import { langFor, loadChecked, parseCache, planRoot, type CacheOptions, type OpenPlan } from "./open-plan.js";

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
  // Against the working tree, the working tree is read first, and the base revision takes the
  // files it holds unchanged from what was read (their git ids say so) instead of reading them again.
  const read = headCommit ? undefined : new Map<string, Uint8Array>();
  const [baseSource, headSource] = revisionSources(top, baseCommit, headCommit, prefix, blobs, read && ((rel) => read.get(rel)));
  let base: OpenPlan;
  let head: OpenPlan;
  if (headSource) {
    base = loadChecked(root, { source: baseSource, cache });
    head = loadChecked(root, { source: headSource, cache });
  } else {
    head = loadChecked(root, { cache, ...(read ? { read } : {}) });
    base = loadChecked(root, { source: baseSource, cache });
  }
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
