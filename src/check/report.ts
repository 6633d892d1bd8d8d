import { CODES, type Code } from "./codes.js";
import { locate } from "../load/locate.js";
import type { Diagnostic, Entity, Loc } from "../model/types.js";

/** A diagnostic at a place in a document, with its default severity. */
export function at(code: Code, loc: Loc, args: Diagnostic["args"] = {}, id?: string): Diagnostic {
  const { line, column } = locate(loc);
  return {
    code,
    severity: CODES[code].severity,
    file: loc.doc.file,
    line,
    column,
    ...(id !== undefined ? { id } : {}),
    args,
  };
}

/** The place of one of an entity's fields, or of the entity itself when the field is absent. */
export function fieldOf(e: Entity, field: string, part: "key" | "value" = "value"): Loc {
  return Object.prototype.hasOwnProperty.call(e.data, field) ? { doc: e.doc, obj: e.data, key: field, part } : { doc: e.doc, obj: e.data, key: "id" };
}

/** The place of the entity's ID. */
export const idOfEntity = (e: Entity): Loc => ({ doc: e.doc, obj: e.data, key: "id" });
