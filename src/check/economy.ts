// The guards against silently wrong figures (format.md, "Ekonomin i uppföljningen"): amounts
// without a unit, a driftredovisning that leaves out a nämnd, a budget that is not the KF ram,
// statements that do not add up, posts with the wrong sign, and amounts a hundred times off.
// The sums are those of model/statements.ts; nothing is summed here.
import type { Diagnostic } from "../diagnostics/index.js";
import { writtenDecimals } from "../load/locate.js";
import type { Loc } from "../load/source.js";
import { beloppsfaktor, isData, items, num, str, type Data, type TypedDoc } from "../model/build.js";
import type { Plan } from "../model/plan.js";
import { round } from "../model/round.js";
import {
  BALANSKRAV,
  computeStatement,
  STATEMENT_KEYS,
  STATEMENTS,
  statedFigures,
  RESULTATRÄKNING,
  type Column,
  type ComputedStatement,
  type Figures,
  type Statement,
} from "../model/statements.js";
import type { DocKind } from "../model/types.js";
import { at } from "./report.js";

/** The fields that hold amounts, per kind of document (in the order the message names them). */
const AMOUNT_FIELDS: Partial<Record<DocKind, readonly string[]>> = {
  budget: ["ramar", "investeringar"],
  planeringsdirektiv: ["ramar", "satsningar"],
  underlag: ["investeringsbehov"],
  nämndplan: ["internbudget"],
  uppföljning: ["ekonomi", "investeringar", "resultaträkning", "balansräkning", "kassaflödesanalys", "balanskrav"],
};

/** A follow-up figure this many times the budgeted one, or this part of it, is likely in the wrong unit. */
const MAGNITUDE = 100;

/** The first budget of each year: the one the other documents of the year are held to. */
export function budgetsByYear(plan: Plan): Map<number, TypedDoc> {
  const out = new Map<number, TypedDoc>();
  for (const t of plan.docs) if (t.kind === "budget" && t.year !== undefined && !out.has(t.year)) out.set(t.year, t);
  return out;
}

/** Whether a value holds a number somewhere inside (an amount, whatever its shape). */
function holdsNumber(v: unknown, depth = 0): boolean {
  if (num(v) !== undefined) return true;
  if (depth > 4 || v === null || typeof v !== "object") return false;
  return Object.values(v).some((x) => holdsNumber(x, depth + 1));
}

const unitOf = (d: Data): string => str(d.beloppsenhet) ?? "tkr";

/** A figure that can be shown: finite (a hostile 1e308 mnkr in tkr is not), rounded where rounding means anything. */
const shown = (x: number): number | undefined => (!Number.isFinite(x) ? undefined : Math.abs(x) < 1e15 ? round(x) : x);

export function checkEconomy(plan: Plan): Diagnostic[] {
  const out: Diagnostic[] = [];
  const budgets = budgetsByYear(plan);
  const periods = new Map<string, TypedDoc[]>();
  for (const t of plan.docs) {
    checkUnit(out, t);
    if (t.kind !== "uppföljning" || t.year === undefined) continue;
    const period = str(t.data.period)!;
    const list = periods.get(period);
    if (list) list.push(t);
    else periods.set(period, [t]);
  }
  const budgeted = new Map<TypedDoc, Budgeted>();
  for (const [period, docs] of periods) {
    const doc = budgets.get(docs[0]!.year!);
    let budget = doc && budgeted.get(doc);
    if (doc && !budget) budgeted.set(doc, (budget = budgetedOf(doc, docs[0]!.year!)));
    if (budget) checkOrgansCovered(out, plan, period, docs, budget);
    const results = new ÅretsResultat(docs);
    for (const t of docs) {
      if (budget) {
        const before = out.length;
        checkEkonomi(out, t, budget);
        checkInvesteringar(out, t, budget);
        onceAcross(out, before);
      }
      checkStatements(out, t, results);
    }
  }
  return out;
}

/** What a year's budget holds to its follow-ups: the ramar by organ, the investeringar's belopp for the year. */
interface Budgeted {
  t: TypedDoc;
  ramar: Map<string, number>;
  investeringar: Map<string, number>;
}

/** The first figure of each organ or investering with a number (a second is a schema or ID error already). */
function budgetedOf(t: TypedDoc, year: number): Budgeted {
  const ramar = new Map<string, number>();
  for (const r of items(t.data.ramar)) {
    const organ = str(r.organ);
    if (organ !== undefined && num(r.belopp) !== undefined && !ramar.has(organ)) ramar.set(organ, num(r.belopp)!);
  }
  const investeringar = new Map<string, number>();
  for (const inv of items(t.data.investeringar)) {
    const id = str(inv.id);
    const b = isData(inv.belopp) ? num(inv.belopp[String(year)]) : undefined;
    if (id !== undefined && b !== undefined && !investeringar.has(id)) investeringar.set(id, b);
  }
  return { t, ramar, investeringar };
}

function checkUnit(out: Diagnostic[], t: TypedDoc): void {
  if (t.data.beloppsenhet !== undefined) return;
  const field = (AMOUNT_FIELDS[t.kind] ?? []).find((f) => holdsNumber(t.data[f]));
  if (field === undefined) return;
  out.push(at("amount-without-unit", { doc: t.doc, obj: t.data, key: "typ" }, { kind: t.kind, id: str(t.data.id) ?? t.doc.file, field }, str(t.data.id)));
}

/** Every nämnd with a ram has a row, once the whole-kommun follow-ups of the period have any. */
function checkOrgansCovered(out: Diagnostic[], plan: Plan, period: string, docs: readonly TypedDoc[], { t: budget, ramar }: Budgeted): void {
  const kommun = docs.find((t) => t.data.organ === undefined && items(t.data.ekonomi).length > 0);
  if (!kommun) return;
  const rows = new Set<string | undefined>();
  for (const t of docs) for (const r of items(t.data.ekonomi)) rows.add(str(r.organ));
  for (const organ of plan.namnder) {
    const ram = ramar.get(organ);
    if (ram === undefined || rows.has(organ)) continue;
    out.push(
      at(
        "economy-organ-missing",
        { doc: kommun.doc, obj: kommun.data, key: "ekonomi", part: "key" },
        { period, organ, ram, unit: unitOf(budget.data), budgetFile: budget.doc.file },
        organ,
      ),
    );
  }
}

/** An amount as written, in its document's unit. */
interface Amount {
  value: number;
  doc: Data;
}

/**
 * A follow-up amount against the budgeted one, compared in tkr: a hundred times off is likely
 * the unit. Whether it was reported.
 */
function checkMagnitude(out: Diagnostic[], loc: Loc, field: string, avser: string, figure: Amount, budgeted: Amount, against: "ram" | "investering"): boolean {
  const v = shown(figure.value * beloppsfaktor(figure.doc));
  const b = shown(budgeted.value * beloppsfaktor(budgeted.doc));
  if (v === undefined || b === undefined || v === 0 || b === 0) return false;
  const ratio = Math.abs(v) / Math.abs(b);
  if (ratio < MAGNITUDE && ratio > 1 / MAGNITUDE) return false;
  const args = { field, avser, value: figure.value, unit: unitOf(figure.doc), budgeted: budgeted.value, budgetUnit: unitOf(budgeted.doc), larger: ratio > 1, against };
  out.push(at("amount-magnitude", loc, args, avser));
  return true;
}

/**
 * A document whose figures are a thousand times off (a missing or wrong beloppsenhet) would give
 * one amount-magnitude per figure: it is said once, at the first, with how many more there are.
 */
function onceAcross(out: Diagnostic[], from: number): void {
  const found = out.slice(from).filter((d) => d.code === "amount-magnitude");
  if (found.length < 2) return;
  const first = found[0]!;
  const rest = out.slice(from).filter((d) => d.code !== "amount-magnitude");
  out.splice(from, out.length - from, { ...first, args: { ...first.args, others: found.length - 1 } } as Diagnostic, ...rest);
}

const FIGURES = ["budget", "utfall", "prognos"] as const;

/** The ekonomi rows of a follow-up against the ramar of the year's budget. */
function checkEkonomi(out: Diagnostic[], t: TypedDoc, { t: budget, ramar }: Budgeted): void {
  const fU = beloppsfaktor(t.data);
  const fB = beloppsfaktor(budget.data);
  for (const row of items(t.data.ekonomi)) {
    const organ = str(row.organ);
    const ram = organ !== undefined ? ramar.get(organ) : undefined;
    if (organ === undefined || ram === undefined) continue;
    const off = new Set<string>();
    for (const field of FIGURES) {
      const v = num(row[field]);
      if (v !== undefined && checkMagnitude(out, { doc: t.doc, obj: row, key: field }, field, organ, { value: v, doc: t.data }, { value: ram, doc: budget.data }, "ram")) off.add(field);
    }
    const stated = num(row.budget);
    // A budget a hundred times off is said once, as the likely unit mistake it is.
    if (off.has("budget")) continue;
    const justeringar = row.ramjusteringar === undefined ? [] : items(row.ramjusteringar);
    // An adjustment without a number (a schema error already) would make any comparison wrong.
    if (stated === undefined || (row.ramjusteringar !== undefined && !Array.isArray(row.ramjusteringar))) continue;
    if (justeringar.some((j) => num(j.belopp) === undefined)) continue;
    // In the follow-up's unit: a ram in tkr is compared with a budget in mnkr as far as its decimals go.
    const ramHere = shown((ram * fB) / fU);
    const sum = shown(justeringar.reduce((s, j) => s + num(j.belopp)!, 0));
    if (ramHere === undefined || sum === undefined || shown(ramHere + sum) === undefined) continue;
    const expected = shown(ramHere + sum)!;
    const within = (written: number): boolean => Math.abs(stated - expected) <= (fB < fU ? 0.5 * 10 ** -written : 0.0005) + 1e-9;
    if (byWritten(within, (a, b) => a === b, () => writtenDecimals(t.doc, row, 1))) continue;
    out.push(
      at(
        "budget-differs-from-ram",
        { doc: t.doc, obj: row, key: "budget" },
        { organ, stated, ram: ramHere, justeringar: sum, expected, unit: unitOf(t.data), budgetFile: budget.doc.file },
        organ,
      ),
    );
  }
}

/** The follow-up's investeringar against the budget's belopp for the year. */
function checkInvesteringar(out: Diagnostic[], t: TypedDoc, { t: budget, investeringar: belopp }: Budgeted): void {
  for (const row of items(t.data.investeringar)) {
    const avser = str(row.avser);
    const b = avser !== undefined ? belopp.get(avser) : undefined;
    if (avser === undefined || b === undefined) continue;
    for (const field of FIGURES) {
      const v = num(row[field]);
      if (v !== undefined) checkMagnitude(out, { doc: t.doc, obj: row, key: field }, field, avser, { value: v, doc: t.data }, { value: b, doc: budget.data }, "investering");
    }
  }
}

/** The place of one figure of a statement row: the column of a mapping, or a bare number. */
function figureAt(t: TypedDoc, key: string, row: string, column: Column): Loc {
  const holder = t.data[key] as Data;
  const v = holder[row];
  return isData(v) && v[column] !== undefined ? { doc: t.doc, obj: v, key: column } : { doc: t.doc, obj: holder, key: row };
}

/**
 * The resultaträkning's årets resultat of each follow-up of a period, that the balanskrav
 * starts from: the follow-up's own, or else the first of the period that has one.
 */
class ÅretsResultat {
  private readonly own = new Map<TypedDoc, Figures | undefined>();
  private readonly first = new Map<Column, { value: number; t: TypedDoc }>();

  constructor(docs: readonly TypedDoc[]) {
    for (const t of docs) {
      if (!isData(t.data.resultaträkning)) continue;
      const figures = computeStatement(RESULTATRÄKNING, statedFigures(RESULTATRÄKNING, t.data.resultaträkning)).figures.get("årets_resultat");
      this.own.set(t, figures);
      for (const c of ["utfall", "prognos"] as const) if (figures?.[c] !== undefined && !this.first.has(c)) this.first.set(c, { value: figures[c]!, t });
    }
  }

  /** In `t`'s unit: a helår's utfall, otherwise the prognos for the year. */
  of(t: TypedDoc): number | undefined {
    const column: Column = t.data.rapport === "helår" ? "utfall" : "prognos";
    const own = this.own.get(t)?.[column];
    const found = own !== undefined ? { value: own, t } : this.first.get(column);
    return found && shown((found.value * beloppsfaktor(found.t.data)) / beloppsfaktor(t.data));
  }
}

/**
 * A check's answer for the decimals the figures are written with (YAML reads 95.0 as 95: only
 * the text knows, and asking it parses the file again). The more decimals, the smaller the
 * rounding tolerance, and a check finds only more: when none and endless decimals give the same
 * answer, that is the answer, and the text is not asked.
 */
function byWritten<T>(check: (written: number) => T, same: (a: T, b: T) => boolean, written: () => number): T {
  const fewest = check(0);
  return same(fewest, check(Infinity)) ? fewest : check(written());
}

/** A recomputed statement, its decimals written asked for only where they matter (byWritten). */
function statementByWritten(compute: (written: number) => ComputedStatement, written: () => number): ComputedStatement {
  // Mismatches only add up as decimals are added: as many means the same ones.
  return byWritten(compute, (a, b) => a.mismatches.length === b.mismatches.length && a.unbalanced.length === b.unbalanced.length, written);
}

function checkStatements(out: Diagnostic[], t: TypedDoc, results: ÅretsResultat): void {
  const unit = unitOf(t.data);
  for (const key of STATEMENT_KEYS) {
    if (!isData(t.data[key])) continue;
    const st = STATEMENTS[key];
    const stated = statedFigures(st, t.data[key]);
    const computed = statementByWritten((w) => computeStatement(st, stated, undefined, w), () => writtenDecimals(t.doc, t.data[key] as Data));
    for (const m of computed.mismatches) {
      const c = shown(m.computed);
      if (c === undefined) continue;
      out.push(at("statement-sum-mismatch", figureAt(t, key, m.key, m.column), { statement: key, row: m.key, column: m.column, unit, stated: m.stated, computed: c }, str(t.data.id)));
    }
    for (const u of computed.unbalanced) {
      const [l, r] = [shown(u.leftValue), shown(u.rightValue)];
      if (l === undefined || r === undefined) continue;
      const where = [u.right, u.left].find((row) => stated.get(row)?.[u.column] !== undefined);
      const loc: Loc = where ? figureAt(t, key, where, u.column) : { doc: t.doc, obj: t.data, key, part: "key" };
      out.push(at("balance-sheet-unbalanced", loc, { column: u.column, tillgångar: l, skulder: r, unit }, str(t.data.id)));
    }
    signs(out, t, st, key, computed.wrongSign, unit);
  }
  if (!isData(t.data.balanskrav)) return;
  const stated = statedFigures(BALANSKRAV, t.data.balanskrav);
  const rr = results.of(t);
  const overrides = new Map<string, Figures>(rr !== undefined ? [["årets_resultat", { utfall: rr }]] : []);
  const computed = statementByWritten((w) => computeStatement(BALANSKRAV, stated, overrides, w), () => writtenDecimals(t.doc, t.data.balanskrav as Data, 1));
  const id = str(t.data.id);
  for (const m of computed.mismatches) {
    const c = shown(m.computed);
    if (c === undefined) continue;
    out.push(at("balanskrav-sum-mismatch", figureAt(t, "balanskrav", m.key, m.column), { row: m.key, stated: m.stated, computed: c, unit, source: "rows" }, id));
  }
  const own = stated.get("årets_resultat")?.utfall;
  if (own !== undefined && rr !== undefined && Math.abs(round(own - rr)) >= 0.001) {
    out.push(at("balanskrav-sum-mismatch", figureAt(t, "balanskrav", "årets_resultat", "utfall"), { row: "årets_resultat", stated: own, computed: rr, unit, source: "resultaträkning" }, id));
  }
  signs(out, t, BALANSKRAV, "balanskrav", computed.wrongSign, unit);
}

function signs(out: Diagnostic[], t: TypedDoc, st: Statement, key: string, wrong: ReturnType<typeof computeStatement>["wrongSign"], unit: string): void {
  for (const w of wrong) {
    // The balanskrav has one column: its name would say nothing.
    const column = st === BALANSKRAV ? "" : w.column;
    out.push(at("amount-sign", figureAt(t, key, w.key, w.column), { statement: key, row: w.key, column, value: w.value, sign: w.sign, unit }, str(t.data.id)));
  }
}
