// `plan validate --format gitlab`: GitLab's Code Quality report, a JSON array of findings that
// a merge request shows beside the changed lines. The fingerprint decides whether a finding is
// new or fixed between two pipelines, so it does not depend on the line (see ci.ts).
import { formatMessage, type Diagnostic, type Lang } from "../diagnostics/index.js";
import { fingerprints, repoPath } from "./ci.js";

/** GitLab's scale is info, minor, major, critical, blocker. */
const SEVERITY = { error: "major", warning: "minor" } as const;

export function formatGitlab(diagnostics: readonly Diagnostic[], lang: Lang, gitPrefix: string): string {
  const prints = fingerprints(diagnostics);
  const issues = diagnostics.map((d, i) => ({
    description: formatMessage(d, lang),
    check_name: d.code,
    fingerprint: prints[i]!,
    severity: SEVERITY[d.severity],
    location: { path: repoPath(gitPrefix, d.file), lines: { begin: Math.max(1, d.line) } },
  }));
  return `${JSON.stringify(issues, null, 2)}\n`;
}
