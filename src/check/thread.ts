// The red thread: cycles, and entities that do not trace up to a målområde.
import type { Diagnostic } from "../diagnostics/index.js";
import type { Entity, EntityKind } from "../model/types.js";
import { at, fieldOf } from "./report.js";

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

/** Strongly connected components of the upward graph that form a cycle (Tarjan, iterative). */
function findCycles(entities: readonly Entity[]): Entity[][] {
  const indexOf = new Map<Entity, number>();
  const low = new Map<Entity, number>();
  const onStack = new Set<Entity>();
  const stack: Entity[] = [];
  const cycles: Entity[][] = [];
  let counter = 0;
  for (const start of entities) {
    if (indexOf.has(start)) continue;
    const work: [Entity, number][] = [[start, 0]];
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const [v, i] = frame;
      if (i === 0) {
        indexOf.set(v, counter);
        low.set(v, counter);
        counter++;
        stack.push(v);
        onStack.add(v);
      }
      if (i < v.parents.length) {
        frame[1] = i + 1;
        const w = v.parents[i]!;
        if (!indexOf.has(w)) work.push([w, 0]);
        else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, indexOf.get(w)!));
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1]![0];
        low.set(parent, Math.min(low.get(parent)!, low.get(v)!));
      }
      if (low.get(v) === indexOf.get(v)) {
        const scc: Entity[] = [];
        let w: Entity;
        do {
          w = stack.pop()!;
          onStack.delete(w);
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

export interface ThreadResult {
  diagnostics: Diagnostic[];
  traces: Set<Entity>;
}

export function checkThread(entities: readonly Entity[]): ThreadResult {
  const out: Diagnostic[] = [];
  const cycles = findCycles(entities);
  const inCycle = new Set<Entity>();
  for (const scc of cycles) {
    for (const e of scc) inCycle.add(e);
    const path = cyclePath(scc);
    const first = path[0]!;
    const field = upwardField(first);
    const ref = first.refs.find((r) => r.upward && r.target === path[1]);
    out.push(at("reference-cycle", ref ? ref.at : fieldOf(first, field), { cycle: path.map((e) => e.id) }, first.id));
  }
  // Downward from every målområde: whatever is reached traces.
  const traces = new Set<Entity>();
  const queue: Entity[] = entities.filter((e) => e.kind === "målområde");
  for (const e of queue) traces.add(e);
  while (queue.length > 0) {
    const e = queue.pop()!;
    for (const c of e.children) {
      if (!traces.has(c)) {
        traces.add(c);
        queue.push(c);
      }
    }
  }
  // Entities that fail to trace because something already reported is broken are not
  // orphans of their own: a broken reference or a cycle says more.
  const blocked = new Set<Entity>();
  const seeds = entities.filter((e) => !traces.has(e) && (inCycle.has(e) || e.refs.some((r) => r.upward && r.broken)));
  for (const e of seeds) blocked.add(e);
  while (seeds.length > 0) {
    const e = seeds.pop()!;
    for (const c of e.children) {
      if (!traces.has(c) && !blocked.has(c)) {
        blocked.add(c);
        seeds.push(c);
      }
    }
  }
  for (const e of entities) {
    if (!MUST_TRACE.has(e.kind) || traces.has(e) || blocked.has(e)) continue;
    const field = upwardField(e);
    // An absent or mistyped upward field is reported by the schema already.
    const value = e.data[field];
    if (typeof value !== "string" && !Array.isArray(value)) continue;
    out.push(at("orphan", fieldOf(e, field), { kind: e.kind, id: e.id, via: e.parents.map((p) => p.id) }, e.id));
  }
  return { diagnostics: out, traces };
}
