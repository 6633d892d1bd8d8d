// Every format is deterministic: the same files give byte-identical output, whether the
// files were written in another order, and from one run to the next.
import { cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "./helpers/exec.js";
import { runPlan, type PlanRun } from "./helpers/git-repo.js";
import { planInProcess } from "./helpers/in-process.js";
import { cleanup, filesBelow, tempDir } from "./helpers/plan-dir.js";

afterAll(cleanup);

const KATRINEHOLM = path.join(ROOT, "examples/katrineholm");

const COMMANDS: string[][] = [
  ["validate", "--format", "json"],
  ["validate", "--format", "sarif"],
  ["validate", "--format", "gitlab"],
  ["validate", "--format", "junit"],
  ["trace", "--format", "text"],
  ["trace", "--format", "md"],
  ["trace", "--format", "mermaid"],
  ["trace", "--format", "json"],
  ["stats", "--format", "text"],
  ["stats", "--format", "md"],
  ["stats", "--format", "json"],
  ["status", "--format", "json"],
];

type Out = PlanRun;

/** Run thunks with at most `n` at a time. */
async function pool<T>(jobs: (() => Promise<T>)[], n: number): Promise<T[]> {
  const out: T[] = new Array(jobs.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < jobs.length) {
      const i = next++;
      out[i] = await jobs[i]!();
    }
  };
  await Promise.all(Array.from({ length: Math.min(n, jobs.length) }, worker));
  return out;
}


/** A deterministic shuffle (a seeded LCG), so a failure can be reproduced. */
function shuffled<T>(list: T[], seed = 20120418): T[] {
  const a = [...list];
  let s = seed;
  for (let i = a.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    const j = s % (i + 1);
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

describe("determinism on examples/katrineholm", () => {
  let dirA: string;
  let dirB: string;
  const results = new Map<string, { a1: Out; a2: Out; b: Out }>();

  beforeAll(async () => {
    dirA = tempDir("rodtrad-det-a-");
    cpSync(KATRINEHOLM, dirA, { recursive: true });
    // B: the same bytes, folders made and files written in reverse, then shuffled, order.
    dirB = tempDir("rodtrad-det-b-");
    const files = filesBelow(KATRINEHOLM);
    const order = [...shuffled(files.slice(0, Math.ceil(files.length / 2))), ...files.slice(Math.ceil(files.length / 2))].reverse();
    expect(order).not.toEqual(files);
    for (const rel of order) {
      mkdirSync(path.dirname(path.join(dirB, rel)), { recursive: true });
      writeFileSync(path.join(dirB, rel), readFileSync(path.join(KATRINEHOLM, rel)));
    }
    expect(filesBelow(dirB)).toEqual(files);

    // a1 in a fresh process (the built CLI), b and a2 in this one: the copies and the two runs
    // agree whether or not they share a process.
    for (const cmd of COMMANDS) {
      const [verb, ...rest] = cmd;
      const slot = {} as { a1: Out; a2: Out; b: Out };
      results.set(cmd.join(" "), slot);
      slot.b = planInProcess([verb!, "-C", dirB, ...rest]);
      slot.a2 = planInProcess([verb!, "-C", dirA, ...rest]);
    }
    await pool(
      COMMANDS.map((cmd) => async () => {
        const [verb, ...rest] = cmd;
        results.get(cmd.join(" "))!.a1 = await runPlan([verb!, "-C", dirA, ...rest]);
      }),
      2,
    );
  });

  for (const cmd of COMMANDS) {
    const key = cmd.join(" ");
    it(`plan ${key}: byte-identical between the two copies and between two runs`, () => {
      const r = results.get(key)!;
      for (const [name, o] of Object.entries(r)) {
        expect(o.stderr, `stderr of run ${name}`).toBe("");
        expect(o.status, `exit status of run ${name}`).toBe(0);
      }
      expect(r.a1.stdout.length).toBeGreaterThan(100);
      expect(r.b.stdout).toBe(r.a1.stdout);
      expect(r.a2.stdout).toBe(r.a1.stdout);
      // Nothing in the output names where the copy lives.
      expect(r.a1.stdout).not.toContain(dirA);
      expect(r.b.stdout).not.toContain(dirB);
    });
  }
});
