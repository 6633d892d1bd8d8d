// The shape of every formatter. Each kind of output has one table from format name to
// formatter, next to its functions (DIAGNOSTICS_FORMATTERS in diagnostics.ts, TRACE_FORMATTERS
// in trace.ts, …), typed `Record<Name, Formatter>` over the names in names.ts: a new format
// (SARIF, GitLab, JUnit) is one name there and one entry in its table, and the compiler says
// when the two disagree. A command loads only its own table.

import type { Lang } from "../diagnostics/index.js";

/** A pure function from data to the text to print; only src/cli writes it. */
export type Formatter<D, O = FormatOptions> = (data: D, options: O) => string;

/** What every formatter may use: the language of its words, and colour (decided once, in src/cli). */
export interface FormatOptions {
  lang: Lang;
  color: boolean;
}
