// Parse many files on two threads while keeping the loader synchronous: the main thread parses
// its share, then waits on a shared flag for the worker's share.
import { os, workerThreads } from "./builtins.js";
import { parseValues, type ParsedValues } from "./parse.js";

/**
 * Below this many bytes a second thread costs more than it saves: with the fast path, one
 * thread reads the 6 MB bench corpus faster than two, and a corpus four times that size ties
 * (starting the worker and copying its results back weigh as much as the parsing it takes over).
 */
const PARALLEL_MIN_BYTES = 32_000_000;

export type FileInput = { name: string; bytes: Uint8Array };
export type FileValues = { name: string } & ParsedValues;

/** Split into two shares of about equal size, largest files first. */
function split(files: readonly FileInput[]): [FileInput[], FileInput[]] {
  const order = [...files].sort((a, b) => b.bytes.length - a.bytes.length);
  const mine: FileInput[] = [];
  const theirs: FileInput[] = [];
  let a = 0;
  let b = 0;
  for (const f of order) {
    // The worker's results still have to be copied into this thread: give it a little less.
    if (a <= b * 1.1) {
      mine.push(f);
      a += f.bytes.length;
    } else {
      theirs.push(f);
      b += f.bytes.length;
    }
  }
  // Each share is parsed smallest first (see parseSmallFirst).
  return [mine.reverse(), theirs.reverse()];
}

/**
 * Parsed values for every file, in the order given, parsed smallest first: V8 optimises the
 * reader's code while it reads the many small files, instead of reading a budget of half a
 * megabyte (which sorts early by path) in code not yet optimised. On the city-sized plan the
 * first pass over the files takes about 30 ms less this way (test/bench/README.md). The values
 * do not depend on the order.
 */
function parseSmallFirst(files: readonly FileInput[]): FileValues[] {
  const order = files.map((_, i) => i).sort((a, b) => files[a]!.bytes.length - files[b]!.bytes.length || a - b);
  const out = new Array<FileValues>(files.length);
  for (const i of order) out[i] = { name: files[i]!.name, ...parseValues(files[i]!.name, files[i]!.bytes) };
  return out;
}

/** Parsed values for every file, in the order given. */
export interface ParallelOptions {
  parallel?: boolean;
  /** The worker script (tests give one that fails). */
  workerUrl?: URL;
  /** How long past five times its own parsing time the main thread waits for the worker. */
  graceMs?: number;
}

export function parseAll(files: readonly FileInput[], opts: ParallelOptions = {}): FileValues[] {
  const total = files.reduce((n, f) => n + f.bytes.length, 0);
  const parallel = opts.parallel ?? (total >= PARALLEL_MIN_BYTES && os().availableParallelism() > 1 && process.env.RODTRAD_THREADS !== "1");
  if (!parallel) return parseSmallFirst(files);

  const [mine, theirs] = split(files);
  const { MessageChannel, receiveMessageOnPort, Worker } = workerThreads();
  const { port1, port2 } = new MessageChannel();
  const signal = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(opts.workerUrl ?? new URL("./parse-worker.js", import.meta.url), {
    workerData: { port: port2, signal, files: theirs },
    transferList: [port2],
  });
  worker.unref();
  const byName = new Map<string, FileValues>();
  const started = performance.now();
  for (const { name, bytes } of mine) byName.set(name, { name, ...parseValues(name, bytes) });
  // The worker's share is about as big as this one: if it takes far longer, the worker is
  // lost (it could not start, or died), and its share is parsed here instead. Never a hang.
  const deadline = performance.now() + 5 * (performance.now() - started) + (opts.graceMs ?? 10_000);
  while (Atomics.load(signal, 0) === 0 && performance.now() < deadline) Atomics.wait(signal, 0, 0, 250);
  const message = Atomics.load(signal, 0) === 1 ? (receiveMessageOnPort(port1)?.message as FileValues[] | { error: string } | undefined) : undefined;
  void worker.terminate();
  port1.close();
  if (!Array.isArray(message)) {
    // The worker failed (it should not): parse its share here, so the result stays the same.
    for (const { name, bytes } of theirs) byName.set(name, { name, ...parseValues(name, bytes) });
  } else {
    for (const r of message) byName.set(r.name, r);
  }
  return files.map((f) => byName.get(f.name)!);
}
