// The way back from plain data to the line and column of its YAML node: the yaml package's
// syntax tree for a file outside the fast path's subset (fast-positions.ts has the other way).
import { yaml } from "./yaml-lib.js";
import type { LineCounter, Node as YamlNode, Pair, YAMLMap } from "yaml";
import { decimalsWritten } from "./fast-positions.js";
import type { DocPositions, Loc, Position } from "./source.js";
import { keyOf } from "./yaml-values.js";

/** The line and column of a place in a document (1-based). */
export function locate(loc: Loc): Position {
  return loc.doc.positions().locate(loc.obj, loc.key, loc.part);
}

/**
 * The most decimals any number in `obj` is written with, looking `depth` levels into its
 * mappings and lists (a statement: its rows, and their columns). 0 when it has none.
 */
export function writtenDecimals(doc: Loc["doc"], obj: object, depth = 2): number {
  return doc.positions().writtenDecimals(obj, depth);
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

/** Positions from the yaml package's nodes: `nodes` maps each plain collection to the node it came from. */
export function yamlPositions(contents: unknown, lineCounter: LineCounter, nodes: WeakMap<object, unknown>): DocPositions {
  const posOf = (offset: number | undefined): Position => {
    const p = lineCounter.linePos(offset ?? 0);
    return { line: p.line, column: p.col };
  };
  return {
    locate(obj, key, part = "value") {
      const node = nodes.get(obj) as YamlNode | undefined;
      if (node === undefined) return posOf((contents as YamlNode | null)?.range?.[0]);
      if (key === undefined) return posOf(node.range?.[0]);
      if (yaml().isMap(node)) {
        const pair = pairsOf(node).get(String(key));
        if (pair) {
          const keyNode = pair.key as YamlNode | null;
          const valueNode = pair.value as YamlNode | null;
          const target = part === "key" ? keyNode : (valueNode ?? keyNode);
          return posOf(target?.range?.[0] ?? node.range?.[0]);
        }
      } else if (yaml().isSeq(node) && typeof key === "number") {
        const item = node.items[key] as YamlNode | undefined;
        if (item) return posOf(item.range?.[0]);
      }
      return posOf(node.range?.[0]);
    },
    writtenDecimals(obj, depth) {
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
      visit(nodes.get(obj), -1);
      return most;
    },
  };
}
