// The economy guards by class rather than by example (test/rules.test.ts has one case per
// code): what they accept, the units they convert, and hostile figures that must not throw
// or print "NaN". In-process on the base plan with files changed in memory.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { formatMessage, type Code, type Diagnostic } from "../src/diagnostics/index.js";
import { checkFiles, overlayFiles } from "./helpers/memory-plan.js";
import { BASE, FIXTURES } from "./helpers/plan-dir.js";

const ECONOMY: readonly Code[] = [
  "amount-without-unit",
  "economy-organ-missing",
  "budget-differs-from-ram",
  "statement-sum-mismatch",
  "balance-sheet-unbalanced",
  "balanskrav-sum-mismatch",
  "amount-sign",
  "amount-magnitude",
];

const UF = "uppfoljning/2025-08-delar.yaml";
const BUDGET = "budget/2025.yaml";
const RÄKENSKAPER = "uppfoljning/2025-08-rakenskaper.yaml";
const uf = readFileSync(`${BASE}/${UF}`, "utf8");
const budget = readFileSync(`${BASE}/${BUDGET}`, "utf8");
const räkenskaper = readFileSync(`${FIXTURES}economy/${RÄKENSKAPER}`, "utf8");
const KS_ROW = "{ organ: KS, budget: 150.0, utfall: 98.1, prognos: 149.0 }";
const BUN_ROW = "{ organ: BUN, budget: 600.0, utfall: 402.5, prognos: 604.0 }";

/** `text` with `from` replaced, failing when `from` is not in it (a stale test changes nothing). */
function edit(text: string, from: string, to: string): string {
  expect(text, `${JSON.stringify(from)} is in the file`).toContain(from);
  return text.replace(from, to);
}

/** The economy diagnostics of the base plan (with the clean statements) and these files. */
function economy(files: Record<string, string>): Diagnostic[] {
  const all = checkFiles(overlayFiles(["economy"], files));
  // No message of any diagnostic may show a figure that is not one.
  for (const d of all) for (const lang of ["en", "sv"] as const) expect(formatMessage(d, lang)).not.toMatch(/NaN|Infinity|undefined|\[object/u);
  return all.filter((d) => ECONOMY.includes(d.code));
}

const brief = (ds: readonly Diagnostic[]): string[] => ds.map((d) => `${d.code} ${d.file}:${d.line} ${d.id ?? ""}`);

describe("the economy guards accept what is right", () => {
  it("the base plan with a resultaträkning, balansräkning and balanskrav that add up gives none", () => {
    expect(brief(economy({}))).toEqual([]);
  });

  it("sums within rounding are accepted, one decimal too far is not", () => {
    // 95.0 − 570.0 − 20.0 + 400.0 + 110.0 + 2.0 − 4.0 = 13.0, eight figures of one decimal: ±0.4.
    const within = edit(räkenskaper, "årets_resultat: { utfall: 13.0,", "årets_resultat: { utfall: 13.3,");
    expect(brief(economy({ [RÄKENSKAPER]: within }))).toEqual([]);
    const beyond = edit(räkenskaper, "årets_resultat: { utfall: 13.0,", "årets_resultat: { utfall: 13.5,");
    expect(brief(economy({ [RÄKENSKAPER]: beyond }))).toEqual([`statement-sum-mismatch ${RÄKENSKAPER}:14 UF2025-08-R`]);
  });

  it("figures written as 95.0 are compared to their written decimal, though YAML reads them as whole numbers", () => {
    // Every figure is written with one decimal, each reads as a whole number: ±0.4, not ±4.
    const off = edit(räkenskaper, "årets_resultat: { utfall: 13.0,", "årets_resultat: { utfall: 14.0,");
    expect(brief(economy({ [RÄKENSKAPER]: off }))).toEqual([`statement-sum-mismatch ${RÄKENSKAPER}:14 UF2025-08-R`]);
    // The same with every figure written whole (1.8 − 3.8 as 2 − 4): ±4, and 14 against 13 passes.
    const whole = edit(edit(off, "föregående_år: 1.8,", "föregående_år: 2,"), "föregående_år: -3.8,", "föregående_år: -4,").replace(/(\d)\.0\b/gu, "$1");
    expect(whole).not.toMatch(/\d\.\d/u);
    expect(brief(economy({ [RÄKENSKAPER]: whole }))).toEqual([]);
  });

  it("a ramjustering recorded on the row explains a budget above the ram", () => {
    const adjusted = edit(uf, KS_ROW, "{ organ: KS, budget: 152.5, utfall: 98.1, prognos: 149.0, ramjusteringar: [{ belopp: 2.0 }, { belopp: 0.5, text: Lönerevision }] }");
    expect(brief(economy({ [UF]: adjusted }))).toEqual([]);
    const short = edit(uf, KS_ROW, "{ organ: KS, budget: 152.5, utfall: 98.1, prognos: 149.0, ramjusteringar: [{ belopp: 2.0 }] }");
    const [d] = economy({ [UF]: short });
    expect(d && brief([d])).toEqual([`budget-differs-from-ram ${UF}:14 KS`]);
    // The message names the stated budget, the ram, the adjustments and what they make.
    expect(formatMessage(d!, "sv")).toMatch(/152\.5 mnkr.*ramen 150 mnkr.*ramjusteringar 2 mnkr, 152 mnkr/u);
  });

  it("compares across units: a follow-up in tkr against a budget in mnkr", () => {
    const tkr = edit(edit(edit(uf, "beloppsenhet: mnkr", "beloppsenhet: tkr"), KS_ROW, "{ organ: KS, budget: 150000, utfall: 98100, prognos: 149000 }"), BUN_ROW, "{ organ: BUN, budget: 600000, utfall: 402500 }");
    expect(brief(economy({ [UF]: tkr }))).toEqual([]);
    const off = edit(tkr, "budget: 150000", "budget: 150400");
    expect(brief(economy({ [UF]: off }))).toEqual([`budget-differs-from-ram ${UF}:14 KS`]);
  });

  it("a ram in tkr against a follow-up in mnkr is compared as far as the follow-up's decimals go", () => {
    const inTkr = edit(edit(edit(budget, "beloppsenhet: mnkr", "beloppsenhet: tkr"), "{ organ: KS, belopp: 150.0 }", "{ organ: KS, belopp: 150432 }"), "{ organ: BUN, belopp: 600.0 }", "{ organ: BUN, belopp: 600000 }");
    const files = { [BUDGET]: inTkr, "namnder/KS/2025.yaml": edit(readFileSync(`${BASE}/namnder/KS/2025.yaml`, "utf8"), "belopp: 50.0", "belopp: 50.432") };
    const rounded = edit(uf, KS_ROW, "{ organ: KS, budget: 150.4, utfall: 98.1, prognos: 149.0 }");
    expect(brief(economy({ ...files, [UF]: rounded }))).toEqual([]);
    const wrong = edit(uf, KS_ROW, "{ organ: KS, budget: 150.5, utfall: 98.1, prognos: 149.0 }");
    expect(brief(economy({ ...files, [UF]: wrong }))).toEqual([`budget-differs-from-ram ${UF}:14 KS`]);
  });

  it("the balanskrav starts from the resultaträkning's utfall in a helår, its prognos otherwise", () => {
    const own = edit(räkenskaper, "  samtliga_realisationsvinster: -1.0", "  årets_resultat: 13.0\n  samtliga_realisationsvinster: -1.0");
    const noSums = own.replace(/^ {2}(resultat_efter_balanskravsjusteringar|balanskravsresultat):.*\n/gmu, "");
    // 13.0 is the utfall (jan–aug): a delår's balanskrav is the forecast for the year, 11.0.
    expect(brief(economy({ [RÄKENSKAPER]: noSums }))).toEqual([`balanskrav-sum-mismatch ${RÄKENSKAPER}:26 UF2025-08-R`]);
    const helår = edit(edit(noSums, "rapport: delår", "rapport: helår"), "period: 2025-08", "period: 2025-12");
    expect(brief(economy({ [RÄKENSKAPER]: helår }))).toEqual([]);
  });

  it("the resultaträkning of another follow-up of the period is the balanskrav's starting point", () => {
    const [head, rest] = räkenskaper.split("balansräkning:\n") as [string, string];
    const onlyRr = head;
    const onlyBalanskrav = `typ: uppföljning\nid: UF2025-08-B\nperiod: 2025-08\nrapport: delår\nbeloppsenhet: mnkr\nbalansräkning:\n${rest}`.replace("balanskravsresultat: 8.0", "balanskravsresultat: 8.5");
    expect(brief(economy({ [RÄKENSKAPER]: onlyRr, "uppfoljning/2025-08-balanskrav.yaml": onlyBalanskrav }))).toEqual([
      "balanskrav-sum-mismatch uppfoljning/2025-08-balanskrav.yaml:20 UF2025-08-B",
    ]);
  });
});

describe("economy-organ-missing", () => {
  it("a nämnd's row in its own follow-up of the period counts", () => {
    const kommun = uf.replace(`  - ${BUN_ROW}\n`, "");
    const own = `typ: uppföljning\nid: UF2025-08-BUN\nperiod: 2025-08\nrapport: delår\norgan: BUN\nbeloppsenhet: mnkr\nekonomi:\n  - ${BUN_ROW}\n`;
    expect(brief(economy({ [UF]: kommun }))).toEqual([`economy-organ-missing ${UF}:13 BUN`]);
    expect(brief(economy({ [UF]: kommun, "uppfoljning/2025-08-delar-BUN.yaml": own }))).toEqual([]);
  });

  it("a period whose whole-kommun follow-ups have no ekonomi is not held to it", () => {
    const april = "typ: uppföljning\nid: UF2025-04\nperiod: 2025-04\nrapport: månad\nbeloppsenhet: mnkr\nnyckeltal:\n  - { avser: ORT-Å1, utfall: 3.2 }\n";
    expect(brief(economy({ "uppfoljning/2025-04-manad.yaml": april }))).toEqual([]);
    const withKs = `${april}ekonomi:\n  - ${KS_ROW}\n`;
    expect(brief(economy({ "uppfoljning/2025-04-manad.yaml": withKs }))).toEqual(["economy-organ-missing uppfoljning/2025-04-manad.yaml:8 BUN"]);
  });

  it("a bolag with a ram is not required, a new nämnd with a ram is", () => {
    const plan = readFileSync(`${BASE}/plan.yaml`, "utf8");
    const organs = `${plan}  - { id: FAB, namn: Fastighets AB, typ: bolag }\n  - { id: MHN, namn: Miljönämnden, typ: nämnd }\n`;
    const ramar = `${budget}  - { organ: FAB, belopp: 2.0 }\n  - { organ: MHN, belopp: 9.0 }\n`;
    expect(brief(economy({ "plan.yaml": organs, [BUDGET]: ramar }))).toEqual([`economy-organ-missing ${UF}:13 MHN`]);
  });
});

describe("amount-magnitude and amount-without-unit", () => {
  it("an investering followed up a thousand times its budgeted belopp", () => {
    const withInv = `${budget}investeringar:\n  - { id: INV-01, organ: BUN, namn: Ny förskola, belopp: { 2025: 6.0, 2026: 20.0 } }\n`;
    const right = `${uf}investeringar:\n  - { avser: INV-01, utfall: 3.1, prognos: 5.5 }\n`;
    expect(brief(economy({ [BUDGET]: withInv, [UF]: right }))).toEqual([]);
    const wrong = edit(right, "utfall: 3.1,", "utfall: 3100,");
    const found = economy({ [BUDGET]: withInv, [UF]: wrong });
    expect(brief(found)).toEqual([`amount-magnitude ${UF}:19 INV-01`]);
    expect(formatMessage(found[0]!, "en")).toBe('utfall 3100 mnkr for "INV-01" is 100 times or more the budget\'s amount, 6 mnkr; check beloppsenhet');
  });

  it("a budget without beloppsenhet: its ramar are read as tkr, and the follow-up's figures are a thousand times them", () => {
    const found = economy({ [BUDGET]: edit(budget, "beloppsenhet: mnkr\n", "") });
    expect(brief(found.filter((d) => d.code === "amount-without-unit"))).toEqual([`amount-without-unit ${BUDGET}:1 OPB2025`]);
    // Six figures a thousand times their ram: said once, at the first, with how many more there are.
    const magnitude = found.filter((d) => d.code === "amount-magnitude");
    expect(magnitude).toHaveLength(1);
    expect(formatMessage(magnitude[0]!, "en")).toMatch(/ \(and 5 more figures of this document\); check beloppsenhet$/u);
    expect(formatMessage(found.find((d) => d.code === "amount-without-unit")!, "sv")).toBe(
      'budget "OPB2025" har belopp (ramar) men ingen beloppsenhet, så de läses som tkr; skriv beloppsenhet: tkr eller mnkr',
    );
  });

  it("a document without amounts needs no beloppsenhet", () => {
    const noEconomy = edit(uf, "beloppsenhet: mnkr\n", "").replace(/^ekonomi:\n(?: {2}- .*\n)+/mu, "");
    expect(noEconomy).not.toContain("ekonomi");
    expect(brief(economy({ [UF]: noEconomy }))).toEqual([]);
  });
});

describe("hostile figures: nothing throws, nothing is invented", () => {
  it("a string where a number is expected is left to the schema", () => {
    const text = edit(uf, KS_ROW, '{ organ: KS, budget: "150", utfall: "mycket", prognos: 149.0, ramjusteringar: [{ belopp: "två" }] }');
    const all = checkFiles(overlayFiles(["economy"], { [UF]: text }));
    expect(all.some((d) => d.code === "wrong-type")).toBe(true);
    expect(brief(all.filter((d) => ECONOMY.includes(d.code)))).toEqual([]);
  });

  it("negative rams are compared by size", () => {
    const negative = edit(budget, "{ organ: KS, belopp: 150.0 }", "{ organ: KS, belopp: -150.0 }");
    const same = edit(uf, KS_ROW, "{ organ: KS, budget: -150.0, utfall: -98.1, prognos: -149.0 }");
    expect(brief(economy({ [BUDGET]: negative, [UF]: same }))).toEqual([]);
    const tkr = edit(same, "utfall: -98.1", "utfall: -98100");
    expect(brief(economy({ [BUDGET]: negative, [UF]: tkr }))).toEqual([`amount-magnitude ${UF}:14 KS`]);
  });

  it("a ram of 0 is never compared by magnitude, but its budget still must match", () => {
    const zero = edit(budget, "{ organ: KS, belopp: 150.0 }", "{ organ: KS, belopp: 0 }");
    expect(brief(economy({ [BUDGET]: zero, [UF]: edit(uf, KS_ROW, "{ organ: KS, budget: 0, utfall: 3.0 }") }))).toEqual([]);
    expect(brief(economy({ [BUDGET]: zero, [UF]: edit(uf, KS_ROW, "{ organ: KS, budget: 5.0, utfall: 3.0 }") }))).toEqual([`budget-differs-from-ram ${UF}:14 KS`]);
  });

  it("statements given as a list, a string or a list of rows are read as nothing", () => {
    for (const shape of ["[1, 2, 3]", "mycket", "\n  - verksamhetens_intäkter: 95.0\n  - årets_resultat: 1.0", "{ årets_resultat: [1, 2], verksamhetens_kostnader: { utfall: [] } }"]) {
      const text = `typ: uppföljning\nid: UF2025-08-R\nperiod: 2025-08\nrapport: delår\nbeloppsenhet: mnkr\nresultaträkning: ${shape}\nbalansräkning: ${shape}\nkassaflödesanalys: ${shape}\nbalanskrav: ${shape}\n`;
      expect(brief(economy({ [RÄKENSKAPER]: text })), shape).toEqual([]);
    }
    const rows = edit(uf, "ekonomi:\n", "ekonomi:\n  - [KS, 150.0]\n  - 42\n");
    expect(brief(economy({ [UF]: rows }))).toEqual([]);
  });

  it("huge numbers give diagnostics with figures, not Infinity", () => {
    const huge = edit(uf, KS_ROW, "{ organ: KS, budget: 1.0e300, utfall: 1.7e308, prognos: -1.7e308 }");
    const found = economy({ [UF]: huge });
    // 1.7e308 mnkr is beyond any number in tkr: left out; 1e300 mnkr is a unit mistake and said so.
    expect(brief(found)).toEqual([`amount-magnitude ${UF}:14 KS`]);
    const sums = räkenskaper.replace("verksamhetens_intäkter: { utfall: 95.0,", "verksamhetens_intäkter: { utfall: 1.7e308,").replace("skatteintäkter: { utfall: 400.0,", "skatteintäkter: { utfall: 1.7e308,");
    expect(() => economy({ [RÄKENSKAPER]: sums })).not.toThrow();
  });
});
