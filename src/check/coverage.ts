// Coverage going down: goals nobody works on. Data for `plan trace --gaps`, warnings for validate.
import type { Diagnostic } from "../diagnostics/index.js";
import type { Entity } from "../model/types.js";
import type { Loc } from "../load/source.js";
import type { Plan } from "../model/plan.js";
import { namnderOf } from "../model/resolve.js";
import { asList } from "../model/build.js";
import { servedByAktivitet } from "../model/served.js";
import { at, idOfEntity } from "./report.js";

type GapKind = "resultatmål-utan-åtagande" | "åtagande-utan-aktivitet" | "nämnd-utan-åtagande";

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
  const serves = servedByAktivitet(plan);
  // The budgets' resultatmål and åtaganden, each kind from its own list, then in plan order together.
  const inBudget = (e: Entity): e is Entity & { year: number } => e.scope.kind === "year" && e.container?.kind === "budget" && e.year !== undefined;
  const goals: Gap[] = [];
  for (const e of plan.index.ofKind("resultatmål")) {
    if (inBudget(e) && !e.children.some((c) => c.kind === "åtagande" && c.scope.kind === "year")) {
      goals.push({ gap: "resultatmål-utan-åtagande", id: e.id, year: e.year, loc: idOfEntity(e), entity: e });
    }
  }
  for (const e of plan.index.ofKind("åtagande")) {
    if (inBudget(e) && yearsWithVp.has(e.year) && !serves.has(e)) {
      goals.push({ gap: "åtagande-utan-aktivitet", id: e.id, year: e.year, loc: idOfEntity(e), entity: e });
    }
  }
  for (const g of goals.sort((a, b) => a.entity!.order - b.entity!.order)) out.push(g);
  // The nämnder with an åtagande, per budget, in one pass (a plan may hold many budgets);
  // `alla` is remembered as such rather than spelled out once per åtagande.
  const ownedBy = new Map<Entity, Set<string>>();
  const allOwned = new Set<Entity>();
  for (const e of plan.index.ofKind("åtagande")) {
    if (e.container?.kind !== "budget") continue;
    let owned = ownedBy.get(e.container);
    if (!owned) ownedBy.set(e.container, (owned = new Set()));
    if (asList(e.data.nämnder).includes("alla")) allOwned.add(e.container);
    else for (const n of namnderOf(e, plan.namnder)) owned.add(n);
  }
  for (const t of plan.docs) {
    if (t.kind !== "budget" || !t.entity || t.year === undefined || allOwned.has(t.entity)) continue;
    const owned = ownedBy.get(t.entity) ?? new Set<string>();
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
