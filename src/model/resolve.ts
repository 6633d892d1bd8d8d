// One reference resolver for every field: scopes, lookup, and the red thread's edges.
import type { Entity, Ref, RefTarget, Scope } from "./types.js";
import { asList } from "./build.js";

export const scopeKey = (s: Scope): string => {
  switch (s.kind) {
    case "global":
      return "g";
    case "period":
      return `p:${s.plan.order}`;
    case "year":
      return `y:${s.year}`;
    case "proposals":
      return `f:${s.year}`;
  }
};

export interface Lookup {
  entity?: Entity;
  /** The ID exists, but only outside the scopes visible from here: where it is. */
  elsewhere?: Entity[];
}

/** Where each ID lives, per scope, in order of definition. */
export class ScopeIndex {
  readonly byScope = new Map<string, Map<string, Entity[]>>();
  readonly byId = new Map<string, Entity[]>();
  readonly kommunplaner: Entity[] = [];

  constructor(entities: readonly Entity[]) {
    // A document's entities share one scope object: its key and map are found once per run of them.
    let scope: Scope | undefined;
    let ids = new Map<string, Entity[]>();
    for (const e of entities) {
      if (e.scope !== scope) {
        scope = e.scope;
        const key = scopeKey(scope);
        const known = this.byScope.get(key);
        if (known) ids = known;
        else this.byScope.set(key, (ids = new Map()));
      }
      const list = ids.get(e.id);
      if (list) list.push(e);
      else ids.set(e.id, [e]);
      const all = this.byId.get(e.id);
      if (all) all.push(e);
      else this.byId.set(e.id, [e]);
      if (e.kind === "kommunplan") this.kommunplaner.push(e);
    }
  }

  private readonly planFor = new Map<number, Entity | undefined>();

  /** The kommunplan whose period covers `year` (the first one, where periods overlap). */
  kommunplanFor(year: number): Entity | undefined {
    // Asked once per reference: remembered per year, since a plan may hold many kommunplaner.
    if (this.planFor.has(year)) return this.planFor.get(year);
    const found = this.kommunplaner.find((kp) => {
      const p = kp.data.period as Record<string, unknown> | undefined;
      return p && typeof p.från === "number" && typeof p.till === "number" && p.från <= year && year <= p.till;
    });
    this.planFor.set(year, found);
    return found;
  }

  // Both lists depend only on the scope's key: built once per scope, asked once per reference.
  private readonly chains = new Map<string, readonly string[]>();
  private readonly clashes = new Map<string, readonly string[]>();

  /** The same per scope object: a document's entities share one, and the key need not be made again. */
  private readonly chainOf = new WeakMap<Scope, readonly string[]>();

  /** The scopes visible from `scope`, nearest first. */
  chain(scope: Scope): readonly string[] {
    let known = this.chainOf.get(scope);
    if (known) return known;
    const key = scopeKey(scope);
    known = this.chains.get(key);
    if (!known) this.chains.set(key, (known = this.buildChain(scope)));
    this.chainOf.set(scope, known);
    return known;
  }

  private buildChain(scope: Scope): string[] {
    const period = (year: number): string[] => {
      const kp = this.kommunplanFor(year);
      return kp ? [scopeKey(kp.scope)] : [];
    };
    switch (scope.kind) {
      case "global":
        return ["g"];
      case "period":
        return [scopeKey(scope), "g"];
      case "year":
        return [`y:${scope.year}`, ...period(scope.year), "g"];
      case "proposals":
        return [`f:${scope.year}`, `y:${scope.year}`, ...period(scope.year), "g", `y:${scope.year - 1}`, ...period(scope.year - 1)];
    }
  }

  /** The scopes whose IDs an entity defined in `scope` may not repeat (its own first). */
  clashScopes(scope: Scope): readonly string[] {
    if (scope.kind !== "proposals") return this.chain(scope);
    // Proposals live apart from the year scopes: an adopted åtagande may keep its ID.
    const key = scopeKey(scope);
    let known = this.clashes.get(key);
    if (!known) {
      const kp = this.kommunplanFor(scope.year);
      this.clashes.set(key, (known = [key, ...(kp ? [scopeKey(kp.scope)] : []), "g"]));
    }
    return known;
  }

  /** The maps of the scopes visible from `scope`, nearest first; per scope object, as chain(). */
  private readonly mapsOf = new WeakMap<Scope, readonly Map<string, Entity[]>[]>();

  /** The maps of the IDs visible from `scope`, nearest first. */
  visibleMaps(scope: Scope): readonly Map<string, Entity[]>[] {
    let maps = this.mapsOf.get(scope);
    if (!maps) {
      const list: Map<string, Entity[]>[] = [];
      for (const key of this.chain(scope)) {
        const m = this.byScope.get(key);
        if (m) list.push(m);
      }
      this.mapsOf.set(scope, (maps = list));
    }
    return maps;
  }

  /** The entity `id` names from `scope`: the first definition in the nearest scope that has one. */
  find(id: string, scope: Scope): Entity | undefined {
    return findIn(this.visibleMaps(scope), id);
  }

  lookup(id: string, scope: Scope): Lookup {
    const entity = this.find(id, scope);
    if (entity) return { entity };
    const elsewhere = this.byId.get(id);
    return elsewhere ? { elsewhere } : {};
  }

  /** Every ID visible from `scope`, for suggestions; with `allowed`, only IDs of those kinds. */
  *visibleIds(scope: Scope, allowed: readonly RefTarget[] = []): Iterable<string> {
    for (const key of this.chain(scope)) {
      for (const [id, list] of this.byScope.get(key) ?? []) if (list.some((e) => accepts(allowed, e))) yield id;
    }
  }
}

function findIn(maps: readonly Map<string, Entity[]>[], id: string): Entity | undefined {
  for (const m of maps) {
    const found = m.get(id);
    if (found) return found[0];
  }
  return undefined;
}

/** `organ:<typ>` per typ of organ, made once rather than once per reference. */
const organTargets = new Map<string | undefined, string>();
const organTarget = (typ: string | undefined): string => {
  let t = organTargets.get(typ);
  if (t === undefined) organTargets.set(typ, (t = `organ:${typ}`));
  return t;
};

function accepts(allowed: readonly RefTarget[], target: Entity): boolean {
  if (allowed.length === 0) return true;
  const organ = target.kind === "organ";
  for (const a of allowed) {
    if (a === target.kind) return true;
    if (organ && (a === "organ" || a === organTarget(target.organTyp))) return true;
  }
  return false;
}

/** The word `alla` in nämnder names every nämnd; it is not a reference. */
const isAlla = (ref: Ref): boolean => ref.field === "nämnder" && ref.id === "alla";

export interface Resolution {
  ref: Ref;
  owner: Entity;
  lookup: Lookup;
}

/** Up to this many parents, a list is searched; beyond, a set is kept beside it. */
const SHORT_LIST = 16;

/**
 * Resolve every reference: set `target` where it points at an allowed entity, `broken`
 * where it does not, and link parents and children along the red thread.
 * Returns the failed lookups for the checks to report.
 */
export function resolveAll(entities: readonly Entity[], index: ScopeIndex): Resolution[] {
  const failed: Resolution[] = [];
  // Entities of one document share a scope: its maps are found once for them.
  let scope: Scope | undefined;
  let maps: readonly Map<string, Entity[]>[] = [];
  for (const owner of entities) {
    if (owner.refs.length === 0) continue;
    if (owner.scope !== scope) maps = index.visibleMaps((scope = owner.scope));
    // A set beside the parents list (an entity may name thousands of parents), made only when
    // the list grows long: most entities have one or two parents.
    let parents: Set<Entity> | undefined;
    const list = owner.parents;
    for (const ref of owner.refs) {
      if (isAlla(ref)) continue;
      const target = findIn(maps, ref.id);
      if (target && accepts(ref.allowed, target)) {
        ref.target = target;
        if (!ref.upward) continue;
        if (list.length < SHORT_LIST ? list.includes(target) : (parents ??= new Set(list)).has(target)) continue;
        list.push(target);
        parents?.add(target);
      } else {
        ref.broken = true;
        // What the finding says (where else the ID lives) is looked up only for a failure.
        failed.push({ ref, owner, lookup: index.lookup(ref.id, owner.scope) });
      }
    }
  }
  for (const e of entities) for (const p of e.parents) p.children.push(e);
  // The vision above every målområde: the kommunplan's own, else the kommun's.
  const vision = entities.find((e) => e.kind === "vision");
  // One pass over the målområden (not one per kommunplan), in the same order as before:
  // kommunplaner in order, each one's målområden in order.
  const områden = new Map<Entity, Entity[]>();
  for (const e of entities) {
    if (e.kind !== "målområde" || !e.container) continue;
    const list = områden.get(e.container);
    if (list) list.push(e);
    else områden.set(e.container, [e]);
  }
  for (const kp of index.kommunplaner) {
    const own = kp.refs.find((r) => r.field === "vision")?.target;
    const v = own ?? vision;
    if (!v) continue;
    for (const område of områden.get(kp) ?? []) {
      område.parents.push(v);
      v.children.push(område);
    }
  }
  return failed;
}

/** The organ IDs an åtagande belongs to: named nämnder, or every nämnd for `alla`. */
export function namnderOf(åtagande: Entity, allNamnder: readonly string[]): string[] {
  const list = asList(åtagande.data.nämnder);
  if (list.includes("alla")) return [...allNamnder];
  return list;
}

