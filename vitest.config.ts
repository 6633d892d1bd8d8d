import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";
import { BaseSequencer, type TestSpecification } from "vitest/node";

/**
 * The files that take longest start first, so that neither worker is left with a long one at
 * the end. Vitest orders by the durations of the last run where it has them (not on a fresh
 * clone, as in CI); these lead either way.
 */
const LONGEST = ["site.test.ts", "report-html.test.ts", "trace.test.ts", "report-cli.test.ts", "site-check.test.ts", "hardening-graph.test.ts", "diff.test.ts"];

class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (f: TestSpecification): number => {
      const i = LONGEST.findIndex((name) => f.moduleId.endsWith(`/${name}`));
      return i < 0 ? LONGEST.length : i;
    };
    return sorted.map((f, i) => [f, i] as const).sort(([a, i], [b, j]) => rank(a) - rank(b) || i - j).map(([f]) => f);
  }
}

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
    sequence: { sequencer: LongestFirst },
    // In CI the counts also go to a file, so .ci/run can close with a plain summary line.
    reporters: process.env.CI ? ["default", "json"] : ["default"],
    outputFile: { json: "test-results.json" },
  },
});
