// Read a plan from a file source (the disk, or a git revision): plan.yaml first for
// `ignorera`, then every plan file, in path order.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Diagnostic, SourceDoc } from "../model/types.js";
import { PlanIoError } from "./errors.js";
import { listPlanFiles, selectPlanFiles } from "./list-files.js";
import { parseAll, type FileInput } from "./parallel.js";
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

export function loadFrom(source: FileSource, root: string, opts: { parallel?: boolean } = {}): LoadedPlan {
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
  const parsed = new Map(parseAll(rest, opts).map((r) => [r.name, r]));
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

export function loadPlan(root: string, opts: { parallel?: boolean } = {}): LoadedPlan {
  const source = diskSource(root);
  if (source.read("plan.yaml") === undefined) throw new PlanIoError("cannot read plan.yaml");
  return loadFrom(source, root, opts);
}
