// The financial statements of a follow-up (format.md, "Ekonomin i uppföljningen"): the rows
// of the kommunal normaluppställning for resultaträkning, balansräkning and
// kassaflödesanalys, and the rows of the balanskravsutredning. Each summing row says which
// rows it adds; the tool recomputes every sum, so a stated sum can be checked and a missing
// one filled in. Shared by the checks (which warn) and the status model (which reports).
import { isData, num } from "./build.js";
import { round } from "./round.js";

/** The figures a statement row can have. */
export type Column = "utfall" | "budget" | "prognos" | "föregående_år";
export const COLUMNS: readonly Column[] = ["utfall", "budget", "prognos", "föregående_år"];

export type StatementKey = "resultaträkning" | "balansräkning" | "kassaflödesanalys";
export const STATEMENT_KEYS: readonly StatementKey[] = ["resultaträkning", "balansräkning", "kassaflödesanalys"];

interface Line {
  key: string;
  sv: string;
  en: string;
  /** A summing row: the rows it adds (posts or earlier sums). A post has none. */
  terms?: readonly string[];
  /** The sign a post must have when it is not zero: costs are written negative. */
  sign?: "+" | "-";
  /** A heading row (no figures) or a row shown for information and in no sum ("varav", ansvarsförbindelser). */
  role?: "heading" | "memo";
}

export interface Statement {
  key: StatementKey | "balanskrav";
  sv: string;
  en: string;
  lines: readonly Line[];
  /** Pairs of summing rows that must be equal (a balance sheet balances). */
  balances?: readonly (readonly [string, string])[];
}

export const RESULTATRÄKNING: Statement = {
  key: "resultaträkning",
  sv: "Resultaträkning",
  en: "Income statement",
  lines: [
    { key: "verksamhetens_intäkter", sv: "Verksamhetens intäkter", en: "Operating income", sign: "+" },
    { key: "verksamhetens_kostnader", sv: "Verksamhetens kostnader", en: "Operating expenses", sign: "-" },
    { key: "avskrivningar", sv: "Avskrivningar", en: "Depreciation", sign: "-" },
    {
      key: "verksamhetens_nettokostnader",
      sv: "Verksamhetens nettokostnader",
      en: "Net operating costs",
      terms: ["verksamhetens_intäkter", "verksamhetens_kostnader", "avskrivningar"],
    },
    { key: "skatteintäkter", sv: "Skatteintäkter", en: "Tax revenue", sign: "+" },
    { key: "generella_statsbidrag_och_utjämning", sv: "Generella statsbidrag och utjämning", en: "General government grants and equalisation" },
    {
      key: "verksamhetens_resultat",
      sv: "Verksamhetens resultat",
      en: "Operating result",
      terms: ["verksamhetens_nettokostnader", "skatteintäkter", "generella_statsbidrag_och_utjämning"],
    },
    { key: "finansiella_intäkter", sv: "Finansiella intäkter", en: "Financial income", sign: "+" },
    { key: "finansiella_kostnader", sv: "Finansiella kostnader", en: "Financial expenses", sign: "-" },
    {
      key: "resultat_efter_finansiella_poster",
      sv: "Resultat efter finansiella poster",
      en: "Result after financial items",
      terms: ["verksamhetens_resultat", "finansiella_intäkter", "finansiella_kostnader"],
    },
    { key: "extraordinära_poster", sv: "Extraordinära poster", en: "Extraordinary items" },
    { key: "årets_resultat", sv: "Årets resultat", en: "Result for the year", terms: ["resultat_efter_finansiella_poster", "extraordinära_poster"] },
  ],
};

const BALANSRÄKNING: Statement = {
  key: "balansräkning",
  sv: "Balansräkning",
  en: "Balance sheet",
  lines: [
    { key: "tillgångar", sv: "Tillgångar", en: "Assets", role: "heading" },
    { key: "immateriella_anläggningstillgångar", sv: "Immateriella anläggningstillgångar", en: "Intangible assets", sign: "+" },
    { key: "materiella_anläggningstillgångar", sv: "Materiella anläggningstillgångar", en: "Tangible assets", sign: "+" },
    { key: "finansiella_anläggningstillgångar", sv: "Finansiella anläggningstillgångar", en: "Financial assets", sign: "+" },
    {
      key: "summa_anläggningstillgångar",
      sv: "Summa anläggningstillgångar",
      en: "Total non-current assets",
      terms: ["immateriella_anläggningstillgångar", "materiella_anläggningstillgångar", "finansiella_anläggningstillgångar"],
    },
    { key: "bidrag_till_infrastruktur", sv: "Bidrag till infrastruktur", en: "Contributions to infrastructure", sign: "+" },
    { key: "förråd", sv: "Förråd m.m.", en: "Inventories", sign: "+" },
    { key: "fordringar", sv: "Fordringar", en: "Receivables", sign: "+" },
    { key: "kortfristiga_placeringar", sv: "Kortfristiga placeringar", en: "Short-term investments", sign: "+" },
    { key: "kassa_och_bank", sv: "Kassa och bank", en: "Cash and bank", sign: "+" },
    {
      key: "summa_omsättningstillgångar",
      sv: "Summa omsättningstillgångar",
      en: "Total current assets",
      terms: ["förråd", "fordringar", "kortfristiga_placeringar", "kassa_och_bank"],
    },
    {
      key: "summa_tillgångar",
      sv: "Summa tillgångar",
      en: "Total assets",
      terms: ["summa_anläggningstillgångar", "bidrag_till_infrastruktur", "summa_omsättningstillgångar"],
    },
    { key: "eget_kapital_avsättningar_och_skulder", sv: "Eget kapital, avsättningar och skulder", en: "Equity, provisions and liabilities", role: "heading" },
    { key: "eget_kapital", sv: "Eget kapital", en: "Equity" },
    { key: "varav_årets_resultat", sv: "därav årets resultat", en: "of which result for the year", role: "memo" },
    { key: "varav_resultatreserv", sv: "därav resultatreserv", en: "of which result reserve", role: "memo" },
    { key: "avsättningar_för_pensioner", sv: "Avsättningar för pensioner och liknande förpliktelser", en: "Provisions for pensions", sign: "+" },
    { key: "andra_avsättningar", sv: "Andra avsättningar", en: "Other provisions", sign: "+" },
    { key: "summa_avsättningar", sv: "Summa avsättningar", en: "Total provisions", terms: ["avsättningar_för_pensioner", "andra_avsättningar"] },
    { key: "långfristiga_skulder", sv: "Långfristiga skulder", en: "Long-term liabilities", sign: "+" },
    { key: "kortfristiga_skulder", sv: "Kortfristiga skulder", en: "Current liabilities", sign: "+" },
    { key: "summa_skulder", sv: "Summa skulder", en: "Total liabilities", terms: ["långfristiga_skulder", "kortfristiga_skulder"] },
    {
      key: "summa_eget_kapital_avsättningar_och_skulder",
      sv: "Summa eget kapital, avsättningar och skulder",
      en: "Total equity, provisions and liabilities",
      terms: ["eget_kapital", "summa_avsättningar", "summa_skulder"],
    },
    { key: "ansvarsförbindelser", sv: "Panter och ansvarsförbindelser", en: "Pledges and contingent liabilities", role: "heading" },
    {
      key: "pensionsförpliktelser_utanför_balansräkningen",
      sv: "Pensionsförpliktelser som inte tagits upp bland skulder eller avsättningar",
      en: "Pension obligations not recognised as liabilities or provisions",
      role: "memo",
    },
    { key: "borgensförbindelser", sv: "Borgensförbindelser och övriga ansvarsförbindelser", en: "Guarantees and other contingent liabilities", role: "memo" },
  ],
  balances: [["summa_tillgångar", "summa_eget_kapital_avsättningar_och_skulder"]],
};

const KASSAFLÖDESANALYS: Statement = {
  key: "kassaflödesanalys",
  sv: "Kassaflödesanalys",
  en: "Cash flow statement",
  lines: [
    { key: "den_löpande_verksamheten", sv: "Den löpande verksamheten", en: "Operating activities", role: "heading" },
    { key: "årets_resultat", sv: "Årets resultat", en: "Result for the year" },
    { key: "justering_för_av_och_nedskrivningar", sv: "Justering för av- och nedskrivningar", en: "Adjustment for depreciation and impairment" },
    { key: "justering_för_gjorda_avsättningar", sv: "Justering för gjorda avsättningar", en: "Adjustment for provisions made" },
    { key: "justering_för_övriga_ej_likviditetspåverkande_poster", sv: "Justering för övriga ej likviditetspåverkande poster", en: "Adjustment for other non-cash items" },
    {
      key: "medel_från_verksamheten_före_förändring_av_rörelsekapital",
      sv: "Medel från verksamheten före förändring av rörelsekapital",
      en: "Cash from operations before changes in working capital",
      terms: ["årets_resultat", "justering_för_av_och_nedskrivningar", "justering_för_gjorda_avsättningar", "justering_för_övriga_ej_likviditetspåverkande_poster"],
    },
    { key: "förändring_förråd", sv: "Ökning (−) / minskning (+) av förråd", en: "Increase (−) / decrease (+) in inventories" },
    { key: "förändring_kortfristiga_fordringar", sv: "Ökning (−) / minskning (+) av kortfristiga fordringar", en: "Increase (−) / decrease (+) in current receivables" },
    { key: "förändring_kortfristiga_skulder", sv: "Ökning (+) / minskning (−) av kortfristiga skulder", en: "Increase (+) / decrease (−) in current liabilities" },
    {
      key: "kassaflöde_från_den_löpande_verksamheten",
      sv: "Kassaflöde från den löpande verksamheten",
      en: "Cash flow from operating activities",
      terms: ["medel_från_verksamheten_före_förändring_av_rörelsekapital", "förändring_förråd", "förändring_kortfristiga_fordringar", "förändring_kortfristiga_skulder"],
    },
    { key: "investeringsverksamheten", sv: "Investeringsverksamheten", en: "Investing activities", role: "heading" },
    { key: "investering_i_immateriella_anläggningstillgångar", sv: "Investering i immateriella anläggningstillgångar", en: "Investment in intangible assets", sign: "-" },
    { key: "investering_i_materiella_anläggningstillgångar", sv: "Investering i materiella anläggningstillgångar", en: "Investment in tangible assets", sign: "-" },
    { key: "försäljning_av_materiella_anläggningstillgångar", sv: "Försäljning av materiella anläggningstillgångar", en: "Sale of tangible assets", sign: "+" },
    { key: "investering_i_finansiella_anläggningstillgångar", sv: "Investering i finansiella anläggningstillgångar", en: "Investment in financial assets", sign: "-" },
    { key: "försäljning_av_finansiella_anläggningstillgångar", sv: "Försäljning av finansiella anläggningstillgångar", en: "Sale of financial assets", sign: "+" },
    {
      key: "kassaflöde_från_investeringsverksamheten",
      sv: "Kassaflöde från investeringsverksamheten",
      en: "Cash flow from investing activities",
      terms: [
        "investering_i_immateriella_anläggningstillgångar",
        "investering_i_materiella_anläggningstillgångar",
        "försäljning_av_materiella_anläggningstillgångar",
        "investering_i_finansiella_anläggningstillgångar",
        "försäljning_av_finansiella_anläggningstillgångar",
      ],
    },
    { key: "finansieringsverksamheten", sv: "Finansieringsverksamheten", en: "Financing activities", role: "heading" },
    { key: "nyupptagna_lån", sv: "Nyupptagna lån", en: "New borrowing", sign: "+" },
    { key: "amortering_av_skuld", sv: "Amortering av skuld", en: "Repayment of debt", sign: "-" },
    {
      key: "kassaflöde_från_finansieringsverksamheten",
      sv: "Kassaflöde från finansieringsverksamheten",
      en: "Cash flow from financing activities",
      terms: ["nyupptagna_lån", "amortering_av_skuld"],
    },
    { key: "utbetalning_av_bidrag_till_infrastruktur", sv: "Utbetalning av bidrag till statlig infrastruktur", en: "Payment of contributions to infrastructure", sign: "-" },
    {
      key: "årets_kassaflöde",
      sv: "Årets kassaflöde",
      en: "Cash flow for the year",
      terms: [
        "kassaflöde_från_den_löpande_verksamheten",
        "kassaflöde_från_investeringsverksamheten",
        "kassaflöde_från_finansieringsverksamheten",
        "utbetalning_av_bidrag_till_infrastruktur",
      ],
    },
    { key: "likvida_medel_vid_årets_början", sv: "Likvida medel vid årets början", en: "Cash and cash equivalents at the beginning of the year", sign: "+" },
    {
      key: "likvida_medel_vid_årets_slut",
      sv: "Likvida medel vid årets slut",
      en: "Cash and cash equivalents at the end of the year",
      terms: ["årets_kassaflöde", "likvida_medel_vid_årets_början"],
    },
  ],
};

/**
 * Balanskravsutredningen (kommunallagen 11 kap. 12 §, LKBR 11 kap.): each adjustment is
 * written with the sign it has in the sum, as in the uppställning (a deduction is negative).
 * One column: the year's figure in a helår follow-up, the forecast for the year in a delår.
 */
export const BALANSKRAV: Statement = {
  key: "balanskrav",
  sv: "Balanskravsutredning",
  en: "Balanced budget requirement",
  lines: [
    { key: "årets_resultat", sv: "Årets resultat enligt resultaträkningen", en: "Result for the year per the income statement" },
    { key: "samtliga_realisationsvinster", sv: "Reducering av samtliga realisationsvinster", en: "Less all capital gains", sign: "-" },
    { key: "realisationsvinster_enligt_undantag", sv: "Vissa realisationsvinster enligt undantagsmöjlighet", en: "Certain capital gains under the exception", sign: "+" },
    { key: "realisationsförluster_enligt_undantag", sv: "Vissa realisationsförluster enligt undantagsmöjlighet", en: "Certain capital losses under the exception", sign: "+" },
    { key: "orealiserade_vinster_och_förluster_i_värdepapper", sv: "Orealiserade vinster och förluster i värdepapper", en: "Unrealised gains and losses on securities" },
    {
      key: "återföring_orealiserade_vinster_och_förluster_i_värdepapper",
      sv: "Återföring av orealiserade vinster och förluster i värdepapper",
      en: "Reversal of unrealised gains and losses on securities",
    },
    {
      key: "resultat_efter_balanskravsjusteringar",
      sv: "Årets resultat efter balanskravsjusteringar",
      en: "Result after balanced budget adjustments",
      terms: [
        "årets_resultat",
        "samtliga_realisationsvinster",
        "realisationsvinster_enligt_undantag",
        "realisationsförluster_enligt_undantag",
        "orealiserade_vinster_och_förluster_i_värdepapper",
        "återföring_orealiserade_vinster_och_förluster_i_värdepapper",
      ],
    },
    { key: "till_resultatreserv", sv: "Medel till resultatreserv", en: "Transfer to the result reserve", sign: "-" },
    { key: "från_resultatreserv", sv: "Medel från resultatreserv", en: "Transfer from the result reserve", sign: "+" },
    {
      key: "balanskravsresultat",
      sv: "Årets balanskravsresultat",
      en: "Balanced budget result for the year",
      terms: ["resultat_efter_balanskravsjusteringar", "till_resultatreserv", "från_resultatreserv"],
    },
    {
      key: "att_återställa_från_tidigare_år",
      sv: "Balanskravsunderskott från tidigare år att återställa",
      en: "Deficits from earlier years still to be restored",
      role: "memo",
    },
  ],
};

export const STATEMENTS: Readonly<Record<StatementKey, Statement>> = {
  resultaträkning: RESULTATRÄKNING,
  balansräkning: BALANSRÄKNING,
  kassaflödesanalys: KASSAFLÖDESANALYS,
};

/** The row keys a statement accepts in the files (headings are not written). */
export const writableKeys = (st: Statement): string[] => st.lines.filter((l) => l.role !== "heading").map((l) => l.key);

export type Figures = Partial<Record<Column, number>>;

/**
 * The figures stated in a follow-up for one statement: a row is a mapping of columns, or a
 * bare number meaning its `utfall`. Unknown keys and `x-` keys are left out. The balanskrav
 * has one column: read it with `column: "utfall"` (its bare numbers).
 */
export function statedFigures(st: Statement, value: unknown): Map<string, Figures> {
  const out = new Map<string, Figures>();
  if (!isData(value)) return out;
  for (const line of st.lines) {
    if (line.role === "heading" || !Object.hasOwn(value, line.key)) continue;
    const v = value[line.key];
    const figures: Figures = {};
    if (num(v) !== undefined) figures.utfall = num(v)!;
    else if (isData(v)) for (const c of COLUMNS) if (num(v[c]) !== undefined) figures[c] = num(v[c])!;
    if (Object.keys(figures).length > 0) out.set(line.key, figures);
  }
  return out;
}

/** Decimals written in a number as a person writes it (0.1 → 1, 12 → 0). */
function decimalsOf(x: number): number {
  const s = String(x);
  if (s.includes("e")) return 6;
  const dot = s.indexOf(".");
  return dot < 0 ? 0 : s.length - dot - 1;
}

export interface SumMismatch {
  key: string;
  column: Column;
  stated: number;
  computed: number;
}

export interface BalanceMismatch {
  left: string;
  right: string;
  column: Column;
  leftValue: number;
  rightValue: number;
}

export interface ComputedStatement {
  /** Every row's figures: posts as stated, sums as computed from their terms. */
  figures: Map<string, Figures>;
  /** Stated sums that differ from the computed ones by more than rounding. */
  mismatches: SumMismatch[];
  /** Rows that must balance and do not. */
  unbalanced: BalanceMismatch[];
  /** Posts whose sign is wrong: a cost written positive, an income negative. */
  wrongSign: { key: string; column: Column; value: number; sign: "+" | "-" }[];
}

/**
 * The tolerance for comparing a sum with its terms: half a unit of the last decimal written,
 * for each number in the sum (the rounding each of them may carry). `written` is the decimals
 * the file writes its figures with, where known: YAML reads 95.0 as 95.
 */
function tolerance(values: readonly number[], written: number): number {
  const d = values.reduce((m, v) => Math.max(m, decimalsOf(v)), written);
  return values.length * 0.5 * 10 ** -d + 1e-9;
}

/**
 * Recompute a statement: each summing row is the sum of its terms (the computed value of a
 * summing term) for every column where at least one term has a figure. Stated sums are
 * checked against it. `overrides` fills posts that are taken from elsewhere (the
 * balanskrav's årets resultat from the resultaträkning) when the file does not state them.
 * `written`: the decimals the file writes its figures with (load/locate.ts `writtenDecimals`).
 */
export function computeStatement(
  st: Statement,
  stated: ReadonlyMap<string, Figures>,
  overrides?: ReadonlyMap<string, Figures>,
  written = 0,
): ComputedStatement {
  const figures = new Map<string, Figures>();
  const mismatches: SumMismatch[] = [];
  const wrongSign: ComputedStatement["wrongSign"] = [];
  /** The numbers behind each computed figure, for the rounding tolerance. */
  const leaves = new Map<string, Partial<Record<Column, number[]>>>();
  for (const line of st.lines) {
    if (line.role === "heading") continue;
    const own = stated.get(line.key) ?? overrides?.get(line.key);
    if (!line.terms) {
      if (own) {
        figures.set(line.key, own);
        const l: Partial<Record<Column, number[]>> = {};
        for (const c of COLUMNS) {
          const v = own[c];
          if (v === undefined) continue;
          l[c] = [v];
          if (line.sign && v !== 0 && (line.sign === "-") !== v < 0) wrongSign.push({ key: line.key, column: c, value: v, sign: line.sign });
        }
        leaves.set(line.key, l);
      }
      continue;
    }
    const sum: Figures = {};
    const sumLeaves: Partial<Record<Column, number[]>> = {};
    for (const c of COLUMNS) {
      const parts = line.terms.map((t) => figures.get(t)?.[c]).filter((v): v is number => v !== undefined);
      if (parts.length === 0) continue;
      sum[c] = round(parts.reduce((a, b) => a + b, 0));
      sumLeaves[c] = line.terms.flatMap((t) => leaves.get(t)?.[c] ?? []);
    }
    const statedSum = stated.get(line.key);
    for (const c of COLUMNS) {
      const s = statedSum?.[c];
      if (s === undefined) continue;
      const computed = sum[c];
      if (computed === undefined) {
        // Nothing to check against: the stated sum stands.
        sum[c] = s;
        sumLeaves[c] = [s];
      } else if (Math.abs(s - computed) > tolerance([...(sumLeaves[c] ?? []), s], written)) {
        mismatches.push({ key: line.key, column: c, stated: s, computed });
      }
    }
    if (Object.keys(sum).length > 0) {
      figures.set(line.key, sum);
      leaves.set(line.key, sumLeaves);
    }
  }
  const unbalanced: BalanceMismatch[] = [];
  for (const [left, right] of st.balances ?? []) {
    for (const c of COLUMNS) {
      const a = figures.get(left)?.[c];
      const b = figures.get(right)?.[c];
      if (a === undefined || b === undefined) continue;
      const tol = tolerance([...(leaves.get(left)?.[c] ?? []), ...(leaves.get(right)?.[c] ?? [])], written);
      if (Math.abs(a - b) > tol) unbalanced.push({ left, right, column: c, leftValue: a, rightValue: b });
    }
  }
  return { figures, mismatches, unbalanced, wrongSign };
}
