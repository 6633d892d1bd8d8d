// The words of every diagnostic, in English and Swedish: one switch per language.
import type { Diagnostic, Lang } from "../model/types.js";

type Args = Diagnostic["args"];

const s = (v: unknown): string => (Array.isArray(v) ? v.join(", ") : v === undefined ? "" : String(v));
const q = (v: unknown): string => `"${s(v)}"`;
const orList = (v: unknown, or: string): string => {
  const list = Array.isArray(v) ? v.map(String) : [s(v)];
  return list.length <= 1 ? (list[0] ?? "") : `${list.slice(0, -1).join(", ")} ${or} ${list[list.length - 1]}`;
};
const field = (a: Args): string => (a.field ? ` in ${s(a.field)}` : "");
const fält = (a: Args): string => (a.field ? ` i ${s(a.field)}` : "");

const TYPE_SV: Record<string, string> = {
  text: "text",
  number: "tal",
  integer: "heltal",
  boolean: "sant/falskt",
  mapping: "mappning",
  list: "lista",
  null: "tomt värde",
};

const HINT_EN: Record<string, string> = {
  month: "a month written YYYY-MM, such as 2025-08",
  kolada: "a Kolada ID: a capital letter and five digits, such as N00914",
  digits4: "four digits, such as 2025 or \"0483\"",
  code: "a diagnostic code in lower case, such as orphan",
  pattern: "the expected form",
};
const HINT_SV: Record<string, string> = {
  month: "en månad skriven ÅÅÅÅ-MM, t.ex. 2025-08",
  kolada: "ett Kolada-ID: en versal och fem siffror, t.ex. N00914",
  digits4: "fyra siffror, t.ex. 2025 eller \"0483\"",
  code: "en diagnoskod med gemener, t.ex. orphan",
  pattern: "den väntade formen",
};

const KIND_EN: Record<string, string> = {
  symlink: "a symbolic link",
  fifo: "a FIFO (named pipe)",
  socket: "a socket",
  device: "a device file",
  submodule: "a git submodule (or another repository)",
  folder: "a folder",
  other: "a special file",
};
const KIND_SV: Record<string, string> = {
  symlink: "en symbolisk länk",
  fifo: "en FIFO (namngiven pipe)",
  socket: "en socket",
  device: "en enhetsfil",
  submodule: "en git-undermodul (eller ett annat repository)",
  folder: "en mapp",
  other: "en specialfil",
};

function en(d: Diagnostic): string {
  const a = d.args;
  switch (d.code) {
    case "yaml-syntax":
      return `YAML syntax error: ${s(a.detail)}`;
    case "not-utf8":
      return `not valid UTF-8 text (byte ${s(a.offset)}); save the file as UTF-8`;
    case "duplicate-key":
      return `the key ${q(a.key)} appears twice in this mapping; the first one counts`;
    case "yaml-too-deep":
      return `the YAML nests deeper than ${s(a.max)} levels; refused`;
    case "yaml-alias-limit":
      return `YAML aliases expand to more than ${s(a.max)} values or refer to themselves; refused`;
    case "not-regular-file":
      return `${KIND_EN[s(a.kind)] ?? s(a.kind)}, not a regular file: not read (plan files must be regular files; links are never followed)`;
    case "not-followed":
      return `${KIND_EN[s(a.kind)] ?? s(a.kind)}: not followed, so no plan file behind it is read (list it under ignorera to silence this)`;
    case "file-too-large":
      return `the file is ${s(a.size)} bytes, above the limit of ${s(a.max)}: not read`;
    case "unreadable-path":
      return `cannot read this folder or file (${s(a.detail)}): its plan files are missing`;
    case "bad-file-name":
      return a.kind === "not-utf8"
        ? "the name is not valid UTF-8 (shown with \\x escapes): rename it, it is not read"
        : `the name is the same text as ${q(a.other)} after Unicode NFC normalisation (å typed two ways): this one is not read, rename or remove one`;
    case "ignore-bad-glob":
      return `ignorera glob ${q(a.glob)} is refused (${s(a.detail)}): it ignores nothing`;
    case "ignore-plan-yaml":
      return `ignorera glob ${q(a.glob)} matches plan.yaml, which is always read`;
    case "ignore-everything":
      return `ignorera leaves no plan file but plan.yaml (${s(a.ignored)} files or folders ignored)`;
    case "not-a-mapping":
      return "a plan document must be a mapping (keys such as typ: and id:)";
    case "unknown-typ":
      return a.value === ""
        ? `the document has no typ; use one of ${orList(a.allowed, "or")}`
        : `unknown typ ${q(a.value)}; use ${orList(a.allowed, "or")}`;
    case "misplaced-kommun":
      return "typ: kommun belongs in plan.yaml at the plan root, once";
    case "missing-field":
      return a.alternative
        ? `missing field ${q(a.field)} or ${q(a.alternative)}: one of them is required`
        : `missing required field ${q(a.field)}${a.where ? ` in ${s(a.where)}` : ""}`;
    case "unknown-key":
      return `unknown key ${q(a.key)}${a.suggestion ? `; did you mean ${q(a.suggestion)}?` : ""} (own data goes under keys starting with x-)`;
    case "wrong-type": {
      const hint = a.actual === "number" || a.actual === "integer" ? " (write it in quotes to make it text)" : "";
      return `expected ${orList(a.expected, "or")}${field(a)}, found ${s(a.actual)}${Array.isArray(a.expected) && a.expected.includes("text") ? hint : ""}`;
    }
    case "bad-value":
      return `${q(a.value)} is not allowed${field(a)}; use ${orList(a.allowed, "or")}`;
    case "bad-id":
      return `${q(a.value)} is not a valid ID: use letters, digits, . _ and -, start with a letter or digit, at most 64 characters, never .. / \\ or spaces`;
    case "bad-date":
      return `${q(a.value)} is not a real date${field(a)}; write YYYY-MM-DD`;
    case "bad-format":
      return `${q(a.value)}${field(a)} should be ${HINT_EN[s(a.hint)] ?? HINT_EN.pattern}`;
    case "out-of-range":
      if (a.comparison === "items") return `the list${field(a)} must hold at least ${s(a.limit)} item(s)`;
      return `${s(a.value)}${field(a)} must be ${s(a.comparison)} ${s(a.limit)}`;
    case "duplicate-id":
      return `the ID ${q(a.id)} is already used (${s(a.firstKind)}) in ${s(a.firstFile)}`;
    case "id-case-collision":
      return `the ID ${q(a.id)} differs from ${q(a.other)} (${s(a.otherFile)}) only in case`;
    case "unknown-reference": {
      const list = Array.isArray(a.suggestions) && a.suggestions.length > 0 ? `; did you mean ${orList(a.suggestions, "or")}?` : "";
      return `${s(a.field)}: unknown ID ${q(a.ref)}${list}`;
    }
    case "wrong-kind-reference":
      return `${s(a.field)}: ${q(a.ref)} is of kind ${s(a.found)}; ${s(a.field)} must point to ${orList(a.allowed, "or")}`;
    case "reference-other-year":
      return `${s(a.field)}: ${q(a.ref)} exists only in ${orList(a.where, "and")}, not in ${s(a.year)}`;
    case "reference-cycle":
      return `reference cycle: ${s(Array.isArray(a.cycle) ? a.cycle.join(" → ") : a.cycle)}`;
    case "alla-not-alone":
      return "nämnder: alla means every nämnd and must stand alone";
    case "mal-outside-malomrade":
      return `mål ${q(a.mål)} belongs to målområde ${q(a.målområde)}, not ${q(a.expected)}`;
    case "orphan":
      return `${s(a.kind)} ${q(a.id)} does not trace to a målområde${Array.isArray(a.via) && a.via.length > 0 ? ` (through ${s(a.via)})` : ""}: it is outside the red thread`;
    case "year-without-kommunplan":
      return `no kommunplan covers ${s(a.year)}`;
    case "period-overlap":
      return `the period ${s(a.från)}–${s(a.till)} of ${q(a.id)} overlaps ${q(a.other)} (${s(a.otherFile)})`;
    case "period-reversed":
      return `the period runs backwards: från ${s(a.från)} is after till ${s(a.till)}`;
    case "budget-year-outside-planperiod":
      return `år ${s(a.year)} lies outside the planperiod ${s(a.från)}–${s(a.till)}`;
    case "duplicate-budget":
      return `a second budget for ${s(a.year)}; the first is in ${s(a.otherFile)}`;
    case "duplicate-namndplan":
      return `a second nämndplan for ${s(a.nämnd)} ${s(a.year)}; the first is in ${s(a.otherFile)}`;
    case "year-without-budget":
      return `${s(a.year)} has a ${s(a.kind)} but no budget`;
    case "kpi-missing":
      return `åtagande ${q(a.id)} has no nyckeltal; åtaganden are formulated as nyckeltal`;
    case "target-missing":
      return `nyckeltal ${q(a.nyckeltal)}${a.owner ? ` of ${q(a.owner)}` : ""} has no målvärde for ${s(a.year)}`;
    case "internbudget-mismatch":
      return `internbudget sums to ${s(a.sum)} ${s(a.unit)} but the ram for ${s(a.nämnd)} in ${s(a.budgetFile)} is ${s(a.ram)} ${s(a.unit)}`;
    case "decision-missing":
      return `${s(a.kind)} ${q(a.id)} is beslutad but has no beslut (organ, datum, paragraf)`;
    case "resultatmal-without-atagande":
      return `resultatmål ${q(a.id)} has no åtagande in ${s(a.year)}`;
    case "atagande-without-aktivitet":
      return `no aktivitet serves åtagande ${q(a.id)} in ${s(a.year)}`;
    case "namnd-without-atagande":
      return `nämnd ${q(a.nämnd)} owns no åtagande in ${s(a.year)}`;
    case "duplicate-follow-up":
      return `${q(a.id)} is already followed up for ${s(a.period)} in ${s(a.otherFile)}`;
    case "unknown-rule":
      return `regler: no diagnostic code ${q(a.code)} (plan regler lists them)`;
  }
}

function sv(d: Diagnostic): string {
  const a = d.args;
  switch (d.code) {
    case "yaml-syntax":
      return `syntaxfel i YAML: ${s(a.detail)}`;
    case "not-utf8":
      return `inte giltig UTF-8-text (byte ${s(a.offset)}); spara filen som UTF-8`;
    case "duplicate-key":
      return `nyckeln ${q(a.key)} förekommer två gånger i mappningen; den första gäller`;
    case "yaml-too-deep":
      return `YAML-strukturen är djupare än ${s(a.max)} nivåer och vägras`;
    case "yaml-alias-limit":
      return `YAML-alias expanderar till mer än ${s(a.max)} värden eller pekar på sig själva och vägras`;
    case "not-regular-file":
      return `${KIND_SV[s(a.kind)] ?? s(a.kind)}, inte en vanlig fil: läses inte (planfiler måste vara vanliga filer; länkar följs aldrig)`;
    case "not-followed":
      return `${KIND_SV[s(a.kind)] ?? s(a.kind)}: följs inte, så ingen planfil bakom den läses (lägg den under ignorera för att tysta detta)`;
    case "file-too-large":
      return `filen är ${s(a.size)} byte, över gränsen ${s(a.max)}: läses inte`;
    case "unreadable-path":
      return `kan inte läsa denna mapp eller fil (${s(a.detail)}): dess planfiler saknas`;
    case "bad-file-name":
      return a.kind === "not-utf8"
        ? "namnet är inte giltig UTF-8 (visas med \\x-koder): byt namn, det läses inte"
        : `namnet är samma text som ${q(a.other)} efter Unicode-NFC-normalisering (å skrivet på två sätt): detta läses inte, byt namn på eller ta bort det ena`;
    case "ignore-bad-glob":
      return `mönstret ${q(a.glob)} i ignorera vägras (${s(a.detail)}): det ignorerar ingenting`;
    case "ignore-plan-yaml":
      return `mönstret ${q(a.glob)} i ignorera matchar plan.yaml, som alltid läses`;
    case "ignore-everything":
      return `ignorera lämnar ingen planfil utom plan.yaml (${s(a.ignored)} filer eller mappar ignoreras)`;
    case "not-a-mapping":
      return "ett plandokument måste vara en mappning (nycklar som typ: och id:)";
    case "unknown-typ":
      return a.value === ""
        ? `dokumentet saknar typ; använd ${orList(a.allowed, "eller")}`
        : `okänd typ ${q(a.value)}; använd ${orList(a.allowed, "eller")}`;
    case "misplaced-kommun":
      return "typ: kommun hör hemma i plan.yaml i planens rot, en gång";
    case "missing-field":
      return a.alternative
        ? `fältet ${q(a.field)} eller ${q(a.alternative)} saknas: ett av dem krävs`
        : `obligatoriskt fält ${q(a.field)} saknas${a.where ? ` i ${s(a.where)}` : ""}`;
    case "unknown-key":
      return `okänd nyckel ${q(a.key)}${a.suggestion ? `; menade du ${q(a.suggestion)}?` : ""} (egna data läggs under nycklar som börjar med x-)`;
    case "wrong-type": {
      const expected = (Array.isArray(a.expected) ? a.expected : [s(a.expected)]).map((t) => TYPE_SV[t] ?? t);
      const hint = (a.actual === "number" || a.actual === "integer") && expected.includes("text") ? " (skriv värdet inom citattecken för att göra det till text)" : "";
      return `väntade ${orList(expected, "eller")}${fält(a)}, fann ${TYPE_SV[s(a.actual)] ?? s(a.actual)}${hint}`;
    }
    case "bad-value":
      return `${q(a.value)} är inte tillåtet${fält(a)}; använd ${orList(a.allowed, "eller")}`;
    case "bad-id":
      return `${q(a.value)} är inget giltigt ID: använd bokstäver, siffror, . _ och -, börja med bokstav eller siffra, högst 64 tecken, aldrig .. / \\ eller mellanslag`;
    case "bad-date":
      return `${q(a.value)} är inget verkligt datum${fält(a)}; skriv ÅÅÅÅ-MM-DD`;
    case "bad-format":
      return `${q(a.value)}${fält(a)} ska vara ${HINT_SV[s(a.hint)] ?? HINT_SV.pattern}`;
    case "out-of-range":
      if (a.comparison === "items") return `listan${fält(a)} måste ha minst ${s(a.limit)} post(er)`;
      return `${s(a.value)}${fält(a)} måste vara ${s(a.comparison)} ${s(a.limit)}`;
    case "duplicate-id":
      return `ID:t ${q(a.id)} används redan (${s(a.firstKind)}) i ${s(a.firstFile)}`;
    case "id-case-collision":
      return `ID:t ${q(a.id)} skiljer sig från ${q(a.other)} (${s(a.otherFile)}) bara i versaler/gemener`;
    case "unknown-reference": {
      const list = Array.isArray(a.suggestions) && a.suggestions.length > 0 ? `; menade du ${orList(a.suggestions, "eller")}?` : "";
      return `${s(a.field)}: okänt ID ${q(a.ref)}${list}`;
    }
    case "wrong-kind-reference":
      return `${s(a.field)}: ${q(a.ref)} är av slaget ${s(a.found)}; ${s(a.field)} ska peka på ${orList(a.allowed, "eller")}`;
    case "reference-other-year":
      return `${s(a.field)}: ${q(a.ref)} finns bara ${orList(a.where, "och")}, inte ${s(a.year)}`;
    case "reference-cycle":
      return `referenscykel: ${s(Array.isArray(a.cycle) ? a.cycle.join(" → ") : a.cycle)}`;
    case "alla-not-alone":
      return "nämnder: alla betyder alla nämnder och måste stå ensamt";
    case "mal-outside-malomrade":
      return `målet ${q(a.mål)} hör till målområdet ${q(a.målområde)}, inte ${q(a.expected)}`;
    case "orphan":
      return `${s(a.kind)} ${q(a.id)} leder inte upp till något målområde${Array.isArray(a.via) && a.via.length > 0 ? ` (via ${s(a.via)})` : ""}: den ligger utanför den röda tråden`;
    case "year-without-kommunplan":
      return `ingen kommunplan täcker ${s(a.year)}`;
    case "period-overlap":
      return `perioden ${s(a.från)}–${s(a.till)} i ${q(a.id)} överlappar ${q(a.other)} (${s(a.otherFile)})`;
    case "period-reversed":
      return `perioden går baklänges: från ${s(a.från)} ligger efter till ${s(a.till)}`;
    case "budget-year-outside-planperiod":
      return `år ${s(a.year)} ligger utanför planperioden ${s(a.från)}–${s(a.till)}`;
    case "duplicate-budget":
      return `en andra budget för ${s(a.year)}; den första finns i ${s(a.otherFile)}`;
    case "duplicate-namndplan":
      return `en andra nämndplan för ${s(a.nämnd)} ${s(a.year)}; den första finns i ${s(a.otherFile)}`;
    case "year-without-budget":
      return `${s(a.year)} har ${s(a.kind)} men ingen budget`;
    case "kpi-missing":
      return `åtagandet ${q(a.id)} saknar nyckeltal; åtaganden formuleras som nyckeltal`;
    case "target-missing":
      return `nyckeltalet ${q(a.nyckeltal)}${a.owner ? ` för ${q(a.owner)}` : ""} saknar målvärde för ${s(a.year)}`;
    case "internbudget-mismatch":
      return `internbudgeten summerar till ${s(a.sum)} ${s(a.unit)} men ramen för ${s(a.nämnd)} i ${s(a.budgetFile)} är ${s(a.ram)} ${s(a.unit)}`;
    case "decision-missing":
      return `${s(a.kind)} ${q(a.id)} är beslutad men saknar beslut (organ, datum, paragraf)`;
    case "resultatmal-without-atagande":
      return `resultatmålet ${q(a.id)} har inget åtagande ${s(a.year)}`;
    case "atagande-without-aktivitet":
      return `ingen aktivitet bidrar till åtagandet ${q(a.id)} ${s(a.year)}`;
    case "namnd-without-atagande":
      return `nämnden ${q(a.nämnd)} har inget åtagande ${s(a.year)}`;
    case "duplicate-follow-up":
      return `${q(a.id)} följs redan upp för ${s(a.period)} i ${s(a.otherFile)}`;
    case "unknown-rule":
      return `regler: ingen diagnoskod heter ${q(a.code)} (plan regler listar dem)`;
  }
}

export function formatMessage(d: Diagnostic, lang: Lang = "en"): string {
  return lang === "sv" ? sv(d) : en(d);
}
