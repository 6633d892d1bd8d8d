// An entity's own fields as a flat map of paths, independent of list order and formatting.
import type { Entity } from "../model/types.js";
import { isData, type Data } from "../model/build.js";

type Scalar = string | number | boolean | null;
export type FieldValue = Scalar | Scalar[];

/** Fields that hold lists of IDs: order does not matter and a single ID is a list of one. */
const ID_LIST_FIELDS = new Set(["resultatmål", "nämnder", "till", "bidrar_till", "mål", "avser"]);

/** Fields whose change moves an entity to another place in the thread. */
export const THREAD_FIELDS = new Set(["resultatmål", "bidrar_till", "målområde", "mål", "under"]);
/** Fields whose change gives an entity another owner. */
export const OWNER_FIELDS = new Set(["nämnder", "till", "nämnd", "organ"]);

/** Markdown text fields: shown as a word-level diff. */
export const TEXT_FIELDS = new Set(["text", "beskrivning", "kommentar", "analys", "motivering", "namn"]);

/** Keys that identify the items of a list, in order of preference. */
const ITEM_KEYS = ["id", "avser", "organ", "verksamhet"];

const isEntityList = (v: unknown): boolean =>
  Array.isArray(v) && v.length > 0 && v.every((x) => isData(x) && typeof x.id === "string");

/**
 * The keys of an entity's data that hold other entities (they are compared as entities of
 * their own, not as fields of their parent).
 */
function childKeys(e: Entity): Set<string> {
  const out = new Set<string>();
  for (const [k, v] of Object.entries(e.data)) {
    if (isEntityList(v)) out.add(k);
  }
  if (e.kind === "kommun") {
    out.add("vision");
    out.add("organisation");
  }
  return out;
}

const last = (path: string): string => {
  const m = /([^.[\]]+)(?:\[[^\]]*\])?$/u.exec(path);
  return m ? m[1]! : path;
};

function flattenInto(value: unknown, path: string, out: Map<string, FieldValue>): void {
  if (value === null || typeof value !== "object") {
    out.set(path, value as Scalar);
    return;
  }
  if (Array.isArray(value)) {
    // An empty list says nothing more than an absent one (and a list of entities may empty out).
    if (value.length === 0) return;
    if (value.every((x) => x === null || typeof x !== "object")) {
      const list = value as Scalar[];
      out.set(path, ID_LIST_FIELDS.has(last(path)) ? [...list].map(String).sort() : list);
      return;
    }
    const seen = new Map<string, number>();
    value.forEach((item, i) => {
      let key = String(i);
      if (isData(item)) {
        const k = ITEM_KEYS.find((name) => typeof item[name] === "string");
        if (k) key = String(item[k]);
      }
      const n = (seen.get(key) ?? 0) + 1;
      seen.set(key, n);
      flattenInto(item, `${path}[${n > 1 ? `${key}#${n}` : key}]`, out);
    });
    return;
  }
  const keys = Object.keys(value).sort();
  if (keys.length === 0) out.set(path, null);
  for (const k of keys) flattenInto((value as Data)[k], path === "" ? k : `${path}.${k}`, out);
}

const hasOwn = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

/**
 * Whether two parsed values hold the same data: the same own keys with the same values, lists
 * item by item. What ownFields reads (Object.keys) and nothing more, so equal data has equal
 * fields; a value it cannot call equal (NaN) only means the fields are compared after all.
 */
function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== "object" || typeof b !== "object") return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameData(a[i], b[i])) return false;
    return true;
  }
  return sameMappings(a as Data, b as Data);
}

/**
 * Whether two mappings have the same own keys, each pair of values the same data, but for the
 * keys `skip` takes (their values are not compared). No function is made per mapping: a
 * changed budget holds tens of thousands.
 */
function sameMappings(a: Data, b: Data, skip?: (k: string) => boolean): boolean {
  let keys = 0;
  for (const k in a) {
    if (!hasOwn(a, k)) continue;
    keys++;
    if (!hasOwn(b, k)) return false;
    if (skip !== undefined && skip(k)) continue;
    if (!sameData(a[k], b[k])) return false;
  }
  for (const k in b) if (hasOwn(b, k)) keys--;
  return keys === 0;
}

/**
 * Whether two entities' own fields are surely equal (false may still mean equal), read without
 * flattening them: every key but those both leave to the entities they hold (childKeys), whose
 * data is compared when those entities are. A budget of a thousand åtaganden that changed in
 * one of them is then not walked whole for the document and again for each åtagande.
 */
export function sameOwnData(base: Entity, head: Entity): boolean {
  const a = base.data;
  const b = head.data;
  const kommun = base.kind === "kommun" && head.kind === "kommun";
  return sameMappings(a, b, (k) => (kommun && (k === "vision" || k === "organisation")) || (isEntityList(a[k]) && isEntityList(b[k])));
}

/** The entity's own fields, without `id` and without the entities it holds. */
export function ownFields(e: Entity): Map<string, FieldValue> {
  const skip = childKeys(e);
  const out = new Map<string, FieldValue>();
  for (const k of Object.keys(e.data).sort()) {
    if (k === "id" || skip.has(k)) continue;
    let v = e.data[k];
    if (ID_LIST_FIELDS.has(k) && typeof v === "string") v = [v];
    flattenInto(v, k, out);
  }
  return out;
}

export const fieldName = last;
