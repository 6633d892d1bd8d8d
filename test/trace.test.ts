// `plan trace`: chains up to the vision, the tree below, orphans, gaps, unknown IDs, the
// default year, and Mermaid output checked by Mermaid's own parser in headless Chromium.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { ROOT } from "./helpers/exec.js";
import { planInProcess } from "./helpers/in-process.js";
import { runPlan, type PlanRun } from "./helpers/git-repo.js";
import { FIXTURES } from "./helpers/plan-dir.js";
import { browserSkipReason, launchChromium, mermaidPage, mermaidParse, mermaidRender } from "./helpers/browser.js";

const KATRINEHOLM = path.join(ROOT, "examples/katrineholm");
const MINIMAL = path.join(ROOT, "examples/minimal");
const THREAD = path.join(FIXTURES, "trace-thread");
const HOSTILE = path.join(FIXTURES, "trace-hostile");
const YEARS = path.join(FIXTURES, "trace-stats"); // budgets 2025 and 2026

interface TreeJson {
  id: string;
  typ: string;
  namn: string;
  nämnder?: string[];
  children: TreeJson[];
}
interface TraceJson {
  id: string;
  up?: string[][];
  down: TreeJson;
}

// Each command line runs once, and the concurrent tests share the results. `run` calls the
// command in-process (what trace prints does not depend on the process); `cli` spawns the
// built CLI, for what only it does: exit status and streams of a usage error.
const runs = new Map<string, Promise<PlanRun>>();
function run(args: string[]): Promise<PlanRun> {
  const key = JSON.stringify(args);
  let r = runs.get(key);
  if (!r) runs.set(key, (r = Promise.resolve(planInProcess(args))));
  return r;
}
function cli(args: string[]): Promise<PlanRun> {
  const key = JSON.stringify(["cli", ...args]);
  let r = runs.get(key);
  if (!r) runs.set(key, (r = runPlan(args)));
  return r;
}

/** Run and insist on a clean exit with nothing on stderr. */
async function ok(args: string[]): Promise<string> {
  const r = await run(args);
  expect(r.stderr, `stderr of plan ${args.join(" ")}`).toBe("");
  expect(r.status, `exit status of plan ${args.join(" ")}`).toBe(0);
  return r.stdout;
}
const traceJson = async (args: string[]): Promise<TraceJson> => JSON.parse(await ok(["trace", ...args, "--format", "json"])) as TraceJson;

/** 1-based line of the first line in a fixture file that contains `needle`. */
function lineOf(file: string, needle: string): number {
  const i = readFileSync(file, "utf8").split("\n").findIndex((l) => l.includes(needle));
  if (i < 0) throw new Error(`${needle} not in ${file}`);
  return i + 1;
}

/** The diagrams of a whole-year Mermaid output: each `flowchart` with the comment line naming its målområde above it. */
const diagramsOf = (src: string): string[] => src.split(/\n(?=%% [^\n]*\nflowchart )/u);

function allIds(n: TreeJson): string[] {
  return [n.id, ...n.children.flatMap(allIds)];
}

describe.concurrent("plan trace", () => {
  describe.concurrent("chains up to the vision", () => {
    // examples/minimal: BUF-AK01 → BUN-VM1 (verksamhetsplaner/BUF/2026.yaml) → UTB-A01
    // (namnder/BUN/2026.yaml) → UTB-R1 → UTB (budget/2026.yaml) → V2035 (kommunplan).
    it("minimal: an aktivitet through a verksamhetsmål", async () => {
      const j = await traceJson(["BUF-AK01", "-C", MINIMAL]);
      expect(j.up).toEqual([["BUF-AK01", "BUN-VM1", "UTB-A01", "UTB-R1", "UTB", "V2035"]]);
      expect(await ok(["trace", "BUF-AK01", "-C", MINIMAL, "--format", "md"])).toContain(
        "`BUF-AK01` → `BUN-VM1` → `UTB-A01` → `UTB-R1` → `UTB` → `V2035`",
      );
    });

    // Read from the YAML: verksamhetsplaner/SOF/2012.yaml SOF-AK09 bidrar_till [EKO-A24, OMS-A09];
    // budget/2012.yaml EKO-A24 → EKO-R1 → EKO and OMS-A09 → OMS-R2 → OMS; kommunplan vision V2025.
    it("katrineholm: an aktivitet with two bidrar_till targets has two chains (SOF-AK09)", async () => {
      const j = await traceJson(["SOF-AK09", "-C", KATRINEHOLM]);
      expect(j.up).toHaveLength(2);
      expect(j.up).toEqual(
        expect.arrayContaining([
          ["SOF-AK09", "EKO-A24", "EKO-R1", "EKO", "V2025"],
          ["SOF-AK09", "OMS-A09", "OMS-R2", "OMS", "V2025"],
        ]),
      );
      const text = await ok(["trace", "SOF-AK09", "-C", KATRINEHOLM]);
      expect(text).toContain("SOF-AK09 → EKO-A24 → EKO-R1 → EKO → V2025");
      expect(text).toContain("SOF-AK09 → OMS-A09 → OMS-R2 → OMS → V2025");
    });

    it("the åtagande with two resultatmål has two chains (FOLK-A03), and its aktivitet below", async () => {
      const j = await traceJson(["FOLK-A03", "-C", KATRINEHOLM]);
      expect(j.up).toHaveLength(2);
      expect(j.up).toEqual(
        expect.arrayContaining([
          ["FOLK-A03", "FOLK-R1", "FOLK", "V2025"],
          ["FOLK-A03", "SKO-R1", "SKO", "V2025"],
        ]),
      );
      expect(j.down).toMatchObject({ id: "FOLK-A03", typ: "åtagande", nämnder: ["BIN"] });
      // verksamhetsplaner/BIF/2012.yaml: BIF-AK27 bidrar_till FOLK-A03.
      expect(allIds(j.down)).toContain("BIF-AK27");
    });
  });

  describe.concurrent("JSON shape", () => {
    it('with an ID: exactly {"id","up","down"}; nodes are {id,typ,namn,children} (+nämnder on åtaganden)', async () => {
      const j = await traceJson(["ORT-A14", "-C", KATRINEHOLM]);
      expect(Object.keys(j).sort()).toEqual(["down", "id", "up"]);
      expect(j.id).toBe("ORT-A14");
      expect(j.up!.every((c) => Array.isArray(c) && c[0] === "ORT-A14" && c[c.length - 1] === "V2025")).toBe(true);
      const check = (n: TreeJson): void => {
        const keys = Object.keys(n).sort();
        expect(keys).toEqual(n.typ === "åtagande" ? ["children", "id", "namn", "nämnder", "typ"] : ["children", "id", "namn", "typ"]);
        expect(typeof n.namn).toBe("string");
        n.children.forEach(check);
      };
      check(j.down);
      expect(j.down.children.map((c) => c.id)).toContain("SBN-VM1");
      expect(j.down.children.find((c) => c.id === "SBN-VM1")!.children.map((c) => c.id)).toContain("SBF-AK01");
    });

    it("without an ID: no `up`, and `down` starts at the vision with the målområden below", async () => {
      const j = await traceJson(["-C", KATRINEHOLM, "--år", "2012"]);
      expect(j).not.toHaveProperty("up");
      expect(j.down).toMatchObject({ id: "V2025", typ: "vision" });
      expect(j.down.children.map((c) => [c.id, c.typ])).toEqual([
        ["ORT", "målområde"],
        ["KUL", "målområde"],
        ["SKO", "målområde"],
        ["OMS", "målområde"],
        ["FOLK", "målområde"],
        ["EKO", "målområde"],
      ]);
      const ids = new Set(allIds(j.down));
      // Every åtagande of the budget and every aktivitet in the year's tree.
      expect(ids.has("ORT-A14") && ids.has("SBF-AK01") && ids.has("BIF-AK27") && ids.has("SOF-AK09")).toBe(true);
    });
  });

  describe.concurrent("--orphans and --gaps", () => {
    it("--orphans lists what does not trace, with file:line (an empty bidrar_till and a cycle)", async () => {
      const r = await run(["trace", "--orphans", "-C", THREAD, "--år", "2025", "--format", "json"]);
      expect(r.status).toBe(0);
      const j = JSON.parse(r.stdout) as { year: number; orphans: { id: string; typ: string; file: string; line: number }[] };
      expect(j.year).toBe(2025);
      expect(j.orphans.map((o) => o.id).sort()).toEqual(["BUN-VM2", "BUN-VM3", "KLF-AK2"]);
      const akt = j.orphans.find((o) => o.id === "KLF-AK2")!;
      expect(akt).toMatchObject({ typ: "aktivitet", file: "verksamhetsplaner/KLF/2025.yaml" });
      const file = path.join(THREAD, akt.file);
      // The entity spans from its `id:` line to its `bidrar_till: []` line.
      expect(akt.line).toBeGreaterThanOrEqual(lineOf(file, "id: KLF-AK2"));
      expect(akt.line).toBeLessThanOrEqual(lineOf(file, "bidrar_till: []"));
      const vm2 = j.orphans.find((o) => o.id === "BUN-VM2")!;
      expect(vm2.line).toBe(lineOf(path.join(THREAD, "namnder/BUN/2025.yaml"), "id: BUN-VM2"));

      const text = (await run(["trace", "--orphans", "-C", THREAD, "--år", "2025"])).stdout;
      expect(text).toMatch(new RegExp(`verksamhetsplaner/KLF/2025\\.yaml:${akt.line}\\b.*KLF-AK2`, "u"));
      expect(text).not.toContain("KLF-AK1"); // it traces
    });

    it("--orphans on a clean example lists nothing", async () => {
      const j = JSON.parse(await ok(["trace", "--orphans", "-C", MINIMAL, "--format", "json"])) as { orphans: unknown[] };
      expect(j.orphans).toEqual([]);
    });

    it("--gaps lists resultatmål without åtagande, åtagande without aktivitet, nämnd without åtagande", async () => {
      const r = await run(["trace", "--gaps", "-C", THREAD, "--år", "2025", "--format", "json"]);
      expect(r.status).toBe(0);
      const j = JSON.parse(r.stdout) as { gaps: { gap: string; id: string; file: string; line: number }[] };
      expect(j.gaps.map((g) => [g.gap, g.id]).sort()).toEqual([
        ["nämnd-utan-åtagande", "MHN"],
        ["resultatmål-utan-åtagande", "UTB-R2"],
        ["åtagande-utan-aktivitet", "UTB-A2"],
      ]);
      const budget = path.join(THREAD, "budget/2025.yaml");
      expect(j.gaps.find((g) => g.id === "UTB-R2")).toMatchObject({ file: "budget/2025.yaml", line: lineOf(budget, "id: UTB-R2") });
      expect(j.gaps.find((g) => g.id === "UTB-A2")).toMatchObject({ file: "budget/2025.yaml", line: lineOf(budget, "id: UTB-A2") });
      // UTB-A1 is served through BUN-VM1 (BUF-AK1 → BUN-VM1 → UTB-A1): not a gap.
      expect(j.gaps.map((g) => g.id)).not.toContain("UTB-A1");
      const md = (await run(["trace", "--gaps", "-C", THREAD, "--år", "2025", "--format", "md"])).stdout;
      for (const id of ["UTB-R2", "UTB-A2", "MHN"]) expect(md).toContain(`\`${id}\``);
    });

    it("--gaps on katrineholm: the three åtaganden that stats also lists as utan_aktivitet", async () => {
      const gaps = JSON.parse(await ok(["trace", "--gaps", "-C", KATRINEHOLM, "--år", "2012", "--format", "json"])) as { gaps: { gap: string; id: string }[] };
      expect(gaps.gaps.map((g) => [g.gap, g.id]).sort()).toEqual([
        ["åtagande-utan-aktivitet", "KUL-A08"],
        ["åtagande-utan-aktivitet", "OMS-A11"],
        ["åtagande-utan-aktivitet", "ORT-A16"],
      ]);
    });
  });

  describe.concurrent("errors and the year", () => {
    it("an unknown ID exits 2 with one line on stderr suggesting close IDs, and nothing on stdout", async () => {
      const r = await cli(["trace", "SOF-AK9", "-C", KATRINEHOLM]);
      expect(r.status).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr.endsWith("\n")).toBe(true);
      expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
      expect(r.stderr).toContain("SOF-AK9");
      expect(r.stderr).toContain("SOF-AK09"); // one edit away
    });

    it("an unknown ID far from everything still exits 2 with one line", async () => {
      // In-process: the process's status and streams of this error are the test above's.
      const r = await run(["trace", "Zzzzzzzzzzzzzzzz", "-C", MINIMAL]);
      expect(r.status).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
    });

    it("--år defaults to this calendar year when it has a budget, else the newest budget year", async () => {
      const current = new Date().getFullYear();
      const expected = [2025, 2026].includes(current) ? current : 2026;
      const j = JSON.parse(await ok(["trace", "--orphans", "-C", YEARS, "--format", "json"])) as { year: number };
      expect(j.year).toBe(expected);
      expect(await ok(["trace", "-C", YEARS])).toMatch(new RegExp(`^The red thread ${expected}\\n`, "u"));
      // The other year is reachable only by asking for it.
      const other = expected === 2025 ? 2026 : 2025;
      // --ar is the ASCII spelling of --år: in-process through normalizeArgv as the CLI's
      // (cli.test.ts runs trace --ar=… through the CLI).
      for (const flag of ["--år", "--ar"]) {
        const otherJ = JSON.parse(await ok(["trace", "--orphans", "-C", YEARS, flag, String(other), "--format", "json"])) as { year: number };
        expect(otherJ.year, flag).toBe(other);
      }
    });

    it("pickYear (the rule itself, with the date injected)", async () => {
      const { loadPlan } = await import("../src/load/load-plan.js");
      const { checkPlan } = await import("../src/check/index.js");
      const { pickYear } = await import("../src/model/thread.js");
      const loaded = loadPlan(YEARS);
      const { plan: p } = checkPlan(loaded.docs, loaded.diagnostics);
      expect(pickYear(p, undefined, new Date("2025-06-01T12:00:00Z"))).toBe(2025);
      expect(pickYear(p, undefined, new Date("2026-06-01T12:00:00Z"))).toBe(2026);
      expect(pickYear(p, undefined, new Date("2031-06-01T12:00:00Z"))).toBe(2026);
      expect(pickYear(p, undefined, new Date("2019-06-01T12:00:00Z"))).toBe(2026);
      expect(pickYear(p, 2025, new Date("2026-06-01T12:00:00Z"))).toBe(2025);
    });
  });

  describe.concurrent("IDs that are not plain", () => {
    it("an ID typed in NFD (decomposed å/ä/ö) finds the NFC entity", async () => {
      const nfd = "Å.ä.ö-1".normalize("NFD");
      expect(nfd).not.toBe("Å.ä.ö-1");
      const j = await traceJson([nfd, "-C", HOSTILE, "--år", "2025"]);
      expect(j.id).toBe("Å.ä.ö-1");
      expect(j.up).toEqual(expect.arrayContaining([["Å.ä.ö-1", "R.å-1", "Mål.å.ä.ö", "Vision.2030-å"]]));
    });

    // underlag/2013/BIN.yaml proposes SKO-A40 (resultatmål SKO-R1) for 2013. The format's red
    // thread names "an underlag åtagande's målområde" as a step, so a proposal traces too; at the
    // very least, the year that the error message suggests must be one where the ID is found.
    it("an underlag åtagande: the year the message suggests finds it, and it traces to the vision", async () => {
      const first = await run(["trace", "SKO-A40", "-C", KATRINEHOLM]);
      expect(first.status).toBe(2);
      const suggested = /--år (\d{4})/u.exec(first.stderr)?.[1];
      expect(suggested, first.stderr).toBe("2013");
      const second = await run(["trace", "SKO-A40", "-C", KATRINEHOLM, "--år", suggested!, "--format", "json"]);
      expect(second.stderr).toBe("");
      expect(second.status).toBe(0);
      expect((JSON.parse(second.stdout) as TraceJson).up).toEqual([["SKO-A40", "SKO-R1", "SKO", "V2025"]]);
    });

    it("a name clipped for display is never cut inside a character (no U+FFFD)", async () => {
      // KLF-AK3 and KLF-AK4 have an emoji exactly where Mermaid (60) and text (80) clip.
      for (const format of ["text", "mermaid"]) {
        const out = await ok(["trace", "-C", HOSTILE, "--år", "2025", "--format", format]);
        expect(out, format).toContain("KLF-AK4");
        expect(out.includes("\uFFFD"), `${format}: ${out.split("\n").find((l) => l.includes("\uFFFD"))}`).toBe(false);
      }
    });
  });

  describe.concurrent("the whole year drawn: one diagram per målområde", () => {
    const K12 = ["-C", KATRINEHOLM, "--år", "2012"];
    const nodeLines = (src: string): string[] => src.split("\n").filter((l) => /^\s+n\d+\["/u.test(l));

    it("mermaid: a flowchart per målområde of the year, each headed by a comment naming it, in plan order", async () => {
      const src = await ok(["trace", ...K12, "--format", "mermaid"]);
      const parts = diagramsOf(src);
      const j = await traceJson(K12);
      expect(parts.map((p) => /^%% ([^:]+):/u.exec(p)?.[1])).toEqual(j.down.children.map((c) => c.id));
      for (const p of parts) {
        expect(p.split("\n")[1]).toBe("flowchart LR");
        expect(p.match(/^flowchart /gmu)).toHaveLength(1);
        // The målområde is the first node; nothing of another målområde is drawn as its root.
        expect(nodeLines(p)[0]).toMatch(new RegExp(`^  n0\\["${/^%% ([^:]+):/u.exec(p)![1]}: `, "u"));
        expect(nodeLines(p).length).toBeLessThanOrEqual(120);
      }
      // Every entity of the year's tree is in some diagram (none is cut in the example).
      const drawn = new Set(nodeLines(src).map((l) => /\["([^:]+): /u.exec(l)![1]));
      const all = allIds(j.down).filter((id) => id !== "V2025");
      expect(all.filter((id) => !drawn.has(id))).toEqual([]);
      expect(src).not.toMatch(/left out/u);
    });

    it("md: a heading with each målområde's ID and name above a ```mermaid fence (parsed with markdown-it)", async () => {
      const { default: MarkdownIt } = await import("markdown-it");
      const md = await ok(["trace", ...K12, "--format", "md", "--lang", "sv"]);
      const tokens = new MarkdownIt().parse(md, {});
      const fences = tokens.filter((t) => t.type === "fence");
      const j = await traceJson(K12);
      expect(fences.map((f) => f.info)).toEqual(j.down.children.map(() => "mermaid"));
      const headings = tokens.flatMap((t, i) => (t.type === "heading_open" && t.tag === "h3" ? [tokens[i + 1]!.content] : []));
      expect(headings).toEqual(j.down.children.map((c) => `\`${c.id}\` ${c.namn}`));
      expect(tokens[1]!.content).toBe("Den röda tråden 2012");
      // The fence holds exactly the Mermaid of that målområde.
      const mermaid = diagramsOf(await ok(["trace", ...K12, "--format", "mermaid", "--lang", "sv"]));
      expect(fences.map((f) => f.content)).toEqual(mermaid.map((p) => p.slice(p.indexOf("\n") + 1).replace(/\n+$/u, "\n")));
    });

    it("--målområde (ASCII --malomrade) draws one målområde; in text and json it roots the tree there", async () => {
      const whole = diagramsOf(await ok(["trace", ...K12, "--format", "mermaid"]));
      for (const flag of ["--målområde", "--malomrade"]) {
        const one = await ok(["trace", ...K12, flag, "SKO", "--format", "mermaid"]);
        expect(one, flag).toBe(`${whole.find((p) => p.startsWith("%% SKO:"))!.replace(/\n+$/u, "")}\n`);
      }
      const j = await traceJson([...K12, "--målområde", "SKO"]);
      expect(j.down).toMatchObject({ id: "SKO", typ: "målområde" });
      expect(j).not.toHaveProperty("up");
      expect(await ok(["trace", ...K12, "--målområde", "SKO"])).toMatch(/^SKO {2}Skola /mu);
      // Through commander once: the options reach the command under their Swedish names.
      const viaCli = await cli(["trace", ...K12, "--malomrade", "SKO", "--djup", "1", "--format", "md"]);
      expect(viaCli.stderr).toBe("");
      expect(viaCli.stdout).toMatch(/^### `SKO` Skola\n\n```mermaid\nflowchart LR\n/mu);
      expect(viaCli.stdout.match(/^```mermaid$/gmu)).toHaveLength(1);
      expect(viaCli.stdout).toMatch(/^\*\d+ av \d+ enheter är utelämnade \(--djup 1\)\*$/mu);
    });

    it("--djup N draws N levels below the målområde and says in a comment line what it left out", async () => {
      const j = await traceJson([...K12, "--målområde", "ORT"]);
      const levels: string[][] = [];
      const walk = (n: TreeJson, d: number): void => {
        (levels[d] ??= []).push(n.id);
        n.children.forEach((c) => walk(c, d + 1));
      };
      walk(j.down, 0);
      const upTo = (d: number): Set<string> => new Set(levels.slice(0, d + 1).flat());
      const src = await ok(["trace", ...K12, "--målområde", "ORT", "--djup", "2", "--format", "mermaid", "--lang", "en"]);
      const drawn = new Set(nodeLines(src).map((l) => /\["([^:]+): /u.exec(l)![1]));
      expect(drawn).toEqual(upTo(2));
      const all = new Set(levels.flat()).size;
      expect(src).toContain(`%% ${all - drawn.size} of ${all} entities left out (--djup 2)`);
      expect(src).toMatch(/\(\+\d+ below\)"\]$/mu);
      const sv = await ok(["trace", ...K12, "--målområde", "ORT", "--djup", "2", "--format", "md", "--lang", "sv"]);
      expect(sv).toContain(`*${all - drawn.size} av ${all} enheter är utelämnade (--djup 2)*`);
      expect(sv).not.toMatch(/left out|below/u);
    });

    it("a målområde larger than the cap is drawn breadth-first up to it, and the rest is counted", async () => {
      const { tempDir } = await import("./helpers/plan-dir.js");
      const { writeLadderPlan } = await import("./helpers/hostile-graph.js");
      const dir = tempDir("rodtrad-ladder-");
      // M, R1, A1, 2 × 60 rungs of verksamhetsmål and AK1 below the last rung: 124 in the diagram.
      writeLadderPlan(dir, 60);
      const src = await ok(["trace", "-C", dir, "--år", "2026", "--format", "mermaid"]);
      expect(nodeLines(src)).toHaveLength(120);
      expect(src).toMatch(/^%% 4 of 124 entities left out \(at most 120 per diagram; /mu);
      // Breadth-first: M, R1, A1 and 117 rungs' goals (L000a … L058a); L058b, L059a/b and AK1 are cut.
      for (const id of ["M", "R1", "A1", "L000a", "L057b", "L058a"]) expect(src).toContain(`"${id}: `);
      for (const id of ["L058b", "L059a", "L059b", "AK1"]) expect(src).not.toContain(`"${id}: `);
      // L057a and L057b each lead to one rung goal not drawn; L058a's children are cut too.
      expect(src).toMatch(/"L057a: [^"]*\(\+1 below\)"\]/u);
      expect(src).toMatch(/"L058a: [^"]*\(\+2 below\)"\]/u);
    });

    it("refuses what it cannot cut, in one line (exit 2)", async () => {
      for (const [args, words] of [
        [["--målområde", "XYZ"], /no målområde "XYZ" in 2012; the year's målområden: ORT, KUL, SKO, OMS, FOLK, EKO/u],
        [["--djup", "0", "--format", "mermaid"], /--djup must be a number/u],
        [["--djup", "2"], /--djup cuts the drawings/u],
        [["ORT-A14", "--målområde", "ORT"], /leave out the ID/u],
        [["--gaps", "--djup", "2", "--format", "md"], /leave out the ID, --orphans and --gaps/u],
      ] as const) {
        const r = await run(["trace", ...K12, ...args, "--lang", "en"]);
        expect(r.status, args.join(" ")).toBe(2);
        expect(r.stdout).toBe("");
        expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
        expect(r.stderr).toMatch(words);
      }
    });
  });

  describe.concurrent("text and md formats", () => {
    it("text is a box-drawn tree under the focus, md a nested list", async () => {
      const text = await ok(["trace", "ORT-A14", "-C", KATRINEHOLM]);
      expect(text).toMatch(/^[├└]── SBN-VM1 /mu);
      expect(text).toMatch(/^[│ ] {3}[├└]── SBF-AK01 /mu);
      expect(text).not.toMatch(/\u001b\[/u); // NO_COLOR
      const md = await ok(["trace", "ORT-A14", "-C", KATRINEHOLM, "--format", "md"]);
      expect(md).toMatch(/^- `ORT-A14` /mu);
      expect(md).toMatch(/^ {2}- `SBN-VM1` /mu);
      expect(md).toMatch(/^ {4}- `SBF-AK01` /mu);
    });
  });
});

const skip = browserSkipReason();
if (skip) console.warn(`trace.test.ts: ${skip}`);

describe.skipIf(skip !== undefined)("Mermaid output parses with Mermaid's own parser (headless Chromium)", () => {
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    // Start the diagrams' spawns while the browser starts.
    for (const args of [
      ["-C", KATRINEHOLM, "--år", "2012"],
      ["FOLK-A03", "-C", KATRINEHOLM],
      ["BUF-AK01", "-C", MINIMAL],
      ["-C", MINIMAL],
      ["-C", HOSTILE, "--år", "2025"],
      ["KLF.AK-ö1", "-C", HOSTILE, "--år", "2025"],
      ["Mål.å.ä.ö", "-C", HOSTILE, "--år", "2025"],
    ])
      void run(["trace", ...args, "--format", "mermaid"]);
    browser = await launchChromium();
    page = await mermaidPage(browser);
  });
  afterAll(async () => {
    await browser?.close();
  });

  const mermaid = async (args: string[]): Promise<string> => {
    const src = await ok(["trace", ...args, "--format", "mermaid"]);
    // One entity's thread is one diagram; the whole year one per målområde, a comment line above each.
    expect(src).toMatch(/^(%% [^\n]*\n)?flowchart /u);
    return src;
  };
  /** Mermaid's parser on every diagram of an output: the first failure, or `{ ok: true }`. */
  const parseAll = async (src: string): Promise<{ ok: true } | { ok: false; error: string }> => {
    for (const part of diagramsOf(src)) {
      const r = await mermaidParse(page, part);
      if (!r.ok) return r;
    }
    return { ok: true };
  };
  /** Every diagram of an output rendered, the SVGs joined. */
  const renderAll = async (src: string, id: string): Promise<string> => {
    const svgs: string[] = [];
    for (const [i, part] of diagramsOf(src).entries()) svgs.push(await mermaidRender(page, part, `${id}${i}`));
    return svgs.join("\n");
  };

  it("the harness rejects a broken diagram (so a pass means something)", async () => {
    const broken = await mermaidParse(page, 'flowchart TD\n  n0["unclosed --> n1\n');
    expect(broken.ok).toBe(false);
    const alsoBroken = await mermaidParse(page, "flowchart TD\n  n0[a [b] c] --> n1\n");
    expect(alsoBroken.ok).toBe(false);
    expect(await mermaidParse(page, 'flowchart TD\n  n0["fine"] --> n1["also fine"]\n')).toEqual({ ok: true });
  });


  /**
   * An SVG placed in the page as a reader's browser shows it (1280 px wide window): its
   * rendered width, and the font size of its labels at that scale (the label's computed size
   * times the ratio of the rendered width to the drawing's own).
   */
  const shown = (svg: string): Promise<{ width: number; font: number; labels: number }> =>
    page.evaluate((markup) => {
      document.body.innerHTML = markup;
      const el = document.body.querySelector("svg")!;
      const width = el.getBoundingClientRect().width;
      const scale = width / el.viewBox.baseVal.width;
      const labels = [...el.querySelectorAll(".nodeLabel")];
      const font = Math.min(...labels.map((l) => parseFloat(getComputedStyle(l).fontSize) * scale));
      return { width, font, labels: labels.length };
    }, svg);

  it("the whole year of katrineholm: every målområde's diagram parses", async () => {
    const src = await ok(["trace", "-C", KATRINEHOLM, "--år", "2012", "--format", "mermaid"]);
    const parts = diagramsOf(src);
    expect(parts).toHaveLength(6);
    for (const p of parts) expect(await mermaidParse(page, p), p.split("\n")[0]).toEqual({ ok: true });
  });

  // The largest målområde of the example drawn as a reader sees it: wider than a sliver, and
  // its labels no smaller than 8 px. The single graph of the whole year drawn the old way
  // (traceMermaid from the vision) fails the same measure, so a pass means something.
  it("the largest målområde renders legibly at 1280 px; the whole year as one graph would not", async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    const parts = diagramsOf(await ok(["trace", "-C", KATRINEHOLM, "--år", "2012", "--format", "mermaid"]));
    const size = (p: string): number => p.split("\n").filter((l) => /^\s+n\d+\["/u.test(l)).length;
    const largest = parts.reduce((a, b) => (size(b) > size(a) ? b : a));
    expect(size(largest)).toBeGreaterThan(80);
    const m = await shown(await mermaidRender(page, largest, "largest"));
    expect(m.labels).toBe(size(largest));
    expect(m.width, "rendered width").toBeGreaterThanOrEqual(600);
    expect(m.font, "label font size at the rendered scale").toBeGreaterThanOrEqual(8);

    const { loadPlan } = await import("../src/load/load-plan.js");
    const { checkPlan } = await import("../src/check/index.js");
    const { sharedTree, visionOf } = await import("../src/model/thread.js");
    const { traceMermaid } = await import("../src/format/trace.js");
    const loaded = loadPlan(KATRINEHOLM, { parallel: false });
    const { plan } = checkPlan(loaded.docs, loaded.diagnostics);
    const one = await shown(await mermaidRender(page, traceMermaid({ down: sharedTree(plan, visionOf(plan, 2012)!, 2012) }), "one"));
    expect(one.font, "the one graph of the whole year").toBeLessThan(8);
  }, 60_000);

  it("single entities: an åtagande with two resultatmål, an aktivitet of the minimal example, its whole year", async () => {
    for (const args of [
      ["FOLK-A03", "-C", KATRINEHOLM],
      ["BUF-AK01", "-C", MINIMAL],
      ["-C", MINIMAL],
    ]) {
      const r = await parseAll(await mermaid(args));
      expect(r, `plan trace ${args.join(" ")}`).toEqual({ ok: true });
    }
  });

  it("hostile names and IDs (quotes, <b>, #, &, brackets, pipes, backticks, -->, %%, ;, å/ä/ö and dots in IDs) parse", async () => {
    const sources = [
      await mermaid(["-C", HOSTILE, "--år", "2025"]),
      await mermaid(["KLF.AK-ö1", "-C", HOSTILE, "--år", "2025"]),
      await mermaid(["Mål.å.ä.ö", "-C", HOSTILE, "--år", "2025"]),
    ];
    for (const src of sources) {
      const r = await parseAll(src);
      expect(r, src).toEqual({ ok: true });
    }
    // Every plan ID reaches the diagrams (as label text, not as a Mermaid node ID); the vision
    // is drawn above an entity, the year's diagrams start at the målområden.
    for (const id of ["Mål.å.ä.ö", "R.å-1", "Å.ä.ö-1", "KLF.AK-ö1", "style", "end", "graph"]) expect(sources[0]).toContain(`${id}: `);
    expect(sources[2]).toContain("Vision.2030-å: ");
  });

  it("renders to SVG with a label shown literally", async () => {
    const svg = await mermaidRender(page, await mermaid(["BUF-AK01", "-C", MINIMAL]), "minimal");
    expect(svg.startsWith("<svg"), svg.slice(0, 200)).toBe(true);
    expect(svg.includes("BUF-AK01") && svg.includes("UTB-A01")).toBe(true);
    const whole = await renderAll(await mermaid(["-C", MINIMAL]), "whole");
    expect(whole.includes("BUF-AK01: Läxhjälp och sommarskola för elever i åk 8–9"), "label text in the SVG").toBe(true);
  });

  it("hostile names render as text: <b> is shown, not made bold, and no script element appears", async () => {
    const svg = await renderAll(await mermaid(["-C", HOSTILE, "--år", "2025"]), "hostile");
    expect(svg.includes("&lt;b&gt;fet&lt;/b&gt;"), "<b> shown as text").toBe(true);
    expect(/<b>fet<\/b>/u.test(svg), "<b> made an element").toBe(false);
    expect(/<script/iu.test(svg), "a script element").toBe(false);
  });

  // Mermaid reads `%%{init: …}%%` anywhere in the source as a directive, even inside a quoted
  // label: a plan name must neither vanish from its node nor restyle the diagram.
  it("a name holding a %%{init}%% directive is shown as text and does not change the theme", async () => {
    const src = await mermaid(["-C", HOSTILE, "--år", "2025"]);
    const svg = await renderAll(src, "directive");
    const forest = svg.toLowerCase().includes("#cde498"); // the forest theme's node colour
    expect(forest, "the diagram took the theme from a plan name").toBe(false);
    expect(svg.includes("%%{init:"), "the %%{init}%% text vanished from its label").toBe(true);
  });
});
