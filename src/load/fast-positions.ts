// Positions for a file the fast path read: the block reader reads the text again, noting where
// each collection, key, value and item starts; for a file it leaves, js-yaml does, telling
// where each node opens and closes. Either costs a small part of what the yaml package's
// syntax tree costs. The differential test (test/parse-differential.test.ts) requires every
// place found here to equal the place the yaml package gives; anything that does not fit the
// shape expected here returns undefined, and the caller takes the yaml package's way.
import type { State } from "js-yaml";
import { readBlocks } from "./block-reader.js";
import { fastSchema, inPlanSubset } from "./fast-parse.js";
import { lineCounterOf, type DocPositions, type Position } from "./source.js";
import { jsYaml } from "./yaml-lib.js";

/** One node as the parser opened and closed it, with the nodes read inside it. */
interface Frame {
  open: number;
  close: number;
  result: unknown;
  children: Frame[];
}

/** Where a key (of a mapping) or an item (of a list) stands, and what its value is. */
export interface Entry {
  /** Offset of the key; for a list item, of the item. */
  key: number;
  /** Offset of the value. */
  value: number;
  result: unknown;
}

/** A mapping or list: where it starts and its entries by key or index. */
export interface Collection {
  start: number;
  list: boolean;
  entries: Map<string | number, Entry>;
}

class Mismatch extends Error {}

/** Past spaces, line breaks and comments: where the next node's text starts. */
function skipSpace(t: string, i: number): number {
  for (;;) {
    const c = t.charCodeAt(i);
    if (c === 0x20 || c === 0x0a) i++;
    else if (c === 0x23) {
      const nl = t.indexOf("\n", i);
      if (nl < 0) return t.length;
      i = nl + 1;
    } else return i;
  }
}

/**
 * Where a node's text starts. An empty value (nothing before the next key) stands where the
 * yaml package puts it: after the `:` and the spaces that follow it on its line, found from
 * the end of its key (`keyEnd`) where there is one (js-yaml may open the empty value only past a
 * comment that follows it).
 */
function startOf(t: string, f: Frame, keyEnd?: number): number {
  const at = skipSpace(t, f.open);
  // js-yaml reads the text with a line break added at its end: a close may lie past it.
  if (f.result !== null || at < Math.min(f.close, t.length)) return at;
  let i = f.open;
  if (keyEnd !== undefined) {
    let j = keyEnd;
    while (t.charCodeAt(j) === 0x20) j++;
    if (t.charCodeAt(j) === 0x3a) i = j + 1;
  }
  while (t.charCodeAt(i) === 0x20) i++;
  return i;
}

/** The node itself, not the frames js-yaml opens around it that yield the same value. */
function unwrap(f: Frame): Frame {
  while (f.children.length === 1 && Object.is(f.children[0]!.result, f.result)) f = f.children[0]!;
  return f;
}

function frames(text: string): Frame[] | undefined {
  const root: Frame = { open: 0, close: 0, result: undefined, children: [] };
  const stack: Frame[] = [root];
  try {
    jsYaml().loadAll(text, null, {
      schema: fastSchema(),
      json: false,
      listener(type: string, state: State) {
        if (type === "open") {
          const f: Frame = { open: state.position, close: -1, result: undefined, children: [] };
          stack[stack.length - 1]!.children.push(f);
          stack.push(f);
        } else {
          const f = stack.pop()!;
          f.close = state.position;
          f.result = state.result;
        }
      },
    });
  } catch {
    return undefined;
  }
  return stack.length === 1 ? root.children.map(unwrap) : undefined;
}

/**
 * Walk a frame and the plain value made from it side by side (the value's keys are the
 * frame's keys in NFC), noting each collection's entries.
 */
function bind(text: string, f: Frame, value: unknown, out: WeakMap<object, Collection>): void {
  if (value === null || typeof value !== "object") return;
  const entries = new Map<string | number, Entry>();
  const children = f.children.map(unwrap);
  // A block mapping tries to read one more key where the next document starts and finds none.
  const last = children[children.length - 1];
  const expected = Array.isArray(value) ? value.length : 2 * Object.keys(value).length;
  if (children.length === expected + 1 && last!.close === last!.open && last!.result === null) children.pop();
  if (Array.isArray(value)) {
    if (!Array.isArray(f.result) || children.length !== value.length) throw new Mismatch();
    children.forEach((c, i) => {
      const at = startOf(text, c);
      entries.set(i, { key: at, value: at, result: c.result });
      bind(text, c, value[i], out);
    });
  } else {
    if (f.result === null || typeof f.result !== "object" || Array.isArray(f.result) || children.length !== expected) throw new Mismatch();
    for (let j = 0; j < children.length; j += 2) {
      const k = children[j]!;
      const v = children[j + 1]!;
      if (k.result !== null && typeof k.result === "object") throw new Mismatch();
      const key = String(k.result).normalize("NFC");
      if (entries.has(key) || !Object.prototype.hasOwnProperty.call(value, key)) throw new Mismatch();
      entries.set(key, { key: startOf(text, k), value: startOf(text, v, k.close), result: v.result });
      bind(text, v, (value as Record<string, unknown>)[key], out);
    }
  }
  out.set(value, { start: skipSpace(text, f.open), list: Array.isArray(value), entries });
}

/** Decimals of a number as written: "95.0" has one, though YAML reads the number 95. */
export function decimalsWritten(source: string): number {
  const m = /\.(\d*)/u.exec(source.split(/[eE]/u)[0]!);
  return m ? m[1]!.length : 0;
}

/** The plain scalar that starts at `at`: up to a space, a flow indicator or the end of the line. */
const PLAIN_NUMBER = /[^\s,\]}#]*/uy;

function positionsOf(text: string, lines: (offset: number) => Position, rootStart: number, collections: WeakMap<object, Collection>): DocPositions {
  return {
    locate(obj, key, part = "value"): Position {
      const c = collections.get(obj);
      if (c === undefined) return lines(rootStart);
      if (key === undefined) return lines(c.start);
      const e = c.list ? (typeof key === "number" ? c.entries.get(key) : undefined) : c.entries.get(String(key));
      return lines(e === undefined ? c.start : part === "key" ? e.key : e.value);
    },
    writtenDecimals(obj, depth): number {
      let most = 0;
      const visit = (o: unknown, level: number): void => {
        const c = o !== null && typeof o === "object" ? collections.get(o) : undefined;
        if (c === undefined || level >= depth) return;
        for (const [, e] of c.entries) {
          if (typeof e.result === "number") {
            PLAIN_NUMBER.lastIndex = e.value;
            most = Math.max(most, decimalsWritten(PLAIN_NUMBER.exec(text)![0]));
          }
        }
        for (const v of Object.values(o as object)) visit(v, level + 1);
      };
      visit(obj, -1);
      return most;
    },
  };
}

/**
 * Positions for each document of a text in the plan subset, bound to the values the fast path
 * gave for it (by index); undefined when the text is outside the subset or anything differs.
 */
export function fastPositions(text: string, values: readonly { index: number; value: unknown }[]): Map<number, DocPositions> | undefined {
  return blockPositions(text, values) ?? eventPositions(text, values);
}

/**
 * The block reader's places (block-reader.ts), moved to the values the loader holds: the same
 * documents read again, so each collection is matched to its twin by walking both.
 */
function blockPositions(text: string, values: readonly { index: number; value: unknown }[]): Map<number, DocPositions> | undefined {
  const read = readBlocks(text, true);
  if (read === undefined) return undefined;
  const lines = lineCounterOf(text);
  const out = new Map<number, DocPositions>();
  const collections = new WeakMap<object, Collection>();
  for (const { index, value } of values) {
    const doc = read.docs[index];
    if (doc === undefined || !twin(doc.value, value, read.places!, collections)) return undefined;
    out.set(index, positionsOf(text, lines, doc.start, collections));
  }
  return out;
}

/** Whether `value` is `read` again, noting the places of each of its collections. */
function twin(read: unknown, value: unknown, from: WeakMap<object, Collection>, to: WeakMap<object, Collection>): boolean {
  if (read === null || typeof read !== "object" || value === null || typeof value !== "object") return Object.is(read, value);
  if (Array.isArray(read) !== Array.isArray(value)) return false;
  const keys = Object.keys(read);
  if (keys.length !== Object.keys(value).length) return false;
  for (const k of keys) {
    if (!Object.prototype.hasOwnProperty.call(value, k) || !twin((read as Record<string, unknown>)[k], (value as Record<string, unknown>)[k], from, to)) return false;
  }
  to.set(value, from.get(read)!);
  return true;
}

/** Positions from js-yaml's parse events, for a text in the plan subset that the block reader leaves. */
function eventPositions(text: string, values: readonly { index: number; value: unknown }[]): Map<number, DocPositions> | undefined {
  if (!inPlanSubset(text)) return undefined;
  const roots = frames(text);
  if (roots === undefined) return undefined;
  const lines = lineCounterOf(text);
  const out = new Map<number, DocPositions>();
  const collections = new WeakMap<object, Collection>();
  try {
    for (const { index, value } of values) {
      const root = roots[index];
      if (root === undefined) return undefined;
      bind(text, root, value, collections);
      out.set(index, positionsOf(text, lines, skipSpace(text, root.open), collections));
    }
  } catch (e) {
    if (e instanceof Mismatch || e instanceof RangeError) return undefined;
    throw e;
  }
  return out;
}
