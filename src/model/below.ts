// What lies below each entity on the red thread, as rows of bits: how many aktiviteter serve an
// åtagande, directly or through what serves it (the figures of stats, the reports' rows of
// åtaganden, the site's pages), and what a diff's removals leave without a goal (diff/compare.ts).
import type { Entity } from "./types.js";

/** Memory for the bits of one pass: the counted entities are taken a slice at a time, so that the rows of every component fit in it. */
const PASS_BYTES = 32 * 1024 * 1024;

/** The number of bits set in a 32-bit word. */
export function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

/**
 * For each of `entities` and everything below them: how many of the entities `counted` picks
 * are its descendants (reached through `children` at any depth, each once however many paths
 * lead to it; the entity itself only where a cycle leads back to it), as `descendants(e)`
 * filtered by `counted` would count them. Entities with none are left out of the map.
 *
 * Not one walk below each entity: m åtaganden all served by one verksamhetsmål that n
 * aktiviteter serve made m·n steps. A ladder of verksamhetsmål that each serve an åtagande and
 * the one above (every åtagande with its own count of everything below it) kept n sets of up to
 * n entities, 4 GB and 22 s for 20,000 rungs. Rows of bits instead (rowsBelow).
 */
export function countBelow(entities: readonly Entity[], counted: (e: Entity) => boolean, passBytes = PASS_BYTES): Map<Entity, number> {
  const out = new Map<Entity, number>();
  const bits = new Map<Entity, number>();
  const below = rowsBelow(
    entities,
    (e) => {
      if (!counted(e)) return undefined;
      bits.set(e, bits.size);
      return bits.size - 1;
    },
    passBytes,
  );
  if (!below) return out;
  const counts = new Float64Array(below.comps.length);
  below.passes((_first, words, rows) => {
    for (let c = 0; c < below.comps.length; c++) {
      const at = c * words;
      let n = 0;
      for (let w = 0; w < words; w++) n += popcount(rows[at + w]!);
      counts[c]! += n;
    }
  });
  below.comps.forEach((members, c) => {
    if (counts[c]! > 0) for (const e of members) out.set(e, counts[c]!);
  });
  return out;
}

/** What rowsBelow gives: the components, children first, and a walk over their rows of bits, a slice of the bits at a time. */
export interface RowsBelow {
  /** The strongly connected components of everything below the entities, each below-first: a component's children come before it. */
  comps: Entity[][];
  compOf: Map<Entity, number>;
  /**
   * Calls `visit` once per slice of the bits, in order: bits `first` to `first + 32 * words - 1`
   * (the first bit of a slice at the lowest bit of a component's first word), in `rows`, one row
   * of `words` words per component (component c at c * words), each the bits set below it.
   */
  passes(visit: (first: number, words: number, rows: Uint32Array) => void): void;
}

/**
 * The rows of bits below each entity of `entities` and everything below them: a row per
 * strongly connected component (Tarjan's algorithm with an explicit stack: a thread may be
 * 100,000 deep), the OR of the rows of the components just below it and the bits of its
 * children outside it (of its own members too when it is a cycle). `bitOf` is asked once per
 * entity, in the order they are reached, for its bit (entities may share one: they are then
 * counted once), or undefined when it has none. The bits take (components + links) × bits / 32
 * word operations, a slice of the bits at a time within `passBytes`. Undefined when no entity
 * has a bit.
 */
export function rowsBelow(entities: readonly Entity[], bitOf: (e: Entity) => number | undefined, passBytes = PASS_BYTES): RowsBelow | undefined {
  // Tarjan's bookkeeping: the order each entity was reached in, the lowest order reachable
  // from it (by that order), and, once its component is done, the component's number.
  const order = new Map<Entity, number>();
  const low: number[] = [];
  const compOf = new Map<Entity, number>();
  const comps: Entity[][] = [];
  const open: Entity[] = [];
  // The depth-first path: an entity and how many of its children it has gone through.
  const path: Entity[] = [];
  const nextChild: number[] = [];

  const reach = (e: Entity): void => {
    low.push(order.size);
    order.set(e, order.size);
    open.push(e);
    path.push(e);
    nextChild.push(0);
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
        else if (!compOf.has(c)) low[order.get(e)!] = Math.min(low[order.get(e)!]!, seen);
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
        compOf.set(x, comps.length);
      } while (x !== e);
      comps.push(members);
    }
  }

  // Each entity's bit, and per component the components just below it and the bits it sets
  // itself: its children's outside it, and its own members' when it is a cycle.
  const bit = new Map<Entity, number>();
  let size = 0;
  for (const e of order.keys()) {
    const b = bitOf(e);
    if (b === undefined) continue;
    bit.set(e, b);
    size = Math.max(size, b + 1);
  }
  if (bit.size === 0) return undefined;
  const below: number[][] = [];
  const own: number[][] = [];
  comps.forEach((members, c) => {
    const cycle = members.length > 1 || members[0]!.children.includes(members[0]!);
    const under = new Set<number>();
    const bits: number[] = [];
    for (const e of members) {
      if (cycle && bit.has(e)) bits.push(bit.get(e)!);
      for (const child of e.children) {
        const d = compOf.get(child)!;
        if (d === c) continue;
        under.add(d);
        if (bit.has(child)) bits.push(bit.get(child)!);
      }
    }
    below.push([...under]);
    own.push(bits);
  });

  return {
    comps,
    compOf,
    passes(visit) {
      const words = Math.max(1, Math.min(Math.ceil(size / 32), Math.floor(passBytes / 4 / comps.length)));
      const rows = new Uint32Array(comps.length * words);
      for (let first = 0; first < size; first += words * 32) {
        rows.fill(0);
        for (let c = 0; c < comps.length; c++) {
          const at = c * words;
          for (const d of below[c]!) {
            const from = d * words;
            for (let w = 0; w < words; w++) rows[at + w]! |= rows[from + w]!;
          }
          for (const b of own[c]!) {
            const i = b - first;
            if (i >= 0 && i < words * 32) rows[at + (i >>> 5)]! |= 1 << (i & 31);
          }
        }
        visit(first, words, rows);
      }
    },
  };
}
