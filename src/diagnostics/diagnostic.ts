// The Diagnostic: data about one finding, made in one way, worded in one place.
import { ALL_CODES, CODES, type ArgsOf, type Code } from "./codes.js";
import type { Lang, Severity } from "./entry.js";

/** Where a finding is: a file relative to the plan root (forward slashes), line and column from 1. */
export interface Place {
  file: string;
  line: number;
  column: number;
  /** The entity the finding is about, where it has one. */
  id?: string;
}

/** One finding of one code, with exactly the arguments its message takes. */
interface DiagnosticOf<C extends Code> extends Place {
  code: C;
  severity: Severity;
  args: ArgsOf<C>;
}

/** One finding: a union discriminated on `code`. */
export type Diagnostic = { [C in Code]: DiagnosticOf<C> }[Code];

/** The one way to make a diagnostic: its default severity comes from the code table. */
export function diagnostic<C extends Code>(code: C, at: Place, args: ArgsOf<C>): Diagnostic {
  const made: DiagnosticOf<C> = {
    code,
    severity: CODES[code].severity,
    file: at.file,
    line: at.line,
    column: at.column,
    ...(at.id !== undefined ? { id: at.id } : {}),
    args,
  };
  // TypeScript cannot see that DiagnosticOf<C> for a C of the union is a member of it.
  return made as unknown as Diagnostic;
}

/** The words of a code with its arguments, in a language. */
export function messageOf<C extends Code>(code: C, args: ArgsOf<C>, lang: Lang): string {
  // TypeScript cannot correlate CODES[C] with ArgsOf<C> for a generic C; the table's own type guarantees it.
  const words = CODES[code][lang] as (args: ArgsOf<C>) => string;
  return words(args);
}

/** The words of a diagnostic in a language. */
export function formatMessage(d: Diagnostic, lang: Lang = "en"): string {
  return messageOf<Code>(d.code, d.args as ArgsOf<Code>, lang);
}

/** Every code with its default severity and one-line explanation, sorted by code. */
export function codeList(lang: Lang): { code: Code; severity: Severity; description: string }[] {
  return ALL_CODES.map((code) => ({ code, severity: CODES[code].severity, description: CODES[code].summary[lang] }));
}
