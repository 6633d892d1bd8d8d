// plan init: the new plan validates clean at once, for any year; existing files are never
// overwritten, and --force keeps a backup of each file it replaces; bad input exits 2.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { plan, ROOT } from "./helpers/exec.js";
import { planInProcess } from "./helpers/in-process.js";
import { cleanup, tempDir, type JsonOutput } from "./helpers/plan-dir.js";
import { WORKSPACE_ENTRY, yamlSchemasEntry } from "../src/format/editor-settings.js";

const FILES = [
  "plan.yaml",
  "kommunplan/2023-2026.yaml",
  "budget/2026.yaml",
  "namnder/BUN/2026.yaml",
  "verksamhetsplaner/BUF/2026.yaml",
  "README.md",
  ".github/CODEOWNERS",
  ".github/workflows/plan.yml",
  ".vscode/settings.json",
  ".gitignore",
];

/** `plan validate` of the new plan, in-process (helpers/in-process.ts): its findings and status are what count. */
function validate(dir: string): JsonOutput {
  const r = planInProcess(["validate", "-C", dir, "--format", "json", "--fail-on", "warning"]);
  const json = JSON.parse(r.stdout) as JsonOutput;
  expect(json.diagnostics).toEqual([]);
  expect(r.status).toBe(0);
  return json;
}

const read = (dir: string, rel: string): string => readFileSync(path.join(dir, rel), "utf8");

describe("plan init", () => {
  afterAll(cleanup);

  it("writes a plan that validates without errors or warnings, and says what to do next", () => {
    const dir = path.join(tempDir(), "ekby");
    const r = plan(["init", dir, "--namn", "Ekby kommun", "--kommunkod", "1234", "--år", "2026"]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    for (const f of FILES) {
      expect(existsSync(path.join(dir, f)), f).toBe(true);
      expect(r.stdout).toMatch(new RegExp(`^  skrev  ${f.replace(/\./gu, "\\.")}$`, "mu"));
    }
    expect(r.stdout).toContain("Nästa steg:");
    expect(r.stdout).toContain("plan validate");
    expect(validate(dir).summary.files).toBe(5);
    const root = parse(read(dir, "plan.yaml")) as Record<string, unknown>;
    expect(root).toMatchObject({ typ: "kommun", namn: "Ekby kommun", kommunkod: "1234", språk: "sv" });
    expect((root.organisation as { id: string }[]).map((o) => o.id)).toEqual(["KF", "KS", "BUN", "BUF"]);
    // The red thread runs from the aktivitet to the vision.
    expect(planInProcess(["trace", "BUF-AK01", "-C", dir]).stdout).toContain("BUF-AK01 → BUN-VM1 → UTB-A01 → UTB-R1 → UTB → VISION");
  });

  it("copies the CI workflow of examples/, maps the schema in the editor settings and names every nämnd's folder in CODEOWNERS", () => {
    const dir = tempDir();
    expect(plan(["init", dir, "--ar", "2026"]).status).toBe(0);
    expect(read(dir, ".github/workflows/plan.yml")).toBe(readFileSync(path.join(ROOT, "examples/github-actions/plan.yml"), "utf8"));
    // The same mapping `plan schema --vscode` writes: the entry schema of the installed package for every plan file.
    expect(JSON.parse(read(dir, ".vscode/settings.json"))).toEqual({ "yaml.schemas": yamlSchemasEntry(WORKSPACE_ENTRY) });
    const owners = read(dir, ".github/CODEOWNERS");
    for (const folder of ["/namnder/KS/", "/namnder/BUN/", "/verksamhetsplaner/BUF/"]) expect(owners).toMatch(new RegExp(`^# ${folder} +@organisation/\\S+$`, "mu"));
    // Placeholders only: every line is a comment until the kommun fills in its teams.
    expect(owners.split("\n").filter((l) => l !== "" && !l.startsWith("#"))).toEqual([]);
    const readme = read(dir, "README.md");
    for (const word of ["planeringsdirektiv", "underlag", "budget", "nämndplan", "verksamhetsplan", "månadsrapport", "delårsrapport", "årsredovisning", "plan validate", "plan trace", "plan report"]) {
      expect(readme).toContain(word);
    }
  });

  it.each([
    ["2027", "kommunplan/2027-2030.yaml"],
    ["2030", "kommunplan/2027-2030.yaml"],
    ["2031", "kommunplan/2031-2034.yaml"],
    ["2022", "kommunplan/2019-2022.yaml"],
  ])("--ar %s (ASCII for --år): the mandate period holding the year, valid", (år, kommunplan) => {
    const dir = tempDir();
    const r = plan(["init", dir, "--ar", år]);
    expect(r.status).toBe(0);
    expect(existsSync(path.join(dir, kommunplan))).toBe(true);
    expect(existsSync(path.join(dir, `budget/${år}.yaml`))).toBe(true);
    validate(dir);
  });

  it("the year comes from the clock without --år", () => {
    const dir = tempDir();
    expect(plan(["init", dir]).status).toBe(0);
    expect(existsSync(path.join(dir, `budget/${new Date().getFullYear()}.yaml`))).toBe(true);
    validate(dir);
  });

  it("a name YAML would misread is quoted and read back as given", () => {
    const dir = tempDir();
    const namn = 'Ekby: "kommun" # 2 & *x';
    expect(plan(["init", dir, "--namn", namn, "--ar", "2026"]).status).toBe(0);
    expect((parse(read(dir, "plan.yaml")) as { namn: string }).namn).toBe(namn);
    validate(dir);
  });

  it("never overwrites an existing file: it lists what it skipped and leaves it as it was", () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, "README.md"), "# Vår egen\n");
    writeFileSync(path.join(dir, "plan.yaml"), "# vår egen\n");
    const r = plan(["init", dir, "--ar", "2026"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^ {2}hoppade över {2}README\.md \(finns redan\)$/mu);
    expect(r.stdout).toMatch(/^ {2}hoppade över {2}plan\.yaml \(finns redan\)$/mu);
    expect(r.stdout).toMatch(/^ {2}skrev +budget\/2026\.yaml$/mu);
    expect(r.stdout).toContain("--force");
    expect(read(dir, "README.md")).toBe("# Vår egen\n");
    expect(read(dir, "plan.yaml")).toBe("# vår egen\n");
    expect(existsSync(path.join(dir, "README.md.bak"))).toBe(false);
    // A second run finds its own files unchanged.
    const again = plan(["init", dir, "--ar", "2026"]);
    expect(again.stdout).toMatch(/^ {2}oförändrad +budget\/2026\.yaml$/mu);
  });

  it("--force replaces a file and keeps the old one as .bak, then .bak.1", () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, "README.md"), "första\n");
    const r = plan(["init", dir, "--ar", "2026", "--force"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^ {2}ersatte +README\.md \(den gamla finns i README\.md\.bak\)$/mu);
    expect(read(dir, "README.md.bak")).toBe("första\n");
    expect(read(dir, "README.md")).toContain("# Ny kommun: strategisk plan");
    writeFileSync(path.join(dir, "README.md"), "andra\n");
    expect(plan(["init", dir, "--ar", "2026", "--force"]).stdout).toContain("README.md (den gamla finns i README.md.bak.1)");
    expect(read(dir, "README.md.bak")).toBe("första\n");
    expect(read(dir, "README.md.bak.1")).toBe("andra\n");
    // Files that are already the scaffold's are not backed up again.
    expect(existsSync(path.join(dir, "plan.yaml.bak"))).toBe(false);
    validate(dir);
  });

  it.each([["12"], ["12345"], ["04a3"], [" 0483"]])("--kommunkod %j: one line on stderr, exit 2, nothing written", (kod) => {
    const dir = path.join(tempDir(), "ny");
    const r = plan(["init", dir, "--kommunkod", kod]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^plan: --kommunkod ska vara fyra siffror[^\n]*\n$/u);
    expect(existsSync(dir)).toBe(false);
  });

  it.each([
    [["--ar", "26"], /^plan: --år ska vara ett årtal/u],
    [["--namn", "Ek\nby"], /^plan: --namn ska vara kommunens namn på en rad/u],
  ])("%j: one line on stderr, exit 2", (args, message) => {
    const r = plan(["init", path.join(tempDir(), "ny"), ...args]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
  });

  it("a file where the scaffold needs a folder (.github) is left alone and its files are listed as skipped", () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, ".github"), "min fil\n");
    const r = plan(["init", dir, "--ar", "2026", "--force"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^ {2}hoppade över {2}\.github\/CODEOWNERS \(en mapp på vägen är en fil\)$/mu);
    expect(read(dir, ".github")).toBe("min fil\n");
    validate(dir);
  });

  it("a DIR that is a file: exit 2", () => {
    const file = path.join(tempDir(), "fil");
    writeFileSync(file, "x");
    const r = plan(["init", file]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^plan: .*fil finns redan och är inte en mapp\n$/u);
  });

  it("--help ends with examples", () => {
    const r = plan(["init", "--help"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Examples:\n(  \$ plan init[^\n]*\n){3}$/u);
  });
});
