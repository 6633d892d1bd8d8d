// Commander's own usage errors in Swedish. Commander words them in English and offers no
// catalogue: its common messages are matched here and rewritten, the rest stay as they are.
// The language of a usage error comes from --lang and the locale only: no plan has been read.
// Loaded by every command line (commander may fail on any): it imports nothing.

/** [English pattern, Swedish replacement], matched in order against one error line. */
const RULES: readonly (readonly [RegExp, string])[] = [
  [/^error: unknown option '(.*)'/u, "fel: okänd flagga '$1'"],
  [/^error: unknown command '(.*)'/u, "fel: okänt kommando '$1'"],
  [/^error: missing required argument '(.*)'/u, "fel: argumentet '$1' saknas"],
  [/^error: option '(.*)' argument missing/u, "fel: flaggan '$1' saknar sitt värde"],
  [/^error: option '(.*)' argument '(.*)' is invalid\. Allowed choices are (.*)\./u, "fel: flaggan '$1' tar inte värdet '$2'. Tillåtna värden: $3."],
  [/^error: too many arguments for '(.*)'\. Expected (\d+) arguments? but got (\d+)\./u, "fel: för många argument till '$1': väntade $2, fick $3."],
  [/^error: too many arguments\. Expected (\d+) arguments? but got (\d+)\./u, "fel: för många argument: väntade $1, fick $2."],
  [/\(Did you mean one of (.*)\?\)/u, "(Menade du någon av $1?)"],
  [/\(Did you mean (.*)\?\)/u, "(Menade du $1?)"],
];

/** Commander's error line `line` in Swedish, as far as its wording is known. */
export function usageErrorSv(line: string): string {
  let s = line;
  for (const [pattern, sv] of RULES) s = s.replace(pattern, sv);
  return s;
}
