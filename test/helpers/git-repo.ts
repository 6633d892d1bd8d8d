// Real git repositories in temporary folders, with a plan copied in, for `plan diff` tests.
import { execFileSync, spawn } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { isMap, isSeq, parseDocument, Scalar, visit, type Document } from "yaml";
import { BIN, ROOT } from "./exec.js";

const DIFF_BASE = fileURLToPath(new URL("../fixtures/diff-base/", import.meta.url));

/** git's environment without anything from the caller's repository or config that could leak in. */
function gitEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith("GIT_")) env[k] = v;
  return {
    ...env,
    GIT_CONFIG_NOSYSTEM: "1",
    GIT_CONFIG_GLOBAL: "/dev/null",
    GIT_AUTHOR_NAME: "Test Controller",
    GIT_AUTHOR_EMAIL: "controller@example.se",
    GIT_COMMITTER_NAME: "Test Controller",
    GIT_COMMITTER_EMAIL: "controller@example.se",
    GIT_AUTHOR_DATE: "2025-01-01T12:00:00Z",
    GIT_COMMITTER_DATE: "2025-01-01T12:00:00Z",
  };
}

export function git(cwd: string, args: string[]): string {
  return execFileSync("git", ["-c", "core.quotePath=false", ...args], { cwd, env: gitEnv(), encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

const made: string[] = [];

export function tempDir(prefix = "rodtrad-diff-"): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** Remove every temp folder made so far (call from afterAll). */
export function cleanupRepos(): void {
  for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
}

export interface RepoOptions {
  /** The plan's folder inside the repository ("" = the top, e.g. "plan" or "docs/plan"). */
  prefix?: string;
  /** The plan copied in by the first commit (default: test/fixtures/diff-base); null = no plan. */
  fixture?: string | null;
  /** Commit a README alone before the plan (so the first commit has no plan). */
  readmeFirst?: boolean;
}

export class GitRepo {
  /** The top of the work tree. */
  readonly top: string;
  /** The plan root (top or top/prefix). */
  readonly root: string;
  readonly prefix: string;

  constructor(opts: RepoOptions = {}) {
    this.top = tempDir();
    this.prefix = opts.prefix ?? "";
    this.root = this.prefix === "" ? this.top : path.join(this.top, this.prefix);
    git(this.top, ["init", "--quiet", "--initial-branch=main"]);
    git(this.top, ["config", "user.name", "Test Controller"]);
    git(this.top, ["config", "user.email", "controller@example.se"]);
    git(this.top, ["config", "commit.gpgsign", "false"]);
    if (opts.readmeFirst) {
      writeFileSync(path.join(this.top, "README.md"), "# Planen\n");
      this.commit("README");
    }
    const fixture = opts.fixture === undefined ? DIFF_BASE : opts.fixture;
    if (fixture !== null) {
      mkdirSync(this.root, { recursive: true });
      cpSync(fixture, this.root, { recursive: true });
      this.commit("plan");
    }
  }

  git(...args: string[]): string {
    return git(this.top, args);
  }

  /** A path relative to the plan root, as an absolute path. */
  path(rel: string): string {
    return path.join(this.root, rel);
  }

  read(rel: string): string {
    return readFileSync(this.path(rel), "utf8");
  }

  write(rel: string, text: string): this {
    mkdirSync(path.dirname(this.path(rel)), { recursive: true });
    writeFileSync(this.path(rel), text);
    return this;
  }

  /** Replace one exact occurrence (fails loudly when the text is not there, so a test cannot edit nothing). */
  replace(rel: string, from: string, to: string): this {
    const text = this.read(rel);
    const at = text.indexOf(from);
    if (at < 0) throw new Error(`${rel} does not contain ${JSON.stringify(from)}`);
    if (text.indexOf(from, at + 1) >= 0) throw new Error(`${rel} contains ${JSON.stringify(from)} more than once`);
    return this.write(rel, text.slice(0, at) + to + text.slice(at + from.length));
  }

  /** Edit one YAML file through the `yaml` package's document model (comments and styles kept). */
  editYaml(rel: string, edit: (doc: Document) => void): this {
    const doc = parseDocument(this.read(rel));
    if (doc.errors.length > 0) throw new Error(`${rel}: ${doc.errors[0]!.message}`);
    edit(doc);
    return this.write(rel, doc.toString({ lineWidth: 0 }));
  }

  /** Reformat a file without changing its data: every collection flow or block, every string quoted. */
  restyle(rel: string, style: { flow: boolean; quote: "QUOTE_SINGLE" | "QUOTE_DOUBLE" }): this {
    return this.editYaml(rel, (doc) => {
      visit(doc, {
        Map: (_, n) => void (n.flow = style.flow),
        Seq: (_, n) => void (n.flow = style.flow),
        Scalar: (_, n) => void (typeof n.value === "string" ? (n.type = Scalar[style.quote]) : undefined),
      });
    });
  }

  /** `git mv` inside the plan root. */
  mv(from: string, to: string): this {
    mkdirSync(path.dirname(this.path(to)), { recursive: true });
    this.git("mv", path.join(this.prefix, from), path.join(this.prefix, to));
    return this;
  }

  /** Stage everything and commit; returns the new commit's hash. */
  commit(message: string): string {
    this.git("add", "--all");
    this.git("commit", "--quiet", "--allow-empty", "-m", message);
    return this.head();
  }

  head(): string {
    return this.git("rev-parse", "HEAD").trim();
  }

  exists(rel: string): boolean {
    return existsSync(this.path(rel));
  }
}

/** The index of the item with `id` (or another key) in the sequence at `seqPath`. */
function indexOf(doc: Document, seqPath: (string | number)[], id: string, key = "id"): number {
  const seq = doc.getIn(seqPath, true);
  if (!isSeq(seq)) throw new Error(`${seqPath.join(".")} is not a list`);
  const i = seq.items.findIndex((item) => isMap(item) && item.get(key) === id);
  if (i < 0) throw new Error(`no ${key} ${id} in ${seqPath.join(".")}`);
  return i;
}

/** The path of the item with `id` in a list, for getIn/setIn. */
export function itemPath(doc: Document, seqPath: (string | number)[], id: string, key = "id"): (string | number)[] {
  return [...seqPath, indexOf(doc, seqPath, id, key)];
}

export interface PlanRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** The built CLI as a child process (asynchronous, so tests can run side by side), NO_COLOR. */
export function runPlan(args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<PlanRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: opts.cwd ?? ROOT,
      env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: undefined, ...opts.env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (b: Buffer) => out.push(b));
    child.stderr.on("data", (b: Buffer) => err.push(b));
    const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
    child.on("error", reject);
    child.on("close", (status) => {
      clearTimeout(timer);
      resolve({ status, stdout: Buffer.concat(out).toString("utf8"), stderr: Buffer.concat(err).toString("utf8") });
    });
  });
}

/** The JSON of `plan diff`, as the issue specifies it. */
export interface DiffJson {
  base: string;
  head: string;
  summary: string;
  added: { id: string; typ: string; year: number | null }[];
  removed: { id: string; typ: string; year: number | null; strands?: Record<string, string[]> }[];
  changed: {
    id: string;
    typ: string;
    year: number | null;
    fields: { path: string; from: unknown; to: unknown; reparent?: "moved" | "owner" }[];
  }[];
  renames: { from: string; to: string; typ: string; year: number | null }[];
  introduced: { code: string; severity: string; message: string; file: string; line: number; column: number; id?: string }[];
  resolved: DiffJson["introduced"];
  status_changes: { period: string; id: string; typ: string; from?: string; to?: string }[];
  flags: { code: string; id: string; typ: string; year: number | null; file: string; entities: string[]; message: string }[];
}

/** `plan diff … --format json`, parsed; fails with the output when it is not JSON. */
export async function diffJson(args: string[], opts: { cwd?: string } = {}): Promise<{ run: PlanRun; json: DiffJson }> {
  const run = await runPlan(["diff", ...args, "--format", "json"], opts);
  try {
    return { run, json: JSON.parse(run.stdout) as DiffJson };
  } catch {
    throw new Error(`plan diff ${args.join(" ")}: not JSON (status ${run.status}):\n${run.stdout}\n${run.stderr}`);
  }
}
