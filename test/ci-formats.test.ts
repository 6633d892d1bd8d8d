// The CI formats of `plan validate`: SARIF checked by Microsoft's SARIF multitool, GitLab Code
// Quality with fingerprints that survive moved lines, JUnit XML read by an XML parser, GitHub's
// step summary, and the example CI files.
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import multitool from "@microsoft/sarif-multitool";
import { XMLParser } from "fast-xml-parser";
import MarkdownIt from "markdown-it";
import { afterAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { loadChecked } from "../src/cli/open-plan.js";
import { ALL_CODES, CODES, diagnostic } from "../src/diagnostics/index.js";
import { formatStepSummary } from "../src/format/diagnostics.js";
import { formatGitlab } from "../src/format/gitlab.js";
import { formatJunit } from "../src/format/junit.js";
import { ROOT } from "./helpers/exec.js";
import { planInProcess } from "./helpers/in-process.js";
import { cleanup, planCopy, tempDir } from "./helpers/plan-dir.js";

afterAll(cleanup);

const EXAMPLES = ["katrineholm", "minimal"].map((name) => path.join(ROOT, "examples", name));

/** A copy of the base plan with errors and a warning, one of them in a file whose name needs encoding in a URI. */
function planWithFindings(): string {
  const dir = planCopy("unknown-reference", "id-case-collision", "budget-year-outside-planperiod");
  mkdirSync(path.join(dir, "verksamhetsplaner", "KLF"), { recursive: true });
  writeFileSync(path.join(dir, "verksamhetsplaner", "KLF", "2025 ändrad #2.yaml"), "typ: verksamhetsplan\nid: VP2025-KLF-B\norgan: KLF\når: 2025\naktiviteter:\n  - id: KLF-AK09\n    namn: Ett <&> test\n    bidrar_till: [ORT-Å8]\n");
  return dir;
}

const run = (dir: string, format: string, ...extra: string[]) => planInProcess(["validate", "-C", dir, "--format", format, ...extra]);
const json = (dir: string) => JSON.parse(run(dir, "json", "--lang", "en").stdout) as { diagnostics: { code: string; severity: string; file: string; line: number }[]; summary: { files: number } };

interface SarifLog {
  version: string;
  runs: {
    tool: { driver: { name: string; version: string; informationUri?: string; rules: { id: string; shortDescription: { text: string }; help: { text: string }; helpUri?: string }[] } };
    originalUriBaseIds: Record<string, unknown>;
    results: {
      ruleId: string;
      ruleIndex: number;
      level: string;
      message: { text: string };
      locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region: { startLine: number; startColumn: number } } }[];
    }[];
  }[];
}

describe("--format sarif", () => {
  const withFindings = planWithFindings();
  const plans = [...EXAMPLES, withFindings];

  it("passes the SARIF multitool's validation for both examples and a plan with errors", () => {
    const dir = tempDir();
    const files = plans.map((p, i) => {
      const file = path.join(dir, `${i}.sarif`);
      writeFileSync(file, run(p, "sarif").stdout);
      return file;
    });
    const log = path.join(dir, "validation.sarif");
    // All its rules but one, a note that each URI answers an HTTP GET: the tests run offline, where it waits for each link to time out.
    const config = path.join(dir, "config.xml");
    writeFileSync(
      config,
      '<?xml version="1.0" encoding="utf-8"?>\n<Properties>\n  <Properties Key="SARIF2006.UrisShouldBeReachable.Options">\n    <Property Key="RuleEnabled" Value="Disabled" Type="Driver.RuleEnabledState" />\n  </Properties>\n</Properties>\n',
    );
    // The tool is .NET: without ICU it needs invariant globalisation, which changes nothing it checks.
    const validate = (inputs: string[]) =>
      execFileSync(multitool, ["validate", ...inputs, "--output", log, "--log", "ForceOverwrite", "--level", "Error;Warning;Note", "--config", config], {
        env: { ...process.env, DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: "1" },
        stdio: "pipe",
        timeout: 60_000,
      });
    validate(files);
    const found = (JSON.parse(readFileSync(log, "utf8")) as { runs: { results: { ruleId: string; level?: string; message: { arguments?: string[] } }[] }[] }).runs[0]!.results;
    // Its notes ask for what a plan's findings cannot have (code snippets, rule ids like CS2001, reachable URIs offline).
    const serious = found.filter((r) => r.level === "error" || r.level === undefined || r.level === "warning");
    // No error at all. One warning is expected and only that one: SARIF2005 asks for the tool's
    // informationUri, and the project has no web address of its own yet (src/format/sarif.ts).
    expect(serious.filter((r) => r.level === "error").map((r) => `${r.ruleId} ${(r.message.arguments ?? []).join(" ")}`)).toEqual([]);
    expect([...new Set(serious.map((r) => r.ruleId))]).toEqual(serious.length > 0 ? ["SARIF2005"] : []);
    // The validator does report errors: a region starting at line 0 is one.
    const bad = path.join(dir, "bad.sarif");
    writeFileSync(bad, readFileSync(files[2]!, "utf8").replace(/"startLine": \d+/u, '"startLine": 0'));
    validate([bad]);
    const badResults = (JSON.parse(readFileSync(log, "utf8")) as { runs: { results: { level?: string }[] }[] }).runs[0]!.results;
    expect(badResults.some((r) => r.level === "error")).toBe(true);
  }, 120_000);

  it("has every code as a rule with its summary, help and a link to its section of docs/regler.md", () => {
    const sarif = JSON.parse(run(withFindings, "sarif", "--lang", "en").stdout) as SarifLog;
    expect(sarif.version).toBe("2.1.0");
    const driver = sarif.runs[0]!.tool.driver;
    expect(driver.version).toBe((JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string }).version);
    // The project has no web address yet: the rules name their section of docs/regler.md in the package instead.
    expect(driver.informationUri).toBeUndefined();
    expect(driver.rules.map((r) => r.id)).toEqual(ALL_CODES);
    const headings = new Set([...readFileSync(path.join(ROOT, "docs/regler.md"), "utf8").matchAll(/^### `([a-z0-9-]+)`$/gmu)].map((m) => m[1]));
    for (const r of driver.rules) {
      expect(r.shortDescription.text).toBe(CODES[r.id as keyof typeof CODES].summary.en);
      expect(r.help.text).toContain(`docs/regler.md#${r.id}`);
      expect(r.help.text).toContain(`(rodtrad ${driver.version})`);
      expect(r.helpUri).toBeUndefined();
      expect(headings.has(r.id)).toBe(true);
    }
  });

  it("gives each finding its rule, level, message and a place relative to %SRCROOT% from line and column 1", () => {
    const expected = json(withFindings).diagnostics;
    const sarif = JSON.parse(run(withFindings, "sarif", "--lang", "en").stdout) as SarifLog;
    const { results, tool, originalUriBaseIds } = sarif.runs[0]!;
    expect(Object.keys(originalUriBaseIds)).toEqual(["%SRCROOT%"]);
    expect(results.map((r) => [r.ruleId, r.level])).toEqual(expected.map((d) => [d.code, d.severity]));
    expect(expected.some((d) => d.severity === "warning")).toBe(true);
    for (const [i, r] of results.entries()) {
      expect(tool.driver.rules[r.ruleIndex]!.id).toBe(r.ruleId);
      const { artifactLocation, region } = r.locations[0]!.physicalLocation;
      expect(artifactLocation.uriBaseId).toBe("%SRCROOT%");
      expect(decodeURIComponent(artifactLocation.uri)).toBe(expected[i]!.file);
      expect(artifactLocation.uri).not.toMatch(/^\/|[ #äå]/u);
      expect(region.startLine).toBe(expected[i]!.line);
      expect(region.startLine).toBeGreaterThanOrEqual(1);
      expect(region.startColumn).toBeGreaterThanOrEqual(1);
    }
    expect(results.map((r) => decodeURIComponent(r.locations[0]!.physicalLocation.artifactLocation.uri))).toContain("verksamhetsplaner/KLF/2025 ändrad #2.yaml");
  });

  it("is in Swedish for a Swedish plan, names files from the repository root, and exits as the other formats do", () => {
    const r = run(EXAMPLES[0]!, "sarif");
    expect(r.status).toBe(0);
    const sarif = JSON.parse(r.stdout) as SarifLog;
    expect(sarif.runs[0]!.tool.driver.rules[0]!.shortDescription.text).toBe(CODES[ALL_CODES[0]!].summary.sv);
    expect(sarif.runs[0]!.tool.driver.rules[0]!.help.text).toContain("Orsak och åtgärd");
    expect(run(withFindings, "sarif").status).toBe(1);
    expect(run(withFindings, "sarif").stdout).toBe(run(withFindings, "sarif").stdout);
  });
});

interface GitlabIssue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: string;
  location: { path: string; lines: { begin: number } };
}
const gitlab = (dir: string): GitlabIssue[] => JSON.parse(run(dir, "gitlab", "--lang", "en").stdout) as GitlabIssue[];

describe("--format gitlab", () => {
  it("is a Code Quality array with one issue per finding", () => {
    const dir = planWithFindings();
    const expected = json(dir).diagnostics;
    const issues = gitlab(dir);
    expect(issues.map((i) => [i.check_name, i.location.path, i.location.lines.begin, i.severity])).toEqual(
      expected.map((d) => [d.code, d.file, d.line, d.severity === "error" ? "major" : "minor"]),
    );
    for (const i of issues) expect(Object.keys(i).sort()).toEqual(["check_name", "description", "fingerprint", "location", "severity"]);
    expect(new Set(issues.map((i) => i.fingerprint)).size).toBe(issues.length);
    expect(run(dir, "gitlab").status).toBe(1);
  });

  it("keeps every fingerprint when unrelated lines move, and changes it when the finding changes", () => {
    const dir = planWithFindings();
    const before = gitlab(dir);
    // Comment lines at the top of every file with a finding: each finding moves down two lines.
    for (const file of new Set(before.map((i) => i.location.path))) {
      const p = path.join(dir, file);
      writeFileSync(p, `# en kommentar\n# och en till\n${readFileSync(p, "utf8")}`);
    }
    const moved = gitlab(dir);
    expect(moved.map((i) => i.location.lines.begin)).toEqual(before.map((i) => i.location.lines.begin + 2));
    expect(moved.map((i) => i.fingerprint)).toEqual(before.map((i) => i.fingerprint));
    // The unknown ID changed: that finding is a new one.
    const p = path.join(dir, "verksamhetsplaner/KLF/2025 ändrad #2.yaml");
    writeFileSync(p, readFileSync(p, "utf8").replace("ORT-Å8", "ORT-Å7"));
    const changed = gitlab(dir);
    const prints = new Set(before.map((i) => i.fingerprint));
    expect(changed.filter((i) => !prints.has(i.fingerprint)).map((i) => i.location.path)).toEqual(["verksamhetsplaner/KLF/2025 ändrad #2.yaml"]);
  });

  it("is an empty array for a plan without findings", () => {
    expect(gitlab(EXAMPLES[1]!)).toEqual([]);
  });
});

describe("--format junit", () => {
  const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "", isArray: (name) => ["testcase", "failure", "testsuite"].includes(name) });
  type Case = { name: string; file: string; failure?: { type: string; message: string; "#text": string }[]; "system-out"?: string };
  const suiteOf = (text: string) => (xml.parse(text) as { testsuites: { testsuite: { tests: string; failures: string; testcase: Case[] }[] } }).testsuites.testsuite;

  it("has one testsuite, one testcase per plan file and a failure per error; warnings are the testcase's output", () => {
    const dir = planWithFindings();
    const { diagnostics, summary } = json(dir);
    const r = run(dir, "junit", "--lang", "en");
    expect(r.status).toBe(1);
    const suites = suiteOf(r.stdout);
    expect(suites).toHaveLength(1);
    const cases = suites[0]!.testcase;
    expect(cases).toHaveLength(summary.files);
    expect(Number(suites[0]!.tests)).toBe(summary.files);
    const errors = diagnostics.filter((d) => d.severity === "error");
    expect(Number(suites[0]!.failures)).toBe(errors.length);
    for (const c of cases) {
      expect(c.file).toBe(c.name);
      expect((c.failure ?? []).map((f) => f.type)).toEqual(errors.filter((d) => d.file === c.name).map((d) => d.code));
      const warnings = diagnostics.filter((d) => d.file === c.name && d.severity === "warning");
      expect(c["system-out"] === undefined ? 0 : c["system-out"].split("\n").length).toBe(warnings.length);
    }
    const odd = cases.find((c) => c.name === "verksamhetsplaner/KLF/2025 ändrad #2.yaml")!;
    expect(odd.failure![0]!.message).toContain('"ORT-Å8"');
    expect(odd.failure![0]!["#text"]).toMatch(/^verksamhetsplaner\/KLF\/2025 ändrad #2\.yaml:\d+:\d+: error unknown-reference: /u);
  });

  it("makes warnings failures too with --fail-on warning, so the report agrees with the exit status", () => {
    const dir = planCopy("id-case-collision");
    const passing = run(dir, "junit");
    expect(passing.status).toBe(0);
    expect(Number(suiteOf(passing.stdout)[0]!.failures)).toBe(0);
    const failing = run(dir, "junit", "--fail-on", "warning");
    expect(failing.status).toBe(1);
    const suite = suiteOf(failing.stdout)[0]!;
    expect(Number(suite.failures)).toBeGreaterThan(0);
    expect(suite.testcase.flatMap((c) => c.failure ?? []).map((f) => f.type)).toEqual(json(dir).diagnostics.map((d) => d.code));
  });

  it("keeps markup and control characters of a plan's text from breaking the XML", () => {
    const dir = planCopy();
    const klf = path.join(dir, "verksamhetsplaner/KLF/2025.yaml");
    writeFileSync(klf, `${readFileSync(klf, "utf8")}  - id: KLF-AK07\n    namn: X\n    bidrar_till: ["</failure><x a=\\"&\\u0001\\uffff"]\n`);
    const r = run(dir, "junit", "--lang", "en");
    const failures = suiteOf(r.stdout)[0]!.testcase.flatMap((c) => c.failure ?? []);
    expect(failures.map((f) => f.message).join("\n")).toContain('</failure><x a="&\\x01');
  });
});

describe("--format github with $GITHUB_STEP_SUMMARY", () => {
  const md = new MarkdownIt();

  it("appends every finding to the summary file: the counts and a table per file, in one write after what was there", () => {
    const dir = planWithFindings();
    const { diagnostics } = json(dir);
    const summary = path.join(tempDir(), "summary.md");
    writeFileSync(summary, "Tidigare steg\n");
    const r = run(dir, "github", "--lang", "en");
    const withSummary = planInProcess(["validate", "-C", dir, "--format", "github", "--lang", "en"], { GITHUB_STEP_SUMMARY: summary });
    expect(withSummary.stdout).toBe(r.stdout);
    expect(withSummary.status).toBe(1);
    const text = readFileSync(summary, "utf8");
    expect(text.startsWith("Tidigare steg\n## Plan validation\n")).toBe(true);
    expect(text).toContain(`${diagnostics.length} problems (`);
    const tokens = md.parse(text, {});
    const files = new Set(diagnostics.map((d) => d.file));
    expect(tokens.filter((t) => t.type === "table_open")).toHaveLength(files.size);
    // A row per finding, plus a header row per table.
    expect(tokens.filter((t) => t.type === "tr_open")).toHaveLength(diagnostics.length + files.size);
    expect(md.render(text)).toContain("<code>verksamhetsplaner/KLF/2025 ändrad #2.yaml</code>");
  });

  it("is in Swedish for a Swedish plan, says so when there is nothing, and is not written without the variable", () => {
    const summary = path.join(tempDir(), "summary.md");
    planInProcess(["validate", "-C", EXAMPLES[0]!, "--format", "github"], { GITHUB_STEP_SUMMARY: summary });
    const text = readFileSync(summary, "utf8");
    const { diagnostics } = json(EXAMPLES[0]!);
    expect(text).toMatch(new RegExp(`^## Validering av planen\n\n[⚠✖] ${diagnostics.length} problem \\(\\d+ fel, \\d+ varning(ar)?\\) i \\d+ filer\\.\n`, "u"));
    expect(diagnostics.length).toBeGreaterThan(0);
    expect(text).toContain("| Rad:kol | Nivå | Kod | Meddelande |");
    expect(text).not.toMatch(/\b(?:[Ll]ine|[Ee]rror|[Ww]arning)\b/u);
    const empty = path.join(tempDir(), "summary.md");
    planInProcess(["validate", "-C", EXAMPLES[1]!, "--format", "github", "--lang", "sv"], { GITHUB_STEP_SUMMARY: empty });
    expect(readFileSync(empty, "utf8")).toMatch(/^## Validering av planen\n\n✔ Inga problem i \d+ filer\.\n$/u);
    planInProcess(["validate", "-C", EXAMPLES[0]!, "--format", "sarif"], { GITHUB_STEP_SUMMARY: summary });
    expect(readFileSync(summary, "utf8")).toBe(text);
  });

  it("stays below GitHub's 1 MiB a step: rows past the budget are left out, and a closing line counts them", () => {
    const { diagnostics, loaded } = loadChecked(planWithFindings());
    expect(diagnostics.length).toBeGreaterThan(2);
    const all = formatStepSummary(diagnostics, loaded.files.length, "en", "");
    expect(all).not.toContain("not shown");
    const rows = (s: string) => s.split("\n").filter((l) => /^\| \d+:\d+ \|/u.test(l));
    const lastRow = rows(all).at(-1)!;
    const cut = formatStepSummary(diagnostics, loaded.files.length, "en", "", Buffer.byteLength(all) - 1);
    expect(rows(cut)).toEqual(rows(all).slice(0, -1));
    expect(cut).not.toContain(lastRow);
    expect(cut.endsWith("\n\n1 more finding is not shown: GitHub takes at most 1 MiB of summary per step. `plan validate` lists them all.\n")).toBe(true);
    const none = formatStepSummary(diagnostics, loaded.files.length, "sv", "", 100);
    expect(rows(none)).toEqual([]);
    expect(none).not.toContain("###");
    expect(none).toContain(`\n\n${diagnostics.length} fynd till visas inte: `);
  });

  it("a summary file that cannot be written is an I/O error (exit 2) after the annotations", () => {
    const dir = tempDir();
    const r = planInProcess(["validate", "-C", EXAMPLES[1]!, "--format", "github"], { GITHUB_STEP_SUMMARY: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^plan: cannot write the step summary \$GITHUB_STEP_SUMMARY: EISDIR\n$/u);
  });
});

describe("examples/ci", () => {
  const read = (name: string) => parse(readFileSync(path.join(ROOT, "examples/ci", name), "utf8")) as Record<string, unknown>;

  it("the GitHub workflow validates to SARIF and uploads it to code scanning", () => {
    const wf = read("github-code-scanning.yml") as { permissions: Record<string, string>; jobs: Record<string, { steps: { run?: string; uses?: string; with?: Record<string, string> }[] }> };
    expect(wf.permissions["security-events"]).toBe("write");
    const steps = Object.values(wf.jobs)[0]!.steps;
    const validate = steps.find((s) => s.run?.includes("plan validate"))!;
    expect(validate.run).toMatch(/--format sarif > (\S+)/u);
    const file = /--format sarif > (\S+)/u.exec(validate.run!)![1];
    const upload = steps.find((s) => s.uses?.startsWith("github/codeql-action/upload-sarif@"))!;
    expect(upload.with!.sarif_file).toBe(file);
    expect(steps.indexOf(upload)).toBeGreaterThan(steps.indexOf(validate));
  });

  it("the GitLab pipeline writes the Code Quality and JUnit reports it declares", () => {
    const ci = read("gitlab-ci.yml") as Record<string, { script?: string[]; artifacts?: { when: string; reports: Record<string, string> } }>;
    const job = Object.values(ci).find((j) => j.script !== undefined)!;
    const script = job.script!.join("\n");
    expect(job.artifacts!.when).toBe("always");
    for (const [format, report] of [["gitlab", "codequality"], ["junit", "junit"]] as const) {
      const file = job.artifacts!.reports[report]!;
      expect(script).toContain(`plan validate --format ${format} > ${file}`);
    }
  });

  it("the README shows both", () => {
    const readme = readFileSync(path.join(ROOT, "README.md"), "utf8");
    for (const f of ["examples/ci/github-code-scanning.yml", "examples/ci/gitlab-ci.yml", "--format sarif", "--format gitlab", "--format junit", "GITHUB_STEP_SUMMARY"]) expect(readme).toContain(f);
  });
});

describe("fixed input, exact output", () => {
  const found = [
    diagnostic("yaml-syntax", { file: "budget/2026.yaml", line: 9, column: 1 }, { detail: 'Tabs <&"> here' }),
    diagnostic("not-followed", { file: "länk", line: 1, column: 1 }, { kind: "symlink" }),
  ];

  it("JUnit: a testcase per file read and per file with a finding, escaped", () => {
    expect(formatJunit(found, ["budget/2026.yaml", "plan.yaml"], { lang: "sv", gitPrefix: "plan", failOn: "error" })).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<testsuites name="plan validate" tests="3" failures="1" errors="0" skipped="0">',
        '  <testsuite name="plan validate" tests="3" failures="1" errors="0" skipped="0">',
        '    <testcase classname="rodtrad" name="plan/budget/2026.yaml" file="plan/budget/2026.yaml">',
        '      <failure type="yaml-syntax" message="syntaxfel i YAML: Tabs &lt;&amp;&quot;&gt; here">plan/budget/2026.yaml:9:1: fel yaml-syntax: syntaxfel i YAML: Tabs &lt;&amp;&quot;&gt; here</failure>',
        "    </testcase>",
        '    <testcase classname="rodtrad" name="plan/plan.yaml" file="plan/plan.yaml"/>',
        '    <testcase classname="rodtrad" name="plan/länk" file="plan/länk">',
        "      <system-out>plan/länk:1:1: varning not-followed: en symbolisk länk: följs inte, så ingen planfil bakom den läses (lägg den under ignorera för att tysta detta)</system-out>",
        "    </testcase>",
        "  </testsuite>",
        "</testsuites>",
        "",
      ].join("\n"),
    );
  });

  it("GitLab: the fields GitLab reads, and fingerprints that ignore the line", () => {
    const issues = JSON.parse(formatGitlab(found, "en", "")) as GitlabIssue[];
    expect(issues.map(({ fingerprint, ...rest }) => ({ ...rest, fingerprint: fingerprint.length }))).toEqual([
      { description: 'YAML syntax error: Tabs <&"> here', check_name: "yaml-syntax", fingerprint: 64, severity: "major", location: { path: "budget/2026.yaml", lines: { begin: 9 } } },
      { description: "a symbolic link: not followed, so no plan file behind it is read (list it under ignorera to silence this)", check_name: "not-followed", fingerprint: 64, severity: "minor", location: { path: "länk", lines: { begin: 1 } } },
    ]);
    const moved = [{ ...found[0]!, line: 30, column: 4 }, found[1]!];
    expect(JSON.parse(formatGitlab(moved, "en", "plan")).map((i: GitlabIssue) => i.fingerprint)).toEqual(issues.map((i) => i.fingerprint));
    // The same finding twice in one file: two fingerprints, each kept when both move.
    const twice = JSON.parse(formatGitlab([found[0]!, { ...found[0]!, line: 12 }], "en", "")) as GitlabIssue[];
    expect(new Set(twice.map((i) => i.fingerprint)).size).toBe(2);
    expect(twice[0]!.fingerprint).toBe(issues[0]!.fingerprint);
  });
});
