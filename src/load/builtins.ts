// Node's own modules that only some runs need, loaded when first used: crypto for the cache and
// git's blob ids, child_process for git, v8 for the cache, worker_threads and os for big plans.
// A bundle's static import loads each of them (and crypto all of itself) at every start, which
// a validate without --cache needs none of.
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

export const childProcess = (): typeof import("node:child_process") => require("node:child_process") as typeof import("node:child_process");
export const crypto = (): typeof import("node:crypto") => require("node:crypto") as typeof import("node:crypto");
export const v8 = (): typeof import("node:v8") => require("node:v8") as typeof import("node:v8");
export const workerThreads = (): typeof import("node:worker_threads") => require("node:worker_threads") as typeof import("node:worker_threads");
export const os = (): typeof import("node:os") => require("node:os") as typeof import("node:os");
