// The schemas stand on their own: each names itself with an `$id`, its `$ref`s are relative and
// resolve against it, so a second validator (ajv-cli, run as a user would) compiles every one of
// them; the entry schema plan.schema.json accepts the bundled examples and judges every document
// as its kind's schema does, so `plan validate` (which uses the kinds' schemas) is unchanged.
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { describe, expect, it } from "vitest";
import { loadPlan } from "../dist/load/load-plan.js";
import { parsePlanFile } from "../dist/load/parse.js";
import { compileSchemas } from "../dist/check/schema.js";
import { isDocKind } from "../dist/model/plan.js";
import { ROOT } from "./helpers/exec.js";
import { tempDir } from "./helpers/plan-dir.js";

const SCHEMAS = path.join(ROOT, "schemas");
const files = readdirSync(SCHEMAS).filter((n) => n.endsWith(".schema.json")).sort();
const schemaOf = (name: string): Record<string, unknown> => JSON.parse(readFileSync(path.join(SCHEMAS, name), "utf8")) as Record<string, unknown>;
// ajv-cli is a devDependency: its command, resolved from the project's node_modules.
const require = createRequire(path.join(ROOT, "package.json"));
const AJV_CLI = require.resolve("ajv-cli/dist/index.js");

function ajvCli(args: string[]): { status: number | null; out: string } {
  const r = spawnSync(process.execPath, [AJV_CLI, ...args, "--spec=draft2020", "-c", "ajv-formats", "--strict=true", "--allow-union-types"], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: 60_000,
  });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

/** `-r` for every schema but `name`, so that each one's `$ref`s have something to resolve to. */
const refsBut = (name: string): string[] => files.filter((f) => f !== name).flatMap((f) => ["-r", path.join(SCHEMAS, f)]);

/** Every document of the bundled examples as a JSON file (YAML dates stay text, as the loader reads them). */
function examplesAsJson(): { dir: string; count: number } {
  const dir = tempDir("rodtrad-json-");
  let count = 0;
  for (const example of ["katrineholm", "minimal"]) {
    for (const doc of loadPlan(path.join(ROOT, "examples", example)).docs) {
      writeFileSync(path.join(dir, `${String(count++).padStart(3, "0")}.json`), JSON.stringify(doc.value));
    }
  }
  return { dir, count };
}

describe("schemas for any draft 2020-12 validator", () => {
  it("each schema has an $id in the v1 namespace, named after its file, and only relative $refs", () => {
    for (const name of files) {
      const text = readFileSync(path.join(SCHEMAS, name), "utf8");
      expect(schemaOf(name).$id, name).toBe(`https://rodtrad.se/schemas/v1/${name}`);
      for (const m of text.matchAll(/"\$ref": "([^"]*)"/gu)) expect(m[1], `${name}: ${m[1]}`).toMatch(/^(#|[a-z]+\.schema\.json#?)/u);
    }
    expect(files).toContain("plan.schema.json");
  });

  it("ajv-cli compiles every schema, its $refs resolved through the $ids", () => {
    // One run for all (a process per schema cost seconds): ajv-cli compiles its -s schemas in
    // order into one instance, so common.schema.json (which the kinds' schemas refer to) comes
    // first and plan.schema.json (which refers to them all) last; each other $ref resolves
    // through the $id of a schema compiled before it.
    const ordered = ["common.schema.json", ...files.filter((f) => f !== "common.schema.json" && f !== "plan.schema.json"), "plan.schema.json"];
    expect([...ordered].sort()).toEqual(files);
    const r = ajvCli(["compile", ...ordered.flatMap((name) => ["-s", path.join(SCHEMAS, name)])]);
    for (const name of files) expect(r.out, name).toContain(`schema ${path.join(SCHEMAS, name)} is valid`);
    expect(r.out).not.toContain("invalid");
    expect(r.status, r.out).toBe(0);
  });

  it("ajv-cli validates every document of the bundled examples through the entry schema", () => {
    const { dir, count } = examplesAsJson();
    expect(count).toBeGreaterThan(30);
    const r = ajvCli(["validate", "-s", path.join(SCHEMAS, "plan.schema.json"), ...refsBut("plan.schema.json"), "-d", `${dir}/*.json`]);
    expect(r.out).not.toContain("invalid");
    expect(r.out.match(/ valid/gu)?.length, r.out).toBe(count);
    expect(r.status, r.out).toBe(0);
  });

  it("ajv-cli rejects, through the entry schema, a wrong value of the kind and a document without a known typ", () => {
    const dir = tempDir("rodtrad-json-");
    const wrong = { typ: "kommun", namn: "Ekby kommun", vision: { id: "V", text: "x" }, organisation: [], okänd: 1 };
    writeFileSync(path.join(dir, "a.json"), JSON.stringify(wrong));
    writeFileSync(path.join(dir, "b.json"), JSON.stringify({ typ: "kommunen", namn: "x" }));
    writeFileSync(path.join(dir, "c.json"), JSON.stringify({ namn: "x" }));
    // One run for the three files (ajv-cli reports each file on its own line; the status is not 0
    // when any is invalid): each of them is named invalid, none valid.
    const r = ajvCli(["validate", "-s", path.join(SCHEMAS, "plan.schema.json"), ...refsBut("plan.schema.json"), "-d", `${dir}/*.json`]);
    for (const f of ["a.json", "b.json", "c.json"]) expect(r.out, f).toContain(`${path.join(dir, f)} invalid`);
    expect(r.out).not.toMatch(/ valid/u);
    expect(r.status, r.out).not.toBe(0);
  });
});

describe("the entry schema", () => {
  const addFormats = ((addFormatsModule as { default?: unknown }).default ?? addFormatsModule) as (a: unknown, f?: string[]) => void;
  const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
  addFormats(ajv, ["date"]);
  for (const name of files) ajv.addSchema(schemaOf(name));
  const entry = ajv.getSchema("https://rodtrad.se/schemas/v1/plan.schema.json")!;
  const kinds = compileSchemas();

  it("accepts and rejects exactly the documents that their kind's schema accepts and rejects", () => {
    const defects = path.join(ROOT, "test/fixtures/defects");
    const docs = [
      ...["examples/katrineholm", "examples/minimal", "test/fixtures/base"].flatMap((r) => loadPlan(path.join(ROOT, r)).docs),
      ...readdirSync(defects, { recursive: true, encoding: "utf8" })
        .filter((f) => /\.ya?ml$/u.test(f))
        .flatMap((f) => parsePlanFile(f, readFileSync(path.join(defects, f))).docs),
    ];
    let rejected = 0;
    let compared = 0;
    for (const doc of docs) {
      const typ = (doc.value as { typ?: unknown } | null)?.typ;
      if (!isDocKind(typ)) {
        expect(entry(doc.value), doc.file).toBe(false);
        continue;
      }
      const verdict = kinds.get(typ)!(doc.value);
      expect(entry(doc.value), `${doc.file}: ${JSON.stringify(kinds.get(typ)!.errors)}`).toBe(verdict);
      compared++;
      if (!verdict) rejected++;
    }
    expect(compared).toBeGreaterThan(60);
    expect(rejected).toBeGreaterThan(5);
  });

  it("offers every kind as a value of typ", () => {
    const typ = (schemaOf("plan.schema.json").properties as { typ: { enum: string[] } }).typ;
    const consts = files.flatMap((f) => {
      const c = (schemaOf(f).properties as { typ?: { const?: string } } | undefined)?.typ?.const;
      return c === undefined ? [] : [c];
    });
    expect([...typ.enum].sort()).toEqual(consts.sort());
    expect(typ.enum).toHaveLength(9);
  });
});
