import path from "node:path";
import { checkPlan } from "../check/index.js";
import { formatGithub, formatJson, formatPretty } from "../format/diagnostics.js";
import { findGitRoot, findPlanRoot } from "../load/find-root.js";
import { loadPlan } from "../load/load-plan.js";
import type { Lang } from "../diagnostics/index.js";
import { useColor } from "./color.js";
import { out } from "./io.js";

export interface ValidateOptions {
  dir?: string;
  format: "pretty" | "json" | "github";
  failOn: "error" | "warning";
  lang: Lang;
}

/** Run `plan validate`; returns the exit status. */
export function runValidate(opts: ValidateOptions): number {
  const root = findPlanRoot(process.cwd(), opts.dir);
  const loaded = loadPlan(root);
  const { diagnostics } = checkPlan(loaded.docs, loaded.diagnostics);
  const files = loaded.files.length;
  switch (opts.format) {
    case "json":
      out(formatJson(diagnostics, files, opts.lang));
      break;
    case "github": {
      const gitRoot = findGitRoot(root);
      const prefix = gitRoot ? path.relative(gitRoot, root).split(path.sep).join("/") : "";
      out(formatGithub(diagnostics, files, opts.lang, prefix));
      break;
    }
    default:
      out(formatPretty(diagnostics, files, opts.lang, useColor(process.env, process.stdout)));
  }
  const failing = diagnostics.some((d) => d.severity === "error" || (opts.failOn === "warning" && d.severity === "warning"));
  return failing ? 1 : 0;
}
