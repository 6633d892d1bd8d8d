// What the CI formats (SARIF, GitLab Code Quality, JUnit, GitHub's annotations and step
// summary) share: a file named from the repository root, a fingerprint that survives moved
// lines, and the counts of a run.
import type { Diagnostic } from "../diagnostics/index.js";
import { crypto } from "../load/builtins.js";

/** A plan file (relative to the plan root) named from the repository root. */
export const repoPath = (prefix: string, file: string): string => (prefix === "" ? file : `${prefix}/${file}`);

/**
 * A fingerprint per diagnostic, in the order given: a hash of the code, the file, the entity
 * and the message's arguments, never the line or column, so a finding keeps its fingerprint when
 * lines above it are added or removed. Findings alike in all four are told apart by their rank
 * among themselves (the first, the second, …), which moving unrelated lines does not change.
 */
export function fingerprints(diagnostics: readonly Diagnostic[]): string[] {
  const seen = new Map<string, number>();
  return diagnostics.map((d) => {
    const key = JSON.stringify([d.code, d.file, d.id ?? null, d.args]);
    const rank = seen.get(key) ?? 0;
    seen.set(key, rank + 1);
    return crypto().createHash("sha256").update(`${key}\n${rank}`).digest("hex");
  });
}

/** How many errors and warnings. */
export function counts(diagnostics: readonly Diagnostic[]): { errors: number; warnings: number } {
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  return { errors, warnings: diagnostics.length - errors };
}

/** The diagnostics of each file, files in the order of their first finding. */
export function byFile(diagnostics: readonly Diagnostic[]): Map<string, Diagnostic[]> {
  const out = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) {
    const list = out.get(d.file);
    if (list) list.push(d);
    else out.set(d.file, [d]);
  }
  return out;
}
