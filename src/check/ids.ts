// IDs: duplicates within what a scope sees, and spellings that differ only in case.
import type { Diagnostic } from "../diagnostics/index.js";
import type { Entity } from "../model/types.js";
import { scopeKey, type ScopeIndex } from "../model/resolve.js";
import { at, idOfEntity } from "./report.js";

/**
 * Text of capitals and signs only, of ASCII and Latin-1 (Å, Ä, Ö, É …): folding turns each
 * capital into its own small letter, none of which the text can hold, so two such texts that
 * fold alike are the same text.
 */
const CAPITALS_ONLY = /^[\x00-\x60\x7b-\x7f\xc0-\xd6\xd8-\xde]*$/u;

/** `entities` are those `index` was built from, in order of definition. */
export function checkIds(entities: readonly Entity[], index: ScopeIndex): Diagnostic[] {
  const out: Diagnostic[] = [];
  const reported = new Set<Entity>();
  // Only an ID defined more than once can be a duplicate: the index lists those, and the scopes of the rest are spared.
  const repeated = index.repeated();
  for (const e of repeated) {
    const own = scopeKey(e.scope);
    for (const key of index.clashScopes(e.scope)) {
      const same = index.inScope(key, e.id);
      if (!same) continue;
      // The first definition visible from here that comes before this one.
      const earlier = same.find((o) => o !== e && o.order < e.order);
      if (earlier && !reported.has(e)) {
        reported.add(e);
        out.push(
          at("duplicate-id", idOfEntity(e), { id: e.id, kind: e.kind, firstFile: earlier.doc.file, firstKind: earlier.kind, sameScope: key === own ? 1 : 0 }, e.id),
        );
      }
    }
  }
  // A later definition can clash with an earlier one that lives in a wider scope the
  // other way round (a year's ID repeated by plan.yaml): report the later one as well.
  // The first such definition in the index's order of scopes, found among the ID's few namesakes.
  const rank = new Map([...index.scopeKeys()].map((key, i) => [key, i]));
  for (const e of repeated) {
    if (reported.has(e)) continue;
    const own = scopeKey(e.scope);
    let other: Entity | undefined;
    let otherRank = Infinity;
    for (const o of index.definitions(e.id)) {
      const r = rank.get(scopeKey(o.scope))!;
      if (r < otherRank && r !== rank.get(own) && o.order < e.order && index.clashScopes(o.scope).includes(own)) {
        other = o;
        otherRank = r;
      }
    }
    if (other) {
      reported.add(e);
      out.push(at("duplicate-id", idOfEntity(e), { id: e.id, kind: e.kind, firstFile: other.doc.file, firstKind: other.kind, sameScope: 0 }, e.id));
    }
  }
  // Case: the first spelling of an ID stands, every other spelling is warned at its first use.
  // Two IDs of capitals only never fold alike unless equal, so those are folded only where
  // another ID folds to the same. Most plans write their IDs in capitals: then nothing is folded.
  const plain = new Uint8Array(entities.length);
  const folds = new Set<string>();
  for (let i = 0; i < entities.length; i++) {
    const id = entities[i]!.id;
    if (CAPITALS_ONLY.test(id)) plain[i] = 1;
    else folds.add(id.toLowerCase());
  }
  if (folds.size === 0) return out;
  // A group of spellings is made only when a second one appears: most IDs have one.
  const firstOf = new Map<string, Entity>();
  const spellings = new Map<string, Map<string, Entity>>();
  for (let i = 0; i < entities.length; i++) {
    const e = entities[i]!;
    const folded = e.id.toLowerCase();
    if (plain[i] === 1 && !folds.has(folded)) continue;
    const first = firstOf.get(folded);
    if (!first) firstOf.set(folded, e);
    else if (first.id !== e.id) {
      let group = spellings.get(folded);
      if (!group) spellings.set(folded, (group = new Map([[first.id, first]])));
      if (!group.has(e.id)) group.set(e.id, e);
    }
  }
  // forEach, not for-of: one step per ID of the plan, without an object per step.
  firstOf.forEach((_, folded) => {
    const group = spellings.get(folded);
    if (!group) return;
    const [first, ...rest] = [...group.values()].sort((a, b) => a.order - b.order);
    for (const e of rest) out.push(at("id-case-collision", idOfEntity(e), { id: e.id, other: first!.id, otherFile: first!.doc.file }, e.id));
  });
  return out;
}
