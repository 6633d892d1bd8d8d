import { ALL_CODES } from "../diagnostics/index.js";
import type { RulesFormat } from "../format/names.js";
import { RULES_FORMATTERS } from "../format/rules.js";
import type { Lang } from "../diagnostics/index.js";
import { out } from "./io.js";

/** `plan regler`: every diagnostic code, its default severity and what it means. */
export function runRegler(o: { format: RulesFormat; lang: Lang }): number {
  out(RULES_FORMATTERS[o.format](ALL_CODES, { lang: o.lang }));
  return 0;
}
