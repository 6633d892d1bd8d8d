// Plain documents → typed entities with their references (not yet resolved).
import type { DocKind, Entity, EntityKind, Loc, OrganTyp, Ref, RefTarget, Scope, SourceDoc } from "./types.js";

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

/** A list-of-IDs field: a single ID means a list of one. Each ID with its place. */
export function idsOf(doc: SourceDoc, obj: Data, field: string): { id: string; at: Loc }[] {
  const v = obj[field];
  if (typeof v === "string") return [{ id: v, at: { doc, obj, key: field } }];
  if (!Array.isArray(v)) return [];
  const out: { id: string; at: Loc }[] = [];
  v.forEach((x, i) => {
    if (typeof x === "string") out.push({ id: x, at: { doc, obj: v, key: i } });
  });
  return out;
}

export const ORGAN_ANY: readonly RefTarget[] = ["organ"];
export const ORGAN_NAMND: readonly RefTarget[] = ["organ:nämnd"];
export const ORGAN_FUNDED: readonly RefTarget[] = ["organ:nämnd", "organ:bolag", "organ:kommunalförbund"];
export const BIDRAR_TILL: readonly RefTarget[] = ["åtagande", "verksamhetsmål", "uppdrag", "resultatmål", "mål", "målområde"];
const NYCKELTAL_AVSER: readonly RefTarget[] = ["åtagande", "verksamhetsmål", "produktionsmål", "nyckeltal"];
const ANYTHING: readonly RefTarget[] = [];

/** The year of a document, or undefined where it has none that can be read. */
export function yearOf(kind: DocKind, data: Data): number | undefined {
  if (kind === "uppföljning") {
    const m = /^(\d{4})-(0[1-9]|1[0-2])$/u.exec(str(data.period) ?? "");
    return m ? Number(m[1]) : undefined;
  }
  const y = data.år;
  return typeof y === "number" && Number.isInteger(y) ? y : undefined;
}

export class Builder {
  readonly entities: Entity[] = [];
  private order = 0;

  entity(kind: EntityKind, data: Data, doc: SourceDoc, scope: Scope, container?: Entity, year?: number): Entity | undefined {
    const id = str(data.id);
    if (id === undefined) return undefined;
    const e: Entity = {
      id,
      kind,
      data,
      doc,
      scope,
      ...(year !== undefined ? { year } : {}),
      ...(container ? { container } : {}),
      refs: [],
      parents: [],
      children: [],
      order: this.order++,
    };
    if (kind === "organ") e.organTyp = str(data.typ) as OrganTyp | undefined;
    this.entities.push(e);
    return e;
  }

  /** Record the references of `field` in `obj` on `owner`. */
  refs(owner: Entity, obj: Data, field: string, allowed: readonly RefTarget[], upward = false): void {
    for (const { id, at } of idsOf(owner.doc, obj, field)) {
      const ref: Ref = { field, id, allowed, upward, at };
      owner.refs.push(ref);
    }
  }

  beslut(owner: Entity, data: Data): void {
    if (isData(data.beslut)) this.refs(owner, data.beslut, "organ", ORGAN_ANY);
  }

  /** A nyckeltal with an id is an entity too (it can be followed up on its own). */
  nyckeltal(v: unknown, doc: SourceDoc, scope: Scope, container: Entity, year?: number): void {
    for (const n of Array.isArray(v) ? items(v) : isData(v) ? [v] : []) {
      if (str(n.id) !== undefined) this.entity("nyckeltal", n, doc, scope, container, year);
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
          if (mål) mål.parents.push(område);
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
    const child = (k: EntityKind, x: Data): Entity | undefined => b.entity(k, x, doc, scope, d, year);
    switch (kind) {
      case "budget": {
        for (const r of items(data.resultatmål)) {
          const e = child("resultatmål", r);
          if (!e) continue;
          b.refs(e, r, "målområde", ["målområde"], true);
          b.refs(e, r, "mål", ["mål"]);
          b.nyckeltal(r.nyckeltal, doc, scope, e, year);
        }
        for (const a of items(data.åtaganden)) {
          const e = child("åtagande", a);
          if (!e) continue;
          b.refs(e, a, "resultatmål", ["resultatmål"], true);
          b.refs(
            e,
            a,
            "nämnder",
            ORGAN_NAMND,
          );
          b.nyckeltal(a.nyckeltal, doc, scope, e, year);
        }
        for (const u of items(data.uppdrag)) {
          const e = child("uppdrag", u);
          if (!e) continue;
          b.refs(e, u, "till", ORGAN_ANY);
          b.refs(e, u, "bidrar_till", BIDRAR_TILL, true);
        }
        for (const r of items(data.ramar)) b.refs(d, r, "organ", ORGAN_FUNDED);
        for (const inv of items(data.investeringar)) {
          const e = child("investering", inv);
          if (e) b.refs(e, inv, "organ", ORGAN_FUNDED);
        }
        break;
      }
      case "planeringsdirektiv": {
        for (const r of items(data.ramar)) b.refs(d, r, "organ", ORGAN_FUNDED);
        for (const s of items(data.satsningar)) {
          const e = child("satsning", s);
          if (e) b.refs(e, s, "organ", ORGAN_FUNDED);
        }
        break;
      }
      case "underlag": {
        b.refs(d, data, "nämnd", ORGAN_NAMND);
        for (const a of items(data.åtaganden)) {
          const e = child("åtagande", a);
          if (!e) continue;
          b.refs(e, a, "resultatmål", ["resultatmål"], true);
          b.refs(e, a, "målområde", ["målområde"], true);
          b.nyckeltal(a.nyckeltal, doc, scope, e, year);
        }
        for (const x of items(data.investeringsbehov)) child("investeringsbehov", x);
        for (const x of items(data.upphandlingar)) child("upphandling", x);
        break;
      }
      case "nämndplan": {
        b.refs(d, data, "nämnd", ORGAN_NAMND);
        for (const v of items(data.verksamhetsmål)) {
          const e = child("verksamhetsmål", v);
          if (!e) continue;
          b.refs(e, v, "bidrar_till", BIDRAR_TILL, true);
          b.nyckeltal(v.nyckeltal, doc, scope, e, year);
        }
        for (const u of items(data.uppdrag)) {
          const e = child("uppdrag", u);
          if (!e) continue;
          b.refs(e, u, "till", ORGAN_ANY);
          b.refs(e, u, "bidrar_till", BIDRAR_TILL, true);
        }
        break;
      }
      case "verksamhetsplan": {
        b.refs(d, data, "organ", ORGAN_ANY);
        for (const a of items(data.aktiviteter)) {
          const e = child("aktivitet", a);
          if (e) b.refs(e, a, "bidrar_till", BIDRAR_TILL, true);
        }
        for (const p of items(data.produktionsmål)) {
          const e = child("produktionsmål", p);
          if (!e) continue;
          b.refs(e, p, "bidrar_till", BIDRAR_TILL, true);
          b.nyckeltal(p.nyckeltal, doc, scope, e, year);
        }
        break;
      }
      case "uppföljning": {
        b.refs(d, data, "organ", ORGAN_NAMND);
        for (const n of items(data.nyckeltal)) b.refs(d, n, "avser", NYCKELTAL_AVSER);
        for (const a of items(data.aktiviteter)) b.refs(d, a, "avser", ["aktivitet"]);
        for (const u of items(data.uppdrag)) b.refs(d, u, "avser", ["uppdrag"]);
        for (const x of items(data.ekonomi)) b.refs(d, x, "organ", ORGAN_FUNDED);
        for (const x of items(data.åtgärder)) {
          const e = child("åtgärd", x);
          if (e) b.refs(e, x, "avser", ANYTHING);
        }
        break;
      }
    }
  }
  return b.entities;
}
