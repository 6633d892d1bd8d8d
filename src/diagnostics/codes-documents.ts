// Codes about documents and their fields: kinds, schema findings.
import { entry, iFält, inField, orList, q, type Lang, type NoArgs } from "./entry.js";

/** "; did you mean "x"?" (or in parentheses) when there is a suggestion, else nothing. */
const didYouMean = (a: { suggestion?: string }, lang: Lang, paren = false): string => {
  if (a.suggestion === undefined) return "";
  const words = lang === "sv" ? `menade du ${q(a.suggestion)}?` : `did you mean ${q(a.suggestion)}?`;
  return paren ? ` (${words})` : `; ${words}`;
};

/** Swedish words for the type names of src/check/schema.ts. */
const TYPE_SV: Record<string, string> = {
  text: "text",
  number: "tal",
  integer: "heltal",
  boolean: "sant/falskt",
  mapping: "mappning",
  list: "lista",
  null: "tomt värde",
};

/** What a pattern asks for (the `hint` of bad-format, from src/check/schema.ts). */
const HINT_EN: Record<string, string> = {
  month: "a month written YYYY-MM, such as 2025-08",
  kolada: "a Kolada ID: a capital letter and five digits, such as N00914",
  digits4: "four digits, such as 2025 or \"0483\"",
  url: "an address starting with http:// or https://",
  group: "a Kolada municipality group ID such as G12345, or a list of kommunkoder",
  code: "a diagnostic code in lower case, such as orphan",
  pattern: "the expected form",
};
const HINT_SV: Record<string, string> = {
  month: "en månad skriven ÅÅÅÅ-MM, t.ex. 2025-08",
  kolada: "ett Kolada-ID: en versal och fem siffror, t.ex. N00914",
  digits4: "fyra siffror, t.ex. 2025 eller \"0483\"",
  url: "en adress som börjar med http:// eller https://",
  group: "ett ID för en kommungrupp i Kolada, t.ex. G12345, eller en lista med kommunkoder",
  code: "en diagnoskod med gemener, t.ex. orphan",
  pattern: "den väntade formen",
};

const isNumeric = (t: string): boolean => t === "number" || t === "integer";

export const DOCUMENT_CODES = {
  "unknown-typ": entry({
    severity: "error",
    summary: { en: "The document's typ is missing or not one of the known kinds.", sv: "Dokumentets typ saknas eller är inte en av de kända typerna." },
    en: (a: { value: string; allowed: string[]; suggestion?: string }) =>
      a.value === ""
        ? `the document has no typ; use one of ${orList(a.allowed, "or")}`
        : `unknown typ ${q(a.value)}${didYouMean(a, "en", true)}; use ${orList(a.allowed, "or")}`,
    sv: (a) =>
      a.value === "" ? `dokumentet saknar typ; använd ${orList(a.allowed, "eller")}` : `okänd typ ${q(a.value)}${didYouMean(a, "sv", true)}; använd ${orList(a.allowed, "eller")}`,
  }),
  "misplaced-kommun": entry({
    severity: "error",
    summary: {
      en: "A typ: kommun document belongs in plan.yaml at the plan root, and only there.",
      sv: "Ett dokument med typ: kommun hör hemma i plan.yaml i planens rot, och bara där.",
    },
    en: (_: NoArgs) => "typ: kommun belongs in plan.yaml at the plan root, once",
    sv: () => "typ: kommun hör hemma i plan.yaml i planens rot, en gång",
  }),
  "missing-field": entry({
    severity: "error",
    summary: { en: "A required field is missing.", sv: "Ett obligatoriskt fält saknas." },
    en: (a: { field: string; alternative?: string; where: string }) =>
      a.alternative
        ? `missing field ${q(a.field)} or ${q(a.alternative)}: one of them is required`
        : `missing required field ${q(a.field)}${a.where ? ` in ${a.where}` : ""}`,
    sv: (a) =>
      a.alternative
        ? `fältet ${q(a.field)} eller ${q(a.alternative)} saknas: ett av dem krävs`
        : `obligatoriskt fält ${q(a.field)} saknas${a.where ? ` i ${a.where}` : ""}`,
  }),
  "unknown-key": entry({
    severity: "error",
    summary: {
      en: "A key that the format does not know (often a typo); own data goes under keys starting with x-.",
      sv: "En nyckel som formatet inte känner till (ofta ett stavfel); egna data läggs under nycklar som börjar med x-.",
    },
    // `folded`: findings that follow from the misspelling (a missing målvärde, a gap in coverage), left out.
    en: (a: { key: string; suggestion?: string; folded?: number }) =>
      `unknown key ${q(a.key)}${didYouMean(a, "en")} (own data goes under keys starting with x-)${
        a.folded ? `; ${a.folded === 1 ? "1 finding that follows from it is" : `${a.folded} findings that follow from it are`} not shown` : ""
      }`,
    sv: (a) =>
      `okänd nyckel ${q(a.key)}${didYouMean(a, "sv")} (egna data läggs under nycklar som börjar med x-)${a.folded ? `; ${a.folded} fynd som följer av den visas inte` : ""}`,
  }),
  "wrong-type": entry({
    severity: "error",
    summary: { en: "A value of the wrong type, such as text where a number is expected.", sv: "Ett värde av fel typ, t.ex. text där ett tal väntas." },
    en: (a: { field: string; expected: string[]; actual: string }) => {
      const hint = isNumeric(a.actual) && a.expected.includes("text") ? " (write it in quotes to make it text)" : "";
      return `expected ${orList(a.expected, "or")}${inField(a)}, found ${a.actual}${hint}`;
    },
    sv: (a) => {
      const expected = a.expected.map((t) => TYPE_SV[t] ?? t);
      const hint = isNumeric(a.actual) && expected.includes("text") ? " (skriv värdet inom citattecken för att göra det till text)" : "";
      return `väntade ${orList(expected, "eller")}${iFält(a)}, fann ${TYPE_SV[a.actual] ?? a.actual}${hint}`;
    },
  }),
  "bad-value": entry({
    severity: "error",
    summary: { en: "A value that is not one of the allowed words.", sv: "Ett värde som inte är ett av de tillåtna orden." },
    en: (a: { field: string; value: string; allowed: string[]; suggestion?: string }) =>
      `${q(a.value)} is not allowed${inField(a)}${didYouMean(a, "en", true)}; use ${orList(a.allowed, "or")}`,
    sv: (a) => `${q(a.value)} är inte tillåtet${iFält(a)}${didYouMean(a, "sv", true)}; använd ${orList(a.allowed, "eller")}`,
  }),
  "bad-id": entry({
    severity: "error",
    summary: {
      en: "An ID that breaks the ID rules (letters, digits, . _ -; at most 64 characters; never .. / \\ or spaces).",
      sv: "Ett ID som bryter mot reglerna (bokstäver, siffror, . _ -; högst 64 tecken; aldrig .. / \\ eller mellanslag).",
    },
    en: (a: { field: string; value: string }) =>
      `${q(a.value)} is not a valid ID: use letters, digits, . _ and -, start with a letter or digit, at most 64 characters, never .. / \\ or spaces`,
    sv: (a) =>
      `${q(a.value)} är inget giltigt ID: använd bokstäver, siffror, . _ och -, börja med bokstav eller siffra, högst 64 tecken, aldrig .. / \\ eller mellanslag`,
  }),
  "bad-date": entry({
    severity: "error",
    summary: { en: "A date that is not a real ISO date (YYYY-MM-DD).", sv: "Ett datum som inte är ett verkligt ISO-datum (ÅÅÅÅ-MM-DD)." },
    en: (a: { field: string; value: string }) => `${q(a.value)} is not a real date${inField(a)}; write YYYY-MM-DD`,
    sv: (a) => `${q(a.value)} är inget verkligt datum${iFält(a)}; skriv ÅÅÅÅ-MM-DD`,
  }),
  "bad-format": entry({
    severity: "error",
    summary: {
      en: "A value that does not have the expected form (a month YYYY-MM, a Kolada ID, a year as key, …).",
      sv: "Ett värde som inte har den väntade formen (en månad ÅÅÅÅ-MM, ett Kolada-ID, ett år som nyckel, …).",
    },
    en: (a: { field: string; value: string; hint: string }) => `${q(a.value)}${inField(a)} should be ${HINT_EN[a.hint] ?? HINT_EN.pattern}`,
    sv: (a) => `${q(a.value)}${iFält(a)} ska vara ${HINT_SV[a.hint] ?? HINT_SV.pattern}`,
  }),
  "out-of-range": entry({
    severity: "error",
    summary: {
      en: "A number outside its allowed range, or a list shorter than allowed.",
      sv: "Ett tal utanför det tillåtna intervallet, eller en lista kortare än tillåtet.",
    },
    en: (a: { field: string; value: string; limit: number; comparison: string }) =>
      a.comparison === "items" ? `the list${inField(a)} must hold at least ${a.limit} item(s)` : `${a.value}${inField(a)} must be ${a.comparison} ${a.limit}`,
    sv: (a) => (a.comparison === "items" ? `listan${iFält(a)} måste ha minst ${a.limit} post(er)` : `${a.value}${iFält(a)} måste vara ${a.comparison} ${a.limit}`),
  }),
};
