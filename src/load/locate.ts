// The way back from plain data to the line and column of its YAML node.
import { yaml } from "./yaml-lib.js";
import type { Node as YamlNode, Pair, YAMLMap } from "yaml";
import type { Loc, SourceDoc } from "./source.js";
import { keyOf } from "./yaml-values.js";

export interface Position {
  line: number;
  column: number;
}

function posOf(doc: SourceDoc, offset: number | undefined): Position {
  const p = doc.positions().lineCounter.linePos(offset ?? 0);
  return { line: p.line, column: p.col };
}

/** Key → first pair with that key, per mapping: made once, not rescanned per diagnostic. */
const pairIndex = new WeakMap<YAMLMap, Map<string, Pair>>();

function pairsOf(node: YAMLMap): Map<string, Pair> {
  let pairs = pairIndex.get(node);
  if (!pairs) {
    pairs = new Map();
    for (const pair of node.items as Pair[]) {
      const k = keyOf(pair.key);
      if (k !== undefined && !pairs.has(k)) pairs.set(k, pair);
    }
    pairIndex.set(node, pairs);
  }
  return pairs;
}

/** The line and column of a place in a document (1-based). */
export function locate(loc: Loc): Position {
  const { doc, obj, key, part = "value" } = loc;
  const positions = doc.positions();
  const node = positions.nodes.get(obj) as YamlNode | undefined;
  if (node === undefined) return posOf(doc, (positions.contents as YamlNode | null)?.range?.[0]);
  if (key === undefined) return posOf(doc, node.range?.[0]);
  if (yaml().isMap(node)) {
    const pair = pairsOf(node).get(String(key));
    if (pair) {
      const keyNode = pair.key as YamlNode | null;
      const valueNode = pair.value as YamlNode | null;
      const target = part === "key" ? keyNode : (valueNode ?? keyNode);
      return posOf(doc, target?.range?.[0] ?? node.range?.[0]);
    }
  } else if (yaml().isSeq(node) && typeof key === "number") {
    const item = node.items[key] as YamlNode | undefined;
    if (item) return posOf(doc, item.range?.[0]);
  }
  return posOf(doc, node.range?.[0]);
}

/** Decimals of a number as written: "95.0" has one, though YAML reads the number 95. */
function decimalsWritten(source: string): number {
  const m = /\.(\d*)/u.exec(source.split(/[eE]/u)[0]!);
  return m ? m[1]!.length : 0;
}

/**
 * The most decimals any number in `obj` is written with, looking `depth` levels into its
 * mappings and lists (a statement: its rows, and their columns). 0 when it has none.
 */
export function writtenDecimals(doc: SourceDoc, obj: object, depth = 2): number {
  let most = 0;
  const visit = (node: unknown, level: number): void => {
    if (yaml().isScalar(node)) {
      if (typeof node.value === "number" && typeof node.source === "string") most = Math.max(most, decimalsWritten(node.source));
    } else if (level < depth && yaml().isMap(node)) {
      for (const pair of node.items as Pair[]) visit(pair.value, level + 1);
    } else if (level < depth && yaml().isSeq(node)) {
      for (const item of node.items) visit(item, level + 1);
    }
  };
  visit(doc.positions().nodes.get(obj), -1);
  return most;
}
