// JSON Schema validation, with every Ajv error turned into a diagnostic on its YAML node.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { ErrorObject, ValidateFunction } from "ajv";
import type { Diagnostic } from "../diagnostics/index.js";
import { at } from "./report.js";
import type { DocKind } from "../model/types.js";
import type { Loc, SourceDoc } from "../load/source.js";
import { closest } from "../model/similar.js";
import { exportName, isFullDate, runValidatorsScript, SCHEMA_DIR, SCHEMA_FILE, schemaFiles, schemaHash, schemaStamp, VALIDATORS_CACHE, VALIDATORS_SCRIPT } from "./schema-build.js";

// Ajv itself is loaded only where the schemas are compiled here: the precompiled validators
// need none of it, and loading it would cost every command that validates.
const require = createRequire(import.meta.url);

/** The namespace of the schemas' `$id`s (schemas/README.md: a name, not an address that must answer). */
const SCHEMA_ID_BASE = "https://rodtrad.se/schemas/v1/";

let validators: Map<DocKind, ValidateFunction> | undefined;

type Precompiled = Record<string, unknown> & { schemaHash?: unknown; schemaStamp?: unknown };

/**
 * The validators compiled at build time (check/build-validators.ts), with their code cache
 * when there is one; undefined without a build. Compiling the schemas at every start would cost
 * a few hundred milliseconds per command.
 */
function precompiled(): Precompiled | undefined {
  try {
    const code = readFileSync(VALIDATORS_SCRIPT, "utf8");
    let cache: Buffer | undefined;
    try {
      cache = readFileSync(VALIDATORS_CACHE);
    } catch {
      cache = undefined;
    }
    return runValidatorsScript(code, cache).exports;
  } catch {
    return undefined;
  }
}

/** Whether the precompiled validators were built from these schemas: untouched files need not be read. */
const fromTheseSchemas = (p: Precompiled): boolean => p.schemaStamp === schemaStamp() || p.schemaHash === schemaHash();

/** The validator of every kind: precompiled when the build made them from these schemas, else compiled once here. */
function compiled(): Map<DocKind, ValidateFunction> {
  if (validators) return validators;
  const built = precompiled();
  if (built && fromTheseSchemas(built) && (Object.keys(SCHEMA_FILE) as DocKind[]).every((k) => typeof built[exportName(k)] === "function")) {
    validators = new Map((Object.keys(SCHEMA_FILE) as DocKind[]).map((k) => [k, built[exportName(k)] as ValidateFunction]));
    return validators;
  }
  validators = compileSchemas();
  return validators;
}

/** Compile every schema from schemas/ (used where no precompiled validators exist, and by tests). */
export function compileSchemas(): Map<DocKind, ValidateFunction> {
  const { Ajv2020 } = require("ajv/dist/2020.js") as typeof import("ajv/dist/2020.js");
  const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true, verbose: true });
  ajv.addFormat("date", isFullDate);
  for (const name of schemaFiles()) {
    // Each schema names itself with its `$id`; the relative `$ref`s between them resolve against it.
    ajv.addSchema(JSON.parse(readFileSync(new URL(name, SCHEMA_DIR), "utf8")) as Record<string, unknown>);
  }
  const out = new Map<DocKind, ValidateFunction>();
  for (const [kind, file] of Object.entries(SCHEMA_FILE) as [DocKind, string][]) {
    const fn = ajv.getSchema(`${SCHEMA_ID_BASE}${file}`);
    if (!fn) throw new Error(`schema missing: ${file}`);
    out.set(kind, fn);
  }
  return out;
}

function decodePointer(pointer: string): string[] {
  if (pointer === "") return [];
  return pointer
    .split("/")
    .slice(1)
    .map((s) => s.replace(/~1/gu, "/").replace(/~0/gu, "~"));
}

/** Walk the plain data along a JSON pointer: the object holding the last step, and that step. */
function follow(root: unknown, pointer: string): { parent?: object; key?: string | number; value: unknown } {
  let parent: object | undefined;
  let key: string | number | undefined;
  let value: unknown = root;
  for (const step of decodePointer(pointer)) {
    if (value === null || typeof value !== "object") break;
    parent = value;
    key = Array.isArray(value) ? Number(step) : step;
    value = (value as Record<string | number, unknown>)[key];
  }
  return { parent, key, value };
}

/** The name of the nearest list or mapping key on a pointer ("aktiviteter" for /aktiviteter/2). */
function listName(pointer: string): string {
  const steps = decodePointer(pointer).filter((s) => !/^\d+$/u.test(s));
  return steps[steps.length - 1] ?? "";
}

function typeName(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "list";
  if (typeof v === "object") return "mapping";
  if (typeof v === "string") return "text";
  if (typeof v === "number") return Number.isInteger(v) ? "integer" : "number";
  return typeof v;
}

const TYPE_WORD: Record<string, string> = {
  string: "text",
  number: "number",
  integer: "integer",
  boolean: "boolean",
  object: "mapping",
  array: "list",
  null: "null",
};

/** What a pattern asks for, in words that a message can use. */
function patternHint(pattern: string): string {
  if (pattern.includes("(0[1-9]|1[0-2])")) return "month";
  if (pattern.startsWith("^[A-Z][0-9]{5}")) return "kolada";
  if (pattern === "^[0-9]{4}$") return "digits4";
  if (pattern.startsWith("^https?:")) return "url";
  if (pattern.startsWith("^G[0-9]")) return "group";
  if (pattern.startsWith("^[a-z]")) return "code";
  return "pattern";
}

const isIdPattern = (pattern: string): boolean => pattern.includes("\\p{L}") && pattern.includes("\\.\\.");

/** The diagnostic of one Ajv error, on its YAML node; undefined for an error that only wraps another. */
function mapError(doc: SourceDoc, err: ErrorObject): Diagnostic | undefined {
  const { parent, key, value } = follow(doc.value, err.instancePath);
  const here: Loc = parent !== undefined ? { doc, obj: parent, key, part: "value" } : { doc, obj: doc.value as object };
  const field = key === undefined ? "" : String(key);
  // The propertyNames error only wraps the error about the key itself, which comes separately.
  if (err.keyword === "propertyNames") return undefined;
  const id = enclosingId(doc.value, err.instancePath);
  const propertyName = (err as ErrorObject & { propertyName?: string }).propertyName;
  if (propertyName !== undefined) {
    return at(
      "bad-format",
      { doc, obj: value as object, key: propertyName, part: "key" },
      { value: propertyName, field, hint: err.keyword === "pattern" ? patternHint(String(err.params.pattern)) : "pattern" },
      id,
    );
  }
  switch (err.keyword) {
    case "required": {
      return at(
        "missing-field",
        { doc, obj: value as object },
        { field: String(err.params.missingProperty), where: listName(err.instancePath) },
        id,
      );
    }
    case "additionalProperties": {
      const unknownKey = String(err.params.additionalProperty);
      const known = Object.keys((err.parentSchema?.properties as Record<string, unknown> | undefined) ?? {});
      const suggestion = closest(unknownKey, known, 1)[0];
      return at(
        "unknown-key",
        { doc, obj: value as object, key: unknownKey, part: "key" },
        suggestion ? { key: unknownKey, suggestion } : { key: unknownKey },
        id,
      );
    }
    case "type": {
      const expected = ([] as string[]).concat(err.params.type as string | string[]).map((t) => TYPE_WORD[t] ?? t);
      return at("wrong-type", here, { field, expected, actual: typeName(value) }, id);
    }
    case "enum":
    case "const": {
      const allowed = err.keyword === "enum" ? (err.params.allowedValues as unknown[]) : [err.params.allowedValue];
      // A mapping or a list where a word is expected is of the wrong type, not a wrong word.
      if (typeof value === "object" && value !== null) {
        const expected = [...new Set(allowed.map((a) => TYPE_WORD[typeof a] ?? typeof a))];
        return at("wrong-type", here, { field, expected, actual: typeName(value) }, id);
      }
      const words = allowed.map(String);
      const suggestion = closest(String(value), words, 1)[0];
      return at("bad-value", here, { field, value: String(value), allowed: words, ...(suggestion !== undefined ? { suggestion } : {}) }, id);
    }
    case "pattern": {
      const pattern = String(err.params.pattern);
      if (isIdPattern(pattern)) return at("bad-id", here, { field, value: String(value) }, id);
      return at("bad-format", here, { field, value: String(value), hint: patternHint(pattern) }, id);
    }
    case "format":
      return at("bad-date", here, { field, value: String(value) }, id);
    case "minItems":
      return at("out-of-range", here, { field, value: "[]", limit: Number(err.params.limit), comparison: "items" }, id);
    case "minimum":
    case "maximum":
    case "exclusiveMinimum":
    case "exclusiveMaximum":
      return at(
        "out-of-range",
        here,
        { field, value: String(value), limit: Number(err.params.limit), comparison: String(err.params.comparison) },
        id,
      );
    case "maxLength":
    case "minLength":
      return at("bad-format", here, { field, value: String(value), hint: "pattern" }, id);
    default:
      return at("bad-format", here, { field, value: String(value), hint: "pattern" }, id);
  }
}

/** The id of the entity a JSON pointer falls inside, for the diagnostic's `id`. */
function enclosingId(root: unknown, pointer: string): string | undefined {
  let value: unknown = root;
  let id: string | undefined;
  const pick = (v: unknown): void => {
    if (v && typeof v === "object" && !Array.isArray(v)) {
      const candidate = (v as Record<string, unknown>).id;
      if (typeof candidate === "string") id = candidate;
    }
  };
  pick(value);
  for (const step of decodePointer(pointer)) {
    if (value === null || typeof value !== "object") break;
    value = (value as Record<string, unknown>)[Array.isArray(value) ? Number(step) : step];
    pick(value);
  }
  return id;
}

/** Validate one document of a known kind against its schema. */
export function validateSchema(doc: SourceDoc, kind: DocKind, using?: Map<DocKind, ValidateFunction>): Diagnostic[] {
  // The answer depends on the document's bytes alone (the kind is its typ): kept with its value.
  const memo = using === undefined ? doc.memo : undefined;
  if (memo?.schema) return memo.schema;
  const out = findings(doc, (using ?? compiled()).get(kind)!);
  if (memo) memo.schema = out;
  return out;
}

function findings(doc: SourceDoc, validate: ValidateFunction): Diagnostic[] {
  if (validate(doc.value)) return [];
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const err of validate.errors ?? []) {
    const d = mapError(doc, err);
    if (!d) continue;
    const key = `${d.code}:${d.line}:${d.column}:${JSON.stringify(d.args)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(d);
  }
  return out;
}
