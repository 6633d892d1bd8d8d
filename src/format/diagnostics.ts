// Diagnostics as text for a terminal, as JSON, as GitHub Actions annotations with a step
// summary, and (in their own modules) as SARIF, GitLab Code Quality and JUnit XML.
import { palette } from "./palette.js";
import type { Formatter, FormatOptions } from "./formatter.js";
import { formatMessage, severityWord, type Diagnostic, type Lang } from "../diagnostics/index.js";
import { byFile, counts, repoPath } from "./ci.js";
import { formatGitlab } from "./gitlab.js";
import { formatJunit } from "./junit.js";
import { mdCode, mdText } from "./markdown.js";
import type { DiagnosticsFormat } from "./names.js";
import { formatSarif } from "./sarif.js";
import { terminalSafe } from "./text.js";

interface Summary {
  errors: number;
  warnings: number;
  files: number;
}

function summarize(diagnostics: readonly Diagnostic[], files: number): Summary {
  return { ...counts(diagnostics), files };
}

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

function problemCountLine(s: Summary, lang: Lang): string {
  if (lang === "sv") {
    const problems = s.errors + s.warnings;
    if (problems === 0) return `Inga problem i ${plural(s.files, "fil", "filer")}.`;
    return `${plural(problems, "problem", "problem")} (${plural(s.errors, "fel", "fel")}, ${plural(s.warnings, "varning", "varningar")}) i ${plural(s.files, "fil", "filer")}.`;
  }
  const problems = s.errors + s.warnings;
  if (problems === 0) return `No problems in ${plural(s.files, "file", "files")}.`;
  return `${plural(problems, "problem", "problems")} (${plural(s.errors, "error", "errors")}, ${plural(s.warnings, "warning", "warnings")}) in ${plural(s.files, "file", "files")}.`;
}

export function formatPretty(diagnostics: readonly Diagnostic[], files: number, lang: Lang, color: boolean): string {
  const c = palette(color);
  const lines: string[] = [];
  let current: string | undefined;
  // Not Math.max(...list): a hostile plan can have more findings than a call has arguments.
  const width = diagnostics.reduce((w, d) => Math.max(w, `${d.line}:${d.column}`.length), 0);
  for (const d of diagnostics) {
    if (d.file !== current) {
      if (current !== undefined) lines.push("");
      lines.push(c.underline(terminalSafe(d.file, true)));
      current = d.file;
    }
    const pos = `${d.line}:${d.column}`.padEnd(width);
    const sevWord = severityWord(d.severity, lang);
    const sev = d.severity === "error" ? c.red(sevWord.padEnd(7)) : c.yellow(sevWord.padEnd(7));
    lines.push(`  ${c.dim(pos)}  ${sev}  ${terminalSafe(formatMessage(d, lang), true)}  ${c.dim(d.code)}`);
  }
  const summary = summarize(diagnostics, files);
  if (lines.length > 0) lines.push("");
  const text = problemCountLine(summary, lang);
  lines.push(summary.errors > 0 ? c.red.bold(`✖ ${text}`) : summary.warnings > 0 ? c.yellow.bold(`⚠ ${text}`) : c.green(`✔ ${text}`));
  return `${lines.join("\n")}\n`;
}

export function formatJson(diagnostics: readonly Diagnostic[], files: number, lang: Lang): string {
  const out = {
    diagnostics: diagnostics.map((d) => ({
      code: d.code,
      severity: d.severity,
      message: formatMessage(d, lang),
      file: d.file,
      line: d.line,
      column: d.column,
      ...(d.id !== undefined ? { id: d.id } : {}),
    })),
    summary: summarize(diagnostics, files),
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}

/**
 * GitHub's workflow commands: `%`, CR and LF escaped in data; also `:` and `,` in properties.
 * So no text can end the line and start a second command. Other control characters are
 * shown escaped as in a terminal: the log is read in one.
 */
const escapeData = (s: string): string => terminalSafe(s.replace(/%/gu, "%25").replace(/\r/gu, "%0D").replace(/\n/gu, "%0A"));
const escapeProperty = (s: string): string => escapeData(s).replace(/:/gu, "%3A").replace(/,/gu, "%2C");

/** `prefix`: the plan root relative to the repository root ("" when they are the same). */
export function formatGithub(diagnostics: readonly Diagnostic[], files: number, lang: Lang, prefix: string): string {
  const lines = diagnostics.map((d) => {
    const file = repoPath(prefix, d.file);
    const props = `file=${escapeProperty(file)},line=${d.line},col=${d.column},title=${escapeProperty(d.code)}`;
    return `::${d.severity} ${props}::${escapeData(formatMessage(d, lang))}`;
  });
  lines.push(problemCountLine(summarize(diagnostics, files), lang));
  return `${lines.join("\n")}\n`;
}

const SUMMARY_WORDS = {
  en: {
    title: "Plan validation",
    position: "Line:col",
    severity: "Severity",
    code: "Code",
    message: "Message",
    left: (n: number) => `${plural(n, "more finding is", "more findings are")} not shown: GitHub takes at most 1 MiB of summary per step. \`plan validate\` lists them all.`,
  },
  sv: {
    title: "Validering av planen",
    position: "Rad:kol",
    severity: "Nivå",
    code: "Kod",
    message: "Meddelande",
    left: (n: number) => `${n} fynd till visas inte: GitHub tar emot högst 1 MiB sammanfattning per steg. \`plan validate\` listar alla.`,
  },
} satisfies Record<Lang, Record<string, unknown>>;

/** GitHub drops a step's summary above 1 MiB: the rows stop below that, with room for the closing line. */
const SUMMARY_BUDGET = 1_000_000;

/**
 * The Markdown for GitHub's job summary ($GITHUB_STEP_SUMMARY): the counts, then a table per
 * file of every finding. GitHub shows only the first ten annotations of each kind; this shows
 * all of them, unless they pass `budget` bytes, and then says how many are left out.
 */
export function formatStepSummary(diagnostics: readonly Diagnostic[], files: number, lang: Lang, prefix: string, budget = SUMMARY_BUDGET): string {
  const w = SUMMARY_WORDS[lang];
  const summary = summarize(diagnostics, files);
  const mark = summary.errors > 0 ? "✖" : summary.warnings > 0 ? "⚠" : "✔";
  const lines = [`## ${w.title}`, "", `${mark} ${problemCountLine(summary, lang)}`];
  let bytes = Buffer.byteLength(`${lines.join("\n")}\n`);
  const add = (more: readonly string[]): boolean => {
    const size = Buffer.byteLength(`${more.join("\n")}\n`);
    if (bytes + size > budget) return false;
    for (const l of more) lines.push(l);
    bytes += size;
    return true;
  };
  const row = (d: Diagnostic): string => `| ${d.line}:${d.column} | ${severityWord(d.severity, lang)} | ${mdCode(d.code)} | ${mdText(formatMessage(d, lang))} |`;
  let shown = 0;
  let full = false;
  for (const [file, list] of byFile(diagnostics)) {
    const head = ["", `### ${mdCode(repoPath(prefix, file))}`, "", `| ${w.position} | ${w.severity} | ${w.code} | ${w.message} |`, "| ---: | --- | --- | --- |"];
    // A heading goes in only with its first row.
    for (const [i, d] of list.entries()) {
      full = !add(i === 0 ? [...head, row(d)] : [row(d)]);
      if (full) break;
      shown++;
    }
    if (full) break;
  }
  if (shown < diagnostics.length) lines.push("", w.left(diagnostics.length - shown));
  return `${lines.join("\n")}\n`;
}

export interface DiagnosticsData {
  diagnostics: readonly Diagnostic[];
  /** The plan files read (relative to the plan root): counted in the summary line, a testcase each in JUnit. */
  files: readonly string[];
}

export interface DiagnosticsOptions extends FormatOptions {
  /** The plan root relative to the repository root ("" when they are the same), for the CI formats. */
  gitPrefix: string;
  /** The tool's version, for SARIF. */
  version: string;
  /** What fails the run, for JUnit. */
  failOn: "error" | "warning";
}

export const DIAGNOSTICS_FORMATTERS: Record<DiagnosticsFormat, Formatter<DiagnosticsData, DiagnosticsOptions>> = {
  text: (d, o) => formatPretty(d.diagnostics, d.files.length, o.lang, o.color),
  json: (d, o) => formatJson(d.diagnostics, d.files.length, o.lang),
  github: (d, o) => formatGithub(d.diagnostics, d.files.length, o.lang, o.gitPrefix),
  sarif: (d, o) => formatSarif(d.diagnostics, o),
  gitlab: (d, o) => formatGitlab(d.diagnostics, o.lang, o.gitPrefix),
  junit: (d, o) => formatJunit(d.diagnostics, d.files, o),
};
