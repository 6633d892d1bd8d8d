// Codes about what the plan says: nyckeltal, money, decisions, coverage, follow-ups, settings,
// and the governance flag of `plan diff`.
import { entry, q } from "./entry.js";

/** What `plan diff` knows about a decided document changed without a new decision. */
export interface DecidedChange {
  typ: string;
  id: string;
  file: string;
  /** The IDs changed, added or removed inside it. */
  entities: string[];
}

export const CONTENT_CODES = {
  "kpi-missing": entry({
    severity: "error",
    summary: {
      en: "An åtagande or finansiellt mål without a nyckeltal: both are formulated as nyckeltal.",
      sv: "Ett åtagande eller finansiellt mål utan nyckeltal: båda formuleras som nyckeltal.",
    },
    en: (a: { id: string; kind: "åtagande" | "finansiellt_mål" }) =>
      a.kind === "åtagande"
        ? `åtagande ${q(a.id)} has no nyckeltal; åtaganden are formulated as nyckeltal`
        : `finansiellt mål ${q(a.id)} has no nyckeltal; a finansiellt mål is followed up through its nyckeltal`,
    sv: (a) =>
      a.kind === "åtagande"
        ? `åtagandet ${q(a.id)} saknar nyckeltal; åtaganden formuleras som nyckeltal`
        : `det finansiella målet ${q(a.id)} saknar nyckeltal; ett finansiellt mål följs upp genom sitt nyckeltal`,
  }),
  "target-missing": entry({
    severity: "warning",
    summary: { en: "A nyckeltal without a målvärde for the document's year.", sv: "Ett nyckeltal utan målvärde för dokumentets år." },
    en: (a: { year: number; nyckeltal: string; owner: string }) => `nyckeltal ${q(a.nyckeltal)}${a.owner ? ` of ${q(a.owner)}` : ""} has no målvärde for ${a.year}`,
    sv: (a) => `nyckeltalet ${q(a.nyckeltal)}${a.owner ? ` för ${q(a.owner)}` : ""} saknar målvärde för ${a.year}`,
  }),
  "internbudget-mismatch": entry({
    severity: "warning",
    summary: {
      en: "A nämndplan whose internbudget does not sum to the nämnd's ram in the budget.",
      sv: "En nämndplan vars internbudget inte summerar till nämndens ram i budgeten.",
    },
    en: (a: { nämnd: string; sum: number; ram: number; unit: string; budgetFile: string }) =>
      `internbudget sums to ${a.sum} ${a.unit} but the ram for ${a.nämnd} in ${a.budgetFile} is ${a.ram} ${a.unit}`,
    sv: (a) => `internbudgeten summerar till ${a.sum} ${a.unit} men ramen för ${a.nämnd} i ${a.budgetFile} är ${a.ram} ${a.unit}`,
  }),
  "decision-missing": entry({
    severity: "warning",
    summary: { en: "A decided (beslutad) document without a beslut reference.", sv: "Ett beslutat dokument utan beslut." },
    en: (a: { kind: string; id: string }) => `${a.kind} ${q(a.id)} is beslutad but has no beslut (organ, datum, paragraf)`,
    sv: (a) => `${a.kind} ${q(a.id)} är beslutad men saknar beslut (organ, datum, paragraf)`,
  }),
  "resultatmal-without-atagande": entry({
    severity: "warning",
    summary: { en: "A resultatmål that no åtagande serves.", sv: "Ett resultatmål som inget åtagande bidrar till." },
    en: (a: { id: string; year: number }) => `resultatmål ${q(a.id)} has no åtagande in ${a.year}`,
    sv: (a) => `resultatmålet ${q(a.id)} har inget åtagande ${a.year}`,
  }),
  "atagande-without-aktivitet": entry({
    severity: "warning",
    summary: {
      en: "An åtagande that no aktivitet serves, in a year that has verksamhetsplaner.",
      sv: "Ett åtagande som ingen aktivitet bidrar till, ett år som har verksamhetsplaner.",
    },
    en: (a: { id: string; year: number }) => `no aktivitet serves åtagande ${q(a.id)} in ${a.year}`,
    sv: (a) => `ingen aktivitet bidrar till åtagandet ${q(a.id)} ${a.year}`,
  }),
  "namnd-without-atagande": entry({
    severity: "warning",
    summary: { en: "A nämnd that owns no åtagande in the year's budget.", sv: "En nämnd som inte har något åtagande i årets budget." },
    en: (a: { nämnd: string; year: number }) => `nämnd ${q(a.nämnd)} owns no åtagande in ${a.year}`,
    sv: (a) => `nämnden ${q(a.nämnd)} har inget åtagande ${a.year}`,
  }),
  "duplicate-follow-up": entry({
    severity: "error",
    summary: { en: "The same entity followed up twice in one period.", sv: "Samma post följs upp två gånger under samma period." },
    en: (a: { id: string; period: string; list: string; otherFile: string }) => `${q(a.id)} is already followed up for ${a.period} in ${a.otherFile}`,
    sv: (a) => `${q(a.id)} följs redan upp för ${a.period} i ${a.otherFile}`,
  }),
  "value-year-after-period": entry({
    severity: "error",
    summary: {
      en: "A follow-up's nyckeltal row whose år (the year of its utfall) is later than the follow-up's own year.",
      sv: "En rad i en uppföljnings nyckeltal vars år (utfallets år) är senare än uppföljningens eget år.",
    },
    en: (a: { id: string; år: number; year: number }) => `the utfall of ${q(a.id)} is for ${a.år}, later than the follow-up's year ${a.year}`,
    sv: (a) => `utfallet för ${q(a.id)} gäller ${a.år}, senare än uppföljningens år ${a.year}`,
  }),
  "comparison-kpi-unknown": entry({
    severity: "warning",
    summary: {
      en: "A jämförelse row whose Kolada ID is the kolada of no nyckeltal in the plan: the reports cannot show it.",
      sv: "En rad i en jämförelse vars Kolada-ID inte är kolada för något nyckeltal i planen: rapporterna kan inte visa den.",
    },
    en: (a: { kolada: string }) => `no nyckeltal in the plan has kolada: ${a.kolada}; the reports leave this comparison out`,
    sv: (a) => `inget nyckeltal i planen har kolada: ${a.kolada}; rapporterna visar inte den här jämförelsen`,
  }),
  "duplicate-comparison": entry({
    severity: "error",
    summary: { en: "Two jämförelse documents for the same year.", sv: "Två dokument med typ: jämförelse för samma år." },
    en: (a: { year: number; otherFile: string }) => `${a.otherFile} already holds the jämförelse for ${a.year}`,
    sv: (a) => `${a.otherFile} har redan jämförelsen för ${a.year}`,
  }),
  "unknown-rule": entry({
    severity: "warning",
    summary: { en: "plan.yaml regler names a diagnostic code that does not exist.", sv: "regler i plan.yaml anger en kod som inte finns." },
    en: (a: { code: string }) => `regler: no diagnostic code ${q(a.code)} (plan regler lists them)`,
    sv: (a) => `regler: ingen diagnoskod heter ${q(a.code)} (plan regler listar dem)`,
  }),
  // Found by `plan diff`, not by validate: the words of its text and Markdown lines are in governance.ts.
  "decided-changed-without-decision": entry({
    severity: "warning",
    summary: {
      en: "A decided (beslutad) document changed between two revisions while its beslut stayed the same (plan diff).",
      sv: "Ett beslutat dokument som ändrats mellan två versioner medan dess beslut är detsamma (plan diff).",
    },
    en: (a: DecidedChange) => `${a.typ} ${a.id} is beslutad and changed without a new decision reference`,
    sv: (a) => `${a.typ} ${a.id} är beslutad och har ändrats utan en ny beslutsreferens`,
  }),
};
