// Parsing on two threads gives exactly what parsing on one gives, diagnostics and positions included.
// On dist, not src, on purpose: the worker thread loads dist/load/parse-worker.js, a file of the
// build (there is no parse-worker.js beside src/load/parallel.ts), so the two threads must run
// the same built code. npm test builds first.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { checkPlan } from "../dist/check/index.js";
import { formatJson } from "../dist/format/diagnostics.js";
import { loadPlan } from "../dist/load/load-plan.js";
import { ROOT } from "./helpers/exec.js";

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function validateJson(root: string, parallel: boolean): string {
  const loaded = loadPlan(root, { parallel });
  const { diagnostics } = checkPlan(loaded.docs, loaded.diagnostics);
  return formatJson(diagnostics, loaded.files.length, "en");
}

describe("two threads", () => {
  it("agree with one thread on a clean plan", () => {
    const root = path.join(ROOT, "examples/katrineholm");
    const one = validateJson(root, false);
    expect(validateJson(root, true)).toBe(one);
    expect(JSON.parse(one).summary.files).toBeGreaterThan(20);
  });

  it("agree with one thread where files hold errors, to the line and column", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "rodtrad-parallel-"));
    dirs.push(dir);
    cpSync(path.join(ROOT, "examples/katrineholm"), dir, { recursive: true });
    const budget = path.join(dir, "budget/2012.yaml");
    writeFileSync(budget, readFileSync(budget, "utf8").replace("resultatmål: [ORT-R1]", "resultatmål: [ORT-R9]"));
    const vp = path.join(dir, "verksamhetsplaner/BIF/2012.yaml");
    writeFileSync(vp, `${readFileSync(vp, "utf8")}\nokänd: [\n`);
    const sv = path.join(dir, "namnder/KS/2012.yaml");
    writeFileSync(sv, readFileSync(sv, "utf8").replace("typ: nämndplan", "typ: nämndplan\nbeslutt: x"));
    const one = validateJson(dir, false);
    const two = validateJson(dir, true);
    expect(two).toBe(one);
    const codes = new Set(JSON.parse(one).diagnostics.map((d: { code: string }) => d.code));
    expect([...codes].sort()).toEqual(expect.arrayContaining(["unknown-key", "unknown-reference", "yaml-syntax"]));
  });
});

describe("a worker that never answers", () => {
  it("is given up after its deadline and its share parsed in the main thread: no hang, same result", async () => {
    const { parseAll } = await import("../dist/load/parallel.js");
    const dir = mkdtempSync(path.join(tmpdir(), "rodtrad-worker-"));
    dirs.push(dir);
    const silent = path.join(dir, "silent-worker.mjs");
    writeFileSync(silent, "process.exit(0);\n");
    const root = path.join(ROOT, "examples/katrineholm");
    const files = ["budget/2012.yaml", "verksamhetsplaner/BIF/2012.yaml", "namnder/BIN/2012.yaml", "kommunplan/2011-2014.yaml"].map((name) => ({
      name,
      bytes: readFileSync(path.join(root, name)),
    }));
    const started = Date.now();
    const lost = parseAll(files, { parallel: true, workerUrl: pathToFileURL(silent), graceMs: 300 });
    expect(Date.now() - started).toBeLessThan(10_000);
    const alone = parseAll(files, { parallel: false });
    expect(JSON.stringify(lost)).toBe(JSON.stringify(alone));
    expect(lost.map((f: { name: string }) => f.name)).toEqual(files.map((f) => f.name));
  });
});

describe("one thread", () => {
  it("gives each file the values parsing it alone gives, in the order given, though it parses the smallest first", async () => {
    const { parseAll } = await import("../dist/load/parallel.js");
    const { parseValues } = await import("../dist/load/parse.js");
    const root = path.join(ROOT, "examples/katrineholm");
    const files = loadPlan(root).files.map((name) => ({ name, bytes: readFileSync(path.join(root, name)) }));
    // Two orders, so that each file meets the reader after different files (its keys kept from file to file).
    for (const order of [files, [...files].reverse()]) {
      const all = parseAll(order, { parallel: false });
      expect(all.map((f: { name: string }) => f.name)).toEqual(order.map((f) => f.name));
      expect(JSON.stringify(all)).toBe(JSON.stringify(order.map(({ name, bytes }) => ({ name, ...parseValues(name, bytes) }))));
    }
    // The sizes differ, so the order parsed is not the order given.
    expect(new Set(files.map((f) => f.bytes.length)).size).toBeGreaterThan(10);
  });
});
