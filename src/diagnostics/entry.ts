// The shape of one entry of the code table, and the words every message shares.

export type Severity = "error" | "warning";
export type Lang = "en" | "sv";

/**
 * One diagnostic code: its default severity, a one-line explanation (for `plan regler`) and
 * its message in each language. The parameter of `en` IS the code's argument type: every
 * place that makes the diagnostic must give exactly these arguments (see `ArgsOf`).
 */
export interface CodeEntry<A> {
  severity: Severity;
  summary: Record<Lang, string>;
  en: (args: A) => string;
  sv: (args: A) => string;
}

/** The arguments of a code whose message needs none: `{}` and nothing else. */
export type NoArgs = Record<string, never>;

/** Infers the argument type from the annotated parameter of `en`, so `sv` need not repeat it. */
export const entry = <A extends object>(e: CodeEntry<A>): CodeEntry<A> => e;

const SEVERITY_WORD: Record<Lang, Record<Severity, string>> = {
  en: { error: "error", warning: "warning" },
  sv: { error: "fel", warning: "varning" },
};

/** The word for a severity in a language (the only place the Swedish words are written). */
export const severityWord = (severity: Severity, lang: Lang): string => SEVERITY_WORD[lang][severity];

/** A value in double quotes. */
export const q = (v: string | number): string => `"${v}"`;

/** "a, b or c" ("och"/"eller" in Swedish). */
export const orList = (list: readonly (string | number)[], or: string): string =>
  list.length <= 1 ? String(list[0] ?? "") : `${list.slice(0, -1).join(", ")} ${or} ${list[list.length - 1]}`;

/** " in <field>", or nothing when the field is the document itself. */
export const inField = (a: { field: string }): string => (a.field ? ` in ${a.field}` : "");
export const iFält = (a: { field: string }): string => (a.field ? ` i ${a.field}` : "");
