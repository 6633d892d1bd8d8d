// The fast path for the common plan file: js-yaml reads the values, and only where the text
// keeps to a subset on which it gives exactly what the yaml package's path gives. Anything
// else, and anything js-yaml refuses, returns undefined and goes the exact way (docs/val.md).
import { FAILSAFE_SCHEMA, loadAll, Type } from "js-yaml";
import { MAX_DEPTH } from "./yaml-values.js";

/** YAML 1.2 core scalars, resolved by the same patterns and in the same way as the yaml package's `core` schema. */
export const FAST_SCHEMA = FAILSAFE_SCHEMA.extend({
  implicit: [
    new Type("tag:yaml.org,2002:null", {
      kind: "scalar",
      resolve: (s: unknown) => s === null || (typeof s === "string" && /^(?:~|[Nn]ull|NULL)?$/.test(s)),
      construct: () => null,
    }),
    new Type("tag:yaml.org,2002:bool", {
      kind: "scalar",
      resolve: (s: unknown) => typeof s === "string" && /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/.test(s),
      construct: (s: string) => s[0] === "t" || s[0] === "T",
    }),
    new Type("tag:yaml.org,2002:int", {
      kind: "scalar",
      resolve: (s: unknown) => typeof s === "string" && /^(?:0o[0-7]+|[-+]?[0-9]+|0x[0-9a-fA-F]+)$/.test(s),
      construct: (s: string) => (s.startsWith("0o") ? parseInt(s.slice(2), 8) : s.startsWith("0x") ? parseInt(s.slice(2), 16) : parseInt(s, 10)),
    }),
    new Type("tag:yaml.org,2002:float", {
      kind: "scalar",
      resolve: (s: unknown) =>
        typeof s === "string" && /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?)$/.test(s),
      construct: (s: string) => (s.endsWith("nan") || s.endsWith("NaN") || s.endsWith("NAN") ? NaN : /inf$/i.test(s) ? (s[0] === "-" ? -Infinity : Infinity) : parseFloat(s)),
    }),
  ],
});

/**
 * Text the fast path leaves alone (each is a rule in docs/val.md): anchors and tags (`&`, `!`
 * where a node may start; with no anchor, an alias is an error js-yaml reports, so `*` in text
 * such as Markdown emphasis need not be), directives (`%`), merge keys (`<<`), explicit and empty
 * keys (`?`, `:` where a key would start), collections as keys (`]:`, `}:`), document end
 * markers (`...`), `---` with anything but a comment after it, an empty
 * list item (`-` with nothing after it on its line), tabs, carriage returns, lines longer than 1,000 characters (the yaml package
 * limits implicit keys to 1,024) (and see lineCloses).
 */
const OUTSIDE_SUBSET = new RegExp(
  [
    String.raw`(?:^|[\s[\]{},])(?:&[^\s[\]{},]|!)`,
    String.raw`^%`,
    String.raw`<<`,
    String.raw`(?:^|[\s[{,])\?(?:\s|$)`,
    String.raw`(?:^|[[{,])[ \t]*(?:-[ \t]+)*:(?:[\s,[\]{}]|$)`,
    String.raw`[\]}][ \t]*:(?:[\s,[\]{}]|$)`,
    String.raw`^\.\.\.`,
    String.raw`^---(?!(?:[ \t]+#.*)?[ \t]*$)`,
    String.raw`^[ ]*(?:-[ ]+)*-[ ]*(?:#.*)?$`,
    String.raw`[\t\r]`,
    String.raw`^[^\n]{1001}`,
  ].join("|"),
  "m",
);

const DOC_START = /^---(?:[ \t]|$)/gm;
/** Text before the first `---` that makes a document of its own (anything but blank lines and comments). */
const CONTENT_BEFORE = /^[ ]*[^\s#]/m;

/** Plain data in NFC, as convertDocument gives it; undefined where that path would have a finding. */
function normalise(v: unknown, depth: number): unknown {
  if (typeof v === "string") return v.normalize("NFC");
  if (v === null || typeof v !== "object") return v;
  if (depth >= MAX_DEPTH - 2) throw new OutsideSubset();
  if (Array.isArray(v)) return v.map((x) => normalise(x, depth + 1));
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
  return !OUTSIDE_SUBSET.test(text) && openedAndClosedOnOneLine(text);
}

/**
 * The documents of a file's text when it is in the plan subset and js-yaml reads it cleanly,
 * each a mapping or list, numbered as the yaml package numbers them; otherwise undefined.
 */
export function fastValues(text: string): { index: number; value: unknown }[] | undefined {
  if (!inPlanSubset(text)) return undefined;
  const markers = text.match(DOC_START)?.length ?? 0;
  const first = markers > 0 ? text.search(DOC_START) : text.length;
  const expected = markers + (CONTENT_BEFORE.test(text.slice(0, first)) ? 1 : 0);
  let docs: unknown[];
  try {
    docs = loadAll(text, null, { schema: FAST_SCHEMA, json: false }) as unknown[];
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
