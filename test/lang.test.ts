// One language, chosen once (src/cli/lang.ts): --lang, then plan.yaml's språk, then the locale,
// then the default (Swedish for reports, English for everything else), and every human format
// of every command follows it, errors on stderr and commander's usage errors included.
import { afterAll, describe, expect, it } from "vitest";
import { chooseLang, flagInArgv } from "../src/cli/lang.js";
import { usageErrorSv } from "../src/cli/usage-sv.js";
import { cleanupRepos, GitRepo } from "./helpers/git-repo.js";
import path from "node:path";
import { plan, ROOT } from "./helpers/exec.js";
import { planInProcess } from "./helpers/in-process.js";

const C = { LANG: "C", LC_ALL: "", LC_MESSAGES: "" };
const SV = { ...C, LANG: "sv_SE.UTF-8" };
const KATRINEHOLM = path.join(ROOT, "examples/katrineholm");
const MINIMAL = path.join(ROOT, "examples/minimal");

afterAll(cleanupRepos);

describe("chooseLang: the order", () => {
  it("--lang wins over the plan, the plan over the locale, the locale over the default", () => {
    expect(chooseLang("en", "sv", SV)).toBe("en");
    expect(chooseLang("sv", "en", C)).toBe("sv");
    expect(chooseLang(undefined, "en", SV)).toBe("en");
    expect(chooseLang(undefined, "sv", C)).toBe("sv");
    expect(chooseLang(undefined, undefined, SV)).toBe("sv");
    expect(chooseLang(undefined, undefined, C)).toBe("en");
    expect(chooseLang(undefined, undefined, C, "report")).toBe("sv");
  });

  it("the first locale variable that is set decides; only sv… means Swedish; an unknown språk decides nothing", () => {
    expect(chooseLang(undefined, undefined, { LC_ALL: "sv_FI.UTF-8", LANG: "C" })).toBe("sv");
    expect(chooseLang(undefined, undefined, { LC_ALL: "C", LANG: "sv_SE" })).toBe("en");
    expect(chooseLang(undefined, undefined, { LC_ALL: "", LC_MESSAGES: "sv_SE", LANG: "en_US" })).toBe("sv");
    expect(chooseLang(undefined, undefined, { LANG: "en_US.UTF-8" }, "report")).toBe("sv");
    expect(chooseLang(undefined, "de", { LANG: "sv_SE" })).toBe("sv");
  });

  it("--lang is found in the raw arguments before commander has parsed them", () => {
    expect(flagInArgv(["stats", "--lang", "sv"])).toBe("sv");
    expect(flagInArgv(["stats", "--lang=sv"])).toBe("sv");
    expect(flagInArgv(["trace", "--", "--lang", "sv"])).toBeUndefined();
  });
});

describe("every command follows it", () => {
  // What the commands print, in-process (helpers/in-process.ts, with the locale as the env it
  // stubs); main's language before any plan is read and commander's own messages are the CLI's.
  it("plan.yaml's språk: sv makes trace Swedish without --lang; --lang en overrides it", () => {
    const sv = planInProcess(["trace", "--gaps", "--år", "2012", "-C", KATRINEHOLM], C);
    expect(sv.stdout).toMatch(/^Luckor i täckningen 2012/u);
    expect(sv.stdout).not.toContain("without");
    const en = planInProcess(["trace", "--gaps", "--år", "2012", "-C", KATRINEHOLM, "--lang", "en"], SV);
    expect(en.stdout).toMatch(/^Coverage gaps 2012/u);
  });

  it("the locale makes a plan without språk Swedish, messages on stderr included", () => {
    const en = planInProcess(["status", "-C", MINIMAL, "--period", "1999-01"], C);
    expect(en.stderr).toMatch(/^plan: no uppföljning for 1999-01/u);
    const sv = planInProcess(["status", "-C", MINIMAL, "--period", "1999-01"], SV);
    expect(sv.status).toBe(2);
    expect(sv.stderr).toMatch(/^plan: ingen uppföljning för 1999-01; perioder med uppföljning: /u);
  });

  it("an error before any plan is read follows --lang and the locale", () => {
    // Through the CLI: what language main() speaks before any plan is read is main's.
    const r = plan(["stats", "-C", "no-such-folder"], { env: SV });
    expect(r.stderr).toBe("plan: mappen finns inte: no-such-folder\n");
    expect(plan(["stats", "-C", "no-such-folder", "--lang", "en"], { env: SV }).stderr).toBe("plan: no such folder: no-such-folder\n");
  });

  it("stats --lang sv writes numbers as the reports do: a decimal comma", () => {
    const sv = planInProcess(["stats", "--år", "2012", "-C", KATRINEHOLM, "--lang", "sv"]).stdout;
    expect(sv).toMatch(/medel\s+│\s+1,55 │/u);
    expect(sv).toContain("97,4 %");
    const en = planInProcess(["stats", "--år", "2012", "-C", KATRINEHOLM, "--lang", "en"]).stdout;
    expect(en).toMatch(/mean\s+│\s+1\.55 │/u);
  });

  it("diff --lang sv: summary and headings in Swedish, text and Markdown; JSON keeps its keys", () => {
    const r = new GitRepo();
    const base = r.head();
    r.replace("budget/2025.yaml", "målvärden: { 2025: 3.4,", "målvärden: { 2025: 3.45,");
    const text = planInProcess(["diff", base, "-C", r.root, "--lang", "sv"]);
    expect(text.status, text.stderr).toBe(0);
    expect(text.stdout.split("\n")[0]).toMatch(/^0 tillagda, 1 ändrad, 0 borttagna/u);
    expect(text.stdout).not.toMatch(/\b(added|changed|removed)\b/u);
    const md = planInProcess(["diff", base, "-C", r.root, "--lang", "sv", "--format", "md"]).stdout;
    // The summary paragraph first, then the count line in bold.
    expect(md).toMatch(/^Ändringen ändrar 1 åtagande \(ORT-Å1\)\. [^\n]*\n\n\*\*0 tillagda, 1 ändrad, 0 borttagna/u);
    const json = JSON.parse(planInProcess(["diff", base, "-C", r.root, "--lang", "sv", "--format", "json"]).stdout) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(["base", "head", "summary", "added", "removed", "changed", "renames", "introduced", "resolved", "status_changes", "flags"]);
    expect(json.summary).toMatch(/^0 tillagda/u);
  });

  it("commander's own usage errors are Swedish under --lang sv or a Swedish locale, English otherwise", () => {
    expect(plan(["stats", "--bogus", "--lang", "sv"]).stderr).toMatch(/^fel: okänd flagga '--bogus'/u);
    expect(plan(["stats", "--format", "xml"], { env: SV }).stderr).toBe("fel: flaggan '--format <format>' tar inte värdet 'xml'. Tillåtna värden: text, md, json.\n");
    expect(plan(["diff"], { env: SV }).stderr).toBe("fel: argumentet 'base' saknas\n");
    expect(plan(["stats", "--bogus"], { env: C }).stderr).toMatch(/^error: unknown option '--bogus'/u);
    expect(usageErrorSv("error: unknown command 'stat' (Did you mean stats?)")).toBe("fel: okänt kommando 'stat' (Menade du stats?)");
  });
});

describe("--help", () => {
  it("every command's help ends with real examples; plan --help points to the documentation", () => {
    for (const cmd of ["validate", "trace", "stats", "status", "diff", "report", "regler"]) {
      const help = plan([cmd, "--help"]).stdout;
      expect(help, cmd).toMatch(new RegExp(`\\nExamples:\\n(  \\$ plan ${cmd}.*\\n){2,3}$`, "u"));
    }
    const root = plan(["--help"]).stdout;
    expect(root).toContain("docs/format.md");
    expect(root).toContain("README.md");
  });

  it("the examples run: each one that reads only the bundled example exits 0", () => {
    for (const args of [
      ["trace", "BIF-AK01", "--år", "2012"],
      ["stats", "--år", "2012", "--lang", "sv"],
      ["status", "--period", "2012-08", "--nämnd", "BIN"],
      ["report", "månad", "--period", "2012-08", "--nämnd", "BIN"],
    ]) {
      // In-process (helpers/in-process.ts, whose grammar takes exactly these options and throws
      // on any other): the exit status is the run function's, a process would add only start-up.
      const r = planInProcess([...args, "-C", path.join(ROOT, "examples/katrineholm")]);
      expect(r.status, `${args.join(" ")}: ${r.stderr}`).toBe(0);
    }
    expect(plan(["regler", "--format", "json", "--lang", "sv"]).status).toBe(0);
  });
});

describe("lines from the loader and the templates follow the language too", () => {
  it("a plan.yaml that is a link, and a linked template, are refused in Swedish with --lang sv and in English without", async () => {
    const { mkdtempSync, symlinkSync, writeFileSync, mkdirSync, rmSync, cpSync } = await import("node:fs");
    const os = await import("node:os");
    const path = await import("node:path");
    const dir = mkdtempSync(path.join(os.tmpdir(), "rodtrad-lang-"));
    try {
      writeFileSync(path.join(dir, "kommun.yaml"), "typ: kommun\nnamn: X\n");
      symlinkSync("kommun.yaml", path.join(dir, "plan.yaml"));
      // In-process: the lines are the run functions' (helpers/in-process.ts prints them as main does).
      const sv = planInProcess(["validate", "-C", dir, "--lang", "sv"], C);
      expect(sv.stderr).toMatch(/^plan: plan\.yaml i arbetskatalogen är en symbolisk länk: vägras/u);
      const en = planInProcess(["validate", "-C", dir], C);
      expect(en.stderr).toMatch(/^plan: plan\.yaml in the working tree is a symbolic link: refused/u);

      const minimal = path.join(dir, "minimal");
      cpSync(new URL("../examples/minimal", import.meta.url), minimal, { recursive: true });
      mkdirSync(path.join(minimal, "mallar", "md"), { recursive: true });
      symlinkSync(path.join(dir, "kommun.yaml"), path.join(minimal, "mallar", "md", "layout.hbs"));
      const report = planInProcess(["report", "delår", "-C", minimal, "--format", "md", "--lang", "sv"], C);
      expect(report.status).toBe(2);
      expect(report.stderr).toMatch(/^plan: mallen .*layout\.hbs är en symbolisk länk: vägras/u);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
