// `plan stats`: the seed's figures for Katrineholm 2012, and a fixture counted by hand.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "./helpers/exec.js";
import { planInProcess } from "./helpers/in-process.js";
import { runPlan, type PlanRun } from "./helpers/git-repo.js";
import { FIXTURES } from "./helpers/plan-dir.js";

const KATRINEHOLM = path.join(ROOT, "examples/katrineholm");
const COUNTED = path.join(FIXTURES, "trace-stats"); // counted by hand in its budget/2025.yaml

interface StatsJson {
  year: number;
  målområden: number;
  resultatmål: number;
  åtaganden: {
    total: number;
    alla: number;
    delade: number;
    per_nämnd: Record<string, number>;
    per_målområde: Record<string, number>;
    utan_aktivitet: string[];
  };
  aktiviteter: number;
  [k: string]: unknown;
}

// Each command line runs once, and the concurrent tests share the results: in-process (what
// stats prints does not depend on the process), or through the built CLI for --ar.
const runs = new Map<string, Promise<PlanRun>>();
async function ok(args: string[], how: "in-process" | "cli" = "in-process"): Promise<string> {
  const key = JSON.stringify([how, args]);
  let p = runs.get(key);
  if (!p) runs.set(key, (p = how === "cli" ? runPlan(args) : Promise.resolve(planInProcess(args))));
  const r = await p;
  expect(r.stderr, `stderr of plan ${args.join(" ")}`).toBe("");
  expect(r.status, `exit status of plan ${args.join(" ")}`).toBe(0);
  return r.stdout;
}

const statsJson = async (args: string[]): Promise<StatsJson> => JSON.parse(await ok(["stats", ...args, "--format", "json"])) as StatsJson;

/** A GitHub table: header, a `---` separator row, then rows with as many cells (escaped pipes stay inside). */
function tables(md: string): string[][][] {
  const cells = (line: string): string[] =>
    line
      .trim()
      .replace(/^\|/u, "")
      .replace(/\|$/u, "")
      .split(/(?<!\\)\|/u)
      .map((c) => c.trim());
  const out: string[][][] = [];
  const lines = md.split("\n");
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i]!.startsWith("|")) continue;
    const block: string[] = [];
    while (i < lines.length && lines[i]!.startsWith("|")) block.push(lines[i++]!);
    expect(block.length, `table starting "${block[0]}"`).toBeGreaterThanOrEqual(2);
    const head = cells(block[0]!);
    const sep = cells(block[1]!);
    expect(sep.length, `separator of "${block[0]}"`).toBe(head.length);
    for (const s of sep) expect(s).toMatch(/^:?-{3,}:?$/u);
    const rows = block.slice(2).map(cells);
    for (const r of rows) expect(r.length, `row "${r.join(" | ")}"`).toBe(head.length);
    out.push([head, ...rows]);
  }
  return out;
}

describe.concurrent("the seed's figures: Katrineholm 2012", () => {
  it("total 117, alla 8, KS 46 the most, MHN 11 the fewest, ORT 33, EKO 30", async () => {
    const s = await statsJson(["--år", "2012", "-C", KATRINEHOLM]);
    expect(s.year).toBe(2012);
    expect(s.åtaganden.total).toBe(117);
    expect(s.åtaganden.alla).toBe(8);
    const per = s.åtaganden.per_nämnd;
    expect(per.KS).toBe(46);
    expect(per.MHN).toBe(11);
    const counts = Object.values(per);
    expect(Math.max(...counts)).toBe(46);
    expect(Math.min(...counts)).toBe(11);
    expect(counts.filter((n) => n === 46)).toHaveLength(1);
    expect(counts.filter((n) => n === 11)).toHaveLength(1);
    expect(Object.keys(per).sort()).toEqual(["BIN", "KFN", "KS", "MHN", "SBN", "SOCN", "VIAN", "VON"]);
    expect(s.åtaganden.per_målområde.ORT).toBe(33);
    expect(s.åtaganden.per_målområde.EKO).toBe(30);
    // The same three that `plan trace --gaps` lists (test/trace.test.ts).
    expect([...s.åtaganden.utan_aktivitet].sort()).toEqual(["KUL-A08", "OMS-A11", "ORT-A16"]);
    // An åtagande counted for KS is named by KS or says alla: never more than the total.
    for (const n of counts) expect(n).toBeGreaterThanOrEqual(s.åtaganden.alla);
  });

  it("--ar (ASCII) gives the same bytes as --år", async () => {
    const a = await ok(["stats", "--år", "2012", "-C", KATRINEHOLM, "--format", "json"]);
    const b = await ok(["stats", "--ar", "2012", "-C", KATRINEHOLM, "--format", "json"], "cli");
    expect(b).toBe(a);
  });

  it("text marks KS as most and MHN as fewest, and no other nämnd", async () => {
    // The plan says språk: sv; these assertions read the English words.
    const text = await ok(["stats", "--år", "2012", "-C", KATRINEHOLM, "--lang", "en"]);
    expect(text).not.toMatch(/\u001b\[/u);
    const row = (id: string): string => text.split("\n").find((l) => new RegExp(`^│ ${id} `, "u").test(l)) ?? "";
    expect(row("KS")).toMatch(/│\s+46 │ most\s+│$/u);
    expect(row("MHN")).toMatch(/│\s+11 │ fewest\s+│$/u);
    for (const id of ["BIN", "SBN", "VON", "KFN", "SOCN", "VIAN"]) expect(row(id), id).not.toMatch(/most|fewest/u);
    expect(text.match(/│ most /gu)).toHaveLength(1);
    expect(text.match(/│ fewest /gu)).toHaveLength(1);
  });

  it("md is valid GitHub tables holding the same figures", async () => {
    const md = await ok(["stats", "--år", "2012", "-C", KATRINEHOLM, "--format", "md", "--lang", "en"]);
    const all = tables(md);
    expect(all.length).toBeGreaterThanOrEqual(3);
    const rows = all.flat();
    const find = (id: string): string[] | undefined => rows.find((r) => r[0]!.startsWith(`\`${id}\``));
    expect(find("KS")?.slice(1)).toEqual(["46", "most"]);
    expect(find("MHN")?.slice(1)).toEqual(["11", "fewest"]);
    expect(find("ORT")?.[1]).toBe("33");
    expect(find("EKO")?.[1]).toBe("30");
    expect(rows.some((r) => r[1] === "117")).toBe(true);
  });
});

describe.concurrent("figures counted by hand (test/fixtures/trace-stats)", () => {
  it("2025: alla counts for every nämnd, two målområden count once each, shared means two or more named", async () => {
    const s = await statsJson(["--år", "2025", "-C", COUNTED]);
    expect(s.målområden).toBe(3);
    expect(s.resultatmål).toBe(4);
    expect(s.åtaganden.total).toBe(6);
    expect(s.åtaganden.alla).toBe(2);
    expect(s.åtaganden.delade).toBe(2);
    expect(s.åtaganden.per_nämnd).toEqual({ KS: 5, BUN: 4, SBN: 3, MHN: 2 });
    expect(s.åtaganden.per_målområde).toEqual({ ORT: 3, UTB: 2, EKO: 2 });
    expect([...s.åtaganden.utan_aktivitet].sort()).toEqual(["A4", "A5"]);
    expect(s.aktiviteter).toBe(3);
    expect(s.resultatmål_per_målområde).toEqual({ ORT: 1, UTB: 2, EKO: 1 });
    expect(s.aktiviteter_per_organ).toEqual({ KLF: 2, BUF: 1 });
  });

  it("per_nämnd is sorted, most first", async () => {
    const s = await statsJson(["--år", "2025", "-C", COUNTED]);
    expect(Object.keys(s.åtaganden.per_nämnd)).toEqual(["KS", "BUN", "SBN", "MHN"]);
  });

  it("2026 counts only 2026's budget", async () => {
    const s = await statsJson(["--år", "2026", "-C", COUNTED]);
    expect(s.year).toBe(2026);
    expect(s.åtaganden.total).toBe(1);
    expect(s.åtaganden.alla).toBe(0);
    expect(s.åtaganden.per_nämnd).toEqual({ MHN: 1, BUN: 0, KS: 0, SBN: 0 });
    expect(s.aktiviteter).toBe(0); // the verksamhetsplaner are 2025's
  });

  it("text and md agree with the JSON", async () => {
    const text = await ok(["stats", "--år", "2025", "-C", COUNTED]);
    expect(text).toMatch(/^│ KS {2}Kommunstyrelsen\s+│\s+5 │ most\s+│$/mu);
    expect(text).toMatch(/^│ MHN {2}Miljönämnden\s+│\s+2 │ fewest\s+│$/mu);
    const md = await ok(["stats", "--år", "2025", "-C", COUNTED, "--format", "md"]);
    const rows = tables(md).flat();
    expect(rows.find((r) => r[0]!.startsWith("`UTB`"))?.slice(1)).toEqual(["2", "2"]);
  });
});
