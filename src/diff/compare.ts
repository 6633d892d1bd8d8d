// The semantic difference of two plans: entities matched by kind, year and ID.
import type { Code, DecidedChange, Diagnostic } from "../diagnostics/index.js";
import { kindRank } from "../model/kinds.js";
import type { Entity } from "../model/types.js";
import type { CheckResult } from "../check/index.js";
import { checkThread } from "../check/thread.js";
import { isData, statusOf } from "../model/build.js";
import type { Plan } from "../model/plan.js";
import { scopeKey } from "../model/resolve.js";
import { descendants } from "../model/thread.js";
import { popcount, rowsBelow } from "../model/below.js";
import { compareText } from "../model/text-order.js";
import { assessedStatus, followUpPeriods, type GoalStatus, type KpiStatus } from "../status/engine.js";
import type { Status } from "../status/fulfilment.js";
import { fieldName, ownFields, OWNER_FIELDS, sameOwnData, THREAD_FIELDS, type FieldValue } from "./fields.js";

export interface DiffEntity {
  key: string;
  id: string;
  typ: string;
  year: number | null;
  /** "2012", "förslag 2013", "KP2011" or "" for the kommun's own. */
  scope: string;
  entity: Entity;
}

export interface FieldChange {
  path: string;
  from?: FieldValue;
  to?: FieldValue;
  /** A re-parenting: another place on the thread, or another owner. */
  reparent?: "moved" | "owner";
}

export interface Changed extends DiffEntity {
  fields: FieldChange[];
  base: Entity;
}

export interface Removal extends DiffEntity {
  /** What in head no longer traces because of this removal, by kind: the first STRANDS_LISTED IDs of each. */
  strands: Record<string, string[]>;
  /** How many IDs of each kind of `strands` there are in all. */
  strandCounts: Record<string, number>;
}

/** What a status was judged on: a nyckeltal's figures (åtagande) or the statuses rolled up (goals). */
export interface StatusBasis {
  value?: number;
  valueSource?: "prognos" | "utfall";
  target?: number;
  manual: boolean;
  counts?: Record<Status, number>;
}

export interface StatusChange {
  period: string;
  id: string;
  typ: "åtagande" | "resultatmål" | "målområde";
  from?: Status;
  to?: Status;
  /** The entity in head (its name, its children). */
  entity: Entity;
  before: StatusBasis;
  after: StatusBasis;
}

/** A decided document changed without a new beslut: what the code's message takes, plus where. */
interface GovernanceFlag extends DecidedChange {
  code: Extract<Code, "decided-changed-without-decision">;
  year: number | null;
}

export interface PlanDiff {
  added: DiffEntity[];
  removed: Removal[];
  changed: Changed[];
  renames: { from: DiffEntity; to: DiffEntity }[];
  introduced: Diagnostic[];
  resolved: Diagnostic[];
  statusChanges: StatusChange[];
  flags: GovernanceFlag[];
  /** Every entity of base below a removal that is in head but no longer traces there, with what it is in head. */
  stranded: Map<Entity, Entity>;
}

function scopeOf(e: Entity): { scope: string; year: number | null } {
  switch (e.scope.kind) {
    case "global":
      return { scope: "", year: null };
    case "period":
      return { scope: e.scope.plan.id, year: null };
    case "year":
      return { scope: String(e.scope.year), year: e.scope.year };
    case "proposals":
      return { scope: `förslag ${e.scope.year}`, year: e.scope.year };
  }
}

/**
 * The entities compared as such, matched across the revisions by kind, scope and ID: all but
 * nyckeltal that stand inside another entity's fields, the first under each key, in plan order.
 * Looked up per kind and scope, then by ID, so that no key is made per entity (a city has
 * 25,000); the key itself is made for the few that are listed.
 */
class Compared {
  readonly list: Entity[] = [];
  private readonly groups = new Map<string, Map<string, Entity>>();
  // The group of the last entity asked about: entities come in runs of one kind and scope.
  private lastScope: Entity["scope"] | undefined;
  private lastKind: string | undefined;
  private lastGroup = "";

  constructor(result: CheckResult) {
    // Indexed: code not yet optimised makes an object for every step of a for-of.
    const entities = result.plan.entities;
    for (let i = 0; i < entities.length; i++) {
      const e = entities[i]!;
      if (isCompared(e)) this.add(e);
    }
    const kommun = kommunEntity(result);
    if (kommun) this.add(kommun);
  }

  private add(e: Entity): void {
    const key = this.groupOf(e);
    let ids = this.groups.get(key);
    if (!ids) this.groups.set(key, (ids = new Map()));
    if (ids.has(e.id)) return;
    ids.set(e.id, e);
    this.list.push(e);
  }

  /** Kind and scope, the key of an entity without its ID. */
  private groupOf(e: Entity): string {
    if (e.scope !== this.lastScope || e.kind !== this.lastKind) {
      this.lastScope = e.scope;
      this.lastKind = e.kind;
      this.lastGroup = `${e.kind}\u0000${scopeOf(e).scope}`;
    }
    return this.lastGroup;
  }

  /** The entity compared as such under the key of `e` (an entity of either revision). */
  get(e: Entity): Entity | undefined {
    return this.groups.get(this.groupOf(e))?.get(e.id);
  }
}

/** Nyckeltal that stand inside another entity's fields (an åtagande's) are compared as its fields. */
const isCompared = (e: Entity): boolean => e.kind !== "nyckeltal" || e.container?.kind === "resultatmål";

/** The kommun's own document (plan.yaml) as an entity of its own, compared like the others. */
function kommunEntity(result: CheckResult): Entity | undefined {
  const kommun = result.plan.kommun;
  return kommun ? { id: "plan.yaml", kind: "kommun", data: kommun.data, doc: kommun.doc, scope: { kind: "global" }, refs: [], parents: [], children: [], order: -1 } : undefined;
}

/**
 * The entity compared as such under a key, looked up in a plan where an ID and a scope name one
 * entity (ScopeIndex.oneIdPerScope): through the plan's own index, without a map of its own. A
 * period's scope is the kommunplan of that ID in this plan.
 */
class UniqueLookup {
  constructor(
    private readonly plan: Plan,
    private readonly kommun: Entity | undefined,
  ) {}

  get(e: Entity): Entity | undefined {
    if (e.kind === "kommun") return this.kommun;
    const s = e.scope;
    // A year's or the kommun's scope has the same key in both plans; a period's is its kommunplan's here.
    const scope = s.kind === "period" ? this.plan.index.kommunplaner.find((k) => k.id === s.plan.id)?.scope : s;
    if (!scope) return undefined;
    return this.plan.index.inScope(scopeKey(scope), e.id)?.find((x) => x.kind === e.kind && isCompared(x));
  }
}

const sameScope = (x: Entity["scope"], y: Entity["scope"]): boolean =>
  x.kind === y.kind && (x.kind === "global" || (x.kind === "period" ? x.plan.id === (y as typeof x).plan.id : x.year === (y as typeof x).year));

/**
 * For each head entity (by its order), the base entity it stands for when the two revisions
 * share its document: the very same parsed value, since the file did not change (most of a
 * diff); -1 for the rest. Only when, in both plans, an ID and a scope name one entity: then a key
 * has one entity, and one in a shared document matches no other. Undefined otherwise, and when a shared
 * document does not give the same entities in both (the comparison by key then decides all).
 */
export function pairShared(base: Plan, head: Plan): Int32Array | undefined {
  if (!base.index.oneIdPerScope || !head.index.oneIdPerScope) return undefined;
  const be = base.entities;
  const he = head.entities;
  // Each document's entities stand together, in file order: where each base document's begin.
  const starts = new Map<unknown, number>();
  for (let i = 0; i < be.length; i++) if (i === 0 || be[i]!.doc !== be[i - 1]!.doc) starts.set(be[i]!.doc.value, i);
  const pair = new Int32Array(he.length).fill(-1);
  for (let i = 0; i < he.length; ) {
    const doc = he[i]!.doc;
    let end = i + 1;
    while (end < he.length && he[end]!.doc === doc) end++;
    const start = starts.get(doc.value);
    if (start !== undefined) {
      const baseDoc = be[start]!.doc;
      if (start + (end - i) > be.length || (start + (end - i) < be.length && be[start + (end - i)]!.doc === baseDoc)) return undefined;
      for (let k = 0; k < end - i; k++) {
        const x = be[start + k]!;
        const y = he[i + k]!;
        if (x.doc !== baseDoc || x.data !== y.data || x.kind !== y.kind || x.id !== y.id || !sameScope(x.scope, y.scope)) return undefined;
        pair[i + k] = start + k;
      }
    }
    i = end;
  }
  return pair;
}

/** What matches an entity across the revisions: its kind, scope and ID. */
const keyOf = (e: Entity): string => `${e.kind}\u0000${scopeOf(e).scope}\u0000${e.id}`;

/** An entity as the diff lists it (made only for the few that are listed). */
function listed(e: Entity): DiffEntity {
  const { scope, year } = scopeOf(e);
  return { key: keyOf(e), id: e.id, typ: e.kind, year, scope, entity: e };
}

const same = (a: FieldValue | undefined, b: FieldValue | undefined): boolean => JSON.stringify(a) === JSON.stringify(b);

function compareFields(base: Entity, head: Entity): FieldChange[] {
  // A file the two revisions share was parsed once: its entities hold the very same data. In a
  // file that changed, most entities did not: equal data has equal fields, without listing them.
  if (base.data === head.data || sameOwnData(base, head)) return [];
  const a = ownFields(base);
  const b = ownFields(head);
  const paths = [...new Set([...a.keys(), ...b.keys()])].sort();
  const out: FieldChange[] = [];
  for (const path of paths) {
    const from = a.get(path);
    const to = b.get(path);
    if (same(from, to)) continue;
    const name = fieldName(path);
    // Only an entity's own references re-parent it; an `organ` inside a list item (ramar) does not.
    const own = !path.includes("[");
    const reparent = own && THREAD_FIELDS.has(name) ? "moved" : own && OWNER_FIELDS.has(name) ? "owner" : undefined;
    out.push({ path, ...(from !== undefined ? { from } : {}), ...(to !== undefined ? { to } : {}), ...(reparent ? { reparent } : {}) });
  }
  return out;
}

/** A diagnostic's identity across revisions: positions and file names move, the finding does not. */
function diagnosticKey(d: Diagnostic): string {
  const args = Object.fromEntries(Object.entries(d.args).filter(([k]) => !/file/iu.test(k)).sort(([x], [y]) => (x < y ? -1 : 1)));
  return `${d.code}\u0000${d.severity}\u0000${d.id ?? ""}\u0000${JSON.stringify(args)}`;
}

function multisetDifference(a: readonly Diagnostic[], b: readonly Diagnostic[]): Diagnostic[] {
  const counts = new Map<string, number>();
  for (const d of b) counts.set(diagnosticKey(d), (counts.get(diagnosticKey(d)) ?? 0) + 1);
  const out: Diagnostic[] = [];
  for (const d of a) {
    const k = diagnosticKey(d);
    const n = counts.get(k) ?? 0;
    if (n > 0) counts.set(k, n - 1);
    else out.push(d);
  }
  return out;
}

type Judged = KpiStatus | GoalStatus;

function basisOf(x: Judged): StatusBasis {
  if ("counts" in x) return { manual: x.manual, counts: x.counts };
  return {
    manual: x.manual,
    ...(x.value !== undefined ? { value: x.value } : {}),
    ...(x.valueSource !== undefined ? { valueSource: x.valueSource } : {}),
    ...(x.target !== undefined ? { target: x.target } : {}),
  };
}

function statusChanges(base: CheckResult, head: CheckResult): StatusChange[] {
  const periods = [...new Set([...followUpPeriods(base.plan), ...followUpPeriods(head.plan)])].sort();
  const out: StatusChange[] = [];
  for (const period of periods) {
    const a = assessedStatus(base.plan, { period });
    const b = assessedStatus(head.plan, { period });
    const lists: [StatusChange["typ"], Judged[], Judged[]][] = [
      ["åtagande", a.kpis.åtaganden, b.kpis.åtaganden],
      ["resultatmål", a.resultatmål, b.resultatmål],
      ["målområde", a.målområden, b.målområden],
    ];
    for (const [typ, before, after] of lists) {
      const was = new Map(before.map((x) => [x.id, x]));
      for (const now of after) {
        const old = was.get(now.id);
        // Only changes of an entity that exists on both sides: additions and removals are listed already.
        if (old === undefined || old.status === now.status) continue;
        out.push({ period, id: now.id, typ, from: old.status, to: now.status, entity: now.entity, before: basisOf(old), after: basisOf(now) });
      }
    }
  }
  return out;
}


/** The document entity an entity stands in (itself for a document). */
function documentOf(e: Entity): Entity {
  let d = e;
  while (d.container) d = d.container;
  return d;
}

const isDecided = (doc: Entity): boolean => {
  return statusOf(doc.kind, doc.data) === "beslutad";
};

/** At most this many IDs of each kind are listed for one removal (the first by ID); how many in all is counted. */
export const STRANDS_LISTED = 100;

/** What one removal leaves without a goal, by kind in the order of the thread. */
export interface Strands {
  /** Each kind's IDs, sorted, each once: at most STRANDS_LISTED, the first. */
  ids: Record<string, string[]>;
  /** Each kind's number of IDs in all. */
  counts: Record<string, number>;
}

/**
 * The strands of each of `removed`: what stood below it in base and is in head but no longer
 * traces there (`stranded` says what an entity of base became in head when that is one), by
 * kind, each ID once. `all` holds every such entity below any removal, with what it became.
 *
 * A removed chain has its whole length below each link: a ladder of n removed verksamhetsmål,
 * each served by the one below it and by an aktivitet of its own, strands n aktiviteter below
 * its top, n − 1 below the next, and so on. Listing every one under every removal made the
 * output the square of the plan (8,000 rungs: 680 MB of JSON, more than a string can hold). So
 * each kind lists its first STRANDS_LISTED IDs and counts the rest, and nothing walks below
 * each removal: each stranded ID (kind and ID: one bit however many entities carry it) is a
 * bit, in the order of the thread and then of the IDs, and model/below.ts ORs the rows of bits
 * up from the bottom once for all removals. A kind's count is the bits set in its range of a
 * removal's row, its list the first bits set there.
 */
export function strandsOf(removed: readonly Entity[], stranded: (c: Entity) => Entity | undefined, passBytes?: number): { of: (e: Entity) => Strands; all: Map<Entity, Entity> } {
  const all = new Map<Entity, Entity>();
  const keys = new Map<string, { kind: string; id: string; bit: number }>();
  // Each stranded entity's ID (kind and ID), its bit once they are sorted.
  const classOf = new Map<Entity, { kind: string; id: string; bit: number }>();
  for (const c of descendants(removed)) {
    const x = stranded(c);
    if (!x) continue;
    all.set(c, x);
    const key = `${x.kind}\u0000${x.id}`;
    let k = keys.get(key);
    if (!k) keys.set(key, (k = { kind: x.kind, id: x.id, bit: 0 }));
    classOf.set(c, k);
  }
  const classes = [...keys.values()].sort((x, y) => kindRank(x.kind) - kindRank(y.kind) || compareText(x.kind, y.kind) || compareText(x.id, y.id));
  classes.forEach((k, i) => (k.bit = i));
  // Each kind's range of bits: [start, end).
  const ranges: { kind: string; start: number; end: number }[] = [];
  for (const k of classes) {
    const last = ranges[ranges.length - 1];
    if (last && last.kind === k.kind) last.end = k.bit + 1;
    else ranges.push({ kind: k.kind, start: k.bit, end: k.bit + 1 });
  }
  const found = new Map<Entity, Strands>();
  const none = (): Strands => ({ ids: {}, counts: {} });
  const rows = classes.length === 0 ? undefined : rowsBelow(removed, (e) => classOf.get(e)?.bit, passBytes);
  if (rows) {
    // One answer per component: a cycle of removals shares it.
    const byComp = new Map<number, Strands>();
    for (const e of removed) {
      const c = rows.compOf.get(e)!;
      if (!byComp.has(c)) byComp.set(c, none());
      found.set(e, byComp.get(c)!);
    }
    rows.passes((first, words, bits) => {
      const last = first + words * 32;
      for (const [c, out] of byComp) {
        const at = c * words;
        for (const r of ranges) {
          const from = Math.max(r.start, first);
          const to = Math.min(r.end, last);
          if (from >= to) continue;
          let n = 0;
          const listed = out.ids[r.kind] ?? [];
          for (let i = from; i < to; ) {
            // The bits of word w from bit i to the range's end within it.
            const w = (i - first) >>> 5;
            const lo = (i - first) & 31;
            const hi = Math.min(32, to - first - w * 32);
            let word = bits[at + w]! >>> lo;
            if (hi - lo < 32) word &= (1 << (hi - lo)) - 1;
            n += popcount(word);
            for (let b = lo; word !== 0 && listed.length < STRANDS_LISTED; b++, word >>>= 1) if (word & 1) listed.push(classes[first + w * 32 + b]!.id);
            i = first + w * 32 + hi;
          }
          if (n === 0) continue;
          out.ids[r.kind] = listed;
          out.counts[r.kind] = (out.counts[r.kind] ?? 0) + n;
        }
      }
    });
  }
  // The kinds come in the order of the thread as they are: a kind first found in a later pass
  // has its bits after those of every kind found before it.
  return {
    of: (e) => found.get(e) ?? none(),
    all,
  };
}

/** The entities compared as such, in plan order, the kommun's own last. */
function comparedList(result: CheckResult, kommun: Entity | undefined): Entity[] {
  const list = result.plan.entities.filter(isCompared);
  if (kommun) list.push(kommun);
  return list;
}

/**
 * The semantic difference of two checked plans. `byKey`: match every entity by its key, never
 * by the documents the revisions share (the tests hold the two ways to the same answer).
 */
export function comparePlans(base: CheckResult, head: CheckResult, opts: { byKey?: boolean } = {}): PlanDiff {
  const shared = opts.byKey ? undefined : pairShared(base.plan, head.plan);
  let a: Pick<Compared, "get">;
  let b: Pick<Compared, "get">;
  let baseList: readonly Entity[];
  let headList: readonly Entity[];
  if (shared) {
    const [baseKommun, headKommun] = [kommunEntity(base), kommunEntity(head)];
    a = new UniqueLookup(base.plan, baseKommun);
    b = new UniqueLookup(head.plan, headKommun);
    // Each key has one entity: the lists need not be made unique.
    baseList = comparedList(base, baseKommun);
    headList = comparedList(head, headKommun);
  } else {
    const ca = new Compared(base);
    const cb = new Compared(head);
    [a, b, baseList, headList] = [ca, cb, ca.list, cb.list];
  }
  const added: DiffEntity[] = [];
  const changed: Changed[] = [];
  // What head matched in base, marked by order (the kommun's own, -1, first): what is left unmarked
  // was removed, found without a second look-up per entity.
  const matched = new Uint8Array(base.plan.entities.length + 1);
  for (let i = 0; i < headList.length; i++) {
    const e = headList[i]!;
    const paired = shared && e.order >= 0 ? shared[e.order]! : -1;
    // The same document in both: the same entity, with the very same data.
    if (paired >= 0) {
      matched[paired + 1] = 1;
      continue;
    }
    const old = a.get(e);
    if (!old) {
      added.push(listed(e));
      continue;
    }
    matched[old.order + 1] = 1;
    const fields = compareFields(old, e);
    if (fields.length > 0) changed.push({ ...listed(e), fields, base: old });
  }
  const removedRaw: DiffEntity[] = [];
  for (let i = 0; i < baseList.length; i++) {
    const e = baseList[i]!;
    if (matched[e.order + 1] !== 1) removedRaw.push(listed(e));
  }

  // Possible renames: same kind and scope, same own fields, another ID.
  const renames: PlanDiff["renames"] = [];
  const signature = (d: DiffEntity): string => `${d.typ}\u0000${d.scope}\u0000${JSON.stringify([...ownFields(d.entity)])}`;
  // The added entities of each signature in order, and how many of them a removal has taken:
  // thousands of additions may share one signature (an empty text), so no list is copied or
  // shifted per entity.
  const addedBySig = new Map<string, { list: DiffEntity[]; taken: number }>();
  for (const d of added) {
    const s = signature(d);
    const same = addedBySig.get(s);
    if (same) same.list.push(d);
    else addedBySig.set(s, { list: [d], taken: 0 });
  }
  for (const r of removedRaw) {
    const same = addedBySig.get(signature(r));
    if (!same || same.taken >= same.list.length) continue;
    renames.push({ from: r, to: same.list[same.taken++]! });
  }

  const headTraces = head.traces ?? checkThread(head.plan.entities).traces;
  const strandsBelow = strandsOf(removedRaw.map((r) => r.entity), (c) => {
    // Only an entity compared as such (the first under its key) stands for its key.
    const now = a.get(c) === c ? b.get(c) : undefined;
    return now && !headTraces.has(now) ? now : undefined;
  });
  const removed: Removal[] = removedRaw.map((r) => {
    const s = strandsBelow.of(r.entity);
    return { ...r, strands: s.ids, strandCounts: s.counts };
  });

  // Governance: a decided document changed while its beslut stayed the same.
  const flags: GovernanceFlag[] = [];
  const touched = new Map<string, { doc: Entity; ids: Set<string> }>();
  const touch = (doc: Entity, id: string): void => {
    const k = keyOf(doc);
    const t = touched.get(k) ?? { doc, ids: new Set<string>() };
    t.ids.add(id);
    touched.set(k, t);
  };
  for (const c of changed) touch(documentOf(c.entity), c.id);
  for (const x of added) if (x.typ !== "kommun") touch(documentOf(x.entity), x.id);
  for (const r of removed) if (r.typ !== "kommun") touch(documentOf(r.entity), r.id);
  for (const { doc, ids } of touched.values()) {
    const before = a.get(doc);
    const after = b.get(doc);
    if (!before || !after || !isDecided(before) || !isDecided(after)) continue;
    const beslutBefore = isData(before.data.beslut) ? JSON.stringify(Object.entries(before.data.beslut).sort()) : "";
    const beslutAfter = isData(after.data.beslut) ? JSON.stringify(Object.entries(after.data.beslut).sort()) : "";
    if (beslutBefore !== beslutAfter) continue;
    const { year } = scopeOf(doc);
    flags.push({ code: "decided-changed-without-decision", id: doc.id, typ: doc.kind, year, file: after.doc.file, entities: [...ids].sort() });
  }

  const byKey = (x: DiffEntity, y: DiffEntity): number => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0);
  return {
    added: added.sort(byKey),
    removed: removed.sort(byKey),
    changed: changed.sort(byKey),
    renames,
    introduced: multisetDifference(head.diagnostics, base.diagnostics),
    resolved: multisetDifference(base.diagnostics, head.diagnostics),
    statusChanges: statusChanges(base, head),
    flags: flags.sort((x, y) => (x.id < y.id ? -1 : 1)),
    stranded: strandsBelow.all,
  };
}
