// The Kolada test server (test/tools/kolada-demo-server.mjs, which the README's demo runs too)
// and plan kolada run in this process: the command is asynchronous (it waits for the network),
// so it has its own runner beside helpers/in-process.ts's, with the same capture of the streams.
import { vi } from "vitest";
import { err, UsageError } from "../../src/cli/io.js";
import { runKolada, type KoladaOptions, type KoladaRunContext } from "../../src/cli/kolada.js";
import { chooseLang, messageLang, setMessageLang } from "../../src/cli/lang.js";
import { NET_DEFAULTS, type NetOptions } from "../../src/kolada/client.js";
import { PlanIoError } from "../../src/load/errors.js";
import type { Run } from "./exec.js";

export { KATRINEHOLM, startKoladaServer, type Data, type KoladaServer } from "../tools/kolada-demo-server.mjs";

/** The network's limits for tests: short waits (a test of the timeout sets its own, shorter). */
export const FAST_NET: NetOptions = { ...NET_DEFAULTS, timeoutMs: 5000, backoffMs: 1, maxWaitMs: 20 };

/** `plan kolada` with `o` in this process: stdout and stderr captured, a usage error as status 2 and one line. */
export async function koladaInProcess(o: KoladaOptions, ctx: KoladaRunContext = {}): Promise<Run> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const capture = (into: string[]) => (chunk: string | Uint8Array): boolean => {
    into.push(typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8"));
    return true;
  };
  const outSpy = vi.spyOn(process.stdout, "write").mockImplementation(capture(stdout) as typeof process.stdout.write);
  const errSpy = vi.spyOn(process.stderr, "write").mockImplementation(capture(stderr) as typeof process.stderr.write);
  setMessageLang(chooseLang(o.lang, undefined, process.env));
  let status: number;
  try {
    status = await runKolada(o, { net: FAST_NET, today: "2026-11-30", ...ctx });
  } catch (e) {
    if (!(e instanceof UsageError || e instanceof PlanIoError)) throw e;
    err(`plan: ${e.in(messageLang())}`);
    status = 2;
  } finally {
    outSpy.mockRestore();
    errSpy.mockRestore();
  }
  return { status, stdout: stdout.join(""), stderr: stderr.join("") };
}
