// Temp copies of fixture plans, and `plan validate --format json` parsed.
import { cpSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { plan, type Run } from "./exec.js";

export const FIXTURES = fileURLToPath(new URL("../fixtures/", import.meta.url));
export const BASE = path.join(FIXTURES, "base");

interface JsonDiagnostic {
  code: string;
  severity: "error" | "warning";
  message: string;
  file: string;
  line: number;
  column: number;
  id?: string;
}

export interface JsonOutput {
  diagnostics: JsonDiagnostic[];
  summary: { errors: number; warnings: number; files: number };
}

const made: string[] = [];

export function tempDir(prefix = "rodtrad-"): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** A fresh copy of the base plan with `overlays` (fixture folders under defects/ or absolute paths) copied on top. */
export function planCopy(...overlays: string[]): string {
  const dir = tempDir();
  cpSync(BASE, dir, { recursive: true });
  for (const o of overlays) cpSync(path.isAbsolute(o) ? o : path.join(FIXTURES, "defects", o), dir, { recursive: true });
  return dir;
}

/** Remove every temp dir made so far (call from afterAll). */
export function cleanup(): void {
  for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
}

export function validateJson(dir: string, extra: string[] = [], opts: { cwd?: string } = {}): { run: Run; out: JsonOutput } {
  const run = plan(["validate", "-C", dir, "--format", "json", ...extra], opts);
  let out: JsonOutput;
  try {
    out = JSON.parse(run.stdout) as JsonOutput;
  } catch {
    throw new Error(`not JSON (status ${run.status}):\n${run.stdout}\n${run.stderr}`);
  }
  return { run, out };
}

export const codesOf = (out: JsonOutput): string[] => out.diagnostics.map((d) => d.code).sort();

/** Every file below `dir`, relative, with forward slashes, sorted. */
export function filesBelow(dir: string, rel = ""): string[] {
  const out: string[] = [];
  for (const name of readdirSync(path.join(dir, rel))) {
    const r = rel === "" ? name : `${rel}/${name}`;
    if (statSync(path.join(dir, r)).isDirectory()) out.push(...filesBelow(dir, r));
    else out.push(r);
  }
  return out.sort();
}
