// What the build of the validators (check/build-validators.ts) and the run (check/schema.ts)
// share: the schema of each kind, where the validators are, how their code runs, the schema
// files' fingerprints and the schemas' `format: date`.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";
import vm from "node:vm";
import { crypto } from "../load/builtins.js";
import type { DocKind } from "../model/types.js";

export const SCHEMA_DIR = new URL("../../schemas/", import.meta.url);

/** The schema file of each document kind (ASCII names, as they are referenced from editors). */
export const SCHEMA_FILE: Record<DocKind, string> = {
  kommun: "kommun.schema.json",
  kommunplan: "kommunplan.schema.json",
  budget: "budget.schema.json",
  planeringsdirektiv: "planeringsdirektiv.schema.json",
  underlag: "underlag.schema.json",
  nämndplan: "namndplan.schema.json",
  verksamhetsplan: "verksamhetsplan.schema.json",
  uppföljning: "uppfoljning.schema.json",
  jämförelse: "jamforelse.schema.json",
};

/** The ASCII export name of a kind's validator: its schema file name without the suffix. */
export const exportName = (kind: DocKind): string => SCHEMA_FILE[kind].replace(/\.schema\.json$/u, "");

/**
 * The validators compiled at build time: a script whose one expression is a function that puts
 * them on the object it is given (a script, not a module, so that V8 can take its compiled code
 * from VALIDATORS_CACHE instead of compiling it at each start).
 */
export const VALIDATORS_SCRIPT = new URL("../check/validators.script.js", import.meta.url); // from dist/check/ and dist/run/ alike

/** V8's code cache of VALIDATORS_SCRIPT, made by the build after running the validators on the examples. */
export const VALIDATORS_CACHE = new URL("../check/validators.script.cache", import.meta.url);

/**
 * Run the validators' script: what it exports, and the script (for its code cache). A cache
 * from another version of node or V8 is refused by V8, and the code is then compiled as usual.
 */
export function runValidatorsScript(code: string, cachedData?: Buffer): { exports: Record<string, unknown>; script: vm.Script } {
  const script = new vm.Script(code, { filename: fileURLToPath(VALIDATORS_SCRIPT), ...(cachedData ? { cachedData } : {}) });
  const exports: Record<string, unknown> = {};
  (script.runInThisContext() as (e: object) => void)(exports);
  return { exports, script };
}

/** The schema files, sorted. */
export function schemaFiles(): string[] {
  return readdirSync(SCHEMA_DIR)
    .filter((n) => n.endsWith(".schema.json"))
    .sort();
}

/** The fingerprint of the schema files' contents. */
export function schemaHash(): string {
  const hash = crypto().createHash("sha256");
  for (const name of schemaFiles()) hash.update(`${name}\0${readFileSync(new URL(name, SCHEMA_DIR), "utf8")}\0`);
  return hash.digest("hex");
}

/**
 * The schema files' names, sizes and modification times: equal to the build's when nobody has
 * touched them since, which a start can see without reading them (files installed by a package
 * manager get other times, and then the hash decides).
 */
export function schemaStamp(): string {
  return schemaFiles()
    .map((name) => {
      const s = statSync(new URL(name, SCHEMA_DIR));
      return `${name}\0${s.size}\0${s.mtimeMs}`;
    })
    .join("\0");
}

/**
 * Whether `s` is a full-date that exists: four digits, a month 01–12 and a day up to that
 * month's length, 29 February only in a leap year. The same judgement as ajv-formats' `date`
 * in its full mode (test/schema-build.test.ts compares them). Self-contained on purpose: the
 * build copies its source into the precompiled validators, which then need no package.
 */
export function isFullDate(s: string): boolean {
  // YYYY-MM-DD read digit by digit: no match object and no substrings for each of a plan's thousands of dates.
  if (s.length !== 10 || s.charCodeAt(4) !== 0x2d || s.charCodeAt(7) !== 0x2d) return false;
  let year = 0;
  let month = 0;
  let day = 0;
  for (let i = 0; i < 10; i++) {
    if (i === 4 || i === 7) continue;
    const d = s.charCodeAt(i) - 0x30;
    if (d < 0 || d > 9) return false;
    if (i < 4) year = year * 10 + d;
    else if (i < 7) month = month * 10 + d;
    else day = day * 10 + d;
  }
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const length = month === 2 ? (leap ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  return month >= 1 && month <= 12 && day >= 1 && day <= length;
}

/** The schemas' pattern for an ID (common.schema.json), as the precompiled validators test it where no faster way applies. */
export const ID_PATTERN = "^(?!.*\\.\\.)[\\p{L}\\p{N}][\\p{L}\\p{N}._-]{0,63}$";

/**
 * Whether `s` matches ID_PATTERN: an ASCII text is read character by character (a plan has
 * tens of thousands of IDs and references, and the pattern's Unicode classes made the regular
 * expression the slowest step of the schema check); any other text goes to the pattern itself.
 * Self-contained like isFullDate, and with the same answers as the pattern
 * (test/schema-build.test.ts).
 */
export function isIdText(s: string): boolean {
  const n = s.length;
  let previous = 0;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80) return /^(?!.*\.\.)[\p{L}\p{N}][\p{L}\p{N}._-]{0,63}$/u.test(s);
    const alnum = (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
    if (!alnum && (i === 0 || (c !== 0x2e && c !== 0x5f && c !== 0x2d) || (c === 0x2e && previous === 0x2e))) return false;
    previous = c;
  }
  return n >= 1 && n <= 64;
}
