// A command's run function called in this process, its output captured: for assertions about
// what a command prints, where a child process would add only its start-up time. What only the
// CLI does (argument parsing, exit status of the process, streams) stays with helpers/exec.ts.
import { vi } from "vitest";
import { PlanIoError } from "../../src/load/errors.js";
import { err, UsageError } from "../../src/cli/io.js";
import { runDiff, type DiffOptions } from "../../src/cli/diff.js";
import { runValidate } from "../../src/cli/validate.js";
import type { Lang } from "../../src/model/types.js";
import type { Run } from "./exec.js";
import type { JsonOutput } from "./plan-dir.js";

/**
 * Run `command` (one of src/cli's run functions) as `plan` would: stdout and stderr captured,
 * NO_COLOR set, the plan parsed on this thread (the parse worker is part of the build:
 * test/parallel.test.ts tests it there), and a usage or I/O error turned into one line on
 * stderr and status 2, as cli/main.ts does. Any other exception is a bug and is thrown.
 */
export function inProcess(command: () => number, env: Record<string, string | undefined> = {}): Run {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const capture = (into: string[]) => (chunk: string | Uint8Array): boolean => {
    into.push(typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8"));
    return true;
  };
  const out = vi.spyOn(process.stdout, "write").mockImplementation(capture(stdout) as typeof process.stdout.write);
  const errs = vi.spyOn(process.stderr, "write").mockImplementation(capture(stderr) as typeof process.stderr.write);
  for (const [k, v] of Object.entries({ NO_COLOR: "1", FORCE_COLOR: undefined, RODTRAD_THREADS: "1", ...env })) vi.stubEnv(k, v);
  let status: number;
  try {
    status = command();
  } catch (e) {
    if (!(e instanceof UsageError || e instanceof PlanIoError)) throw e;
    err(`plan: ${e.message}`);
    status = 2;
  } finally {
    out.mockRestore();
    errs.mockRestore();
    vi.unstubAllEnvs();
  }
  return { status, stdout: stdout.join(""), stderr: stderr.join("") };
}

/** `plan validate --format json` in this process, parsed (as helpers/plan-dir.ts's validateJson spawns it). */
export function validateInProcess(dir: string, o: { failOn?: "error" | "warning"; lang?: Lang } = {}): { run: Run; out: JsonOutput } {
  const run = inProcess(() => runValidate({ dir, format: "json", failOn: o.failOn ?? "error", lang: o.lang ?? "en" }));
  let out: JsonOutput;
  try {
    out = JSON.parse(run.stdout) as JsonOutput;
  } catch {
    throw new Error(`not JSON (status ${run.status}):\n${run.stdout}\n${run.stderr}`);
  }
  return { run, out };
}

/**
 * `plan diff <base> [head] -C <dir> [--format f] [--fail-on w] [--lang l]` in this process; the
 * arguments as the CLI takes them ("diff" first is optional), for the options listed only.
 */
export function diffInProcess(args: string[]): Run {
  const rest = args[0] === "diff" ? args.slice(1) : args;
  const revisions: string[] = [];
  const o: Omit<DiffOptions, "base"> = { format: "text", lang: "en" };
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    const value = (): string => rest[++i]!;
    if (a === "-C") o.dir = value();
    else if (a === "--format") o.format = value() as DiffOptions["format"];
    else if (a === "--fail-on") o.failOn = value() as DiffOptions["failOn"];
    else if (a === "--lang") o.lang = value() as Lang;
    else if (!a.startsWith("-") && revisions.length < 2) revisions.push(a);
    else throw new Error(`${a}: not an argument diffInProcess takes (spawn the CLI)`);
  }
  if (o.dir === undefined) throw new Error("diffInProcess needs -C: this process's working folder is not the plan's");
  const [base, head] = revisions;
  if (base === undefined) throw new Error("diffInProcess needs a base revision");
  return inProcess(() => runDiff({ ...o, base, ...(head !== undefined ? { head } : {}) }));
}
