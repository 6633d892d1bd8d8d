// Comparison values (typ: jämförelse, written by `plan kolada --jämför`): which document serves a
// year, the Kolada IDs the plan's nyckeltal carry, and the figures of one comparison row.
import { isData, items, num, str, type TypedDoc } from "./build.js";
import type { Plan } from "./plan.js";

/** The jämförelse of a plan year: the first in file order (a second one is `duplicate-comparison`). */
export const comparisonOf = (plan: Plan, year: number): TypedDoc | undefined => plan.docs.find((t) => t.kind === "jämförelse" && t.year === year);

/** Every Kolada ID that some nyckeltal of the plan carries as `kolada`: in an entity's `nyckeltal` mapping, or in each of its `nyckeltal` list. */
export function planKoladaIds(plan: Plan): Set<string> {
  const out = new Set<string>();
  const add = (n: unknown): void => {
    const id = isData(n) ? str(n.kolada) : undefined;
    if (id !== undefined) out.add(id);
  };
  // Indexed: code not yet optimised makes an object for every step of a for-of.
  for (let i = 0; i < plan.entities.length; i++) {
    const v = plan.entities[i]!.data.nyckeltal;
    if (v === undefined) continue;
    if (Array.isArray(v)) for (const n of v) add(n);
    else add(v);
  }
  return out;
}

export interface ComparisonRow {
  kolada: string;
  /** The year the values are for. */
  år: number;
  /** kommunkod → value; null where Kolada has no value yet. */
  kommuner: Map<string, number | null>;
}

/** The rows of a jämförelse document, as written (rows without a usable kolada or år left out). */
export function comparisonRows(doc: TypedDoc): ComparisonRow[] {
  const out: ComparisonRow[] = [];
  for (const r of items(doc.data.värden)) {
    const kolada = str(r.kolada);
    const år = num(r.år);
    if (kolada === undefined || år === undefined) continue;
    const kommuner = new Map<string, number | null>();
    if (isData(r.kommuner)) for (const [kod, v] of Object.entries(r.kommuner)) kommuner.set(kod, num(v) ?? null);
    out.push({ kolada, år, kommuner });
  }
  return out;
}

export interface ComparisonFigures {
  /** Municipalities of the group with a value. */
  count: number;
  /** Municipalities of the group in the row, with a value or without. */
  total: number;
  /** Absent when no municipality has a value. An even count takes the mean of the two middle values. */
  median?: number;
  min?: number;
  max?: number;
}

const figuresOf = new WeakMap<ComparisonRow, ComparisonFigures>();

/** A row's figures; kept per row, since many nyckeltal may share one Kolada KPI and so one row. */
export function comparisonFigures(row: ComparisonRow): ComparisonFigures {
  let f = figuresOf.get(row);
  if (!f) figuresOf.set(row, (f = figuresFrom(row)));
  return f;
}

/** The median and range of a row's values; null values are counted out of them. */
function figuresFrom(row: ComparisonRow): ComparisonFigures {
  const values = [...row.kommuner.values()].filter((v): v is number => v !== null).sort((a, b) => a - b);
  const n = values.length;
  if (n === 0) return { count: 0, total: row.kommuner.size };
  const mid = Math.floor(n / 2);
  const median = n % 2 === 1 ? values[mid]! : (values[mid - 1]! + values[mid]!) / 2;
  return { count: n, total: row.kommuner.size, median, min: values[0]!, max: values[n - 1]! };
}

const indexes = new WeakMap<readonly ComparisonRow[], Map<string, ComparisonRow[]>>();

/** The rows by Kolada KPI, in document order: made once per list, since every nyckeltal asks. */
function byKolada(rows: readonly ComparisonRow[]): Map<string, ComparisonRow[]> {
  let index = indexes.get(rows);
  if (index) return index;
  indexes.set(rows, (index = new Map()));
  for (const r of rows) {
    const list = index.get(r.kolada);
    if (list) list.push(r);
    else index.set(r.kolada, [r]);
  }
  return index;
}

/**
 * The row to show beside a kommun value of year `valueYear` (the year of the follow-up's utfall, or the
 * follow-up's year): the row of that year when there is one, else the newest row up to `planYear`.
 */
export function comparisonRowFor(rows: readonly ComparisonRow[], kolada: string, valueYear: number, planYear: number): ComparisonRow | undefined {
  const mine = byKolada(rows).get(kolada) ?? [];
  const same = mine.find((r) => r.år === valueYear);
  if (same) return same;
  let best: ComparisonRow | undefined;
  for (const r of mine) if (r.år <= planYear && (!best || r.år > best.år)) best = r;
  return best;
}
