#!/usr/bin/env node
// Compile the JSON Schemas into standalone validation code at build time, so that the CLI
// does not compile them on every start. Writes dist/check/validators.js (ESM).
import { mkdirSync, readdirSync, readFileSync, writeFileSync, renameSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createHash } from "node:crypto";
import { Ajv2020 } from "ajv/dist/2020.js";
import standaloneCode from "ajv/dist/standalone/index.js";
import addFormats from "ajv-formats";

const require = createRequire(import.meta.url);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const SCHEMAS = path.join(ROOT, "schemas");
const OUT = path.join(ROOT, "dist", "check", "validators.js");

// Export names are the ASCII file names (JavaScript export names must be identifiers).
const KINDS = ["kommun", "kommunplan", "budget", "planeringsdirektiv", "underlag", "namndplan", "verksamhetsplan", "uppfoljning", "jamforelse"];

/**
 * A schema without its annotations (titles, descriptions): they are for editors and people, the
 * validators never read them, and with `verbose` the generated module would carry every one of
 * them as data to build at each start. The keys of `properties` (which the unknown-key
 * suggestions read) stay.
 */
const ANNOTATIONS = new Set(["title", "description", "$comment", "examples"]);
const SCHEMA_MAPS = new Set(["properties", "patternProperties", "$defs", "dependentSchemas"]);
function withoutAnnotations(schema) {
  if (Array.isArray(schema)) return schema.map(withoutAnnotations);
  if (schema === null || typeof schema !== "object") return schema;
  const out = {};
  for (const [key, value] of Object.entries(schema)) {
    if (ANNOTATIONS.has(key) && typeof value !== "object") continue;
    out[key] = SCHEMA_MAPS.has(key) && value && typeof value === "object" ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutAnnotations(v)])) : key === "enum" || key === "const" ? value : withoutAnnotations(value);
  }
  return out;
}

const ajv = new Ajv2020({
  allErrors: true,
  strict: true,
  allowUnionTypes: true,
  verbose: true,
  code: { source: true, esm: true, formats: require("ajv/dist/compile/codegen")._`require("ajv-formats/dist/formats").fullFormats` },
});
(addFormats.default ?? addFormats)(ajv, ["date"]);
// The schemas' fingerprint: the CLI uses this code only while the schemas are unchanged.
const hash = createHash("sha256");
for (const name of readdirSync(SCHEMAS).filter((n) => n.endsWith(".schema.json")).sort()) {
  const text = readFileSync(path.join(SCHEMAS, name), "utf8");
  hash.update(`${name}\0${text}\0`);
  // Each schema names itself with its `$id` (https://rodtrad.se/schemas/v1/<file>); relative `$ref`s resolve against it.
  ajv.addSchema(withoutAnnotations(JSON.parse(text)));
}
const refs = Object.fromEntries(KINDS.map((name) => [name, `https://rodtrad.se/schemas/v1/${name}.schema.json`]));
// The generated ESM still loads the date format with require(): give it one.
const code = `import { createRequire } from "node:module";\nconst require = createRequire(import.meta.url);\nexport const schemaHash = "${hash.digest("hex")}";\n${standaloneCode.default(ajv, refs).replace(/^"use strict";/u, "")}`;
mkdirSync(path.dirname(OUT), { recursive: true });
writeFileSync(`${OUT}.tmp`, code);
renameSync(`${OUT}.tmp`, OUT);
console.log(`validators: ${KINDS.length} kinds, ${code.length} bytes → ${path.relative(ROOT, OUT)}`);
