// The first way through a plan file: a reader for YAML as plan files are written (block
// mappings and lists, plain and quoted keys and text on one line, block scalars, flow lists and
// mappings that close on their line), in one pass over the lines. It answers only where it is
// sure to give what the yaml package gives; anything else (an anchor, a tag, text over several
// lines, a flow collection over several lines, …) returns undefined and the file goes to the
// next way (fast-parse.ts, then the yaml package). The
// differential test (test/parse-differential.test.ts) holds it to the yaml package's values and
// positions on every file it takes. docs/val.md has the reasons.
import { MAX_DEPTH } from "./yaml-values.js";
import type { Collection, Entry } from "./fast-positions.js";

/** Thrown inside the reader where the text leaves what it reads; caught at the top. */
class Decline extends Error {}
const decline = (): never => {
  throw new Decline();
};

/** Characters the reader leaves to the other ways wherever they stand (see docs/val.md). */
const REFUSED = /[\0-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]/;
/** Text with a code point from U+0300 up may change under NFC; text below it never does. */
const MAY_COMPOSE = /[^\0-\u02ff]/;

/**
 * Whether the values of a text need NFC one by one. Not when the whole text is in NFC already
 * (most Swedish text with a dash or a subscript): every value is then a piece of it, or pieces
 * joined by a space or a line break, which compose with nothing, and those are in NFC too.
 * Only an escape in a double-quoted scalar makes text that is not in the file (see quoted).
 */
export function needsNfc(text: string): boolean {
  // Whether the text is in NFC, asked of each run of code points from U+0300 up with the one
  // before it (the only one below U+0300 that can compose with them): not of the whole text,
  // which would copy it.
  const runs = /[^\0-\u02ff]+/g;
  for (let m = runs.exec(text); m !== null; m = runs.exec(text)) {
    const piece = text.slice(Math.max(0, m.index - 1), m.index + m[0].length);
    if (piece.normalize("NFC") !== piece) return true;
  }
  return false;
}

const SPACE = 0x20;
const NL = 0x0a;
const HASH = 0x23;
const COLON = 0x3a;
const DASH = 0x2d;

/**
 * What a reading function leaves besides its value: where its text ends (`end`), where the value
 * stands (`at`), the next line to read (`next`). Module variables, not returned objects: a plan
 * has hundreds of thousands of values, and an object for each was a good part of the garbage.
 * Read them right after the call that set them.
 */
let END = 0;
let AT = 0;
let NEXT = 0;
/** The text of the quoted key keyColon last found, undefined for a plain key. */
let QUOTED_KEY: string | undefined;

/** Where the reader is, and what it notes when asked for places. */
interface Reader {
  t: string;
  /** Offset of each line's start; one more entry, past the end, closes the last line. */
  starts: Int32Array;
  /** How many lines. */
  n: number;
  nfc: boolean;
  places: WeakMap<object, Collection> | undefined;
}

const lineEnd = (r: Reader, li: number): number => r.starts[li + 1]! - 1;

function indentOf(r: Reader, li: number): number {
  const s = r.starts[li]!;
  const end = lineEnd(r, li);
  let i = s;
  while (i < end && r.t.charCodeAt(i) === SPACE) i++;
  return i - s;
}

/** Whether line `li` holds nothing but spaces, or a comment after them. */
function isBlank(r: Reader, li: number): boolean {
  const end = lineEnd(r, li);
  let i = r.starts[li]!;
  while (i < end && r.t.charCodeAt(i) === SPACE) i++;
  return i === end || r.t.charCodeAt(i) === HASH;
}

/** A document marker: `---` alone on its line, or with a comment after spaces. Any other line starting `---` or `...` is declined. */
function isMarker(r: Reader, li: number): boolean {
  const s = r.starts[li]!;
  const t = r.t;
  // Most lines start with a space or a letter: neither marker.
  const c = t.charCodeAt(s);
  if (c !== 0x2e && c !== 0x2d) return false;
  if (t.startsWith("...", s)) decline();
  if (!t.startsWith("---", s)) return false;
  const end = lineEnd(r, li);
  let i = s + 3;
  if (i === end) return true;
  if (t.charCodeAt(i) !== SPACE) decline();
  while (i < end && t.charCodeAt(i) === SPACE) i++;
  if (i < end && t.charCodeAt(i) !== HASH) decline();
  return true;
}

/** The next line that holds content, at or after `li`. */
function nextContent(r: Reader, li: number): number {
  const n = r.n;
  while (li < n && isBlank(r, li)) li++;
  return li;
}

function normal(r: Reader, s: string): string {
  return r.nfc && MAY_COMPOSE.test(s) ? s.normalize("NFC") : s;
}

/** A plain scalar resolved by the YAML 1.2 core schema, as the yaml package resolves it. */
function resolvePlain(s: string): unknown {
  const c = s.charCodeAt(0);
  if ((c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2d || c === 0x2e) {
    // Digits after an optional sign, read here: most numbers are that, and most other text
    // that starts like one (a date, a time, an ID) shows it at the first character after the
    // digits, which no pattern below accepts there (only `.`, `e`, `E`, or `o`, `x` after a
    // lone 0). The patterns decide the rest.
    const n = s.length;
    const first = c === 0x2b || c === 0x2d ? 1 : 0;
    let i = first;
    while (i < n) {
      const d = s.charCodeAt(i);
      if (d < 0x30 || d > 0x39) break;
      i++;
    }
    if (i > first) {
      if (i === n) return parseInt(s, 10);
      const x = s.charCodeAt(i);
      if (x !== 0x2e && x !== 0x65 && x !== 0x45 && !(i === 1 && c === 0x30 && (x === 0x6f || x === 0x78))) return s;
    }
    if (/^[-+]?[0-9]+$/.test(s)) return parseInt(s, 10);
    if (/^0o[0-7]+$/.test(s)) return parseInt(s.slice(2), 8);
    if (/^0x[0-9a-fA-F]+$/.test(s)) return parseInt(s.slice(2), 16);
    if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/.test(s)) return parseFloat(s);
    if (/^[-+]?\.(?:inf|Inf|INF)$/.test(s)) return s[0] === "-" ? -Infinity : Infinity;
    if (s === ".nan" || s === ".NaN" || s === ".NAN") return NaN;
    return s;
  }
  switch (s) {
    case "~":
    case "null":
    case "Null":
    case "NULL":
      return null;
    case "true":
    case "True":
    case "TRUE":
      return true;
    case "false":
    case "False":
    case "FALSE":
      return false;
  }
  return s;
}

/** Characters that cannot start plain text, or start something the reader leaves alone. */
function refusedStart(c: number): boolean {
  // & * ! | > ' " % @ ` # , [ ] { } ? : -  (the last three only before a space; checked by the caller)
  return c === 0x26 || c === 0x2a || c === 0x21 || c === 0x25 || c === 0x40 || c === 0x60 || c === HASH || c === 0x2c || c === 0x5b || c === 0x5d || c === 0x7b || c === 0x7d || c === 0x7c || c === 0x3e || c === 0x27 || c === 0x22;
}

/**
 * The offset of the `:` that ends the key starting at `p` on a line ending at `end`, or -1 when
 * the line is not a plain key and its value. Declines keys it does not read alike for sure.
 */
function keyColon(t: string, p: number, end: number): number {
  const c = t.charCodeAt(p);
  if (c === 0x22 || c === 0x27) {
    // A quoted key: the quote closes on the line and `:` follows it at once.
    QUOTED_KEY = quoted(t, p, end);
    const i = END;
    return t.charCodeAt(i) === COLON && (i + 1 === end || t.charCodeAt(i + 1) === SPACE) ? i : -1;
  }
  QUOTED_KEY = undefined;
  if (refusedStart(c) || c === SPACE) return -1;
  if ((c === DASH || c === 0x3f || c === COLON) && (p + 1 === end || t.charCodeAt(p + 1) === SPACE)) return -1;
  for (let i = p; i < end; i++) {
    const x = t.charCodeAt(i);
    if (x === COLON) {
      if (i + 1 === end || t.charCodeAt(i + 1) === SPACE) return t.charCodeAt(i - 1) === SPACE ? decline() : i;
    } else if (x === HASH) {
      if (t.charCodeAt(i - 1) === SPACE) return -1;
    } else if (x === 0x2c || x === 0x5b || x === 0x5d || x === 0x7b || x === 0x7d || x === 0x27 || x === 0x22) {
      // Flow indicators and quotes in a key: read alike, perhaps, but not for sure.
      return -1;
    }
  }
  return -1;
}

/** Past spaces and a comment to the end of the line; declines anything else there. */
function restOfLine(t: string, i: number, end: number): void {
  if (i < end && t.charCodeAt(i) !== SPACE) decline();
  while (i < end && t.charCodeAt(i) === SPACE) i++;
  if (i < end && t.charCodeAt(i) !== HASH) decline();
}

const ESCAPES: Record<string, string> = { "0": "\0", a: "\x07", b: "\b", t: "\t", n: "\n", v: "\v", f: "\f", r: "\r", e: "\x1b", " ": " ", '"': '"', "/": "/", "\\": "\\", N: "\u0085", _: "\u00a0", L: "\u2028", P: "\u2029" };

/** A quoted scalar that closes on its line; returns its text and the offset after the closing quote. */
function quoted(t: string, p: number, end: number): string {
  const q = t.charCodeAt(p);
  let out = "";
  let from = p + 1;
  let escaped = false;
  for (let i = p + 1; i < end; i++) {
    const c = t.charCodeAt(i);
    if (c === q) {
      if (q === 0x27 && t.charCodeAt(i + 1) === 0x27) {
        out += t.slice(from, i + 1);
        from = i + 2;
        i++;
        continue;
      }
      END = i + 1;
      const text = out + t.slice(from, i);
      // An escape can make what NFC changes (`e\u0301`) from a text already in NFC.
      return escaped && MAY_COMPOSE.test(text) ? text.normalize("NFC") : text;
    }
    if (q === 0x22 && c === 0x5c) {
      escaped = true;
      out += t.slice(from, i);
      const e = t[i + 1];
      if (e === undefined || i + 1 >= end) decline();
      const simple = ESCAPES[e!];
      if (simple !== undefined) {
        out += simple;
        i += 1;
      } else {
        const len = e === "x" ? 2 : e === "u" ? 4 : e === "U" ? 8 : decline();
        const hex = t.slice(i + 2, i + 2 + len);
        if (hex.length !== len || !/^[0-9a-fA-F]+$/.test(hex)) decline();
        const cp = parseInt(hex, 16);
        if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) decline();
        out += String.fromCodePoint(cp);
        i += 1 + len;
      }
      from = i + 1;
    }
  }
  return decline();
}

/** Plain text from `p` to the end of its line or a comment, trimmed. */
function plainText(t: string, p: number, end: number, flow: boolean): string {
  let last = p;
  let i = p;
  for (; i < end; i++) {
    const c = t.charCodeAt(i);
    if (c === SPACE) continue;
    if (c === HASH && t.charCodeAt(i - 1) === SPACE) break;
    if (c === COLON && (i + 1 === end || t.charCodeAt(i + 1) === SPACE || (flow && isFlowEnd(t.charCodeAt(i + 1))))) decline();
    if (flow && (c === 0x2c || c === 0x5d || c === 0x7d)) break;
    if (flow && (c === 0x5b || c === 0x7b)) decline();
    last = i + 1;
  }
  END = last;
  return t.slice(p, last);
}

const isFlowEnd = (c: number): boolean => c === 0x2c || c === 0x5b || c === 0x5d || c === 0x7b || c === 0x7d;

/** A flow collection that closes on its line (`[a, 'b', 3]`, `{ id: KF, år: { 2025: 80 } }`), or a scalar inside one. */
function flowNode(r: Reader, p: number, end: number, depth: number): unknown {
  const t = r.t;
  const c = t.charCodeAt(p);
  if (c === 0x22 || c === 0x27) return normal(r, quoted(t, p, end));
  if (c === 0x5b || c === 0x7b) {
    if (depth >= MAX_DEPTH - 2) decline();
    return c === 0x5b ? flowList(r, p, end, depth) : flowMap(r, p, end, depth);
  }
  if (refusedStart(c) || ((c === DASH || c === 0x3f || c === COLON) && (t.charCodeAt(p + 1) === SPACE || isFlowEnd(t.charCodeAt(p + 1))))) decline();
  const v = resolvePlain(plainText(t, p, end, true));
  return typeof v === "string" ? normal(r, v) : v;
}

/** Past spaces; declines at the end of the line (a flow collection must close on its line). */
function skipSpaces(t: string, i: number, end: number): number {
  while (i < end && t.charCodeAt(i) === SPACE) i++;
  if (i >= end) decline();
  return i;
}

/** The first item of the flow collection opened at `p`, or -1 (END past it) when it closes at once. */
function firstFlowItem(t: string, p: number, end: number, close: number): number {
  const i = skipSpaces(t, p + 1, end);
  if (t.charCodeAt(i) !== close) return i;
  END = i + 1;
  return -1;
}

/** After an item of a flow collection (its text ends at END): the next item past `,`, or -1 (END past it) at the closing bracket. */
function nextFlowItem(t: string, end: number, close: number): number {
  const i = skipSpaces(t, END, end);
  const sep = t.charCodeAt(i);
  if (sep === close) {
    END = i + 1;
    return -1;
  }
  if (sep !== 0x2c) decline();
  return skipSpaces(t, i + 1, end);
}

function flowList(r: Reader, p: number, end: number, depth: number): unknown[] {
  const t = r.t;
  const value: unknown[] = [];
  const entries = r.places ? new Map<string | number, Entry>() : undefined;
  // A pair without braces in a list (`[a: 1]`) is read as a mapping by one parser only: declined in plainText.
  for (let i = firstFlowItem(t, p, end, 0x5d); i >= 0; i = nextFlowItem(t, end, 0x5d)) {
    const item = flowNode(r, i, end, depth + 1);
    entries?.set(value.length, { key: i, value: i, result: item });
    value.push(item);
  }
  if (entries) r.places!.set(value, { start: p, list: true, entries });
  return value;
}

function flowMap(r: Reader, p: number, end: number, depth: number): Record<string, unknown> {
  const t = r.t;
  const value: Record<string, unknown> = {};
  const entries = r.places ? new Map<string | number, Entry>() : undefined;
  for (let k = firstFlowItem(t, p, end, 0x7d); k >= 0; k = nextFlowItem(t, end, 0x7d)) {
    // A plain or quoted key, `: ` and a value; anything else (a key alone, `a:b`, `"a" :`) is declined.
    let i = k;
    const c = t.charCodeAt(k);
    let key: string;
    if (c === 0x22 || c === 0x27) {
      key = quotedKey(r, quoted(t, k, end));
      i = END;
      if (t.charCodeAt(i) !== COLON || t.charCodeAt(i + 1) !== SPACE) decline();
    } else {
      if (refusedStart(c) || ((c === DASH || c === 0x3f || c === COLON) && (t.charCodeAt(k + 1) === SPACE || isFlowEnd(t.charCodeAt(k + 1))))) decline();
      while (i < end) {
        const x = t.charCodeAt(i);
        if (x === COLON) break;
        if (isFlowEnd(x) || x === 0x27 || x === 0x22 || (x === HASH && t.charCodeAt(i - 1) === SPACE)) decline();
        i++;
      }
      if (i >= end || t.charCodeAt(i + 1) !== SPACE || t.charCodeAt(i - 1) === SPACE) decline();
      key = plainKey(r, t, k, i);
    }
    if (Object.prototype.hasOwnProperty.call(value, key)) decline();
    const at = skipSpaces(t, i + 1, end);
    const v = flowNode(r, at, end, depth + 1);
    setKey(value, key, v);
    entries?.set(key, { key: k, value: at, result: v });
  }
  if (entries) r.places!.set(value, { start: p, list: false, entries });
  return value;
}

/** A key as the loader compares it: its resolved value as text, in NFC; declines keys the others refuse. */
function keyText(r: Reader, written: string): string {
  const resolved = resolvePlain(written);
  const key = typeof resolved === "string" ? normal(r, resolved) : String(resolved);
  if (key.length > 200 || key === "<<") decline();
  return key;
}

/**
 * Plain keys already read, by length: a plan writes a few dozen keys (id, namn, nyckeltal …)
 * hundreds of thousands of times. A key found here is the very string read before, which V8 has
 * made a property name already, instead of a new slice to be looked up in its string table
 * again. Only keys that are their own text are kept (not a number, not changed by NFC): the
 * same text then always gives the same key, in any file.
 */
const KNOWN_KEYS: string[][] = [];
const MAX_KNOWN_LENGTH = 40;
const MAX_KNOWN_PER_LENGTH = 24;

/** The key written at [s, e) of `t` (the text before its `:`). */
function plainKey(r: Reader, t: string, s: number, e: number): string {
  const n = e - s;
  const known = n <= MAX_KNOWN_LENGTH ? KNOWN_KEYS[n] : undefined;
  if (known) {
    const c = t.charCodeAt(s);
    for (let i = 0; i < known.length; i++) {
      const k = known[i]!;
      if (k.charCodeAt(0) === c && t.startsWith(k, s)) return k;
    }
  }
  const written = t.slice(s, e);
  const key = keyText(r, written);
  if (key === written && n <= MAX_KNOWN_LENGTH) {
    const list = (KNOWN_KEYS[n] ??= []);
    if (list.length < MAX_KNOWN_PER_LENGTH) list.push(key);
  }
  return key;
}

/** A quoted key is its text, in NFC. */
function quotedKey(r: Reader, text: string): string {
  const key = normal(r, text);
  if (key.length > 200) decline();
  return key;
}

function setKey(obj: Record<string, unknown>, key: string, value: unknown): void {
  if (key === "__proto__") Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
  else obj[key] = value;
}

/**
 * A block scalar (`|`, `>`, with `-` or `+`) whose header is at `p` on line `li`, in a node
 * indented `parent`; returns its text and the line after it.
 */
function blockScalar(r: Reader, li: number, p: number, parent: number): string {
  const t = r.t;
  const folded = t.charCodeAt(p) === 0x3e;
  let i = p + 1;
  let chomp = 0;
  if (t.charCodeAt(i) === DASH) {
    chomp = -1;
    i++;
  } else if (t.charCodeAt(i) === 0x2b) {
    chomp = 1;
    i++;
  }
  restOfLine(t, i, lineEnd(r, li));
  const n = r.n;
  let indent = -1;
  const lines: string[] = [];
  let empty = 0;
  let k = li + 1;
  for (; k < n; k++) {
    const s = r.starts[k]!;
    const e = lineEnd(r, k);
    if (s === e) {
      empty++;
      continue;
    }
    let j = s;
    while (j < e && t.charCodeAt(j) === SPACE) j++;
    // A line of spaces only: the parsers treat it apart from an empty one.
    if (j === e) decline();
    const ind = j - s;
    if (indent < 0) {
      if (ind <= parent) break;
      indent = ind;
    } else if (ind < indent) {
      // Less indented than the text: the text ends; in between, only a comment may stand.
      if (ind > parent && t.charCodeAt(j) !== HASH) decline();
      break;
    }
    const text = t.slice(s + indent, e);
    if (folded && text.charCodeAt(0) === SPACE) decline();
    for (let m = 0; m < empty; m++) lines.push("");
    empty = 0;
    lines.push(text);
  }
  // The last line of a file without a final line break: the parsers differ on it.
  if (k === n && t.charCodeAt(t.length - 1) !== NL) decline();
  // Nothing but empty lines: no text (what `+` keeps of them is left to the others).
  if (lines.length === 0) {
    if (chomp === 1) decline();
    NEXT = k;
    return "";
  }
  let body: string;
  if (folded) {
    // Leading empty lines stay line breaks; between two lines of text a break is a space, and
    // each empty line between them one line break.
    let m = 0;
    body = "";
    while (lines[m] === "") {
      body += "\n";
      m++;
    }
    body += lines[m]!;
    for (m++; m < lines.length; m++) {
      const line = lines[m]!;
      if (line === "") body += "\n";
      else body += lines[m - 1] === "" ? line : " " + line;
    }
  } else {
    body = lines.join("\n");
  }
  if (chomp === 0) body += "\n";
  else if (chomp === 1) body += "\n" + "\n".repeat(empty);
  NEXT = k;
  return normal(r, body);
}

/**
 * The value that follows `key:` or `- ` at offset `p` of line `li`, in a node indented `col`:
 * inline, a block scalar, or (nothing on the line) a collection on the lines below. Returns
 * the value, where its text starts (for places) and the next line to read.
 */
function valueAt(r: Reader, li: number, p: number, col: number, depth: number, afterColon: number): unknown {
  const t = r.t;
  const end = lineEnd(r, li);
  while (p < end && t.charCodeAt(p) === SPACE) p++;
  if (p === end || t.charCodeAt(p) === HASH) {
    // Nothing on the line: a collection below, more indented (a list may stand at the key's own indentation), or null.
    const below = nextContent(r, li + 1);
    if (below < r.n && !isMarker(r, below)) {
      const ind = indentOf(r, below);
      const s = r.starts[below]! + ind;
      if (ind > col || (ind === col && afterColon >= 0 && isItem(t, s, lineEnd(r, below)))) {
        const node = nodeAt(r, below, ind, depth);
        AT = s;
        return node;
      }
    }
    let at = afterColon >= 0 ? afterColon + 1 : p;
    while (t.charCodeAt(at) === SPACE) at++;
    AT = at;
    NEXT = li + 1;
    return null;
  }
  const c = t.charCodeAt(p);
  let value: unknown;
  let stop: number;
  if (c === 0x7c || c === 0x3e) {
    const block = blockScalar(r, li, p, col);
    AT = p;
    return block;
  } else if (c === 0x22 || c === 0x27 || c === 0x5b || c === 0x7b) {
    value = flowNode(r, p, end, depth);
    stop = END;
  } else {
    if (refusedStart(c) || ((c === DASH || c === 0x3f || c === COLON) && (p + 1 === end || t.charCodeAt(p + 1) === SPACE))) decline();
    const v = resolvePlain(plainText(t, p, end, false));
    value = typeof v === "string" ? normal(r, v) : v;
    stop = END;
  }
  restOfLine(t, stop, end);
  // Text that goes on, more indented, on the next line is text over several lines: declined.
  const below = nextContent(r, li + 1);
  if (below < r.n && indentOf(r, below) > col && !isMarker(r, below)) decline();
  AT = p;
  NEXT = li + 1;
  return value;
}

/** Whether the text at `s` is a list item: `-` and a space (an item with nothing after its dash is declined). */
function isItem(t: string, s: number, end: number): boolean {
  if (t.charCodeAt(s) !== DASH) return false;
  if (s + 1 === end) decline();
  return t.charCodeAt(s + 1) === SPACE;
}

/** The mapping or list that starts at column `col` of line `li`. */
function nodeAt(r: Reader, li: number, col: number, depth: number): unknown {
  if (depth >= MAX_DEPTH - 2) decline();
  const s = r.starts[li]! + col;
  const end = lineEnd(r, li);
  if (isItem(r.t, s, end)) return list(r, li, col, depth);
  if (keyColon(r.t, s, end) >= 0) return mapping(r, li, col, depth);
  return decline();
}

/** The next line of a collection indented `col`, or -1 where the collection ends. */
function nextOfCollection(r: Reader, li: number, col: number): number {
  li = nextContent(r, li);
  if (li >= r.n || isMarker(r, li)) return -1;
  const ind = indentOf(r, li);
  if (ind > col) decline();
  return ind === col ? li : -1;
}

function list(r: Reader, li: number, col: number, depth: number): unknown[] {
  const t = r.t;
  const value: unknown[] = [];
  const entries = r.places ? new Map<string | number, Entry>() : undefined;
  const start = r.starts[li]! + col;
  const first = li;
  // Each item: the first at `li`, the next where the one before ended, at the list's indentation.
  for (let line = li; line >= 0; line = nextOfCollection(r, li, col)) {
    li = line;
    const s = r.starts[li]! + col;
    const end = lineEnd(r, li);
    if (!isItem(t, s, end)) {
      // A mapping key at a list's indentation ends the list only where the list is a value at its key's indentation.
      if (li === first) decline();
      break;
    }
    let p = s + 1;
    while (p < end && t.charCodeAt(p) === SPACE) p++;
    const itemCol = p - r.starts[li]!;
    // `-` and then only a comment: an empty item, which the parsers place apart.
    if (p === end || t.charCodeAt(p) === HASH) decline();
    let item: unknown;
    let at = p;
    if (isItem(t, p, end) || keyColon(t, p, end) >= 0) {
      item = nodeAt(r, li, itemCol, depth + 1);
    } else {
      item = valueAt(r, li, p, col, depth + 1, -1);
      at = AT;
    }
    entries?.set(value.length, { key: at, value: at, result: item });
    value.push(item);
    li = NEXT;
  }
  if (entries) r.places!.set(value, { start, list: true, entries });
  NEXT = li;
  return value;
}

function mapping(r: Reader, li: number, col: number, depth: number): Record<string, unknown> {
  const t = r.t;
  const value: Record<string, unknown> = {};
  const entries = r.places ? new Map<string | number, Entry>() : undefined;
  const start = r.starts[li]! + col;
  for (let line = li; line >= 0; line = nextOfCollection(r, li, col)) {
    li = line;
    const s = r.starts[li]! + col;
    const end = lineEnd(r, li);
    const colon = keyColon(t, s, end);
    if (colon < 0) {
      // A list item at a mapping's indentation is a value's list only right after its key.
      decline();
    }
    const key = QUOTED_KEY !== undefined ? quotedKey(r, QUOTED_KEY) : plainKey(r, t, s, colon);
    if (Object.prototype.hasOwnProperty.call(value, key)) decline();
    const v = valueAt(r, li, colon + 1, col, depth + 1, colon);
    setKey(value, key, v);
    entries?.set(key, { key: s, value: AT, result: v });
    li = NEXT;
  }
  if (entries) r.places!.set(value, { start, list: false, entries });
  NEXT = li;
  return value;
}

/** Line starts, kept from file to file (the reader reads one file at a time); grown as needed. */
let STARTS: Int32Array = new Int32Array(4096);
function grown(a: Int32Array): Int32Array {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

/** The documents the reader read, and where each starts. */
export interface BlockRead {
  docs: { index: number; value: unknown; start: number }[];
  places?: WeakMap<object, Collection>;
}

/**
 * The documents of a text the reader reads alike with the yaml package, each a mapping or a
 * list, numbered as the yaml package numbers them; undefined for any other text. With
 * `places`, also where each collection, key, value and item stands.
 */
export function readBlocks(text: string, places = false): BlockRead | undefined {
  if (REFUSED.test(text)) return undefined;
  let starts = STARTS;
  let count = 1;
  let last = 0;
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) {
    if (i - last > 1000) return undefined;
    if (count + 2 > starts.length) starts = STARTS = grown(starts);
    starts[count++] = last = i + 1;
  }
  if (text.length - last > 1000) return undefined;
  // A last line without a line break gets an end of its own.
  if (last !== text.length) starts[count++] = text.length + 1;
  const n = count - 1;
  const r: Reader = { t: text, starts, n, nfc: needsNfc(text), places: places ? new WeakMap() : undefined };
  const docs: BlockRead["docs"] = [];
  try {
    let li = nextContent(r, 0);
    let open = false;
    if (li < n && isMarker(r, li)) {
      open = true;
      li++;
    }
    for (;;) {
      li = nextContent(r, li);
      if (li >= n) {
        if (open) return undefined;
        break;
      }
      if (isMarker(r, li)) {
        // An empty document: its number counts, and the yaml package skips it; left to the others.
        if (open) return undefined;
        open = true;
        li++;
        continue;
      }
      const col = indentOf(r, li);
      const value = nodeAt(r, li, col, 0);
      docs.push({ index: docs.length, value, start: r.starts[li]! + col });
      open = false;
      const after = nextContent(r, NEXT);
      if (after < n && !isMarker(r, after)) return undefined;
      li = after;
    }
  } catch (e) {
    if (e instanceof Decline || e instanceof RangeError) return undefined;
    throw e;
  }
  if (docs.length === 0) return undefined;
  return r.places ? { docs, places: r.places } : { docs };
}
