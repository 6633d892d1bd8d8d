// The only place that writes files: reports (text, or the bytes of a PDF or DOCX), atomically;
// and GitHub's step summary, appended.
import { closeSync, fchmodSync, lstatSync, mkdirSync, openSync, realpathSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from "node:fs";
import path from "node:path";
import { crypto } from "../load/builtins.js";
import { cannotWrite } from "./io.js";

/**
 * Write a report to `file`.
 *
 * - A regular file, or a new one, is written whole or not at all: a temporary file beside it,
 *   created exclusively (`wx`) under a random name so that nothing planted can redirect the
 *   write, then renamed over the target. The target's mode is kept; a new file gets the mode
 *   the umask allows. The temporary file is removed on any failure.
 * - A symbolic link is followed: the file it points to is replaced and the link stays.
 *   A link to nothing is refused.
 * - A device or FIFO (`/dev/null`, `/dev/stdout` on a pipe) is written directly, as a shell's
 *   `>` would; it is never replaced by a regular file. A directory or socket is refused.
 */
export function writeFileAtomic(file: string, text: string | Uint8Array): void {
  const link = lstatSync(file, { throwIfNoEntry: false });
  const target = statSync(file, { throwIfNoEntry: false });
  if (link?.isSymbolicLink() && !target) throw Object.assign(new Error("a symbolic link to nothing"), { code: "ENOENT" });
  if (target?.isDirectory()) throw Object.assign(new Error("a folder"), { code: "EISDIR" });
  if (target && !target.isFile()) {
    if (target.isSocket()) throw Object.assign(new Error("a socket"), { code: "ENXIO" });
    writeFileSync(file, text);
    return;
  }
  const real = link?.isSymbolicLink() ? realpathSync(file) : file;
  const tmp = path.join(path.dirname(real), `.${path.basename(real)}.${crypto().randomBytes(8).toString("hex")}.tmp`);
  let fd: number | undefined;
  let created = false;
  try {
    fd = openSync(tmp, "wx", 0o666);
    created = true;
    // The umask applied at creation; the original's mode (a 0600 report stays 0600) is set exactly.
    if (target) fchmodSync(fd, target.mode & 0o7777);
    const bytes = typeof text === "string" ? Buffer.from(text, "utf8") : text;
    for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at);
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, real);
  } catch (e) {
    if (fd !== undefined) closeSync(fd);
    if (created) rmSync(tmp, { force: true });
    throw e;
  }
}

/** Write `text` to `rel` under the plan root `root` (folders made as needed), atomically; a failure is a usage error naming `rel`. */
export function writeInPlan(root: string, rel: string, text: string): void {
  const file = path.join(root, ...rel.split("/"));
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileAtomic(file, text);
  } catch (e) {
    throw cannotWrite(rel, e);
  }
}

/**
 * Append `text` to `file` (created when missing) in one write on a descriptor opened for
 * appending: the kernel places it at the end as a whole, so two steps appending at once do not
 * interleave their lines, and a failure leaves no half of it behind when the write fails at once.
 */
export function appendFileOnce(file: string, text: string): void {
  const fd = openSync(file, "a", 0o666);
  try {
    const bytes = Buffer.from(text, "utf8");
    for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at);
  } finally {
    closeSync(fd);
  }
}
