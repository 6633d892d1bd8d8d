// Fixture plans checked in-process: the base plan with overlay folders laid on top, held in
// memory (a FileSource over a Map), so a case costs a parse and a check, not a disk copy or a spawn.
import { readFileSync } from "node:fs";
import path from "node:path";
import { checkPlan } from "../../src/check/index.js";
import { loadFrom, memorySource } from "../../src/load/load-plan.js";
import type { Diagnostic } from "../../src/model/types.js";
import { BASE, FIXTURES, filesBelow } from "./plan-dir.js";

/** Every file below `dir` by relative path (forward slashes), as bytes. */
function readTree(dir: string): Map<string, Uint8Array> {
  return new Map(filesBelow(dir).map((rel) => [rel, readFileSync(path.join(dir, rel))]));
}

let base: Map<string, Uint8Array> | undefined;

/**
 * The files of the base plan with each overlay's files on top (replacing or adding). Overlays
 * are folders relative to test/fixtures ("defects/orphan", "rules/kpi-missing"); `extra` adds
 * files made in the test.
 */
export function overlayFiles(overlays: readonly string[], extra: Record<string, string | Uint8Array> = {}): Map<string, Uint8Array> {
  base ??= readTree(BASE);
  const files = new Map(base);
  for (const o of overlays) for (const [rel, bytes] of readTree(path.join(FIXTURES, o))) files.set(rel, bytes);
  for (const [rel, content] of Object.entries(extra)) files.set(rel, typeof content === "string" ? Buffer.from(content, "utf8") : content);
  return files;
}

/** Load and check a plan held in memory; the diagnostics in output order. */
export function checkFiles(files: ReadonlyMap<string, Uint8Array>): Diagnostic[] {
  const loaded = loadFrom(memorySource(files), "<memory>", { parallel: false });
  return checkPlan(loaded.docs, loaded.diagnostics).diagnostics;
}

/** The base plan with `overlays` on top, checked. */
export const checkOverlay = (...overlays: string[]): Diagnostic[] => checkFiles(overlayFiles(overlays));
