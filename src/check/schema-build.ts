// What the build of the validators (src/check/build-validators.mjs, from dist/) and the run
// (check/schema.ts) share: the schema files' fingerprints and the schemas' `format: date`.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";

export const SCHEMA_DIR = new URL("../../schemas/", import.meta.url);

/** The schema files, sorted. */
export function schemaFiles(): string[] {
  return readdirSync(SCHEMA_DIR)
    .filter((n) => n.endsWith(".schema.json"))
    .sort();
}

/** The fingerprint of the schema files' contents. */
export function schemaHash(): string {
  const hash = createHash("sha256");
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
  const m = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(s);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const length = month === 2 ? (leap ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  return month >= 1 && month <= 12 && day >= 1 && day <= length;
}
