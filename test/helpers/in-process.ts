// A command's run function called in this process, its output captured: for assertions about
// what a command prints, where a child process would add only its start-up time. What only the
// CLI does (argument parsing, exit status of the process, streams) stays with helpers/exec.ts.
import { vi } from "vitest";
import { PlanIoError } from "../../src/load/errors.js";
import { normalizeArgv } from "../../src/cli/argv.js";
import { err, UsageError } from "../../src/cli/io.js";
import { chooseLang, messageLang, setMessageLang } from "../../src/cli/lang.js";
import { runDiff } from "../../src/cli/diff.js";
import { runNyttAr } from "../../src/cli/nytt-ar.js";
import { runRegler } from "../../src/cli/regler.js";
import { runReport } from "../../src/cli/report.js";
import { runArshjul } from "../../src/cli/arshjul.js";
import { runStats } from "../../src/cli/stats.js";
import { runStatus } from "../../src/cli/status.js";
import { runTrace } from "../../src/cli/trace.js";
import { runValidate } from "../../src/cli/validate.js";
import type { Lang } from "../../src/diagnostics/index.js";
import { DIAGNOSTICS_ALIASES } from "../../src/format/names.js";
import { SelectionError } from "../../src/status/selection-error.js";
import type { Run } from "./exec.js";
import type { JsonOutput } from "./plan-dir.js";

/** process.exit called in this process: stopped, and its status kept. */
class Exit extends Error {
  constructor(readonly status: number) {
    super(`process.exit(${status})`);
  }
}

/** How stdout takes the output: captured, or full (as /dev/full: each write throws ENOSPC, as a device's synchronous write does). */
interface InProcessOptions {
  stdout?: "capture" | "full";
}

/**
 * Run `command` (one of src/cli's run functions) as `plan` would: stdout and stderr captured,
 * NO_COLOR set, the plan parsed on this thread (the parse worker is part of the build:
 * test/parallel.test.ts tests it there), and a usage or I/O error turned into one line on
 * stderr and status 2, as cli/main.ts does. Any other exception is a bug and is thrown.
 * process.exit (cli/io.ts's on a stdout that failed) ends the command with its status.
 */
function inProcess(command: () => number, env: Record<string, string | undefined> = {}, o: InProcessOptions = {}): Run {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const capture = (into: string[]) => (chunk: string | Uint8Array): boolean => {
    into.push(typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8"));
    return true;
  };
  const full = (): never => {
    throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC", errno: -28, syscall: "write" });
  };
  const out = vi.spyOn(process.stdout, "write").mockImplementation((o.stdout === "full" ? full : capture(stdout)) as typeof process.stdout.write);
  const errs = vi.spyOn(process.stderr, "write").mockImplementation(capture(stderr) as typeof process.stderr.write);
  const exit = vi.spyOn(process, "exit").mockImplementation(((code?: number) => {
    throw new Exit(code ?? 0);
  }) as typeof process.exit);
  for (const [k, v] of Object.entries({ NO_COLOR: "1", FORCE_COLOR: undefined, RODTRAD_THREADS: "1", ...env })) vi.stubEnv(k, v);
  let status: number;
  try {
    status = command();
  } catch (e) {
    if (e instanceof Exit) status = e.status;
    else if (e instanceof UsageError || e instanceof PlanIoError || e instanceof SelectionError) {
      err(`plan: ${e.in(messageLang())}`);
      status = 2;
    } else throw e;
  } finally {
    out.mockRestore();
    errs.mockRestore();
    exit.mockRestore();
    vi.unstubAllEnvs();
  }
  return { status, stdout: stdout.join(""), stderr: stderr.join("") };
}

/** `plan validate --format json` in this process, parsed (as helpers/plan-dir.ts's validateJson spawns it). */
export function validateInProcess(dir: string, o: { failOn?: "error" | "warning"; lang?: Lang } = {}): { run: Run; out: JsonOutput } {
  const run = planInProcess(["validate", "-C", dir, "--format", "json", "--fail-on", o.failOn ?? "error", "--lang", o.lang ?? "en"]);
  let out: JsonOutput;
  try {
    out = JSON.parse(run.stdout) as JsonOutput;
  } catch {
    throw new Error(`not JSON (status ${run.status}):\n${run.stdout}\n${run.stderr}`);
  }
  return { run, out };
}

/** What `plan <command>` takes, for planInProcess: options with a value, flags, positional names, defaults. */
interface Grammar {
  values: Record<string, string>;
  flags?: Record<string, string>;
  positional: string[];
  defaults: Record<string, string>;
  /** The command reads no plan (so takes no -C). */
  noPlan?: true;
  run: (o: Record<string, unknown>) => number;
}

const common = { "-C": "dir", "--format": "format", "--lang": "lang", "--cache-location": "cacheLocation" };
const GRAMMARS: Record<string, Grammar> = {
  validate: { values: { ...common, "--fail-on": "failOn" }, flags: { "--cache": "cache" }, positional: [], defaults: { format: "text", failOn: "error" },
    // `pretty` is the old name of `text`: the CLI resolves it before the run function sees it.
    run: (o) => runValidate({ ...o, format: DIAGNOSTICS_ALIASES.get(o.format as string) ?? o.format } as never),
  },
  trace: { values: { ...common, "--år": "år", "--målområde": "målområde", "--djup": "djup" }, flags: { "--orphans": "orphans", "--gaps": "gaps" }, positional: ["id"], defaults: { format: "text" }, run: (o) => runTrace(o as never) },
  stats: { values: { ...common, "--år": "år" }, positional: [], defaults: { format: "text" }, run: (o) => runStats(o as never) },
  status: { values: { ...common, "--period": "period", "--nämnd": "nämnd" }, positional: [], defaults: { format: "text" }, run: (o) => runStatus(o as never) },
  diff: { values: { ...common, "--fail-on": "failOn" }, flags: { "--cache": "cache" }, positional: ["base", "head"], defaults: { format: "text" }, run: (o) => runDiff(o as never) },
  årshjul: { values: { ...common, "--år": "år", "--idag": "idag" }, positional: [], defaults: { format: "text" }, run: (o) => runArshjul(o as never) },
  report: {
    values: { ...common, "--år": "år", "--period": "period", "--nämnd": "nämnd", "--mallar": "mallar", "--datum": "datum", "-o": "output", "--output": "output" },
    positional: ["fas"],
    defaults: {},
    run: ({ fas, ...o }) => runReport(fas as string, o),
  },
  "nytt-år": { values: { "-C": "dir", "--lang": "lang" }, positional: ["år"], defaults: {}, run: ({ år, ...o }) => runNyttAr(år as string, o) },
  regler: { values: { "--format": "format", "--lang": "lang" }, positional: [], defaults: { format: "text" }, noPlan: true, run: (o) => runRegler(o as never) },
};

/**
 * `plan <command> …` in this process: the arguments through the CLI's normalizeArgv (NFC, ASCII
 * spellings), then the command's run function with the options commander would give it. Only
 * the options listed in GRAMMARS are taken; what commander does (`--x=y`, choices, unknown
 * options, defaults the command does not set itself) is the CLI's, and a test of it spawns the
 * CLI (helpers/exec.ts). -C is required (but by regler, which reads no plan): this process's
 * working folder is not the plan's.
 */
export function planInProcess(args: string[], env: Record<string, string | undefined> = {}, o: InProcessOptions = {}): Run {
  const [command, ...rest] = normalizeArgv(args);
  const g = Object.hasOwn(GRAMMARS, command ?? "") ? GRAMMARS[command!] : undefined;
  if (!g) throw new Error(`planInProcess: no command ${command}`);
  const opts: Record<string, unknown> = { ...g.defaults };
  const positional = [...g.positional];
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    // Own keys only: an argument may be named like an Object.prototype member (hardening-args.test.ts).
    if (Object.hasOwn(g.values, a) && i + 1 < rest.length) opts[g.values[a]!] = rest[++i];
    else if (g.flags !== undefined && Object.hasOwn(g.flags, a)) opts[g.flags[a]!] = true;
    else if (!a.startsWith("-") && positional.length > 0) opts[positional.shift()!] = a;
    else throw new Error(`planInProcess: ${command} ${a} is the CLI's to parse: spawn it (helpers/exec.ts)`);
  }
  if (opts.dir === undefined && !g.noPlan) throw new Error("planInProcess needs -C");
  // As main() does: until the command has read plan.yaml, its error lines follow --lang and the locale.
  return inProcess(() => {
    setMessageLang(chooseLang(opts.lang as string | undefined, undefined, process.env));
    return g.run(opts);
  }, env, o);
}
