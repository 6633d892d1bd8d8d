// Codes about the plan as a whole: IDs, references, the red thread, periods and years.
import { entry, orList, q } from "./entry.js";

export const PLAN_CODES = {
  "duplicate-id": entry({
    severity: "error",
    summary: {
      en: "An ID defined twice in a scope, or repeating an ID visible from there.",
      sv: "Ett ID som definieras två gånger i samma omfång, eller upprepar ett ID som syns därifrån.",
    },
    // `kind` and `sameScope` are not worded; they keep two findings about one place apart.
    en: (a: { id: string; kind: string; firstFile: string; firstKind: string; sameScope: 0 | 1 }) =>
      `the ID ${q(a.id)} is already used (${a.firstKind}) in ${a.firstFile}`,
    sv: (a) => `ID:t ${q(a.id)} används redan (${a.firstKind}) i ${a.firstFile}`,
  }),
  "id-case-collision": entry({
    severity: "warning",
    summary: { en: "Two IDs that differ only in upper and lower case.", sv: "Två ID:n som bara skiljer sig i versaler och gemener." },
    en: (a: { id: string; other: string; otherFile: string }) => `the ID ${q(a.id)} differs from ${q(a.other)} (${a.otherFile}) only in case`,
    sv: (a) => `ID:t ${q(a.id)} skiljer sig från ${q(a.other)} (${a.otherFile}) bara i versaler/gemener`,
  }),
  "unknown-reference": entry({
    severity: "error",
    summary: { en: "A reference to an ID that does not exist.", sv: "En referens till ett ID som inte finns." },
    en: (a: { field: string; ref: string; suggestions: string[] }) =>
      `${a.field}: unknown ID ${q(a.ref)}${a.suggestions.length > 0 ? `; did you mean ${orList(a.suggestions, "or")}?` : ""}`,
    sv: (a) => `${a.field}: okänt ID ${q(a.ref)}${a.suggestions.length > 0 ? `; menade du ${orList(a.suggestions, "eller")}?` : ""}`,
  }),
  "unchecked-references": entry({
    severity: "warning",
    summary: {
      en: "A file that could not be read whole: references to what it may define, and findings that depend on it, are not checked until it is fixed.",
      sv: "En fil som inte kunde läsas hel: referenser till det den kan definiera, och fynd som beror på den, kontrolleras inte förrän den är rättad.",
    },
    en: (a: { references: number; findings: number }) => {
      const parts = [
        ...(a.references > 0 ? [`${a.references} ${a.references === 1 ? "reference" : "references"} to IDs this file may define`] : []),
        ...(a.findings > 0 ? [`${a.findings} ${a.findings === 1 ? "finding" : "findings"} that may depend on this file`] : []),
      ];
      return `because of the error above, ${parts.join(" and ")} ${a.references + a.findings === 1 ? "was" : "were"} not checked; fix it first`;
    },
    sv: (a) => {
      const parts = [
        ...(a.references > 0 ? [`${a.references} ${a.references === 1 ? "referens" : "referenser"} till ID:n som filen kan definiera`] : []),
        ...(a.findings > 0 ? [`${a.findings} fynd som kan bero på filen`] : []),
      ];
      return `på grund av felet ovan kontrollerades inte ${parts.join(" och ")}; rätta det först`;
    },
  }),
  "wrong-kind-reference": entry({
    severity: "error",
    summary: {
      en: "A reference to an entity of a kind that this field may not point to.",
      sv: "En referens till något av ett slag som fältet inte får peka på.",
    },
    en: (a: { field: string; ref: string; found: string; allowed: string[] }) =>
      `${a.field}: ${q(a.ref)} is of kind ${a.found}; ${a.field} must point to ${orList(a.allowed, "or")}`,
    sv: (a) => `${a.field}: ${q(a.ref)} är av slaget ${a.found}; ${a.field} ska peka på ${orList(a.allowed, "eller")}`,
  }),
  "reference-other-year": entry({
    severity: "error",
    summary: {
      en: "A reference to an ID that exists only in another year or period.",
      sv: "En referens till ett ID som bara finns ett annat år eller en annan period.",
    },
    en: (a: { field: string; ref: string; where: string[]; year: string }) =>
      `${a.field}: ${q(a.ref)} exists only in ${orList(a.where, "and")}, not in ${a.year}`,
    sv: (a) => `${a.field}: ${q(a.ref)} finns bara ${orList(a.where, "och")}, inte ${a.year}`,
  }),
  "reference-cycle": entry({
    severity: "error",
    summary: { en: "Entities that contribute to each other in a circle.", sv: "Poster som bidrar till varandra i en cirkel." },
    en: (a: { cycle: string[] }) => `reference cycle: ${a.cycle.join(" → ")}`,
    sv: (a) => `referenscykel: ${a.cycle.join(" → ")}`,
  }),
  "alla-not-alone": entry({
    severity: "error",
    summary: { en: "The word alla must stand alone in nämnder.", sv: "Ordet alla måste stå ensamt i nämnder." },
    en: (_: { id: string }) => "nämnder: alla means every nämnd and must stand alone",
    sv: () => "nämnder: alla betyder alla nämnder och måste stå ensamt",
  }),
  "mal-outside-malomrade": entry({
    severity: "error",
    summary: {
      en: "A resultatmål names an övergripande mål of another målområde.",
      sv: "Ett resultatmål anger ett övergripande mål i ett annat målområde.",
    },
    en: (a: { mål: string; målområde: string; expected: string }) => `mål ${q(a.mål)} belongs to målområde ${q(a.målområde)}, not ${q(a.expected)}`,
    sv: (a) => `målet ${q(a.mål)} hör till målområdet ${q(a.målområde)}, inte ${q(a.expected)}`,
  }),
  orphan: entry({
    severity: "error",
    summary: {
      en: "An entity that does not trace up to a målområde: it is outside the red thread.",
      sv: "En post som inte leder upp till ett målområde: den ligger utanför den röda tråden.",
    },
    en: (a: { kind: string; id: string; via: string[] }) =>
      `${a.kind} ${q(a.id)} does not trace to a målområde${a.via.length > 0 ? ` (through ${a.via.join(", ")})` : ""}: it is outside the red thread`,
    sv: (a) =>
      `${a.kind} ${q(a.id)} leder inte upp till något målområde${a.via.length > 0 ? ` (via ${a.via.join(", ")})` : ""}: den ligger utanför den röda tråden`,
  }),
  "year-without-kommunplan": entry({
    severity: "error",
    summary: { en: "A year that has plan documents but no kommunplan covering it.", sv: "Ett år med plandokument men utan kommunplan som täcker det." },
    en: (a: { year: number }) => `no kommunplan covers ${a.year}`,
    sv: (a) => `ingen kommunplan täcker ${a.year}`,
  }),
  "period-overlap": entry({
    severity: "error",
    summary: { en: "Two kommunplaner whose periods overlap.", sv: "Två kommunplaner vars perioder överlappar." },
    en: (a: { id: string; other: string; otherFile: string; från: number; till: number }) =>
      `the period ${a.från}–${a.till} of ${q(a.id)} overlaps ${q(a.other)} (${a.otherFile})`,
    sv: (a) => `perioden ${a.från}–${a.till} i ${q(a.id)} överlappar ${q(a.other)} (${a.otherFile})`,
  }),
  "period-reversed": entry({
    severity: "error",
    summary: { en: "A period whose från comes after its till.", sv: "En period där från kommer efter till." },
    en: (a: { från: number; till: number }) => `the period runs backwards: från ${a.från} is after till ${a.till}`,
    sv: (a) => `perioden går baklänges: från ${a.från} ligger efter till ${a.till}`,
  }),
  "date-reversed": entry({
    severity: "error",
    summary: { en: "An end date (slut) before its start date (start).", sv: "Ett slutdatum (slut) före sitt startdatum (start)." },
    en: (a: { start: string; slut: string }) => `slut ${a.slut} is before start ${a.start}`,
    sv: (a) => `slut ${a.slut} ligger före start ${a.start}`,
  }),
  "date-outside-year": entry({
    severity: "warning",
    summary: {
      en: "A date outside the year of its document: an aktivitet outside the verksamhetsplan's år, an uppdrag or åtgärd due (klart) before its year.",
      sv: "Ett datum utanför dokumentets år: en aktivitet utanför verksamhetsplanens år, ett uppdrag eller en åtgärd som ska vara klar före sitt år.",
    },
    // before: 1 when only a date before the year is wrong (a date after it may be a later deadline).
    en: (a: { field: string; value: string; year: number; kind: string; before: 0 | 1 }) =>
      `${a.field} ${a.value} ${a.before ? "is before" : "lies outside"} ${a.year}, the year of this ${a.kind}`,
    sv: (a) => `${a.field} ${a.value} ligger ${a.before ? "före" : "utanför"} ${a.year}, året för dokumentet (${a.kind})`,
  }),
  "budget-year-outside-planperiod": entry({
    severity: "error",
    summary: { en: "A budget whose år lies outside its own planperiod.", sv: "En budget vars år ligger utanför dess egen planperiod." },
    en: (a: { year: number; från: number; till: number }) => `år ${a.year} lies outside the planperiod ${a.från}–${a.till}`,
    sv: (a) => `år ${a.year} ligger utanför planperioden ${a.från}–${a.till}`,
  }),
  "duplicate-budget": entry({
    severity: "error",
    summary: { en: "More than one budget for the same year.", sv: "Mer än en budget för samma år." },
    en: (a: { year: number; otherFile: string }) => `a second budget for ${a.year}; the first is in ${a.otherFile}`,
    sv: (a) => `en andra budget för ${a.year}; den första finns i ${a.otherFile}`,
  }),
  "duplicate-namndplan": entry({
    severity: "error",
    summary: { en: "More than one nämndplan for the same nämnd and year.", sv: "Mer än en nämndplan för samma nämnd och år." },
    en: (a: { nämnd: string; year: number; otherFile: string }) => `a second nämndplan for ${a.nämnd} ${a.year}; the first is in ${a.otherFile}`,
    sv: (a) => `en andra nämndplan för ${a.nämnd} ${a.year}; den första finns i ${a.otherFile}`,
  }),
  "year-without-budget": entry({
    severity: "warning",
    summary: {
      en: "A nämndplan, verksamhetsplan or uppföljning for a year that has no budget.",
      sv: "En nämndplan, verksamhetsplan eller uppföljning för ett år som saknar budget.",
    },
    en: (a: { year: number; kind: string }) => `${a.year} has a ${a.kind} but no budget`,
    sv: (a) => `${a.year} har ${a.kind} men ingen budget`,
  }),
};
