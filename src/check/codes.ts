// Every diagnostic code, named once: its default severity and a one-line explanation.
// The words of each message live in src/format/messages.ts; the long documentation in docs/regler.md.
import type { Severity } from "../model/types.js";

interface CodeInfo {
  severity: Severity;
  en: string;
  sv: string;
}

export const CODES = {
  "yaml-syntax": {
    severity: "error",
    en: "The file is not valid YAML.",
    sv: "Filen är inte giltig YAML.",
  },
  "not-utf8": {
    severity: "error",
    en: "The file is not valid UTF-8 text.",
    sv: "Filen är inte giltig UTF-8-text.",
  },
  "duplicate-key": {
    severity: "error",
    en: "A key appears twice in the same mapping.",
    sv: "En nyckel förekommer två gånger i samma mappning.",
  },
  "yaml-too-deep": {
    severity: "error",
    en: "The YAML nests deeper than any plan needs; it is refused.",
    sv: "YAML-strukturen är djupare än någon plan behöver och vägras.",
  },
  "yaml-alias-limit": {
    severity: "error",
    en: "YAML aliases expand to too much data, or refer to themselves; refused.",
    sv: "YAML-alias expanderar till för mycket data eller pekar på sig själva och vägras.",
  },
  "not-regular-file": {
    severity: "error",
    en: "A plan file that is a symbolic link, FIFO, socket, device or submodule; it is not read.",
    sv: "En planfil som är en symbolisk länk, FIFO, socket, enhetsfil eller undermodul; den läses inte.",
  },
  "not-followed": {
    severity: "warning",
    en: "A symbolic link or git submodule in the plan folder; it is not followed, so plan files behind it are not read.",
    sv: "En symbolisk länk eller git-undermodul i planmappen; den följs inte, så planfiler bakom den läses inte.",
  },
  "file-too-large": {
    severity: "error",
    en: "A plan file larger than the limit (10 MiB); it is not read.",
    sv: "En planfil som är större än gränsen (10 MiB); den läses inte.",
  },
  "unreadable-path": {
    severity: "error",
    en: "A folder or plan file that cannot be read (permissions); its plan files are missing.",
    sv: "En mapp eller planfil som inte kan läsas (behörighet); dess planfiler saknas.",
  },
  "bad-file-name": {
    severity: "error",
    en: "A file or folder name that is not UTF-8, or that is the same text as another after NFC normalisation.",
    sv: "Ett fil- eller mappnamn som inte är UTF-8, eller som är samma text som ett annat efter NFC-normalisering.",
  },
  "ignore-bad-glob": {
    severity: "error",
    en: "A glob in ignorera that is too long or has too many {a,b} alternatives; it ignores nothing.",
    sv: "Ett mönster i ignorera som är för långt eller har för många {a,b}-alternativ; det ignorerar ingenting.",
  },
  "ignore-plan-yaml": {
    severity: "warning",
    en: "A glob in ignorera matches plan.yaml, which is always read.",
    sv: "Ett mönster i ignorera matchar plan.yaml, som alltid läses.",
  },
  "ignore-everything": {
    severity: "error",
    en: "ignorera leaves no plan file but plan.yaml.",
    sv: "ignorera lämnar ingen planfil utom plan.yaml.",
  },
  "not-a-mapping": {
    severity: "error",
    en: "A plan document must be a mapping with keys such as typ and id.",
    sv: "Ett plandokument måste vara en mappning med nycklar som typ och id.",
  },
  "unknown-typ": {
    severity: "error",
    en: "The document's typ is missing or not one of the known kinds.",
    sv: "Dokumentets typ saknas eller är inte en av de kända typerna.",
  },
  "misplaced-kommun": {
    severity: "error",
    en: "A typ: kommun document belongs in plan.yaml at the plan root, and only there.",
    sv: "Ett dokument med typ: kommun hör hemma i plan.yaml i planens rot, och bara där.",
  },
  "missing-field": {
    severity: "error",
    en: "A required field is missing.",
    sv: "Ett obligatoriskt fält saknas.",
  },
  "unknown-key": {
    severity: "error",
    en: "A key that the format does not know (often a typo); own data goes under keys starting with x-.",
    sv: "En nyckel som formatet inte känner till (ofta ett stavfel); egna data läggs under nycklar som börjar med x-.",
  },
  "wrong-type": {
    severity: "error",
    en: "A value of the wrong type, such as text where a number is expected.",
    sv: "Ett värde av fel typ, t.ex. text där ett tal väntas.",
  },
  "bad-value": {
    severity: "error",
    en: "A value that is not one of the allowed words.",
    sv: "Ett värde som inte är ett av de tillåtna orden.",
  },
  "bad-id": {
    severity: "error",
    en: "An ID that breaks the ID rules (letters, digits, . _ -; at most 64 characters; never .. / \\ or spaces).",
    sv: "Ett ID som bryter mot reglerna (bokstäver, siffror, . _ -; högst 64 tecken; aldrig .. / \\ eller mellanslag).",
  },
  "bad-date": {
    severity: "error",
    en: "A date that is not a real ISO date (YYYY-MM-DD).",
    sv: "Ett datum som inte är ett verkligt ISO-datum (ÅÅÅÅ-MM-DD).",
  },
  "bad-format": {
    severity: "error",
    en: "A value that does not have the expected form (a month YYYY-MM, a Kolada ID, a year as key, …).",
    sv: "Ett värde som inte har den väntade formen (en månad ÅÅÅÅ-MM, ett Kolada-ID, ett år som nyckel, …).",
  },
  "out-of-range": {
    severity: "error",
    en: "A number outside its allowed range, or a list shorter than allowed.",
    sv: "Ett tal utanför det tillåtna intervallet, eller en lista kortare än tillåtet.",
  },
  "duplicate-id": {
    severity: "error",
    en: "An ID defined twice in a scope, or repeating an ID visible from there.",
    sv: "Ett ID som definieras två gånger i samma omfång, eller upprepar ett ID som syns därifrån.",
  },
  "id-case-collision": {
    severity: "warning",
    en: "Two IDs that differ only in upper and lower case.",
    sv: "Två ID:n som bara skiljer sig i versaler och gemener.",
  },
  "unknown-reference": {
    severity: "error",
    en: "A reference to an ID that does not exist.",
    sv: "En referens till ett ID som inte finns.",
  },
  "wrong-kind-reference": {
    severity: "error",
    en: "A reference to an entity of a kind that this field may not point to.",
    sv: "En referens till något av ett slag som fältet inte får peka på.",
  },
  "reference-other-year": {
    severity: "error",
    en: "A reference to an ID that exists only in another year or period.",
    sv: "En referens till ett ID som bara finns ett annat år eller en annan period.",
  },
  "reference-cycle": {
    severity: "error",
    en: "Entities that contribute to each other in a circle.",
    sv: "Poster som bidrar till varandra i en cirkel.",
  },
  "alla-not-alone": {
    severity: "error",
    en: "The word alla must stand alone in nämnder.",
    sv: "Ordet alla måste stå ensamt i nämnder.",
  },
  "mal-outside-malomrade": {
    severity: "error",
    en: "A resultatmål names an övergripande mål of another målområde.",
    sv: "Ett resultatmål anger ett övergripande mål i ett annat målområde.",
  },
  orphan: {
    severity: "error",
    en: "An entity that does not trace up to a målområde: it is outside the red thread.",
    sv: "En post som inte leder upp till ett målområde: den ligger utanför den röda tråden.",
  },
  "year-without-kommunplan": {
    severity: "error",
    en: "A year that has plan documents but no kommunplan covering it.",
    sv: "Ett år med plandokument men utan kommunplan som täcker det.",
  },
  "period-overlap": {
    severity: "error",
    en: "Two kommunplaner whose periods overlap.",
    sv: "Två kommunplaner vars perioder överlappar.",
  },
  "period-reversed": {
    severity: "error",
    en: "A period whose från comes after its till.",
    sv: "En period där från kommer efter till.",
  },
  "budget-year-outside-planperiod": {
    severity: "error",
    en: "A budget whose år lies outside its own planperiod.",
    sv: "En budget vars år ligger utanför dess egen planperiod.",
  },
  "duplicate-budget": {
    severity: "error",
    en: "More than one budget for the same year.",
    sv: "Mer än en budget för samma år.",
  },
  "duplicate-namndplan": {
    severity: "error",
    en: "More than one nämndplan for the same nämnd and year.",
    sv: "Mer än en nämndplan för samma nämnd och år.",
  },
  "year-without-budget": {
    severity: "warning",
    en: "A nämndplan, verksamhetsplan or uppföljning for a year that has no budget.",
    sv: "En nämndplan, verksamhetsplan eller uppföljning för ett år som saknar budget.",
  },
  "kpi-missing": {
    severity: "error",
    en: "An åtagande without a nyckeltal: åtaganden are formulated as nyckeltal.",
    sv: "Ett åtagande utan nyckeltal: åtaganden formuleras som nyckeltal.",
  },
  "target-missing": {
    severity: "warning",
    en: "A nyckeltal without a målvärde for the document's year.",
    sv: "Ett nyckeltal utan målvärde för dokumentets år.",
  },
  "internbudget-mismatch": {
    severity: "warning",
    en: "A nämndplan whose internbudget does not sum to the nämnd's ram in the budget.",
    sv: "En nämndplan vars internbudget inte summerar till nämndens ram i budgeten.",
  },
  "decision-missing": {
    severity: "warning",
    en: "A decided (beslutad) document without a beslut reference.",
    sv: "Ett beslutat dokument utan beslut.",
  },
  "resultatmal-without-atagande": {
    severity: "warning",
    en: "A resultatmål that no åtagande serves.",
    sv: "Ett resultatmål som inget åtagande bidrar till.",
  },
  "atagande-without-aktivitet": {
    severity: "warning",
    en: "An åtagande that no aktivitet serves, in a year that has verksamhetsplaner.",
    sv: "Ett åtagande som ingen aktivitet bidrar till, ett år som har verksamhetsplaner.",
  },
  "namnd-without-atagande": {
    severity: "warning",
    en: "A nämnd that owns no åtagande in the year's budget.",
    sv: "En nämnd som inte har något åtagande i årets budget.",
  },
  "duplicate-follow-up": {
    severity: "error",
    en: "The same entity followed up twice in one period.",
    sv: "Samma post följs upp två gånger under samma period.",
  },
  "unknown-rule": {
    severity: "warning",
    en: "plan.yaml regler names a diagnostic code that does not exist.",
    sv: "regler i plan.yaml anger en kod som inte finns.",
  },
} as const satisfies Record<string, CodeInfo>;

export type Code = keyof typeof CODES;

export const ALL_CODES = Object.keys(CODES).sort() as Code[];

export function isCode(s: string): s is Code {
  return Object.prototype.hasOwnProperty.call(CODES, s);
}
