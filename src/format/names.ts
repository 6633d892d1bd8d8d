// The names of every output format, per kind of output, and nothing else: `plan --help` reads
// them to build its choices without loading a single formatter. The registries in registry.ts
// are typed `Record<Name, Formatter>`, so the compiler proves that the two agree.

/** `plan validate`: the diagnostics. */
export const DIAGNOSTICS_FORMATS = ["text", "json", "github", "sarif", "gitlab", "junit"] as const;
/** `plan trace [ID]`: the thread up and down. */
export const TRACE_FORMATS = ["text", "md", "mermaid", "json"] as const;
/** `plan trace --orphans | --gaps`: lists, so no drawing. */
export const TRACE_LIST_FORMATS = ["text", "md", "json"] as const;
/** `plan stats`. */
export const STATS_FORMATS = ["text", "md", "json"] as const;
/** `plan status`. */
export const STATUS_FORMATS = ["text", "md", "json"] as const;
/** `plan diff`. */
export const DIFF_FORMATS = ["text", "md", "json"] as const;
/** `plan regler`: the code table. */
export const RULES_FORMATS = ["text", "json"] as const;
/** `plan årshjul`: the cycle as text and Markdown with what is late, a calendar, a picture. */
export const ARSHJUL_FORMATS = ["text", "md", "ics", "svg"] as const;
/** `plan report`: the templates come in these two; the renderer takes the name. */
export const REPORT_FORMATS = ["md", "html"] as const;

export type DiagnosticsFormat = (typeof DIAGNOSTICS_FORMATS)[number];
export type TraceFormat = (typeof TRACE_FORMATS)[number];
export type TraceListFormat = (typeof TRACE_LIST_FORMATS)[number];
export type StatsFormat = (typeof STATS_FORMATS)[number];
export type StatusFormat = (typeof STATUS_FORMATS)[number];
export type DiffFormat = (typeof DIFF_FORMATS)[number];
export type RulesFormat = (typeof RULES_FORMATS)[number];
export type ArshjulFormat = (typeof ARSHJUL_FORMATS)[number];
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/**
 * Old names kept working: validate's human format was `pretty` before every command called it
 * `text`. `--format pretty` is accepted by validate and gives the same bytes as `text`.
 */
export const DIAGNOSTICS_ALIASES: ReadonlyMap<string, DiagnosticsFormat> = new Map([["pretty", "text"]]);

/** A format name as given, an alias resolved to the name it stands for. */
export function resolveFormat<F extends string>(name: string, aliases: ReadonlyMap<string, F> = new Map()): F {
  return aliases.get(name) ?? (name as F);
}
