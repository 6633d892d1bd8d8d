// Coverage going down: goals nobody works on. Data for `plan trace --gaps`, warnings for validate.
import type { Diagnostic, Entity, Loc } from "../model/types.js";
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

export type GapKind = "resultatmål-utan-åtagande" | "åtagande-utan-aktivitet" | "nämnd-utan-åtagande";

export interface Gap {
  gap: GapKind;
  id: string;
  year: number;
  loc: Loc;
  entity?: Entity;
}

/** Every coverage gap of every budget year, in file order. */
export function findGaps(plan: Plan): Gap[] {
  const out: Gap[] = [];
  const yearsWithVp = new Set(plan.docs.filter((t) => t.kind === "verksamhetsplan" && t.year !== undefined).map((t) => t.year!));
  const memo = new Map<Entity, boolean>();
  for (const e of plan.entities) {
    if (e.scope.kind !== "year" || e.container?.kind !== "budget" || e.year === undefined) continue;
    if (e.kind === "resultatmål") {
      if (!e.children.some((c) => c.kind === "åtagande" && c.scope.kind === "year")) {
        out.push({ gap: "resultatmål-utan-åtagande", id: e.id, year: e.year, loc: idOfEntity(e), entity: e });
      }
    } else if (e.kind === "åtagande" && yearsWithVp.has(e.year) && !servedByAktivitet(e, memo)) {
      out.push({ gap: "åtagande-utan-aktivitet", id: e.id, year: e.year, loc: idOfEntity(e), entity: e });
    }
  }
  for (const t of plan.docs) {
    if (t.kind !== "budget" || !t.entity || t.year === undefined) continue;
    const owned = new Set<string>();
    for (const e of plan.entities) {
      if (e.kind === "åtagande" && e.container === t.entity) for (const n of namnderOf(e, plan.namnder)) owned.add(n);
    }
    const loc: Loc = Object.prototype.hasOwnProperty.call(t.data, "åtaganden")
      ? { doc: t.doc, obj: t.data, key: "åtaganden", part: "key" }
      : { doc: t.doc, obj: t.data };
    for (const n of plan.namnder) if (!owned.has(n)) out.push({ gap: "nämnd-utan-åtagande", id: n, year: t.year, loc });
  }
  return out;
}

export function checkCoverage(plan: Plan): Diagnostic[] {
  return findGaps(plan).map((g) => {
    switch (g.gap) {
      case "resultatmål-utan-åtagande":
        return at("resultatmal-without-atagande", g.loc, { id: g.id, year: g.year }, g.id);
      case "åtagande-utan-aktivitet":
        return at("atagande-without-aktivitet", g.loc, { id: g.id, year: g.year }, g.id);
      case "nämnd-utan-åtagande":
        return at("namnd-without-atagande", g.loc, { nämnd: g.id, year: g.year }, g.id);
    }
  });
}
