// How many entities of some sort lie below each entity on the red thread: the aktiviteter that
// serve an åtagande, directly or through what serves it. Used by the figures (stats), the
// reports' rows of åtaganden and the site's pages.
import type { Entity } from "./types.js";

/** The set of an entity with nothing counted below it: one for all, never added to. */
const NONE: ReadonlySet<Entity> = new Set<Entity>();

/**
 * For each of `entities` and everything below them: how many of the entities `counted` picks
 * are its descendants (reached through `children` at any depth, each once however many paths
 * lead to it; the entity itself only where a cycle leads back to it), as `descendants(e)`
 * filtered by `counted` would count them. Entities with none are left out of the map.
 *
 * One pass over the thread, not one walk below each entity: m åtaganden all served by one
 * verksamhetsmål that n aktiviteter serve made m·n steps. The strongly connected components
 * (Tarjan's algorithm with an explicit stack: a thread may be 100,000 deep) come out children
 * first, and each gets the set of counted entities below it from its children's sets: the very
 * set of its only child that has any (the shared subtree above is then one set, not m copies),
 * else the largest child set extended in place when nothing else will read it, else a copy.
 * Which sets nothing else reads is known by counting, per set, the references still to be
 * followed from parents not yet done.
 */
export function countBelow(entities: readonly Entity[], counted: (e: Entity) => boolean): Map<Entity, number> {
  const out = new Map<Entity, number>();
  // Tarjan's bookkeeping: the order each entity was reached in, the lowest order reachable
  // from it (by that order), and, once its component is done, the component's set.
  const order = new Map<Entity, number>();
  const low: number[] = [];
  const setOf = new Map<Entity, ReadonlySet<Entity>>();
  const open: Entity[] = [];
  // The depth-first path: an entity and how many of its children it has gone through.
  const path: Entity[] = [];
  const nextChild: number[] = [];
  // Per set: how many references from parents not yet done still lead to it.
  const readers = new Map<ReadonlySet<Entity>, number>();

  const reach = (e: Entity): void => {
    low.push(order.size);
    order.set(e, order.size);
    open.push(e);
    path.push(e);
    nextChild.push(0);
  };

  const finish = (members: readonly Entity[]): void => {
    // Most components are one entity: no set of members made for them.
    const first = members[0]!;
    const inside = members.length > 1 ? new Set(members) : undefined;
    const within = (x: Entity): boolean => (inside !== undefined ? inside.has(x) : x === first);
    const extra: Entity[] = [];
    if (inside !== undefined || first.children.includes(first)) for (const e of members) if (counted(e)) extra.push(e);
    // The children's sets, each with the number of references to it followed here.
    const from = new Map<ReadonlySet<Entity>, number>();
    for (const e of members) {
      const children = e.children;
      for (let i = 0; i < children.length; i++) {
        const c = children[i]!;
        if (within(c)) continue;
        if (counted(c)) extra.push(c);
        const s = setOf.get(c)!;
        if (s !== NONE) from.set(s, (from.get(s) ?? 0) + 1);
      }
    }
    let largest: ReadonlySet<Entity> | undefined;
    let largestFree: Set<Entity> | undefined;
    for (const [s, n] of from) {
      const left = readers.get(s)! - n;
      readers.set(s, left);
      if (largest === undefined || s.size > largest.size) largest = s;
      // Nothing else reads it: it may grow into this component's set.
      if (left === 0 && (largestFree === undefined || s.size > largestFree.size)) largestFree = s as Set<Entity>;
    }
    let set: ReadonlySet<Entity>;
    if (largest === undefined && extra.length === 0) set = NONE;
    else if (from.size === 1 && extra.every((x) => largest!.has(x))) set = largest!;
    else {
      const base = largestFree ?? new Set(largest);
      const copied = largestFree === undefined ? largest : undefined;
      for (const s of from.keys()) if (s !== base && s !== copied) for (const x of s) base.add(x);
      for (const x of extra) base.add(x);
      set = base;
    }
    if (set !== NONE) {
      let parents = 0;
      for (const e of members) for (const p of e.parents) if (!within(p)) parents++;
      readers.set(set, (readers.get(set) ?? 0) + parents);
    }
    for (const e of members) {
      setOf.set(e, set);
      if (set.size > 0) out.set(e, set.size);
    }
  };

  for (const root of entities) {
    if (order.has(root)) continue;
    reach(root);
    while (path.length > 0) {
      const top = path.length - 1;
      const e = path[top]!;
      const children = e.children;
      if (nextChild[top]! < children.length) {
        const c = children[nextChild[top]!++]!;
        const seen = order.get(c);
        if (seen === undefined) reach(c);
        // Reached but not in a finished component: on the open stack, in this one's component.
        else if (!setOf.has(c)) low[order.get(e)!] = Math.min(low[order.get(e)!]!, seen);
        continue;
      }
      path.pop();
      nextChild.pop();
      const mine = order.get(e)!;
      if (path.length > 0) {
        const up = order.get(path[path.length - 1]!)!;
        low[up] = Math.min(low[up]!, low[mine]!);
      }
      if (low[mine] !== mine) continue;
      const members: Entity[] = [];
      let x: Entity;
      do {
        x = open.pop()!;
        members.push(x);
      } while (x !== e);
      finish(members);
    }
  }
  return out;
}
