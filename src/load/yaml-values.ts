// One parsed YAML document → plain data, within limits a hostile file cannot break.
import type { LineCounter } from "yaml";
import { yaml } from "./yaml-lib.js";
import type { Document, Node as YamlNode, Pair } from "yaml";
import { diagnostic, type Diagnostic, type Place } from "../diagnostics/index.js";

/** Deeper than any plan needs; the limit keeps a hostile file from exhausting the stack. */
export const MAX_DEPTH = 64;
/** How many values aliases may add to a document in all (a plan needs a handful). */
export const MAX_ALIAS_VALUES = 10_000;

/**
 * The most marks of YAML's structure (yamlMarks) a file may hold when the yaml package reads it:
 * its syntax tree takes about a kilobyte and a few microseconds per mark, so a 10 MiB file of one
 * flow list ([1,1,1,…], a line over 1,000 characters, which the fast readers leave to it) took
 * 33 s and more memory than the process had. The city's largest file, a budget of 470 kB, has
 * about 100,000; the fast readers take files of any size.
 */
export const MAX_YAML_MARKS = 500_000;

/** The characters that start or end a piece of YAML's structure: each piece of the syntax tree has one. */
const MARKS = new Uint8Array(128);
for (const c of ",:-[]{}\n?&*!#|>'\"") MARKS[c.charCodeAt(0)] = 1;

/** How many marks of structure `text` holds: an upper bound, within a small factor, on the pieces of its syntax tree. */
export function yamlMarks(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 128 && MARKS[c] === 1) n++;
  }
  return n;
}

/** The NFC form of a key as it is compared everywhere. */
export function keyOf(node: unknown): string | undefined {
  if (node === null || node === undefined) return "";
  if (yaml().isScalar(node)) {
    const v = node.value;
    return typeof v === "string" ? v.normalize("NFC") : String(v);
  }
  return undefined;
}

/** A document given up on: too deep, or aliases that expand too far. */
class Refusal extends Error {
  constructor(
    readonly code: "yaml-too-deep" | "yaml-alias-limit",
    readonly offset: number,
  ) {
    super(code);
  }
}

/** What converting one document needs to carry from node to node. */
interface Conversion {
  file: string;
  yamlDoc: Document.Parsed;
  lineCounter: LineCounter;
  /** Where findings go (duplicate keys, keys that are not plain values). */
  diagnostics: Diagnostic[];
  /** Collections being converted now: an alias that meets one again refers to itself. */
  converting: Set<unknown>;
  /** Collections already converted: every alias to one gives the same value. */
  memo: Map<unknown, unknown>;
  /** Values counted for the alias budget, counted once each. */
  sizes: WeakMap<object, number>;
  /** How many values aliases may still add. */
  aliasBudget: number;
}

/** The line and column of a text offset in the file. */
export function placeAt(file: string, lineCounter: LineCounter, offset: number): Place {
  const p = lineCounter.linePos(offset);
  return { file, line: p.line, column: p.col };
}

function sizeOf(c: Conversion, v: unknown): number {
  if (v === null || typeof v !== "object") return 1;
  const known = c.sizes.get(v);
  if (known !== undefined) return known;
  let n = 1;
  for (const x of Object.values(v)) n += sizeOf(c, x);
  c.sizes.set(v, n);
  return n;
}

function convertScalar(v: unknown): unknown {
  if (typeof v === "string") return v.normalize("NFC");
  if (typeof v === "bigint") return Number(v);
  if (v === undefined) return null;
  return v;
}

/** An alias is its target's value; what aliases add together is held to MAX_ALIAS_VALUES. */
function convertAlias(c: Conversion, node: { resolve(doc: Document.Parsed): unknown; range?: [number, number, number] | null }, depth: number): unknown {
  const target = node.resolve(c.yamlDoc);
  if (target === undefined) return null;
  if (c.converting.has(target)) throw new Refusal("yaml-alias-limit", node.range?.[0] ?? 0);
  const value = c.memo.has(target) ? c.memo.get(target) : convertNode(c, target, depth);
  c.aliasBudget -= sizeOf(c, value);
  if (c.aliasBudget < 0) throw new Refusal("yaml-alias-limit", node.range?.[0] ?? 0);
  return value;
}

/** A mapping: the first of two equal keys counts; a key that is a collection is a finding and left out. */
function convertMap(c: Conversion, node: YamlNode & { items: unknown[] }, depth: number): Record<string, unknown> {
  const obj: Record<string, unknown> = {};
  const seen = new Set<string>();
  for (const pair of node.items as Pair[]) {
    const key = keyOf(pair.key);
    const keyOffset = (pair.key as YamlNode | null)?.range?.[0] ?? node.range?.[0] ?? 0;
    if (key === undefined) {
      c.diagnostics.push(diagnostic("yaml-syntax", placeAt(c.file, c.lineCounter, keyOffset), { detail: "a key must be a plain value, not a mapping or list", reason: "KEY_NOT_PLAIN" }));
      continue;
    }
    if (seen.has(key)) {
      c.diagnostics.push(diagnostic("duplicate-key", placeAt(c.file, c.lineCounter, keyOffset), { key }));
      continue;
    }
    seen.add(key);
    const value = convertNode(c, pair.value, depth + 1);
    if (key === "__proto__") Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
    else obj[key] = value;
  }
  return obj;
}

function convertNode(c: Conversion, node: unknown, depth: number): unknown {
  if (node === null || node === undefined) return null;
  if (depth > MAX_DEPTH) throw new Refusal("yaml-too-deep", (node as YamlNode).range?.[0] ?? 0);
  if (yaml().isAlias(node)) return convertAlias(c, node, depth);
  if (yaml().isScalar(node)) return convertScalar(node.value);
  c.converting.add(node);
  const out = yaml().isMap(node) ? convertMap(c, node, depth) : yaml().isSeq(node) ? node.items.map((item) => convertNode(c, item, depth + 1)) : null;
  c.converting.delete(node);
  if (out !== null && typeof out === "object") c.memo.set(node, out);
  return out;
}

/**
 * The plain value of one document, or undefined when it is refused (the finding is then in
 * `diagnostics`). Other errors are bugs and are thrown.
 */
export function convertDocument(file: string, yamlDoc: Document.Parsed, lineCounter: LineCounter, diagnostics: Diagnostic[]): { value: unknown } | undefined {
  const c: Conversion = {
    file,
    yamlDoc,
    lineCounter,
    diagnostics,
    converting: new Set(),
    memo: new Map(),
    sizes: new WeakMap(),
    aliasBudget: MAX_ALIAS_VALUES,
  };
  try {
    return { value: convertNode(c, yamlDoc.contents, 0) };
  } catch (e) {
    if (e instanceof Refusal) {
      diagnostics.push(diagnostic(e.code, placeAt(file, lineCounter, e.offset), { max: e.code === "yaml-too-deep" ? MAX_DEPTH : MAX_ALIAS_VALUES }));
    } else if (e instanceof RangeError) {
      diagnostics.push(diagnostic("yaml-too-deep", { file, line: 1, column: 1 }, { max: MAX_DEPTH }));
    } else {
      throw e;
    }
    return undefined;
  }
}
