// The planeringsdirektiv (KS, April, for next year): prioriteringar; ramar per nämnd, bolag and
// kommunalförbund against the current year's budget; satsningar; the målområden it steers by.
import { items, num as numberOf, str, type Data, type TypedDoc } from "../model/build.js";
import { nameOf, organName } from "../model/thread.js";
import { formatNumber } from "../format/status-words.js";
import { tocOf } from "./toc.js";
import { entitiesIn, organOf, rich, type RichText } from "./view-common.js";
import { decisionLine, planHeader, type PlanCtx, type PlanHeader } from "./view-planning.js";

interface RamRow {
  id: string;
  namn: string;
  typ: string;
  /** The current year's budget frame, converted to the directive's unit. */
  budget: string;
  direktiv: string;
  förändring: string;
  procent: string;
}

export interface PlaneringsdirektivView extends PlanHeader {
  dokument: string | null;
  beslut: string;
  /** Set when the plan holds no planeringsdirektiv for the year. */
  saknas: string | null;
  föregåendeÅr: number;
  /** The budget compared against, or a note that there is none. */
  jämförelse: string;
  prioriteringar: string[];
  ramar: { rows: RamRow[]; total: RamRow; notes: string[] };
  satsningar: { rows: { id: string; organ: string; text: RichText | null; belopp: string }[]; total: string };
  målområden: { id: string; namn: string; mål: { id: string; namn: string }[] }[];
  kommunplan: string | null;
}

/** Amounts in a unit, as thousands of kronor. */
const TKR: Record<string, number> = { kr: 0.001, tkr: 1, mnkr: 1000, mdkr: 1_000_000 };
const TYP_ORDER = ["nämnd", "fullmäktige", "bolag", "kommunalförbund"];

const signed = (ctx: PlanCtx, v: number, digits: number): string => (v > 0 ? "+" : "") + formatNumber(v, ctx.lang, digits).replace(/^-/u, "−");

function frames(doc: TypedDoc | undefined, nämnd: string | undefined): Map<string, number> {
  const m = new Map<string, number>();
  for (const r of items(doc?.data.ramar)) {
    const organ = str(r.organ);
    const belopp = numberOf(r.belopp);
    if (organ === undefined || belopp === undefined || (nämnd !== undefined && organ !== nämnd)) continue;
    m.set(organ, (m.get(organ) ?? 0) + belopp);
  }
  return m;
}

export function planeringsdirektivView(ctx: PlanCtx, datum: string | undefined): PlaneringsdirektivView {
  const { plan, t } = ctx;
  const p = t.plan.pd;
  const doc = plan.docs.find((d) => d.kind === "planeringsdirektiv" && d.year === ctx.year);
  const föregåendeÅr = ctx.year - 1;
  const budget = plan.docs.find((d) => d.kind === "budget" && d.year === föregåendeÅr);
  const unit = (doc ? str(doc.data.beloppsenhet) : undefined) ?? (budget ? str(budget.data.beloppsenhet) : undefined) ?? "tkr";
  const budgetUnit = (budget ? str(budget.data.beloppsenhet) : undefined) ?? "tkr";
  const factor = TKR[unit] !== undefined && TKR[budgetUnit] !== undefined ? TKR[budgetUnit]! / TKR[unit]! : undefined;
  const comparable = budget !== undefined && factor !== undefined;

  const proposed = frames(doc, ctx.nämnd);
  const current = comparable ? new Map([...frames(budget, ctx.nämnd)].map(([k, v]) => [k, v * factor])) : new Map<string, number>();
  const typOf = (id: string): string | undefined => organOf(plan, id)?.organTyp;
  const rank = (id: string): number => {
    const i = TYP_ORDER.indexOf(typOf(id) ?? "");
    return i < 0 ? TYP_ORDER.length : i;
  };
  const ids = [...new Set([...proposed.keys(), ...current.keys()])];
  // Each organ's rank once, not once per comparison.
  const ordered = ids
    .map((id, i) => ({ id, i, rank: rank(id) }))
    .sort((a, b) => a.rank - b.rank || a.i - b.i)
    .map((x) => x.id);
  const row = (id: string, namn: string, typ: string, before: number | undefined, after: number | undefined): RamRow => {
    const diff = before !== undefined && after !== undefined ? Math.round((after - before) * 1000) / 1000 : undefined;
    return {
      id,
      namn,
      typ,
      budget: before !== undefined ? formatNumber(before, ctx.lang, 1) : "",
      direktiv: after !== undefined ? formatNumber(after, ctx.lang, 1) : "",
      förändring: diff !== undefined ? signed(ctx, diff, 1) : "",
      procent: diff !== undefined && before !== undefined && before !== 0 ? `${signed(ctx, (diff / before) * 100, 1)} %` : "",
    };
  };
  const rows = ordered.map((id) => {
    const typ = typOf(id);
    return row(id, organName(plan, id), typ !== undefined ? (p.typ[typ] ?? typ) : "", current.get(id), proposed.get(id));
  });
  const sum = (m: Map<string, number>): number => [...m.values()].reduce((a, b) => a + b, 0);
  const total = row("", t.total, "", comparable ? sum(current) : undefined, doc ? sum(proposed) : undefined);
  const notes: string[] = [];
  if (!budget) notes.push(`${p.ingenBudget} ${föregåendeÅr}.`);
  else if (!comparable) notes.push(`${p.annanEnhet} (${budgetUnit}).`);
  else if (budgetUnit !== unit) notes.push(`${p.omräknad} ${budgetUnit} → ${unit}.`);
  if (doc && comparable) {
    const utan = ordered.filter((id) => !proposed.has(id)).map((id) => organName(plan, id));
    if (utan.length > 0) notes.push(`${p.utanRam}: ${utan.join(", ")}.`);
    const nya = ordered.filter((id) => !current.has(id)).map((id) => organName(plan, id));
    if (nya.length > 0) notes.push(`${p.nyRam}: ${nya.join(", ")}.`);
  }

  let satsSum = 0;
  const satsningar = items(doc?.data.satsningar)
    .filter((s: Data) => str(s.id) !== undefined && (ctx.nämnd === undefined || str(s.organ) === ctx.nämnd))
    .map((s) => {
      const b = numberOf(s.belopp);
      if (b !== undefined) satsSum += b;
      return { id: str(s.id)!, organ: str(s.organ) ? organName(plan, str(s.organ)!) : "", text: rich(str(s.text), 3), belopp: b !== undefined ? formatNumber(b, ctx.lang, 1) : "" };
    });

  const kp = plan.index.kommunplanFor(ctx.year) ?? plan.index.kommunplanFor(föregåendeÅr);
  const målområden = plan.entities
    .filter((e) => e.kind === "målområde" && kp !== undefined && e.container === kp)
    .map((o) => ({ id: o.id, namn: nameOf(o), mål: entitiesIn(plan, "mål", o).map((m) => ({ id: m.id, namn: nameOf(m) })) }));

  const prioriteringar = (Array.isArray(doc?.data.prioriteringar) ? (doc.data.prioriteringar as unknown[]) : []).filter((x): x is string => typeof x === "string" && x.trim() !== "");
  const budgetName = budget ? (str(budget.data.namn) ?? str(budget.data.id) ?? "") : "";
  const toc = tocOf([
    ["prioriteringar", p.prioriteringar, true],
    ["ramar", t.plan.ramar, true],
    ["satsningar", p.satsningar, true],
    ["malomraden", p.målområden, true],
  ]);
  const header = planHeader(ctx, "planeringsdirektiv", datum, toc, budget ? `${budgetName} (${decisionLine(ctx, budget.data)})` : null);
  return {
    ...header,
    planperiod: String(ctx.year),
    beloppsenhet: unit,
    dokument: doc ? (str(doc.data.namn) ?? str(doc.data.id) ?? null) : null,
    beslut: decisionLine(ctx, doc?.data),
    saknas: doc ? null : `${p.saknas} ${ctx.year}.`,
    föregåendeÅr,
    jämförelse: budget ? `${t.budget} ${föregåendeÅr}` : `${p.ingenBudget} ${föregåendeÅr}`,
    prioriteringar,
    ramar: { rows, total, notes },
    satsningar: { rows: satsningar, total: formatNumber(satsSum, ctx.lang, 1) },
    målområden,
    kommunplan: kp ? nameOf(kp) : null,
  };
}
