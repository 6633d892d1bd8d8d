// One cause, one finding: a file that could not be read whole makes what it would define
// unknown-because-broken, and a misspelt key takes the findings that follow from it along.
import { diagnostic, type Code, type Diagnostic } from "../diagnostics/index.js";
import { closest } from "../model/similar.js";
import { definedKinds, isData } from "../model/build.js";
import { isDocKind, type Plan } from "../model/plan.js";
import { DOC_KINDS, type DocKind, type EntityKind, type RefTarget } from "../model/types.js";

/** A file whose documents were not read, or not as plan documents, and what they may define. */
interface BrokenFile {
  file: string;
  /** Where the first cause stands: the summary line goes there. */
  line: number;
  column: number;
  /** The kinds of document it may hold; undefined when it could be any. */
  docKinds?: Set<DocKind>;
  /** The kinds of entity those documents define; undefined when any. */
  entityKinds?: ReadonlySet<EntityKind>;
}

/**
 * The broken files of a plan, and what was not checked because of them: counted per kind of
 * reference and per code (a plan may have many broken files and many references; each
 * reference is looked at once), then summed per file for its summary line.
 */
export class Broken {
  private readonly files: BrokenFile[];
  /** Some broken file may hold any kind. */
  private readonly anyKind: boolean;
  private readonly docKinds = new Set<DocKind>();
  private readonly entityKinds = new Set<EntityKind>();
  private readonly references = new Map<string, { allowed: readonly RefTarget[]; n: number }>();
  private readonly findings = new Map<Code, number>();

  constructor(diagnostics: readonly Diagnostic[]) {
    this.files = brokenFiles(diagnostics);
    this.anyKind = this.files.some((b) => !b.entityKinds);
    for (const b of this.files) {
      for (const k of b.docKinds ?? []) this.docKinds.add(k);
      for (const k of b.entityKinds ?? []) this.entityKinds.add(k);
    }
  }

  /** True, and counted, when a broken file could define what a reference expects (anything, for `allowed` empty). */
  unchecked(allowed: readonly RefTarget[]): boolean {
    if (this.files.length === 0 || !(this.anyKind || allowed.length === 0 || allowed.some((a) => this.entityKinds.has(organOf(a))))) return false;
    const key = allowed.join("\n");
    const known = this.references.get(key);
    if (known) known.n++;
    else this.references.set(key, { allowed, n: 1 });
    return true;
  }

  /** Leave out the findings of absence that a broken file may be the reason for; one summary line per broken file. */
  fold(diagnostics: Diagnostic[]): Diagnostic[] {
    if (this.files.length === 0) return diagnostics;
    const out = diagnostics.filter((d) => {
      const needs = ABSENCE.get(d.code);
      if (!needs || !(this.anyKind || needs.some((k) => this.docKinds.has(k)))) return true;
      this.findings.set(d.code, (this.findings.get(d.code) ?? 0) + 1);
      return false;
    });
    for (const b of this.files) {
      let references = 0;
      for (const { allowed, n } of this.references.values()) {
        if (!b.entityKinds || allowed.length === 0 || allowed.some((a) => b.entityKinds!.has(organOf(a)))) references += n;
      }
      let findings = 0;
      for (const [code, n] of this.findings) if (!b.docKinds || ABSENCE.get(code)!.some((k) => b.docKinds!.has(k))) findings += n;
      if (references + findings === 0) continue;
      out.push(diagnostic("unchecked-references", { file: b.file, line: b.line, column: b.column }, { references, findings }));
    }
    return out;
  }
}

/** `organ:nämnd` and the like name the organ kind. */
const organOf = (a: RefTarget): EntityKind => (a.startsWith("organ:") ? "organ" : (a as EntityKind));

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
  "yaml-too-complex",
  "yaml-alias-limit",
  "file-too-large",
  "unreadable-path",
  "not-regular-file",
  "bad-file-name",
  "not-a-mapping",
  "unknown-typ",
]);

/** The files that are broken, in the order of their first cause, each with what it may define. */
function brokenFiles(diagnostics: readonly Diagnostic[]): BrokenFile[] {
  const out = new Map<string, BrokenFile>();
  for (const d of diagnostics) {
    // A yaml-syntax finding without `more` is about one key of a document that was read.
    if (!BREAKING.has(d.code) && !(d.code === "yaml-syntax" && d.args.more !== undefined)) continue;
    let b = out.get(d.file);
    if (!b) {
      // plan.yaml is the kommun document, whatever else is wrong with it.
      b = { file: d.file, line: d.line, column: d.column, docKinds: new Set(d.file === "plan.yaml" ? ["kommun"] : []) };
      out.set(d.file, b);
    } else if (d.line < b.line || (d.line === b.line && d.column < b.column)) {
      b.line = d.line;
      b.column = d.column;
    }
    const kinds = guessKinds(d);
    if (!kinds) delete b.docKinds;
    else if (b.docKinds) for (const k of kinds) b.docKinds.add(k);
  }
  for (const b of out.values()) if (b.docKinds) b.entityKinds = new Set([...b.docKinds].flatMap(definedKinds));
  return [...out.values()];
}

/** Findings that something is missing, and the kinds of document that could have held it. */
const ABSENCE = new Map<Code, readonly DocKind[]>([
  ["year-without-budget", ["budget"]],
  ["year-without-kommunplan", ["kommunplan"]],
  ["resultatmal-without-atagande", ["budget"]],
  ["namnd-without-atagande", ["budget"]],
  ["atagande-without-aktivitet", ["nämndplan", "verksamhetsplan"]],
]);

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
  // Each finding sits in the one bucket a misspelt key can ask for; a bucket is taken whole,
  // once, so a plan with thousands of misspelt keys costs one pass, not one per key.
  const buckets = new Map<string, Diagnostic[]>();
  const put = (key: string, d: Diagnostic): void => {
    const list = buckets.get(key);
    if (list) list.push(d);
    else buckets.set(key, [d]);
  };
  const take = (key: string): Diagnostic[] => {
    const list = buckets.get(key) ?? [];
    buckets.delete(key);
    return list;
  };
  const entityKey = (file: string, id: string, code: string, field = ""): string => `e\u0000${file}\u0000${id}\u0000${code}\u0000${field}`;
  for (const d of diagnostics) {
    if (d.id !== undefined) put(entityKey(d.file, d.id, d.code, d.code === "missing-field" ? d.args.field : ""), d);
    const year = yearArg(d);
    if (year !== undefined) put(`y\u0000${year}\u0000${d.code}`, d);
    if (d.code === "unknown-reference" || d.code === "reference-other-year") put(`r\u0000${d.args.ref}`, d);
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
      ...(u.id !== undefined ? [entityKey(u.file, u.id, "missing-field", meant), ...(SAME_ENTITY.get(meant) ?? []).map((code) => entityKey(u.file, u.id!, code))].flatMap(take) : []),
      ...(year !== undefined ? (SAME_YEAR.get(meant) ?? []).flatMap((code) => take(`y\u0000${year}\u0000${code}`)) : []),
      ...[...(hidden.get(u.file)?.get(u.args.key) ?? [])].flatMap((id) => take(`r\u0000${id}`)),
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
