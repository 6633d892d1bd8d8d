// The typed plan: documents by kind and year, entities, and the resolved reference graph.
import { buildEntities, isData, yearOf, type Data, type TypedDoc } from "./build.js";
import { resolveAll, ScopeIndex, type Resolution } from "./resolve.js";
import type { SourceDoc } from "../load/source.js";
import { DOC_KINDS, type DocKind, type Entity } from "./types.js";

export interface Plan {
  docs: TypedDoc[];
  kommun?: TypedDoc;
  entities: Entity[];
  index: ScopeIndex;
  /** References that did not resolve to an allowed entity. */
  failed: Resolution[];
  /** IDs of every organ of typ nämnd, in plan.yaml order: what `alla` means. */
  namnder: string[];
}

export const isDocKind = (v: unknown): v is DocKind => typeof v === "string" && (DOC_KINDS as readonly string[]).includes(v);

/** Documents whose value is a mapping with a known `typ`, sorted by file, then position. */
export function typeDocuments(docs: readonly SourceDoc[]): TypedDoc[] {
  const out: TypedDoc[] = [];
  for (const doc of docs) {
    if (!isData(doc.value) || !isDocKind(doc.value.typ)) continue;
    const kind = doc.value.typ;
    const data: Data = doc.value;
    const year = yearOf(kind, data);
    out.push({ doc, kind, data, ...(year !== undefined ? { year } : {}) });
  }
  return out;
}

export function buildPlan(typed: TypedDoc[]): Plan {
  const kommun = typed.find((t) => t.kind === "kommun" && t.doc.file === "plan.yaml");
  // Only the kommun document of plan.yaml defines the organisation and the vision.
  const docs = typed.filter((t) => t.kind !== "kommun" || t === kommun);
  const entities = buildEntities(docs, (kp) => ({ kind: "period", plan: kp }));
  const index = new ScopeIndex(entities);
  const failed = resolveAll(entities, index);
  const namnder = index.ofKind("organ").filter((e) => e.organTyp === "nämnd").map((e) => e.id);
  return { docs, ...(kommun ? { kommun } : {}), entities, index, failed, namnder };
}

