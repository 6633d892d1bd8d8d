import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    setupFiles: ["test/setup/fast-check.ts"],
    testTimeout: 60_000,
    // The language follows the locale (src/cli/lang.ts): the tests run in a neutral one, whatever
    // the developer's, and a test that wants Swedish from the locale sets it itself.
    env: { LANG: "C", LC_ALL: "", LC_MESSAGES: "" },
    hookTimeout: 120_000,
    // Vitest's default is one file at a time on two cores (cores - 1). The files wait much of
    // their time on a browser, git or a spawned CLI, and vitest's own process is idle: two at a
    // time on two cores measured 81 s → 75 s on a subset on a loaded machine.
    maxWorkers: Math.max(2, availableParallelism()),
    // A worker process runs file after file instead of a new process per file: measured on an
    // idle 2-core machine, the whole suite took 125 s isolated and 92 s not. The files do not
    // share state: each in-process command restores stdout and env (helpers/in-process.ts),
    // and every test passes in either mode.
    isolate: false,
    // In CI the counts also go to a file, so .ci/run can close with a plain summary line.
    reporters: process.env.CI ? ["default", "json"] : ["default"],
    outputFile: { json: "test-results.json" },
  },
});
