// The fast path for the common plan file: the block reader (block-reader.ts) first, then
// js-yaml where the text keeps to a subset on which it gives exactly what the yaml package's
// path gives. Anything else, and anything js-yaml refuses, returns undefined and goes the
// exact way (docs/val.md).
import type { Schema } from "js-yaml";
import { readBlocks } from "./block-reader.js";
import { jsYaml } from "./yaml-lib.js";
import { MAX_DEPTH } from "./yaml-values.js";

/**
 * Whether a plain scalar may be a number: every int and float form starts with a digit, a
 * sign or a dot. Most plain scalars in a plan are words, and this spares them the patterns.
 */
function mayBeNumber(s: string): boolean {
  const c = s.charCodeAt(0);
  return (c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2d || c === 0x2e;
}

let schema: Schema | undefined;

/**
 * YAML 1.2 core scalars for js-yaml, resolved by the same patterns and in the same way as the
 * yaml package's `core` schema; made when first asked for, as js-yaml is loaded then.
 */
export function fastSchema(): Schema {
  if (schema) return schema;
  const { FAILSAFE_SCHEMA, Type } = jsYaml();
  schema = FAILSAFE_SCHEMA.extend({
    implicit: [
      new Type("tag:yaml.org,2002:null", {
        kind: "scalar",
        resolve: (s: unknown) => s === null || (typeof s === "string" && s.length <= 4 && /^(?:~|[Nn]ull|NULL)?$/.test(s)),
        construct: () => null,
      }),
      new Type("tag:yaml.org,2002:bool", {
        kind: "scalar",
        resolve: (s: unknown) => typeof s === "string" && (s.length === 4 || s.length === 5) && /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/.test(s),
        construct: (s: string) => s[0] === "t" || s[0] === "T",
      }),
      new Type("tag:yaml.org,2002:int", {
        kind: "scalar",
        resolve: (s: unknown) => typeof s === "string" && mayBeNumber(s) && /^(?:0o[0-7]+|[-+]?[0-9]+|0x[0-9a-fA-F]+)$/.test(s),
        construct: (s: string) => (s.startsWith("0o") ? parseInt(s.slice(2), 8) : s.startsWith("0x") ? parseInt(s.slice(2), 16) : parseInt(s, 10)),
      }),
      new Type("tag:yaml.org,2002:float", {
        kind: "scalar",
        resolve: (s: unknown) =>
          typeof s === "string" && mayBeNumber(s) && /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?)$/.test(s),
        construct: (s: string) => (s.endsWith("nan") || s.endsWith("NaN") || s.endsWith("NAN") ? NaN : /inf$/i.test(s) ? (s[0] === "-" ? -Infinity : Infinity) : parseFloat(s)),
      }),
    ],
  });
  return schema;
}

/**
 * Text the fast path leaves alone (each is a rule in docs/val.md): anchors and tags (`&`, `!`
 * where a node may start; an anchor is `&` and anything YAML does not call white space, which
 * U+2028, a no-break space and the other spaces of Unicode are not, though `\s` is; with no anchor, an alias is an error js-yaml reports, so `*` in text
 * such as Markdown emphasis need not be), directives (`%`), merge keys (`<<`), explicit and empty
 * keys (`?`, `:` where a key would start), collections as keys (`]:`, `}:`), document end
 * markers (`...`), `---` with anything but a comment after it, a line of nothing but spaces
 * anywhere after a block scalar's header (`|`, `>`: the yaml package refuses one more indented
 * than the text's first line before it, and takes one after the text for an empty line where
 * js-yaml keeps its spaces as text), an empty
 * list item (`-` with nothing after it on its line), tabs, carriage returns, lines longer than 1,000 characters (the yaml package
 * limits implicit keys to 1,024), a byte-order mark after the start of the file (the yaml package
 * reads one at the start of a line before a document as a byte-order mark, js-yaml as text), a
 * `#` right after a closing bracket or quote (`}# x`: the yaml package refuses a comment not
 * set apart by a space, js-yaml does not always), a comment less indented than a key whose
 * value is below it, before that value (the yaml package can read the value and the next key
 * as one key over two lines) (and see lineCloses).
 *
 * As one pattern (the specification; test/parse-differential.test.ts holds it and requires
 * `outsideSubset` to answer as it does):
 *
 *     (?:^|[\s[\]{},:])(?:&[^ \t\n\r[\]{},]|!)  |  ^%  |  <<  |  (?:^|[\s[{,])\?(?:\s|$)
 *     (?:^|[[{,])[ \t]*(?:-[ \t]+)*:(?:[\s,[\]{}]|$)  |  [\]}][ \t]*:(?:[\s,[\]{}]|$)  |  ^\.\.\.
 *     ^---(?!(?:[ \t]+#.*)?[ \t]*$)  |  ^[ ]*(?:-[ ]+)*-[ ]*(?:#.*)?$  |  [\t\r]  |  ^[^\n]{1001}
 *     [|>][-+0-9]*[ \t]*(?:#.*)?\n[\s\S]*?^[ \t]+$  |  \ufeff  |  [\]}"']#
 *     ^( *)[^ \t\n#].*:[ ]*(?:#.*)?\n(?:[ ]*(?:#.*)?\n)*?(?!\1)[ ]*#
 *
 * with the `m` flag. A pattern tried at every position of every file was a good part of the
 * fast path's time; here each rare one runs only when the text holds its character, and the
 * rest is one walk over the line starts and the colons.
 */
const RARE: readonly (readonly [needs: readonly string[], pattern: RegExp])[] = [
  [["&", "!"], /(?:^|[\s[\]{},:])(?:&[^ \t\n\r[\]{},]|!)/m],
  [["%"], /^%/m],
  [["<<"], /<</],
  [["?"], /(?:^|[\s[{,])\?(?:\s|$)/m],
  [["..."], /^\.\.\./m],
  [["\t", "\r"], /[\t\r]/],
  [["\ufeff"], /\ufeff/],
  [["]#", "}#", '"#', "'#"], /[\]}"']#/],
];

/** Line terminators as the `m` flag knows them; YAML knows only the first (CR is outside the subset). */
const isLineEnd = (c: number): boolean => c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029;
const isSpace = (c: number): boolean => c === 0x20 || c === 0x09;
/** `\s` of a pattern, for the characters a plan file may hold; the rest of Unicode's spaces too. */
const isWhite = (c: number): boolean => isSpace(c) || isLineEnd(c) || c === 0x0b || c === 0x0c || c === 0xa0 || c === 0xfeff || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x205f || c === 0x3000;

/** Whether the line starting at `i` (ending at `end`) is `---` with more than a comment, or an empty list item. */
function badLineStart(t: string, i: number, end: number): boolean {
  if (t.startsWith("---", i)) {
    let j = i + 3;
    if (j < end && isSpace(t.charCodeAt(j))) {
      while (j < end && isSpace(t.charCodeAt(j))) j++;
      if (j < end && t.charCodeAt(j) === 0x23) return false;
    }
    while (j < end && isSpace(t.charCodeAt(j))) j++;
    if (j < end) return true;
  }
  // ^[ ]*(?:-[ ]+)*-[ ]*(?:#.*)?$
  let j = i;
  while (j < end && t.charCodeAt(j) === 0x20) j++;
  while (j < end && t.charCodeAt(j) === 0x2d) {
    j++;
    const dash = j;
    while (j < end && t.charCodeAt(j) === 0x20) j++;
    if (j === end || t.charCodeAt(j) === 0x23) return true;
    if (j === dash) return false;
  }
  return false;
}

/** Whether the colon at `i` stands where a key would start, or right after a flow collection. */
function badColon(t: string, i: number): boolean {
  const next = t.charCodeAt(i + 1);
  if (!(i + 1 === t.length || isWhite(next) || next === 0x2c || next === 0x5b || next === 0x5d || next === 0x7b || next === 0x7d)) return false;
  // [\]}][ \t]*:
  let k = i - 1;
  while (k >= 0 && isSpace(t.charCodeAt(k))) k--;
  if (k >= 0 && (t.charCodeAt(k) === 0x5d || t.charCodeAt(k) === 0x7d)) return true;
  // (?:^|[[{,])[ \t]*(?:-[ \t]+)*:
  let j = i - 1;
  for (;;) {
    let m = j;
    while (m >= 0 && isSpace(t.charCodeAt(m))) m--;
    if (m >= 0 && m < j && t.charCodeAt(m) === 0x2d) j = m - 1;
    else {
      j = m;
      break;
    }
  }
  if (j < 0) return true;
  const c = t.charCodeAt(j);
  return isLineEnd(c) || c === 0x5b || c === 0x7b || c === 0x2c;
}

export function outsideSubset(text: string): boolean {
  for (const [needs, pattern] of RARE) {
    if (needs.some((c) => text.includes(c)) && pattern.test(text)) return true;
  }
  // The other line ends the pattern's `^` and `$` know send the text to the pattern itself.
  if (text.includes("\u2028") || text.includes("\u2029")) return SEPARATED.test(text);
  let afterHeader = false;
  // The indentation of the last line of content when it ends in a colon (a key whose value is below), else 0.
  let keyIndent = 0;
  // The next `|` and `>` from the line's start, each searched for once: the walk stays linear.
  let pipe = text.indexOf("|");
  let gt = text.indexOf(">");
  for (let start = 0; ; ) {
    let end = text.indexOf("\n", start);
    if (end < 0) end = text.length;
    if (end - start > 1000 || badLineStart(text, start, end)) return true;
    // Between a key and its value below it, a comment less indented than the key is outside: the
    // yaml package can then read the value and the next key as one key over two lines.
    let p = start;
    while (p < end && text.charCodeAt(p) === 0x20) p++;
    if (p < end) {
      if (text.charCodeAt(p) === 0x23) {
        if (p - start < keyIndent) return true;
      } else {
        keyIndent = OPEN_KEY.test(text.slice(start, end)) ? p - start : 0;
      }
    }
    if (afterHeader) {
      // After a block scalar's header, a line of nothing but spaces is outside: the parsers
      // differ on whether it is text or an empty line, at the start of the text and at its end.
      if (end > start && BLANK.test(text.slice(start, end))) return true;
    } else {
      if (pipe >= 0 && pipe < start) pipe = text.indexOf("|", start);
      if (gt >= 0 && gt < start) gt = text.indexOf(">", start);
      afterHeader = ((pipe >= 0 && pipe < end) || (gt >= 0 && gt < end)) && BLOCK_HEADER.test(text.slice(start, end));
    }
    if (end === text.length) break;
    start = end + 1;
  }
  for (let i = text.indexOf(":"); i >= 0; i = text.indexOf(":", i + 1)) if (badColon(text, i)) return true;
  return false;
}

const BLANK = /^[ \t]*$/u;
/**
 * A line of content that ends in a colon, perhaps with a comment after it. Content starts at
 * anything YAML does not call white space: a no-break space too, which `\s` would skip.
 */
const OPEN_KEY = /^ *[^ \t#].*:[ ]*(?:#.*)?$/u;
/** A line that ends in a block scalar's header (`|`, `>-`, `|2 # x`, …). */
const BLOCK_HEADER = /[|>][-+0-9]*[ \t]*(?:#.*)?$/u;

/** For the rare text with U+2028 or U+2029, which the `m` flag takes for line ends. */
const SEPARATED = /(?:^|[[{,])[ \t]*(?:-[ \t]+)*:(?:[\s,[\]{}]|$)|[\]}][ \t]*:(?:[\s,[\]{}]|$)|^---(?!(?:[ \t]+#.*)?[ \t]*$)|^[ ]*(?:-[ ]+)*-[ ]*(?:#.*)?$|^[^\n]{1001}|[|>][-+0-9]*[ \t]*(?:#.*)?\n[\s\S]*?^[ \t]+$|^( *)[^ \t\n#].*:[ ]*(?:#.*)?\n(?:[ ]*(?:#.*)?\n)*?(?!\1)[ ]*#/m;

const DOC_START = /^---(?:[ \t]|$)/gm;
/** Text before the first `---` that makes a document of its own (anything but blank lines and comments). */
const CONTENT_BEFORE = /^[ ]*[^\s#]/m;

/** Plain data in NFC, as convertDocument gives it; undefined where that path would have a finding. */
function normalise(v: unknown, depth: number): unknown {
  if (typeof v === "string") return v.normalize("NFC");
  if (v === null || typeof v !== "object") return v;
  if (depth >= MAX_DEPTH - 2) throw new OutsideSubset();
  // js-yaml's values are new and ours: they are changed in place, copied only where a key changes.
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) v[i] = normalise(v[i], depth + 1);
    return v;
  }
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o);
  let same = true;
  for (const k of keys) {
    if (k.length > 200) throw new OutsideSubset();
    if (same && k.normalize("NFC") !== k) same = false;
  }
  if (same) {
    for (const k of keys) {
      const value = normalise(o[k], depth + 1);
      if (k === "__proto__") Object.defineProperty(o, k, { value, enumerable: true, writable: true, configurable: true });
      else o[k] = value;
    }
    return o;
  }
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v)) {
    const key = k.normalize("NFC");
    // A key that only NFC makes equal to another is a duplicate the exact path reports.
    if (key.length > 200 || Object.prototype.hasOwnProperty.call(out, key)) throw new OutsideSubset();
    const value = normalise((v as Record<string, unknown>)[k], depth + 1);
    if (key === "__proto__") Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
    else out[key] = value;
  }
  return out;
}

class OutsideSubset extends Error {}

/**
 * Whether every quoted scalar and flow collection closes on the line it opens on, every quote
 * is where a node starts (after the indentation, `- `, `: `, or `[`, `{`, `,` in a flow
 * collection), and no list or mapping is a key in a flow mapping. The parsers differ on how far
 * the later lines of a quoted scalar or a flow collection must be indented, and js-yaml makes a
 * collection key into text; a quote inside plain text is harmless only where nothing on its
 * line can be mistaken for one.
 */
function openedAndClosedOnOneLine(text: string): boolean {
  const QUOTE = /['"[{]/g;
  let m: RegExpExecArray | null;
  while ((m = QUOTE.exec(text)) !== null) {
    const start = text.lastIndexOf("\n", m.index) + 1;
    let end = text.indexOf("\n", m.index);
    if (end < 0) end = text.length;
    if (!lineCloses(text, start, end)) return false;
    QUOTE.lastIndex = end;
  }
  return true;
}

function lineCloses(t: string, start: number, end: number): boolean {
  let i = start;
  while (i < end && t[i] === " ") i++;
  while (t[i] === "-" && (i + 1 === end || t[i + 1] === " ")) {
    i++;
    while (i < end && t[i] === " ") i++;
  }
  let atNode = true;
  /** Where a key of a flow mapping starts: a list or mapping there is a key. */
  let atFlowKey = false;
  /** The flow collections open at this point, innermost last. */
  let open = "";
  for (; i < end; i++) {
    const c = t[i]!;
    if (c === " ") continue;
    if (c === '"' || c === "'") {
      if (!atNode) return false;
      let j = i + 1;
      for (; j < end; j++) {
        if (c === '"' && t[j] === "\\") j++;
        else if (t[j] === c) {
          if (c === "'" && t[j + 1] === "'") j++;
          else break;
        }
      }
      if (j >= end || t[j + 1] === "#") return false;
      i = j;
      atNode = atFlowKey = false;
    } else if (c === "#" && (i === start || t[i - 1] === " ")) {
      break;
    } else if (c === ":" && (i + 1 === end || t[i + 1] === " ")) {
      atNode = true;
      atFlowKey = false;
    } else if ((c === "[" || c === "{") && atNode) {
      if (atFlowKey) return false;
      open += c;
      atFlowKey = c === "{";
    } else if (c === "," && open !== "") {
      atNode = true;
      atFlowKey = open.endsWith("{");
    } else if ((c === "]" || c === "}") && open !== "") {
      if (t[i + 1] === "#") return false;
      open = open.slice(0, -1);
      atNode = atFlowKey = false;
    } else {
      atNode = atFlowKey = false;
    }
  }
  return open === "";
}

/** Whether the text keeps to the plan subset (docs/val.md), where js-yaml reads what the yaml package reads. */
export function inPlanSubset(text: string): boolean {
  return !outsideSubset(text) && openedAndClosedOnOneLine(text);
}

/**
 * The documents of a file's text when the block reader reads it, or when it is in the plan
 * subset and js-yaml reads it cleanly, each a mapping or list, numbered as the yaml package
 * numbers them; otherwise undefined.
 */
export function fastValues(text: string): { index: number; value: unknown }[] | undefined {
  const read = readBlocks(text);
  if (read !== undefined) return read.docs.map(({ index, value }) => ({ index, value }));
  if (!inPlanSubset(text)) return undefined;
  const markers = text.match(DOC_START)?.length ?? 0;
  const first = markers > 0 ? text.search(DOC_START) : text.length;
  const expected = markers + (CONTENT_BEFORE.test(text.slice(0, first)) ? 1 : 0);
  let docs: unknown[];
  try {
    docs = jsYaml().loadAll(text, null, { schema: fastSchema(), json: false }) as unknown[];
  } catch {
    return undefined;
  }
  if (docs.length !== expected || docs.length === 0) return undefined;
  try {
    return docs.map((doc, index) => {
      if (doc === null || typeof doc !== "object") throw new OutsideSubset();
      return { index, value: normalise(doc, 0) };
    });
  } catch (e) {
    if (e instanceof OutsideSubset || e instanceof RangeError) return undefined;
    throw e;
  }
}
