import { diagnostic, type ArgsOf, type Code, type Diagnostic } from "../diagnostics/index.js";
import { locate } from "../load/locate.js";
import type { Loc } from "../load/source.js";
import type { Entity, Ref } from "../model/types.js";

/** A diagnostic at a place in a document, with its default severity. */
export function at<C extends Code>(code: C, loc: Loc, args: ArgsOf<C>, id?: string): Diagnostic {
  return diagnostic(code, { file: loc.doc.file, ...locate(loc), ...(id !== undefined ? { id } : {}) }, args);
}

/** The place of one of an entity's fields, or of the entity itself when the field is absent. */
export function fieldOf(e: Entity, field: string, part: "key" | "value" = "value"): Loc {
  return Object.prototype.hasOwnProperty.call(e.data, field) ? { doc: e.doc, obj: e.data, key: field, part } : { doc: e.doc, obj: e.data, key: "id" };
}

/** The place of one of `owner`'s references. */
export const refAt = (owner: Entity, ref: Ref): Loc => ({ doc: owner.doc, obj: ref.obj, key: ref.key });

/** The place of the entity's ID. */
export const idOfEntity = (e: Entity): Loc => ({ doc: e.doc, obj: e.data, key: "id" });
