import { realpathSync } from "node:fs";
import { checkPlan } from "../check/index.js";
import { comparePlans } from "../diff/compare.js";
import { diffJson, diffMarkdown, diffText, type DiffView } from "../format/diff.js";
import { findPlanRoot } from "../load/find-root.js";
import { gitTopLevel, relativePrefix, resolveRevision, revisionSource } from "../load/git.js";
import { loadFrom, loadPlan } from "../load/load-plan.js";
import type { FileValues } from "../load/parallel.js";
import type { Lang } from "../diagnostics/index.js";
import { useColor } from "./color.js";
import { out } from "./io.js";

export interface DiffOptions {
  base: string;
  head?: string;
  dir?: string;
  format: "text" | "md" | "json";
  failOn?: "removed" | "errors";
  lang: Lang;
}

export function runDiff(o: DiffOptions): number {
  const root = realpathSync(findPlanRoot(process.cwd(), o.dir));
  const top = realpathSync(gitTopLevel(root));
  const prefix = relativePrefix(top, root);
  const baseCommit = resolveRevision(top, o.base);
  const headCommit = o.head !== undefined ? resolveRevision(top, o.head) : undefined;
  // Files the two revisions share are parsed once.
  const cache = new Map<string, FileValues>();
  const baseLoaded = loadFrom(revisionSource(top, baseCommit, prefix), root, { cache });
  const headLoaded = headCommit ? loadFrom(revisionSource(top, headCommit, prefix), root, { cache }) : loadPlan(root, { cache });
  const base = checkPlan(baseLoaded.docs, baseLoaded.diagnostics);
  const head = checkPlan(headLoaded.docs, headLoaded.diagnostics);
  const diff = comparePlans(base, head);
  const view: DiffView = { base: o.base, head: o.head ?? "worktree", diff, lang: o.lang };
  out(o.format === "json" ? diffJson(view) : o.format === "md" ? diffMarkdown(view) : diffText(view, useColor(process.env, process.stdout)));
  if (o.failOn === "removed" && diff.removed.length > 0) return 1;
  if (o.failOn === "errors" && diff.introduced.some((d) => d.severity === "error")) return 1;
  return 0;
}
