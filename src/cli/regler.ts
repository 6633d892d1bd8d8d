import { ALL_CODES } from "../diagnostics/index.js";
import type { RulesFormat } from "../format/names.js";
import { RULES_FORMATTERS } from "../format/rules.js";
import { chooseLang } from "./lang.js";
import { out } from "./io.js";

/** `plan regler`: every diagnostic code, its default severity and what it means. */
// It reads no plan: the language is the flag's or the locale's.
export function runRegler(o: { format: RulesFormat; lang?: string }): number {
  out(RULES_FORMATTERS[o.format](ALL_CODES, { lang: chooseLang(o.lang, undefined, process.env) }));
  return 0;
}
