// Layer 1, in-process: every diagnostic code has a fixture that triggers it, and the test
// asserts the exact list of codes the plan then gives, and where the one it is about points
// (publint's testFixture(name, codes)). A fixture is an overlay on test/fixtures/base: only
// the files that differ, with a YAML comment on the line that triggers the rule.
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkPlan } from "../src/check/index.js";
import { CODES, decidedChangeLine, formatMessage, messageOf, type Code, type Diagnostic } from "../src/diagnostics/index.js";
import { comparePlans } from "../src/diff/compare.js";
import { loadFrom, memorySource } from "../src/load/load-plan.js";
import { checkFiles, overlayFiles, type Specials } from "./helpers/memory-plan.js";
import { BASE, FIXTURES } from "./helpers/plan-dir.js";

interface Place {
  file: string;
  line: number;
  column: number;
  /** The entity the diagnostic is about, where it has one. */
  id?: string;
}

interface Case {
  code: Code;
  /** Overlay folder under test/fixtures. */
  fixture: string;
  /** Where the diagnostic the case is about points. */
  at: Place;
  /** Every code the plan gives, sorted; default [code]. */
  codes?: Code[];
  /**
   * Codes the plan gives today as a consequence of the defect, saying nothing new: left out
   * before the codes are compared, so that removing them does not break the case.
   */
  noise?: { codes: Code[]; why: string };
  /** Files made here rather than kept as fixtures (a name in NFD, 10 MiB, plan.yaml with ignorera). */
  extra?: Record<string, string | Uint8Array>;
  /** Entries that are not regular files, or cannot be read (see helpers/memory-plan.ts). */
  specials?: Specials;
}

const PLAN_YAML = readFileSync(`${BASE}/plan.yaml`, "utf8");
/** The base plan.yaml with an `ignorera` list; its first glob stands on line `IGNORE_LINE`. */
const withIgnore = (...globs: string[]): string => `${PLAN_YAML}ignorera:\n${globs.map((g) => `  - ${JSON.stringify(g)}\n`).join("")}`;
const IGNORE_LINE = PLAN_YAML.split("\n").length + 1;

const KLF = "verksamhetsplaner/KLF/2025.yaml";

/** A base file with its first list item indented by a tab: the file no longer parses. `line`: the tab's line. */
function withTab(file: string): { text: string; line: number } {
  const text = readFileSync(`${BASE}/${file}`, "utf8");
  const at = text.indexOf("\n  - ");
  return { text: `${text.slice(0, at)}\n\t- ${text.slice(at + 5)}`, line: text.slice(0, at).split("\n").length + 1 };
}
const TAB_PLAN = withTab("plan.yaml");
const TAB_BUDGET = withTab("budget/2025.yaml");
const TAB_NAMNDPLAN = withTab("namnder/KS/2025.yaml");
const KS = "namnder/KS/2025.yaml";
const UF = "uppfoljning/2025-08-delar.yaml";
/** The follow-up of the statement cases (a second follow-up of the base plan's period). */
const RÄKENSKAPER = "uppfoljning/2025-08-rakenskaper.yaml";

/**
 * The keys of the economy (finansiella_mål, resultaträkning, balansräkning, balanskrav, …)
 * enter the schemas in a change made alongside these guards; until both are together, the
 * schema calls each of them unknown. That says nothing about the rule the case is about.
 */

const CASES: Case[] = [
  // Which files are read (no fixture folder: links, FIFOs and huge files are made here)
  {
    code: "not-regular-file",
    fixture: "none",
    specials: { kinds: { "verksamhetsplaner/KLF/lank.yaml": "symlink" } },
    at: { file: "verksamhetsplaner/KLF/lank.yaml", line: 1, column: 1 },
  },
  {
    code: "not-regular-file",
    fixture: "none",
    specials: { kinds: { "verksamhetsplaner/KLF/ror.yaml": "fifo" } },
    at: { file: "verksamhetsplaner/KLF/ror.yaml", line: 1, column: 1 },
  },
  { code: "not-followed", fixture: "none", specials: { kinds: { "verksamhetsplaner/extern": "submodule" } }, at: { file: "verksamhetsplaner/extern", line: 1, column: 1 } },
  {
    code: "file-too-large",
    fixture: "none",
    extra: { "verksamhetsplaner/KLF/stor.yaml": Buffer.alloc(10 * 1024 * 1024 + 1, 0x23) },
    at: { file: "verksamhetsplaner/KLF/stor.yaml", line: 1, column: 1 },
  },
  {
    code: "unreadable-path",
    fixture: "none",
    extra: { "verksamhetsplaner/KLF/anteckningar.yaml": "# läses aldrig\n" },
    specials: { unreadable: { "verksamhetsplaner/KLF/anteckningar.yaml": "EACCES" } },
    at: { file: "verksamhetsplaner/KLF/anteckningar.yaml", line: 1, column: 1 },
  },
  // The same name twice, once NFC and once NFD: the first in path order is read.
  {
    code: "bad-file-name",
    fixture: "none",
    extra: { "verksamhetsplaner/KLF/\u00e5tg\u00e4rder.yaml": "# tom\n", "verksamhetsplaner/KLF/a\u030atga\u0308rder.yaml": "# tom\n" },
    at: { file: "verksamhetsplaner/KLF/\u00e5tg\u00e4rder.yaml", line: 1, column: 1 },
  },
  { code: "ignore-bad-glob", fixture: "none", extra: { "plan.yaml": withIgnore("x".repeat(1001)) }, at: { file: "plan.yaml", line: IGNORE_LINE, column: 5 } },
  { code: "ignore-plan-yaml", fixture: "none", extra: { "plan.yaml": withIgnore("*.yaml") }, at: { file: "plan.yaml", line: IGNORE_LINE, column: 5 } },
  {
    code: "ignore-everything",
    fixture: "none",
    extra: { "plan.yaml": withIgnore("{budget,kommunplan,namnder,verksamhetsplaner,uppfoljning}/**") },
    at: { file: "plan.yaml", line: IGNORE_LINE - 1, column: 1 },
  },

  // Reading the files
  { code: "yaml-syntax", fixture: "defects/yaml-syntax", at: { file: "uppfoljning/2025-09-manad.yaml", line: 8, column: 1 } },
  { code: "not-utf8", fixture: "rules/not-utf8", at: { file: "verksamhetsplaner/KLF/anteckningar.yaml", line: 3, column: 4 } },
  { code: "duplicate-key", fixture: "defects/duplicate-key", at: { file: KLF, line: 18, column: 5 } },
  // The 65th of 70 nested lists, nine columns in.
  { code: "yaml-too-deep", fixture: "rules/yaml-too-deep", at: { file: "verksamhetsplaner/KLF/djup.yaml", line: 2, column: 73 } },
  { code: "yaml-alias-limit", fixture: "rules/yaml-alias-limit", at: { file: "verksamhetsplaner/KLF/alias.yaml", line: 5, column: 13 } },
  {
    // One flow list of 600,000 values on a line over 1,000 characters: the fast readers leave it
    // to the yaml package, whose syntax tree of it would take seconds and gigabytes.
    code: "yaml-too-complex",
    fixture: "none",
    extra: { "verksamhetsplaner/KLF/lista.yaml": `typ: verksamhetsplan\nid: VP-LISTA\norgan: KLF\når: 2025\nx-värden: [${"1,".repeat(600_000)}1]\n` },
    at: { file: "verksamhetsplaner/KLF/lista.yaml", line: 1, column: 1 },
  },
  { code: "not-a-mapping", fixture: "rules/not-a-mapping", at: { file: "verksamhetsplaner/KLF/lista.yaml", line: 1, column: 1 } },
  { code: "unknown-typ", fixture: "rules/unknown-typ", at: { file: "verksamhetsplaner/KLF/projekt.yaml", line: 1, column: 6 } },
  {
    code: "unknown-typ",
    fixture: "rules/unknown-typ-plan-yaml",
    at: { file: "plan.yaml", line: 1, column: 6 },
    // Without the kommun document every organ and the vision is unknown: one summary, not 21 errors.
    codes: ["unchecked-references", "unknown-typ"],
  },
  // A file that does not parse: its IDs are unknown, not missing. One summary line in place of
  // the unknown references into it (organ and vision for plan.yaml) and the gaps it may fill.
  { code: "unchecked-references", fixture: "none", extra: { "plan.yaml": TAB_PLAN.text }, at: { file: "plan.yaml", line: TAB_PLAN.line, column: 1 }, codes: ["unchecked-references", "yaml-syntax"] },
  {
    code: "unchecked-references",
    fixture: "none",
    extra: { "budget/2025.yaml": TAB_BUDGET.text },
    at: { file: "budget/2025.yaml", line: TAB_BUDGET.line, column: 1 },
    codes: ["unchecked-references", "yaml-syntax"],
  },
  {
    code: "unchecked-references",
    fixture: "none",
    extra: { "namnder/KS/2025.yaml": TAB_NAMNDPLAN.text },
    at: { file: "namnder/KS/2025.yaml", line: TAB_NAMNDPLAN.line, column: 1 },
    codes: ["unchecked-references", "yaml-syntax"],
  },
  { code: "misplaced-kommun", fixture: "rules/misplaced-kommun", at: { file: "namnder/kommun.yaml", line: 1, column: 6 } },

  // Schema
  { code: "missing-field", fixture: "defects/missing-field", at: { file: KLF, line: 15, column: 5, id: "KLF-AK03" } },
  // bidrar_til: the unknown key; the missing required bidrar_till follows from it and is folded into it.
  { code: "unknown-key", fixture: "defects/misspelt-bidrar-til", at: { file: KLF, line: 17, column: 5, id: "KLF-AK03" } },
  { code: "wrong-type", fixture: "defects/wrong-type-belopp", at: { file: KS, line: 16, column: 44, id: "NP2025-KS" } },
  // A mapping where a word (öka, minska, bibehåll) is expected: the type is wrong, not the word
  // (found by the loader property: the message once said "[object Object]").
  {
    code: "wrong-type",
    fixture: "none",
    extra: { "budget/2025.yaml": readFileSync(`${BASE}/budget/2025.yaml`, "utf8").replace("riktning: öka", "riktning: { 2025: 80 }") },
    at: { file: "budget/2025.yaml", line: 26, column: 17, id: "ORT-Å1" },
  },
  { code: "bad-value", fixture: "defects/bad-enum", at: { file: KS, line: 11, column: 81, id: "KS-VM1" } },
  { code: "bad-id", fixture: "defects/id-with-slash", at: { file: KLF, line: 15, column: 9, id: "KLF/AK03" } },
  { code: "bad-date", fixture: "defects/impossible-date", at: { file: KLF, line: 18, column: 12, id: "KLF-AK03" } },
  { code: "bad-format", fixture: "defects/malvarden-bad-year-key", at: { file: KS, line: 11, column: 109, id: "KS-VM1" } },
  { code: "out-of-range", fixture: "rules/out-of-range", at: { file: "budget/2025.yaml", line: 44, column: 80, id: "UTB-Å2" } },

  // IDs and references
  { code: "duplicate-id", fixture: "defects/duplicate-id", at: { file: "verksamhetsplaner/KLF/projekt-2025.yaml", line: 6, column: 9, id: "KLF-AK01" } },
  { code: "id-case-collision", fixture: "defects/id-case-collision", at: { file: KLF, line: 15, column: 9, id: "klf-ak01" } },
  { code: "unknown-reference", fixture: "defects/unknown-reference", at: { file: KLF, line: 17, column: 19, id: "KLF-AK03" } },
  { code: "wrong-kind-reference", fixture: "defects/wrong-kind-organ", at: { file: KLF, line: 17, column: 19, id: "KLF-AK03" } },
  { code: "reference-other-year", fixture: "defects/reference-other-year", at: { file: KLF, line: 17, column: 19, id: "KLF-AK03" } },
  { code: "reference-cycle", fixture: "defects/reference-cycle", at: { file: KS, line: 14, column: 19, id: "KS-VM2" } },
  { code: "alla-not-alone", fixture: "rules/alla-not-alone", at: { file: "budget/2025.yaml", line: 32, column: 14, id: "ORT-Å2" } },
  { code: "mal-outside-malomrade", fixture: "rules/mal-outside-malomrade", at: { file: "budget/2025.yaml", line: 12, column: 11, id: "ORT-R1" } },

  // The red thread
  { code: "orphan", fixture: "defects/orphan", at: { file: KLF, line: 17, column: 18, id: "KLF-AK03" } },

  // Periods and years
  // An uppföljning of 2029 has neither a kommunplan nor a budget: two facts, both true.
  {
    code: "year-without-kommunplan",
    fixture: "rules/year-without-kommunplan",
    at: { file: "uppfoljning/2029-03-manad.yaml", line: 3, column: 9, id: "UF2029-03" },
    codes: ["year-without-budget", "year-without-kommunplan"],
  },
  { code: "period-overlap", fixture: "rules/period-overlap", at: { file: "kommunplan/2027-2030.yaml", line: 4, column: 9, id: "KP2027" } },
  { code: "period-reversed", fixture: "rules/period-reversed", at: { file: "budget/2026.yaml", line: 5, column: 13, id: "OPB2026" } },
  {
    code: "period-reversed",
    fixture: "rules/period-reversed-kommunplan",
    at: { file: "kommunplan/2025-2028.yaml", line: 4, column: 9, id: "KP2025" },
    noise: {
      codes: ["year-without-kommunplan", "reference-other-year"],
      why: 'a reversed kommunplan covers no year: both budget years lose it, and every målområde reference "exists only in 2028–2025"',
    },
  },
  { code: "date-reversed", fixture: "rules/date-reversed", at: { file: KLF, line: 11, column: 11, id: "KLF-AK01" } },
  { code: "date-outside-year", fixture: "rules/date-outside-year", at: { file: KLF, line: 11, column: 11, id: "KLF-AK01" } },
  { code: "date-outside-year", fixture: "rules/date-outside-year-klart", at: { file: "budget/2025.yaml", line: 50, column: 12, id: "U25-01" } },
  { code: "date-outside-year", fixture: "rules/date-outside-year-atgard", at: { file: UF, line: 17, column: 77, id: "ÅP-01" } },
  { code: "budget-year-outside-planperiod", fixture: "defects/budget-year-outside-planperiod", at: { file: "budget/2026.yaml", line: 4, column: 5, id: "OPB2026" } },
  {
    code: "duplicate-budget",
    fixture: "rules/duplicate-budget",
    at: { file: "budget/tillagg-2025.yaml", line: 3, column: 5, id: "OPB2025-T" },
    noise: { codes: ["namnd-without-atagande"], why: "the empty second budget is also held to coverage: one warning per nämnd" },
  },
  { code: "duplicate-namndplan", fixture: "rules/duplicate-namndplan", at: { file: "namnder/KS/tillagg-2025.yaml", line: 3, column: 8, id: "NP2025-KS-T" } },
  { code: "year-without-budget", fixture: "rules/year-without-budget", at: { file: "verksamhetsplaner/KLF/2027.yaml", line: 4, column: 5, id: "VP2027-KLF" } },

  // Content
  { code: "kpi-missing", fixture: "rules/kpi-missing", at: { file: "budget/2025.yaml", line: 30, column: 9, id: "ORT-Å2" } },
  // A finansiellt mål is followed up like an åtagande: the same two checks of its nyckeltal.
  { code: "kpi-missing", fixture: "rules/kpi-missing-finansiellt-mal", at: { file: "budget/2025.yaml", line: 55, column: 9, id: "FM1" } },
  { code: "target-missing", fixture: "rules/target-missing", at: { file: "budget/2026.yaml", line: 26, column: 98, id: "UTB-Å3" } },
  { code: "target-missing", fixture: "rules/target-missing-finansiellt-mal", at: { file: "budget/2025.yaml", line: 61, column: 18, id: "FM1" } },
  // Reported at the internbudget key: the sum is the list's, not one line's.
  { code: "internbudget-mismatch", fixture: "rules/internbudget-mismatch", at: { file: KS, line: 14, column: 1, id: "NP2025-KS" } },
  { code: "decision-missing", fixture: "rules/decision-missing", at: { file: "namnder/BUN/2025.yaml", line: 1, column: 6, id: "NP2025-BUN" } },
  { code: "resultatmal-without-atagande", fixture: "rules/resultatmal-without-atagande", at: { file: "budget/2026.yaml", line: 11, column: 11, id: "ORT-R2" } },
  { code: "atagande-without-aktivitet", fixture: "rules/atagande-without-aktivitet", at: { file: "budget/2025.yaml", line: 40, column: 9, id: "UTB-Å2" } },
  // The new nämnd MHN owns nothing in either budget year; the case is about the first.
  {
    code: "namnd-without-atagande",
    fixture: "rules/namnd-without-atagande",
    at: { file: "budget/2025.yaml", line: 18, column: 1, id: "MHN" },
    codes: ["namnd-without-atagande", "namnd-without-atagande"],
  },

  // Follow-up
  { code: "duplicate-follow-up", fixture: "rules/duplicate-follow-up", at: { file: "uppfoljning/2025-08-delar.yaml", line: 8, column: 14, id: "ORT-Å1" } },
  { code: "value-year-after-period", fixture: "rules/value-year-after-period", at: { file: UF, line: 7, column: 39, id: "ORT-Å1" } },

  // Comparison with other municipalities
  { code: "comparison-kpi-unknown", fixture: "rules/comparison-kpi-unknown", at: { file: "kolada/jamforelse-2025.yaml", line: 11, column: 13, id: "JMF-2025" } },
  // "kolada/jamforelse-2025-b.yaml" sorts before "kolada/jamforelse-2025.yaml" ('-' < '.'): the later file is the second.
  { code: "duplicate-comparison", fixture: "rules/duplicate-comparison", at: { file: "kolada/jamforelse-2025.yaml", line: 3, column: 5, id: "JMF-2025" } },

  // Economy
  // The issue's case: a follow-up in mnkr without beloppsenhet. Read as tkr, each of its
  // amounts is a thousandth of the ram it is held to, and each says so.
  {
    code: "amount-without-unit",
    fixture: "rules/amount-without-unit",
    at: { file: UF, line: 1, column: 6, id: "UF2025-08" },
    // The six figures a thousand times off are one amount-magnitude, at the first, with the count of the rest.
    codes: ["amount-magnitude", "amount-without-unit"],
  },
  // A nämndplan whose internbudget really is in tkr: only the missing unit is said.
  { code: "amount-without-unit", fixture: "rules/amount-without-unit-namndplan", at: { file: "namnder/BUN/2025.yaml", line: 1, column: 6, id: "NP2025-BUN" } },
  // The issue's case: the whole-kommun follow-up without one nämnd's ekonomi row.
  { code: "economy-organ-missing", fixture: "rules/economy-organ-missing", at: { file: UF, line: 13, column: 1, id: "BUN" } },
  { code: "budget-differs-from-ram", fixture: "rules/budget-differs-from-ram", at: { file: UF, line: 14, column: 26, id: "KS" } },
  { code: "statement-sum-mismatch", fixture: "rules/statement-sum-mismatch", at: { file: RÄKENSKAPER, line: 14, column: 29, id: "UF2025-08-R" } },
  // Neither total is written: reported at the statement.
  { code: "balance-sheet-unbalanced", fixture: "rules/balance-sheet-unbalanced", at: { file: RÄKENSKAPER, line: 15, column: 1, id: "UF2025-08-R" } },
  { code: "balanskrav-sum-mismatch", fixture: "rules/balanskrav-sum-mismatch", at: { file: RÄKENSKAPER, line: 29, column: 24, id: "UF2025-08-R" } },
  // The balanskrav's own årets_resultat against the resultaträkning's prognos (a delår).
  { code: "balanskrav-sum-mismatch", fixture: "rules/balanskrav-arets-resultat", at: { file: RÄKENSKAPER, line: 26, column: 19, id: "UF2025-08-R" } },
  { code: "amount-sign", fixture: "rules/amount-sign", at: { file: RÄKENSKAPER, line: 13, column: 36, id: "UF2025-08-R" } },
  { code: "amount-magnitude", fixture: "rules/amount-magnitude", at: { file: UF, line: 14, column: 41, id: "KS" } },

  // Settings
  { code: "unknown-rule", fixture: "rules/unknown-rule", at: { file: "plan.yaml", line: 15, column: 3 } },
];

/**
 * Codes that `plan diff` finds between two revisions rather than `checkPlan` in one: a case
 * is a change to the base plan, and the flags the diff then gives.
 */
const DIFF_CASES: { code: Code; change: (budget: string) => string; flags: { id: string; file: string; entities: string[] }[] }[] = [
  {
    code: "decided-changed-without-decision",
    // budget/2025.yaml is beslutad (no status) with a beslut; a målvärde changes, the beslut does not.
    change: (budget) => budget.replace("målvärden: { 2025: 3.4,", "målvärden: { 2025: 3.5,"),
    flags: [{ id: "OPB2025", file: "budget/2025.yaml", entities: ["ORT-Å1"] }],
  },
  {
    code: "decided-changed-without-decision",
    // The same change with a new beslut is a decided change: no flag.
    change: (budget) => budget.replace("målvärden: { 2025: 3.4,", "målvärden: { 2025: 3.5,").replace("datum: 2024-11-18", "datum: 2025-03-24"),
    flags: [],
  },
];

const placeOf = (d: Diagnostic): Place => ({ file: d.file, line: d.line, column: d.column, ...(d.id !== undefined ? { id: d.id } : {}) });
const listing = (ds: readonly Diagnostic[]): string => ds.map((d) => `${d.code} ${d.file}:${d.line}:${d.column} ${d.id ?? ""}`).join("\n");

describe("every code has a case", () => {
  it("each code of the code table has at least one case below", () => {
    const covered = new Set([...CASES, ...DIFF_CASES.filter((c) => c.flags.length > 0)].map((c) => c.code));
    expect(Object.keys(CODES).filter((code) => !covered.has(code as Code)), "codes without a case in CASES").toEqual([]);
  });

  it("each folder under test/fixtures/rules is used by a case", () => {
    const used = new Set(CASES.map((c) => c.fixture));
    expect(readdirSync(`${FIXTURES}rules`).filter((name) => !used.has(`rules/${name}`)), "fixtures no case uses").toEqual([]);
  });

  it("the base plan gives no diagnostic at all", () => {
    expect(checkFiles(overlayFiles([]))).toEqual([]);
  });
});

describe("rules", () => {
  it.each(CASES)("$code ← $fixture", (c) => {
    const files = overlayFiles(c.fixture === "none" ? [] : [c.fixture], c.extra);
    const diagnostics = checkFiles(files, c.specials);
    const hit = diagnostics.find((d) => d.code === c.code && d.file === c.at.file && d.line === c.at.line);
    expect(hit && placeOf(hit), listing(diagnostics)).toEqual(c.at);
    const kept = diagnostics.filter((d) => d === hit || !c.noise?.codes.includes(d.code));
    expect(kept.map((d) => d.code).sort(), listing(diagnostics)).toEqual(c.codes ?? [c.code]);
    // Every argument made it into the words: nothing empty, undefined or an object.
    for (const lang of ["en", "sv"] as const) expect(formatMessage(hit!, lang)).not.toMatch(/""|undefined|\[object/u);
  });
});

describe("codes of plan diff", () => {
  const checked = (files: ReadonlyMap<string, Uint8Array>) => {
    const loaded = loadFrom(memorySource(files), "<memory>", { parallel: false });
    return checkPlan(loaded.docs, loaded.diagnostics);
  };
  const BUDGET = "budget/2025.yaml";

  it.each(DIFF_CASES)("$code ← budget/2025.yaml changed ($flags.length flag(s))", (c) => {
    const files = overlayFiles([]);
    const before = Buffer.from(files.get(BUDGET)!).toString("utf8");
    const after = c.change(before);
    expect(after, "the change applies to the base plan").not.toBe(before);
    const diff = comparePlans(checked(files), checked(overlayFiles([], { [BUDGET]: after })));
    expect(diff.flags.map(({ id, file, entities }) => ({ id, file, entities }))).toEqual(c.flags);
    for (const f of diff.flags) {
      expect(f.code).toBe(c.code);
      expect(f.typ).toBe("budget");
      for (const lang of ["en", "sv"] as const) {
        expect(messageOf(f.code, f, lang)).not.toMatch(/""|undefined|\[object/u);
        expect(decidedChangeLine(f, lang)).toContain(f.entities.join(", "));
      }
      expect(messageOf(f.code, f, "sv")).toMatch(/är beslutad/u);
    }
  });
});
