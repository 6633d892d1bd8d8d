// The shared types of the plan: source documents, entities, diagnostics.
import type { LineCounter } from "yaml";
import type { Code } from "../check/codes.js";

export type Severity = "error" | "warning";
export type Lang = "en" | "sv";

/** One finding. Words are made from `code` and `args` in src/format/messages.ts. */
export interface Diagnostic {
  code: Code;
  severity: Severity;
  /** Path relative to the plan root, with forward slashes. */
  file: string;
  line: number;
  column: number;
  id?: string;
  args: Record<string, string | number | string[]>;
}

/** One YAML document of a plan file, as plain data plus the way back to its source. */
export interface SourceDoc {
  file: string;
  /** Position of the document in its file, from 0. */
  index: number;
  value: unknown;
  /** Where the document's values stand in the text; made when first asked for. */
  positions(): DocPositions;
}

export interface DocPositions {
  contents: unknown;
  lineCounter: LineCounter;
  /** Plain object or array → the YAML collection it came from. */
  nodes: WeakMap<object, unknown>;
}

export type DocKind =
  | "kommun"
  | "kommunplan"
  | "budget"
  | "planeringsdirektiv"
  | "underlag"
  | "nämndplan"
  | "verksamhetsplan"
  | "uppföljning";

export const DOC_KINDS: readonly DocKind[] = [
  "kommun",
  "kommunplan",
  "budget",
  "planeringsdirektiv",
  "underlag",
  "nämndplan",
  "verksamhetsplan",
  "uppföljning",
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

/** A place in a source document: a key or value of a mapping, or an item of a list. */
export interface Loc {
  doc: SourceDoc;
  obj: object;
  key?: string | number;
  /** `key` points at the key itself (an unknown key), `value` at its value. */
  part?: "key" | "value";
}

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
  at: Loc;
  target?: Entity;
  /** Set when the reference could not be resolved to an allowed entity. */
  broken?: boolean;
}
