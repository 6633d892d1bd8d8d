// The shared types of the plan: entities, their kinds, scopes and references.
import type { SourceDoc } from "../load/source.js";

export type DocKind =
  | "kommun"
  | "kommunplan"
  | "budget"
  | "planeringsdirektiv"
  | "underlag"
  | "nämndplan"
  | "verksamhetsplan"
  | "uppföljning"
  | "jämförelse";

export const DOC_KINDS: readonly DocKind[] = [
  "kommun",
  "kommunplan",
  "budget",
  "planeringsdirektiv",
  "underlag",
  "nämndplan",
  "verksamhetsplan",
  "uppföljning",
  "jämförelse",
];

export type EntityKind =
  | DocKind
  | "organ"
  | "vision"
  | "målområde"
  | "mål"
  | "resultatmål"
  | "åtagande"
  | "uppdrag"
  | "investering"
  | "finansiellt_mål"
  | "nyckeltal"
  | "satsning"
  | "investeringsbehov"
  | "upphandling"
  | "verksamhetsmål"
  | "aktivitet"
  | "produktionsmål"
  | "åtgärd";

export type OrganTyp = "fullmäktige" | "nämnd" | "förvaltning" | "enhet" | "bolag" | "kommunalförbund";

/** Where an ID lives: see format.md, "IDs and scopes". */
export type Scope =
  | { kind: "global" }
  | { kind: "period"; plan: Entity }
  | { kind: "year"; year: number }
  | { kind: "proposals"; year: number };

export interface Entity {
  id: string;
  kind: EntityKind;
  /** The plain object that holds `id`. */
  data: Record<string, unknown>;
  doc: SourceDoc;
  scope: Scope;
  /** The year the entity belongs to (year and proposal scopes). */
  year?: number;
  /** The entity it stands inside (a mål's målområde, an åtagande's budget, …). */
  container?: Entity;
  organTyp?: OrganTyp;
  refs: Ref[];
  /** Filled by the resolver: the entities this one points up to on the red thread. */
  parents: Entity[];
  /** Filled by the resolver: the entities that point up to this one. */
  children: Entity[];
  /** Order of definition: files by path, then documents, then position. */
  order: number;
}

export type RefTarget = EntityKind | `organ:${OrganTyp}`;

export interface Ref {
  field: string;
  id: string;
  /** What it may point at; `organ` alone means any organ. */
  allowed: readonly RefTarget[];
  /** A step of the red thread (bidrar_till, resultatmål, målområde). */
  upward: boolean;
  /**
   * Where the ID stands, in the owner's document: the mapping with `field`, or the list it holds
   * (`key` its index). Kept as two fields, not a place object each: refAt makes one for a finding.
   */
  obj: object;
  key: string | number;
  target?: Entity;
  /** Set when the reference could not be resolved to an allowed entity. */
  broken?: boolean;
}

/**
 * The lists an entity starts with (no references, parents or children): one list shared by
 * every entity until it gets one of its own (addEntity), instead of three empty lists each for a
 * city's 25,000 entities. Never pushed to: always empty.
 */
export const NO_REFS: Ref[] = [];
export const NO_ENTITIES: Entity[] = [];

/** Add `e` to an entity's `parents` or `children`, giving the entity a list of its own first. */
export function addEntity(owner: Entity, field: "parents" | "children", e: Entity): void {
  const list = owner[field];
  if (list === NO_ENTITIES) owner[field] = [e];
  else list.push(e);
}
