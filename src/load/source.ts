// A parsed YAML document and the way back from its plain data to the text: what load gives
// to every layer above it.
import type { Diagnostic } from "../diagnostics/index.js";

/** A line and column in a file, both from 1 (the column counts UTF-16 code units, as editors do). */
export interface Position {
  line: number;
  column: number;
}

/** One YAML document of a plan file, as plain data plus the way back to its source. */
export interface SourceDoc {
  file: string;
  /** Position of the document in its file, from 0. */
  index: number;
  value: unknown;
  /** Where the document's values stand in the text; made when first asked for. */
  positions(): DocPositions;
  /** What checks remember of this document's bytes (the loader's cache keeps it with the value). */
  memo?: { schema?: Diagnostic[] };
}

/** The way from a document's plain values back to its text. */
export interface DocPositions {
  /**
   * Where a mapping or list of the document starts, or with `key` where that key (`part:
   * "key"`) or its value stands, or that item of a list; the document's start for a value
   * that is not the document's.
   */
  locate(obj: object, key?: string | number, part?: "key" | "value"): Position;
  /**
   * The most decimals any number in `obj` is written with, looking `depth` levels into its
   * mappings and lists (a statement: its rows, and their columns). 0 when it has none.
   */
  writtenDecimals(obj: object, depth: number): number;
}

/** A place in a source document: a key or value of a mapping, or an item of a list. */
export interface Loc {
  doc: SourceDoc;
  obj: object;
  key?: string | number;
  /** `key` points at the key itself (an unknown key), `value` at its value. */
  part?: "key" | "value";
}

/** Offset → line and column in `text`, as the yaml package's LineCounter counts them. */
export function lineCounterOf(text: string): (offset: number) => Position {
  const starts = [0];
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo]! + 1 };
  };
}
