// Whatever bytes a plan file holds, the result is diagnostics (or one clear line), never a crash.
// In-process through load → check → format for many runs; through the real CLI for a few.
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ALL_CODES, formatMessage } from "../src/diagnostics/index.js";
import { checkPlan } from "../src/check/index.js";
import { formatGithub, formatJson, formatPretty } from "../src/format/diagnostics.js";
import { PlanIoError } from "../src/load/errors.js";
import { loadPlan } from "../src/load/load-plan.js";
import { plan } from "./helpers/exec.js";
import { BASE, cleanup, tempDir } from "./helpers/plan-dir.js";

afterAll(cleanup);

const TARGETS = ["budget/2025.yaml", "verksamhetsplaner/KLF/2025.yaml", "namnder/KS/2025.yaml", "uppfoljning/2025-08-delar.yaml", "plan.yaml"];
const ORIGINAL = new Map(TARGETS.map((t) => [t, readFileSync(path.join(BASE, t))]));
const CODES = new Set<string>(ALL_CODES);

// ---- generators -------------------------------------------------------------------------

const PUNCTUATION = [":", ": ", "- ", "-", "[", "]", "{", "}", ",", "&a ", "*a", "&b ", "*b", "!", "!!str ", "!!binary ", "|", "|-\n", ">", "'", '"', "#", "? ", "\n", "\t", "  ", "\n  ", "---\n", "...\n", "%YAML 1.1\n", "<<: *a\n", "\uFEFF", "\u0000", "\r", "ö", "A\u030A"];

type Mutation =
  | { kind: "flip"; at: number; byte: number }
  | { kind: "truncate"; at: number }
  | { kind: "insert"; at: number; text: string }
  | { kind: "delete"; at: number; len: number }
  | { kind: "dupLine"; at: number };

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant("flip" as const), at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant("truncate" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("insert" as const), at: fc.nat(), text: fc.constantFrom(...PUNCTUATION) }),
  fc.record({ kind: fc.constant("delete" as const), at: fc.nat(), len: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant("dupLine" as const), at: fc.nat() }),
);

function mutate(bytes: Buffer, mutations: readonly Mutation[]): Buffer {
  let b = Buffer.from(bytes);
  for (const m of mutations) {
    const at = b.length === 0 ? 0 : m.at % (b.length + 1);
    switch (m.kind) {
      case "flip":
        if (b.length > 0) b[at % b.length] = m.byte;
        break;
      case "truncate":
        b = b.subarray(0, at);
        break;
      case "insert":
        b = Buffer.concat([b.subarray(0, at), Buffer.from(m.text), b.subarray(at)]);
        break;
      case "delete":
        b = Buffer.concat([b.subarray(0, at), b.subarray(at + m.len)]);
        break;
      case "dupLine": {
        const start = b.lastIndexOf(0x0a, at - 1) + 1;
        const nl = b.indexOf(0x0a, at);
        const end = nl < 0 ? b.length : nl + 1;
        b = Buffer.concat([b.subarray(0, end), b.subarray(start, end), b.subarray(end)]);
        break;
      }
    }
  }
  return b;
}

/** YAML-looking text built from plan words and punctuation: reaches the checks, not just the parser. */
const TOKENS = [
  "typ: budget\n", "typ: verksamhetsplan\n", "typ: kommun\n", "typ: nämndplan\n", "id: X1\n", "id: ORT-Å1\n", "år: 2025\n", "år: 2026\n",
  "planperiod: { från: 2025, till: 2027 }\n", "resultatmål:\n", "åtaganden:\n", "aktiviteter:\n", "bidrar_till: ", "nämnder: ", "  - id: ",
  "ORT-R1", "KS", "alla", "[", "]", "{", "}", ", ", ": ", "- ", "\n", "  ", "&a ", "*a", "---\n", "'", '"', "#", "målvärden: { 2025: 1 }\n", "x-egen: 1\n",
];
const yamlishArb = fc.array(fc.constantFrom(...TOKENS), { maxLength: 120 }).map((ts) => Buffer.from(ts.join("")));

const contentArb = fc.oneof(
  { arbitrary: fc.uint8Array({ maxLength: 2000 }).map((u) => Buffer.from(u)), weight: 1 },
  { arbitrary: yamlishArb, weight: 1 },
  {
    arbitrary: fc
      .tuple(fc.constantFrom(...TARGETS), fc.array(mutationArb, { minLength: 1, maxLength: 8 }))
      .map(([from, ms]) => mutate(ORIGINAL.get(from)!, ms)),
    weight: 3,
  },
);

const caseArb = fc.record({ target: fc.constantFrom(...TARGETS), content: contentArb });

// ---- the in-process pipeline ---------------------------------------------------------------

let dir = "";
beforeAll(() => {
  dir = tempDir("rodtrad-prop-");
  cpSync(BASE, dir, { recursive: true });
});

/** Put one file in place (the others as in base) and run load → check → every formatter. */
function runPipeline(target: string, content: Buffer): void {
  for (const t of TARGETS) writeFileSync(path.join(dir, t), t === target ? content : ORIGINAL.get(t)!);
  const started = performance.now();
  let loaded;
  try {
    loaded = loadPlan(dir);
  } catch (e) {
    // The only acceptable failure: a known I/O error that becomes one line on stderr.
    expect(e).toBeInstanceOf(PlanIoError);
    expect(String((e as Error).message)).not.toContain("\n");
    return;
  }
  const { diagnostics } = checkPlan(loaded.docs, loaded.diagnostics);
  const lineCount = (rel: string): number => {
    const bytes = rel === target ? content : readFileSync(path.join(dir, rel));
    return bytes.toString("latin1").split(/\r\n|\r|\n/u).length;
  };
  for (const d of diagnostics) {
    expect(CODES.has(d.code), d.code).toBe(true);
    expect(["error", "warning"]).toContain(d.severity);
    expect(loaded.files).toContain(d.file);
    expect(Number.isInteger(d.line) && d.line >= 1, JSON.stringify(d)).toBe(true);
    expect(Number.isInteger(d.column) && d.column >= 1, JSON.stringify(d)).toBe(true);
    expect(d.line, `${JSON.stringify(d)} beyond the end of ${d.file}`).toBeLessThanOrEqual(lineCount(d.file));
    for (const lang of ["en", "sv"] as const) {
      const message = formatMessage(d, lang);
      expect(typeof message).toBe("string");
      expect(message, JSON.stringify(d)).not.toMatch(/\[object Object\]|undefined/u);
    }
  }
  const json = JSON.parse(formatJson(diagnostics, loaded.files.length, "en")) as { diagnostics: unknown[] };
  expect(json.diagnostics).toHaveLength(diagnostics.length);
  expect(typeof formatPretty(diagnostics, loaded.files.length, "sv", true)).toBe("string");
  const github = formatGithub(diagnostics, loaded.files.length, "en", "plan").split("\n").filter((l) => l !== "");
  // Every annotation stays on its own line, whatever the input text held.
  expect(github).toHaveLength(diagnostics.length + 1);
  for (const l of github.slice(0, -1)) expect(l).toMatch(/^::(error|warning) file=/u);
  expect(performance.now() - started).toBeLessThan(2_000);
}

describe("loader property: any bytes end in diagnostics", () => {
  it("the base files themselves give zero diagnostics (control)", () => {
    runPipeline("budget/2025.yaml", ORIGINAL.get("budget/2025.yaml")!);
    const loaded = loadPlan(dir);
    expect(checkPlan(loaded.docs, loaded.diagnostics).diagnostics).toEqual([]);
  });

  it("in-process: load → check → format never throws, for random and mutated files", () => {
    fc.assert(
      fc.property(caseArb, ({ target, content }) => {
        runPipeline(target, content);
      }),
      { numRuns: 400 },
    );
  });

  // The same generator as the in-process property above, whose 400 runs are what explores the
  // inputs: load → check → format there is the code the CLI runs. What the process adds is the
  // same for every input (its exit status, which stream gets what, a stack trace kept off
  // stderr), so a few cases show it; each one is a process start.
  it("through the CLI: exit 0, 1 or 2, no stack trace, and it finishes", () => {
    const cliDir = tempDir("rodtrad-prop-cli-");
    cpSync(BASE, cliDir, { recursive: true });
    fc.assert(
      fc.property(caseArb, ({ target, content }) => {
        for (const t of TARGETS) writeFileSync(path.join(cliDir, t), t === target ? content : ORIGINAL.get(t)!);
        const r = plan(["validate", "-C", cliDir, "--format", "github"], { timeout: 20_000 });
        expect(r.status, r.stderr).not.toBeNull();
        expect([0, 1, 2]).toContain(r.status);
        expect(r.stderr).not.toMatch(/^\s+at /mu);
        expect(r.stderr).not.toContain("internal error");
        if (r.status === 2) {
          expect(r.stdout).toBe("");
          expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
        } else {
          expect(r.stderr).toBe("");
          expect(r.stdout.trimEnd().split("\n").at(-1)).toMatch(/problems?|No problems/u);
        }
      }),
      { numRuns: 6 },
    );
  });
});
