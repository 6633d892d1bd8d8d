// Plan files straight from a git revision: ls-tree and one `git cat-file --batch`, no checkout.
import path from "node:path";
import { childProcess, crypto } from "./builtins.js";
import { PlanIoError } from "./errors.js";
import { selectPlanFiles, type TreeEntry } from "./list-files.js";
import type { FileSource } from "./load-plan.js";
import { checkPlanTotals, MAX_PLAN_FILE_BYTES, readRegularFile, type EntryKind } from "./read-file.js";

const MAX_BUFFER = 2 * 1024 * 1024 * 1024;

/**
 * Every call takes paths literally: a plan folder named `:(exclude)x`, `:/` or `*` is a
 * folder, not pathspec magic. Revisions are passed after `--end-of-options` where git
 * reads them, so one starting with `-` is never an option.
 */
function git(cwd: string, args: string[], input?: string): { status: number; stdout: Buffer; stderr: string } {
  const r = childProcess().spawnSync("git", ["--literal-pathspecs", ...args], { cwd, input, maxBuffer: MAX_BUFFER });
  if (r.error) throw new PlanIoError({ en: `cannot run git: ${r.error.message}`, sv: `kan inte köra git: ${r.error.message}` });
  return { status: r.status ?? 1, stdout: r.stdout, stderr: r.stderr.toString("utf8") };
}

/** git's own first line of an error, as git said it. */
const firstLine = (stderr: string): string => stderr.trim().split("\n")[0] ?? "";

/** The top of the git work tree holding `dir`. */
function gitTopLevel(dir: string): string {
  const r = git(dir, ["rev-parse", "--show-toplevel"]);
  if (r.status !== 0) throw new PlanIoError({ en: `not inside a git repository: ${dir} (plan diff reads revisions from git)`, sv: `inte i ett git-förråd: ${dir} (plan diff läser revisioner ur git)` });
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
  if (rev.startsWith("-")) throw new PlanIoError({ en: `unknown revision "${rev}": a revision never starts with "-"`, sv: `okänd revision "${rev}": en revision börjar aldrig med "-"` });
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
  throw new PlanIoError({
    en: `unknown revision "${rev}"${shallow ? " (this clone is shallow)" : ""}: fetch it first, e.g. \`${advice}\`, or check out with full history (actions/checkout: fetch-depth: 0)`,
    sv: `okänd revision "${rev}"${shallow ? " (den här klonen är grund)" : ""}: hämta den först, t.ex. \`${advice}\`, eller checka ut med hela historiken (actions/checkout: fetch-depth: 0)`,
  });
}

/**
 * The top of the work tree holding `dir` and the commits the revisions name, from one git call
 * when all is well. When it is not (no repository, an unknown revision), each is asked on its
 * own, for git's own word on what is wrong.
 */
export function resolveAll(dir: string, revs: readonly string[]): { top: string; commits: string[] } {
  const r = git(dir, ["rev-parse", "--show-toplevel", "--end-of-options", ...revs.map((rev) => `${rev}^{commit}`)]);
  const lines = r.stdout.toString("utf8").split("\n");
  // A git before 2.43 does not know --end-of-options here and prints it back, as rev-parse does
  // with what it does not know (a revision starting with "-" is then printed back too, and is
  // not a commit id below).
  if (lines[1] === "--end-of-options") lines.splice(1, 1);
  const commits = lines.slice(1, 1 + revs.length);
  if (r.status === 0 && lines.length === revs.length + 2 && lines[0] !== "" && lines.at(-1) === "" && commits.every((c) => /^([0-9a-f]{40}|[0-9a-f]{64})$/u.test(c))) {
    return { top: lines[0]!, commits };
  }
  const top = gitTopLevel(dir);
  return { top, commits: revs.map((rev) => resolveRevision(top, rev)) };
}

/** The kind of a git tree entry by its mode: only 100644 and 100755 are regular files. */
function kindOfMode(mode: string): EntryKind {
  if (mode === "100644" || mode === "100755") return "file";
  if (mode === "120000") return "symlink";
  if (mode === "160000") return "submodule";
  return "other";
}

/** The blobs with these ids, in order, from one `git cat-file --batch`. */
function readBlobs(top: string, shas: readonly string[]): Buffer[] {
  if (shas.length === 0) return [];
  const batch = git(top, ["cat-file", "--batch"], `${shas.join("\n")}\n`);
  if (batch.status !== 0) throw new PlanIoError({ en: `git cat-file failed: ${firstLine(batch.stderr)}`, sv: `git cat-file misslyckades: ${firstLine(batch.stderr)}` });
  const out = batch.stdout;
  const blobs: Buffer[] = [];
  let pos = 0;
  for (const sha of shas) {
    const nl = out.indexOf(0x0a, pos);
    const size = Number(out.subarray(pos, nl).toString("utf8").split(" ")[2]);
    if (nl < 0 || !Number.isFinite(size)) throw new PlanIoError({ en: `git cat-file: unexpected answer for ${sha}`, sv: `git cat-file: oväntat svar för ${sha}` });
    blobs.push(out.subarray(nl + 1, nl + 1 + size));
    pos = nl + 1 + size + 1;
  }
  return blobs;
}

/** Git's id of a blob holding these bytes: SHA-1, or SHA-256 in a repository that uses it (64 hex digits). */
function blobId(bytes: Uint8Array, idLength: number): string {
  return crypto().createHash(idLength === 64 ? "sha256" : "sha1")
    .update(`blob ${bytes.length}\0`)
    .update(bytes)
    .digest("hex");
}

/** The sizes of the objects with these ids, in order, from one `git cat-file --batch-check`: reading no blob. */
function blobSizes(top: string, shas: readonly string[]): number[] {
  if (shas.length === 0) return [];
  const check = git(top, ["cat-file", "--batch-check"], `${shas.join("\n")}\n`);
  if (check.status !== 0) throw new PlanIoError({ en: `git cat-file failed: ${firstLine(check.stderr)}`, sv: `git cat-file misslyckades: ${firstLine(check.stderr)}` });
  const lines = check.stdout.toString("latin1").split("\n");
  return shas.map((sha, i) => {
    // "<sha> blob <size>", or "<sha> missing".
    const [id, type, size] = (lines[i] ?? "").split(" ");
    if (id !== sha || type !== "blob" || !/^\d+$/u.test(size ?? "")) throw new PlanIoError({ en: `git cat-file: unexpected answer for ${sha}`, sv: `git cat-file: oväntat svar för ${sha}` });
    return Number(size);
  });
}

interface RevisionEntry {
  sha: string;
  kind: EntryKind;
  /** Known once the blob is found in the working tree or asked of git (`ls-tree -l` would open every blob to say). */
  size?: number;
}

/** One entry of a revision's tree: its path below the plan root, as bytes (it may not be UTF-8), its mode and its object id. */
interface TreeRecord {
  rel: Buffer;
  mode: string;
  sha: string;
}

/** The entries of `commit` below `prefix` ("" for the top), in git's order: by path, byte by byte. */
function lsTree(top: string, commit: string, prefix: string): TreeRecord[] {
  const ls = git(top, ["ls-tree", "-r", "-z", "--full-tree", commit, "--", prefix === "" ? "." : prefix]);
  if (ls.status !== 0) throw new PlanIoError({ en: `git ls-tree failed: ${firstLine(ls.stderr)}`, sv: `git ls-tree misslyckades: ${firstLine(ls.stderr)}` });
  const prefixBytes = Buffer.from(prefix === "" ? "" : `${prefix}/`, "utf8");
  const out = ls.stdout;
  const records: TreeRecord[] = [];
  for (let pos = 0; pos < out.length; ) {
    const end = out.indexOf(0, pos) < 0 ? out.length : out.indexOf(0, pos);
    const record = out.subarray(pos, end);
    pos = end + 1;
    const tab = record.indexOf(0x09);
    if (tab < 0) continue;
    // "<mode> <type> <sha>\t<path>".
    const [mode, , sha] = record.subarray(0, tab).toString("latin1").trim().split(/\s+/u);
    const full = record.subarray(tab + 1);
    if (mode === undefined || sha === undefined || !full.subarray(0, prefixBytes.length).equals(prefixBytes)) continue;
    records.push({ rel: full.subarray(prefixBytes.length), mode, sha });
  }
  return records;
}

const ABSENT = /^0+$/u;

/**
 * The entries of `base` below `prefix`, from those of `head` (lsTree) and git's list of the
 * entries that differ between the two (`git diff-tree -r`, renames not looked for): git then
 * walks only the folders that differ, instead of listing every file of the plan a second time.
 * `base` and `head` are commit ids (resolveAll), never options, as in lsTree.
 */
function treeBefore(top: string, base: string, head: string, prefix: string, headRecords: readonly TreeRecord[]): TreeRecord[] {
  const r = git(top, ["diff-tree", "-r", "-z", "--no-renames", "--ignore-submodules=none", base, head, "--", prefix === "" ? "." : prefix]);
  if (r.status !== 0) throw new PlanIoError({ en: `git diff-tree failed: ${firstLine(r.stderr)}`, sv: `git diff-tree misslyckades: ${firstLine(r.stderr)}` });
  const prefixBytes = Buffer.from(prefix === "" ? "" : `${prefix}/`, "utf8");
  const byPath = new Map(headRecords.map((x) => [x.rel.toString("latin1"), x]));
  const out = r.stdout;
  const field = (from: number): [Buffer, number] => {
    const end = out.indexOf(0, from);
    if (end < 0) throw new PlanIoError({ en: "git diff-tree: unexpected answer", sv: "git diff-tree: oväntat svar" });
    return [out.subarray(from, end), end + 1];
  };
  for (let pos = 0; pos < out.length; ) {
    // ":<mode before> <mode after> <id before> <id after> <status>", NUL, the path, NUL.
    const [meta, next] = field(pos);
    const [full, after] = field(next);
    pos = after;
    const [modeBefore, , shaBefore, , status] = meta.toString("latin1").replace(/^:/u, "").split(" ");
    if (modeBefore === undefined || shaBefore === undefined || status === undefined || /^[RC]/u.test(status)) {
      throw new PlanIoError({ en: "git diff-tree: unexpected answer", sv: "git diff-tree: oväntat svar" });
    }
    if (!full.subarray(0, prefixBytes.length).equals(prefixBytes)) continue;
    const rel = full.subarray(prefixBytes.length);
    const key = rel.toString("latin1");
    if (ABSENT.test(modeBefore)) byPath.delete(key);
    else byPath.set(key, { rel, mode: modeBefore, sha: shaBefore });
  }
  return [...byPath.values()].sort((a, b) => Buffer.compare(a.rel, b.rel));
}

/**
 * The bytes of a working tree's file this run has read already (by its path below the plan
 * root), if it has: `plan diff` against the working tree loads the working tree first.
 */
export type WorktreeBytes = (rel: string) => Uint8Array | undefined;

/**
 * The sources of a diff's revisions: `base`, and `head` when it is a revision too (not the
 * working tree). The base's entries then come from the head's and what git says differs
 * between them (treeBefore). `shared` holds blobs by id across revisions. `worktree`: when the
 * head is the working tree, what the run has read of it, for the base's files it holds unchanged.
 */
export function revisionSources(top: string, base: string, head: string | undefined, prefix: string, shared: Map<string, Buffer> = new Map(), worktree?: WorktreeBytes): [FileSource, FileSource | undefined] {
  if (head === undefined) return [sourceFrom(top, base, prefix, lsTree(top, base, prefix), shared, worktree), undefined];
  const headRecords = lsTree(top, head, prefix);
  const baseRecords = treeBefore(top, base, head, prefix, headRecords);
  return [sourceFrom(top, base, prefix, baseRecords, shared), sourceFrom(top, head, prefix, headRecords, shared)];
}

/** The files of one revision below `prefix` (sourceFrom, with the revision's own listing). */
export function revisionSource(top: string, commit: string, prefix: string, shared: Map<string, Buffer> = new Map()): FileSource {
  return sourceFrom(top, commit, prefix, lsTree(top, commit, prefix), shared);
}

/**
 * The files below `prefix` (the plan root relative to the top, "" for the top itself) in a
 * commit, whose tree entries `records` holds. No blob above the cap is ever read from git: its
 * size is asked first. The plan files are then read with one `git cat-file --batch`. The rules for which entries are plan files are
 * those of the disk (list-files.ts): links and submodules are not followed, and they are
 * reported, not dropped. `shared` holds blobs by id across revisions: two revisions of a plan
 * share most files, and a blob already read is not asked of git again; nor is a blob the
 * working tree holds unchanged (fromWorkTree), taken from `worktree` where the run has read it.
 */
function sourceFrom(top: string, commit: string, prefix: string, records: readonly TreeRecord[], shared: Map<string, Buffer>, worktree?: WorktreeBytes): FileSource {
  const entries = new Map<string, RevisionEntry>();
  const tree: TreeEntry[] = [];
  for (const { rel, mode, sha } of records) {
    const kind = kindOfMode(mode);
    tree.push({ path: rel, kind });
    entries.set(rel.toString("utf8"), { sha, kind });
  }
  const where = { en: `revision ${commit.slice(0, 12)}`, sv: `revisionen ${commit.slice(0, 12)}` };
  const blobs = new Map<string, Uint8Array>();
  /**
   * The blob of a file from `shared`, or from the working tree when the file there holds its
   * very bytes (its blob id says so). In the usual diff (a branch against the commit before it,
   * or against the working tree) that is nearly every file, and reading them is cheaper than git
   * unpacking them; a file that differs (another id, a link, above the cap) is left to git.
   */
  const fromWorkTree = (e: RevisionEntry, rel: string): Buffer | undefined => {
    const known = shared.get(e.sha);
    if (known) return known;
    // What this run has read of the file already (`worktree`), else the file itself.
    const seen = worktree?.(rel);
    // Opened without asking its type first (`listed`): whatever is there, its bytes count only
    // when they are the blob's (its id says so), and opening still refuses a link or a special file.
    const disk = seen ? { bytes: seen } : readRegularFile(path.join(top, prefix, rel), MAX_PLAN_FILE_BYTES, { listed: true });
    if (!disk || !("bytes" in disk) || blobId(disk.bytes, e.sha.length) !== e.sha) return undefined;
    const blob = Buffer.isBuffer(disk.bytes) ? disk.bytes : Buffer.from(disk.bytes.buffer, disk.bytes.byteOffset, disk.bytes.byteLength);
    shared.set(e.sha, blob);
    return blob;
  };
  /** Each entry's blob where the working tree or `shared` has it, and the size of every other one from git. */
  const settle = (wanted: readonly RevisionEntry[], rels: readonly string[]): void => {
    const unknown: RevisionEntry[] = [];
    // What is read is counted as it is read: a revision too big is refused before it is all in memory.
    let read = 0;
    wanted.forEach((e, i) => {
      if (e.size === undefined) {
        const blob = fromWorkTree(e, rels[i]!);
        if (blob) e.size = blob.length;
        else unknown.push(e);
      }
      if (e.size !== undefined && e.size <= MAX_PLAN_FILE_BYTES) checkPlanTotals(wanted.length, (read += e.size));
    });
    blobSizes(top, unknown.map((e) => e.sha)).forEach((size, i) => (unknown[i]!.size = size));
  };
  /** The blobs of these entries (each within the cap) that neither `shared` nor the working tree had, from git. */
  const fetchMissing = (wanted: readonly RevisionEntry[]): void => {
    const missing = [...new Set(wanted.map((e) => e.sha).filter((sha) => !shared.has(sha)))];
    readBlobs(top, missing).forEach((blob, i) => shared.set(missing[i]!, blob));
  };
  return {
    where,
    list(globs) {
      const listing = selectPlanFiles(tree, globs);
      const rels = listing.files.filter((rel) => entries.get(rel)?.kind === "file");
      // The count is refused before anything is read; the bytes before any blob is read from git.
      checkPlanTotals(rels.length, 0);
      const wanted = rels.map((rel) => entries.get(rel)!);
      settle(wanted, rels);
      const within = wanted.filter((e) => e.size! <= MAX_PLAN_FILE_BYTES);
      checkPlanTotals(within.length, within.reduce((n, e) => n + e.size!, 0));
      fetchMissing(within);
      rels.forEach((rel, i) => {
        if (wanted[i]!.size! <= MAX_PLAN_FILE_BYTES) blobs.set(rel, shared.get(wanted[i]!.sha)!);
      });
      return listing;
    },
    read(rel) {
      const e = entries.get(rel);
      if (e === undefined) return undefined;
      if (e.kind !== "file") return { refused: { kind: e.kind } };
      if (!blobs.has(rel)) {
        settle([e], [rel]);
        if (e.size! <= MAX_PLAN_FILE_BYTES) {
          fetchMissing([e]);
          blobs.set(rel, shared.get(e.sha)!);
        }
      }
      if (e.size! > MAX_PLAN_FILE_BYTES) return { refused: { kind: "too-large", size: e.size!, max: MAX_PLAN_FILE_BYTES } };
      return { bytes: blobs.get(rel)! };
    },
  };
}

/** The plan root's path relative to the git top level, with forward slashes. */
export function relativePrefix(top: string, root: string): string {
  const rel = path.relative(top, root);
  return rel === "" ? "" : rel.split(path.sep).join("/");
}
