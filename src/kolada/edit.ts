// Editing a follow-up in place. The yaml package's Document API finds the rows and where each
// value stands in the text; the change is then made on the text itself, as a few splices: a
// changed scalar is replaced, a new key goes after its neighbour in the row's own style (flow or
// block), a new row is added after the list's last row. Every other byte — comments, blank
// lines, key order, quoting, alignment — stays as it was. The result is parsed again and checked
// against what was meant before anyone writes it.
import { isDeepStrictEqual } from "node:util";
import { BilingualError } from "../diagnostics/bilingual.js";
import { isMap, isScalar, isSeq, parseAllDocuments, type Document, type Node as YamlNode, type Pair, type YAMLMap, type YAMLSeq } from "yaml";
import { MAX_YAML_MARKS, yamlMarks } from "../load/yaml-values.js";

/** One splice of the text: [start, end) replaced by `text`. */
export interface Edit {
  start: number;
  end: number;
  text: string;
}

type Value = number | string;

/** What to do to the row of `avser`: keys to set (added when missing), keys to remove. A missing row is added. */
export interface RowPatch {
  avser: string;
  set: ReadonlyArray<readonly [key: string, value: Value]>;
  remove: readonly string[];
}

/** The keys plan kolada writes, in the order a row has them. */
const KEY_ORDER = ["avser", "utfall", "år", "källa"];

const PARSE = { version: "1.2", schema: "core", uniqueKeys: false, merge: false } as const;

/** A failure to edit: the file is left as it is. */
export class EditError extends BilingualError {
  override name = "EditError";
}

/** A scalar as YAML text that reads back as the same value. */
function scalarText(v: Value): string {
  if (typeof v === "number") return String(v);
  const plain = /^[\p{L}\p{N}][\p{L}\p{N}_.-]*$/u.test(v) && !/^(true|false|null|~|[-+]?(\d|\.\d)|\.(inf|nan))/iu.test(v);
  return plain ? v : JSON.stringify(v);
}

const lineStart = (text: string, at: number): number => text.lastIndexOf("\n", at - 1) + 1;
const column = (text: string, at: number): number => at - lineStart(text, at);

/** Where a new line may go after a value that ends at `end`: the start of the next line. */
function afterLine(text: string, end: number): { at: number; lead: string } {
  if (end > 0 && text[end - 1] === "\n") return { at: end, lead: "" };
  const nl = text.indexOf("\n", end);
  return nl < 0 ? { at: text.length, lead: "\n" } : { at: nl + 1, lead: "" };
}

const keyOf = (p: Pair): unknown => (isScalar(p.key) ? p.key.value : p.key);
const rangeOf = (n: unknown): [number, number, number] | undefined => (n && typeof n === "object" && "range" in n ? ((n as YamlNode).range ?? undefined) : undefined);

function pairOf(map: YAMLMap, key: string): Pair | undefined {
  return (map.items as Pair[]).find((p) => keyOf(p) === key);
}

/** The end of a pair's value in the text (or of its key, for `key:` with nothing after it). */
function pairEnd(p: Pair): number {
  const v = rangeOf(p.value);
  const k = rangeOf(p.key)!;
  return v && v[1] > v[0] ? v[1] : k[1] + 1;
}

/** A row as flow text: `{ avser: X, utfall: 1, källa: Kolada }`. */
function flowRow(patch: RowPatch): string {
  const pairs = [["avser", patch.avser] as const, ...patch.set];
  return `{ ${pairs.map(([k, v]) => `${k}: ${scalarText(v)}`).join(", ")} }`;
}

/** The edits that change an existing row `row` as `patch` says. */
function rowEdits(text: string, row: YAMLMap, patch: RowPatch): Edit[] {
  const edits: Edit[] = [];
  const removed = new Set(patch.remove.filter((k) => pairOf(row, k) !== undefined));
  const indent = row.flow ? 0 : column(text, rangeOf(row)![0]);
  for (const key of removed) {
    const p = pairOf(row, key)!;
    const i = row.items.indexOf(p);
    if (row.flow) {
      if (i === 0) throw new EditError({ en: `the key ${key} opens its row`, sv: `nyckeln ${key} inleder sin rad` });
      edits.push({ start: pairEnd(row.items[i - 1] as Pair), end: pairEnd(p), text: "" });
    } else {
      const start = lineStart(text, rangeOf(p.key)![0]);
      if (text.slice(start, rangeOf(p.key)![0]).trim() !== "") throw new EditError({ en: `the key ${key} does not stand on a line of its own`, sv: `nyckeln ${key} står inte på en egen rad` });
      const { at } = afterLine(text, pairEnd(p));
      edits.push({ start, end: at, text: "" });
    }
  }
  const added = new Map<Pair, string[]>();
  for (const [key, value] of patch.set) {
    const p = pairOf(row, key);
    if (p && !removed.has(key)) {
      const v = rangeOf(p.value);
      if (p.value !== null && !isScalar(p.value)) throw new EditError({ en: `the value of ${key} is not a single value`, sv: `värdet av ${key} är inte ett enkelt värde` });
      if (v && v[1] > v[0]) {
        if (!isDeepStrictEqual((p.value as { value: unknown }).value, value)) edits.push({ start: v[0], end: v[1], text: scalarText(value) });
      } else {
        const at = rangeOf(p.key)![1] + 1;
        edits.push({ start: at, end: at, text: ` ${scalarText(value)}` });
      }
      continue;
    }
    // After the nearest key before it in KEY_ORDER that the row keeps; the row's last pair else.
    const before = KEY_ORDER.slice(0, Math.max(0, KEY_ORDER.indexOf(key)))
      .map((k) => (removed.has(k) ? undefined : pairOf(row, k)))
      .filter((x): x is Pair => x !== undefined);
    const anchor = before[before.length - 1] ?? (row.items[row.items.length - 1] as Pair);
    const list = added.get(anchor) ?? [];
    list.push(`${key}: ${scalarText(value)}`);
    added.set(anchor, list);
  }
  for (const [anchor, pairs] of added) {
    if (row.flow) {
      const at = pairEnd(anchor);
      edits.push({ start: at, end: at, text: pairs.map((p) => `, ${p}`).join("") });
    } else {
      const { at, lead } = afterLine(text, pairEnd(anchor));
      edits.push({ start: at, end: at, text: `${lead}${pairs.map((p) => `${" ".repeat(indent)}${p}\n`).join("")}` });
    }
  }
  return edits;
}

/** The edits that add `rows` (flow text) to the list `seq` of `map`, or a list `nyckeltal` to `map`. */
function appendEdits(text: string, map: YAMLMap, listPair: Pair | undefined, rows: string[]): Edit[] {
  if (rows.length === 0) return [];
  const seq = listPair?.value;
  if (isSeq(seq) && seq.flow) {
    const last = seq.items[seq.items.length - 1];
    if (last !== undefined) {
      const at = rangeOf(last)![1];
      return [{ start: at, end: at, text: rows.map((r) => `, ${r}`).join("") }];
    }
  }
  if (isSeq(seq) && !seq.flow && seq.items.length > 0) {
    const indent = column(text, rangeOf(seq)![0]);
    const { at, lead } = afterLine(text, rangeOf(seq.items[seq.items.length - 1])![2]);
    return [{ start: at, end: at, text: `${lead}${rows.map((r) => `${" ".repeat(indent)}- ${r}\n`).join("")}` }];
  }
  const keyIndent = column(text, rangeOf(map)![0]);
  const block = rows.map((r) => `${" ".repeat(keyIndent + 2)}- ${r}\n`).join("");
  if (listPair) {
    // `nyckeltal:` with nothing, null or an empty list after it: the rows go below the key.
    const colon = text.indexOf(":", rangeOf(listPair.key)![1]) + 1;
    const v = rangeOf(seq);
    const end = v && v[1] > v[0] ? v[1] : colon;
    const { at } = afterLine(text, end);
    const rest = text.slice(end, at).replace(/\n$/u, "");
    return [{ start: colon, end: at, text: `${rest}\n${block}` }];
  }
  const { at, lead } = afterLine(text, rangeOf(map)![2]);
  return [{ start: at, end: at, text: `${lead}${" ".repeat(keyIndent)}nyckeltal:\n${block}` }];
}

/**
 * `text` with `edits` (non-overlapping) applied; insertions at one place stand in the order of
 * `edits`, before a replacement that starts there. One pass from the start, in pieces: a
 * follow-up with thousands of rows gets thousands of edits, and splicing the whole text once
 * per edit would copy it as many times.
 */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  const first = [...edits.entries()].sort(([i, a], [j, b]) => a.start - b.start || a.end - b.end || i - j);
  const pieces: string[] = [];
  let at = 0;
  for (const [, e] of first) {
    pieces.push(text.slice(at, e.start), e.text);
    at = e.end;
  }
  pieces.push(text.slice(at));
  return pieces.join("");
}

const avserOf = (row: unknown): unknown => (isMap(row) ? row.get("avser") : undefined);

/** The documents of `text`; those in `indexes` must exist and parse without errors. */
function documentsOf(text: string, indexes: Iterable<number>): Document.Parsed[] {
  // The yaml package keeps the comments, at about a kilobyte of syntax tree per mark of
  // structure: a file past the limit validate puts on that package is not edited (load/yaml-values.ts).
  const marks = yamlMarks(text);
  if (marks > MAX_YAML_MARKS) {
    throw new EditError({
      en: `it holds ${marks} marks of YAML's structure, more than the ${MAX_YAML_MARKS} an edit that keeps its comments reads`,
      sv: `den har ${marks} tecken för YAML:s struktur, fler än de ${MAX_YAML_MARKS} som en ändring som behåller kommentarerna läser`,
    });
  }
  const docs = parseAllDocuments(text, PARSE);
  const list = Array.isArray(docs) ? docs : [];
  for (const i of indexes) {
    const d = list[i];
    if (!d || d.errors.length > 0) throw new EditError(d ? { en: "the file has a YAML error (see plan validate)", sv: "filen har ett YAML-fel (se plan validate)" } : { en: `it has no document ${i + 1}`, sv: `den har inget dokument ${i + 1}` });
  }
  return list;
}

/** What `patches` should make of the plain document `data`. */
function expected(data: Record<string, unknown>, patches: readonly RowPatch[]): Record<string, unknown> {
  const out = structuredClone(data);
  if (patches.length === 0) return out;
  const rows = Array.isArray(out.nyckeltal) ? (out.nyckeltal as Record<string, unknown>[]) : (out.nyckeltal = []);
  // The first row of each avser, found once: a follow-up may have a row per åtagande.
  const byAvser = new Map<unknown, Record<string, unknown>>();
  for (const r of rows) if (r !== null && typeof r === "object" && !byAvser.has(r.avser)) byAvser.set(r.avser, r);
  for (const p of patches) {
    let row = byAvser.get(p.avser);
    if (!row) {
      rows.push((row = { avser: p.avser }));
      byAvser.set(p.avser, row);
    }
    for (const k of p.remove) delete row[k];
    for (const [k, v] of p.set) row[k] = v;
  }
  return out;
}

/** The edits that apply `patches` to the nyckeltal rows of the follow-up `doc` of `text`. */
function documentEdits(text: string, doc: Document.Parsed, patches: readonly RowPatch[]): Edit[] {
  const map = doc.contents;
  if (!isMap(map) || map.flow) throw new EditError({ en: "the document is not a block mapping", sv: "dokumentet är ingen blockmappning" });
  const listPair = pairOf(map, "nyckeltal");
  const seq = listPair?.value;
  if (listPair && seq !== null && !isSeq(seq) && !(isScalar(seq) && seq.value === null)) throw new EditError({ en: "nyckeltal is not a list", sv: "nyckeltal är ingen lista" });
  const rows = isSeq(seq) ? (seq as YAMLSeq).items : [];
  // The first row of each avser, found once rather than by a search per patch.
  const byAvser = new Map<unknown, unknown>();
  for (const r of rows) {
    const avser = avserOf(r);
    if (!byAvser.has(avser)) byAvser.set(avser, r);
  }
  const edits: Edit[] = [];
  const appended: string[] = [];
  for (const patch of patches) {
    const row = byAvser.get(patch.avser);
    if (row !== undefined) {
      if (!isMap(row)) throw new EditError({ en: `the row of ${patch.avser} is not a mapping`, sv: `raden för ${patch.avser} är ingen mappning` });
      for (const e of rowEdits(text, row, patch)) edits.push(e);
    } else {
      appended.push(flowRow(patch));
    }
  }
  for (const e of appendEdits(text, map, listPair, appended)) edits.push(e);
  return edits;
}

/**
 * The edits that apply `patches` (per document of the file, by its place from 0) to the
 * nyckeltal rows of the follow-ups in `text`, and the new text. Throws EditError when a
 * document cannot be edited so, or when the edited text would not read back as exactly the
 * patched data with every other document as it was.
 */
export function patchFollowUps(text: string, wanted: ReadonlyMap<number, readonly RowPatch[]>): { edits: Edit[]; text: string } {
  // −0 is written as 0, and so reads back.
  const patches = new Map([...wanted].map(([i, list]) => [i, list.map((p) => ({ ...p, set: p.set.map(([k, v]) => [k, Object.is(v, -0) ? 0 : v] as const) }))]));
  const docs = documentsOf(text, patches.keys());
  const edits = [...patches].flatMap(([i, list]) => documentEdits(text, docs[i]!, list));
  const after = applyEdits(text, edits);
  const again = documentsOf(after, patches.keys());
  const plain = (d: Document.Parsed): unknown => (d.errors.length > 0 ? String(d) : d.toJS());
  const same =
    again.length === docs.length &&
    docs.every((d, i) => isDeepStrictEqual(plain(again[i]!), patches.has(i) ? expected(d.toJS() as Record<string, unknown>, patches.get(i)!) : plain(d)));
  if (!same) throw new EditError({ en: "the edited text does not read back as intended", sv: "den ändrade texten läses inte tillbaka som avsett" });
  return { edits, text: after };
}
