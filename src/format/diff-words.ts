// The words of `plan diff` in each language. Domain nouns (åtagande, resultatmål) are Swedish
// in both: they name the plan's things; the machinery around them follows the language.
import type { Lang } from "../diagnostics/index.js";

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

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
  statusHead: string;
  introducedTitle: string;
  resolvedDiagTitle: string;
  diagnosticsCount(n: number): string;
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
    statusHead: "| period | typ | id | from | to |",
    introducedTitle: "Introduced diagnostics",
    resolvedDiagTitle: "Resolved diagnostics",
    diagnosticsCount: (n) => `${n} diagnostics`,
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
    statusHead: "| period | typ | id | från | till |",
    introducedTitle: "Nya diagnostiker",
    resolvedDiagTitle: "Åtgärdade diagnostiker",
    diagnosticsCount: (n) => `${n} diagnostiker`,
  },
};
