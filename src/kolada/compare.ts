// The comparison file of plan kolada --jämför: kolada/jamforelse-<år>.yaml, the values of the
// comparison municipalities for the plan's Kolada KPIs (docs/format.md, typ jämförelse). It is
// written whole by the command, never by hand, and never a decided document. Its fetch date
// changes only when some value did: a second run on another day leaves the file as it is.
import { isDeepStrictEqual } from "node:util";
import { parse } from "yaml";
import type { Lang } from "../diagnostics/index.js";

export interface ComparisonRow {
  kolada: string;
  år: number;
  /** kommunkod → value (null: no value yet). */
  kommuner: ReadonlyMap<string, number | null>;
}

export interface Comparison {
  /** The plan year whose follow-ups use it. */
  år: number;
  kommuner: readonly string[];
  grupp?: string;
  rows: readonly ComparisonRow[];
}

export const comparisonPath = (year: number): string => `kolada/jamforelse-${year}.yaml`;

const quoted = (s: string): string => JSON.stringify(s);
const flowMap = (pairs: string[]): string => (pairs.length > 0 ? `{ ${pairs.join(", ")} }` : "{}");

/** The plain data a comparison file holds, but for its date: what decides whether it changed. */
function essence(c: Comparison): unknown {
  const rows = [...c.rows]
    .sort((a, b) => (a.kolada < b.kolada ? -1 : a.kolada > b.kolada ? 1 : a.år - b.år))
    .map((r) => ({ kolada: r.kolada, år: r.år, kommuner: Object.fromEntries([...r.kommuner].sort(([a], [b]) => (a < b ? -1 : 1))) }));
  return { år: c.år, kommuner: [...c.kommuner].sort(), ...(c.grupp !== undefined ? { grupp: c.grupp } : {}), värden: rows };
}

const HEADER: Record<Lang, (y: number) => string> = {
  sv: (y) => `# Jämförelse med andra kommuner för ${y}, hämtad ur Kolada.\n# Skriven av plan kolada --jämför; ändra den inte för hand: nästa körning skriver om den.\n\n`,
  en: (y) => `# Comparison with other municipalities for ${y}, fetched from Kolada.\n# Written by plan kolada --jämför; do not edit it by hand: the next run writes it again.\n\n`,
};
const NAME: Record<Lang, (y: number) => string> = { sv: (y) => `Jämförelse med andra kommuner ${y}`, en: (y) => `Comparison with other municipalities ${y}` };

/** The file's text for `c`, fetched on `date` (YYYY-MM-DD). */
function comparisonText(c: Comparison, date: string, lang: Lang): string {
  const e = essence(c) as { kommuner: string[]; värden: { kolada: string; år: number; kommuner: Record<string, number | null> }[] };
  const lines = [
    `typ: jämförelse`,
    `id: JMF-${c.år}`,
    `namn: ${NAME[lang](c.år)}`,
    `år: ${c.år}`,
    `källa: Kolada`,
    `hämtad: ${date}`,
    `kommuner: [${e.kommuner.map(quoted).join(", ")}]`,
    ...(c.grupp !== undefined ? [`grupp: ${quoted(c.grupp)}`] : []),
    e.värden.length > 0 ? "värden:" : "värden: []",
    ...e.värden.flatMap((r) => [
      `  - kolada: ${r.kolada}`,
      `    år: ${r.år}`,
      `    kommuner: ${flowMap(Object.entries(r.kommuner).map(([k, v]) => `${quoted(k)}: ${v === null ? "null" : String(v)}`))}`,
    ]),
  ];
  return `${HEADER[lang](c.år)}${lines.join("\n")}\n`;
}

/** The keys that say what the file is, not what was fetched. */
const DESCRIPTIVE: ReadonlySet<string> = new Set(["typ", "id", "namn", "källa", "hämtad"]);

/** What the file of `c` should be, given what it is (`before`, undefined when missing): the same text when no value changed. */
export function comparisonFile(c: Comparison, before: string | undefined, date: string, lang: Lang): string {
  if (before !== undefined) {
    try {
      const old = parse(before) as Record<string, unknown> | null;
      if (old && typeof old === "object") {
        const rest = Object.fromEntries(Object.entries(old).filter(([k]) => !DESCRIPTIVE.has(k)));
        if (isDeepStrictEqual({ ...rest, värden: rest.värden ?? [] }, essence(c))) return before;
      }
    } catch {
      // A file that does not parse is written again.
    }
  }
  return comparisonText(c, date, lang);
}
