// The red thread as data: chains from an entity up to the vision, and the tree below it.
import type { Entity } from "./types.js";
import type { Plan } from "./plan.js";
import { asList } from "./build.js";
import { namnderOf } from "./resolve.js";

/** The years that have a budget, ascending. */
export function budgetYears(plan: Plan): number[] {
  const years = new Set<number>();
  for (const t of plan.docs) if (t.kind === "budget" && t.year !== undefined) years.add(t.year);
  return [...years].sort((a, b) => a - b);
}

/** `--år`, else the current calendar year when it has a budget, else the newest budget year. */
export function pickYear(plan: Plan, requested: number | undefined, today = new Date()): number | undefined {
  if (requested !== undefined) return requested;
  const years = budgetYears(plan);
  const current = today.getFullYear();
  if (years.includes(current)) return current;
  return years[years.length - 1];
}

/** Whether an entity belongs to `year`: global and period entities belong to every year they are visible in. */
export function inYear(plan: Plan, e: Entity, year: number): boolean {
  switch (e.scope.kind) {
    case "global":
      return true;
    case "period":
      return plan.index.kommunplanFor(year) === e.scope.plan;
    case "year":
      return e.scope.year === year;
    case "proposals":
      return false;
  }
}

/** Every chain of IDs from `e` up to the top (the vision), one per path. Cycles end a chain. */
export function chainsUp(e: Entity): Entity[][] {
  const out: Entity[][] = [];
  const walk = (current: Entity, path: Entity[]): void => {
    const next = current.parents.filter((p) => !path.includes(p));
    if (next.length === 0) {
      out.push(path);
      return;
    }
    for (const p of next) walk(p, [...path, p]);
  };
  walk(e, [e]);
  return out;
}

const byOrder = (a: Entity, b: Entity): number => a.order - b.order;

/**
 * The children shown below an entity in the tree of a year. A resultatmål that names
 * övergripande mål stands under each of them, else under its målområde; everything else
 * stands under what it contributes to.
 */
export function treeChildren(plan: Plan, e: Entity, year: number): Entity[] {
  const kids = e.children.filter((c) => inYear(plan, c, year));
  if (e.kind === "målområde") {
    const mål = kids.filter((c) => c.kind === "mål");
    const rest = kids.filter((c) => c.kind !== "mål" && !(c.kind === "resultatmål" && namedMål(c).length > 0));
    return [...mål, ...rest].sort(kindThenOrder);
  }
  if (e.kind === "mål") {
    const named = plan.entities.filter((r) => r.kind === "resultatmål" && inYear(plan, r, year) && namedMål(r).includes(e));
    return [...new Set([...named, ...kids])].sort(kindThenOrder);
  }
  return kids.sort(kindThenOrder);
}

function namedMål(r: Entity): Entity[] {
  return r.refs.filter((x) => x.field === "mål" && x.target).map((x) => x.target!);
}

const KIND_RANK: Record<string, number> = {
  målområde: 0,
  mål: 1,
  resultatmål: 2,
  åtagande: 3,
  uppdrag: 4,
  verksamhetsmål: 5,
  produktionsmål: 6,
  aktivitet: 7,
};
function kindThenOrder(a: Entity, b: Entity): number {
  return (KIND_RANK[a.kind] ?? 9) - (KIND_RANK[b.kind] ?? 9) || byOrder(a, b);
}

export interface TreeNode {
  id: string;
  typ: string;
  namn: string;
  /** The nämnder of an åtagande (`alla` kept as the word). */
  nämnder?: string[];
  children: TreeNode[];
  entity: Entity;
}

/** Everything below an entity on the thread, each once (iterative: a thread may be deep). */
export function descendants(e: Entity): Set<Entity> {
  const out = new Set<Entity>();
  const stack = [...e.children];
  while (stack.length > 0) {
    const c = stack.pop()!;
    if (out.has(c)) continue;
    out.add(c);
    stack.push(...c.children);
  }
  return out;
}

/** Organ names by ID, built once per plan: a large plan has tens of thousands of entities. */
const organNames = new WeakMap<Plan, Map<string, string>>();

/** The name of an organ, or its ID where the organisation does not list it. */
export function organName(plan: Plan, id: string): string {
  let names = organNames.get(plan);
  if (!names) {
    names = new Map(plan.entities.filter((e) => e.kind === "organ").map((e) => [e.id, nameOf(e)]));
    organNames.set(plan, names);
  }
  return names.get(id) ?? id;
}

/** The display name of an entity: `namn`, else the first line of `text`. */
export function nameOf(e: Entity): string {
  const d = e.data;
  const raw = typeof d.namn === "string" ? d.namn : typeof d.text === "string" ? d.text : "";
  return raw.split("\n")[0]!.trim();
}

/** The tree below `root` in `year`. An entity with several parents appears under each. */
export function tree(plan: Plan, root: Entity, year: number): TreeNode {
  const build = (e: Entity, path: Set<Entity>): TreeNode => {
    const node: TreeNode = { id: e.id, typ: e.kind, namn: nameOf(e), children: [], entity: e };
    if (e.kind === "åtagande") node.nämnder = namnderLabel(e, plan);
    if (path.has(e)) return node;
    const inner = new Set(path).add(e);
    node.children = treeChildren(plan, e, year).map((c) => build(c, inner));
    return node;
  };
  return build(root, new Set());
}

/** `alla` stays `alla` in displays; named nämnder are listed. */
export function namnderLabel(åtagande: Entity, plan: Plan): string[] {
  const list = asList(åtagande.data.nämnder);
  return list.includes("alla") ? ["alla"] : namnderOf(åtagande, plan.namnder);
}

/** The vision of a year: the top of the kommunplan covering it, else the kommun's. */
export function visionOf(plan: Plan, year: number): Entity | undefined {
  const kp = plan.index.kommunplanFor(year);
  const own = kp?.refs.find((r) => r.field === "vision")?.target;
  return own ?? plan.entities.find((e) => e.kind === "vision");
}

/** Look up an ID as the trace command sees it: in the year, then among the year's proposals. */
export function findEntity(plan: Plan, id: string, year: number): Entity | undefined {
  const inYear = plan.index.lookup(id, { kind: "year", year }).entity;
  if (inYear) return inYear;
  return plan.index.byScope.get(`f:${year}`)?.get(id)?.[0];
}
