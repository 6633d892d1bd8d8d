// Layer 3: the built CLI as a user runs it — exit statuses, which stream gets what, and the formats.
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ALL_CODES, type Diagnostic } from "../src/diagnostics/index.js";
import { formatGithub } from "../src/format/diagnostics.js";
import { plan } from "./helpers/exec.js";
import { planInProcess } from "./helpers/in-process.js";
import { BASE, FIXTURES, cleanup, planCopy, tempDir } from "./helpers/plan-dir.js";

afterAll(cleanup);

const lines = (s: string): string[] => s.split("\n").filter((l) => l !== "");
const NO_STACK = /^\s+at /mu;

/** Base with two defects in two files: budget/2026.yaml:4:5 and verksamhetsplaner/KLF/2025.yaml:17:19. */
const twoDefects = (): string => planCopy("budget-year-outside-planperiod", "unknown-reference");

describe("usage and I/O errors: exit 2, one line on stderr, nothing on stdout", () => {
  it("no plan root above the working folder", () => {
    const r = plan(["validate"], { cwd: tempDir() });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(lines(r.stderr)).toHaveLength(1);
    expect(r.stderr).toMatch(/^plan: /u);
  });

  it("a folder whose plan.yaml is not typ: kommun is not a plan root", () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, "plan.yaml"), "typ: budget\n");
    const r = plan(["validate"], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^plan: no plan found/u);
  });

  // In-process (helpers/in-process.ts turns the command's error into one line and status 2 as
  // main does); the two tests above run the process for its status and streams.
  it.each([
    ["a missing folder", (d: string) => path.join(d, "finns-inte")],
    ["a file, not a folder", () => path.join(BASE, "plan.yaml")],
    ["a folder without plan.yaml", (d: string) => d],
  ])("-C to %s", (_name, target) => {
    const r = planInProcess(["validate", "-C", target(tempDir())]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(lines(r.stderr)).toHaveLength(1);
    expect(r.stderr).toMatch(/^plan: /u);
  });

  it.each([
    ["--bogus", "--bogus"],
    ["--formt", "--formt"],
    ["--fail-on=never", "never"],
    ["--format=xml", "xml"],
  ])("validate %s → exit 2 with one line", (arg, named) => {
    const r = plan(["validate", "-C", BASE, arg]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(lines(r.stderr), r.stderr).toHaveLength(1);
    expect(r.stderr).toContain(named);
    expect(r.stderr).not.toMatch(NO_STACK);
  });

  it("an unknown command → exit 2", () => {
    const r = plan(["valdiate"]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("valdiate");
  });
});

describe("plan validate, pretty output", () => {
  it("groups by file, shows line:col, severity, message and code, then the summary", () => {
    // In-process: what it prints; the exit status of the process is the NO_COLOR test's below.
    const r = planInProcess(["validate", "-C", twoDefects()]);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe(
      [
        "budget/2026.yaml",
        "  4:5    error    år 2026 lies outside the planperiod 2027–2029  budget-year-outside-planperiod",
        "",
        "verksamhetsplaner/KLF/2025.yaml",
        '  17:19  error    bidrar_till: unknown ID "ORT-Å9"; did you mean ORT-Å1, ORT-Å2 or ORT-R1?  unknown-reference',
        "",
        "✖ 2 problems (2 errors, 0 warnings) in 9 files.",
        "",
      ].join("\n"),
    );
  });

  it("--lang sv gives Swedish words and summary", () => {
    const r = planInProcess(["validate", "-C", twoDefects(), "--lang", "sv"]);
    expect(r.status).toBe(1);
    const out = lines(r.stdout);
    expect(out).toContain("  4:5    fel      år 2026 ligger utanför planperioden 2027–2029  budget-year-outside-planperiod");
    expect(out.some((l) => l.includes('okänt ID "ORT-Å9"'))).toBe(true);
    expect(out.at(-1)).toBe("✖ 2 problem (2 fel, 0 varningar) i 9 filer.");
  });

  it("a clean plan: one summary line, exit 0", () => {
    const r = planInProcess(["validate", "-C", BASE]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe("✔ No problems in 9 files.\n");
    expect(r.stderr).toBe("");
  });

  it("--fail-on warning turns a warning-only plan into exit 1", () => {
    const dir = planCopy("id-case-collision");
    // The default in-process, --fail-on warning through the CLI (commander's option, the process's status).
    const normal = planInProcess(["validate", "-C", dir]);
    expect(normal.status).toBe(0);
    expect(lines(normal.stdout).at(-1)).toBe("⚠ 1 problem (0 errors, 1 warning) in 9 files.");
    const strict = plan(["validate", "-C", dir, "--fail-on", "warning"]);
    expect(strict.status).toBe(1);
    expect(strict.stdout).toBe(normal.stdout);
  });

  it("no colour codes with NO_COLOR; the process exits 1 and prints what the command prints in-process", () => {
    const dir = twoDefects();
    const r = plan(["validate", "-C", dir]);
    expect(r.stdout).not.toMatch(/\u001b\[/u);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe(planInProcess(["validate", "-C", dir]).stdout);
  });

  it("FORCE_COLOR=1 colours even when stdout is not a terminal", () => {
    const r = plan(["validate", "-C", twoDefects()], { env: { NO_COLOR: undefined, FORCE_COLOR: "1" } });
    expect(r.stdout).toMatch(/\u001b\[/u);
  });
});

describe("finding the plan root", () => {
  it.each([["budget"], ["verksamhetsplaner/KLF"]])("walks up from %s", (sub) => {
    const dir = planCopy("unknown-reference");
    const r = plan(["validate", "--format", "json"], { cwd: path.join(dir, sub) });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(1);
    const out = JSON.parse(r.stdout) as { diagnostics: { file: string }[]; summary: { files: number } };
    expect(out.summary.files).toBe(9);
    // Paths stay relative to the plan root, not to the working folder.
    expect(out.diagnostics.map((d) => d.file)).toEqual(["verksamhetsplaner/KLF/2025.yaml"]);
  });

  it("-C is relative to the working folder", () => {
    const dir = planCopy();
    const r = plan(["validate", "-C", "."], { cwd: dir });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe("✔ No problems in 9 files.\n");
  });
});

describe("--format github", () => {
  function repoWithPlanIn(sub: string, ...overlays: string[]): string {
    const repo = tempDir("rodtrad-git-");
    execFileSync("git", ["init", "-q", repo]);
    const root = sub === "" ? repo : path.join(repo, sub);
    mkdirSync(root, { recursive: true });
    cpSync(BASE, root, { recursive: true });
    for (const o of overlays) cpSync(path.join(FIXTURES, "defects", o), root, { recursive: true });
    return repo;
  }

  it("prints ::error lines with paths relative to the repository root, then the summary", () => {
    const repo = repoWithPlanIn("plan", "budget-year-outside-planperiod", "unknown-reference");
    for (const r of [plan(["validate", "--format", "github"], { cwd: path.join(repo, "plan", "budget") }), plan(["validate", "-C", "plan", "--format", "github"], { cwd: repo })]) {
      expect(r.status).toBe(1);
      expect(r.stderr).toBe("");
      expect(r.stdout).toBe(
        [
          "::error file=plan/budget/2026.yaml,line=4,col=5,title=budget-year-outside-planperiod::år 2026 lies outside the planperiod 2027–2029",
          '::error file=plan/verksamhetsplaner/KLF/2025.yaml,line=17,col=19,title=unknown-reference::bidrar_till: unknown ID "ORT-Å9"; did you mean ORT-Å1, ORT-Å2 or ORT-R1?',
          "2 problems (2 errors, 0 warnings) in 9 files.",
          "",
        ].join("\n"),
      );
    }
  });

  it("warnings are ::warning; a plan at the repository root has no prefix", () => {
    const repo = repoWithPlanIn("", "id-case-collision");
    // In-process: the repository is found from the plan root (the test above finds the root from the working folder).
    const r = planInProcess(["validate", "-C", repo, "--format", "github"]);
    expect(r.status).toBe(0);
    expect(lines(r.stdout)[0]).toMatch(/^::warning file=verksamhetsplaner\/KLF\/2025\.yaml,line=15,col=9,title=id-case-collision::/u);
  });

  it("outside git, paths are relative to the plan root", () => {
    const r = planInProcess(["validate", "-C", twoDefects(), "--format", "github"]);
    expect(lines(r.stdout)[0]).toMatch(/^::error file=budget\/2026\.yaml,line=4,col=5,/u);
  });

  it("a message holding a newline is escaped as %0A: every annotation stays on one line", () => {
    const dir = planCopy();
    const klf = path.join(dir, "verksamhetsplaner/KLF/2025.yaml");
    writeFileSync(klf, `${readFileSync(klf, "utf8")}  - id: KLF-AK03\n    namn: Radbrytning\n    bidrar_till: ["ORT\\nX"]\n`);
    const r = planInProcess(["validate", "-C", dir, "--format", "github"]);
    expect(r.status).toBe(1);
    const out = lines(r.stdout);
    expect(out.length).toBeGreaterThanOrEqual(2);
    for (const l of out.slice(0, -1)) expect(l).toMatch(/^::(error|warning) file=[^:]*,line=\d+,col=\d+,title=[a-z-]+::/u);
    expect(out.slice(0, -1).some((l) => l.includes("ORT%0AX"))).toBe(true);
    expect(out.at(-1)).toMatch(/^\d+ problems? /u);
  });

  it("formatGithub escapes %, CR and LF in the message, and also : and , in properties", () => {
    const d: Diagnostic = {
      code: "unknown-reference",
      severity: "error",
      file: "a,b:c%.yaml",
      line: 3,
      column: 7,
      args: { field: "bidrar_till", ref: "A\r\nB%", suggestions: [] },
    };
    expect(formatGithub([d], 1, "en", "plan")).toBe(
      '::error file=plan/a%2Cb%3Ac%25.yaml,line=3,col=7,title=unknown-reference::bidrar_till: unknown ID "A%0D%0AB%25"\n1 problem (1 error, 0 warnings) in 1 file.\n',
    );
  });
});

// What regler prints, in-process (helpers/in-process.ts); the CLI runs it in lang.test.ts's examples.
describe("plan regler", () => {
  it("--format json lists every code of src/diagnostics with its severity", () => {
    const r = planInProcess(["regler", "--format", "json"]);
    expect(r.status).toBe(0);
    const list = JSON.parse(r.stdout) as { code: string; severity: string; description: string }[];
    expect(list.map((x) => x.code)).toEqual([...ALL_CODES]);
    for (const x of list) {
      expect(["error", "warning"]).toContain(x.severity);
      expect(x.description.length).toBeGreaterThan(10);
    }
  });

  it("text output has one line per code, code first", () => {
    const r = planInProcess(["regler"]);
    expect(r.status).toBe(0);
    const out = lines(r.stdout);
    expect(out.map((l) => l.split(/\s+/u)[0])).toEqual([...ALL_CODES]);
    expect(out.find((l) => l.startsWith("orphan "))).toMatch(/^orphan\s+error\s+/u);
    expect(out.find((l) => l.startsWith("id-case-collision "))).toMatch(/^id-case-collision\s+warning\s+/u);
  });

  it("--lang sv says fel and varning", () => {
    const out = lines(planInProcess(["regler", "--lang", "sv"]).stdout);
    expect(out.find((l) => l.startsWith("orphan "))).toMatch(/^orphan\s+fel\s+/u);
    expect(out.find((l) => l.startsWith("id-case-collision "))).toMatch(/^id-case-collision\s+varning\s+/u);
  });
});

describe("ASCII spellings of options", () => {
  // --ar in-process goes through normalizeArgv as the CLI's does (helpers/in-process.ts); that
  // the CLI applies it before commander, and commander's `--x=y`, one run per command shows.
  it.each([["stats"], ["trace"]])("%s accepts --ar where --år would be", (cmd) => {
    const outputs: string[] = [];
    for (const year of ["2025", "2026"]) {
      const swedish = planInProcess([cmd!, "-C", BASE, "--år", year, "--format", "json"]);
      const ascii = planInProcess([cmd!, "-C", BASE, "--ar", year, "--format", "json"]);
      expect(swedish.status).toBe(0);
      expect(ascii.status).toBe(0);
      expect(ascii.stdout).toBe(swedish.stdout);
      outputs.push(swedish.stdout);
    }
    // The year matters (2025 has verksamhetsplaner, 2026 has not), so equal output means the option was read.
    expect(outputs[0]).not.toBe(outputs[1]);
    // Through the CLI, the year that is not the default one (this year when it has a budget, else
    // the newest: 2026 but in 2025), so equal output means the CLI read it.
    const other = new Date().getFullYear() === 2025 ? 1 : 0;
    const asciiEq = plan([cmd!, "-C", BASE, `--ar=${["2025", "2026"][other]}`, "--format", "json"]);
    expect(asciiEq.status).toBe(0);
    expect(asciiEq.stdout).toBe(outputs[other]);
  });

  it("stats --ar picks the year asked for", () => {
    for (const year of [2025, 2026]) {
      const r = planInProcess(["stats", "-C", BASE, "--ar", String(year), "--format", "json"]);
      expect((JSON.parse(r.stdout) as { year: number }).year).toBe(year);
    }
  });
});
