// A parsed YAML document and the way back from its plain data to the text: what load gives
// to every layer above it.
import type { LineCounter } from "yaml";

/** One YAML document of a plan file, as plain data plus the way back to its source. */
export interface SourceDoc {
  file: string;
  /** Position of the document in its file, from 0. */
  index: number;
  value: unknown;
  /** Where the document's values stand in the text; made when first asked for. */
  positions(): DocPositions;
}

export interface DocPositions {
  contents: unknown;
  lineCounter: LineCounter;
  /** Plain object or array → the YAML collection it came from. */
  nodes: WeakMap<object, unknown>;
}

/** A place in a source document: a key or value of a mapping, or an item of a list. */
export interface Loc {
  doc: SourceDoc;
  obj: object;
  key?: string | number;
  /** `key` points at the key itself (an unknown key), `value` at its value. */
  part?: "key" | "value";
}
