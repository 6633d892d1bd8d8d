// What the loader promises, through `plan validate --format json`: Unicode forms, line endings,
// BOM, bad UTF-8, which files are plan files, multi-document files, regler, and hostile YAML.
// In-process, except the hostile YAML (exit status and no stack trace, under a spawn's timeout)
// and the plan root found from a subfolder (the process's working folder): the real CLI.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ALL_CODES, CODES } from "../src/diagnostics/index.js";
import { plan } from "./helpers/exec.js";
import { BASE, FIXTURES, cleanup, codesOf, filesBelow, planCopy, validateJson } from "./helpers/plan-dir.js";
import { validateInProcess as validate } from "./helpers/in-process.js";

afterAll(cleanup);


/** Rewrite every .yaml file of `dir` (or only `only`) through `f`. */
function rewrite(dir: string, f: (text: string) => string | Buffer, only?: string[]): void {
  for (const rel of only ?? filesBelow(dir).filter((r) => r.endsWith(".yaml"))) {
    const file = path.join(dir, rel);
    writeFileSync(file, f(readFileSync(file, "utf8")));
  }
}

const write = (dir: string, rel: string, content: string | Buffer): void => {
  mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
  writeFileSync(path.join(dir, rel), content);
};

const KLF = "verksamhetsplaner/KLF/2025.yaml";
const NO_STACK = /^\s+at /mu;

describe("Unicode normalisation: a file saved in NFD is as valid as its NFC twin", () => {
  it("the whole base plan in NFD gives the same JSON as in NFC", () => {
    const nfc = validate(planCopy());
    const dir = planCopy();
    rewrite(dir, (t) => t.normalize("NFD"));
    // The files really are different bytes now (å, ä, ö decomposed).
    expect(readFileSync(path.join(dir, "budget/2025.yaml"), "utf8")).toContain("A\u030A");
    expect(readFileSync(path.join(dir, "budget/2025.yaml"))).not.toEqual(readFileSync(path.join(BASE, "budget/2025.yaml")));
    const nfd = validate(dir);
    expect(nfd.out.diagnostics).toEqual([]);
    expect(nfd.run.stdout).toBe(nfc.run.stdout);
    expect(nfd.run.status).toBe(0);
  });

  it("an NFD budget and an NFC verksamhetsplan resolve each other's IDs with å/ä/ö", () => {
    const dir = planCopy();
    // budget/2025.yaml defines ORT-Å1 … in NFD; verksamhetsplaner/KLF/2025.yaml points to ORT-Å1 in NFC.
    rewrite(dir, (t) => t.normalize("NFD"), ["budget/2025.yaml"]);
    expect(readFileSync(path.join(dir, "budget/2025.yaml"), "utf8")).toContain("ORT-A\u030A1");
    expect(readFileSync(path.join(dir, KLF), "utf8")).toContain("ORT-\u00C51");
    const { run, out } = validate(dir, { failOn: "warning" });
    expect(out.diagnostics).toEqual([]);
    expect(run.status).toBe(0);
  });

  it("…and the other way round: an NFD verksamhetsplan points into an NFC budget", () => {
    const dir = planCopy();
    rewrite(dir, (t) => t.normalize("NFD"), [KLF, "namnder/KS/2025.yaml", "plan.yaml"]);
    const { run, out } = validate(dir, { failOn: "warning" });
    expect(out.diagnostics).toEqual([]);
    expect(run.status).toBe(0);
  });

  it("a defect in NFD is reported exactly as in NFC (same place, same NFC words)", () => {
    const nfc = validate(planCopy("unknown-reference"));
    const dir = planCopy("unknown-reference");
    rewrite(dir, (t) => t.normalize("NFD"));
    const nfd = validate(dir);
    expect(codesOf(nfd.out)).toEqual(["unknown-reference"]);
    expect(nfd.run.stdout).toBe(nfc.run.stdout);
    expect(nfd.out.diagnostics[0]!.message).toContain("\u00C5"); // the message speaks NFC
  });
});

describe("line endings and byte order mark", () => {
  it("CRLF gives the same result as LF, for a clean plan and for a defect", () => {
    for (const overlay of [[], ["unknown-reference"], ["duplicate-key"]]) {
      const lf = validate(planCopy(...overlay));
      const dir = planCopy(...overlay);
      rewrite(dir, (t) => t.replace(/\n/gu, "\r\n"));
      expect(readFileSync(path.join(dir, "plan.yaml"), "utf8")).toContain("\r\n");
      const crlf = validate(dir);
      expect(crlf.run.stdout).toBe(lf.run.stdout);
      expect(crlf.run.status).toBe(lf.run.status);
    }
  });

  it("a UTF-8 BOM gives the same result as without, for a clean plan and for a defect", () => {
    for (const overlay of [[], ["unknown-reference"]]) {
      const plain = validate(planCopy(...overlay));
      const dir = planCopy(...overlay);
      rewrite(dir, (t) => `\uFEFF${t}`);
      expect([...readFileSync(path.join(dir, "plan.yaml")).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const bom = validate(dir);
      expect(bom.run.stdout).toBe(plain.run.stdout);
      expect(bom.run.status).toBe(plain.run.status);
    }
  });

  it("a plan.yaml with a BOM is found as the plan root from a subfolder, as without", () => {
    const dir = planCopy();
    rewrite(dir, (t) => `\uFEFF${t}`, ["plan.yaml"]);
    const r = plan(["validate", "--format", "json"], { cwd: path.join(dir, "budget") });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
  });

  it("a plan.yaml with CRLF is found as the plan root from a subfolder", () => {
    const dir = planCopy();
    rewrite(dir, (t) => t.replace(/\n/gu, "\r\n"), ["plan.yaml"]);
    const r = plan(["validate", "--format", "json"], { cwd: path.join(dir, "budget") });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
  });
});

describe("invalid UTF-8", () => {
  it("a verksamhetsplan saved as Latin-1 gives not-utf8 at its first non-ASCII byte (å of år, line 4)", () => {
    const dir = planCopy();
    writeFileSync(path.join(dir, KLF), Buffer.from(readFileSync(path.join(BASE, KLF), "utf8"), "latin1"));
    const { run, out } = validate(dir);
    expect(run.status).toBe(1);
    const inFile = out.diagnostics.filter((d) => d.file === KLF);
    // The cause, then the one line about what could not be checked without the file.
    expect(inFile.map((d) => [d.code, d.line, d.column])).toEqual([
      ["not-utf8", 4, 1],
      ["unchecked-references", 4, 1],
    ]);
    expect(inFile[0]!.message).toMatch(/byte at offset 47 from the start of the file \(line 4, column 1\)/u);
  });

  it("one Latin-1 byte inside UTF-8 text is reported at its line and character column", () => {
    const dir = planCopy();
    // Line 7 is `    namn: Företagslotsen`: ö becomes the single byte 0xF6, everything else stays UTF-8.
    const text = readFileSync(path.join(BASE, KLF), "utf8");
    expect(text.split("\n")[6]).toBe("    namn: Företagslotsen");
    const [before, after] = text.split("Företagslotsen");
    writeFileSync(path.join(dir, KLF), Buffer.concat([Buffer.from(`${before}F`), Buffer.from([0xf6]), Buffer.from(`retagslotsen${after}`)]));
    const { run, out } = validate(dir);
    expect(run.status).toBe(1);
    expect(out.diagnostics.filter((d) => d.file === KLF).map((d) => [d.code, d.line, d.column])).toEqual([
      ["not-utf8", 7, 12],
      ["unchecked-references", 7, 12],
    ]);
    // The unreadable file's aktiviteter are unknown, not missing: the uppföljning's reference to
    // KLF-AK01 and the two åtaganden they served are counted in the summary, not reported.
    expect(codesOf(out)).toEqual(["not-utf8", "unchecked-references"]);
    expect(out.diagnostics[1]!.message).toMatch(/1 reference to IDs this file may define and 2 findings that may depend on this file were not checked/u);
  });

  it.each([
    ["an overlong encoding", [0xc0, 0x80], 2, 10],
    ["a lone continuation byte", [0x80], 2, 10],
    ["an encoded surrogate", [0xed, 0xa0, 0x80], 2, 10],
    ["a sequence cut off by the end of the file", [0xe2, 0x82], 2, 10],
  ])("%s after multi-byte text is reported at its character column", (_name, bad, line, column) => {
    const dir = planCopy();
    // `namn: åäö` is 9 characters (15 bytes): the bad byte is the 10th character of line 2.
    write(dir, "extra.yaml", Buffer.concat([Buffer.from("typ: underlag\nnamn: åäö", "utf8"), Buffer.from(bad)]));
    const { run, out } = validate(dir);
    expect(run.status).toBe(1);
    expect(out.diagnostics.map((d) => [d.code, d.file, d.line, d.column])).toEqual([["not-utf8", "extra.yaml", line, column]]);
  });
});

describe("which files are plan files", () => {
  const garbage = "typ: [ this is not: a plan\n";

  it("a broken file anywhere below the root is read (control for the skips below)", () => {
    const dir = planCopy();
    write(dir, "arkiv/gammal.yaml", garbage);
    const { out } = validate(dir);
    expect(codesOf(out)).toEqual(["yaml-syntax"]);
    expect(out.diagnostics[0]!.file).toBe("arkiv/gammal.yaml");
    expect(out.summary.files).toBe(10);
  });

  it("ignorera: globs skip a folder and a file pattern", () => {
    const dir = planCopy();
    write(dir, "plan.yaml", `${readFileSync(path.join(BASE, "plan.yaml"), "utf8")}ignorera: [ "arkiv/**", "**/*-utkast.yaml" ]\n`);
    write(dir, "arkiv/gammal.yaml", garbage);
    write(dir, "arkiv/2019/djup.yml", garbage);
    write(dir, "budget/2027-utkast.yaml", garbage);
    const { run, out } = validate(dir, { failOn: "warning" });
    expect(out.diagnostics).toEqual([]);
    expect(out.summary.files).toBe(9);
    expect(run.status).toBe(0);
  });

  it("folders starting with . and node_modules are skipped, at any depth", () => {
    const dir = planCopy();
    write(dir, ".git/x.yaml", garbage);
    write(dir, ".utkast/budget.yaml", garbage);
    write(dir, "budget/.gammalt/2024.yaml", garbage);
    write(dir, "node_modules/paket/config.yml", garbage);
    write(dir, "verksamhetsplaner/node_modules/x.yaml", garbage);
    const { run, out } = validate(dir, { failOn: "warning" });
    expect(out.diagnostics).toEqual([]);
    expect(out.summary.files).toBe(9);
    expect(run.status).toBe(0);
  });

  it("*.yml files are plan files too, other extensions are not", () => {
    const dir = planCopy();
    write(dir, "arkiv/a.yml", garbage);
    write(dir, "arkiv/b.yaml.bak", garbage);
    write(dir, "arkiv/c.txt", garbage);
    const { out } = validate(dir);
    expect(out.diagnostics.map((d) => d.file)).toEqual(["arkiv/a.yml"]);
  });
});

describe("multi-document files", () => {
  const klf = readFileSync(path.join(BASE, KLF), "utf8");
  // Lines 1–10 of the base KLF plan (without KLF-AK02), then a second document that carries KLF-AK02.
  const firstDoc = klf.split("\n").slice(0, 10).join("\n");
  const secondDoc = [
    "typ: verksamhetsplan",
    "id: VP2025-KLF-BYGG",
    "organ: KLF",
    "år: 2025",
    "aktiviteter:",
    "  - id: KLF-AK02",
    "    namn: Digital bygglovsansökan",
    "    bidrar_till: [KS-VM1]",
  ].join("\n");

  it("two documents in one file are both read (the second one serves ORT-Å2)", () => {
    const dir = planCopy();
    write(dir, KLF, `${firstDoc}\n---\n${secondDoc}\n`);
    const { run, out } = validate(dir, { failOn: "warning" });
    expect(out.diagnostics).toEqual([]);
    expect(run.status).toBe(0);
    // Control: without the second document ORT-Å2 has no aktivitet.
    write(dir, KLF, `${firstDoc}\n`);
    expect(codesOf(validate(dir).out)).toEqual(["atagande-without-aktivitet"]);
  });

  it("a diagnostic in the second document has the file's own line number", () => {
    const dir = planCopy();
    // first document: lines 1–10, `---` line 11, second document from line 12; its bidrar_till is on line 19.
    write(dir, KLF, `${firstDoc}\n---\n${secondDoc.replace("[KS-VM1]", "[KS-VM9]")}\n`);
    const { out } = validate(dir);
    expect(out.diagnostics.map((d) => [d.code, d.file, d.line, d.column])).toEqual([
      ["atagande-without-aktivitet", "budget/2025.yaml", 30, 9],
      ["unknown-reference", KLF, 19, 19],
    ]);
  });

  it.each([
    ["a comment-only document at the end", (a: string, b: string) => `${a}\n---\n${b}\n---\n# Aktiviteter för 2026 kommer här.\n`],
    ["an empty document between two", (a: string, b: string) => `${a}\n---\n---\n${b}\n`],
    ["a comment-only document first", (a: string, b: string) => `# Kommunledningsförvaltningen\n---\n${a}\n---\n${b}\n`],
    ["a trailing --- with nothing after it", (a: string, b: string) => `${a}\n---\n${b}\n---\n`],
  ])("%s is skipped", (_name, compose) => {
    const dir = planCopy();
    write(dir, KLF, compose(firstDoc, secondDoc));
    const { run, out } = validate(dir, { failOn: "warning" });
    expect(out.diagnostics).toEqual([]);
    expect(run.status).toBe(0);
  });
});

describe("regler in plan.yaml", () => {
  const overlay = path.join(FIXTURES, "defects", "regler");

  it("control: without regler the fixture has an orphan (error) and a case collision (warning)", () => {
    const dir = planCopy();
    copyFileSync(path.join(overlay, KLF), path.join(dir, KLF));
    const { out } = validate(dir);
    expect(out.diagnostics.map((d) => [d.code, d.severity, d.line])).toEqual([
      ["id-case-collision", "warning", 15],
      ["orphan", "error", 20],
    ]);
  });

  it("orphan: off removes the orphan; id-case-collision: error makes the warning an error", () => {
    const { run, out } = validate(planCopy("regler"));
    expect(out.diagnostics.map((d) => [d.code, d.severity, d.file, d.line])).toEqual([["id-case-collision", "error", KLF, 15]]);
    expect(out.summary).toMatchObject({ errors: 1, warnings: 0 });
    expect(run.status).toBe(1);
  });

  it("a code that does not exist gets unknown-rule at its key", () => {
    const dir = planCopy();
    write(dir, "plan.yaml", `${readFileSync(path.join(BASE, "plan.yaml"), "utf8")}regler:\n  orphans: off\n`);
    const { run, out } = validate(dir);
    expect(out.diagnostics.map((d) => [d.code, d.file, d.line, d.column])).toEqual([["unknown-rule", "plan.yaml", 15, 3]]);
    expect(run.status).toBe(0);
  });

  it("every code of plan regler is accepted as a key of regler", () => {
    const dir = planCopy();
    const lines = ALL_CODES.map((c) => `  ${c}: ${CODES[c].severity}`);
    write(dir, "plan.yaml", `${readFileSync(path.join(BASE, "plan.yaml"), "utf8")}regler:\n${lines.join("\n")}\n`);
    const { out } = validate(dir, { failOn: "warning" });
    expect(ALL_CODES.length).toBeGreaterThan(30);
    expect(out.diagnostics).toEqual([]);
  });

  it("a regler key that is not a code in lower case gets one diagnostic that names it", () => {
    const dir = planCopy();
    write(dir, "plan.yaml", `${readFileSync(path.join(BASE, "plan.yaml"), "utf8")}regler:\n  Orphan: off\n`);
    const { out } = validate(dir);
    for (const d of out.diagnostics) expect(d.message).not.toContain("[object Object]");
    const errors = out.diagnostics.filter((d) => d.severity === "error");
    expect(errors.map((d) => [d.code, d.line, d.column])).toEqual([["bad-format", 15, 3]]);
    expect(errors[0]!.message).toContain('"Orphan"');
  });

  it("regler: warning on an error code (duplicate-budget) lets the plan pass", () => {
    const dir = planCopy();
    write(dir, "plan.yaml", `${readFileSync(path.join(BASE, "plan.yaml"), "utf8")}regler:\n  duplicate-budget: warning\n`);
    write(dir, "budget/2025-tillagg.yaml", "typ: budget\nid: OPB2025-T\når: 2025\nplanperiod: { från: 2025, till: 2027 }\nbeslut: { organ: KF, datum: 2025-06-16 }\nresultatmål: []\nåtaganden: []\n");
    const { run, out } = validate(dir);
    // ("2025-" sorts before "2025.", so the base budget is the later one.)
    expect(out.diagnostics.filter((d) => d.code === "duplicate-budget").map((d) => [d.severity, d.file])).toEqual([["warning", "budget/2025.yaml"]]);
    expect(out.summary.errors).toBe(0);
    expect(run.status).toBe(0);
    // Control: the same plan without the rule fails.
    write(dir, "plan.yaml", readFileSync(path.join(BASE, "plan.yaml")));
    expect(validate(dir).run.status).toBe(1);
  });
});

describe("hostile YAML", () => {
  it("an alias bomb (billion laughs) is refused with yaml-alias-limit, quickly", () => {
    const dir = planCopy();
    const names = "abcdefghi";
    const lines = ["typ: verksamhetsplan", "id: VP-BOMB", "organ: KLF", "år: 2025", `x-a: &a [${Array(9).fill('"lol"').join(", ")}]`];
    for (let i = 1; i < names.length; i++) lines.push(`x-${names[i]}: &${names[i]} [${Array(9).fill(`*${names[i - 1]}`).join(", ")}]`);
    write(dir, "bomb.yaml", `${lines.join("\n")}\n`);
    const started = Date.now();
    const { run, out } = validateJson(dir);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe("");
    expect(codesOf(out)).toEqual(["yaml-alias-limit"]);
    expect(out.diagnostics[0]!.file).toBe("bomb.yaml");
  });

  it("an alias inside its own anchor is refused, not followed forever", () => {
    const dir = planCopy();
    write(dir, "själv.yaml", "typ: verksamhetsplan\nid: VP-SJALV\norgan: KLF\når: 2025\nx-a: &a [1, *a]\n");
    const { run, out } = validateJson(dir);
    expect(run.status).toBe(1);
    expect(out.diagnostics.every((d) => d.file === "själv.yaml")).toBe(true);
    expect(out.diagnostics.length).toBeGreaterThan(0);
  });

  it.each([
    ["10,000 unclosed [", "[".repeat(10_000)],
    ["10,000 [ closed again", `${"[".repeat(10_000)}${"]".repeat(10_000)}`],
    ["10,000 nested flow mappings", `${"{a: ".repeat(10_000)}1${"}".repeat(10_000)}`],
    ["100,000 unclosed [", "[".repeat(100_000)],
    ["2,000 nested block lists", Array.from({ length: 2_000 }, (_, i) => `${" ".repeat(i * 2)}-`).join("\n") + " x"],
  ])("%s → yaml-too-deep or yaml-syntax, exit 1, no stack trace", (_name, text) => {
    const dir = planCopy();
    write(dir, "djup.yaml", `x-djup: ${text}\n`);
    const started = Date.now();
    const { run, out } = validateJson(dir);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(run.status).toBe(1);
    expect(run.stderr).not.toMatch(NO_STACK);
    expect(run.stderr).toBe("");
    expect(out.diagnostics.length).toBeGreaterThan(0);
    for (const d of out.diagnostics) {
      expect(d.file).toBe("djup.yaml");
      expect(["yaml-too-deep", "yaml-syntax"]).toContain(d.code);
    }
  });
});
