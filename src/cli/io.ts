// The only place that writes: stdout, stderr, and files (atomically).
import { renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

export class UsageError extends Error {
  override name = "UsageError";
}

export function out(text: string): void {
  process.stdout.write(text);
}

export function err(text: string): void {
  process.stderr.write(text.endsWith("\n") ? text : `${text}\n`);
}

/** Write a whole file or nothing: a temporary file beside it, then a rename. */
export function writeFileAtomic(file: string, text: string): void {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, file);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}
