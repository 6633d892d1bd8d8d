// Layer 1 through `plan validate --format json`, run in-process: the base plan is clean, and each defect overlay
// (test/fixtures/defects/<case>/, only the files that differ from base) gives exactly
// the diagnostic it is about, at the line and column of the offending node.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { validateInProcess as validateJson } from "./helpers/in-process.js";
import { cleanup, codesOf, planCopy } from "./helpers/plan-dir.js";

afterAll(cleanup);

interface Expectation {
  case: string;
  code: string;
  file: string;
  line: number;
  /** Where the column is meaningful (the node itself, not the start of a line). */
  column?: number;
  /** Every code in the output, sorted, where a cascade is unavoidable; default [code]. */
  codes?: string[];
  /** Exit status; default 1. */
  status?: number;
  /** Something the message must say. */
  message?: RegExp;
}

const KLF = "verksamhetsplaner/KLF/2025.yaml";

const CASES: Expectation[] = [
  // `   kommentar:` indented one step too little under a list item.
  { case: "yaml-syntax", code: "yaml-syntax", file: "uppfoljning/2025-09-manad.yaml", line: 8 },
  // a second `namn:` in aktivitet KLF-AK03
  { case: "duplicate-key", code: "duplicate-key", file: KLF, line: 18, column: 5, message: /"namn"/ },
  { case: "unknown-reference", code: "unknown-reference", file: KLF, line: 17, column: 19, message: /"ORT-Å9".*ORT-Å1/ },
  { case: "wrong-kind-organ", code: "wrong-kind-reference", file: KLF, line: 17, column: 19, message: /"KS" is of kind nämnd/ },
  { case: "wrong-kind-aktivitet", code: "wrong-kind-reference", file: KLF, line: 17, column: 19, message: /"KLF-AK01" is of kind aktivitet/ },
  // Two verksamhetsplaner of 2025 both define KLF-AK01: reported at the one that sorts later.
  { case: "duplicate-id", code: "duplicate-id", file: "verksamhetsplaner/KLF/projekt-2025.yaml", line: 6, column: 9, message: /verksamhetsplaner\/KLF\/2025\.yaml/ },
  // …and when the new file sorts first ("2025-" < "2025."), the base file holds the later one.
  { case: "duplicate-id-earlier-file", code: "duplicate-id", file: KLF, line: 6, column: 9, message: /2025-projekt\.yaml/ },
  { case: "orphan", code: "orphan", file: KLF, line: 17, column: 18, message: /"KLF-AK03"/ },
  { case: "bad-enum", code: "bad-value", file: "namnder/KS/2025.yaml", line: 11, column: 81, message: /"upp".*öka, minska or bibehåll/ },
  // aktivitet KLF-AK03 without namn: reported at the aktivitet's mapping; the message should name the list, not its index.
  { case: "missing-field", code: "missing-field", file: KLF, line: 15, column: 5, message: /"namn" in aktiviteter/ },
  // år: "tjugo" — the document has no year, so its aktiviteter serve nothing in 2025 (an unavoidable cascade).
  {
    case: "wrong-type-ar",
    code: "wrong-type",
    file: "verksamhetsplaner/BUF/2025.yaml",
    line: 4,
    column: 5,
    codes: ["atagande-without-aktivitet", "atagande-without-aktivitet", "wrong-type"],
  },
  // belopp: femtio in the internbudget: one error; a sum that leaves the bad line out is noise.
  { case: "wrong-type-belopp", code: "wrong-type", file: "namnder/KS/2025.yaml", line: 16, column: 44 },
  // KS-VM2 bidrar_till KS-U2, KS-U2 bidrar_till KS-VM2
  { case: "reference-cycle", code: "reference-cycle", file: "namnder/KS/2025.yaml", line: 14, column: 19, message: /KS-VM2 → KS-U2 → KS-VM2/ },
  { case: "impossible-date", code: "bad-date", file: KLF, line: 18, column: 12, message: /"2025-13-01"/ },
  { case: "budget-year-outside-planperiod", code: "budget-year-outside-planperiod", file: "budget/2026.yaml", line: 4, column: 5 },
  { case: "id-with-slash", code: "bad-id", file: KLF, line: 15, column: 9, message: /"KLF\/AK03"/ },
  { case: "id-with-dotdot", code: "bad-id", file: KLF, line: 15, column: 9, message: /"KLF\.\.AK03"/ },
  // bidrar_til: the unknown key; the missing required bidrar_till follows from it and is folded into it.
  {
    case: "misspelt-bidrar-til",
    code: "unknown-key",
    file: KLF,
    line: 17,
    column: 5,
    message: /did you mean "bidrar_till".*; 1 finding that follows from it is not shown/,
  },
  // målvärde: the unknown key; the målvärde for 2025 that is then missing is folded into it.
  {
    case: "misspelt-malvarde",
    code: "unknown-key",
    file: "namnder/KS/2025.yaml",
    line: 11,
    column: 86,
    message: /did you mean "målvärden".*; 1 finding that follows from it is not shown/,
  },
  // målvärden: { 2025: 90, år2026: 95 }: one bad-format at the key år2026 (not a second one for the whole mapping).
  { case: "malvarden-bad-year-key", code: "bad-format", file: "namnder/KS/2025.yaml", line: 11, column: 109, message: /"år2026"/ },
  // UTB-Å3 exists only in budget/2026.yaml
  { case: "reference-other-year", code: "reference-other-year", file: KLF, line: 17, column: 19, message: /"UTB-Å3".*2026/ },
  // klf-ak01 next to KLF-AK01: a warning, so exit 0 by default
  { case: "id-case-collision", code: "id-case-collision", file: KLF, line: 15, column: 9, status: 0, message: /"klf-ak01".*"KLF-AK01"/ },
];

describe("the base fixture", () => {
  it("is valid with zero diagnostics, warnings included", () => {
    const { run, out } = validateJson(planCopy(), { failOn: "warning" });
    expect(out.diagnostics).toEqual([]);
    expect(out.summary).toEqual({ errors: 0, warnings: 0, files: 9 });
    expect(run.status).toBe(0);
    expect(run.stderr).toBe("");
  });

  it("has no verksamhetsplan for 2026, so its åtaganden get no coverage warning; one 2026 verksamhetsplan brings them", () => {
    const dir = planCopy();
    mkdirSync(path.join(dir, "verksamhetsplaner/KLF"), { recursive: true });
    writeFileSync(path.join(dir, "verksamhetsplaner/KLF/2026.yaml"), "typ: verksamhetsplan\nid: VP2026-KLF\norgan: KLF\når: 2026\n");
    const { out } = validateJson(dir);
    const warned = out.diagnostics.filter((d) => d.code === "atagande-without-aktivitet");
    expect(warned.map((d) => [d.file, d.id])).toEqual([
      ["budget/2026.yaml", "ORT-Å1"],
      ["budget/2026.yaml", "UTB-Å1"],
      ["budget/2026.yaml", "UTB-Å3"],
    ]);
    expect(codesOf(out)).toEqual(["atagande-without-aktivitet", "atagande-without-aktivitet", "atagande-without-aktivitet"]);
  });
});

describe("defect fixtures", () => {
  it.each(CASES)("$case → $code at $file:$line", (c) => {
    const { run, out } = validateJson(planCopy(c.case));
    expect(run.stderr).toBe("");
    expect(run.status).toBe(c.status ?? 1);
    const hit = out.diagnostics.find((d) => d.code === c.code && d.file === c.file && d.line === c.line);
    expect(hit, JSON.stringify(out.diagnostics, null, 2)).toBeDefined();
    if (c.column !== undefined) expect(hit!.column).toBe(c.column);
    if (c.message) expect(hit!.message).toMatch(c.message);
    expect(codesOf(out)).toEqual(c.codes ?? [c.code]);
  });

  it("id-case-collision fails with --fail-on warning", () => {
    const { run, out } = validateJson(planCopy("id-case-collision"), { failOn: "warning" });
    expect(codesOf(out)).toEqual(["id-case-collision"]);
    expect(out.diagnostics[0]!.severity).toBe("warning");
    expect(run.status).toBe(1);
  });
});
