// Which files are plan files: the same rules on disk and in a git revision's tree.
//
// - `*.yaml` and `*.yml` files are plan files; folders starting with `.`, node_modules and
//   paths matched by `ignorera` are left out (plan.yaml never is).
// - Only regular files are read. Symbolic links are never followed, on disk as in git: a
//   link named like a plan file is an error (`not-regular-file`), any other link, and a git
//   submodule (on disk: a folder holding `.git`), is a warning (`not-followed`), because
//   plan files behind it are not read. FIFOs, sockets and devices named like plan files are
//   errors; nothing is opened to find out.
// - Nothing disappears quietly: a folder that cannot be read, a name that is not UTF-8 and two
//   names that are the same text after NFC normalisation (å typed two ways) are diagnostics.
import { lstatSync, readdirSync, type Dirent } from "node:fs";
import path from "node:path";
import { diagnostic, type ArgsOf, type Code, type Diagnostic } from "../diagnostics/index.js";
import { PlanIoError } from "./errors.js";
import { matchAny, type Glob } from "./glob.js";
import { firstInvalidUtf8 } from "./parse.js";
import { checkPlanTotals, type EntryKind } from "./read-file.js";

export interface Listing {
  /** Relative paths as the source spells them (forward slashes), sorted by `comparePaths`. */
  files: string[];
  diagnostics: Diagnostic[];
  /** How many plan files or folders `ignorera` left out. */
  ignored: number;
}

const isPlanName = (name: string): boolean => /\.ya?ml$/u.test(name);
const skippedFolder = (name: string): boolean => name.startsWith(".") || name === "node_modules";

/** Code-unit order of the NFC forms, so the order never depends on the file system; the raw forms break ties. */
export function comparePaths(a: string, b: string): number {
  const x = a.normalize("NFC");
  const y = b.normalize("NFC");
  if (x !== y) return x < y ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A finding about a whole file or folder: at its line 1, column 1. */
export function fileDiagnostic<C extends Code>(file: string, code: C, args: ArgsOf<C>): Diagnostic {
  return diagnostic(code, { file: file.normalize("NFC"), line: 1, column: 1 }, args);
}

/** A path the tool will not read: an error when it is named like a plan file, else a warning. */
export function refusedEntry(rel: string, kind: EntryKind | "too-large" | "unreadable"): Diagnostic {
  return fileDiagnostic(rel, isPlanName(rel) ? "not-regular-file" : "not-followed", { kind });
}

/** A name as text: its UTF-8, with each byte that is not UTF-8 written \xNN. */
function shownName(bytes: Uint8Array): string {
  let out = "";
  let rest = bytes;
  for (;;) {
    const bad = firstInvalidUtf8(rest);
    if (bad < 0) return out + Buffer.from(rest).toString("utf8");
    out += `${Buffer.from(rest.subarray(0, bad)).toString("utf8")}\\x${rest[bad]!.toString(16).padStart(2, "0")}`;
    rest = rest.subarray(bad + 1);
  }
}

/** Whether `ignorera` leaves a path out: `matched` is matchAny of its globs, made once per listing. */
const ignoredBy = (globs: readonly Glob[], matched: (path: string) => boolean, rel: string): boolean => {
  if (rel === "plan.yaml" || globs.length === 0) return false;
  return matched(rel.normalize("NFC"));
};

/** Sorted files and diagnostics; a path that equals an earlier one after NFC is reported and left out. */
function finish(files: string[], diagnostics: Diagnostic[], ignored: number): Listing {
  files.sort(comparePaths);
  const kept: string[] = [];
  const first = new Map<string, string>();
  for (const rel of files) {
    const nfc = rel.normalize("NFC");
    const earlier = first.get(nfc);
    if (earlier === undefined) {
      first.set(nfc, rel);
      kept.push(rel);
    } else {
      diagnostics.push(fileDiagnostic(rel, "bad-file-name", { kind: "nfc-collision", other: earlier }));
    }
  }
  diagnostics.sort((a, b) => comparePaths(a.file, b.file) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  return { files: kept, diagnostics, ignored };
}

/** The path up to its first name that is not UTF-8, shown with \xNN, and whether that name is a folder. */
function firstBadName(raw: Buffer): { shown: string; folder: boolean } {
  let start = 0;
  for (;;) {
    const slash = raw.indexOf(0x2f, start);
    const end = slash < 0 ? raw.length : slash;
    if (slash < 0 || firstInvalidUtf8(raw.subarray(start, end)) >= 0) return { shown: shownName(raw.subarray(0, end)), folder: slash >= 0 };
    start = end + 1;
  }
}

/** One entry of a git tree, relative to the plan root. */
export interface TreeEntry {
  path: Uint8Array;
  kind: EntryKind;
}

/** The plan files among a git revision's tree entries: the same rules as on disk. */
export function selectPlanFiles(entries: readonly TreeEntry[], globs: readonly Glob[] = []): Listing {
  const files: string[] = [];
  const diagnostics: Diagnostic[] = [];
  const badFolders = new Set<string>();
  const matched = matchAny(globs);
  let ignored = 0;
  for (const { path: bytes, kind } of entries) {
    const rel = Buffer.from(bytes).toString("utf8");
    const parts = rel.split("/");
    const name = parts[parts.length - 1]!;
    if (parts.slice(0, -1).some(skippedFolder)) continue;
    if (kind !== "file" && skippedFolder(name)) continue;
    if (ignoredBy(globs, matched, rel)) {
      if (isPlanName(name)) ignored++;
      continue;
    }
    if (firstInvalidUtf8(bytes) >= 0) {
      const bad = firstBadName(Buffer.from(bytes));
      // A folder is reported once (as on disk), a file when it is named like a plan file.
      if (bad.folder ? !badFolders.has(bad.shown) : isPlanName(name)) diagnostics.push(fileDiagnostic(bad.shown, "bad-file-name", { kind: "not-utf8" }));
      if (bad.folder) badFolders.add(bad.shown);
      continue;
    }
    if (kind === "file") {
      if (isPlanName(name)) files.push(rel);
    } else if (kind === "symlink" || kind === "submodule" || isPlanName(name)) {
      diagnostics.push(refusedEntry(rel, kind));
    }
  }
  return finish(files, diagnostics, ignored);
}

/** Every plan file below `root` (see the rules at the top). */
export function listPlanFiles(root: string, globs: readonly Glob[] = []): Listing {
  const files: string[] = [];
  const diagnostics: Diagnostic[] = [];
  const matched = matchAny(globs);
  let ignored = 0;
  const walk = (rel: string): void => {
    const abs = rel === "" ? root : path.join(root, rel);
    let entries: Dirent<Buffer>[];
    try {
      entries = readdirSync(abs, { withFileTypes: true, encoding: "buffer" });
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
      if (rel === "") throw new PlanIoError({ en: `cannot read the plan folder: ${code}`, sv: `kan inte läsa planens mapp: ${code}` });
      // A folder that cannot be listed may still be known to hold `.git`.
      diagnostics.push(isNestedRepository(abs) ? refusedEntry(rel, "submodule") : fileDiagnostic(rel, "unreadable-path", { detail: code }));
      return;
    }
    // A folder holding `.git` (a submodule or another repository): its files are not this plan's.
    // Seen in its own listing, without asking the file system once more per folder.
    if (rel !== "" && entries.some((entry) => entry.name.length === 4 && entry.name.equals(DOT_GIT))) {
      diagnostics.push(refusedEntry(rel, "submodule"));
      return;
    }
    // Byte order, so that the walk (and the order of what it reports) never depends on the file system.
    entries.sort((a, b) => Buffer.compare(a.name, b.name));
    for (const entry of entries) {
      const raw = entry.name;
      const name = raw.toString("utf8");
      const childRel = rel === "" ? name : `${rel}/${name}`;
      const isDir = entry.isDirectory();
      if ((isDir || entry.isSymbolicLink()) && skippedFolder(name)) continue;
      if (ignoredBy(globs, matched, childRel)) {
        if (isDir || isPlanName(name)) ignored++;
        continue;
      }
      if (firstInvalidUtf8(raw) >= 0) {
        if (isDir || isPlanName(name)) {
          diagnostics.push(fileDiagnostic(rel === "" ? shownName(raw) : `${rel}/${shownName(raw)}`, "bad-file-name", { kind: "not-utf8" }));
        }
        continue;
      }
      if (isDir) {
        walk(childRel);
      } else if (entry.isSymbolicLink()) {
        diagnostics.push(refusedEntry(childRel, "symlink"));
      } else if (isPlanName(name)) {
        if (entry.isFile()) {
          files.push(childRel);
          checkPlanTotals(files.length, 0);
        } else {
          diagnostics.push(refusedEntry(childRel, entryKindOf(entry)));
        }
      }
    }
  };
  walk("");
  return finish(files, diagnostics, ignored);
}

function entryKindOf(entry: Dirent<Buffer>): EntryKind {
  if (entry.isFIFO()) return "fifo";
  if (entry.isSocket()) return "socket";
  if (entry.isCharacterDevice() || entry.isBlockDevice()) return "device";
  return "other";
}

const DOT_GIT = Buffer.from(".git");

/** A folder holding `.git`: a submodule or another repository, whose files are not this plan's. */
function isNestedRepository(abs: string): boolean {
  try {
    return lstatSync(path.join(abs, ".git"), { throwIfNoEntry: false }) !== undefined;
  } catch {
    return false;
  }
}
