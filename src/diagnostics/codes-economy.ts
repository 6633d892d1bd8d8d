// Codes about the figures of the economy: amounts read in the wrong unit, a driftredovisning
// that leaves a nämnd out, budgets that are not the KF ram, statements that do not add up.
// Row, column and statement names are the keys of the files (resultaträkning, utfall, …),
// the same words in both languages.
import { entry, q } from "./entry.js";

/** " (column)" unless the statement has one column only (the balanskrav). */
const col = (a: { column: string }): string => (a.column ? ` (${a.column})` : "");

export const ECONOMY_CODES = {
  "amount-without-unit": entry({
    severity: "warning",
    summary: {
      en: "A document with amounts and no beloppsenhet: its amounts are read as tkr.",
      sv: "Ett dokument med belopp men utan beloppsenhet: beloppen läses som tkr.",
    },
    en: (a: { kind: string; id: string; field: string }) =>
      `${a.kind} ${q(a.id)} has amounts (${a.field}) but no beloppsenhet, so they are read as tkr; write beloppsenhet: tkr or mnkr`,
    sv: (a) => `${a.kind} ${q(a.id)} har belopp (${a.field}) men ingen beloppsenhet, så de läses som tkr; skriv beloppsenhet: tkr eller mnkr`,
  }),
  "economy-organ-missing": entry({
    severity: "warning",
    summary: {
      en: "A period's follow-ups have ekonomi rows, but none for a nämnd with a ram in the year's budget.",
      sv: "En periods uppföljningar har ekonomirader, men ingen för en nämnd som har en ram i årets budget.",
    },
    en: (a: { period: string; organ: string; ram: number; unit: string; budgetFile: string }) =>
      `the follow-ups of ${a.period} have no ekonomi row for ${q(a.organ)}, which has a ram of ${a.ram} ${a.unit} in ${a.budgetFile}; the total leaves it out`,
    sv: (a) => `uppföljningarna för ${a.period} saknar ekonomirad för ${q(a.organ)}, som har en ram på ${a.ram} ${a.unit} i ${a.budgetFile}; summan omfattar inte nämnden`,
  }),
  "budget-differs-from-ram": entry({
    severity: "warning",
    summary: {
      en: "A follow-up ekonomi budget that differs from the KF ram plus the recorded ramjusteringar.",
      sv: "En uppföljnings budget i ekonomi som skiljer sig från KF:s ram plus de ramjusteringar som skrivits in.",
    },
    en: (a: { organ: string; stated: number; ram: number; justeringar: number; expected: number; unit: string; budgetFile: string }) =>
      `budget ${a.stated} ${a.unit} for ${q(a.organ)} differs from its ram ${a.ram} ${a.unit} in ${a.budgetFile}` +
      `${a.justeringar !== 0 ? ` plus ramjusteringar ${a.justeringar} ${a.unit}, ${a.expected} ${a.unit}` : ""}; record the change under ramjusteringar or correct the budget`,
    sv: (a) =>
      `budgeten ${a.stated} ${a.unit} för ${q(a.organ)} skiljer sig från ramen ${a.ram} ${a.unit} i ${a.budgetFile}` +
      `${a.justeringar !== 0 ? ` plus ramjusteringar ${a.justeringar} ${a.unit}, ${a.expected} ${a.unit}` : ""}; skriv ändringen under ramjusteringar eller rätta budgeten`,
  }),
  "statement-sum-mismatch": entry({
    severity: "warning",
    summary: {
      en: "A stated sum of a resultaträkning, balansräkning or kassaflödesanalys that differs from the sum of its rows.",
      sv: "En angiven summa i en resultaträkning, balansräkning eller kassaflödesanalys som skiljer sig från summan av raderna.",
    },
    en: (a: { statement: string; row: string; column: string; unit: string; stated: number; computed: number }) =>
      `${a.row} in ${a.statement}${col(a)} is ${a.stated} ${a.unit}, but its rows add up to ${a.computed} ${a.unit}`,
    sv: (a) => `${a.row} i ${a.statement}${col(a)} är ${a.stated} ${a.unit}, men raderna summerar till ${a.computed} ${a.unit}`,
  }),
  "balance-sheet-unbalanced": entry({
    severity: "warning",
    summary: {
      en: "A balansräkning whose total assets differ from its total equity, provisions and liabilities.",
      sv: "En balansräkning där summa tillgångar skiljer sig från summa eget kapital, avsättningar och skulder.",
    },
    en: (a: { column: string; tillgångar: number; skulder: number; unit: string }) =>
      `balansräkning (${a.column}) does not balance: summa_tillgångar is ${a.tillgångar} ${a.unit}, summa_eget_kapital_avsättningar_och_skulder ${a.skulder} ${a.unit}`,
    sv: (a) =>
      `balansräkningen (${a.column}) balanserar inte: summa_tillgångar är ${a.tillgångar} ${a.unit}, summa_eget_kapital_avsättningar_och_skulder ${a.skulder} ${a.unit}`,
  }),
  "balanskrav-sum-mismatch": entry({
    severity: "warning",
    summary: {
      en: "A stated sum of the balanskrav, or its årets_resultat, that differs from the recomputed figure.",
      sv: "En angiven summa i balanskravsutredningen, eller dess årets_resultat, som skiljer sig från den omräknade.",
    },
    en: (a: { row: string; stated: number; computed: number; unit: string; source: "rows" | "resultaträkning" }) =>
      `${a.row} in balanskrav is ${a.stated} ${a.unit}, but ${a.source === "rows" ? "its rows add up to" : "the resultaträkning's årets_resultat is"} ${a.computed} ${a.unit}`,
    sv: (a) =>
      `${a.row} i balanskrav är ${a.stated} ${a.unit}, men ${a.source === "rows" ? "raderna summerar till" : "resultaträkningens årets_resultat är"} ${a.computed} ${a.unit}`,
  }),
  "amount-sign": entry({
    severity: "warning",
    summary: {
      en: "A statement post written with the wrong sign: costs and deductions are negative, income and assets positive.",
      sv: "En post i en räkning med fel tecken: kostnader och avdrag är negativa, intäkter och tillgångar positiva.",
    },
    en: (a: { statement: string; row: string; column: string; unit: string; value: number; sign: "+" | "-" }) =>
      `${a.row} in ${a.statement}${col(a)} is ${a.value} ${a.unit}; it is written ${a.sign === "-" ? "negative (a cost or deduction)" : "positive"}`,
    sv: (a) => `${a.row} i ${a.statement}${col(a)} är ${a.value} ${a.unit}; posten skrivs ${a.sign === "-" ? "negativ (en kostnad eller ett avdrag)" : "positiv"}`,
  }),
  "amount-magnitude": entry({
    severity: "warning",
    summary: {
      en: "A follow-up amount 100 times larger or smaller than the budgeted figure: likely a unit mistake.",
      sv: "Ett belopp i en uppföljning som är 100 gånger större eller mindre än det budgeterade: troligen fel enhet.",
    },
    en: (a: { field: string; avser: string; value: number; unit: string; budgeted: number; budgetUnit: string; larger: boolean; against: "ram" | "investering"; others?: number }) =>
      `${a.field} ${a.value} ${a.unit} for ${q(a.avser)} is ${a.larger ? "100 times or more" : "a hundredth or less of"} ` +
      `${a.against === "ram" ? "its ram" : "the budget's amount"}, ${a.budgeted} ${a.budgetUnit}` +
      `${a.others ? ` (and ${a.others} more ${a.others === 1 ? "figure" : "figures"} of this document)` : ""}; check beloppsenhet`,
    sv: (a) =>
      `${a.field} ${a.value} ${a.unit} för ${q(a.avser)} är ${a.larger ? "minst 100 gånger" : "högst en hundradel av"} ` +
      `${a.against === "ram" ? "ramen" : "budgetens belopp"}, ${a.budgeted} ${a.budgetUnit}` +
      `${a.others ? ` (och ${a.others} ${a.others === 1 ? "belopp" : "belopp"} till i dokumentet)` : ""}; kontrollera beloppsenhet`,
  }),
};
