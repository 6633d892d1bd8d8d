// Run the built CLI as a user would: a child process, NO_COLOR, captured output and status.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

export const BIN = fileURLToPath(new URL("../../bin/plan.js", import.meta.url));
export const ROOT = fileURLToPath(new URL("../../", import.meta.url));

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function plan(args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string; timeout?: number } = {}): Run {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd ?? ROOT,
    env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: undefined, ...opts.env },
    input: opts.input ?? "",
    encoding: "utf8",
    timeout: opts.timeout ?? 30_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
