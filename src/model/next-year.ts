// What `plan nytt-år Y` carries from the budget of Y−1 into the proposals for Y: pure, no I/O.
// The command (src/cli/nytt-ar.ts) turns the result into YAML files and a printed list.
import { asList, isData, items, num, str, type Data } from "./build.js";
import type { Plan } from "./plan.js";
import { compareText } from "./text-order.js";

/** An åtagande carried into a nämnd's underlag for Y. */
export interface Carried {
  id: string;
  /** The nämnd whose underlag holds it. */
  nämnd: string;
  /** The budget's `nämnder` when the åtagande is shared (several nämnder, or `alla`); else empty. */
  shared: string[];
  /** The åtagande as it stands in the underlag: id, resultatmål, text, nyckeltal. */
  data: Data;
  /** True when the budget's nyckeltal has no målvärde for Y. */
  noTarget: boolean;
  /** The helår follow-up whose utfall became the utgångsvärde. */
  baselineFrom?: string;
}

type NotCarriedReason = "period-ends" | "already-proposed" | "underlag-exists";

export interface NotCarried {
  id: string;
  reason: NotCarriedReason;
  /** For already-proposed: the underlag that proposes it; for underlag-exists: the nämnder. */
  where: string;
}

export interface NextYear {
  year: number;
  /** The budget of Y−1 the proposals start from. */
  budget: Data;
  /** Every nämnd in plan.yaml order, with its carried åtaganden; `exists` when it has an underlag for Y (or its file is taken). */
  underlag: { nämnd: string; namn?: string; exists: boolean; åtaganden: Carried[] }[];
  /** The planeringsdirektiv of Y that exists already, if any. */
  directive?: Data;
  notCarried: NotCarried[];
}

/** The newest helår utfall of each entity, from the helår follow-ups up to `lastYear`. */
function helårUtfall(plan: Plan, lastYear: number): Map<string, { år: number; värde: number; from: string }> {
  const out = new Map<string, { år: number; värde: number; from: string }>();
  const helår = plan.docs
    .filter((t) => t.kind === "uppföljning" && t.data.rapport === "helår" && t.year !== undefined && t.year <= lastYear)
    // Periods (YYYY-MM) compare as text, newest first, without loading a collator for localeCompare.
    .sort((a, b) => compareText(str(b.data.period) ?? "", str(a.data.period) ?? ""));
  for (const t of helår) {
    for (const row of items(t.data.nyckeltal)) {
      const avser = str(row.avser);
      const värde = num(row.utfall);
      // A value of an earlier year (from Kolada) is that year's: its `år` says which.
      if (avser !== undefined && värde !== undefined && !out.has(avser)) out.set(avser, { år: num(row.år) ?? t.year!, värde, from: str(t.data.id) ?? t.doc.file });
    }
  }
  return out;
}

/** The budget's nyckeltal for the underlag: målvärden from Y on, utgångsvärde moved to the newest helår utfall. */
function carryNyckeltal(kpi: Data, year: number, baseline: { år: number; värde: number } | undefined): { data: Data; noTarget: boolean } {
  const data: Data = {};
  const målvärden = isData(kpi.målvärden) ? kpi.målvärden : {};
  const kept = Object.entries(målvärden).filter(([y]) => Number(y) >= year);
  for (const [key, value] of Object.entries(kpi)) {
    if (key === "målvärden") {
      if (kept.length > 0) data.målvärden = Object.fromEntries(kept);
    } else if (key === "utgångsvärde") {
      const old = isData(value) ? num(value.år) : undefined;
      data.utgångsvärde = baseline && (old === undefined || baseline.år >= old) ? { år: baseline.år, värde: baseline.värde } : value;
    } else data[key] = value;
  }
  if (!("utgångsvärde" in data) && baseline) data.utgångsvärde = { år: baseline.år, värde: baseline.värde };
  return { data, noTarget: !Object.prototype.hasOwnProperty.call(målvärden, String(year)) };
}

/**
 * The proposals for `year` that the budget of year−1 leads to; undefined when there is no such
 * budget. `blocked` names the nämnder whose underlag file cannot be written (something else is
 * at its path): they count as having an underlag, so nothing is carried into a file never written.
 */
export function planNextYear(plan: Plan, year: number, blocked: ReadonlySet<string> = new Set()): NextYear | undefined {
  const budget = plan.docs.find((t) => t.kind === "budget" && t.year === year - 1)?.data;
  if (!budget) return undefined;
  const existing = plan.docs.filter((t) => t.kind === "underlag" && t.year === year);
  const proposedIn = new Map<string, string>();
  for (const u of existing) for (const a of items(u.data.åtaganden)) if (str(a.id) !== undefined) proposedIn.set(str(a.id)!, str(u.data.id) ?? u.doc.file);
  const hasUnderlag = new Set([...blocked, ...existing.map((u) => str(u.data.nämnd)).filter((n): n is string => n !== undefined)]);
  const organ = new Map(items(plan.kommun?.data.organisation).map((o) => [str(o.id), str(o.namn)]));
  const underlag = plan.namnder.map((nämnd) => {
    const namn = organ.get(nämnd);
    return { nämnd, ...(namn !== undefined ? { namn } : {}), exists: hasUnderlag.has(nämnd), åtaganden: [] as Carried[] };
  });
  const byNämnd = new Map(underlag.map((u) => [u.nämnd, u]));
  const notCarried: NotCarried[] = [];
  const till = isData(budget.planperiod) ? num(budget.planperiod.till) : undefined;
  const utfall = helårUtfall(plan, year - 1);
  // Where a shared åtagande is carried: the first nämnd that has no underlag for Y yet, in the
  // budget's order of `nämnder` (the lead nämnd is named first); for `alla`, KS first (it leads
  // what concerns every nämnd), then plan.yaml's order. The nämnder as a set, and the list and
  // home of `alla` made once: a search of every nämnd per name of each åtagande was a pass per
  // pair, and `alla` a pass over every nämnd per åtagande.
  const known = new Set(plan.namnder);
  const every = known.has("KS") ? ["KS", ...plan.namnder.filter((n) => n !== "KS")] : [...plan.namnder];
  const everyHome = every.find((n) => !hasUnderlag.has(n));

  for (const å of items(budget.åtaganden)) {
    const id = str(å.id);
    if (id === undefined) continue;
    const listed = asList(å.nämnder);
    const alla = listed.includes("alla");
    const candidates = alla ? every : listed.filter((n) => known.has(n));
    if (till === undefined || till < year) {
      notCarried.push({ id, reason: "period-ends", where: String(till ?? "?") });
      continue;
    }
    if (proposedIn.has(id)) {
      notCarried.push({ id, reason: "already-proposed", where: proposedIn.get(id)! });
      continue;
    }
    const home = alla ? everyHome : candidates.find((n) => !hasUnderlag.has(n));
    if (home === undefined) {
      notCarried.push({ id, reason: "underlag-exists", where: candidates.join(", ") });
      continue;
    }
    const data: Data = { id, resultatmål: asList(å.resultatmål), text: å.text };
    let noTarget = false;
    const baseline = utfall.get(id);
    if (isData(å.nyckeltal)) {
      const kpi = carryNyckeltal(å.nyckeltal, year, baseline);
      data.nyckeltal = kpi.data;
      noTarget = kpi.noTarget;
    }
    byNämnd.get(home)!.åtaganden.push({
      id,
      nämnd: home,
      shared: listed.length > 1 || alla ? listed : [],
      data,
      noTarget,
      ...(baseline && isData(å.nyckeltal) ? { baselineFrom: baseline.from } : {}),
    });
  }
  const directive = plan.docs.find((t) => t.kind === "planeringsdirektiv" && t.year === year)?.data;
  return { year, budget, underlag, ...(directive ? { directive } : {}), notCarried };
}
