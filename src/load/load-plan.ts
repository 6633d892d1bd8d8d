// Read a plan from a file source (the disk, or a git revision): plan.yaml first for
// `ignorera`, then every plan file, in path order.
import path from "node:path";
import { diagnostic, type Diagnostic, type Place } from "../diagnostics/index.js";
import type { SourceDoc } from "./source.js";
import { PlanIoError } from "./errors.js";
import { compileGlob, GlobError, type Glob } from "./glob.js";
import { comparePaths, fileDiagnostic, listPlanFiles, refusedEntry, selectPlanFiles, type Listing } from "./list-files.js";
import { locate } from "./locate.js";
import { parseAll, type FileInput, type FileValues } from "./parallel.js";
import { attachPositions, type ParsedFile } from "./parse.js";
import { checkPlanTotals, MAX_PLAN_FILE_BYTES, readRegularFile, refusalLine, type ReadResult, type Refusal } from "./read-file.js";
import type { Bilingual } from "../diagnostics/index.js";

export interface LoadedPlan {
  root: string;
  files: string[];
  docs: SourceDoc[];
  diagnostics: Diagnostic[];
}

/** Where plan files come from: relative paths (forward slashes) and their bytes. */
export interface FileSource {
  /** Every plan file, honouring `ignorera` globs, with what was not read and why. */
  list(globs: readonly Glob[]): Listing;
  /** The bytes of a regular file, a refusal, or undefined when there is no such file. */
  read(rel: string): ReadResult;
  /** Where the files are, for a one-line error: "the working tree" or "revision 1a2b3c4". */
  where: Bilingual;
}

function diskSource(root: string): FileSource {
  // The files the listing has just seen as regular files: their type is not asked again before they are opened.
  let listed: ReadonlySet<string> = new Set();
  return {
    list: (globs) => {
      const listing = listPlanFiles(root, globs);
      listed = new Set(listing.files);
      return listing;
    },
    read: (rel) => readRegularFile(path.join(root, rel), MAX_PLAN_FILE_BYTES, { listed: listed.has(rel) }),
    where: { en: "the working tree", sv: "arbetskatalogen" },
  };
}

/** Files held in memory, each a regular file (in-process checks of fixture plans). */
export function memorySource(files: ReadonlyMap<string, Uint8Array>): FileSource {
  const tree = [...files.keys()].map((rel) => ({ path: Buffer.from(rel, "utf8"), kind: "file" as const }));
  return {
    list: (globs) => selectPlanFiles(tree, globs),
    read: (rel) => {
      const bytes = files.get(rel);
      if (bytes === undefined) return undefined;
      if (bytes.length > MAX_PLAN_FILE_BYTES) return { refused: { kind: "too-large", size: bytes.length, max: MAX_PLAN_FILE_BYTES } };
      return { bytes };
    },
    where: { en: "memory", sv: "minnet" },
  };
}

/** A refused plan file as a diagnostic at its line 1, column 1. */
function refusalDiagnostic(rel: string, r: Refusal): Diagnostic {
  if (r.kind === "too-large") return fileDiagnostic(rel, "file-too-large", { size: r.size, max: r.max });
  if (r.kind === "unreadable") return fileDiagnostic(rel, "unreadable-path", { detail: r.detail });
  return refusedEntry(rel, r.kind);
}

interface IgnoreList {
  globs: Glob[];
  diagnostics: Diagnostic[];
  /** Where `ignorera:` is, for a diagnostic about the list as a whole (asked only then: it costs a parse for positions). */
  at: () => { line: number; column: number };
}

/** The `ignorera` globs of plan.yaml's kommun document, compiled, with what is wrong with them. */
function ignoreList(parsed: ParsedFile): IgnoreList {
  const doc = parsed.docs[0];
  const v = doc?.value as Record<string, unknown> | undefined;
  const ignorera = v && typeof v === "object" && !Array.isArray(v) ? v.ignorera : undefined;
  const out: IgnoreList = { globs: [], diagnostics: [], at: () => ({ line: 1, column: 1 }) };
  if (!doc || !Array.isArray(ignorera)) return out;
  out.at = () => locate({ doc, obj: v!, key: "ignorera", part: "key" });
  const globAt = (i: number): Place => ({ file: "plan.yaml", ...locate({ doc, obj: ignorera, key: i }) });
  ignorera.forEach((g, i) => {
    if (typeof g !== "string") return;
    let glob: Glob;
    try {
      glob = compileGlob(g);
    } catch (e) {
      if (!(e instanceof GlobError)) throw e;
      out.diagnostics.push(diagnostic("ignore-bad-glob", globAt(i), { glob: g, detail: e.message }));
      return;
    }
    if (glob.matches("plan.yaml")) out.diagnostics.push(diagnostic("ignore-plan-yaml", globAt(i), { glob: g }));
    out.globs.push(glob);
  });
  return out;
}

/** Not push(...items): one hostile file can hold more documents or findings than a call has arguments. */
function append<T>(target: T[], items: readonly T[]): void {
  for (const x of items) target.push(x);
}

export interface LoadOptions {
  parallel?: boolean;
  /**
   * Parsed files by path and content, shared between loads: two revisions of a plan mostly
   * hold the same files, and those are parsed once (the values are never changed after parsing).
   * With `--cache` a ParseCache, read from and saved to disk (cache.ts); else a RunParses.
   */
  cache?: ParsedFiles;
  /**
   * When given, gets the bytes of every plan file read, by its path as the source lists it:
   * `plan diff` against the working tree reads the files once, for the working tree and for
   * the base revision's files the working tree holds unchanged.
   */
  read?: Map<string, Uint8Array>;
}

/** What parsing a file gave, kept for the next load that reads the same path with the same bytes. */
export interface ParsedFiles {
  lookup(name: string, bytes: Uint8Array): FileValues | undefined;
  store(name: string, bytes: Uint8Array, parsed: FileValues): void;
}

/**
 * Parsed files kept for one run only (a diff's two revisions): by path, each with the bytes it
 * was parsed from, found again by comparing bytes, so nothing is hashed. Two revisions' blobs
 * of the same id are the very same buffer; a file of the working tree is compared byte by byte.
 */
export class RunParses implements ParsedFiles {
  private readonly byName = new Map<string, { bytes: Uint8Array; parsed: FileValues }[]>();

  lookup(name: string, bytes: Uint8Array): FileValues | undefined {
    for (const e of this.byName.get(name) ?? []) if (e.bytes === bytes || Buffer.compare(e.bytes, bytes) === 0) return e.parsed;
    return undefined;
  }

  store(name: string, bytes: Uint8Array, parsed: FileValues): void {
    const list = this.byName.get(name);
    if (list) list.push({ bytes, parsed });
    else this.byName.set(name, [{ bytes, parsed }]);
  }
}

/** Parsed values for every file, in the order given: from `opts.cache` where it holds them, the rest parsed (and added to it). */
function parseCached(files: readonly FileInput[], opts: LoadOptions): FileValues[] {
  const cache = opts.cache;
  if (!cache) return parseAll(files, opts);
  const known = files.map((f) => cache.lookup(f.name, f.bytes));
  const parsed = new Map(parseAll(files.filter((_, i) => known[i] === undefined), opts).map((r) => [r.name, r]));
  return files.map((f, i) => {
    const old = known[i];
    if (old) return old;
    const r = parsed.get(f.name)!;
    cache.store(f.name, f.bytes, r);
    return r;
  });
}

export function loadFrom(source: FileSource, root: string, opts: LoadOptions = {}): LoadedPlan {
  const plan = source.read("plan.yaml");
  // Without plan.yaml nothing else can be read rightly (not even ignorera): stop with one line.
  if (plan !== undefined && "refused" in plan) throw new PlanIoError(refusalLine({ en: `plan.yaml in ${source.where.en}`, sv: `plan.yaml i ${source.where.sv}` }, plan.refused));
  const planBytes = plan?.bytes;
  if (planBytes) opts.read?.set("plan.yaml", planBytes);
  const planValues = planBytes ? parseCached([{ name: "plan.yaml", bytes: planBytes }], { ...opts, parallel: false })[0]! : { values: [], diagnostics: [] };
  const planYaml: ParsedFile = { docs: planBytes ? attachPositions("plan.yaml", planBytes, planValues.values) : [], diagnostics: planValues.diagnostics };
  const diagnostics: Diagnostic[] = [];
  const inputs: FileInput[] = [];
  if (planBytes) {
    const ignore = ignoreList(planYaml);
    const listing = source.list(ignore.globs);
    append(diagnostics, ignore.diagnostics);
    append(diagnostics, listing.diagnostics);
    const others = listing.files.filter((rel) => rel !== "plan.yaml");
    if (others.length === 0 && listing.ignored > 0) {
      diagnostics.push(diagnostic("ignore-everything", { file: "plan.yaml", ...ignore.at() }, { ignored: listing.ignored }));
    }
    checkPlanTotals(others.length + 1, 0);
    let total = planBytes.length;
    for (const rel of [...others, "plan.yaml"].sort(comparePaths)) {
      const name = rel.normalize("NFC");
      if (name === "plan.yaml") {
        inputs.push({ name, bytes: planBytes });
        continue;
      }
      const r = source.read(rel);
      if (r === undefined) diagnostics.push(fileDiagnostic(rel, "unreadable-path", { detail: "ENOENT" }));
      else if ("refused" in r) diagnostics.push(refusalDiagnostic(rel, r.refused));
      else {
        total += r.bytes.length;
        checkPlanTotals(inputs.length + 1, total);
        opts.read?.set(rel, r.bytes);
        inputs.push({ name, bytes: r.bytes });
      }
    }
  }
  const parsed = new Map(parseCached(inputs.filter((f) => f.name !== "plan.yaml"), opts).map((r) => [r.name, r]));
  const docs: SourceDoc[] = [];
  for (const { name, bytes } of inputs) {
    if (name === "plan.yaml") {
      append(docs, planYaml.docs);
      append(diagnostics, planYaml.diagnostics);
      continue;
    }
    const r = parsed.get(name)!;
    append(docs, attachPositions(name, bytes, r.values));
    append(diagnostics, r.diagnostics);
  }
  return { root, files: inputs.map((f) => f.name), docs, diagnostics };
}

export function loadPlan(root: string, opts: LoadOptions = {}): LoadedPlan {
  const source = diskSource(root);
  // Read once here for the error, once in loadFrom: plan.yaml is small and the page cache has it.
  if (source.read("plan.yaml") === undefined) throw new PlanIoError({ en: "cannot read plan.yaml", sv: "kan inte läsa plan.yaml" });
  return loadFrom(source, root, opts);
}
