// The only place that writes to stdout and stderr (files: write-file.ts). Loaded by `plan
// --version` too, so it imports nothing it does not need.
import { BilingualError } from "../diagnostics/bilingual.js";
import { terminalSafe } from "../format/text.js";
import { messageLang } from "./lang.js";

export class UsageError extends BilingualError {
  override name = "UsageError";
}

/** A file that could not be written, as the one line the user sees: the path and the system's code. */
export function cannotWrite(what: string, e: unknown): UsageError {
  const { code, message } = e as NodeJS.ErrnoException;
  return new UsageError({ en: `cannot write ${what}: ${code ?? message}`, sv: `kan inte skriva ${what}: ${code ?? message}` });
}

/** Exit status for usage and I/O errors, a full disk and a closed pipe included. */
const IO_STATUS = 2;

/**
 * stdout could not take the output: a closed pipe (`plan … | head -c1`) ends silently, anything
 * else (a full disk, /dev/full) with one line; both with a non-zero status and no stack trace.
 */
function stdoutFailed(e: unknown): never {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (code !== "EPIPE") err(messageLang() === "sv" ? `plan: kan inte skriva till stdout: ${code ?? (e as Error).message}` : `plan: cannot write to stdout: ${code ?? (e as Error).message}`);
  process.exit(IO_STATUS);
}

/** Errors of asynchronous writes (pipes) arrive as events; stderr failing leaves nothing to tell. */
export function guardStreams(): void {
  process.stdout.on("error", stdoutFailed);
  process.stderr.on("error", () => process.exit(IO_STATUS));
}

export function out(text: string): void {
  try {
    process.stdout.write(text);
  } catch (e) {
    // A file or device on stdout is written synchronously: its error is thrown here.
    stdoutFailed(e);
  }
}

/** One message on stderr; control characters in it (from plan texts, file names, arguments) are shown escaped. */
export function err(text: string): void {
  try {
    process.stderr.write(`${terminalSafe(text.replace(/\n$/u, ""), true)}\n`);
  } catch {
    process.exitCode = IO_STATUS;
  }
}
