// Issue 8, class 6: where the output goes. `-o` never replaces a device, FIFO or link by a
// regular file, keeps the mode, leaves no temp file; a full disk or a closed pipe on stdout ends
// with one line (or none for EPIPE) and status 2, never a stack trace.
import { spawn, spawnSync } from "node:child_process";
import { chmodSync, closeSync, lstatSync, openSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { BIN, ROOT } from "./helpers/exec.js";
import { planInProcess } from "./helpers/in-process.js";
import { cleanup, tempDir } from "./helpers/plan-dir.js";

afterAll(cleanup);

const KATRINEHOLM = path.join(ROOT, "examples/katrineholm");
// In-process: where -o writes is the run function's (cli/write-file.ts); an error other than
// the one line and status 2 would be thrown, not printed (helpers/in-process.ts). How the
// process ends on a full device is the CLI's: "stdout that cannot take the output" below.
const report = (out: string) => planInProcess(["report", "delår", "-C", KATRINEHOLM, "-o", out]);
const noStack = (stderr: string): void => expect(stderr).not.toMatch(/^\s+at |internal error/mu);

// Only links in a temp folder point at /dev/null and /dev/full: were the code to replace its
// target by a regular file (as it once did, and as root it can), it replaces the link, not the device.
describe("plan report -o", () => {
  it("a link to /dev/null is written through: the link and the device stay", () => {
    const dir = tempDir();
    const link = path.join(dir, "null.md");
    symlinkSync("/dev/null", link);
    const r = report(link);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(statSync("/dev/null").isCharacterDevice()).toBe(true);
    expect(readdirSync(dir)).toEqual(["null.md"]);
  });

  it("a link to /dev/full: one line naming ENOSPC, status 2, no stack trace, no temp file", () => {
    const dir = tempDir();
    const link = path.join(dir, "full.md");
    symlinkSync("/dev/full", link);
    const r = report(link);
    expect(r.status).toBe(2);
    // katrineholm says språk: sv, so the line is Swedish.
    expect(r.stderr).toMatch(/^plan: kan inte skriva .*full\.md: ENOSPC\n$/u);
    noStack(r.stderr);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readdirSync(dir)).toEqual(["full.md"]);
  });

  it("a FIFO is written directly to its reader and stays a FIFO", async () => {
    const dir = tempDir();
    const fifo = path.join(dir, "rapport.md");
    expect(spawnSync("mkfifo", [fifo]).status).toBe(0);
    // The reader copies into a file, not a pipe to this process: this process writes the FIFO
    // synchronously and could not read a pipe meanwhile.
    const copy = openSync(path.join(dir, "läst.md"), "w");
    const reader = spawn("cat", [fifo], { stdio: ["ignore", copy, "inherit"] });
    closeSync(copy);
    const done = new Promise<void>((resolve) => reader.on("close", () => resolve()));
    const r = report(fifo);
    await done;
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(readFileSync(path.join(dir, "läst.md"), "utf8")).toMatch(/^# Delårsrapport/u);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });

  it("a regular file is replaced whole, keeps its 0600 mode, and no temp file is left", () => {
    const dir = tempDir();
    const file = path.join(dir, "rapport.md");
    writeFileSync(file, "old");
    chmodSync(file, 0o600);
    const r = report(file);
    expect(r.status).toBe(0);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, "utf8")).toMatch(/^# Delårsrapport/u);
    expect(readdirSync(dir)).toEqual(["rapport.md"]);
  });

  it("a link to a regular file: the file it points to is replaced, the link stays", () => {
    const dir = tempDir();
    const file = path.join(dir, "real.md");
    writeFileSync(file, "old");
    symlinkSync("real.md", path.join(dir, "link.md"));
    const r = report(path.join(dir, "link.md"));
    expect(r.status).toBe(0);
    expect(lstatSync(path.join(dir, "link.md")).isSymbolicLink()).toBe(true);
    expect(readFileSync(file, "utf8")).toMatch(/^# Delårsrapport/u);
    expect(readdirSync(dir).sort()).toEqual(["link.md", "real.md"]);
  });

  it("a link to nothing and a folder are refused with one line", () => {
    const dir = tempDir();
    symlinkSync(path.join(dir, "missing"), path.join(dir, "dangling.md"));
    for (const target of [path.join(dir, "dangling.md"), dir]) {
      const r = report(target);
      expect(r.status).toBe(2);
      expect(r.stderr.split("\n").filter(Boolean)).toHaveLength(1);
      noStack(r.stderr);
    }
    expect(lstatSync(path.join(dir, "dangling.md")).isSymbolicLink()).toBe(true);
  });
});

describe("stdout that cannot take the output", () => {
  const COMMANDS = [
    ["validate", "-C", KATRINEHOLM],
    ["trace", "-C", KATRINEHOLM],
    ["stats", "-C", KATRINEHOLM],
    ["status", "-C", KATRINEHOLM],
    ["report", "delår", "-C", KATRINEHOLM],
    ["regler"],
  ];

  // Each command in-process, its stdout throwing ENOSPC on every write as a device's synchronous
  // write does, and process.exit stopped and its status kept (helpers/in-process.ts); the CLI
  // on a real /dev/full below, once.
  it.each(COMMANDS)("%s with stdout on /dev/full: one line, status 2", (...args) => {
    const r = planInProcess(args, {}, { stdout: "full" });
    expect(r.status).toBe(2);
    // In the plan's language (the example says språk: sv), or English for regler, which reads no plan.
    expect(r.stderr).toBe(args[0] === "regler" ? "plan: cannot write to stdout: ENOSPC\n" : "plan: kan inte skriva till stdout: ENOSPC\n");
  });

  it("through the CLI, with stdout on the real /dev/full: one line, status 2", () => {
    const fd = openSync("/dev/full", "w");
    try {
      // regler: the command that starts quickest (it reads no plan); the language of the line is the in-process cases'.
      const r = spawnSync(process.execPath, [BIN, "regler"], { stdio: ["ignore", fd, "pipe"], encoding: "utf8", timeout: 20_000, env: { ...process.env, NO_COLOR: "1" } });
      expect(r.status).toBe(2);
      expect(r.stderr).toBe("plan: cannot write to stdout: ENOSPC\n");
      noStack(r.stderr);
    } finally {
      closeSync(fd);
    }
  });

  it("a pipe closed after the first byte (plan trace --format json | head -c1, 240 kB): silent, status 2", async () => {
    const child = spawn(process.execPath, [BIN, "trace", "-C", KATRINEHOLM, "--format", "json"], { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, NO_COLOR: "1" } });
    let stderr = "";
    child.stderr.on("data", (b: Buffer) => (stderr += b.toString("utf8")));
    child.stdout.once("data", () => child.stdout.destroy());
    const status = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(status).toBe(2);
    expect(stderr).toBe("");
  });

  it("a pipe read slowly gets every byte, and the status after them (the command ends itself once its output is out)", async () => {
    const args = ["trace", "-C", KATRINEHOLM, "--format", "json"];
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, NO_COLOR: "1" } });
    const chunks: Buffer[] = [];
    // Paused for a while at the start and after each chunk: the pipe fills, and the writer waits.
    child.stdout.pause();
    const resume = (): void => void setTimeout(() => child.stdout.resume(), 20);
    child.stdout.on("data", (b: Buffer) => {
      chunks.push(b);
      child.stdout.pause();
      resume();
    });
    resume();
    const status = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(status).toBe(0);
    const text = Buffer.concat(chunks).toString("utf8");
    expect(text.length).toBeGreaterThan(100_000);
    expect(text).toBe(planInProcess(args).stdout);
    expect(chunks.length).toBeGreaterThan(1);
  });
});
