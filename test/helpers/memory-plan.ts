// Fixture plans checked in-process: the base plan with overlay folders laid on top, held in
// memory (a FileSource over a Map), so a case costs a parse and a check, not a disk copy or a spawn.
import { readFileSync } from "node:fs";
import path from "node:path";
import { checkPlan } from "../../src/check/index.js";
import { loadFrom, memorySource, type FileSource } from "../../src/load/load-plan.js";
import { selectPlanFiles } from "../../src/load/list-files.js";
import type { EntryKind } from "../../src/load/read-file.js";
import type { Diagnostic } from "../../src/diagnostics/index.js";
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

/**
 * What a file tree can hold besides regular files, for the cases a memory map cannot show:
 * entries of another kind (a link, a submodule, a FIFO) and files that cannot be read.
 */
export interface Specials {
  kinds?: Record<string, Exclude<EntryKind, "file">>;
  unreadable?: Record<string, string>;
}

/** A memory source with `specials` laid over it, as the disk and git sources report them. */
function specialSource(files: ReadonlyMap<string, Uint8Array>, specials: Specials): FileSource {
  const plain = memorySource(files);
  const kinds = new Map(Object.entries(specials.kinds ?? {}));
  const unreadable = new Map(Object.entries(specials.unreadable ?? {}));
  const tree = [
    ...[...files.keys()].map((rel) => ({ path: Buffer.from(rel, "utf8"), kind: "file" as EntryKind })),
    ...[...kinds].map(([rel, kind]) => ({ path: Buffer.from(rel, "utf8"), kind: kind as EntryKind })),
  ];
  return {
    ...plain,
    list: (globs) => selectPlanFiles(tree, globs),
    read: (rel) => {
      const kind = kinds.get(rel);
      if (kind !== undefined) return { refused: { kind } };
      const detail = unreadable.get(rel);
      if (detail !== undefined) return { refused: { kind: "unreadable", detail } };
      return plain.read(rel);
    },
  };
}

/** Load and check a plan held in memory; the diagnostics in output order. */
export function checkFiles(files: ReadonlyMap<string, Uint8Array>, specials: Specials = {}): Diagnostic[] {
  const loaded = loadFrom(specialSource(files, specials), "<memory>", { parallel: false });
  return checkPlan(loaded.docs, loaded.diagnostics).diagnostics;
}
