// Read a plan from a file source (the disk, or a git revision): plan.yaml first for
// `ignorera`, then every plan file, in path order.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Diagnostic, SourceDoc } from "../model/types.js";
import { PlanIoError } from "./errors.js";
import { listPlanFiles, selectPlanFiles } from "./list-files.js";
import { createHash } from "node:crypto";
import { parseAll, type FileInput, type FileValues } from "./parallel.js";
import { attachPositions, parsePlanFile, type ParsedFile } from "./parse.js";

export interface LoadedPlan {
  root: string;
  files: string[];
  docs: SourceDoc[];
  diagnostics: Diagnostic[];
}

/** Where plan files come from: relative paths (forward slashes) and their bytes. */
export interface FileSource {
  /** Every plan file candidate, honouring `ignore` globs; sorted is not required. */
  list(ignore: readonly string[]): string[];
  /** The bytes of a file, or undefined when it does not exist. */
  read(rel: string): Uint8Array | undefined;
}

export function diskSource(root: string): FileSource {
  return {
    list: (ignore) => listPlanFiles(root, ignore),
    read: (rel) => {
      try {
        return readFileSync(path.join(root, rel));
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === "ENOENT") return undefined;
        throw new PlanIoError(`cannot read ${rel}: ${code ?? (e as Error).message}`);
      }
    },
  };
}

/** A source over a fixed set of files (a git revision's blobs). */
export function memorySource(files: ReadonlyMap<string, Uint8Array>): FileSource {
  return {
    list: (ignore) => selectPlanFiles([...files.keys()], ignore),
    read: (rel) => files.get(rel),
  };
}

/** The `ignorera` globs of plan.yaml's kommun document, if it can be read. */
function ignoreGlobs(parsed: ParsedFile): string[] {
  const v = parsed.docs[0]?.value as Record<string, unknown> | undefined;
  const ignorera = v && typeof v === "object" ? v.ignorera : undefined;
  return Array.isArray(ignorera) ? ignorera.filter((g): g is string => typeof g === "string") : [];
}

export interface LoadOptions {
  parallel?: boolean;
  /**
   * Parsed files by path and content, shared between loads: two revisions of a plan mostly
   * hold the same files, and those are parsed once (the values are never changed after parsing).
   */
  cache?: Map<string, FileValues>;
}

const cacheKey = (name: string, bytes: Uint8Array): string => `${name}\u0000${createHash("sha1").update(bytes).digest("hex")}`;

export function loadFrom(source: FileSource, root: string, opts: LoadOptions = {}): LoadedPlan {
  const planBytes = source.read("plan.yaml");
  const planYaml = planBytes ? parsePlanFile("plan.yaml", planBytes) : { docs: [], diagnostics: [] };
  const files = planBytes ? source.list(ignoreGlobs(planYaml)) : [];
  const inputs: FileInput[] = [];
  for (const rel of files) {
    const name = rel.normalize("NFC");
    if (name === "plan.yaml") {
      inputs.push({ name, bytes: planBytes! });
      continue;
    }
    const bytes = source.read(rel);
    if (bytes !== undefined) inputs.push({ name, bytes });
  }
  const rest = inputs.filter((f) => f.name !== "plan.yaml");
  const keys = new Map(opts.cache ? rest.map((f) => [f.name, cacheKey(f.name, f.bytes)]) : []);
  const todo = opts.cache ? rest.filter((f) => !opts.cache!.has(keys.get(f.name)!)) : rest;
  const parsed = new Map(parseAll(todo, opts).map((r) => [r.name, r]));
  if (opts.cache) {
    for (const r of parsed.values()) opts.cache.set(keys.get(r.name)!, r);
    for (const f of rest) if (!parsed.has(f.name)) parsed.set(f.name, opts.cache.get(keys.get(f.name)!)!);
  }
  const docs: SourceDoc[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const { name, bytes } of inputs) {
    if (name === "plan.yaml") {
      docs.push(...planYaml.docs);
      diagnostics.push(...planYaml.diagnostics);
      continue;
    }
    const r = parsed.get(name)!;
    docs.push(...attachPositions(name, bytes, r.values));
    diagnostics.push(...r.diagnostics);
  }
  return { root, files: inputs.map((f) => f.name), docs, diagnostics };
}

export function loadPlan(root: string, opts: LoadOptions = {}): LoadedPlan {
  const source = diskSource(root);
  if (source.read("plan.yaml") === undefined) throw new PlanIoError("cannot read plan.yaml");
  return loadFrom(source, root, opts);
}
