// The financial statements of a follow-up period (format.md, "Ekonomin i uppföljningen"):
// resultaträkning, balansräkning, kassaflödesanalys and the balanskravsutredning, each
// recomputed by model/statements.ts and shown in the budget's unit. Kommun-wide: a model cut
// to a nämnd has none. Pure: takes the period's scope, returns data.
import { beloppsfaktor, isData, str, type TypedDoc } from "../model/build.js";
import { round } from "../model/round.js";
import {
  BALANSKRAV,
  COLUMNS,
  computeStatement,
  statedFigures,
  STATEMENT_KEYS,
  STATEMENTS,
  type BalanceMismatch,
  type Column,
  type Figures,
  type Statement,
  type SumMismatch,
} from "../model/statements.js";
import type { PeriodScope } from "./scope.js";

interface StatementRow {
  key: string;
  figures: Figures;
}

export interface StatementResult {
  /** The period the figures come from: the newest follow-up of the year up to the period that has them. */
  period: string;
  /** A helår follow-up: the utfall is the year's. */
  helår: boolean;
  /** Every row with a figure, in the statement's order: posts as stated, sums as recomputed. */
  rows: StatementRow[];
  /** Stated sums that differ from the recomputed ones (the table shows the recomputed). */
  mismatches: SumMismatch[];
  /** Rows that must balance and do not. */
  unbalanced: BalanceMismatch[];
  /** The follow-up's comment (balanskrav.kommentar). */
  kommentar?: string;
}

export interface Statements {
  resultaträkning?: StatementResult;
  balansräkning?: StatementResult;
  kassaflödesanalys?: StatementResult;
  balanskrav?: StatementResult;
}

/**
 * The documents that state `key`: the kommun's own follow-ups (no `organ`) of the newest
 * period of the year up to the asked one that has it, in plan order (a later file wins a row).
 */
function sourcesOf(s: PeriodScope, key: string): TypedDoc[] {
  const docs = s.followUps.filter((d) => str(d.data.organ) === undefined && isData(d.data[key]));
  const period = docs.reduce<string | undefined>((p, d) => (p === undefined || str(d.data.period)! > p ? str(d.data.period) : p), undefined);
  return docs.filter((d) => str(d.data.period) === period);
}

const scaled = (f: Figures, k: number): Figures => {
  const out: Figures = {};
  for (const c of COLUMNS) if (f[c] !== undefined) out[c] = k === 1 ? f[c] : round(f[c]! * k);
  return out;
};

/**
 * One statement from its documents, computed in the unit of the first of them (so the rounding
 * tolerance is the one the figures were written with) and then converted to `unit`
 * (tkr per unit of the report). `override` fills rows taken from elsewhere, in tkr-per-unit of the report.
 */
function statementOf(st: Statement, docs: readonly TypedDoc[], unit: number, override?: Map<string, Figures>): StatementResult | undefined {
  if (docs.length === 0) return undefined;
  const first = docs[0]!;
  const own = beloppsfaktor(first.data);
  const stated = new Map<string, Figures>();
  for (const d of docs) {
    const k = beloppsfaktor(d.data) / own;
    for (const [row, f] of statedFigures(st, d.data[st.key])) stated.set(row, scaled(f, k));
  }
  const over = override ? new Map([...override].map(([row, f]) => [row, scaled(f, unit / own)])) : undefined;
  const c = computeStatement(st, stated, over);
  const back = own / unit;
  const amount = (v: number): number => (back === 1 ? v : round(v * back));
  const rows: StatementRow[] = [];
  for (const line of st.lines) {
    const f = c.figures.get(line.key);
    if (f) rows.push({ key: line.key, figures: scaled(f, back) });
  }
  const kommentar = str((first.data[st.key] as Record<string, unknown>).kommentar);
  return {
    period: str(first.data.period)!,
    helår: str(first.data.rapport) === "helår",
    rows,
    mismatches: c.mismatches.map((m) => ({ ...m, stated: amount(m.stated), computed: amount(m.computed) })),
    unbalanced: c.unbalanced.map((u) => ({ ...u, leftValue: amount(u.leftValue), rightValue: amount(u.rightValue) })),
    ...(kommentar !== undefined ? { kommentar } : {}),
  };
}

/** The decimals a person wrote in a number (8.80 is read as 8.8: one). */
const decimals = (x: number): number => (String(x).split(".")[1] ?? "").length;

/**
 * The period's statements in the budget's unit (`beloppsenhet`). The balanskrav's årets
 * resultat defaults to the resultaträkning's (helår: utfall; delår: the prognos for the year);
 * a stated one that differs from it is reported as a mismatch of that row.
 */
export function statementsOf(s: PeriodScope, beloppsenhet: string): Statements {
  if (s.nämnd !== undefined) return {};
  const unit = beloppsfaktor({ beloppsenhet });
  const out: Statements = {};
  for (const key of STATEMENT_KEYS) {
    const r = statementOf(STATEMENTS[key], sourcesOf(s, key), unit);
    if (r) out[key] = r;
  }
  const bkDocs = sourcesOf(s, "balanskrav");
  if (bkDocs.length > 0) {
    const helår = str(bkDocs[0]!.data.rapport) === "helår";
    const column: Column = helår ? "utfall" : "prognos";
    const rr = out.resultaträkning?.rows.find((r) => r.key === "årets_resultat")?.figures[column];
    const override = rr !== undefined ? new Map([["årets_resultat", { utfall: rr }]]) : undefined;
    const bk = statementOf(BALANSKRAV, bkDocs, unit, override)!;
    const stated = bk.rows.find((r) => r.key === "årets_resultat")?.figures.utfall;
    if (rr !== undefined && stated !== undefined && Number(rr.toFixed(decimals(stated))) !== stated) {
      bk.mismatches.unshift({ key: "årets_resultat", column: "utfall", stated, computed: rr });
    }
    out.balanskrav = bk;
  }
  return out;
}
