// Reading one file the tool did not write, without following it anywhere or waiting on it.
// Plan files and templates come from repositories many people edit: a FIFO would block a
// plain read for ever, a device such as /dev/zero never ends, and a symbolic link could
// lead out of the plan root. So the type is checked before opening (opening some devices
// has side effects), the file is opened without following a link and without blocking, the
// opened file is checked again (it may have been swapped in between), and no more than the
// cap is ever read, even from a file that grows while it is read.
import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, type Stats } from "node:fs";
import { PlanIoError } from "./errors.js";
import { kindWords, type Bilingual } from "../diagnostics/index.js";

/** One plan file: real ones are kilobytes, the largest file of the benchmark corpus 1.4 MB. */
export const MAX_PLAN_FILE_BYTES = 10 * 1024 * 1024;
/** All plan files together: about 40 times the benchmark corpus (6 MB, 1,022 files). */
export const MAX_PLAN_BYTES = 256 * 1024 * 1024;
export const MAX_PLAN_FILES = 100_000;
/** One template: the built-in ones are under 5 kB. */
export const MAX_TEMPLATE_BYTES = 1024 * 1024;
/** All templates one report reads, in bytes and in files. */
export const MAX_TEMPLATES_BYTES = 8 * 1024 * 1024;
export const MAX_TEMPLATE_FILES = 1000;

/** What a path is when it is not a regular file. */
export type EntryKind = "file" | "folder" | "symlink" | "fifo" | "socket" | "device" | "submodule" | "other";

function kindOf(st: Stats): EntryKind {
  if (st.isFile()) return "file";
  if (st.isDirectory()) return "folder";
  if (st.isSymbolicLink()) return "symlink";
  if (st.isFIFO()) return "fifo";
  if (st.isSocket()) return "socket";
  if (st.isCharacterDevice() || st.isBlockDevice()) return "device";
  return "other";
}

export type Refusal = { kind: Exclude<EntryKind, "file"> } | { kind: "too-large"; size: number; max: number } | { kind: "unreadable"; detail: string };

export type ReadResult = { bytes: Uint8Array } | { refused: Refusal } | undefined;

/** The kind of what is at `abs` without following a link; undefined when nothing is there. */
export function entryKind(abs: string): EntryKind | undefined {
  try {
    return kindOf(lstatSync(abs));
  } catch (e) {
    const code = errno(e);
    if (code === "ENOENT" || code === "ENOTDIR") return undefined;
    throw new PlanIoError({ en: `cannot read ${abs}: ${code}`, sv: `kan inte läsa ${abs}: ${code}` });
  }
}

const errno = (e: unknown): string => (e as NodeJS.ErrnoException).code ?? (e as Error).message;

/**
 * The bytes of a regular file at `abs`, at most `max` of them; undefined when there is no
 * file; a refusal for anything else (a link, a special file, a file above the cap).
 */
export function readRegularFile(abs: string, max: number, opts: { listed?: boolean } = {}): ReadResult {
  // `listed`: the folder's listing has just said that this is a regular file (its d_type), so
  // the type is not asked once more before opening; the opened file is still checked.
  let before: Stats | undefined;
  if (!opts.listed) {
    try {
      before = lstatSync(abs);
    } catch (e) {
      const code = errno(e);
      if (code === "ENOENT" || code === "ENOTDIR") return undefined;
      return { refused: { kind: "unreadable", detail: code } };
    }
    const kind = kindOf(before);
    if (kind !== "file") return { refused: { kind } };
    if (before.size > max) return { refused: { kind: "too-large", size: before.size, max } };
  }
  let fd: number;
  try {
    fd = openSync(abs, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0));
  } catch (e) {
    const code = errno(e);
    if (!before && (code === "ENOENT" || code === "ENOTDIR")) return undefined;
    // ELOOP: the file became a link after it was looked at.
    return { refused: code === "ELOOP" ? { kind: "symlink" } : { kind: "unreadable", detail: code } };
  }
  try {
    const st = fstatSync(fd);
    const now = kindOf(st);
    if (now !== "file") return { refused: { kind: now } };
    if (before && (st.ino !== before.ino || st.dev !== before.dev)) return { refused: { kind: "unreadable", detail: "changed while read" } };
    if (st.size > max) return { refused: { kind: "too-large", size: st.size, max } };
    return readBounded(fd, st.size, max);
  } catch (e) {
    return { refused: { kind: "unreadable", detail: errno(e) } };
  } finally {
    closeSync(fd);
  }
}

/**
 * Read to the end, but never more than max + 1 bytes: one byte more tells that the file is too
 * large. Once the bytes fstat counted (`size`, within the cap) are in, the read stops without
 * asking for an end it would only find past bytes written since: the file as it was.
 */
function readBounded(fd: number, size: number, max: number): ReadResult {
  let buf = Buffer.allocUnsafe(Math.min(size, max) + 1);
  let total = 0;
  for (;;) {
    if (total === buf.length) {
      if (total > max) return { refused: { kind: "too-large", size: total, max } };
      const bigger = Buffer.allocUnsafe(Math.min(buf.length * 2, max + 1));
      buf.copy(bigger, 0, 0, total);
      buf = bigger;
    }
    const n = readSync(fd, buf, total, buf.length - total, null);
    if (n === 0) break;
    total += n;
    if (total === size && size <= max) break;
  }
  if (total > max) return { refused: { kind: "too-large", size: total, max } };
  return { bytes: buf.subarray(0, total) };
}

const MIB = 1024 * 1024;

/** Stop before a plan too big for any kommun exhausts the machine: one line, exit 2. */
export function checkPlanTotals(files: number, bytes: number): void {
  if (files > MAX_PLAN_FILES) throw new PlanIoError({
      en: `the plan has more than ${MAX_PLAN_FILES} plan files: refused (list folders that are not plan files under ignorera in plan.yaml)`,
      sv: `planen har fler än ${MAX_PLAN_FILES} planfiler: vägras (lista mappar som inte är planfiler under ignorera i plan.yaml)`,
    });
  if (bytes > MAX_PLAN_BYTES) throw new PlanIoError({
      en: `the plan files hold more than ${MAX_PLAN_BYTES / MIB} MiB in all: refused (list folders that are not plan files under ignorera in plan.yaml)`,
      sv: `planfilerna är sammanlagt större än ${MAX_PLAN_BYTES / MIB} MiB: vägras (lista mappar som inte är planfiler under ignorera i plan.yaml)`,
    });
}


/** One line for a refused file, for the places that stop (plan.yaml, templates). */
export function refusalLine(name: string | Bilingual, r: Refusal): Bilingual {
  const file = typeof name === "string" ? { en: name, sv: name } : name;
  if (r.kind === "too-large") return { en: `${file.en} is larger than ${r.max / MIB} MiB: refused`, sv: `${file.sv} är större än ${r.max / MIB} MiB: vägras` };
  if (r.kind === "unreadable") return { en: `cannot read ${file.en}: ${r.detail}`, sv: `kan inte läsa ${file.sv}: ${r.detail}` };
  const what = kindWords(r.kind);
  return {
    en: `${file.en} is ${what.en}: refused (the tool reads only regular files and folders, never through a link)`,
    sv: `${file.sv} är ${what.sv}: vägras (verktyget läser bara vanliga filer och mappar, aldrig via en länk)`,
  };
}
