// `plan schema [--vscode]` and the settings edit behind it: every other setting and comment stays.
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { mergeVscodeSettings, PLAN_FILE_GLOBS, yamlSchemasEntry } from "../dist/format/editor-settings.js";
import { plan, ROOT } from "./helpers/exec.js";
import { tempDir } from "./helpers/plan-dir.js";

const P = "./node_modules/rodtrad/schemas/plan.schema.json";
/** JSONC as JSON: comments and trailing commas taken out (enough for these texts: no // inside strings but URLs' are kept). */
const asJson = (text: string): unknown =>
  JSON.parse(text.replace(/("(?:[^"\\]|\\.)*")|\/\/[^\n]*|\/\*[\s\S]*?\*\//gu, (_m, s: string | undefined) => s ?? "").replace(/,(\s*[}\]])/gu, "$1"));

describe("mergeVscodeSettings", () => {
  it("writes a new file with only yaml.schemas", () => {
    const text = mergeVscodeSettings(undefined, P);
    expect(asJson(text)).toEqual({ "yaml.schemas": yamlSchemasEntry(P) });
    expect(yamlSchemasEntry(P)[P]).toEqual(["**/*.yaml", "**/*.yml", "!.github/**", "!.vscode/**", "!node_modules/**"]);
  });

  it("keeps every other setting and every comment, and adds to an existing yaml.schemas", () => {
    const before = [
      "// Teamets inställningar",
      "{",
      '  "editor.tabSize": 2, // två',
      "  /* YAML */",
      '  "yaml.schemas": {',
      '    "https://json.schemastore.org/github-workflow.json": ".github/workflows/*.yml", // CI',
      "  },",
      '  "files.eol": "\\n",',
      "}",
      "",
    ].join("\n");
    const after = mergeVscodeSettings(before, P);
    for (const line of before.split("\n")) expect(after).toContain(line.replace(/,? \/\/ CI$/u, ""));
    expect(after).toContain("// CI");
    expect(asJson(after)).toEqual({
      "editor.tabSize": 2,
      "yaml.schemas": { "https://json.schemastore.org/github-workflow.json": ".github/workflows/*.yml", [P]: [...PLAN_FILE_GLOBS] },
      "files.eol": "\n",
    });
    expect(mergeVscodeSettings(after, P)).toBe(after);
  });

  it("adds yaml.schemas to settings without it, on one line or many, with or without a trailing comma", () => {
    for (const before of ['{"a": 1}', '{\n  "a": 1,\n}', '{\n  "a": 1 // c\n}\n', "{}", "{\n}\n"]) {
      const after = mergeVscodeSettings(before, P);
      const a = before.includes('"a"') ? { a: 1 } : {};
      expect(asJson(after), before).toEqual({ ...a, "yaml.schemas": yamlSchemasEntry(P) });
      if (before.includes("// c")) expect(after).toContain("// c");
    }
  });

  it("replaces only its own entry's globs when they differ", () => {
    const before = `{\n  "yaml.schemas": {\n    "${P}": ["*.yaml"], // gammal\n    "x.json": ["y.yaml"]\n  }\n}\n`;
    const after = mergeVscodeSettings(before, P);
    expect(asJson(after)).toEqual({ "yaml.schemas": { [P]: [...PLAN_FILE_GLOBS], "x.json": ["y.yaml"] } });
    expect(after).toContain("// gammal");
  });

  it("refuses text that is not a JSONC object, and a yaml.schemas that is not an object", () => {
    for (const bad of ['{"a": [1,', "[1]", '{"a" 1}', '{"yaml.schemas": "x"}', "{/* open"]) {
      expect(() => mergeVscodeSettings(bad, P), bad).toThrow();
    }
  });
});

describe("plan schema", () => {
  it("prints the schemas folder and the entry schema", () => {
    const r = plan(["schema"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`${path.join(ROOT, "schemas")}\n${path.join(ROOT, "schemas", "plan.schema.json")}\n`);
    expect(r.stdout.split("\n").filter(Boolean).every((p) => existsSync(p))).toBe(true);
  });

  it("--vscode writes the workspace path when the plan has the package installed, and merges", () => {
    const dir = tempDir();
    cpSync(path.join(ROOT, "examples/minimal"), dir, { recursive: true });
    mkdirSync(path.join(dir, "node_modules/rodtrad/schemas"), { recursive: true });
    writeFileSync(path.join(dir, "node_modules/rodtrad/schemas/plan.schema.json"), "{}");
    mkdirSync(path.join(dir, ".vscode"));
    writeFileSync(path.join(dir, ".vscode/settings.json"), '// mitt\n{ "editor.rulers": [100] }\n');
    const r = plan(["schema", "--vscode", "-C", dir]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const text = readFileSync(path.join(dir, ".vscode/settings.json"), "utf8");
    expect(text.startsWith("// mitt\n")).toBe(true);
    expect(asJson(text)).toEqual({ "editor.rulers": [100], "yaml.schemas": yamlSchemasEntry(P) });
    const again = plan(["schema", "--vscode"], { cwd: path.join(dir, "budget") });
    expect(again.status).toBe(0);
    expect(again.stdout).toContain("already");
    expect(readFileSync(path.join(dir, ".vscode/settings.json"), "utf8")).toBe(text);
  });

  it("--vscode writes the absolute path, with a note, when the package is not in the plan's node_modules", () => {
    const dir = tempDir();
    cpSync(path.join(ROOT, "examples/minimal"), dir, { recursive: true });
    const r = plan(["schema", "--vscode", "-C", dir]);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/^plan: note: .* is a path on this machine/u);
    const entry = path.join(ROOT, "schemas", "plan.schema.json");
    expect(asJson(readFileSync(path.join(dir, ".vscode/settings.json"), "utf8"))).toEqual({ "yaml.schemas": yamlSchemasEntry(entry) });
  });

  it("--vscode leaves a settings file it cannot read as JSONC unchanged: one line, exit 2", () => {
    const dir = tempDir();
    cpSync(path.join(ROOT, "examples/minimal"), dir, { recursive: true });
    mkdirSync(path.join(dir, ".vscode"));
    writeFileSync(path.join(dir, ".vscode/settings.json"), '{ "a": 1 "b": 2 }');
    const r = plan(["schema", "--vscode", "-C", dir]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^plan: .*settings\.json:1: .*left unchanged\n$/u);
    expect(readFileSync(path.join(dir, ".vscode/settings.json"), "utf8")).toBe('{ "a": 1 "b": 2 }');
    expect(plan(["schema", "--vscode", "-C", path.join(dir, "nope")]).status).toBe(2);
  });
});
