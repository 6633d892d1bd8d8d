// The red thread: cycles, and entities that do not trace up to a målområde.
import type { Diagnostic } from "../diagnostics/index.js";
import type { Entity, EntityKind } from "../model/types.js";
import { at, fieldOf, refAt } from "./report.js";

/** The kinds that must trace (format.md, "The red thread"). */
export const MUST_TRACE: ReadonlySet<EntityKind> = new Set([
  "aktivitet",
  "produktionsmål",
  "verksamhetsmål",
  "uppdrag",
  "åtagande",
  "resultatmål",
]);

/** The field that carries an entity's upward references. */
export function upwardField(e: Entity): string {
  if (e.kind === "resultatmål") return "målområde";
  if (e.kind === "åtagande") return e.data.resultatmål !== undefined || e.data.målområde === undefined ? "resultatmål" : "målområde";
  return "bidrar_till";
}

/**
 * A small number per entity, for arrays in place of maps: its place in `entities` (its order,
 * in a built plan), else one given when it is first met (an entity outside the list).
 */
class Slots {
  private readonly extra = new Map<Entity, number>();
  constructor(private readonly entities: readonly Entity[]) {}

  /** The entity's number, given now where it has none. */
  of(e: Entity): number {
    let n = this.known(e);
    if (n === undefined) this.extra.set(e, (n = this.entities.length + this.extra.size));
    return n;
  }

  /** The entity's number, where it has one. */
  known(e: Entity): number | undefined {
    return this.entities[e.order] === e ? e.order : this.extra.get(e);
  }
}

/** Strongly connected components of the upward graph that form a cycle (Tarjan, iterative). */
function findCycles(entities: readonly Entity[], slots: Slots): Entity[][] {
  const slot = (e: Entity): number => slots.of(e);
  // By slot: the visit number (-1 or absent: not yet visited), the lowest one reached, whether on the stack.
  const indexOf: number[] = new Array<number>(entities.length).fill(-1);
  const low: number[] = new Array<number>(entities.length).fill(0);
  const onStack: boolean[] = new Array<boolean>(entities.length).fill(false);
  const stack: Entity[] = [];
  const cycles: Entity[][] = [];
  let counter = 0;
  // The walk: entities with the next parent to look at, side by side (no pair per step).
  const work: Entity[] = [];
  const next: number[] = [];
  // Indexed loops over the entities here: code not yet optimised makes an object for every
  // step of a for-of, and these run over every entity of the plan.
  for (let s = 0; s < entities.length; s++) {
    const start = entities[s]!;
    // An entity nothing points up to (an aktivitet) is in no cycle unless it names itself, and
    // what lies above it has a child (this one) and is walked from itself: no walk starts here.
    if (start.children.length === 0 && !start.parents.includes(start)) continue;
    if ((indexOf[slot(start)] ?? -1) >= 0) continue;
    work.push(start);
    next.push(0);
    while (work.length > 0) {
      const top = work.length - 1;
      const v = work[top]!;
      const i = next[top]!;
      const sv = slot(v);
      if (i === 0) {
        indexOf[sv] = low[sv] = counter++;
        stack.push(v);
        onStack[sv] = true;
      }
      if (i < v.parents.length) {
        next[top] = i + 1;
        const w = v.parents[i]!;
        const sw = slot(w);
        const iw = indexOf[sw] ?? -1;
        if (iw < 0) {
          work.push(w);
          next.push(0);
        } else if (onStack[sw] === true) low[sv] = Math.min(low[sv]!, iw);
        continue;
      }
      work.pop();
      next.pop();
      if (work.length > 0) {
        const sp = slot(work[work.length - 1]!);
        low[sp] = Math.min(low[sp]!, low[sv]!);
      }
      if (low[sv] === indexOf[sv]) {
        const scc: Entity[] = [];
        let w: Entity;
        do {
          w = stack.pop()!;
          onStack[slot(w)] = false;
          scc.push(w);
        } while (w !== v);
        if (scc.length > 1 || v.parents.includes(v)) cycles.push(scc.sort((a, b) => a.order - b.order));
      }
    }
  }
  return cycles.sort((a, b) => a[0]!.order - b[0]!.order);
}

/** A path around the cycle, from its first entity back to it. */
function cyclePath(scc: Entity[]): Entity[] {
  const members = new Set(scc);
  const start = scc[0]!;
  const path: Entity[] = [start];
  const seen = new Set<Entity>([start]);
  let current = start;
  for (;;) {
    const next = current.parents.find((p) => p === start) ?? current.parents.find((p) => members.has(p) && !seen.has(p));
    if (!next || next === start) break;
    path.push(next);
    seen.add(next);
    current = next;
  }
  return [...path, start];
}

/** The entities that trace up to a målområde. */
export type Traces = Pick<ReadonlySet<Entity>, "has">;

export interface ThreadResult {
  diagnostics: Diagnostic[];
  traces: Traces;
}

export function checkThread(entities: readonly Entity[]): ThreadResult {
  const out: Diagnostic[] = [];
  const slots = new Slots(entities);
  const slot = (e: Entity): number => slots.of(e);
  const cycles = findCycles(entities, slots);
  const inCycle = new Set<Entity>();
  for (const scc of cycles) {
    for (const e of scc) inCycle.add(e);
    const path = cyclePath(scc);
    const first = path[0]!;
    const field = upwardField(first);
    const ref = first.refs.find((r) => r.upward && r.target === path[1]);
    out.push(at("reference-cycle", ref ? refAt(first, ref) : fieldOf(first, field), { cycle: path.map((e) => e.id) }, first.id));
  }
  // Downward from every målområde: whatever is reached traces (a mark per slot, not a set of thousands).
  const traced: boolean[] = new Array<boolean>(entities.length).fill(false);
  const queue: Entity[] = entities.filter((e) => e.kind === "målområde");
  for (const e of queue) traced[slot(e)] = true;
  while (queue.length > 0) {
    const children = queue.pop()!.children;
    for (let i = 0; i < children.length; i++) {
      const n = slot(children[i]!);
      if (traced[n] !== true) {
        traced[n] = true;
        queue.push(children[i]!);
      }
    }
  }
  const traces: Traces = {
    has: (e) => {
      const n = slots.known(e);
      return n !== undefined && traced[n] === true;
    },
  };
  // Entities that fail to trace because something already reported is broken are not
  // orphans of their own: a broken reference or a cycle says more.
  const blocked: boolean[] = [];
  const seeds: Entity[] = [];
  for (let i = 0; i < entities.length; i++) {
    const e = entities[i]!;
    const n = slot(e);
    if (traced[n] === true || !(inCycle.has(e) || e.refs.some((r) => r.upward && r.broken))) continue;
    seeds.push(e);
    blocked[n] = true;
  }
  while (seeds.length > 0) {
    const e = seeds.pop()!;
    for (const c of e.children) {
      const n = slot(c);
      if (traced[n] !== true && blocked[n] !== true) {
        blocked[n] = true;
        seeds.push(c);
      }
    }
  }
  for (let i = 0; i < entities.length; i++) {
    const e = entities[i]!;
    if (!MUST_TRACE.has(e.kind)) continue;
    const n = slot(e);
    if (traced[n] === true || blocked[n] === true) continue;
    const field = upwardField(e);
    // An absent or mistyped upward field is reported by the schema already.
    const value = e.data[field];
    if (typeof value !== "string" && !Array.isArray(value)) continue;
    out.push(at("orphan", fieldOf(e, field), { kind: e.kind, id: e.id, via: e.parents.map((p) => p.id) }, e.id));
  }
  return { diagnostics: out, traces };
}
