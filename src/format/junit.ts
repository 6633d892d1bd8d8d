// `plan validate --format junit`: JUnit XML, which GitLab, Azure DevOps and Jenkins show as test
// results. One testsuite; one testcase per plan file; a <failure> per finding that fails the run
// (errors, and warnings too with --fail-on warning), the other warnings as the testcase's
// <system-out>, so a file with only warnings passes exactly when `plan validate` does.
import { formatMessage, severityWord, type Diagnostic, type Lang } from "../diagnostics/index.js";
import { byFile, repoPath } from "./ci.js";
import { terminalSafe } from "./text.js";

/**
 * Text safe in XML 1.0 content and attributes: control characters shown escaped (as in a
 * terminal, tab and newline kept), the characters XML forbids (lone surrogates, U+FFFE/F)
 * replaced, and markup characters as entities.
 */
function xml(s: string): string {
  return terminalSafe(s)
    .replace(/[\ud800-\udfff\ufffe\uffff]/gu, "\ufffd")
    .replace(/&/gu, "&amp;")
    .replace(/</gu, "&lt;")
    .replace(/>/gu, "&gt;")
    .replace(/"/gu, "&quot;")
    .replace(/\t/gu, "&#9;")
    .replace(/\n/gu, "&#10;");
}

export interface JunitOptions {
  lang: Lang;
  gitPrefix: string;
  /** What fails the run: warnings become failures too with "warning". */
  failOn: "error" | "warning";
}

/** `files`: every plan file read, each a testcase even when nothing was found in it. */
export function formatJunit(diagnostics: readonly Diagnostic[], files: readonly string[], o: JunitOptions): string {
  const found = byFile(diagnostics);
  const all = [...new Set([...files, ...found.keys()])];
  const fails = (d: Diagnostic): boolean => d.severity === "error" || o.failOn === "warning";
  const line = (d: Diagnostic): string => `${repoPath(o.gitPrefix, d.file)}:${d.line}:${d.column}: ${severityWord(d.severity, o.lang)} ${d.code}: ${formatMessage(d, o.lang)}`;
  let failures = 0;
  const cases = all.map((file) => {
    const mine = found.get(file) ?? [];
    const name = xml(repoPath(o.gitPrefix, file));
    const body: string[] = [];
    for (const d of mine.filter(fails)) {
      failures++;
      body.push(`      <failure type="${xml(d.code)}" message="${xml(formatMessage(d, o.lang))}">${xml(line(d))}</failure>`);
    }
    const others = mine.filter((d) => !fails(d));
    if (others.length > 0) body.push(`      <system-out>${others.map((d) => xml(line(d))).join("&#10;")}</system-out>`);
    const open = `    <testcase classname="rodtrad" name="${name}" file="${name}"`;
    return body.length === 0 ? `${open}/>` : `${open}>\n${body.join("\n")}\n    </testcase>`;
  });
  const suite = `name="plan validate" tests="${all.length}" failures="${failures}" errors="0" skipped="0"`;
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<testsuites ${suite}>`,
    `  <testsuite ${suite}>`,
    ...cases,
    "  </testsuite>",
    "</testsuites>",
    "",
  ].join("\n");
}
