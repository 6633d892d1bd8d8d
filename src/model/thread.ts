// The red thread as data: chains from an entity up to the vision, and the tree below it.
import type { Entity } from "./types.js";
import type { Plan } from "./plan.js";
import { asList } from "./build.js";
import { namnderOf } from "./resolve.js";

/** The years that have a budget, ascending. */
function budgetYears(plan: Plan): number[] {
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

/** At most this many chains are listed from an entity up to the vision. */
export const MAX_CHAINS = 100;

export interface Chains {
  /** Up to `MAX_CHAINS` chains, each from the entity up to the top, in walk order. */
  chains: Entity[][];
  /**
   * How many chains there are in all (a count can pass 2^53, hence bigint). Undefined only
   * when the list was cut and a cycle above makes the count meaningless.
   */
  total: bigint | undefined;
}

/**
 * The chains of IDs from `e` up to the top (the vision), one per path; a cycle ends a chain.
 * A goal graph where every level has two parents has 2^levels paths, so the walk stops after
 * `max` chains and counts the rest instead. Iterative: a chain may be 100,000 steps long.
 */
export function chainsUp(e: Entity, max = MAX_CHAINS): Chains {
  const chains: Entity[][] = [];
  const path: Entity[] = [e];
  const onPath = new Set<Entity>(path);
  const isTop = (x: Entity): boolean => x.parents.every((p) => onPath.has(p));
  const frames: { e: Entity; i: number }[] = [];
  if (isTop(e)) chains.push([e]);
  else frames.push({ e, i: 0 });
  while (frames.length > 0 && chains.length <= max) {
    const f = frames[frames.length - 1]!;
    if (f.i >= f.e.parents.length) {
      frames.pop();
      onPath.delete(path.pop()!);
      continue;
    }
    const p = f.e.parents[f.i++]!;
    if (onPath.has(p)) continue;
    path.push(p);
    onPath.add(p);
    if (isTop(p)) {
      chains.push([...path]);
      onPath.delete(path.pop()!);
    } else {
      frames.push({ e: p, i: 0 });
    }
  }
  if (chains.length <= max) return { chains, total: BigInt(chains.length) };
  chains.length = max;
  return { chains, total: countPaths(e, (x) => x.parents) };
}

/**
 * What countPaths has learnt about the entities it walked: the count of each finished one, or
 * undefined for one from which a cycle is reachable. Counts depend only on the entity, `next`
 * and the two weights, so one memo serves every call with the same three: the tree asks for
 * each cut node, and cut nodes often share what lies below them.
 */
export type PathMemo = Map<Entity, bigint | undefined>;

/**
 * The number of root-to-leaf paths from `e` along `next` (a leaf has no next), or undefined
 * when a cycle is reachable. One pass over what is reachable and not yet in `memo`, with an
 * explicit stack.
 */
export function countPaths(
  e: Entity,
  next: (x: Entity) => readonly Entity[],
  leafCounts = 1n,
  innerCounts = 0n,
  memo: PathMemo = new Map(),
): bigint | undefined {
  if (memo.has(e)) return memo.get(e);
  const open = new Set<Entity>([e]);
  const frames: { e: Entity; i: number; sum: bigint }[] = [{ e, i: 0, sum: 0n }];
  /** Everything on the stack reaches the cycle just met (or a node known to reach one). */
  const cyclic = (): undefined => {
    for (const f of frames) memo.set(f.e, undefined);
    return undefined;
  };
  while (frames.length > 0) {
    const f = frames[frames.length - 1]!;
    const list = next(f.e);
    if (f.i < list.length) {
      const c = list[f.i++]!;
      if (memo.has(c)) {
        const known = memo.get(c);
        if (known === undefined) return cyclic();
        f.sum += known;
      } else if (open.has(c)) return cyclic();
      else {
        open.add(c);
        frames.push({ e: c, i: 0, sum: 0n });
      }
      continue;
    }
    frames.pop();
    open.delete(f.e);
    const n = list.length === 0 ? leafCounts : innerCounts + f.sum;
    memo.set(f.e, n);
    if (frames.length > 0) frames[frames.length - 1]!.sum += n;
  }
  return memo.get(e);
}

const byOrder = (a: Entity, b: Entity): number => a.order - b.order;

/**
 * The children shown below an entity in the tree of a year. A resultatmål that names
 * övergripande mål stands under each of them, else under its målområde; everything else
 * stands under what it contributes to.
 */
function treeChildren(plan: Plan, e: Entity, year: number): Entity[] {
  const kids = e.children.filter((c) => inYear(plan, c, year));
  if (e.kind === "målområde") {
    const mål = kids.filter((c) => c.kind === "mål");
    const rest = kids.filter((c) => c.kind !== "mål" && !(c.kind === "resultatmål" && namedMål(c).length > 0));
    return [...mål, ...rest].sort(kindThenOrder);
  }
  if (e.kind === "mål") {
    const named = (resultatmålByMål(plan).get(e) ?? []).filter((r) => inYear(plan, r, year));
    return [...new Set([...named, ...kids])].sort(kindThenOrder);
  }
  return kids.sort(kindThenOrder);
}

function namedMål(r: Entity): Entity[] {
  return r.refs.filter((x) => x.field === "mål" && x.target).map((x) => x.target!);
}

/** The resultatmål naming each mål, in plan order; built once per plan, not per mål shown. */
const namingResultatmål = new WeakMap<Plan, Map<Entity, Entity[]>>();

function resultatmålByMål(plan: Plan): Map<Entity, Entity[]> {
  let byMål = namingResultatmål.get(plan);
  if (!byMål) {
    byMål = new Map();
    for (const r of plan.entities) {
      if (r.kind !== "resultatmål") continue;
      for (const m of new Set(namedMål(r))) {
        const list = byMål.get(m);
        if (list) list.push(r);
        else byMål.set(m, [r]);
      }
    }
    namingResultatmål.set(plan, byMål);
  }
  return byMål;
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
  nämnder?: readonly string[];
  children: TreeNode[];
  entity: Entity;
  /** Set where the depth limit hides what lies below: how many rows, where that can be counted. */
  cut?: { rows: bigint | undefined };
}

/** The tree below an entity shows at most this many levels (real plans have fewer than ten)… */
export const TREE_DEPTH = 64;
/** …and at most this many rows, or TREE_ROWS_PER_ENTITY per entity of the plan where that is more. */
export const TREE_ROWS = 10_000;
export const TREE_ROWS_PER_ENTITY = 3;

export interface Tree {
  root: TreeNode;
  /** Rows in `root`. */
  shown: number;
  /** Whether a limit left something out. */
  cut: boolean;
  /** Rows of the whole tree, when cut (undefined: a cycle makes it uncountable). */
  total?: bigint | undefined;
  /** The row limit that applied. */
  maxRows: number;
}

/**
 * Everything below an entity on the thread, or below any of a list of them, each once
 * (iterative: a thread may be deep). One walk for a list: the entities below one often stand
 * below the others too.
 */
export function descendants(e: Entity | readonly Entity[]): Set<Entity> {
  const out = new Set<Entity>();
  const stack: Entity[] = [];
  for (const top of Array.isArray(e) ? (e as readonly Entity[]) : [e as Entity]) for (const c of top.children) stack.push(c);
  while (stack.length > 0) {
    const c = stack.pop()!;
    if (out.has(c)) continue;
    out.add(c);
    // Not push(...children): an entity may have more children than a call has arguments.
    for (const k of c.children) stack.push(k);
  }
  return out;
}

/** Organ names by ID, built once per plan: a large plan has tens of thousands of entities. */
const organNames = new WeakMap<Plan, Map<string, string>>();

/** The name of an organ, or its ID where the organisation does not list it. */
export function organName(plan: Plan, id: string): string {
  let names = organNames.get(plan);
  if (!names) {
    names = new Map(plan.index.ofKind("organ").map((e) => [e.id, nameOf(e)]));
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

/** The node shown for an entity, without children. */
function nodeOf(plan: Plan, e: Entity): TreeNode {
  const node: TreeNode = { id: e.id, typ: e.kind, namn: nameOf(e), children: [], entity: e };
  if (e.kind === "åtagande") node.nämnder = namnderLabel(e, plan);
  return node;
}

/**
 * Walk down from `root` in preorder with an explicit stack (a thread may be 100,000 deep),
 * building nodes. `make` returns undefined to end the walk; `skip` leaves a child out;
 * `expand` says whether a node met gets its children. Both are asked with the current path
 * of expanded ancestors.
 */
function walkDown(
  root: TreeNode,
  children: (e: Entity) => readonly Entity[],
  make: (e: Entity) => TreeNode | undefined,
  expand: (node: TreeNode, onPath: ReadonlySet<Entity>, depth: number) => boolean,
  skip: (e: Entity, onPath: ReadonlySet<Entity>) => boolean = () => false,
): void {
  const onPath = new Set<Entity>([root.entity]);
  const frames: { node: TreeNode; kids: readonly Entity[]; i: number }[] = [{ node: root, kids: children(root.entity), i: 0 }];
  while (frames.length > 0) {
    const f = frames[frames.length - 1]!;
    if (f.i >= f.kids.length) {
      frames.pop();
      onPath.delete(f.node.entity);
      continue;
    }
    const e = f.kids[f.i++]!;
    if (skip(e, onPath)) continue;
    const node = make(e);
    if (!node) return;
    f.node.children.push(node);
    if (!expand(node, onPath, frames.length)) continue;
    onPath.add(node.entity);
    frames.push({ node, kids: children(node.entity), i: 0 });
  }
}

/** treeChildren, each asked once: an entity can stand under many parents. */
function childrenIn(plan: Plan, year: number): (e: Entity) => readonly Entity[] {
  const memo = new Map<Entity, Entity[]>();
  return (e) => {
    let kids = memo.get(e);
    if (!kids) memo.set(e, (kids = treeChildren(plan, e, year)));
    return kids;
  };
}

/**
 * The tree below `root` in `year`. An entity with several parents appears under each, so a
 * goal graph where every level has two parents doubles the tree per level: the tree stops at
 * TREE_DEPTH levels and at its row limit, and says how much it left out.
 */
export function tree(plan: Plan, root: Entity, year: number): Tree {
  const maxRows = Math.max(TREE_ROWS, TREE_ROWS_PER_ENTITY * plan.entities.length);
  const children = childrenIn(plan, year);
  const top = nodeOf(plan, root);
  let shown = 1;
  let full = false;
  const cuts: TreeNode[] = [];
  walkDown(
    top,
    children,
    (e) => {
      if (shown >= maxRows) {
        full = true;
        return undefined;
      }
      shown++;
      return nodeOf(plan, e);
    },
    (node, onPath, depth) => {
      // An entity already on the path shows once more, as a leaf: a cycle ends the branch.
      if (onPath.has(node.entity)) return false;
      if (depth < TREE_DEPTH) return true;
      if (children(node.entity).length > 0) cuts.push(node);
      return false;
    },
  );
  if (!full && cuts.length === 0) return { root: top, shown, maxRows, cut: false };
  // One memo for every cut: cut nodes often lead into the same subtree, walked once.
  const memo: PathMemo = new Map();
  const rows = (e: Entity): bigint | undefined => countPaths(e, children, 1n, 1n, memo);
  for (const node of cuts) {
    const below = rows(node.entity);
    node.cut = { rows: below === undefined ? undefined : below - 1n };
  }
  return { root: top, shown, total: rows(root), maxRows, cut: true };
}

/**
 * The thread below `root` with every entity expanded once (a later meeting is a leaf), for
 * drawings where shared nodes are drawn once: as many nodes as references, however many paths.
 */
export function sharedTree(plan: Plan, root: Entity, year: number): TreeNode {
  const top = nodeOf(plan, root);
  const expanded = new Set<Entity>([root]);
  walkDown(top, childrenIn(plan, year), (e) => nodeOf(plan, e), (node) => {
    if (expanded.has(node.entity)) return false;
    expanded.add(node.entity);
    return true;
  });
  return top;
}

/** The year's thread below some entities (the målområden drawn), shared by the drawings of each. */
export interface SharedBelow {
  /** What stands below an entity in the tree of the year (each asked once). */
  children: (e: Entity) => readonly Entity[];
  /** A new node for an entity, without children. */
  node: (e: Entity) => TreeNode;
  /** Where each child stands in the list of `e` (built once per entity). */
  places: (e: Entity) => ReadonlyMap<Entity, readonly number[]>;
  /** How many entities stand at or below `start`, itself included: `start` must be one of the starts. */
  reach: (start: Entity) => number;
}

/**
 * The thread below `starts` in `year`, for drawing each start alone. Counting what lies below
 * each start by a walk of its own is a walk per start of whatever they share (a verksamhetsmål
 * serving an åtagande in every målområde, with all its aktiviteter). So the entities are grouped:
 * one with a single parent in the thread below the starts is below a start exactly when its
 * parent is, and goes in the group of that parent; every other entity (and each start) heads a
 * group of its own. A start's count is then the sizes of the groups it reaches, each group
 * counted once for all starts.
 */
export function sharedBelow(plan: Plan, year: number, starts: readonly Entity[]): SharedBelow {
  const children = childrenIn(plan, year);
  const isStart = new Set<Entity>(starts);
  // The single parent of each entity below the starts; null for one with several.
  const parentOf = new Map<Entity, Entity | null>();
  const met = new Set<Entity>(starts);
  const stack: Entity[] = [...starts];
  while (stack.length > 0) {
    const e = stack.pop()!;
    for (const c of children(e)) {
      const had = parentOf.get(c);
      if (had === undefined) parentOf.set(c, e);
      else if (had !== e) parentOf.set(c, null);
      if (met.has(c)) continue;
      met.add(c);
      stack.push(c);
    }
  }
  const heads = (e: Entity): boolean => isStart.has(e) || (parentOf.get(e) ?? null) === null;
  /** Each head's group: how many it holds, and the heads right below it. */
  const groups = new Map<Entity, { size: number; below: Entity[] }>();
  const group = (h: Entity): { size: number; below: Entity[] } => {
    let g = groups.get(h);
    if (g) return g;
    g = { size: 0, below: [] };
    const inGroup = new Set<Entity>([h]);
    const todo: Entity[] = [h];
    while (todo.length > 0) {
      const e = todo.pop()!;
      g.size++;
      for (const c of children(e)) {
        if (heads(c)) g.below.push(c);
        else if (!inGroup.has(c)) {
          inGroup.add(c);
          todo.push(c);
        }
      }
    }
    groups.set(h, g);
    return g;
  };
  const placesOf = new Map<Entity, Map<Entity, number[]>>();
  return {
    children,
    node: (e) => nodeOf(plan, e),
    places: (e) => {
      let at = placesOf.get(e);
      if (!at) {
        at = new Map();
        const list = children(e);
        for (let i = 0; i < list.length; i++) {
          const c = list[i]!;
          const seen = at.get(c);
          if (seen) seen.push(i);
          else at.set(c, [i]);
        }
        placesOf.set(e, at);
      }
      return at;
    },
    reach: (start) => {
      const counted = new Set<Entity>();
      const todo: Entity[] = [start];
      let n = 0;
      while (todo.length > 0) {
        const h = todo.pop()!;
        if (counted.has(h)) continue;
        counted.add(h);
        const g = group(h);
        n += g.size;
        for (const b of g.below) todo.push(b);
      }
      return n;
    },
  };
}

/**
 * The upward graph from `e`, each entity expanded once, as a tree whose children are parents.
 * A parent already on the path is left out, as chainsUp leaves it out.
 */
export function sharedUp(plan: Plan, e: Entity): TreeNode {
  const top = nodeOf(plan, e);
  const expanded = new Set<Entity>([e]);
  const parentsOf = (x: Entity): readonly Entity[] => x.parents;
  walkDown(
    top,
    parentsOf,
    (x) => nodeOf(plan, x),
    (node) => {
      if (expanded.has(node.entity)) return false;
      expanded.add(node.entity);
      return true;
    },
    (x, onPath) => onPath.has(x),
  );
  return top;
}

/** `alla` stays `alla` in displays; named nämnder are listed. */
export function namnderLabel(åtagande: Entity, plan: Plan): readonly string[] {
  const list = asList(åtagande.data.nämnder);
  return list.includes("alla") ? ["alla"] : namnderOf(åtagande, plan.namnder);
}

/** The vision of a year: the top of the kommunplan covering it, else the kommun's. */
export function visionOf(plan: Plan, year: number): Entity | undefined {
  const kp = plan.index.kommunplanFor(year);
  const own = kp?.refs.find((r) => r.field === "vision")?.target;
  return own ?? plan.index.ofKind("vision")[0];
}

/** Look up an ID as the trace command sees it: in the year, then among the year's proposals. */
export function findEntity(plan: Plan, id: string, year: number): Entity | undefined {
  const inYear = plan.index.lookup(id, { kind: "year", year }).entity;
  if (inYear) return inYear;
  return plan.index.inScope(`f:${year}`, id)?.[0];
}
