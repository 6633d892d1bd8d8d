// Plans of hostile size and shape (test/bench/hostile-plans.mjs), held in memory: each shape
// makes one path of the tool do work per pair of things (organs × documents, rows × rows…) if it
// is written naively. The size tests load one at a size where a quadratic path takes many
// seconds and a linear one a blink.
import { checkPlan } from "../../src/check/index.js";
import { loadFrom, memorySource } from "../../src/load/load-plan.js";

export { hostileFiles } from "../bench/hostile-plans.mjs";

/** Load and check a plan held in memory (one thread): the plan and its diagnostics. */
export function loadHostile(files: ReadonlyMap<string, string>): ReturnType<typeof checkPlan> {
  const bytes = new Map([...files].map(([rel, text]) => [rel, Buffer.from(text, "utf8")] as const));
  const loaded = loadFrom(memorySource(bytes), "<memory>", { parallel: false });
  return checkPlan(loaded.docs, loaded.diagnostics);
}

/** Seconds `f` takes, and what it returns. */
export function timed<T>(f: () => T): { s: number; value: T } {
  const start = process.hrtime.bigint();
  const value = f();
  return { s: Number(process.hrtime.bigint() - start) / 1e9, value };
}

