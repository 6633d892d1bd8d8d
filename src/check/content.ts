// What the documents say: nyckeltal and målvärden, internbudget against ram, decisions, alla.
import type { Diagnostic } from "../diagnostics/index.js";
import type { Entity } from "../model/types.js";
import { beloppsfaktor, isData, items, num, statusOf, str, type Data, type TypedDoc } from "../model/build.js";
import type { Plan } from "../model/plan.js";
import { round } from "../model/round.js";
import { budgetsByYear } from "./economy.js";
import { at, refAt } from "./report.js";


/** A nyckeltal's målvärde for `year`, checked where the nyckeltal stands. */
function checkTarget(out: Diagnostic[], t: TypedDoc, owner: Data, nyckeltal: unknown, year: number, id?: string): void {
  if (!isData(nyckeltal)) return;
  const målvärden = nyckeltal.målvärden;
  if (isData(målvärden) && num(målvärden[String(year)]) !== undefined) return;
  const loc = isData(målvärden) ? { doc: t.doc, obj: nyckeltal, key: "målvärden" } : { doc: t.doc, obj: nyckeltal };
  out.push(at("target-missing", loc, { year, nyckeltal: str(nyckeltal.namn) ?? str(nyckeltal.id) ?? "", owner: str(owner.id) ?? "" }, id ?? str(owner.id)));
}


export function checkContent(plan: Plan): Diagnostic[] {
  const out: Diagnostic[] = [];
  const budgetByYear = budgetsByYear(plan);
  const ramar = new RamarByOrgan();

  for (const t of plan.docs) {
    const { data } = t;
    if (t.kind !== "kommun") {
      const status = statusOf(t.kind, data);
      if (status === "beslutad" && data.beslut === undefined) {
        const loc = data.status !== undefined ? { doc: t.doc, obj: data, key: "status" } : { doc: t.doc, obj: data, key: "typ" };
        out.push(at("decision-missing", loc, { kind: t.kind, id: str(data.id) ?? "" }, str(data.id)));
      }
    }
    const year = t.year;
    if (year === undefined) continue;
    switch (t.kind) {
      case "budget":
        for (const r of items(data.resultatmål)) for (const n of items(r.nyckeltal)) checkTarget(out, t, r, n, year, str(n.id) ?? str(r.id));
        // A finansiellt mål is followed up like an åtagande: the same nyckeltal checks.
        for (const [list, kind] of [["åtaganden", "åtagande"], ["finansiella_mål", "finansiellt_mål"]] as const) {
          for (const a of items(data[list])) {
            if (a.nyckeltal === undefined) {
              out.push(at("kpi-missing", { doc: t.doc, obj: a, key: "id" }, { id: str(a.id) ?? "", kind }, str(a.id)));
            } else {
              checkTarget(out, t, a, a.nyckeltal, year);
            }
          }
        }
        for (const a of items(data.åtaganden)) {
          const nämnder = a.nämnder;
          if (Array.isArray(nämnder) && nämnder.length > 1 && nämnder.includes("alla")) {
            out.push(at("alla-not-alone", { doc: t.doc, obj: a, key: "nämnder" }, { id: str(a.id) ?? "" }, str(a.id)));
          }
        }
        break;
      case "underlag":
        for (const a of items(data.åtaganden)) {
          if (a.resultatmål === undefined && a.målområde === undefined) {
            out.push(at("missing-field", { doc: t.doc, obj: a }, { field: "resultatmål", alternative: "målområde", where: "åtaganden" }, str(a.id)));
          }
          if (a.nyckeltal !== undefined) checkTarget(out, t, a, a.nyckeltal, year);
        }
        break;
      case "nämndplan": {
        for (const v of items(data.verksamhetsmål)) if (v.nyckeltal !== undefined) checkTarget(out, t, v, v.nyckeltal, year);
        checkInternbudget(out, t, budgetByYear.get(year), ramar);
        break;
      }
      case "verksamhetsplan":
        for (const p of items(data.produktionsmål)) if (p.nyckeltal !== undefined) checkTarget(out, t, p, p.nyckeltal, year);
        break;
      default:
        break;
    }
  }
  checkMålInOmråde(out, plan.index.ofKind("resultatmål"));
  return out;
}

/**
 * The first ram of each organ in a budget, made when a nämndplan first asks: one nämndplan per
 * nämnd, each looking through every ram of the budget, was a pass per pair (5,000 nämnder).
 */
class RamarByOrgan {
  private readonly byBudget = new Map<TypedDoc, Map<string, Data>>();

  /** The first ram of `budget` whose organ is `organ` (what a find over the list would give). */
  get(budget: TypedDoc, organ: string): Data | undefined {
    let first = this.byBudget.get(budget);
    if (!first) {
      first = new Map();
      for (const r of items(budget.data.ramar)) if (typeof r.organ === "string" && !first.has(r.organ)) first.set(r.organ, r);
      this.byBudget.set(budget, first);
    }
    return first.get(organ);
  }
}

function checkInternbudget(out: Diagnostic[], t: TypedDoc, budget: TypedDoc | undefined, ramar: RamarByOrgan): void {
  const lines = items(t.data.internbudget);
  const nämnd = str(t.data.nämnd);
  // A line without a number is a schema error already; a sum without it would mislead.
  if (!budget || !nämnd || lines.length === 0 || lines.some((l) => num(l.belopp) === undefined)) return;
  const ram = ramar.get(budget, nämnd);
  const ramBelopp = ram ? num(ram.belopp) : undefined;
  if (ramBelopp === undefined) return;
  const factor = beloppsfaktor(t.data);
  const ramHere = (ramBelopp * beloppsfaktor(budget.data)) / factor;
  let sum = 0;
  for (const l of lines) sum += num(l.belopp) ?? 0;
  if (Math.abs(round(sum - ramHere)) >= 0.001) {
    out.push(
      at(
        "internbudget-mismatch",
        { doc: t.doc, obj: t.data, key: "internbudget", part: "key" },
        { nämnd, sum: round(sum), ram: round(ramHere), unit: str(t.data.beloppsenhet) ?? "tkr", budgetFile: budget.doc.file },
        str(t.data.id),
      ),
    );
  }
}

/** A resultatmål's övergripande mål must lie inside its own målområde. */
function checkMålInOmråde(out: Diagnostic[], resultatmål: readonly Entity[]): void {
  for (const e of resultatmål) {
    const områden = e.refs.filter((r) => r.field === "målområde" && r.target).map((r) => r.target!);
    if (områden.length === 0) continue;
    for (const r of e.refs) {
      if (r.field !== "mål" || !r.target) continue;
      const container = r.target.container;
      if (container && !områden.includes(container)) {
        out.push(at("mal-outside-malomrade", refAt(e, r), { mål: r.id, målområde: container.id, expected: områden[0]!.id }, e.id));
      }
    }
  }
}

