// Every diagnostic code, named once: the union of the tables by subject. A new code is one
// entry in one of them (plus its documentation in docs/regler.md, which a test demands).
import { CONTENT_CODES } from "./codes-content.js";
import { DOCUMENT_CODES } from "./codes-documents.js";
import { ECONOMY_CODES } from "./codes-economy.js";
import { FILE_CODES } from "./codes-files.js";
import { PLAN_CODES } from "./codes-plan.js";
import type { CodeEntry } from "./entry.js";

export const CODES = { ...FILE_CODES, ...DOCUMENT_CODES, ...PLAN_CODES, ...CONTENT_CODES, ...ECONOMY_CODES };

export type Code = keyof typeof CODES;

/** The arguments a code's message takes: exactly these, at every place that makes it. */
export type ArgsOf<C extends Code> = (typeof CODES)[C] extends CodeEntry<infer A> ? A : never;

export const ALL_CODES = Object.keys(CODES).sort() as Code[];

/** A code about reading the files: a cause that other findings may follow from. */
export const isFileCode = (s: string): boolean => Object.prototype.hasOwnProperty.call(FILE_CODES, s);

export function isCode(s: string): s is Code {
  return Object.prototype.hasOwnProperty.call(CODES, s);
}
