import path from "node:path";
import { DIAGNOSTICS_FORMATTERS, formatStepSummary } from "../format/diagnostics.js";
import type { DiagnosticsFormat } from "../format/names.js";
import { findGitRoot } from "../load/find-root.js";
import { useColor } from "./color.js";
import { out, UsageError } from "./io.js";
import { langFor, loadChecked, parseCache, planRoot, type CacheOptions } from "./open-plan.js";
import { packageVersion } from "./version.js";
import { appendFileOnce } from "./write-file.js";

export interface ValidateOptions extends CacheOptions {
  dir?: string;
  format: DiagnosticsFormat;
  failOn: "error" | "warning";
  lang?: string;
}

/** The formats read by CI, which name files from the repository root. */
const FROM_REPO_ROOT: ReadonlySet<DiagnosticsFormat> = new Set(["github", "sarif", "gitlab", "junit"]);

/** The plan root relative to the git work tree that holds it, with forward slashes ("" outside git). */
function gitPrefix(root: string): string {
  const gitRoot = findGitRoot(root);
  return gitRoot ? path.relative(gitRoot, root).split(path.sep).join("/") : "";
}

/** Run `plan validate`; returns the exit status. */
export function runValidate(opts: ValidateOptions): number {
  const planDir = planRoot(opts.dir);
  const { cache, save } = parseCache(planDir, opts);
  const { root, loaded, diagnostics, plan } = loadChecked(planDir, cache ? { cache } : {});
  const lang = langFor(opts.lang, plan);
  // Only the CI formats name files from the repository root; the others need not look for it.
  const prefix = FROM_REPO_ROOT.has(opts.format) ? gitPrefix(root) : "";
  const version = opts.format === "sarif" ? packageVersion() : "";
  const data = { diagnostics, files: loaded.files };
  out(DIAGNOSTICS_FORMATTERS[opts.format](data, { lang, color: useColor(process.env, process.stdout), gitPrefix: prefix, version, failOn: opts.failOn }));
  // In GitHub Actions: every finding in the job summary too, since GitHub shows only ten annotations of each kind.
  const summaryFile = process.env.GITHUB_STEP_SUMMARY;
  if (opts.format === "github" && summaryFile) {
    try {
      appendFileOnce(summaryFile, formatStepSummary(diagnostics, loaded.files.length, lang, prefix));
    } catch (e) {
      const why = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
      throw new UsageError({ en: `cannot write the step summary $GITHUB_STEP_SUMMARY: ${why}`, sv: `kan inte skriva stegsammanfattningen $GITHUB_STEP_SUMMARY: ${why}` });
    }
  }
  save();
  const failing = diagnostics.some((d) => d.severity === "error" || (opts.failOn === "warning" && d.severity === "warning"));
  return failing ? 1 : 0;
}
