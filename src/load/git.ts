// Plan files straight from a git revision: ls-tree and one `git cat-file --batch`, no checkout.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { PlanIoError } from "./errors.js";
import { memorySource, type FileSource } from "./load-plan.js";

const MAX_BUFFER = 2 * 1024 * 1024 * 1024;

/**
 * Every call takes paths literally: a plan folder named `:(exclude)x`, `:/` or `*` is a
 * folder, not pathspec magic. Revisions are passed after `--end-of-options` where git
 * reads them, so one starting with `-` is never an option.
 */
function git(cwd: string, args: string[], input?: string): { status: number; stdout: Buffer; stderr: string } {
  const r = spawnSync("git", ["--literal-pathspecs", ...args], { cwd, input, maxBuffer: MAX_BUFFER });
  if (r.error) throw new PlanIoError(`cannot run git: ${r.error.message}`);
  return { status: r.status ?? 1, stdout: r.stdout, stderr: r.stderr.toString("utf8") };
}

/** The top of the git work tree holding `dir`. */
export function gitTopLevel(dir: string): string {
  const r = git(dir, ["rev-parse", "--show-toplevel"]);
  if (r.status !== 0) throw new PlanIoError(`not inside a git repository: ${dir} (plan diff reads revisions from git)`);
  return r.stdout.toString("utf8").trim();
}

/** A word for a POSIX shell: as it is when plainly safe, else in single quotes (`'` as `'\''`). */
export function shellQuote(word: string): string {
  return /^[A-Za-z0-9._/+:@-]+$/u.test(word) && !word.startsWith("-") ? word : `'${word.replace(/'/gu, "'\\''")}'`;
}

/**
 * The commit a revision names, or a PlanIoError that tells how to fetch it. The advice is
 * meant to be copied into a shell, so every piece of the revision in it is shell-quoted.
 */
export function resolveRevision(top: string, rev: string): string {
  const r = git(top, ["rev-parse", "--verify", "--quiet", "--end-of-options", `${rev}^{commit}`]);
  if (r.status === 0) return r.stdout.toString("utf8").trim();
  // No ref name starts with "-", and advice such as `git fetch origin --upload-pack=…` would run a command.
  if (rev.startsWith("-")) throw new PlanIoError(`unknown revision "${rev}": a revision never starts with "-"`);
  const shallow = git(top, ["rev-parse", "--is-shallow-repository"]).stdout.toString("utf8").trim() === "true";
  const remote = /^([A-Za-z0-9._-]+)\/([^~^:@\s]+)$/u.exec(rev);
  let advice: string;
  if (remote && git(top, ["remote"]).stdout.toString("utf8").split("\n").includes(remote[1]!)) {
    // A single-branch (shallow) clone fetches no other branch unless the refspec says where to put it.
    advice = `git fetch ${shellQuote(remote[1]!)} ${shellQuote(`+refs/heads/${remote[2]}:refs/remotes/${remote[1]}/${remote[2]}`)}`;
  } else if (shallow) {
    advice = "git fetch --unshallow";
  } else {
    advice = `git fetch origin ${shellQuote(rev)}`;
  }
  throw new PlanIoError(
    `unknown revision "${rev}"${shallow ? " (this clone is shallow)" : ""}: fetch it first, e.g. \`${advice}\`, or check out with full history (actions/checkout: fetch-depth: 0)`,
  );
}

/**
 * The files below `prefix` (the plan root relative to the top, "" for the top itself) in a
 * commit, read with one `git cat-file --batch`. Paths are relative to the plan root.
 */
export function revisionSource(top: string, commit: string, prefix: string): FileSource {
  const spec = prefix === "" ? "." : prefix;
  const ls = git(top, ["ls-tree", "-r", "-z", "--full-tree", commit, "--", spec]);
  if (ls.status !== 0) throw new PlanIoError(`git ls-tree failed: ${ls.stderr.trim().split("\n")[0]}`);
  const entries: { sha: string; rel: string }[] = [];
  for (const record of ls.stdout.toString("utf8").split("\0")) {
    if (record === "") continue;
    const tab = record.indexOf("\t");
    const [mode, type, sha] = record.slice(0, tab).split(" ");
    const full = record.slice(tab + 1);
    // Regular files only: symbolic links (120000) and submodules are not followed.
    if (type !== "blob" || (mode !== "100644" && mode !== "100755")) continue;
    const rel = prefix === "" ? full : full.startsWith(`${prefix}/`) ? full.slice(prefix.length + 1) : undefined;
    if (rel === undefined || !/\.ya?ml$/u.test(rel)) continue;
    entries.push({ sha: sha!, rel });
  }
  const files = new Map<string, Uint8Array>();
  if (entries.length > 0) {
    const batch = git(top, ["cat-file", "--batch"], `${entries.map((e) => e.sha).join("\n")}\n`);
    if (batch.status !== 0) throw new PlanIoError(`git cat-file failed: ${batch.stderr.trim().split("\n")[0]}`);
    const out = batch.stdout;
    let pos = 0;
    for (const e of entries) {
      const nl = out.indexOf(0x0a, pos);
      const header = out.subarray(pos, nl).toString("utf8");
      const size = Number(header.split(" ")[2]);
      if (!Number.isFinite(size)) throw new PlanIoError(`git cat-file: unexpected answer for ${e.rel}`);
      files.set(e.rel, out.subarray(nl + 1, nl + 1 + size));
      pos = nl + 1 + size + 1;
    }
  }
  return memorySource(files);
}

/** The plan root's path relative to the git top level, with forward slashes. */
export function relativePrefix(top: string, root: string): string {
  const rel = path.relative(top, root);
  return rel === "" ? "" : rel.split(path.sep).join("/");
}
