// Plain documents → typed entities with their references (not yet resolved).
import { MONTH } from "./month.js";
import type { SourceDoc } from "../load/source.js";
import { addEntity, NO_ENTITIES, NO_REFS, type DocKind, type Entity, type EntityKind, type OrganTyp, type Ref, type RefTarget, type Scope } from "./types.js";

export type Data = Record<string, unknown>;

/** A document whose `typ` is known. */
export interface TypedDoc {
  doc: SourceDoc;
  kind: DocKind;
  data: Data;
  /** The document's year (`år`, or the year of an uppföljning's period). */
  year?: number;
  /** The entity of the document itself, when it has an id (every kind but kommun). */
  entity?: Entity;
}

export const isData = (v: unknown): v is Data => v !== null && typeof v === "object" && !Array.isArray(v);
export const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);
export const num = (v: unknown): number | undefined => (typeof v === "number" && Number.isFinite(v) ? v : undefined);
export const items = (v: unknown): Data[] => (Array.isArray(v) ? v.filter(isData) : []);

/** A list-of-IDs value as a list: a single ID means a list of one. */
export function asList(v: unknown): string[] {
  return typeof v === "string" ? [v] : Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
}

/** The kinds whose `status` defaults to beslutad (format.md, "Shared shapes"). */
const DECIDED_KINDS: ReadonlySet<string> = new Set(["kommunplan", "budget", "planeringsdirektiv", "nämndplan"]);

/** A document's status, with the default of the decided kinds. */
export const statusOf = (kind: string, data: Data): string | undefined =>
  str(data.status) ?? (DECIDED_KINDS.has(kind) ? "beslutad" : undefined);

/** tkr per unit of a document's `beloppsenhet` (tkr by default). */
export const beloppsfaktor = (d: Data): number => ({ tkr: 1, mnkr: 1000 })[str(d.beloppsenhet) ?? "tkr"] ?? 1;

const ORGAN_ANY: readonly RefTarget[] = ["organ"];
const ORGAN_NAMND: readonly RefTarget[] = ["organ:nämnd"];
const ORGAN_FUNDED: readonly RefTarget[] = ["organ:nämnd", "organ:bolag", "organ:kommunalförbund"];
const BIDRAR_TILL: readonly RefTarget[] = ["åtagande", "verksamhetsmål", "uppdrag", "resultatmål", "mål", "målområde"];
const NYCKELTAL_AVSER: readonly RefTarget[] = ["åtagande", "verksamhetsmål", "produktionsmål", "nyckeltal", "finansiellt_mål"];
/** What KF may name as verksamhetsmål for god ekonomisk hushållning (format.md, avsnitt 10). */
const HUSHÅLLNING_MÅL: readonly RefTarget[] = ["resultatmål", "målområde", "åtagande"];
const ANYTHING: readonly RefTarget[] = [];

type RefSpec = readonly [field: string, allowed: readonly RefTarget[], upward?: boolean];

/** The entities a list of a document holds, and the references each of them makes. */
interface ChildSpec {
  list: string;
  kind: EntityKind;
  refs: readonly RefSpec[];
  /** Its `nyckeltal` may carry ids of its own. */
  nyckeltal?: boolean;
}

interface DocSpec {
  /** References made by the document itself. */
  refs?: readonly RefSpec[];
  /** References made by plain items of its lists (ramar.organ, uppföljning.nyckeltal.avser). */
  itemRefs?: readonly (readonly [list: string, field: string, allowed: readonly RefTarget[]])[];
  /** References made by a mapping of the document (budget.god_ekonomisk_hushållning.finansiella_mål). */
  mappingRefs?: readonly (readonly [key: string, field: string, allowed: readonly RefTarget[]])[];
  children: readonly ChildSpec[];
}

const UPPDRAG: ChildSpec = { list: "uppdrag", kind: "uppdrag", refs: [["till", ORGAN_ANY], ["bidrar_till", BIDRAR_TILL, true]] };

/** The reference table of format.md, per kind of year and proposal document. */
const DOC_SPECS: Partial<Record<DocKind, DocSpec>> = {
  budget: {
    itemRefs: [["ramar", "organ", ORGAN_FUNDED]],
    mappingRefs: [
      ["god_ekonomisk_hushållning", "finansiella_mål", ["finansiellt_mål"]],
      ["god_ekonomisk_hushållning", "verksamhetsmål", HUSHÅLLNING_MÅL],
    ],
    children: [
      { list: "resultatmål", kind: "resultatmål", refs: [["målområde", ["målområde"], true], ["mål", ["mål"]]], nyckeltal: true },
      { list: "åtaganden", kind: "åtagande", refs: [["resultatmål", ["resultatmål"], true], ["nämnder", ORGAN_NAMND]], nyckeltal: true },
      UPPDRAG,
      { list: "investeringar", kind: "investering", refs: [["organ", ORGAN_FUNDED]] },
      { list: "finansiella_mål", kind: "finansiellt_mål", refs: [], nyckeltal: true },
    ],
  },
  planeringsdirektiv: {
    itemRefs: [["ramar", "organ", ORGAN_FUNDED]],
    children: [{ list: "satsningar", kind: "satsning", refs: [["organ", ORGAN_FUNDED]] }],
  },
  underlag: {
    refs: [["nämnd", ORGAN_NAMND]],
    children: [
      { list: "åtaganden", kind: "åtagande", refs: [["resultatmål", ["resultatmål"], true], ["målområde", ["målområde"], true]], nyckeltal: true },
      { list: "investeringsbehov", kind: "investeringsbehov", refs: [] },
      { list: "upphandlingar", kind: "upphandling", refs: [] },
    ],
  },
  nämndplan: {
    refs: [["nämnd", ORGAN_NAMND]],
    children: [{ list: "verksamhetsmål", kind: "verksamhetsmål", refs: [["bidrar_till", BIDRAR_TILL, true]], nyckeltal: true }, UPPDRAG],
  },
  verksamhetsplan: {
    refs: [["organ", ORGAN_ANY]],
    children: [
      { list: "aktiviteter", kind: "aktivitet", refs: [["bidrar_till", BIDRAR_TILL, true]] },
      { list: "produktionsmål", kind: "produktionsmål", refs: [["bidrar_till", BIDRAR_TILL, true]], nyckeltal: true },
    ],
  },
  uppföljning: {
    refs: [["organ", ORGAN_NAMND]],
    itemRefs: [
      ["nyckeltal", "avser", NYCKELTAL_AVSER],
      ["aktiviteter", "avser", ["aktivitet"]],
      ["uppdrag", "avser", ["uppdrag"]],
      ["ekonomi", "organ", ORGAN_FUNDED],
      ["investeringar", "avser", ["investering"]],
      ["bedömningar", "avser", ["resultatmål", "målområde"]],
    ],
    children: [{ list: "åtgärder", kind: "åtgärd", refs: [["avser", ANYTHING]] }],
  },
  // Comparison values from Kolada: an ID in the year scope of its `år`, no references (its Kolada IDs are checked in check/kolada.ts).
  jämförelse: { children: [] },
};

/** The kinds of entity a document of `kind` defines: the document, its lists' items, their nyckeltal. */
export function definedKinds(kind: DocKind): EntityKind[] {
  if (kind === "kommun") return ["organ", "vision"];
  if (kind === "kommunplan") return ["kommunplan", "målområde", "mål"];
  const children = DOC_SPECS[kind]?.children ?? [];
  return [kind, ...children.map((c) => c.kind), ...(children.some((c) => c.nyckeltal) ? (["nyckeltal"] as const) : [])];
}

/** The year of a document, or undefined where it has none that can be read. */
export function yearOf(kind: DocKind, data: Data): number | undefined {
  if (kind === "uppföljning") {
    const m = MONTH.exec(str(data.period) ?? "");
    return m ? Number(m[1]) : undefined;
  }
  const y = data.år;
  return typeof y === "number" && Number.isInteger(y) ? y : undefined;
}

/** A reference not yet resolved; `target` and `broken` are there from the start, for one shape. */
const newRef = (field: string, id: string, allowed: readonly RefTarget[], upward: boolean, obj: object, key: string | number): Ref => ({
  field,
  id,
  allowed,
  upward,
  obj,
  key,
  target: undefined,
  broken: undefined,
});

class Builder {
  readonly entities: Entity[] = [];
  private order = 0;

  entity(kind: EntityKind, data: Data, doc: SourceDoc, scope: Scope, container?: Entity, year?: number): Entity | undefined {
    const id = str(data.id);
    if (id === undefined) return undefined;
    // Every entity has the same fields, set or not: one shape for the checks that walk them all.
    const organTyp = kind === "organ" ? (str(data.typ) as OrganTyp | undefined) : undefined;
    const e: Entity = { id, kind, data, doc, scope, year, container, organTyp, refs: NO_REFS, parents: NO_ENTITIES, children: NO_ENTITIES, order: this.order++ };
    this.entities.push(e);
    return e;
  }

  /** Record the references of `field` in `obj` on `owner`: a single ID means a list of one. */
  refs(owner: Entity, obj: Data, field: string, allowed: readonly RefTarget[], upward = false): void {
    const v = obj[field];
    const found = this.found;
    let n = 0;
    if (typeof v === "string") found[n++] = newRef(field, v, allowed, upward, obj, field);
    else if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        const x: unknown = v[i];
        if (typeof x === "string") found[n++] = newRef(field, x, allowed, upward, v, i);
      }
    }
    if (n === 0) return;
    // A list of just the size needed: a push onto an empty list makes room for sixteen, and
    // a city has 25,000 entities with a reference or two each.
    if (owner.refs === NO_REFS) {
      owner.refs = found.slice(0, n);
      return;
    }
    // Pushed, not concatenated: a follow-up document gets one call per row (100,000 rows), and
    // a copy of the list so far per call made that quadratic. The list is the owner's own (made
    // by the slice above), never shared.
    const refs = owner.refs;
    for (let i = 0; i < n; i++) refs.push(found[i]!);
  }

  /**
   * The references of one call of refs(), gathered before they are stored: reused, and never
   * emptied by setting its length (that gives its room back, to be made again).
   */
  private readonly found: Ref[] = [];

  beslut(owner: Entity, data: Data): void {
    if (isData(data.beslut)) this.refs(owner, data.beslut, "organ", ORGAN_ANY);
  }

  /** A nyckeltal with an id is an entity too (it can be followed up on its own). */
  nyckeltal(v: unknown, doc: SourceDoc, scope: Scope, container: Entity, year?: number): void {
    if (isData(v)) {
      if (str(v.id) !== undefined) this.entity("nyckeltal", v, doc, scope, container, year);
    } else if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        const n: unknown = v[i];
        if (isData(n) && str(n.id) !== undefined) this.entity("nyckeltal", n, doc, scope, container, year);
      }
    }
  }
}

/** Build the entities of every document, in file order. `typed` must be sorted already. */
export function buildEntities(typed: TypedDoc[], kommunplanScope: (kp: Entity) => Scope): Entity[] {
  const b = new Builder();
  for (const t of typed) {
    const { doc, data, kind } = t;
    const year = t.year;
    if (kind === "kommun") {
      const global: Scope = { kind: "global" };
      if (isData(data.vision)) {
        const v = b.entity("vision", data.vision, doc, global);
        if (v) b.beslut(v, data.vision);
      }
      for (const o of items(data.organisation)) {
        const e = b.entity("organ", o, doc, global);
        if (e) b.refs(e, o, "under", ORGAN_ANY);
      }
      continue;
    }
    if (kind === "kommunplan") {
      const placeholder: Scope = { kind: "global" };
      const kp = b.entity("kommunplan", data, doc, placeholder);
      if (!kp) continue;
      kp.scope = kommunplanScope(kp);
      t.entity = kp;
      b.refs(kp, data, "vision", ["vision"]);
      b.beslut(kp, data);
      for (const m of items(data.målområden)) {
        const område = b.entity("målområde", m, doc, kp.scope, kp);
        if (!område) continue;
        for (const g of items(m.mål)) {
          const mål = b.entity("mål", g, doc, kp.scope, område);
          if (mål) addEntity(mål, "parents", område);
        }
      }
      continue;
    }
    if (year === undefined) continue;
    const proposal = kind === "planeringsdirektiv" || kind === "underlag";
    const scope: Scope = proposal ? { kind: "proposals", year } : { kind: "year", year };
    const d = b.entity(kind, data, doc, scope, undefined, year);
    if (!d) continue;
    t.entity = d;
    b.beslut(d, data);
    const spec = DOC_SPECS[kind];
    if (!spec) continue;
    for (const [field, allowed] of spec.refs ?? []) b.refs(d, data, field, allowed);
    // Indexed loops for what runs once per item (20,000 aktiviteter in a city): code not yet
    // optimised makes an object for every step of a for-of.
    for (const [list, field, allowed] of spec.itemRefs ?? []) {
      const xs = items(data[list]);
      for (let i = 0; i < xs.length; i++) b.refs(d, xs[i]!, field, allowed);
    }
    for (const [key, field, allowed] of spec.mappingRefs ?? []) if (isData(data[key])) b.refs(d, data[key], field, allowed);
    for (const c of spec.children) {
      const xs = items(data[c.list]);
      for (let i = 0; i < xs.length; i++) {
        const x = xs[i]!;
        const e = b.entity(c.kind, x, doc, scope, d, year);
        if (!e) continue;
        for (let r = 0; r < c.refs.length; r++) {
          const ref = c.refs[r]!;
          b.refs(e, x, ref[0], ref[1], ref[2] === true);
        }
        if (c.nyckeltal) b.nyckeltal(x.nyckeltal, doc, scope, e, year);
      }
    }
  }
  return b.entities;
}
