// The semantic difference of two plans: entities matched by kind, year and ID.
import type { Code, DecidedChange, Diagnostic } from "../diagnostics/index.js";
import type { Entity } from "../model/types.js";
import type { CheckResult } from "../check/index.js";
import { checkThread } from "../check/thread.js";
import { isData, statusOf, type Data } from "../model/build.js";
import { descendants } from "../model/thread.js";
import { assessedStatus, followUpPeriods, type GoalStatus, type KpiStatus } from "../status/engine.js";
import type { Status } from "../status/fulfilment.js";
import { fieldName, ownFields, OWNER_FIELDS, THREAD_FIELDS, type FieldValue } from "./fields.js";

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
  /** What in head no longer traces because of this removal, by kind. */
  strands: Record<string, string[]>;
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
      if (e.kind === "nyckeltal" && e.container?.kind !== "resultatmål") continue;
      this.add(e);
    }
    const kommun = result.plan.kommun;
    if (kommun) {
      this.add({ id: "plan.yaml", kind: "kommun", data: kommun.data, doc: kommun.doc, scope: { kind: "global" }, refs: [], parents: [], children: [], order: -1 });
    }
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

/** What matches an entity across the revisions: its kind, scope and ID. */
const keyOf = (e: Entity): string => `${e.kind}\u0000${scopeOf(e).scope}\u0000${e.id}`;

/** An entity as the diff lists it (made only for the few that are listed). */
function listed(e: Entity): DiffEntity {
  const { scope, year } = scopeOf(e);
  return { key: keyOf(e), id: e.id, typ: e.kind, year, scope, entity: e };
}

const same = (a: FieldValue | undefined, b: FieldValue | undefined): boolean => JSON.stringify(a) === JSON.stringify(b);

const hasOwn = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

/**
 * Whether two parsed values hold the same data: the same own keys with the same values, lists
 * item by item. What ownFields reads (Object.keys) and nothing more, so equal data has equal
 * fields; a value it cannot call equal (NaN) only means the fields are compared after all.
 */
function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== "object" || typeof b !== "object") return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameData(a[i], b[i])) return false;
    return true;
  }
  let keys = 0;
  for (const k in a) {
    if (!hasOwn(a, k)) continue;
    keys++;
    if (!hasOwn(b, k) || !sameData((a as Data)[k], (b as Data)[k])) return false;
  }
  for (const k in b) if (hasOwn(b, k)) keys--;
  return keys === 0;
}

function compareFields(base: Entity, head: Entity): FieldChange[] {
  // A file the two revisions share was parsed once: its entities hold the very same data. In a
  // file that changed, most entities did not: equal data has equal fields, without listing them.
  if (base.data === head.data || sameData(base.data, head.data)) return [];
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

export function comparePlans(base: CheckResult, head: CheckResult): PlanDiff {
  const a = new Compared(base);
  const b = new Compared(head);
  const added: DiffEntity[] = [];
  const changed: Changed[] = [];
  // What head matched in base, marked by order (the kommun's own, -1, first): what is left unmarked
  // was removed, found without a second look-up per entity.
  const matched = new Uint8Array(base.plan.entities.length + 1);
  for (let i = 0; i < b.list.length; i++) {
    const e = b.list[i]!;
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
  for (let i = 0; i < a.list.length; i++) {
    const e = a.list[i]!;
    if (matched[e.order + 1] !== 1) removedRaw.push(listed(e));
  }

  // Possible renames: same kind and scope, same own fields, another ID.
  const renames: PlanDiff["renames"] = [];
  const signature = (d: DiffEntity): string => `${d.typ}\u0000${d.scope}\u0000${JSON.stringify([...ownFields(d.entity)])}`;
  const addedBySig = new Map<string, DiffEntity[]>();
  for (const d of added) {
    const s = signature(d);
    addedBySig.set(s, [...(addedBySig.get(s) ?? []), d]);
  }
  for (const r of removedRaw) {
    const match = addedBySig.get(signature(r))?.shift();
    if (match) renames.push({ from: r, to: match });
  }

  const headTraces = head.traces ?? checkThread(head.plan.entities).traces;
  const removed: Removal[] = removedRaw.map((r) => {
    const strands: Record<string, string[]> = {};
    for (const c of descendants(r.entity)) {
      // Only an entity compared as such (the first under its key) stands for its key.
      const now = a.get(c) === c ? b.get(c) : undefined;
      if (now && !headTraces.has(now)) (strands[now.kind] ??= []).push(now.id);
    }
    for (const k of Object.keys(strands)) strands[k] = [...new Set(strands[k])].sort();
    return { ...r, strands };
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
  };
}
