// The words of `plan diff` in each language. Domain nouns (åtagande, resultatmål) are Swedish
// in both: they name the plan's things; the machinery around them follows the language.
import type { Lang } from "../diagnostics/index.js";
import { KIND_NOUNS, kindRank } from "../model/kinds.js";

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** "a", "a and b", "a, b and c". */
export const andList = (items: readonly string[], and: string): string =>
  items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} ${and} ${items[items.length - 1]}`;

const capital = (s: string): string => s.charAt(0).toLocaleUpperCase("sv") + s.slice(1);

/** The heading of a kind's section where it is not its plural noun capitalised. */
const TITLES: Readonly<Record<string, string>> = {
  kommun: "Kommun (plan.yaml)",
  organ: "Organisation",
  åtgärd: "Åtgärdsplaner",
};

/** The kinds in the order of the thread (the order of the sections and of lists of kinds). */
export { kindRank };

/** "1 åtagande", "3 åtaganden" (an unknown kind stays as written). */
export const kindCount = (n: number, kind: string): string => {
  const k = Object.hasOwn(KIND_NOUNS, kind) ? KIND_NOUNS[kind]! : [kind, kind];
  return plural(n, k[0], k[1]);
};
export const kindTitle = (kind: string): string => {
  if (!Object.hasOwn(KIND_NOUNS, kind)) return kind;
  return TITLES[kind] ?? capital(KIND_NOUNS[kind]![1]);
};
const kindOne = (kind: string): string => (Object.hasOwn(KIND_NOUNS, kind) ? KIND_NOUNS[kind]![0] : kind);

interface DiffWords {
  counts(added: number, changed: number, removed: number): string;
  newErrors(n: number): string;
  newWarnings(n: number): string;
  resolved(n: number): string;
  statusChanges(n: number): string;
  undecided(n: number): string;
  none: string;
  and: string;
  leaves(id: string, list: string): string;
  moved: string;
  owner: string;
  rename(from: string, to: string, typ: string): string;
  sameContent: string;
  statusTitle: string;
  introduced: string;
  resolvedTitle: string;
  governance: string;
  undecidedTitle: string;
  removedTitle: string;
  removedCount(n: number): string;
  added: string;
  linesCount(n: number): string;
  renamesTitle: string;
  statusHead: readonly string[];
  introducedTitle: string;
  resolvedDiagTitle: string;
  diagnosticsCount(n: number): string;
  consequencesTitle: string;
  // The summary paragraph, sentence by sentence.
  changes(added: string, changed: string, removed: string): string;
  noChanges: string;
  target(id: string, year: string, from: string, to: string, raised: boolean | undefined): string;
  targets(n: number): string;
  movedTo(id: string, from: string, to: string): string;
  decidedChanged(typ: string, id: string): string;
  statusChanged(list: string): string;
  statusCount(list: string): string;
  statusFromTo(what: string, from: string, to: string): string;
  errorsSentence(errors: number, warnings: number): string;
  resolvedSentence(n: number): string;
  // The consequences.
  standsWithout(list: string, kind: string): string;
  losesThread(list: string): string;
  errorKinds(n: number, what: string): string;
  // What a status was judged on.
  targetWord: string;
  byHand: string;
  /** Before the statuses a goal rolls up. */
  below: string;
}

export const DIFF_WORDS: Record<Lang, DiffWords> = {
  en: {
    counts: (a, c, r) => `${a} added, ${c} changed, ${r} removed`,
    newErrors: (n) => plural(n, "new error", "new errors"),
    newWarnings: (n) => plural(n, "new warning", "new warnings"),
    resolved: (n) => `${n} resolved`,
    statusChanges: (n) => plural(n, "status change", "status changes"),
    undecided: (n) => `${plural(n, "decided document", "decided documents")} changed without a new decision`,
    none: "(none)",
    and: "and",
    leaves: (id, list) => `removing ${id} leaves ${list} without a goal`,
    moved: "moved",
    owner: "new owner",
    rename: (from, to, typ) => `possible rename: ${from} → ${to} (${typ}, same content)`,
    sameContent: "same content",
    statusTitle: "Status changes:",
    introduced: "Introduced:",
    resolvedTitle: "Resolved:",
    governance: "Governance:",
    undecidedTitle: "⚠ Changed without a new decision",
    removedTitle: "❌ Removed",
    removedCount: (n) => `${n} removed`,
    added: "added",
    linesCount: (n) => `${n} lines`,
    renamesTitle: "Possible renames",
    statusHead: ["period", "typ", "id", "name", "before", "after", "judged on"],
    introducedTitle: "New errors and warnings",
    resolvedDiagTitle: "Resolved errors and warnings",
    diagnosticsCount: (n) => plural(n, "error or warning", "errors and warnings"),
    consequencesTitle: "Consequences",
    changes: (a, c, r) =>
      [a && `adds ${a}.`, c && `modifies ${c}.`, r && `removes ${r}.`]
        .filter((x) => x !== "")
        .map((x, i) => `${i === 0 ? "The change" : "It"} ${x}`)
        .join(" "),
    noChanges: "The change leaves the plan's content as it was.",
    target: (id, year, from, to, raised) => `The ${year} target of ${id} is ${raised === undefined ? "changed" : raised ? "raised" : "lowered"} from ${from} to ${to}.`,
    targets: (n) => `Targets change for ${plural(n, "nyckeltal", "nyckeltal")}.`,
    movedTo: (id, from, to) => `${id} moves from ${from} to ${to}.`,
    decidedChanged: (typ, id) => `${capital(kindOne(typ))} ${id} is decided but changes without a new decision.`,
    statusChanged: (list) => `The assessed fulfilment changes: ${list}.`,
    statusCount: (list) => `The assessed fulfilment changes for ${list}.`,
    statusFromTo: (what, from, to) => `${what} from ${from} to ${to}`,
    errorsSentence: (e, w) => {
      const parts = [e > 0 ? plural(e, "new error", "new errors") : "", w > 0 ? plural(w, "new warning", "new warnings") : ""].filter((x) => x !== "");
      return `It introduces ${andList(parts, "and")}${e > 0 ? ", to be fixed before the change is approved" : ""}.`;
    },
    resolvedSentence: (n) => `It resolves ${plural(n, "earlier error or warning", "earlier errors and warnings")}.`,
    standsWithout: (list, kind) => `${list} ${/^1 /u.test(list) && !list.includes(" and ") ? "is" : "are"} left without a ${kindOne(kind)}`,
    losesThread: (list) => `${list} no longer lead${/^1 /u.test(list) && !list.includes(" and ") ? "s" : ""} up to any goal`,
    errorKinds: (n, what) => `${plural(n, "new error", "new errors")}: ${what}`,
    targetWord: "målvärde",
    byHand: "assessed by hand",
    below: "below:",
  },
  sv: {
    counts: (a, c, r) => `${plural(a, "tillagd", "tillagda")}, ${plural(c, "ändrad", "ändrade")}, ${plural(r, "borttagen", "borttagna")}`,
    newErrors: (n) => plural(n, "nytt fel", "nya fel"),
    newWarnings: (n) => plural(n, "ny varning", "nya varningar"),
    resolved: (n) => `${n} åtgärdade`,
    statusChanges: (n) => plural(n, "ändrad status", "ändrade statusar"),
    undecided: (n) => (n === 1 ? "1 beslutat dokument ändrat utan nytt beslut" : `${n} beslutade dokument ändrade utan nytt beslut`),
    none: "(inget)",
    and: "och",
    leaves: (id, list) => `att ta bort ${id} lämnar ${list} utan mål`,
    moved: "flyttad",
    owner: "ny ägare",
    rename: (from, to, typ) => `möjligen omdöpt: ${from} → ${to} (${typ}, samma innehåll)`,
    sameContent: "samma innehåll",
    statusTitle: "Ändrad status:",
    introduced: "Nya:",
    resolvedTitle: "Åtgärdade:",
    governance: "Styrning:",
    undecidedTitle: "⚠ Ändrat utan nytt beslut",
    removedTitle: "❌ Borttaget",
    removedCount: (n) => `${n} borttagna`,
    added: "tillagd",
    linesCount: (n) => `${n} rader`,
    renamesTitle: "Möjliga omdöpningar",
    statusHead: ["period", "typ", "id", "namn", "före", "efter", "bedömt på"],
    introducedTitle: "Nya fel och varningar",
    resolvedDiagTitle: "Åtgärdade fel och varningar",
    diagnosticsCount: (n) => (n === 1 ? "1 fel eller varning" : `${n} fel och varningar`),
    consequencesTitle: "Konsekvenser",
    changes: (a, c, r) =>
      [a && `lägger till ${a}.`, c && `ändrar ${c}.`, r && `tar bort ${r}.`]
        .filter((x) => x !== "")
        .map((x, i) => `${i === 0 ? "Ändringen" : "Den"} ${x}`)
        .join(" "),
    noChanges: "Ändringen lämnar planens innehåll som det var.",
    target: (id, year, from, to, raised) => `Målvärdet för ${id} år ${year} ${raised === undefined ? "ändras" : raised ? "höjs" : "sänks"} från ${from} till ${to}.`,
    targets: (n) => `Målvärden ändras för ${n} nyckeltal.`,
    movedTo: (id, from, to) => `${id} flyttas från ${from} till ${to}.`,
    decidedChanged: (typ, id) => `${capital(kindOne(typ))} ${id} är beslutad men ändras utan nytt beslut.`,
    statusChanged: (list) => `Den bedömda måluppfyllelsen ändras: ${list}.`,
    statusCount: (list) => `Den bedömda måluppfyllelsen ändras för ${list}.`,
    statusFromTo: (what, from, to) => `${what} går från ${from} till ${to}`,
    errorsSentence: (e, w) => {
      const parts = [e > 0 ? plural(e, "nytt fel", "nya fel") : "", w > 0 ? plural(w, "ny varning", "nya varningar") : ""].filter((x) => x !== "");
      return `Den ger ${andList(parts, "och")}${e > 0 ? ", som behöver rättas innan ändringen godkänns" : ""}.`;
    },
    resolvedSentence: (n) => (n === 1 ? "Den åtgärdar 1 tidigare fel eller varning." : `Den åtgärdar ${n} tidigare fel och varningar.`),
    standsWithout: (list, kind) => `${list} står utan ${kindOne(kind)}`,
    losesThread: (list) => `${list} når inte längre upp till något mål`,
    errorKinds: (n, what) => `${plural(n, "nytt fel", "nya fel")}: ${what}`,
    targetWord: "målvärde",
    byHand: "bedömd för hand",
    below: "under:",
  },
};
