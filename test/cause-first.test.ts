// Diagnostics that point at the cause: a file that does not parse is one error and one summary
// line (not twenty unknown IDs), suggestions are of the kind the field expects, and the cause
// comes first in the list every formatter receives.
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { checkPlan } from "../src/check/index.js";
import { formatMessage, type Diagnostic } from "../src/diagnostics/index.js";
import { DIAGNOSTICS_FORMATS } from "../src/format/names.js";
import { loadFrom, memorySource } from "../src/load/load-plan.js";
import { planInProcess, validateInProcess } from "./helpers/in-process.js";
import { checkFiles, overlayFiles } from "./helpers/memory-plan.js";
import { BASE, cleanup, tempDir } from "./helpers/plan-dir.js";

afterAll(cleanup);

const base = (file: string): string => readFileSync(path.join(BASE, file), "utf8");
const brief = (ds: readonly Diagnostic[]): string[] => ds.map((d) => `${d.file}:${d.line}:${d.column} ${d.code}`);

/** The first line indented by two spaces gets a tab instead. */
const tabbed = (text: string): string => text.replace(/\n {2}(?=\S)/u, "\n\t");

describe("a tab in plan.yaml of an example: one error for the cause, one summary line", () => {
  const EXAMPLES = ["minimal", "katrineholm"];

  it.each(EXAMPLES)("examples/%s, JSON: beside what the example already says, exactly the cause and the summary", (name) => {
    const clean = fileURLToPath(new URL(`../examples/${name}`, import.meta.url));
    const dir = tempDir();
    cpSync(clean, dir, { recursive: true });
    writeFileSync(path.join(dir, "plan.yaml"), tabbed(readFileSync(path.join(clean, "plan.yaml"), "utf8")));
    const before = validateInProcess(clean).out.diagnostics.map((d) => `${d.file}:${d.line} ${d.code}`);
    const { out } = validateInProcess(dir);
    const added = out.diagnostics.filter((d) => !before.includes(`${d.file}:${d.line} ${d.code}`));
    expect(added.map((d) => [d.file, d.code, d.severity])).toEqual([
      ["plan.yaml", "yaml-syntax", "error"],
      ["plan.yaml", "unchecked-references", "warning"],
    ]);
    expect(out.summary.errors).toBe(1);
    // The cause is the first line of the output, the summary the second.
    expect(out.diagnostics.slice(0, 2).map((d) => d.code)).toEqual(["yaml-syntax", "unchecked-references"]);
    expect(out.diagnostics[0]!.message).toMatch(/^YAML syntax error: Tabs are not allowed as indentation/u);
    expect(out.diagnostics[1]!.message).toMatch(/^because of the error above, \d+ references to IDs this file may define were not checked/u);

    for (const format of DIAGNOSTICS_FORMATS) {
      const run = planInProcess(["validate", "-C", dir, "--format", format, "--lang", "en"]);
      expect(run.status, format).toBe(1);
      // SARIF lists every code in its rules table: what was found is in its results.
      const found = format === "sarif" ? JSON.stringify((JSON.parse(run.stdout) as { runs: { results: unknown[] }[] }).runs[0]!.results) : run.stdout;
      expect(found, format).not.toContain("unknown-reference");
      expect(found, format).not.toMatch(/unknown ID/u);
      expect(found.indexOf("Tabs are not allowed"), format).toBeGreaterThanOrEqual(0);
      expect(found.indexOf("Tabs are not allowed"), format).toBeLessThan(found.indexOf("because of the error above"));
    }
  });
});

describe("unknown because broken, per kind of reference", () => {
  it("a broken budget hides the unknown resultatmål and åtaganden, not an unknown organ", () => {
    const namndplan = base("namnder/KS/2025.yaml").replace("nämnd: KS", "nämnd: KX");
    expect(namndplan).not.toBe(base("namnder/KS/2025.yaml"));
    const ds = checkFiles(overlayFiles([], { "budget/2025.yaml": tabbed(base("budget/2025.yaml")), "namnder/KS/2025.yaml": namndplan }));
    // A budget defines no organ: KX is still an unknown organ (and KF, fullmäktige, is no nämnd to suggest).
    expect(ds.filter((d) => d.code === "unknown-reference").map((d) => formatMessage(d))).toEqual(['nämnd: unknown ID "KX"; did you mean KS?']);
    expect(ds.map((d) => d.code)).not.toContain("reference-other-year");
    expect(ds.map((d) => d.code)).not.toContain("year-without-budget");
    const summary = ds.find((d) => d.code === "unchecked-references");
    expect(summary && { file: summary.file, ...summary.args }).toEqual({ file: "budget/2025.yaml", references: 10, findings: 1 });
  });

  it("a document with a misspelt typ is taken for the kind it most likely means", () => {
    const ds = checkFiles(overlayFiles([], { "namnder/KS/2025.yaml": base("namnder/KS/2025.yaml").replace("typ: nämndplan", "typ: namndplan") }));
    expect(brief(ds)).toEqual(["namnder/KS/2025.yaml:1:6 unknown-typ", "namnder/KS/2025.yaml:1:6 unchecked-references"]);
    expect(formatMessage(ds[0]!, "en")).toMatch(/^unknown typ "namndplan" \(did you mean "nämndplan"\?\); use kommun/u);
    expect(formatMessage(ds[0]!, "sv")).toMatch(/^okänd typ "namndplan" \(menade du "nämndplan"\?\); använd kommun/u);
  });

  it("a file that is not a plan document at all (no typ) hides every kind: it could have been anything", () => {
    const klf = base("verksamhetsplaner/KLF/2025.yaml");
    const ds = checkFiles(overlayFiles([], { "verksamhetsplaner/KLF/2025.yaml": klf.replace("typ: verksamhetsplan\n", ""), "namnder/KS/2025.yaml": base("namnder/KS/2025.yaml").replace("nämnd: KS", "nämnd: KX") }));
    expect(ds.map((d) => d.code)).not.toContain("unknown-reference");
    expect(ds.find((d) => d.code === "unchecked-references")?.file).toBe("verksamhetsplaner/KLF/2025.yaml");
  });

  it("several syntax errors in one document: the first is shown, the others counted in it", () => {
    const ds = checkFiles(overlayFiles([], { "budget/2025.yaml": tabbed(base("budget/2025.yaml")) }));
    const syntax = ds.filter((d) => d.code === "yaml-syntax");
    expect(syntax).toHaveLength(1);
    expect(syntax[0]!.args).toMatchObject({ typ: "budget" });
    const more = (syntax[0]!.args as { more: number }).more;
    expect(more).toBeGreaterThan(0);
    expect(formatMessage(syntax[0]!, "en")).toContain(`(not shown: ${more} later syntax errors in this document`);
    expect(formatMessage(syntax[0]!, "sv")).toContain(`(visas inte: ${more} senare syntaxfel i dokumentet`);
  });
});

describe("suggestions", () => {
  it("a misspelt resultatmål suggests resultatmål, not the åtagande that is nearer in spelling", () => {
    const budget = base("budget/2026.yaml").replace("resultatmål: [ORT-R1]", "resultatmål: [ORT-Å]");
    expect(budget).not.toBe(base("budget/2026.yaml"));
    const ds = checkFiles(overlayFiles([], { "budget/2026.yaml": budget }));
    const hit = ds.find((d) => d.code === "unknown-reference");
    expect(hit?.args).toEqual({ field: "resultatmål", ref: "ORT-Å", suggestions: ["ORT-R1"] });
  });

  it("a word not allowed by the schema gets the nearest allowed one, with å/ä/ö read as a/a/o", () => {
    const ds = checkFiles(overlayFiles([], { "budget/2025.yaml": base("budget/2025.yaml").replace("riktning: öka", "riktning: oka") }));
    expect(ds.map((d) => [d.code, formatMessage(d, "en")])).toEqual([["bad-value", '"oka" is not allowed in riktning (did you mean "öka"?); use öka, minska or bibehåll']]);
  });
});

describe("order: the cause first, in the list every formatter receives", () => {
  it("a broken file sorts before files that come earlier by name; its cause before its summary", () => {
    const ds = checkFiles(
      overlayFiles([], {
        // A word not allowed in the budget (first by name) and a broken uppföljning (last by name).
        "budget/2025.yaml": base("budget/2025.yaml").replace("riktning: öka", "riktning: oka"),
        "uppfoljning/2025-08-delar.yaml": tabbed(base("uppfoljning/2025-08-delar.yaml")),
      }),
    );
    expect(brief(ds).map((s) => s.replace(/:\d+:\d+/u, ""))).toEqual(["uppfoljning/2025-08-delar.yaml yaml-syntax", "budget/2025.yaml bad-value"]);
  });

  it("the same files in another order give the same list", () => {
    const files = overlayFiles([], { "namnder/KS/2025.yaml": tabbed(base("namnder/KS/2025.yaml")), "budget/2026.yaml": base("budget/2026.yaml").replace("riktning: öka", "riktning: oka") });
    const loaded = loadFrom(memorySource(files), "<memory>", { parallel: false });
    const forward = checkPlan(loaded.docs, loaded.diagnostics).diagnostics;
    const backward = checkPlan([...loaded.docs].reverse(), [...loaded.diagnostics].reverse()).diagnostics;
    expect(brief(backward)).toEqual(brief(forward));
    expect(forward[0]!.code).toBe("yaml-syntax");
  });
});

describe("a misspelt key takes its follow-on findings along", () => {
  it("a misspelt aktiviteter: the references to the aktiviteter under it and the gaps they leave are counted, not listed", () => {
    const klf = base("verksamhetsplaner/KLF/2025.yaml");
    const ds = checkFiles(overlayFiles([], { "verksamhetsplaner/KLF/2025.yaml": klf.replace("aktiviteter:", "aktivitter:") }));
    expect(brief(ds)).toEqual(["verksamhetsplaner/KLF/2025.yaml:5:1 unknown-key"]);
    expect(ds[0]!.args).toEqual({ key: "aktivitter", suggestion: "aktiviteter", folded: 3 });
    expect(formatMessage(ds[0]!, "sv")).toMatch(/menade du "aktiviteter"\?.*; 3 fynd som följer av den visas inte$/u);
  });

  it("a key that is simply unknown (no near known key) folds nothing", () => {
    const klf = base("verksamhetsplaner/KLF/2025.yaml");
    const ds = checkFiles(overlayFiles([], { "verksamhetsplaner/KLF/2025.yaml": klf.replace("aktiviteter:", "xyzzyplugh:") }));
    expect(ds.map((d) => d.code)).toContain("unknown-reference");
    expect(ds.find((d) => d.code === "unknown-key")?.args).toEqual({ key: "xyzzyplugh" });
  });
});

describe("the parser's words in Swedish", () => {
  it("a tab as indentation is explained in Swedish, not in the parser's English", () => {
    const ds = checkFiles(overlayFiles([], { "budget/2025.yaml": tabbed(base("budget/2025.yaml")) }));
    const syntax = ds.find((d) => d.code === "yaml-syntax")!;
    expect(formatMessage(syntax, "sv")).toMatch(/^syntaxfel i YAML: tabbtecken får inte användas som indrag; använd mellanslag \(visas inte: \d+ senare/u);
    expect(formatMessage(syntax, "en")).toMatch(/^YAML syntax error: Tabs are not allowed as indentation/u);
  });
});
