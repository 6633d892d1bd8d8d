// YAML text → plain data that remembers where each mapping and list came from.
import { Buffer, isUtf8 } from "node:buffer";
import type { LineCounter } from "yaml";
import { yaml } from "./yaml-lib.js";
import type { Document, Node as YamlNode, Pair } from "yaml";
import { diagnostic, type Diagnostic } from "../diagnostics/index.js";
import { fastValues } from "./fast-parse.js";
import { fastPositions } from "./fast-positions.js";
import { yamlPositions } from "./locate.js";
import type { DocPositions, SourceDoc } from "./source.js";
import { convertDocument, keyOf, MAX_DEPTH, MAX_YAML_MARKS, placeAt, yamlMarks } from "./yaml-values.js";

export interface ParsedFile {
  docs: SourceDoc[];
  diagnostics: Diagnostic[];
}

/** One document's plain value, by its position in the file. */
interface DocValue {
  index: number;
  value: unknown;
  /**
   * The findings of the document's schema, once a check has asked (check/schema.ts): they
   * depend on the bytes alone, so they travel with the value, in the cache too.
   */
  schema?: Diagnostic[];
}

/** What parsing a file yields before positions are attached: plain data only, so it can cross threads. */
export interface ParsedValues {
  values: DocValue[];
  diagnostics: Diagnostic[];
}

/** Offset of the first byte that breaks UTF-8, or -1 when all of it is valid. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  // Node's own check (simdutf) answers for the whole buffer at once; the walk below finds where.
  if (isUtf8(bytes)) return -1;
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else {
      return i;
    }
    if (i + need >= n) return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

function lineColOfByte(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  const column = new TextDecoder().decode(bytes.subarray(lineStart, offset)).length + 1;
  return { line, column };
}

const decoder = new TextDecoder("utf-8", { fatal: false, ignoreBOM: false });

/**
 * The text of a file's bytes, already known to be UTF-8. A leading byte-order mark is dropped
 * (by the decoder); without one, Node's own UTF-8 slice gives the same text in about half the time.
 */
function textOf(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return decoder.decode(bytes);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8");
}

const PARSE_OPTIONS = { version: "1.2", schema: "core", uniqueKeys: false, prettyErrors: false, merge: false } as const;

function parseYaml(text: string, lineCounter: LineCounter): Document.Parsed[] {
  const all = yaml().parseAllDocuments(text, { ...PARSE_OPTIONS, lineCounter });
  return Array.isArray(all) ? all : [];
}

/** Walk a YAML node and the plain value made from it side by side, noting where each collection came from. */
function mapNodes(doc: Document.Parsed, node: unknown, value: unknown, nodes: WeakMap<object, unknown>, seen: Set<unknown>): void {
  if (value === null || typeof value !== "object" || node === null || node === undefined || seen.has(node)) return;
  if (yaml().isAlias(node)) {
    mapNodes(doc, node.resolve(doc), value, nodes, seen);
    return;
  }
  seen.add(node);
  if (!nodes.has(value)) nodes.set(value, node);
  if (yaml().isMap(node) && !Array.isArray(value)) {
    const keys = new Set<string>();
    for (const pair of node.items as Pair[]) {
      const key = keyOf(pair.key);
      if (key === undefined || keys.has(key)) continue;
      keys.add(key);
      mapNodes(doc, pair.value, (value as Record<string, unknown>)[key], nodes, seen);
    }
  } else if (yaml().isSeq(node) && Array.isArray(value)) {
    node.items.forEach((item, i) => mapNodes(doc, item, value[i], nodes, seen));
  }
  seen.delete(node);
}

/**
 * Parse one plan file. Never throws for any input: what is wrong with it comes back as
 * diagnostics, and documents that could not be read whole are left out.
 */
export function parsePlanFile(file: string, bytes: Uint8Array): ParsedFile {
  const { values, diagnostics } = parseValues(file, bytes);
  return { docs: attachPositions(file, bytes, values), diagnostics };
}

/**
 * Documents with the way back to their source. Positions are needed only where a diagnostic
 * points: no syntax tree is kept (that would keep it alive for every file), the text is read
 * again when a position is first asked for: by js-yaml where the fast path could read it
 * (fast-positions.ts), else by the yaml package.
 */
export function attachPositions(file: string, bytes: Uint8Array, values: ParsedValues["values"]): SourceDoc[] {
  let known: Map<number, DocPositions> | undefined;
  const positionsOf = (index: number): DocPositions => {
    if (!known) {
      const text = textOf(bytes);
      known = fastPositions(text, values) ?? exactPositions(text, values);
    }
    return known.get(index)!;
  };
  return values.map((entry) => ({ file, index: entry.index, value: entry.value, memo: entry, positions: () => positionsOf(entry.index) }));
}

/** Positions from the yaml package's syntax tree, for each document that has a value. */
export function exactPositions(text: string, values: ParsedValues["values"]): Map<number, DocPositions> {
  const lineCounter = new (yaml().LineCounter)();
  const docs = parseYaml(text, lineCounter);
  const out = new Map<number, DocPositions>();
  for (const { index, value } of values) {
    const yamlDoc = docs[index]!;
    const nodes = new WeakMap<object, unknown>();
    mapNodes(yamlDoc, yamlDoc.contents, value, nodes, new Set());
    out.set(index, yamlPositions(yamlDoc.contents, lineCounter, nodes));
  }
  return out;
}

/** Parse one file into plain values and diagnostics; never throws for any input. */
export function parseValues(file: string, bytes: Uint8Array): ParsedValues {
  const diagnostics: Diagnostic[] = [];
  const bad = firstInvalidUtf8(bytes);
  if (bad >= 0) {
    const place = lineColOfByte(bytes, bad);
    diagnostics.push(diagnostic("not-utf8", { file, ...place }, { offset: bad, ...place }));
    return { values: [], diagnostics };
  }
  const text = textOf(bytes);
  // Most plan files take the fast path; the rest, and every file with a finding, the exact one.
  const fast = fastValues(text);
  if (fast) return { values: fast, diagnostics };
  return exactValues(file, text);
}

/** The yaml package's reading of a file, with a finding and its position for all that is wrong. */
export function exactValues(file: string, text: string): ParsedValues {
  const diagnostics: Diagnostic[] = [];
  // Counted before the yaml package builds a syntax tree of it (MAX_YAML_MARKS).
  const marks = yamlMarks(text);
  if (marks > MAX_YAML_MARKS) {
    diagnostics.push(diagnostic("yaml-too-complex", { file, line: 1, column: 1 }, { marks, max: MAX_YAML_MARKS }));
    return { values: [], diagnostics };
  }
  const lineCounter = new (yaml().LineCounter)();
  let parsed: Document.Parsed[];
  try {
    parsed = parseYaml(text, lineCounter);
  } catch (e) {
    // The parser recurses per level of nesting; a file nested absurdly deep overflows it.
    if (e instanceof RangeError) diagnostics.push(diagnostic("yaml-too-deep", { file, line: 1, column: 1 }, { max: MAX_DEPTH }));
    else diagnostics.push(diagnostic("yaml-syntax", { file, line: 1, column: 1 }, { detail: String((e as Error).message).split("\n")[0]!, more: 0 }));
    return { values: [], diagnostics };
  }
  const values: ParsedValues["values"] = [];
  parsed.forEach((yamlDoc, index) => {
    if (yamlDoc.errors.length > 0) {
      // The first error is the cause; the parser's later ones mostly follow from it, so they are
      // counted, not listed. The kind the document names tells the checks what it would define.
      const first = yamlDoc.errors.reduce((a, b) => (b.pos[0] < a.pos[0] ? b : a));
      const typ = namedTyp(yamlDoc);
      const args = { detail: first.message.split("\n")[0]!, reason: first.code, more: yamlDoc.errors.length - 1, ...(typ !== undefined ? { typ } : {}) };
      diagnostics.push(diagnostic("yaml-syntax", placeAt(file, lineCounter, first.pos[0]), args));
      return;
    }
    if (isEmpty(yamlDoc)) return;
    const converted = convertDocument(file, yamlDoc, lineCounter, diagnostics);
    if (converted) values.push({ index, value: converted.value });
  });
  return { values, diagnostics };
}

/** The `typ` a broken document names at its top level, where the parser could still read it. */
function namedTyp(yamlDoc: Document.Parsed): string | undefined {
  const contents = yamlDoc.contents as YamlNode | null;
  if (!yaml().isMap(contents)) return undefined;
  for (const pair of contents.items as Pair[]) {
    if (keyOf(pair.key) !== "typ") continue;
    const v = yaml().isScalar(pair.value) ? pair.value.value : undefined;
    return typeof v === "string" ? v.normalize("NFC") : undefined;
  }
  return undefined;
}

/** An empty document, or one holding only comments, is skipped; an explicit `null` or `~` is not. */
function isEmpty(yamlDoc: Document.Parsed): boolean {
  const contents = yamlDoc.contents as YamlNode | null;
  return contents === null || (yaml().isScalar(contents) && contents.value === null && (contents as { source?: string }).source === "");
}
