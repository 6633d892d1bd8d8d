// Read a plan root from disk: plan.yaml first (for `ignorera`), then every plan file.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Diagnostic, SourceDoc } from "../model/types.js";
import { PlanIoError } from "./errors.js";
import { listPlanFiles } from "./list-files.js";
import { parsePlanFile, type ParsedFile } from "./parse.js";

export interface LoadedPlan {
  root: string;
  files: string[];
  docs: SourceDoc[];
  diagnostics: Diagnostic[];
}

function readBytes(root: string, rel: string): Uint8Array {
  try {
    return readFileSync(path.join(root, rel));
  } catch (e) {
    throw new PlanIoError(`cannot read ${rel}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

/** The `ignorera` globs of plan.yaml's kommun document, if it can be read. */
function ignoreGlobs(parsed: ParsedFile): string[] {
  const v = parsed.docs[0]?.value as Record<string, unknown> | undefined;
  const ignorera = v && typeof v === "object" ? v.ignorera : undefined;
  return Array.isArray(ignorera) ? ignorera.filter((g): g is string => typeof g === "string") : [];
}

export function loadPlan(root: string): LoadedPlan {
  const planYaml = parsePlanFile("plan.yaml", readBytes(root, "plan.yaml"));
  const files = listPlanFiles(root, ignoreGlobs(planYaml));
  const docs: SourceDoc[] = [];
  const diagnostics: Diagnostic[] = [];
  const shown: string[] = [];
  for (const rel of files) {
    const name = rel.normalize("NFC");
    shown.push(name);
    const parsed = name === "plan.yaml" ? planYaml : parsePlanFile(name, readBytes(root, rel));
    docs.push(...parsed.docs);
    diagnostics.push(...parsed.diagnostics);
  }
  return { root, files: shown, docs, diagnostics };
}
