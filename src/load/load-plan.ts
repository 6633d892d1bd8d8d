// Read a plan from a file source (the disk, or a git revision): plan.yaml first for
// `ignorera`, then every plan file, in path order.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Diagnostic, SourceDoc } from "../model/types.js";
import { PlanIoError } from "./errors.js";
import { listPlanFiles, selectPlanFiles } from "./list-files.js";
import { parsePlanFile, type ParsedFile } from "./parse.js";

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

export function loadFrom(source: FileSource, root: string): LoadedPlan {
  const planBytes = source.read("plan.yaml");
  const planYaml = planBytes ? parsePlanFile("plan.yaml", planBytes) : { docs: [], diagnostics: [] };
  const files = planBytes ? source.list(ignoreGlobs(planYaml)) : [];
  const docs: SourceDoc[] = [];
  const diagnostics: Diagnostic[] = [];
  const shown: string[] = [];
  for (const rel of files) {
    const name = rel.normalize("NFC");
    const bytes = name === "plan.yaml" ? undefined : source.read(rel);
    if (name !== "plan.yaml" && bytes === undefined) continue;
    shown.push(name);
    const parsed = name === "plan.yaml" ? planYaml : parsePlanFile(name, bytes!);
    docs.push(...parsed.docs);
    diagnostics.push(...parsed.diagnostics);
  }
  return { root, files: shown, docs, diagnostics };
}

export function loadPlan(root: string): LoadedPlan {
  const source = diskSource(root);
  if (source.read("plan.yaml") === undefined) throw new PlanIoError("cannot read plan.yaml");
  return loadFrom(source, root);
}
