// plan nytt-år Y: on copies of both examples it writes only new files, the plan still validates
// without errors, and exactly the åtaganden of Y−1 that reach Y are carried, each once.
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { plan, ROOT } from "./helpers/exec.js";
import { planInProcess, validateInProcess } from "./helpers/in-process.js";
import { cleanup, filesBelow, tempDir } from "./helpers/plan-dir.js";

type Data = Record<string, unknown>;

function copyOf(example: string): string {
  const dir = path.join(tempDir("rodtrad-nyttar-"), example);
  cpSync(path.join(ROOT, "examples", example), dir, { recursive: true });
  return dir;
}

const hashes = (dir: string): Map<string, string> =>
  new Map(filesBelow(dir).map((f) => [f, createHash("sha256").update(readFileSync(path.join(dir, f))).digest("hex")]));

const yamlOf = (dir: string, rel: string): Data => parse(readFileSync(path.join(dir, rel), "utf8")) as Data;
const idsIn = (doc: Data): string[] => ((doc.åtaganden as Data[] | undefined) ?? []).map((a) => a.id as string);
const åtagande = (doc: Data, id: string): Data => (doc.åtaganden as Data[]).find((a) => a.id === id)!;

/**
 * Run nytt-år on `dir`: no existing file changed, the new files listed, 0 errors after. In this
 * process (helpers/in-process.ts), but with `spawn` through the built CLI (the ASCII spelling,
 * the exit status of the process); the validation after is in this process either way.
 */
function run(dir: string, year: string, extra: string[] = [], o: { spawn?: true } = {}): { stdout: string; created: string[] } {
  const before = hashes(dir);
  const r = o.spawn ? plan(["nytt-ar", year, "-C", dir, ...extra]) : planInProcess(["nytt-ar", year, "-C", dir, ...extra]);
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
  const after = hashes(dir);
  for (const [f, h] of before) expect(after.get(f), f).toBe(h);
  const { out } = validateInProcess(dir);
  expect(out.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return { stdout: r.stdout, created: [...after.keys()].filter((f) => !before.has(f)) };
}

describe("plan nytt-år", () => {
  afterAll(cleanup);

  it("minimal, 2027 from 2026: a directive and an underlag per nämnd; the alla-åtagande once, in KS's", () => {
    const dir = copyOf("minimal");
    const { stdout, created } = run(dir, "2027", [], { spawn: true });
    expect(created.sort()).toEqual(["planeringsdirektiv/2027.yaml", "underlag/2027/BUN.yaml", "underlag/2027/KS.yaml"]);
    expect(stdout).toContain("wrote    underlag/2027/BUN.yaml (2 åtaganden)");
    const bun = yamlOf(dir, "underlag/2027/BUN.yaml");
    const ks = yamlOf(dir, "underlag/2027/KS.yaml");
    expect(bun).toMatchObject({ typ: "underlag", id: "UL2027-BUN", nämnd: "BUN", år: 2027, status: "förslag" });
    expect(idsIn(bun)).toEqual(["UTB-A01", "UTB-A02"]);
    expect(idsIn(ks)).toEqual(["EKO-A01"]);
    expect(åtagande(bun, "UTB-A01")).toEqual({
      id: "UTB-A01",
      resultatmål: ["UTB-R1"],
      text: "Andelen elever i åk 9 som är behöriga till gymnasiet ska öka",
      nyckeltal: { namn: "Elever i åk 9 behöriga till yrkesprogram", enhet: "%", riktning: "öka", utgångsvärde: { år: 2024, värde: 82 }, målvärden: { 2027: 87, 2028: 89 } },
    });
    const pd = yamlOf(dir, "planeringsdirektiv/2027.yaml");
    expect(pd).toMatchObject({ typ: "planeringsdirektiv", id: "PD2027", år: 2027, status: "förslag", ramar: [{ organ: "KS", belopp: 45 }, { organ: "BUN", belopp: 310 }] });
    expect(readFileSync(path.join(dir, "underlag/2027/KS.yaml"), "utf8")).toMatch(/^# Budgetunderlag 2027 Kommunstyrelsen/u);

    // A second run writes nothing and says why.
    const again = run(dir, "2027", ["--lang", "sv"]);
    expect(again.created).toEqual([]);
    expect(again.stdout).toContain("hoppade över  underlag/2027/BUN.yaml (filen finns redan)");
    expect(again.stdout).toContain("EKO-A01: föreslås redan i UL2027-KS");
  });

  it("an åtagande an existing underlag of Y proposes is not carried again; a shared one moves to the next nämnd", () => {
    const dir = copyOf("minimal");
    const existing = ["typ: underlag", "id: UL2027-KS", "nämnd: KS", "år: 2027", "status: förslag", "åtaganden:", "  - { id: UTB-A01, resultatmål: [UTB-R1], text: Flyttad till KS }", ""];
    writeFileSync(path.join(dir, "underlag-ks.yaml"), existing.join("\n"));
    const { stdout, created } = run(dir, "2027");
    expect(created.sort()).toEqual(["planeringsdirektiv/2027.yaml", "underlag/2027/BUN.yaml"]);
    expect(idsIn(yamlOf(dir, "underlag/2027/BUN.yaml"))).toEqual(["UTB-A02", "EKO-A01"]);
    expect(stdout).toContain("UTB-A01: already proposed in UL2027-KS");
    expect(stdout).toContain("skipped  underlag/2027/KS.yaml (the plan has this document already)");
  });

  it("lists what it cannot carry: a plan period that ends, a nyckeltal without a target for Y", () => {
    const ends = copyOf("minimal");
    const budget = path.join(ends, "budget/2026.yaml");
    writeFileSync(budget, readFileSync(budget, "utf8").replace("till: 2028", "till: 2026"));
    const r = run(ends, "2027");
    for (const id of ["UTB-A01", "UTB-A02", "EKO-A01"]) expect(r.stdout).toContain(`${id}: the budget's plan period ends 2026`);
    expect(idsIn(yamlOf(ends, "underlag/2027/BUN.yaml"))).toEqual([]);

    const noTarget = copyOf("minimal");
    const b2 = path.join(noTarget, "budget/2026.yaml");
    writeFileSync(b2, readFileSync(b2, "utf8").replace("{ 2026: 92, 2027: 95, 2028: 95 }", "{ 2026: 92 }"));
    const r2 = run(noTarget, "2027");
    expect(r2.stdout).toContain("nyckeltal without a target for 2027: UTB-A02 (BUN)");
    const a02 = åtagande(yamlOf(noTarget, "underlag/2027/BUN.yaml"), "UTB-A02");
    expect((a02.nyckeltal as Data).målvärden).toBeUndefined();
  });

  it("katrineholm, 2013 from 2012: BIN's underlag and the directive are kept; each of the 117 åtaganden carried once or listed", () => {
    const dir = copyOf("katrineholm");
    const { stdout, created } = run(dir, "2013");
    const nämnder = ["KS", "SOCN", "VON", "KFN", "SBN", "VIAN", "MHN"];
    expect(created.sort()).toEqual(nämnder.map((n) => `underlag/2013/${n}.yaml`).sort());
    expect(existsSync(path.join(dir, "planeringsdirektiv/2013.yaml"))).toBe(true);
    // The plan says språk: sv, so the command speaks Swedish.
    expect(stdout).toContain("hoppade över  underlag/2013/BIN.yaml");
    expect(stdout).toContain("hoppade över  planeringsdirektiv/2013.yaml");

    const carried = new Map<string, string[]>();
    for (const n of nämnder) for (const id of idsIn(yamlOf(dir, `underlag/2013/${n}.yaml`))) carried.set(id, [...(carried.get(id) ?? []), n]);
    // BIN already has its underlag for 2013: its own åtaganden stay out, listed.
    const notCarried = ["EKO-A21", "SKO-A01", "SKO-A02", "SKO-A03", "SKO-A04", "SKO-A05", "SKO-A06", "SKO-A07", "SKO-A08", "SKO-A09", "SKO-A12", "SKO-A16", "FOLK-A03"];
    for (const id of notCarried) expect(stdout).toContain(`${id}: underlaget från BIN finns redan`);
    const budgetIds = idsIn(yamlOf(dir, "budget/2012.yaml"));
    expect(budgetIds).toHaveLength(117);
    expect([...carried.keys()].sort()).toEqual(budgetIds.filter((id) => !notCarried.includes(id)).sort());
    for (const [id, where] of carried) expect(where, id).toHaveLength(1);
    // Shared: alla → KS; [BIN, SOCN] → SOCN (BIN has an underlag); [BIN, KS] → KS; [BIN, KFN] → KFN.
    expect(carried.get("EKO-A01")).toEqual(["KS"]);
    expect(carried.get("FOLK-A01")).toEqual(["KS"]);
    expect(carried.get("SKO-A10")).toEqual(["SOCN"]);
    expect(carried.get("ORT-A13")).toEqual(["KS"]);
    expect(carried.get("SKO-A15")).toEqual(["KFN"]);
    expect(carried.get("ORT-A04")).toEqual(["KS"]);

    // The utgångsvärde moves to the helår utfall; målvärden from 2013 on.
    const ort = åtagande(yamlOf(dir, "underlag/2013/KS.yaml"), "ORT-A01");
    expect((ort.nyckeltal as Data).utgångsvärde).toEqual({ år: 2012, värde: 4.4 });
    expect(Object.keys((ort.nyckeltal as Data).målvärden as Data)).toEqual(["2013", "2014"]);

    expect(run(dir, "2013").created).toEqual([]);
  });

  it("a file in the way is left alone even when it is not the document", () => {
    const dir = copyOf("minimal");
    mkdirSync(path.join(dir, "underlag/2027"), { recursive: true });
    writeFileSync(path.join(dir, "underlag/2027/BUN.yaml"), "# BUN:s egna anteckningar\n");
    const { stdout, created } = run(dir, "2027");
    expect(created.sort()).toEqual(["planeringsdirektiv/2027.yaml", "underlag/2027/KS.yaml"]);
    expect(stdout).toContain("skipped  underlag/2027/BUN.yaml (the file exists)");
    // BUN's own åtaganden are listed; the alla-åtagande is in KS's underlag as always.
    expect(stdout).toContain("UTB-A01: the underlag of BUN exists already");
    expect(stdout).toContain("UTB-A02: the underlag of BUN exists already");
    expect(idsIn(yamlOf(dir, "underlag/2027/KS.yaml"))).toEqual(["EKO-A01"]);
    expect(readFileSync(path.join(dir, "underlag/2027/BUN.yaml"), "utf8")).toBe("# BUN:s egna anteckningar\n");
  });

  it("without a budget for Y−1 it stops with one line and exit 2", () => {
    const dir = copyOf("minimal");
    const r = planInProcess(["nytt-år", "2030", "-C", dir]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe("plan: the plan has no budget for 2029 to start 2030 from\n");
  });
});
