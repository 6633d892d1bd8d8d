// Issue 8, classes 4 and 5: hostile goal-graph shapes cost bounded work and no deep recursion.
// The plans are generated into temp folders (test/helpers/hostile-graph.ts).
import { beforeAll, describe, expect, it } from "vitest";
import { loadPlan } from "../src/load/load-plan.js";
import { checkPlan } from "../src/check/index.js";
import { locate } from "../src/load/locate.js";
import { chainsUp, findEntity, MAX_CHAINS, sharedTree, TREE_DEPTH, tree, visionOf } from "../src/model/thread.js";
import { closest, SUGGESTION_CELLS, Suggester } from "../src/model/similar.js";
import { parsePlanFile } from "../src/load/parse.js";
import { planStats } from "../src/model/stats.js";
import { findGaps } from "../src/check/coverage.js";
import { traceJson, traceMarkdown, traceMermaid, traceText } from "../src/format/trace.js";
import type { Plan } from "../src/model/plan.js";
import type { SourceDoc } from "../src/load/source.js";
import { spawn } from "node:child_process";
import { periodFor } from "../src/report/period.js";
import { templateDirs } from "../src/report/render.js";
import { renderReport } from "../src/report/report.js";
import { computeStatus } from "../src/status/engine.js";
import { BIN, type Run } from "./helpers/exec.js";
import { planInProcess } from "./helpers/in-process.js";
import { tempDir } from "./helpers/plan-dir.js";
import { chainId, ladderId, writeChainPlan, writeLadderPlan } from "./helpers/hostile-graph.js";

const YEAR = 2026;
const LEVELS = 60;
const DEPTH = 100_000;
// Loading 100,000 entities takes seconds on a busy machine; the guard is for a hang.
const SLOW = { timeout: 120_000 };

/**
 * The CLI as a user runs it, started now and awaited later, so that it loads its plan while
 * this process loads its own; outputs here are megabytes. Never rejects: a failure to start
 * shows as status null and the error on stderr.
 */
function startPlan(args: string[], o: { timeout: number }): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, NO_COLOR: "1" }, stdio: ["ignore", "pipe", "pipe"] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (b: Buffer) => out.push(b));
    child.stderr.on("data", (b: Buffer) => err.push(b));
    const timer = setTimeout(() => child.kill("SIGKILL"), o.timeout);
    child.on("error", (e) => err.push(Buffer.from(String(e))));
    child.on("close", (status) => {
      clearTimeout(timer);
      resolve({ status, stdout: Buffer.concat(out).toString("utf8"), stderr: Buffer.concat(err).toString("utf8") });
    });
  });
}

function open(dir: string): { plan: Plan; codes: string[] } {
  // One thread: the parse worker is part of the build (test/parallel.test.ts tests it there).
  const loaded = loadPlan(dir, { parallel: false });
  const { plan, diagnostics } = checkPlan(loaded.docs, loaded.diagnostics);
  return { plan, codes: diagnostics.map((d) => d.code) };
}

describe("a goal graph where every level has two parents (2^60 paths)", () => {
  let dir: string;
  let plan: Plan;
  beforeAll(() => {
    dir = tempDir("rodtrad-ladder-");
    writeLadderPlan(dir, LEVELS);
    plan = open(dir).plan;
  });

  it("chains up: the first 100 are listed and all 2^60 are counted (past 2^53)", () => {
    const ak = findEntity(plan, "AK1", YEAR)!;
    const up = chainsUp(ak);
    expect(up.chains).toHaveLength(MAX_CHAINS);
    expect(up.total).toBe(2n ** BigInt(LEVELS));
    expect(up.chains[0]!.map((e) => e.id)).toEqual(["AK1", ...Array.from({ length: LEVELS }, (_, i) => ladderId(LEVELS - 1 - i, "a")), "A1", "R1", "M", "V"]);
  });

  it("the tree below the vision stops at its row limit and counts the rows it left out (more than 2^53 is fine)", () => {
    const t = tree(plan, visionOf(plan, YEAR)!, YEAR);
    expect(t.cut).toBe(true);
    expect(t.shown).toBe(t.maxRows);
    // V, M, R1, A1; 2^(l+1) rows on level l; AK1 under each of the 2^30 last-level rows.
    expect(t.total).toBe(4n + (2n ** BigInt(LEVELS + 1) - 2n) + 2n ** BigInt(LEVELS));
  });

  it("every format says what was left out, in English and in Swedish", () => {
    const ak = findEntity(plan, "AK1", YEAR)!;
    const view = { focus: ak, year: YEAR, up: chainsUp(ak), down: tree(plan, visionOf(plan, YEAR)!, YEAR) };
    const en = traceText(view, "en", false);
    const paths = 2n ** BigInt(LEVELS);
    expect(en).toContain(`100 of ${paths} chains shown; ${paths - 100n} left out`);
    expect(en).toContain("The tree is cut: ");
    const sv = traceMarkdown(view, "sv");
    expect(sv).toContain(`100 av ${paths} kedjor visas; ${paths - 100n} är utelämnade`);
    expect(sv).toContain("Trädet är avkortat: ");
    expect(sv).not.toContain("chains shown");
    const json = JSON.parse(traceJson(view)) as { up: string[][]; truncated: { up: { shown: number; total: string }; down: { total: string } } };
    expect(json.up).toHaveLength(MAX_CHAINS);
    expect(json.truncated.up).toMatchObject({ shown: 100, total: String(paths) });
    expect(BigInt(json.truncated.down.total)).toBeGreaterThan(2n ** 53n);
  });

  it("Mermaid draws each entity and each reference once", () => {
    const src = traceMermaid({ down: sharedTree(plan, visionOf(plan, YEAR)!, YEAR) });
    const nodes = src.split("\n").filter((l) => /^\s+n\d+\["/u.test(l));
    const edges = src.split("\n").filter((l) => /-->/u.test(l));
    expect(nodes).toHaveLength(2 * LEVELS + 5); // the ladder, AK1, V, M, R1, A1
    // A1 → 2, 4 per level below the first, 2 into AK1, and V → M → R1 → A1.
    expect(edges).toHaveLength(2 + 4 * (LEVELS - 1) + 2 + 3);
  });

  it("trace answers in every format and for --orphans and --gaps, and says how many paths it left out", () => {
    // In-process: the command's own function on the loaded files; the CLI adds only a process.
    const trace = (...args: string[]): Run => planInProcess(["trace", ...args, "-C", dir, "--år", String(YEAR)]);
    for (const format of ["text", "md", "json", "mermaid"] as const) {
      for (const id of ["AK1", "A1", undefined]) {
        const r = trace(...(id !== undefined ? [id] : []), "--format", format);
        expect(r.status, `${format} ${id ?? ""}: ${r.stderr}`).toBe(0);
        expect(r.stderr).toBe("");
        if (format === "json" && id === "AK1") expect(r.stdout).toContain(`"total": "${2n ** BigInt(LEVELS)}"`);
        if (format === "text" && id === "AK1") expect(r.stdout).toContain(`${2n ** BigInt(LEVELS) - 100n} left out`);
      }
    }
    for (const list of ["--orphans", "--gaps"]) {
      const r = trace(list, "--format", "json");
      expect(r.status, r.stderr).toBe(0);
    }
    expect(trace("AK1", "--lang", "sv").stdout).toContain(`${2n ** BigInt(LEVELS) - 100n} är utelämnade`);
  });
  // The process on a hostile graph is the chain's below: what trace prints here is the run function's.
});

describe("a chain of 100,000 verksamhetsmål", () => {
  let dir: string;
  let plan: Plan;
  let codes: string[];
  let cli: Promise<Run>;
  beforeAll(() => {
    dir = tempDir("rodtrad-chain-");
    writeChainPlan(dir, DEPTH);
    cli = startPlan(["trace", chainId(DEPTH - 1), "--format", "json", "-C", dir], SLOW);
    ({ plan, codes } = open(dir));
  }, 120_000);

  it("validates without a finding (the coverage walk is not recursive)", () => {
    expect(codes).toEqual([]);
    expect(findGaps(plan)).toEqual([]);
  });

  it("chains up from the deepest: one chain of every step", () => {
    const up = chainsUp(findEntity(plan, chainId(DEPTH - 1), YEAR)!);
    expect(up.total).toBe(1n);
    expect(up.chains[0]).toHaveLength(DEPTH + 4);
  });

  it("the tree from the top shows TREE_DEPTH levels and says how many rows lie below", () => {
    const t = tree(plan, findEntity(plan, "A1", YEAR)!, YEAR);
    expect(t.cut).toBe(true);
    expect(t.shown).toBe(TREE_DEPTH + 1);
    expect(t.total).toBe(BigInt(DEPTH + 2)); // A1, the chain, AK1
    const text = traceText({ year: YEAR, down: t }, "en", false);
    expect(text).toContain(`… ${DEPTH + 2 - TREE_DEPTH - 1} more below`);
  });

  it("Mermaid draws the whole chain", () => {
    const src = traceMermaid({ down: sharedTree(plan, visionOf(plan, YEAR)!, YEAR) });
    expect(src.split("\n").filter((l) => /-->/u.test(l))).toHaveLength(DEPTH + 4);
  });

  it("stats count the aktivitet at the bottom for the åtagande at the top", () => {
    const s = planStats(plan, YEAR);
    expect(s.åtaganden.utanAktivitet).toEqual([]);
    expect(s.aktiviteterPerÅtagande.max).toBe(1);
  });

  it("follows up, reports and traces in every format without a stack overflow (in-process)", () => {
    const period = periodFor(plan, "delår", {});
    expect(computeStatus(plan, { period }).åtaganden.length).toBeGreaterThan(0);
    for (const format of ["md", "html"] as const) {
      const text = renderReport(plan, { phase: "delår", period, lang: "sv", format, dirs: templateDirs(dir) });
      expect(text.length).toBeGreaterThan(1000);
    }
    const deepest = findEntity(plan, chainId(DEPTH - 1), YEAR)!;
    const view = { focus: deepest, year: YEAR, up: chainsUp(deepest), down: tree(plan, deepest, YEAR) };
    expect(JSON.parse(traceJson(view)).up).toHaveLength(1);
    expect(traceMarkdown({ year: YEAR, down: tree(plan, visionOf(plan, YEAR)!, YEAR) }, "sv")).toContain("nedanför");
  });

  it("the CLI loads, checks and traces the deepest step without a stack trace", async () => {
    // One process does what `plan validate` would on this plan (load on two threads, check: a
    // finding would show as the note on stderr) and then traces; validate's printing of no
    // findings is the same for any plan, so its own process would show nothing more. Started
    // in beforeAll, beside this process's own load.
    const r = await cli;
    expect(r.stderr).not.toMatch(/Maximum call stack|internal error|\n\s+at /u);
    expect(r.stderr).toBe("");
    expect(r.status, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as { up: string[][] }).up[0]).toHaveLength(DEPTH + 4);
  }, 300_000);
});

describe("work that grew quadratically", () => {
  it("5,000 unknown IDs against 20,000 known: fast, and the same suggestions as a full scan", () => {
    let seed = 1;
    const rnd = (): number => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    const word = (): string => Array.from({ length: 6 + Math.floor(rnd() * 8) }, () => "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-"[Math.floor(rnd() * 37)]).join("");
    const known = Array.from({ length: 20_000 }, word);
    // Typos of known IDs (one character changed) and IDs of their own.
    const unknown = Array.from({ length: 5_000 }, (_, i) => (i % 2 === 0 ? `${known[i]!.slice(0, -1)}Q` : word()));
    const work = { cells: SUGGESTION_CELLS };
    const s = new Suggester(known);
    const start = process.hrtime.bigint();
    const answers = unknown.map((u) => s.closest(u, 3, work));
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    expect(seconds).toBeLessThan(10);
    expect(work.cells).toBeGreaterThan(0); // within the cap: every answer is today's
    for (let i = 0; i < unknown.length; i += 125) expect(answers[i], unknown[i]).toEqual(fullScan(unknown[i]!, known));
    expect(answers[0]).toContain(known[0]);
  });

  it("IDs that all look alike cost at most the work cap, then suggestions stop", () => {
    const known = Array.from({ length: 20_000 }, (_, i) => `${["BUF", "SOF", "KLF", "MHF"][i % 4]}-AK${String(i).padStart(5, "0")}`);
    const unknown = Array.from({ length: 5_000 }, (_, i) => `${["BUF", "SOF", "KLF", "MHF"][(i * 7) % 4]}-AK${String(i * 3 + 1).padStart(5, "0")}x`);
    const work = { cells: SUGGESTION_CELLS };
    const s = new Suggester(known);
    const start = process.hrtime.bigint();
    const answers = unknown.map((u) => s.closest(u, 3, work));
    expect(Number(process.hrtime.bigint() - start) / 1e9).toBeLessThan(10);
    expect(answers[0]).toEqual(fullScan(unknown[0]!, known));
    expect(answers[answers.length - 1]).toEqual([]);
  });

  it("suggestions match a full scan on mixed lengths, cases and duplicates", () => {
    const known = ["UTB-A01", "utb-a01", "UTB-A10", "UTB-A1", "EKO-R1", "EKO-R1", "Å.ä.ö-1", "x", "KLF-AK-ÖVERGRIPANDE-01"];
    for (const q of ["UTB-A01", "UTB-A0", "utb-a11", "EKO-R", "å.Ä.ö-2", "y", "KLF-AK-OVERGRIPANDE-1", "Zzzzzzzz"]) expect(closest(q, known), q).toEqual(fullScan(q, known));
  });

  it("locating a diagnostic per key of a mapping with 50,000 keys does not rescan the mapping", () => {
    const n = 50_000;
    const text = Array.from({ length: n }, (_, i) => `k${i}: ${i}`).join("\n");
    const { doc, value } = sourceDoc(text);
    const start = process.hrtime.bigint();
    let last = 0;
    for (let i = 0; i < n; i++) last = locate({ doc, obj: value, key: `k${i}` }).line;
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    expect(last).toBe(n);
    expect(seconds).toBeLessThan(10);
  });
});

// --- helpers -----------------------------------------------------------------------------

/** The definition: full Levenshtein against every candidate, as before the index. */
function fullScan(name: string, candidates: string[], limit = 3): string[] {
  const s = name.toLowerCase();
  // Two rows of the table, reused for every candidate (the scan is the costly part of the tests above).
  let prev = new Uint32Array(64);
  let cur = new Uint32Array(64);
  const lev = (b: string): number => {
    const t = b.toLowerCase();
    if (t.length + 1 > prev.length) [prev, cur] = [new Uint32Array(t.length + 1), new Uint32Array(t.length + 1)];
    for (let j = 0; j <= t.length; j++) prev[j] = j;
    for (let i = 1; i <= s.length; i++) {
      cur[0] = i;
      for (let j = 1; j <= t.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (s[i - 1] === t[j - 1] ? 0 : 1));
      [prev, cur] = [cur, prev];
    }
    return prev[t.length]!;
  };
  const max = Math.max(2, Math.floor(name.length / 3));
  const scored = candidates.map((c) => [lev(c), c] as const).filter(([d]) => d <= max);
  scored.sort((x, y) => x[0] - y[0] || (x[1] < y[1] ? -1 : x[1] > y[1] ? 1 : 0));
  return [...new Set(scored.map((s) => s[1]))].slice(0, limit);
}

/** A one-document SourceDoc over YAML text, as the loader makes it. */
function sourceDoc(text: string): { doc: SourceDoc; value: object } {
  const parsed = parsePlanFile("big.yaml", new TextEncoder().encode(text));
  const doc = parsed.docs[0]!;
  return { doc, value: doc.value as object };
}
