// One cause, one finding: a file that could not be read whole makes what it would define
// unknown-because-broken, and a misspelt key takes the findings that follow from it along.
import { diagnostic, type Code, type Diagnostic } from "../diagnostics/index.js";
import { closest } from "../model/similar.js";
import { definedKinds, isData } from "../model/build.js";
import { isDocKind, type Plan } from "../model/plan.js";
import { DOC_KINDS, type DocKind, type EntityKind, type RefTarget } from "../model/types.js";

/** A file whose documents were not read, or not as plan documents, and what they may define. */
export interface BrokenFile {
  file: string;
  /** Where the first cause stands: the summary line goes there. */
  line: number;
  column: number;
  /** The kinds of document it may hold; undefined when it could be any. */
  docKinds?: Set<DocKind>;
  /** References into it that were not checked, and findings that depend on it left out. */
  references: number;
  findings: number;
}

/** The kind a misspelt or unknown `typ` most likely meant, if any is near. */
export const nearestKind = (typ: string): DocKind | undefined => closest(typ, DOC_KINDS, 1)[0] as DocKind | undefined;

/** The kinds a broken document may be, from what the finding knows of its `typ`. */
function guessKinds(d: Diagnostic): DocKind[] | undefined {
  const typ = d.code === "yaml-syntax" ? d.args.typ : d.code === "unknown-typ" ? d.args.value : undefined;
  if (typ === undefined || typ === "") return undefined;
  if (isDocKind(typ)) return [typ];
  const near = nearestKind(typ);
  return near ? [near] : undefined;
}

/** Findings that say a document's content is missing or unusable as a whole. */
const BREAKING: ReadonlySet<Code> = new Set<Code>([
  "not-utf8",
  "yaml-too-deep",
  "yaml-alias-limit",
  "file-too-large",
  "unreadable-path",
  "not-regular-file",
  "bad-file-name",
  "not-a-mapping",
  "unknown-typ",
]);

/** Files of the plan that are broken, in the order of their first cause. */
export function brokenFiles(diagnostics: readonly Diagnostic[]): Map<string, BrokenFile> {
  const out = new Map<string, BrokenFile>();
  for (const d of diagnostics) {
    // A yaml-syntax finding without `more` is about one key of a document that was read.
    if (!BREAKING.has(d.code) && !(d.code === "yaml-syntax" && d.args.more !== undefined)) continue;
    let b = out.get(d.file);
    if (!b) {
      // plan.yaml is the kommun document, whatever else is wrong with it.
      b = { file: d.file, line: d.line, column: d.column, docKinds: new Set(d.file === "plan.yaml" ? ["kommun"] : []), references: 0, findings: 0 };
      out.set(d.file, b);
    } else if (d.line < b.line || (d.line === b.line && d.column < b.column)) {
      b.line = d.line;
      b.column = d.column;
    }
    const kinds = guessKinds(d);
    if (!kinds) delete b.docKinds;
    else if (b.docKinds) for (const k of kinds) b.docKinds.add(k);
  }
  return out;
}

const entityKindsOf = (b: BrokenFile): ReadonlySet<EntityKind> | undefined => (b.docKinds ? new Set([...b.docKinds].flatMap(definedKinds)) : undefined);

/**
 * The broken files that could define what a reference expects (any kind, for `allowed` empty),
 * each counted. An unknown reference into one of them is not reported.
 */
export function couldDefine(broken: ReadonlyMap<string, BrokenFile>, allowed: readonly RefTarget[]): boolean {
  let any = false;
  for (const b of broken.values()) {
    const kinds = entityKindsOf(b);
    const hit = !kinds || allowed.length === 0 || allowed.some((a) => kinds.has(a.replace(/^organ:.*/u, "organ") as EntityKind));
    if (hit) {
      b.references++;
      any = true;
    }
  }
  return any;
}

/** Findings that something is missing, and the kinds of document that could have held it. */
const ABSENCE = new Map<Code, readonly DocKind[]>([
  ["year-without-budget", ["budget"]],
  ["year-without-kommunplan", ["kommunplan"]],
  ["resultatmal-without-atagande", ["budget"]],
  ["namnd-without-atagande", ["budget", "kommun"]],
  ["atagande-without-aktivitet", ["nämndplan", "verksamhetsplan"]],
]);

/** Leave out the findings of absence that a broken file may be the reason for; one summary per broken file. */
export function foldBroken(diagnostics: Diagnostic[], broken: ReadonlyMap<string, BrokenFile>): Diagnostic[] {
  if (broken.size === 0) return diagnostics;
  const out = diagnostics.filter((d) => {
    const needs = ABSENCE.get(d.code);
    if (!needs) return true;
    let dropped = false;
    for (const b of broken.values()) {
      if (!b.docKinds || needs.some((k) => b.docKinds!.has(k))) {
        b.findings++;
        dropped = true;
      }
    }
    return !dropped;
  });
  for (const b of broken.values()) {
    if (b.references + b.findings === 0) continue;
    out.push(diagnostic("unchecked-references", { file: b.file, line: b.line, column: b.column }, { references: b.references, findings: b.findings }));
  }
  return out;
}

/** Per misspelt key (by the key it most likely meant): findings about the same entity that follow from it. */
const SAME_ENTITY = new Map<string, readonly Code[]>([
  ["målvärden", ["target-missing"]],
  ["nyckeltal", ["kpi-missing", "target-missing"]],
  ["bidrar_till", ["orphan"]],
  ["resultatmål", ["orphan"]],
  ["målområde", ["orphan"]],
]);
/** Per misspelt key: coverage findings of the same year that follow from it. */
const SAME_YEAR = new Map<string, readonly Code[]>([
  ["bidrar_till", ["atagande-without-aktivitet"]],
  ["aktiviteter", ["atagande-without-aktivitet"]],
  ["verksamhetsmål", ["atagande-without-aktivitet"]],
  ["produktionsmål", ["atagande-without-aktivitet"]],
  ["åtaganden", ["resultatmal-without-atagande", "namnd-without-atagande"]],
  ["resultatmål", ["resultatmal-without-atagande"]],
  ["nämnder", ["namnd-without-atagande"]],
]);

const yearArg = (d: Diagnostic): number | undefined => ("year" in d.args && typeof d.args.year === "number" ? d.args.year : undefined);

/** The IDs of the mappings under the given keys anywhere in a file's documents: what a misspelt key hid. */
function idsUnderKeys(plan: Plan, file: string, keys: ReadonlySet<string>): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const stack: unknown[] = plan.docs.filter((t) => t.doc.file === file).map((t) => t.data);
  const seen = new Set<unknown>();
  while (stack.length > 0) {
    const v = stack.pop();
    if (v === null || typeof v !== "object" || seen.has(v)) continue;
    seen.add(v);
    if (Array.isArray(v)) {
      for (const x of v) stack.push(x);
      continue;
    }
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
      stack.push(x);
      if (!keys.has(k)) continue;
      let ids = out.get(k);
      if (!ids) out.set(k, (ids = new Set()));
      for (const item of Array.isArray(x) ? x : [x]) {
        const id = isData(item) ? item.id : undefined;
        if (typeof id === "string") ids.add(id);
      }
    }
  }
  return out;
}

/**
 * Fold the findings that follow from a misspelt key into its unknown-key finding (which says
 * how many): the required key it stands for, findings about the same entity or the same year
 * that the key would have prevented, and references to IDs defined under it.
 */
export function foldMisspelt(diagnostics: Diagnostic[], plan: Plan): Diagnostic[] {
  const misspelt = diagnostics.filter((d): d is Extract<Diagnostic, { code: "unknown-key" }> => d.code === "unknown-key" && d.args.suggestion !== undefined);
  if (misspelt.length === 0) return diagnostics;
  const byEntity = new Map<string, Diagnostic[]>();
  const byYear = new Map<number, Diagnostic[]>();
  const byRef = new Map<string, Diagnostic[]>();
  const push = <K>(map: Map<K, Diagnostic[]>, key: K, d: Diagnostic): void => {
    const list = map.get(key);
    if (list) list.push(d);
    else map.set(key, [d]);
  };
  for (const d of diagnostics) {
    if (d.id !== undefined) push(byEntity, `${d.file}\u0000${d.id}`, d);
    const year = yearArg(d);
    if (year !== undefined) push(byYear, year, d);
    if (d.code === "unknown-reference" || d.code === "reference-other-year") push(byRef, d.args.ref, d);
  }
  const keysByFile = new Map<string, Set<string>>();
  for (const u of misspelt) {
    const keys = keysByFile.get(u.file);
    if (keys) keys.add(u.args.key);
    else keysByFile.set(u.file, new Set([u.args.key]));
  }
  const hidden = new Map([...keysByFile].map(([file, keys]) => [file, idsUnderKeys(plan, file, keys)]));
  const yearOfFile = new Map<string, number>();
  for (const t of plan.docs) if (t.year !== undefined && !yearOfFile.has(t.doc.file)) yearOfFile.set(t.doc.file, t.year);

  const folded = new Set<Diagnostic>();
  const counts = new Map<Diagnostic, number>();
  for (const u of misspelt) {
    const meant = u.args.suggestion!;
    const year = yearOfFile.get(u.file);
    const candidates = [
      ...(u.id !== undefined ? (byEntity.get(`${u.file}\u0000${u.id}`) ?? []).filter((c) => (c.code === "missing-field" && c.args.field === meant) || (SAME_ENTITY.get(meant)?.includes(c.code) ?? false)) : []),
      ...(year !== undefined ? (byYear.get(year) ?? []).filter((c) => SAME_YEAR.get(meant)?.includes(c.code) ?? false) : []),
      ...[...(hidden.get(u.file)?.get(u.args.key) ?? [])].flatMap((id) => byRef.get(id) ?? []),
    ];
    let n = 0;
    for (const c of candidates) {
      if (c === u || folded.has(c)) continue;
      folded.add(c);
      n++;
    }
    if (n > 0) counts.set(u, n);
  }
  if (folded.size === 0) return diagnostics;
  return diagnostics
    .filter((d) => !folded.has(d))
    .map((d) => (d.code === "unknown-key" && counts.has(d) ? { ...d, args: { ...d.args, folded: counts.get(d)! } } : d));
}
