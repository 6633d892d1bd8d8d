import path from "node:path";
import { DIAGNOSTICS_FORMATTERS } from "../format/diagnostics.js";
import type { DiagnosticsFormat } from "../format/names.js";
import { findGitRoot } from "../load/find-root.js";
import { useColor } from "./color.js";
import { out } from "./io.js";
import { langFor, loadChecked, planRoot } from "./open-plan.js";

export interface ValidateOptions {
  dir?: string;
  format: DiagnosticsFormat;
  failOn: "error" | "warning";
  lang?: string;
}

/** The plan root relative to the git work tree that holds it, with forward slashes ("" outside git). */
function gitPrefix(root: string): string {
  const gitRoot = findGitRoot(root);
  return gitRoot ? path.relative(gitRoot, root).split(path.sep).join("/") : "";
}

/** Run `plan validate`; returns the exit status. */
export function runValidate(opts: ValidateOptions): number {
  const { root, loaded, diagnostics, plan } = loadChecked(planRoot(opts.dir));
  const lang = langFor(opts.lang, plan);
  // Only CI annotations name files from the repository root; the others need not look for it.
  const prefix = opts.format === "github" ? gitPrefix(root) : "";
  out(DIAGNOSTICS_FORMATTERS[opts.format]({ diagnostics, files: loaded.files.length }, { lang, color: useColor(process.env, process.stdout), gitPrefix: prefix }));
  const failing = diagnostics.some((d) => d.severity === "error" || (opts.failOn === "warning" && d.severity === "warning"));
  return failing ? 1 : 0;
}
