// Coverage going down (warnings): goals nobody works on.
import type { Diagnostic, Entity } from "../model/types.js";
import type { Plan } from "../model/plan.js";
import { namnderOf } from "../model/resolve.js";
import { at, idOfEntity } from "./report.js";

/** Whether some aktivitet serves `e`, directly or through what serves it. */
export function servedByAktivitet(e: Entity, memo = new Map<Entity, boolean>()): boolean {
  const known = memo.get(e);
  if (known !== undefined) return known;
  memo.set(e, false); // guards against cycles while this one is open
  let served = false;
  for (const c of e.children) {
    if (c.kind === "aktivitet" || servedByAktivitet(c, memo)) {
      served = true;
      break;
    }
  }
  memo.set(e, served);
  return served;
}

export function checkCoverage(plan: Plan): Diagnostic[] {
  const out: Diagnostic[] = [];
  const yearsWithVp = new Set(plan.docs.filter((t) => t.kind === "verksamhetsplan" && t.year !== undefined).map((t) => t.year!));
  const memo = new Map<Entity, boolean>();
  const budgetEntities = plan.entities.filter((e) => e.scope.kind === "year" && e.container?.kind === "budget");
  for (const e of budgetEntities) {
    if (e.kind === "resultatmål") {
      if (!e.children.some((c) => c.kind === "åtagande" && c.scope.kind === "year")) {
        out.push(at("resultatmal-without-atagande", idOfEntity(e), { id: e.id, year: e.year ?? "" }, e.id));
      }
    } else if (e.kind === "åtagande" && e.year !== undefined && yearsWithVp.has(e.year)) {
      if (!servedByAktivitet(e, memo)) out.push(at("atagande-without-aktivitet", idOfEntity(e), { id: e.id, year: e.year }, e.id));
    }
  }
  for (const t of plan.docs) {
    if (t.kind !== "budget" || !t.entity) continue;
    const owned = new Set<string>();
    for (const e of plan.entities) {
      if (e.kind === "åtagande" && e.container === t.entity) for (const n of namnderOf(e, plan.namnder)) owned.add(n);
    }
    const loc = Object.prototype.hasOwnProperty.call(t.data, "åtaganden")
      ? { doc: t.doc, obj: t.data, key: "åtaganden", part: "key" as const }
      : { doc: t.doc, obj: t.data };
    for (const n of plan.namnder) {
      if (!owned.has(n)) out.push(at("namnd-without-atagande", loc, { nämnd: n, year: t.year ?? "" }, n));
    }
  }
  return out;
}
