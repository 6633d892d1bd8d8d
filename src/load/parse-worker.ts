// A second thread for big plans: parses its share of the files into plain values and hands
// them back. Only the `yaml` package parses, here as in the main thread.
import { workerData } from "node:worker_threads";
import type { MessagePort } from "node:worker_threads";
import type { ParsedValues } from "./parse.js";

interface Job {
  port: MessagePort;
  signal: Int32Array;
  files: { name: string; bytes: Uint8Array }[];
}

const { port, signal, files } = workerData as Job;
let results: ({ name: string } & ParsedValues)[] | { error: string };
try {
  // Imported here, so that even a failure to load ends in an answer the main thread reads.
  const { parseValues } = await import("./parse.js");
  results = files.map(({ name, bytes }) => ({ name, ...parseValues(name, bytes) }));
} catch (e) {
  results = { error: e instanceof Error ? e.message : String(e) };
}
port.postMessage(results);
Atomics.store(signal, 0, 1);
Atomics.notify(signal, 0);
