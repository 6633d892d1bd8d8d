// `plan status` on examples/katrineholm: JSON shape, periods, nämnd cut, and statuses that
// never depend on colour. In-process, and through the built CLI for exit statuses and --namnd.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "./helpers/exec.js";
import { planInProcess } from "./helpers/in-process.js";
import { runPlan, type PlanRun } from "./helpers/git-repo.js";

const KATRINEHOLM = path.join(ROOT, "examples/katrineholm");
const WORDS = ["uppfyllt", "delvis_uppfyllt", "ej_uppfyllt", "ej_bedömd"] as const;
type Word = (typeof WORDS)[number];

interface StatusJson {
  period: string;
  year: number;
  nämnd?: string;
  åtaganden: { id: string; status: Word; value: number | null; target: number | null; manual: boolean; utfall: number | null; utfall_år: number | null; källa: string | null }[];
  rule: { metod: string; nivå: string; uppfyllt: number; delvis: number };
  resultatmål: Goal[];
  målområden: Goal[];
}

interface Goal {
  id: string;
  status: Word;
  manual: boolean;
  counts: Record<Word, number>;
  assessed: number;
  mean: number | null;
  share: number | null;
}

// Each command line runs once, and the concurrent tests share the results. `run` calls the
// command in-process (what status prints does not depend on the process); `cli` spawns the
// built CLI, for what only it does: exit status and streams of a usage error, --namnd.
const runs = new Map<string, Promise<PlanRun>>();
function run(args: string[], env?: NodeJS.ProcessEnv): Promise<PlanRun> {
  const key = JSON.stringify([args, env]);
  let r = runs.get(key);
  if (!r) runs.set(key, (r = Promise.resolve(planInProcess(args, env))));
  return r;
}
function cli(args: string[]): Promise<PlanRun> {
  const key = JSON.stringify(["cli", args]);
  let r = runs.get(key);
  if (!r) runs.set(key, (r = runPlan(args)));
  return r;
}

async function ok(args: string[], env?: NodeJS.ProcessEnv, how: typeof run = run): Promise<string> {
  const r = await how(args, env);
  expect(r.stderr, `stderr of plan ${args.join(" ")}`).toBe("");
  expect(r.status, `exit status of plan ${args.join(" ")}`).toBe(0);
  return r.stdout;
}
const statusJson = async (extra: string[] = []): Promise<StatusJson> => JSON.parse(await ok(["status", "-C", KATRINEHOLM, "--format", "json", ...extra])) as StatusJson;

/** The periods of the example's follow-ups, read from the files themselves. */
function periodsOnDisk(): string[] {
  const dir = path.join(KATRINEHOLM, "uppfoljning");
  const set = new Set<string>();
  for (const f of readdirSync(dir)) {
    const m = /^period:\s*"?(\d{4}-\d{2})"?\s*$/mu.exec(readFileSync(path.join(dir, f), "utf8"));
    if (m) set.add(m[1]!);
  }
  return [...set].sort();
}

describe.concurrent("plan status --format json", () => {
  it("has the documented shape, statuses only from the four words", async () => {
    const j = await statusJson();
    expect(Object.keys(j)).toEqual([
      "period",
      "year",
      "rule",
      "åtaganden",
      "resultatmål",
      "målområden",
      "beloppsenhet",
      "ekonomi",
      "investeringar",
      "finansiella_mål",
      "resultaträkning",
      "balansräkning",
      "kassaflödesanalys",
      "balanskrav",
      "god_ekonomisk_hushållning",
    ]);
    expect(j.rule).toEqual({ metod: "medelvärde", nivå: "resultatmål", uppfyllt: 0.75, delvis: 0.25 });
    expect(j.year).toBe(2012);
    expect(j.åtaganden).toHaveLength(117);
    expect(j.resultatmål).toHaveLength(8);
    expect(j.målområden.map((o) => o.id)).toEqual(["ORT", "KUL", "SKO", "OMS", "FOLK", "EKO"]);
    for (const a of j.åtaganden) {
      expect(Object.keys(a)).toEqual(["id", "status", "value", "target", "manual", "utfall", "utfall_år", "källa"]);
      expect(WORDS).toContain(a.status);
      // The utfall's year is there exactly when the utfall is.
      expect(a.utfall === null).toBe(a.utfall_år === null);
      expect(a.value === null || typeof a.value === "number").toBe(true);
      expect(a.target === null || typeof a.target === "number").toBe(true);
      expect(typeof a.manual).toBe("boolean");
    }
    for (const g of [...j.resultatmål, ...j.målområden]) {
      // A manual bedömning (the helår's SKO-R1) adds the computed status and the motivering.
      expect(Object.keys(g)).toEqual(
        g.manual ? ["id", "status", "manual", "computed", "motivering", "counts", "assessed", "mean", "share"] : ["id", "status", "manual", "counts", "assessed", "mean", "share"],
      );
      expect(WORDS).toContain(g.status);
      expect(Object.values(g.counts).reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(g.assessed);
      expect(g.assessed).toBe(g.counts.uppfyllt + g.counts.delvis_uppfyllt + g.counts.ej_uppfyllt);
      // The default rule is the mean: there is one when anything was assessed, never a share.
      expect(g.mean === null).toBe(g.assessed === 0);
      expect(g.share).toBeNull();
    }
    // A plan this size uses every status, and some assessments are manual.
    expect(new Set(j.åtaganden.map((a) => a.status))).toEqual(new Set(WORDS));
    expect(j.åtaganden.some((a) => a.manual)).toBe(true);
  });

  it("defaults to the newest follow-up period", async () => {
    const periods = periodsOnDisk();
    expect(periods.length).toBeGreaterThanOrEqual(2);
    expect((await statusJson()).period).toBe(periods[periods.length - 1]);
  });

  it("--period picks an earlier period", async () => {
    const j = await statusJson(["--period", "2012-08"]);
    expect(j.period).toBe("2012-08");
    expect(j.year).toBe(2012);
    expect(j.åtaganden).toHaveLength(117);
  });

  it("an unknown period exits 2 with one line naming the periods there are", async () => {
    const r = await cli(["status", "-C", KATRINEHOLM, "--period", "2012-09"]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain("2012-09");
    for (const p of periodsOnDisk()) expect(r.stderr).toContain(p);
  });

});

describe.concurrent("--nämnd", () => {
  it("--nämnd BIN and --namnd BIN give the same bytes, cut to BIN's åtaganden (named or alla)", async () => {
    const sv = await ok(["status", "-C", KATRINEHOLM, "--format", "json", "--nämnd", "BIN"]);
    const ascii = await ok(["status", "-C", KATRINEHOLM, "--format", "json", "--namnd", "BIN"], undefined, cli);
    expect(ascii).toBe(sv);
    const cut = JSON.parse(sv) as StatusJson;
    expect(cut.nämnd).toBe("BIN");
    const all = await statusJson();
    // plan stats counts 31 åtaganden for BIN in 2012 (named or alla).
    expect(cut.åtaganden).toHaveLength(31);
    expect(cut.åtaganden.length).toBeLessThan(all.åtaganden.length);
    // The same åtagande has the same assessment, cut or not.
    const whole = new Map(all.åtaganden.map((a) => [a.id, a]));
    for (const a of cut.åtaganden) expect(a).toEqual(whole.get(a.id));
  });

  it("an organ that is not a nämnd (a förvaltning) exits 2 as an unknown nämnd", async () => {
    for (const id of ["BIF"]) {
      // In-process: the process's status and streams of a usage error are the unknown period's above.
      const r = await run(["status", "-C", KATRINEHOLM, "--nämnd", id]);
      expect(r.status, id).toBe(2);
      expect(r.stdout, id).toBe("");
      expect(r.stderr, id).toContain(id);
      expect(r.stderr.trimEnd().split("\n"), id).toHaveLength(1);
    }
  });
});

describe.concurrent("text and md", () => {
  const SYMBOL: Record<Word, string> = { uppfyllt: "●", delvis_uppfyllt: "◐", ej_uppfyllt: "○", ej_bedömd: "–" };
  const EN: Record<Word, string> = { uppfyllt: "Met", delvis_uppfyllt: "Partly met", ej_uppfyllt: "Not met", ej_bedömd: "Not assessed" };
  const SV: Record<Word, string> = { uppfyllt: "Uppfyllt", delvis_uppfyllt: "Delvis uppfyllt", ej_uppfyllt: "Ej uppfyllt", ej_bedömd: "Ej bedömd" };

  /** The table row of `id`: its cells (a målområde's ID also heads its åtaganden table: skip that). */
  function row(text: string, id: string): string[] | undefined {
    return text
      .split("\n")
      .filter((l) => l.startsWith(`│ ${id} `))
      .map((l) => l.split("│").slice(1, -1).map((c) => c.trim()))
      .find((cells) => cells[1] !== "Status");
  }

  it("with NO_COLOR every row's status cell carries a symbol and a word that tell the statuses apart", async () => {
    const j = await statusJson();
    // The plan says språk: sv; these assertions read the English words.
    const text = await ok(["status", "-C", KATRINEHOLM, "--lang", "en"]);
    expect(text).not.toMatch(/\u001b\[/u);
    for (const a of j.åtaganden) {
      const cells = row(text, a.id);
      expect(cells, a.id).toBeDefined();
      expect(cells![1], a.id).toBe(`${SYMBOL[a.status]} ${EN[a.status]}${a.manual ? " (manual)" : ""}`);
    }
    for (const g of [...j.resultatmål, ...j.målområden]) expect(row(text, g.id)?.[1], g.id).toBe(`${SYMBOL[g.status]} ${EN[g.status]}${g.manual ? " (manual)" : ""}`);
    expect([...j.resultatmål, ...j.målområden].filter((g) => g.manual).map((g) => g.id)).toEqual(["SKO-R1"]);
    // Four statuses, four different symbols and four different words.
    expect(new Set(Object.values(SYMBOL)).size).toBe(4);
    expect(new Set(Object.values(EN)).size).toBe(4);
  });

  it("--lang sv uses the Swedish words with the same symbols", async () => {
    const j = await statusJson();
    const text = await ok(["status", "-C", KATRINEHOLM, "--lang", "sv"]);
    for (const a of j.åtaganden.slice(0, 20)) expect(row(text, a.id)?.[1], a.id).toMatch(new RegExp(`^${SYMBOL[a.status]} ${SV[a.status]}( \\(manuell\\))?$`, "u"));
  });

  it("with colour forced, the symbol and word are still there (colour is only an extra)", async () => {
    const text = await ok(["status", "-C", KATRINEHOLM], { NO_COLOR: undefined, FORCE_COLOR: "1" });
    expect(text).toMatch(/\u001b\[/u);
    // eslint-disable-next-line no-control-regex
    const plain = text.replace(/\u001b\[[0-9;]*m/gu, "");
    expect(plain).toBe(await ok(["status", "-C", KATRINEHOLM]));
  });

  it("md is GitHub tables: a separator row after each header, the same number of cells in every row", async () => {
    const md = await ok(["status", "-C", KATRINEHOLM, "--format", "md", "--lang", "en"]);
    const cells = (l: string): string[] => l.replace(/^\|/u, "").replace(/\|$/u, "").split(/(?<!\\)\|/u).map((c) => c.trim());
    const lines = md.split("\n");
    let tables = 0;
    const ids = new Set<string>();
    for (let i = 0; i < lines.length; i++) {
      if (!lines[i]!.startsWith("|")) continue;
      const head = cells(lines[i]!);
      const sep = cells(lines[i + 1] ?? "");
      expect(sep.every((c) => /^:?-{3,}:?$/u.test(c)), lines[i + 1]).toBe(true);
      expect(sep).toHaveLength(head.length);
      i += 2;
      while (i < lines.length && lines[i]!.startsWith("|")) {
        const c = cells(lines[i]!);
        expect(c, lines[i]).toHaveLength(head.length);
        ids.add(/^`([^`]+)`/u.exec(c[0]!)?.[1] ?? "");
        i++;
      }
      tables++;
    }
    expect(tables).toBeGreaterThanOrEqual(3);
    const j = await statusJson();
    expect(ids).toEqual(new Set([...j.åtaganden, ...j.resultatmål, ...j.målområden].map((x) => x.id)));
    expect(md).toMatch(/^\| `ORT-A01` .* \| [●◐○–] (Met|Partly met|Not met|Not assessed)/mu);
  });
});
