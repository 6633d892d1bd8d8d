// One reference resolver for every field: scopes, lookup, and the red thread's edges.
import { addEntity, type Entity, type EntityKind, type Ref, type RefTarget, type Scope } from "./types.js";
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

const NONE: readonly Entity[] = [];

/** The definitions of an ID: the entity itself while there is one (most IDs), a list once repeated. */
type Defined = Entity | Entity[];
type IdMap = Map<string, Defined>;

/** Add a definition; true when the ID was defined already. */
function define(map: IdMap, id: string, e: Entity): boolean {
  const known = map.get(id);
  if (known === undefined) {
    map.set(id, e);
    return false;
  }
  if (Array.isArray(known)) known.push(e);
  else map.set(id, [known, e]);
  return true;
}

const firstOf = (d: Defined): Entity => (Array.isArray(d) ? d[0]! : d);
const listOf = (d: Defined): Entity[] => (Array.isArray(d) ? d : [d]);

/** Where each ID lives, per scope, in order of definition. */
export class ScopeIndex {
  private readonly byScope = new Map<string, IdMap>();
  /** Every scope together: asked only for a finding, so made when first asked. */
  private everywhere: IdMap | undefined;
  private readonly byKind = new Map<EntityKind, Entity[]>();
  readonly kommunplaner: readonly Entity[];

  constructor(private readonly entities: readonly Entity[]) {
    // A document's entities share one scope object, and runs of them one kind: the scope's key
    // and map, and the kind's list, are found once per run. An indexed loop: code not yet
    // optimised makes an object for every step of a for-of.
    let scope: Scope | undefined;
    let ids: IdMap = new Map();
    let kind: EntityKind | undefined;
    let ofKind: Entity[] = [];
    for (let i = 0; i < entities.length; i++) {
      const e = entities[i]!;
      if (e.scope !== scope) {
        scope = e.scope;
        const key = scopeKey(scope);
        const known = this.byScope.get(key);
        if (known) ids = known;
        else this.byScope.set(key, (ids = new Map()));
      }
      if (e.kind !== kind) {
        kind = e.kind;
        const known = this.byKind.get(kind);
        if (known) ofKind = known;
        else this.byKind.set(kind, (ofKind = []));
      }
      ofKind.push(e);
      if (define(ids, e.id, e)) this.repeatsInScope = true;
    }
    this.kommunplaner = this.ofKind("kommunplan");
  }

  private repeatsInScope = false;

  /** No scope defines an ID twice, and no two kommunplaner share one: an ID and a scope name one entity. */
  get oneIdPerScope(): boolean {
    return !this.repeatsInScope && new Set(this.kommunplaner.map((kp) => kp.id)).size === this.kommunplaner.length;
  }

  /** The entities of one kind, in order of definition: for the checks that look at one kind of thousands. */
  ofKind(kind: EntityKind): readonly Entity[] {
    return this.byKind.get(kind) ?? NONE;
  }

  private get byId(): IdMap {
    if (!this.everywhere) {
      this.everywhere = new Map();
      for (let i = 0; i < this.entities.length; i++) define(this.everywhere, this.entities[i]!.id, this.entities[i]!);
    }
    return this.everywhere;
  }

  /** Every definition of `id`, in every scope, in order of definition. */
  definitions(id: string): readonly Entity[] {
    const d = this.byId.get(id);
    return d === undefined ? [] : listOf(d);
  }

  /**
   * The entities whose ID is defined more than once (in one scope or in several), in order of
   * definition: from the scopes' own maps, without a map of every ID. Two scopes are compared
   * from the smaller one, whose IDs are asked of the larger.
   */
  repeated(): Entity[] {
    const maps = [...this.byScope.values()].sort((a, b) => a.size - b.size);
    const out = new Set<Entity>();
    const add = (d: Defined): void => {
      for (const e of listOf(d)) out.add(e);
    };
    maps.forEach((m, i) =>
      m.forEach((d, id) => {
        if (Array.isArray(d)) add(d);
        for (let j = i + 1; j < maps.length; j++) {
          const other = maps[j]!.get(id);
          if (other === undefined) continue;
          add(d);
          add(other);
        }
      }),
    );
    return [...out].sort((a, b) => a.order - b.order);
  }

  /** The definitions of `id` in the scope of `key`, in order, if any. */
  inScope(key: string, id: string): readonly Entity[] | undefined {
    const d = this.byScope.get(key)?.get(id);
    return d === undefined ? undefined : listOf(d);
  }

  /** The keys of the scopes that define something, in order of their first definition. */
  scopeKeys(): IterableIterator<string> {
    return this.byScope.keys();
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
  private readonly mapsOf = new WeakMap<Scope, readonly IdMap[]>();

  /** The maps of the IDs visible from `scope`, nearest first. */
  visibleMaps(scope: Scope): readonly IdMap[] {
    let maps = this.mapsOf.get(scope);
    if (!maps) {
      const list: IdMap[] = [];
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
    return elsewhere ? { elsewhere: listOf(elsewhere) } : {};
  }

  /** Every ID visible from `scope`, for suggestions; with `allowed`, only IDs of those kinds. */
  *visibleIds(scope: Scope, allowed: readonly RefTarget[] = []): Iterable<string> {
    for (const key of this.chain(scope)) {
      for (const [id, d] of this.byScope.get(key) ?? []) if (Array.isArray(d) ? d.some((e) => accepts(allowed, e)) : accepts(allowed, d)) yield id;
    }
  }
}

function findIn(maps: readonly IdMap[], id: string): Entity | undefined {
  for (const m of maps) {
    const found = m.get(id);
    if (found !== undefined) return firstOf(found);
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

/** Whether `e` is among the first `n` of `list`. */
function foundBefore(list: readonly Entity[], n: number, e: Entity): boolean {
  for (let i = 0; i < n; i++) if (list[i] === e) return true;
  return false;
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
  // Reused for every owner, never emptied by setting its length (that gives its room back).
  const found: Entity[] = [];
  // Entities of one document share a scope: its maps are found once for them.
  let scope: Scope | undefined;
  let maps: readonly IdMap[] = [];
  // Indexed loops: code not yet optimised makes an object for every step of a for-of.
  for (let i = 0; i < entities.length; i++) {
    const owner = entities[i]!;
    const refs = owner.refs;
    if (refs.length === 0) continue;
    if (owner.scope !== scope) maps = index.visibleMaps((scope = owner.scope));
    // The parents found here are gathered first, then stored in a list of just the size needed
    // (a push onto an empty list makes room for sixteen). A set beside them (an entity may name
    // thousands of parents) is made only when they grow many: most entities have one or two.
    let parents: Set<Entity> | undefined;
    const had = owner.parents;
    let n = 0;
    for (let r = 0; r < refs.length; r++) {
      const ref = refs[r]!;
      if (isAlla(ref)) continue;
      const target = findIn(maps, ref.id);
      if (target && accepts(ref.allowed, target)) {
        ref.target = target;
        if (!ref.upward) continue;
        if (had.length + n < SHORT_LIST ? had.includes(target) || foundBefore(found, n, target) : (parents ??= new Set([...had, ...found.slice(0, n)])).has(target)) continue;
        found[n++] = target;
        parents?.add(target);
      } else {
        ref.broken = true;
        // What the finding says (where else the ID lives) is looked up only for a failure.
        failed.push({ ref, owner, lookup: index.lookup(ref.id, owner.scope) });
      }
    }
    if (n > 0) owner.parents = had.length === 0 ? found.slice(0, n) : had.concat(found.slice(0, n));
  }
  for (let i = 0; i < entities.length; i++) {
    const e = entities[i]!;
    for (let p = 0; p < e.parents.length; p++) addEntity(e.parents[p]!, "children", e);
  }
  // The vision above every målområde: the kommunplan's own, else the kommun's.
  const vision = index.ofKind("vision")[0];
  // One pass over the målområden (not one per kommunplan), in the same order as before:
  // kommunplaner in order, each one's målområden in order.
  const områden = new Map<Entity, Entity[]>();
  for (const e of index.ofKind("målområde")) {
    if (!e.container) continue;
    const list = områden.get(e.container);
    if (list) list.push(e);
    else områden.set(e.container, [e]);
  }
  for (const kp of index.kommunplaner) {
    const own = kp.refs.find((r) => r.field === "vision")?.target;
    const v = own ?? vision;
    if (!v) continue;
    for (const område of områden.get(kp) ?? []) {
      addEntity(område, "parents", v);
      addEntity(v, "children", område);
    }
  }
  return failed;
}

/**
 * The organ IDs an åtagande belongs to: named nämnder, or every nämnd for `alla` (`allNamnder`
 * itself, not a copy: a plan may have thousands of such åtaganden and a thousand nämnder).
 */
export function namnderOf(åtagande: Entity, allNamnder: readonly string[]): readonly string[] {
  const list = asList(åtagande.data.nämnder);
  if (list.includes("alla")) return allNamnder;
  return list;
}

