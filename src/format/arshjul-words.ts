// The words of `plan årshjul` in both languages, shared by its text, Markdown, ICS and SVG.
import type { Lang } from "../diagnostics/index.js";
import type { Fas, FasDokument } from "../model/arshjul.js";
import type { FasLäge, FasStatus } from "../status/arshjul.js";
import { formatNumber } from "./status-words.js";

const MONTHS: Record<Lang, readonly string[]> = {
  sv: ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"],
  en: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
};

export const SHORT_MONTHS: Record<Lang, readonly string[]> = {
  sv: ["jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"],
  en: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
};

const DOKUMENT_WORDS: Record<Lang, Record<FasDokument, string>> = {
  sv: {
    nämndplan: "nämndplan",
    verksamhetsplan: "verksamhetsplan",
    tjänstemannaunderlag: "planeringsdirektiv (förslag)",
    planeringsdirektiv: "planeringsdirektiv (beslutat)",
    månadsrapport: "uppföljning, månad",
    årsredovisning: "uppföljning, helår",
    underlag: "underlag",
    delårsrapport: "uppföljning, delår",
    budget: "budget",
  },
  en: {
    nämndplan: "nämndplan",
    verksamhetsplan: "verksamhetsplan",
    tjänstemannaunderlag: "planeringsdirektiv (draft)",
    planeringsdirektiv: "planeringsdirektiv (decided)",
    månadsrapport: "uppföljning, month",
    årsredovisning: "uppföljning, full year",
    underlag: "underlag",
    delårsrapport: "uppföljning, delår",
    budget: "budget",
  },
};

export const LÄGE_WORDS: Record<Lang, Record<FasLäge, string>> = {
  sv: { klar: "klar", sen: "försenad", kommande: "kommande", "utan-regel": "" },
  en: { klar: "done", sen: "late", kommande: "to come", "utan-regel": "" },
};

export const W = {
  sv: {
    title: "Årshjul",
    phase: "Fas",
    when: "När",
    organ: "Organ",
    document: "Dokument",
    state: "Läge",
    deadline: "senast",
    monthly: "varje månad",
    late: "Försenat",
    next: "Nästa",
    noneLate: "Inget är försenat.",
    noneNext: "Inget mer att vänta på i år.",
    today: "Läget den",
    missingFor: "saknas för",
    andMore: (n: number) => ` och ${formatNumber(n, "sv", 0)} till`,
    forYear: "för",
    desc: (kommun: string, år: number) => `Planeringsårets faser i ${kommun} ${år}, månad för månad runt ett hjul med januari överst och månaderna medurs. Varje fas står med nummer, namn, månader, vem som beslutar och vilket dokument den ger.`,
    keyDocument: "fas som ger ett dokument",
    keyOther: "fas utan dokument",
    keyLate: "försenad: dokumentet saknas",
    calendar: (kommun: string, år: number) => `Årshjul ${år} – ${kommun}`,
  },
  en: {
    title: "Yearly cycle",
    phase: "Phase",
    when: "When",
    organ: "Organ",
    document: "Document",
    state: "State",
    deadline: "by",
    monthly: "every month",
    late: "Late",
    next: "Next",
    noneLate: "Nothing is late.",
    noneNext: "Nothing more to wait for this year.",
    today: "As of",
    missingFor: "missing for",
    andMore: (n: number) => ` and ${formatNumber(n, "en", 0)} more`,
    forYear: "for",
    desc: (kommun: string, år: number) => `The phases of the planning year in ${kommun} ${år}, month by month around a wheel with January at the top and the months clockwise. Each phase is shown with its number, name, months, who decides and the document it produces.`,
    keyDocument: "phase that produces a document",
    keyOther: "phase without a document",
    keyLate: "late: the document is missing",
    calendar: (kommun: string, år: number) => `Yearly cycle ${år} – ${kommun}`,
  },
} as const;

/** A phase's months: `januari`, `juni–augusti`, or every month. */
export function whenText(fas: Fas, lang: Lang): string {
  if (fas.månatlig) return W[lang].monthly;
  const m = MONTHS[lang];
  return fas.tillMånad === fas.månad ? m[fas.månad - 1]! : `${m[fas.månad - 1]!}–${m[fas.tillMånad - 1]!}`;
}

/** The document a phase produces, with the year it is for: `budget 2027`. */
export function documentText(s: FasStatus, lang: Lang): string {
  if (s.fas.dokument === undefined) return "";
  const word = DOKUMENT_WORDS[lang][s.fas.dokument];
  return s.dokumentÅr !== undefined ? `${word} ${s.dokumentÅr}` : word;
}

