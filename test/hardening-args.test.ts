// Issue 8, class 8: arguments are data. Object.prototype's names are unknown values, a revision
// echoed in advice is shell-quoted, and a plan folder named like pathspec magic is a folder.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { normalizeArgv } from "../src/cli/argv.js";
import { shellQuote } from "../src/load/git.js";
import { plan, ROOT } from "./helpers/exec.js";
import { cleanupRepos, GitRepo, runPlan } from "./helpers/git-repo.js";
import { planInProcess } from "./helpers/in-process.js";

afterAll(cleanupRepos);

const KATRINEHOLM = path.join(ROOT, "examples/katrineholm");

/** Exit 2 with exactly one line on stderr, naming the value as given; no stack, no internal error. */
function oneLine(r: { status: number | null; stdout: string; stderr: string }, value: string): void {
  expect(r.status).toBe(2);
  expect(r.stdout).toBe("");
  const lines = r.stderr.split("\n").filter(Boolean);
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^plan: /u);
  expect(lines[0]).toContain(`"${value}"`);
  expect(r.stderr).not.toMatch(/internal error|native code|\[object Object\]/u);
}

describe("an argument named like an Object.prototype member is an unknown value", () => {
  const NAMES = ["constructor", "__proto__", "valueOf", "toString", "hasOwnProperty"];

  it("normalizeArgv leaves them as they are", () => {
    expect(normalizeArgv(NAMES)).toEqual(NAMES);
    expect(normalizeArgv(["--ar", "2025", "--namnd", "KS", "delar"])).toEqual(["--år", "2025", "--nämnd", "KS", "delår"]);
  });

  // Which values the commands refuse, and how they say so, is the run functions': in-process
  // (helpers/in-process.ts turns their error into one line and status 2 as main does).
  it.each([
    [["trace", "constructor"], "constructor"],
    [["trace", "__proto__"], "__proto__"],
    [["trace", "hasOwnProperty", "--format", "md"], "hasOwnProperty"],
    [["status", "--nämnd", "__proto__"], "__proto__"],
    [["report", "delår", "--nämnd", "constructor"], "constructor"],
    [["report", "delår", "--period", "toString"], "toString"],
    [["stats", "--år", "valueOf"], "valueOf"],
    [["report", "constructor"], "constructor"],
  ])("plan %j", (args, value) => {
    oneLine(planInProcess([...args, "-C", KATRINEHOLM]), value);
  });

  it("through the CLI: commander keeps such an option value as a value, and the process exits 2 with the one line", () => {
    // The CLI's part, once: commander collects the options into an object, and main turns the
    // error into the process's status and stderr (on the small example: the plan is not the point).
    oneLine(plan(["status", "--nämnd", "__proto__", "-C", path.join(ROOT, "examples/minimal")], { timeout: 20_000 }), "__proto__");
  });

  it.each(["constructor", "__proto__", "toString"])("plan diff %s", (rev) => {
    const repo = new GitRepo();
    oneLine(planInProcess(["diff", rev, "-C", repo.root]), rev);
  });
});

describe("revisions in advice and in git calls", () => {
  it("shellQuote: plain names as they are, anything else in single quotes", () => {
    expect(shellQuote("origin/main")).toBe("origin/main");
    expect(shellQuote("a'b")).toBe("'a'\\''b'");
    expect(shellQuote("-x")).toBe("'-x'");
  });

  it.each(["x';touch PWNED;'", "$(touch PWNED)", "`touch PWNED`", "a\ntouch PWNED", "main;touch PWNED", "origin/x;touch PWNED"])(
    "the fetch advice for %j, pasted into a shell, runs one command with the revision as one word",
    (rev) => {
      const repo = new GitRepo();
      repo.git("remote", "add", "origin", "https://example.invalid/plan.git");
      // In-process: the advice is the run function's; git is still a process of its own.
      const r = planInProcess(["diff", rev, "-C", repo.root]);
      expect(r.status).toBe(2);
      expect(r.stderr.split("\n").filter(Boolean)).toHaveLength(1);
      const advice = /e\.g\. `(git fetch .*)`, or check out/u.exec(r.stderr)?.[1];
      expect(advice).toBeDefined();
      // The stderr line shows a newline escaped; paste it as the user would see it.
      const words = execFileSync("sh", ["-c", `set -- ${advice!.slice("git fetch ".length)}; printf '%s\\0' "$@"`], { cwd: repo.top, encoding: "utf8" })
        .split("\0")
        .filter(Boolean);
      expect(words).toHaveLength(2);
      expect(words[0]).toBe("origin");
      expect(words[1]).toContain(rev.includes("\n") ? "touch PWNED" : rev.replace(/^origin\//u, ""));
      expect(existsSync(path.join(repo.top, "PWNED"))).toBe(false);
    },
  );

  it("a revision starting with - is not an option and gets no advice to run", async () => {
    // Through the CLI: `--` before it is commander's to parse.
    const repo = new GitRepo();
    const r = await runPlan(["diff", "-C", repo.root, "--", "--upload-pack=touch PWNED"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^plan: unknown revision "--upload-pack=touch PWNED": a revision never starts with "-"\n$/u);
    expect(existsSync(path.join(repo.top, "PWNED"))).toBe(false);
  });

  it.each([":(exclude)plan", "plan*", ":(glob)p"])("a plan in a folder named %j is read literally from a revision", (prefix) => {
    const repo = new GitRepo({ prefix });
    const r = planInProcess(["diff", "HEAD", "-C", repo.root, "--format", "json"]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as { added: unknown[]; removed: unknown[]; changed: unknown[] };
    expect([out.added.length, out.removed.length, out.changed.length]).toEqual([0, 0, 0]);
  });
});
