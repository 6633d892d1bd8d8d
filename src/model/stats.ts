// The figures a kommunledning quotes about its plan, for one budget year.
import type { Entity } from "./types.js";
import type { Plan } from "./plan.js";
import { countBelow } from "./below.js";
import { namnderOf } from "./resolve.js";
import { servedByAktivitet } from "./served.js";
import { round } from "./round.js";
import { nameOf, organName } from "./thread.js";

export interface Count {
  id: string;
  namn: string;
  count: number;
}

export interface PlanStats {
  year: number;
  målområden: Count[];
  resultatmål: number;
  resultatmålPerMålområde: Count[];
  åtaganden: {
    total: number;
    alla: number;
    delade: number;
    perNämnd: Count[];
    perMålområde: Count[];
    utanAktivitet: string[];
  };
  aktiviteter: number;
  aktiviteterPerOrgan: Count[];
  aktiviteterPerÅtagande: { medel: number; median: number; max: number; andelMedAktivitet: number };
}

const desc = (a: Count, b: Count): number => b.count - a.count || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function planStats(plan: Plan, year: number): PlanStats {
  const inYear = (e: Entity): boolean => e.scope.kind === "year" && e.scope.year === year;
  const budget = plan.docs.find((t) => t.kind === "budget" && t.year === year)?.entity;
  const kp = plan.index.kommunplanFor(year);
  const områden = plan.index.ofKind("målområde").filter((e) => e.container === kp);
  const resultatmål = plan.index.ofKind("resultatmål").filter((e) => inYear(e) && e.container === budget);
  const åtaganden = plan.index.ofKind("åtagande").filter((e) => inYear(e) && e.container === budget);
  const aktiviteter = plan.index.ofKind("aktivitet").filter(inYear);

  let alla = 0;
  let delade = 0;
  const perNämnd = new Map<string, number>(plan.namnder.map((n) => [n, 0]));
  const perOmråde = new Map<Entity, number>(områden.map((o) => [o, 0]));
  for (const a of åtaganden) {
    const raw = a.data.nämnder;
    const named = typeof raw === "string" ? [raw] : Array.isArray(raw) ? raw : [];
    if (named.includes("alla")) alla++;
    else {
      if (new Set(named).size >= 2) delade++;
      for (const n of new Set(namnderOf(a, plan.namnder))) perNämnd.set(n, (perNämnd.get(n) ?? 0) + 1);
    }
    const reached = new Set<Entity>();
    for (const r of a.parents) {
      if (r.kind !== "resultatmål") continue;
      for (const o of r.parents) if (o.kind === "målområde") reached.add(o);
    }
    for (const o of reached) perOmråde.set(o, (perOmråde.get(o) ?? 0) + 1);
  }
  // `alla` counts for every nämnd: added once, not spelled out per åtagande.
  if (alla > 0) for (const n of new Set(plan.namnder)) perNämnd.set(n, perNämnd.get(n)! + alla);
  const rPerOmråde = new Map<Entity, number>(områden.map((o) => [o, 0]));
  for (const r of resultatmål) for (const o of r.parents) if (o.kind === "målområde") rPerOmråde.set(o, (rPerOmråde.get(o) ?? 0) + 1);

  const perOrgan = new Map<string, number>();
  for (const a of aktiviteter) {
    const organ = typeof a.container?.data.organ === "string" ? a.container.data.organ : "?";
    perOrgan.set(organ, (perOrgan.get(organ) ?? 0) + 1);
  }
  const serves = servedByAktivitet(plan);
  const utan = åtaganden.filter((a) => !serves.has(a)).map((a) => a.id);
  // One pass for every åtagande: a subtree shared by thousands of them is counted once.
  const below = countBelow(åtaganden, (x) => x.kind === "aktivitet" && inYear(x));
  const counts = åtaganden.map((a) => below.get(a) ?? 0).sort((x, y) => x - y);
  const mean = counts.length > 0 ? counts.reduce((s, n) => s + n, 0) / counts.length : 0;
  const median = counts.length === 0 ? 0 : counts.length % 2 === 1 ? counts[(counts.length - 1) / 2]! : (counts[counts.length / 2 - 1]! + counts[counts.length / 2]!) / 2;

  return {
    year,
    målområden: områden.map((o) => ({ id: o.id, namn: nameOf(o), count: 0 })),
    resultatmål: resultatmål.length,
    resultatmålPerMålområde: områden.map((o) => ({ id: o.id, namn: nameOf(o), count: rPerOmråde.get(o) ?? 0 })),
    åtaganden: {
      total: åtaganden.length,
      alla,
      delade,
      perNämnd: [...perNämnd].map(([id, count]) => ({ id, namn: organName(plan, id), count })).sort(desc),
      perMålområde: områden.map((o) => ({ id: o.id, namn: nameOf(o), count: perOmråde.get(o) ?? 0 })),
      utanAktivitet: utan,
    },
    aktiviteter: aktiviteter.length,
    aktiviteterPerOrgan: [...perOrgan].map(([id, count]) => ({ id, namn: organName(plan, id), count })).sort(desc),
    aktiviteterPerÅtagande: {
      medel: round(mean, 2),
      median,
      max: counts.length > 0 ? counts[counts.length - 1]! : 0,
      andelMedAktivitet: åtaganden.length > 0 ? round((åtaganden.length - utan.length) / åtaganden.length, 4) : 0,
    },
  };
}
