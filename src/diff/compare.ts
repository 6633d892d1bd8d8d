// The semantic difference of two plans: entities matched by kind, year and ID.
import { isDeepStrictEqual } from "node:util";
import type { Code, DecidedChange, Diagnostic } from "../diagnostics/index.js";
import type { Entity } from "../model/types.js";
import type { CheckResult } from "../check/index.js";
import { checkThread } from "../check/thread.js";
import { isData, statusOf } from "../model/build.js";
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

/** What matches an entity across the revisions: its kind, scope and ID. */
const keyOf = (e: Entity, scope = scopeOf(e).scope): string => `${e.kind}\u0000${scope}\u0000${e.id}`;

/** Entities compared as such, by key: all but nyckeltal that stand inside another entity's fields. */
function diffEntities(result: CheckResult): Map<string, Entity> {
  const out = new Map<string, Entity>();
  // A document's entities share their scope object: its name is made once for them all.
  let lastScope: Entity["scope"] | undefined;
  let scope = "";
  const add = (e: Entity): void => {
    if (e.scope !== lastScope) {
      lastScope = e.scope;
      scope = scopeOf(e).scope;
    }
    const key = keyOf(e, scope);
    if (!out.has(key)) out.set(key, e);
  };
  // Indexed: code not yet optimised makes an object for every step of a for-of.
  const entities = result.plan.entities;
  for (let i = 0; i < entities.length; i++) {
    const e = entities[i]!;
    if (e.kind === "nyckeltal" && e.container?.kind !== "resultatmål") continue;
    add(e);
  }
  const kommun = result.plan.kommun;
  if (kommun) {
    add({ id: "plan.yaml", kind: "kommun", data: kommun.data, doc: kommun.doc, scope: { kind: "global" }, refs: [], parents: [], children: [], order: -1 });
  }
  return out;
}

/** An entity as the diff lists it (made only for the few that are listed). */
function listed(key: string, e: Entity): DiffEntity {
  const { scope, year } = scopeOf(e);
  return { key, id: e.id, typ: e.kind, year, scope, entity: e };
}

const same = (a: FieldValue | undefined, b: FieldValue | undefined): boolean => JSON.stringify(a) === JSON.stringify(b);

function compareFields(base: Entity, head: Entity): FieldChange[] {
  // A file the two revisions share was parsed once: its entities hold the very same data. In a
  // file that changed, most entities did not: equal data has equal fields, without listing them.
  if (base.data === head.data || isDeepStrictEqual(base.data, head.data)) return [];
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
  const a = diffEntities(base);
  const b = diffEntities(head);
  const added: DiffEntity[] = [];
  const changed: Changed[] = [];
  // forEach, not for-of: a step per entity of the plan, without an entry and a step object each.
  b.forEach((e, key) => {
    const old = a.get(key);
    if (!old) {
      added.push(listed(key, e));
      return;
    }
    const fields = compareFields(old, e);
    if (fields.length > 0) changed.push({ ...listed(key, e), fields, base: old });
  });
  const removedRaw: DiffEntity[] = [];
  a.forEach((e, key) => {
    if (!b.has(key)) removedRaw.push(listed(key, e));
  });

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
      const key = keyOf(c);
      const now = a.get(key) === c ? b.get(key) : undefined;
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
  for (const [k, { doc, ids }] of touched) {
    const before = a.get(k);
    const after = b.get(k);
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
