// Compile the JSON Schemas into standalone validation code at build time, so that the CLI
// does not compile them on every start (npm run build: `node dist/check/build-validators.js`
// after tsc). Writes dist/check/validators.script.js, code that loads nothing (loading a
// package at each start would cost more than the code it runs), and V8's code cache of it,
// so that a start on the same node need not compile it either. Not loaded by the CLI.
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { Ajv2020, _ } from "ajv/dist/2020.js";
import standaloneCode from "ajv/dist/standalone/index.js";
import { loadPlan } from "../load/load-plan.js";
import type { DocKind } from "../model/types.js";
import { exportName, ID_PATTERN, isFullDate, isIdText, runValidatorsScript, SCHEMA_DIR, SCHEMA_FILE, schemaFiles, schemaHash, schemaStamp, VALIDATORS_CACHE, VALIDATORS_SCRIPT } from "./schema-build.js";

const require = createRequire(import.meta.url);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * A schema without its annotations (titles, descriptions): they are for editors and people, the
 * validators never read them, and with `verbose` the generated module would carry every one of
 * them as data to build at each start. The keys of `properties` (which the unknown-key
 * suggestions read) stay.
 */
const ANNOTATIONS = new Set(["title", "description", "$comment", "examples"]);
const SCHEMA_MAPS = new Set(["properties", "patternProperties", "$defs", "dependentSchemas"]);
function withoutAnnotations(schema: Json): Json {
  if (Array.isArray(schema)) return schema.map(withoutAnnotations);
  if (schema === null || typeof schema !== "object") return schema;
  const out: Record<string, Json> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (ANNOTATIONS.has(key) && typeof value !== "object") continue;
    out[key] =
      SCHEMA_MAPS.has(key) && value && typeof value === "object" && !Array.isArray(value)
        ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutAnnotations(v)]))
        : key === "enum" || key === "const"
          ? value
          : withoutAnnotations(value);
  }
  return out;
}

// `verbose` for the unknown-key suggestions (check/schema.ts reads each error's parentSchema);
// no `messages` (schema.ts words every finding itself). A referenced definition of at most 12
// keywords (an ID, an organ, a date) is inlined where it is used: a call makes an object and a
// path string for every value it checks (about 10 of 60 ms on the city-sized plan). The larger
// ones stay one function each, called where used, instead of a copy in every place (all
// inlined, the code is 40 % larger and no faster).
const ajv = new Ajv2020({
  allErrors: true,
  strict: true,
  allowUnionTypes: true,
  verbose: true,
  messages: false,
  inlineRefs: 12,
  code: { source: true, esm: false, formats: _`{ date: isFullDate }` },
});
ajv.addFormat("date", isFullDate);
for (const name of schemaFiles()) {
  // Each schema names itself with its `$id` (https://rodtrad.se/schemas/v1/<file>); relative `$ref`s resolve against it.
  ajv.addSchema(withoutAnnotations(JSON.parse(readFileSync(new URL(name, SCHEMA_DIR), "utf8")) as Json) as object);
}
const kinds = Object.keys(SCHEMA_FILE) as DocKind[];
const refs = Object.fromEntries(kinds.map((kind) => [exportName(kind), `https://rodtrad.se/schemas/v1/${SCHEMA_FILE[kind]}`]));
// Ajv's generated code loads its few run-time helpers (deep equality for uniqueItems, the length
// of a string in code points) with require(): each is one self-contained function, put in here.
const inlined = standaloneCode.default(ajv, refs).replace(/require\("(ajv\/dist\/runtime\/[a-z0-9]+)"\)\.default/gu, (_m: string, id: string) => `(${String((require(id) as { default: unknown }).default)})`);
if (/\brequire\(/u.test(inlined)) throw new Error("validators: the generated code still requires a module");
// The ID pattern, tested on every ID and reference, was the one regular expression to show in
// a profile: isIdText gives its answers faster.
const idRegExp = `new RegExp(${JSON.stringify(ID_PATTERN)}, "u")`;
if (!inlined.includes(idRegExp)) throw new Error("validators: the schemas' ID pattern is not ID_PATTERN (check/schema-build.ts): change both");
const withIds = inlined.split(idRegExp).join("{ test: isIdText }");
// The schemas' fingerprints: the CLI uses this code only while the schemas are unchanged.
const code = `(function (exports) {${withIds}\nexports.schemaHash = ${JSON.stringify(schemaHash())};\nexports.schemaStamp = ${JSON.stringify(schemaStamp())};\n${isFullDate.toString()}\n${isIdText.toString()}\n})`;

// V8 compiles a function when it first runs: the validators run on the example plans here, so
// the cache holds what validating a plan needs (what only a defect reaches is compiled then).
const { exports, script } = runValidatorsScript(code);
for (const example of ["katrineholm", "minimal"]) {
  for (const doc of loadPlan(fileURLToPath(new URL(`../../examples/${example}/`, import.meta.url))).docs) {
    const typ = (doc.value as { typ?: unknown } | null)?.typ;
    if (typeof typ === "string" && Object.hasOwn(SCHEMA_FILE, typ)) (exports[exportName(typ as DocKind)] as (data: unknown) => boolean)(doc.value);
  }
}
const cache = script.createCachedData();

/** Write atomically: a start that reads the file never sees half of it. */
function write(url: URL, data: string | Uint8Array): void {
  const file = fileURLToPath(url);
  writeFileSync(`${file}.tmp`, data);
  renameSync(`${file}.tmp`, file);
}
write(VALIDATORS_SCRIPT, code);
write(VALIDATORS_CACHE, cache);
console.log(`validators: ${kinds.length} kinds, ${code.length} bytes of code, ${cache.length} of cache`);
