// Editor support, proven with the real yaml-language-server (the YAML extension of VS Code and
// others): configured as `plan schema --vscode` configures it, the entry schema alone gives
// completion, hovers and diagnostics for a plan file, chosen by the file's typ. Schemas are read
// from disk only; a request for anything else fails, so their relative $refs must resolve there.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { yamlSchemasEntry } from "../dist/format/editor-settings.js";
import { ROOT } from "./helpers/exec.js";

interface Position {
  line: number;
  character: number;
}
interface Range {
  start: Position;
  end: Position;
}
interface LanguageService {
  configure(settings: Record<string, unknown>): void;
  doComplete(doc: unknown, at: Position, isKubernetes: boolean): Promise<{ items: { label: string }[] }>;
  doHover(doc: unknown, at: Position): Promise<{ contents: { value: string }; range?: Range } | null>;
  doValidation(doc: unknown, isKubernetes: boolean): Promise<{ range: Range; message: string }[]>;
}

// yaml-language-server is a devDependency; its text document class comes with it.
const require = createRequire(path.join(ROOT, "package.json"));
const servicePath = require.resolve("yaml-language-server/lib/umd/languageservice/yamlLanguageService.js");
const { getLanguageService } = require(servicePath) as {
  getLanguageService(params: Record<string, unknown>): LanguageService;
};
const { TextDocument } = createRequire(servicePath)("vscode-languageserver-textdocument") as {
  TextDocument: { create(uri: string, language: string, version: number, text: string): unknown };
};

const ENTRY = path.join(ROOT, "schemas", "plan.schema.json");
const requested: string[] = [];
const service = getLanguageService({
  schemaRequestService: (uri: string): Promise<string> => {
    requested.push(uri);
    if (!uri.startsWith("file:")) return Promise.reject(new Error(`not on disk: ${uri}`));
    return Promise.resolve(readFileSync(fileURLToPath(uri), "utf8"));
  },
  workspaceContext: { resolveRelativePath: (relative: string, resource: string) => new URL(relative, resource).href },
});
// The same globs that `plan schema --vscode` writes into yaml.schemas.
const [[, globs]] = Object.entries(yamlSchemasEntry(ENTRY)) as [[string, string[]]];
service.configure({ validate: true, completion: true, hover: true, schemas: [{ uri: pathToFileURL(ENTRY).href, fileMatch: globs }] });

const budget = readFileSync(path.join(ROOT, "examples/minimal/budget/2026.yaml"), "utf8").split("\n");
const lineOf = (lines: string[], text: string): number => {
  const i = lines.findIndex((l) => l.includes(text));
  if (i < 0) throw new Error(`no line with ${text}`);
  return i;
};
let version = 0;
const open = (file: string, lines: string[]): unknown => TextDocument.create(`file:///plan/${file}`, "yaml", ++version, lines.join("\n"));

describe("yaml-language-server with the entry schema", () => {
  it("completes riktning in an åtagande's nyckeltal with öka, minska, bibehåll", async () => {
    const lines = [...budget];
    const i = lineOf(lines, "riktning: öka");
    lines[i] = lines[i]!.replace("riktning: öka", "riktning: ");
    const list = await service.doComplete(open("budget/2026.yaml", lines), { line: i, character: lines[i]!.length }, false);
    expect(list.items.map((x) => x.label)).toEqual(["öka", "minska", "bibehåll"]);
  });

  it("completes typ with every kind before a kind is chosen, then that kind's keys", async () => {
    const kinds = await service.doComplete(open("ny.yaml", ["typ: ", ""]), { line: 0, character: 5 }, false);
    expect(kinds.items.map((x) => x.label).sort()).toEqual(
      ["budget", "jämförelse", "kommun", "kommunplan", "nämndplan", "planeringsdirektiv", "underlag", "uppföljning", "verksamhetsplan"].sort(),
    );
    const keys = await service.doComplete(open("ny2.yaml", ["typ: budget", "åt", ""]), { line: 1, character: 2 }, false);
    expect(keys.items.map((x) => x.label)).toEqual(expect.arrayContaining(["åtaganden", "ramar", "beloppsenhet"]));
    expect(keys.items.map((x) => x.label)).not.toContain("organisation");
  });

  it("shows the Swedish description when hovering målvärden", async () => {
    const i = lineOf(budget, "målvärden:");
    const hover = await service.doHover(open("budget/hover.yaml", budget), { line: i, character: budget[i]!.indexOf("målvärden") + 2 });
    expect(hover?.contents.value).toContain("Målvärde per år");
    expect(hover?.range?.start.line).toBe(i);
  });

  it("puts a wrong value's diagnostic on its line, and none on the example as it is", async () => {
    expect(await service.doValidation(open("budget/ok.yaml", budget), false)).toEqual([]);
    const lines = [...budget];
    const i = lineOf(lines, "riktning: minska");
    lines[i] = lines[i]!.replace("riktning: minska", "riktning: upp");
    const found = await service.doValidation(open("budget/fel.yaml", lines), false);
    expect(found).toHaveLength(1);
    expect(found[0]!.range.start.line).toBe(i);
    expect(found[0]!.range.start.character).toBe(lines[i]!.indexOf("upp"));
    expect(found[0]!.message).toContain("bibehåll");
  });

  it("leaves files under .github alone, which it checks elsewhere", async () => {
    const workflow = ["on: push", ""];
    expect(await service.doValidation(open(".github/workflows/plan.yml", workflow), false)).toEqual([]);
    expect((await service.doValidation(open("annat.yml", workflow), false)).length).toBeGreaterThan(0);
  });

  it("reads every schema from disk, never from the $id's address", () => {
    expect(requested.length).toBeGreaterThan(8);
    expect(requested.every((uri) => uri.startsWith("file:"))).toBe(true);
  });
});
