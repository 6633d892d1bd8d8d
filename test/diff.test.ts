// `plan diff`: real git repositories in temp folders, real commits, the JSON asserted case by case
// (issue 5, "Done when"), plus exit statuses, the working tree as head, prefixes and determinism.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, it, type ExpectStatic } from "vitest";
import type { Document } from "yaml";
import { GitRepo, cleanupRepos, diffJson as diffJsonCli, git, itemPath, runPlan, tempDir, type DiffJson, type PlanRun } from "./helpers/git-repo.js";
import { planInProcess } from "./helpers/in-process.js";
import { resolveAll, resolveRevision, revisionSource, revisionSources } from "../src/load/git.js";
import type { FileSource } from "../src/load/load-plan.js";

afterAll(cleanupRepos);

const ÅTAGANDEN = ["åtaganden"];
const B25 = "budget/2025.yaml";
const B26 = "budget/2026.yaml";
const UF = "uppfoljning/2025-08-delar.yaml";

/** Set ORT-Å1's 2025 target in budget 2025 (3.4 in the fixture). */
const setTarget = (r: GitRepo, value: number): GitRepo =>
  r.editYaml(B25, (doc) => doc.setIn([...itemPath(doc, ÅTAGANDEN, "ORT-Å1"), "nyckeltal", "målvärden", 2025], value));

const nothingChanged = (j: DiffJson): Record<string, unknown[]> => ({
  added: j.added,
  removed: j.removed,
  changed: j.changed,
  renames: j.renames,
  introduced: j.introduced,
  resolved: j.resolved,
  status_changes: j.status_changes,
  flags: j.flags,
});
const EMPTY = { added: [], removed: [], changed: [], renames: [], introduced: [], resolved: [], status_changes: [], flags: [] };

/**
 * `plan diff`, in-process (`diff`) where what the command prints is asserted, and through the
 * built CLI (`runPlan`, `diffJsonCli`) for exit statuses and streams, the working folder, and
 * one --fail-on run per direction. In-process runs are synchronous: tests still interleave
 * their git commands.
 */
const diff = (args: string[]): Promise<PlanRun> => Promise.resolve(planInProcess(args[0] === "diff" ? args : ["diff", ...args]));

/** `diff … --format json` in-process, parsed; fails with the output when it is not JSON. */
async function diffJson(args: string[], opts: { cwd?: string } = {}): Promise<{ run: PlanRun; json: DiffJson }> {
  if (opts.cwd !== undefined) return diffJsonCli(args, opts);
  const run = await diff([...args, "--format", "json"]);
  try {
    return { run, json: JSON.parse(run.stdout) as DiffJson };
  } catch {
    throw new Error(`plan diff ${args.join(" ")}: not JSON (status ${run.status}):\n${run.stdout}\n${run.stderr}`);
  }
}

/** The exit status of a run that should print nothing on stderr (else the stderr, to show what broke). */
const exitOf = async (args: string[], how: (args: string[]) => Promise<PlanRun> = diff): Promise<number | null | string> => {
  const r = await how(args);
  return r.stderr === "" ? r.status : `status ${r.status}: ${r.stderr}`;
};

const oneLine = (s: string): string[] => s.split("\n").filter((l) => l !== "");

describe.concurrent("plan diff --format json: what a change does", () => {
  it("a changed målvärde: the åtagande with nyckeltal.målvärden.<year>, from and to; only that year's åtagande", async ({ expect }) => {
    const r = new GitRepo();
    const base = r.head();
    const head = setTarget(r, 3.45).commit("målvärde");
    const { run, json } = await diffJson([base, head, "-C", r.root]);
    expect(run.status, run.stderr).toBe(0);
    expect(json.base).toBe(base);
    expect(json.head).toBe(head);
    // ORT-Å1 also stands in budget 2026 (unchanged): matched by kind, year and ID, it is not listed.
    expect(json.changed).toEqual([
      { id: "ORT-Å1", typ: "åtagande", year: 2025, fields: [{ path: "nyckeltal.målvärden.2025", from: 3.4, to: 3.45 }] },
    ]);
    expect(json.added).toEqual([]);
    expect(json.removed).toEqual([]);
    expect(json.introduced).toEqual([]);
    expect(json.summary).toMatch(/^0 added, 1 changed, 0 removed\b/u);
    // The same change in words, as the issue writes it.
    const text = await diff(["diff", base, head, "-C", r.root]);
    expect(text.status, text.stderr).toBe(0);
    expect(text.stdout).toContain("ORT-Å1 › nyckeltal.målvärden.2025: 3.4 → 3.45");
    expect(oneLine(text.stdout)[0]).toMatch(/^0 added, 1 changed, 0 removed/u);
    // Nothing removed, no new errors: --fail-on passes.
    for (const what of ["removed", "errors"]) {
      expect(await exitOf(["diff", base, head, "-C", r.root, "--fail-on", what, "--format", "json"])).toBe(0);
    }
  });

  it("an åtagande moved to another resultatmål: field resultatmål, lists, reparent moved", async ({ expect }) => {
    const r = new GitRepo();
    const base = r.head();
    // ORT-Å2 says `resultatmål: ORT-R1` (a single ID): the diff shows lists on both sides.
    const head = r
      .editYaml(B25, (doc) => doc.setIn([...itemPath(doc, ÅTAGANDEN, "ORT-Å2"), "resultatmål"], doc.createNode(["UTB-R1"], { flow: true })))
      .commit("flytta ORT-Å2");
    const { run, json } = await diffJson([base, head, "-C", r.root]);
    expect(run.status, run.stderr).toBe(0);
    expect(json.changed).toEqual([
      { id: "ORT-Å2", typ: "åtagande", year: 2025, fields: [{ path: "resultatmål", from: ["ORT-R1"], to: ["UTB-R1"], reparent: "moved" }] },
    ]);
    const text = await diff(["diff", base, head, "-C", r.root]);
    expect(text.stdout).toContain("ORT-Å2 › resultatmål: [ORT-R1] → [UTB-R1] (moved)");
  });

  it("a nämnd added to an åtagande: field nämnder, reparent owner", async ({ expect }) => {
    const r = new GitRepo();
    const base = r.head();
    const head = r.replace(B25, "    nämnder: KS\n", "    nämnder: [KS, BUN]\n").commit("BUN med");
    const { json } = await diffJson([base, head, "-C", r.root]);
    expect(json.changed).toEqual([
      { id: "ORT-Å2", typ: "åtagande", year: 2025, fields: [{ path: "nämnder", from: ["KS"], to: ["BUN", "KS"], reparent: "owner" }] },
    ]);
  });

  it("a resultatmål removed while åtaganden point at it: removed with strands, unknown-reference introduced, --fail-on", async ({ expect }) => {
    const r = new GitRepo();
    const base = r.head();
    r.editYaml(B25, (doc) => doc.deleteIn(itemPath(doc, ["resultatmål"], "UTB-R1")));
    r.editYaml(B26, (doc) => doc.deleteIn(itemPath(doc, ["resultatmål"], "UTB-R1")));
    const head = r.commit("bort med UTB-R1");
    // New errors: the default --fail-on errors fails, after printing the diff.
    const { run, json } = await diffJson([base, head, "-C", r.root]);
    expect(run.status, run.stderr).toBe(1);
    expect(run.stderr).toBe("");
    expect(json.removed.map(({ id, typ, year }) => ({ id, typ, year }))).toEqual([
      { id: "UTB-R1", typ: "resultatmål", year: 2025 },
      { id: "UTB-R1", typ: "resultatmål", year: 2026 },
    ]);
    const [r25, r26] = json.removed;
    expect(r25!.strands?.åtagande).toEqual(["UTB-Å1", "UTB-Å2"]);
    // Further down the thread: BUN-VM1 → UTB-Å1, BUF-AK01 → UTB-Å1, BUF-AK02 → UTB-Å2, BUF-P1 → BUN-VM1.
    expect(r25!.strands?.aktivitet).toEqual(["BUF-AK01", "BUF-AK02"]);
    expect(r25!.strands?.verksamhetsmål).toEqual(["BUN-VM1"]);
    expect(r26!.strands?.åtagande).toEqual(["UTB-Å1", "UTB-Å3"]);
    const refs = json.introduced.filter((d) => d.code === "unknown-reference" && d.severity === "error");
    expect(refs.map((d) => d.id).sort()).toEqual(["UTB-Å1", "UTB-Å1", "UTB-Å2", "UTB-Å3"]);
    for (const d of refs) expect(d.message).toContain("UTB-R1");
    expect(json.resolved).toEqual([]);
    expect(json.summary).toMatch(/^0 added, 0 changed, 2 removed; 4 new errors\b/u);

    const text = await diff(["diff", base, head, "-C", r.root]);
    expect(text.stdout).toContain("removing UTB-R1 leaves 2 åtaganden");

    const failErrors = await runPlan(["diff", base, head, "-C", r.root, "--fail-on", "errors", "--format", "json"]);
    expect(failErrors.status, failErrors.stderr).toBe(1);
    expect(JSON.parse(failErrors.stdout)).toEqual(json);
    expect(await exitOf(["diff", base, head, "-C", r.root, "--fail-on", "removed", "--format", "json"])).toBe(1);
    // --fail-on none: the same output, exit 0.
    const none = await diffJson([base, head, "-C", r.root, "--fail-on", "none"]);
    expect(none.run.status, none.run.stderr).toBe(0);
    expect(none.json).toEqual(json);

    // The other way round the same errors are resolved, nothing is removed, and --fail-on passes.
    const back = await diffJson([head, base, "-C", r.root, "--fail-on", "removed"]);
    expect(back.run.status, back.run.stderr).toBe(0);
    expect(back.json.removed).toEqual([]);
    expect(back.json.introduced).toEqual([]);
    expect(back.json.resolved.filter((d) => d.code === "unknown-reference")).toHaveLength(4);
    expect(await exitOf(["diff", head, base, "-C", r.root, "--fail-on", "errors", "--format", "json"])).toBe(0);
  });

  it("a text edited: field text with from and to; the text format shows a word-level diff", async ({ expect }) => {
    const r = new GitRepo();
    const base = r.head();
    const from = "Antalet nystartade företag ska öka";
    const to = "Antalet nya företag i kommunen ska öka";
    const head = r.replace(B25, `text: ${from}\n`, `text: ${to}\n`).commit("text");
    const { json } = await diffJson([base, head, "-C", r.root]);
    expect(json.changed).toEqual([{ id: "ORT-Å1", typ: "åtagande", year: 2025, fields: [{ path: "text", from, to }] }]);

    const text = await diff(["diff", base, head, "-C", r.root]);
    const line = oneLine(text.stdout).find((l) => l.includes("ORT-Å1 › text:"));
    expect(line).toBeDefined();
    const words = line!.slice(line!.indexOf("text: ") + "text: ".length);
    expect(words).toContain("[-nystartade-]");
    expect(words).toContain("{+nya+}");
    expect(words).toContain("{+i kommunen +}");
    expect(words).not.toContain("→");
    // Dropping the insertions gives the old text back, dropping the deletions the new one.
    expect(words.replace(/\{\+.*?\+\}/gu, "").replace(/\[-(.*?)-\]/gu, "$1")).toBe(from);
    expect(words.replace(/\[-.*?-\]/gu, "").replace(/\{\+(.*?)\+\}/gu, "$1")).toBe(to);
  });

  it("a list reordered, files renamed and merged, YAML reformatted: no change at all", async ({ expect }) => {
    const r = new GitRepo();
    const base = r.head();
    const reverse = (seqPath: (string | number)[]) => (doc: Document): void => {
      (doc.getIn(seqPath, true) as { items: unknown[] }).items.reverse();
    };
    r.editYaml(B25, reverse(["åtaganden"]));
    r.editYaml(B25, reverse(["resultatmål"]));
    r.editYaml(B25, reverse(["ramar"]));
    r.editYaml("plan.yaml", reverse(["organisation"]));
    r.editYaml(UF, reverse(["nyckeltal"]));
    r.editYaml("namnder/KS/2025.yaml", reverse(["internbudget"]));
    // Flow ↔ block, plain ↔ quoted.
    r.restyle(B25, { flow: false, quote: "QUOTE_SINGLE" });
    r.restyle("namnder/KS/2025.yaml", { flow: true, quote: "QUOTE_DOUBLE" });
    // A list of one written as a single ID, 155.0 as 155, a comment, decomposed Unicode (NFD).
    r.replace(B26, "    resultatmål: [UTB-R1]\n    nämnder: [BUN]\n    text: Fler barn", "    resultatmål: UTB-R1\n    nämnder: BUN\n    text: Fler barn");
    r.replace(B26, "belopp: 155.0", "belopp: 155");
    r.replace(B26, "ramar:\n", "ramar: # oförändrade\n");
    r.write("verksamhetsplaner/BUF/2025.yaml", r.read("verksamhetsplaner/BUF/2025.yaml").normalize("NFD"));
    // Files moved to another folder (and .yaml → .yml), and two files merged into one.
    r.mv("verksamhetsplaner/KLF/2025.yaml", "arkivet/klf-verksamhetsplan-2025.yml");
    r.mv("kommunplan/2025-2028.yaml", "styrdokument/kommunplan.yaml");
    const bun = r.read("namnder/BUN/2025.yaml");
    r.git("rm", "--quiet", path.posix.join(r.prefix, "namnder/BUN/2025.yaml"));
    r.write("namnder/KS/2025.yaml", `# två nämndplaner i en fil\n${r.read("namnder/KS/2025.yaml")}---\n${bun}`);
    const head = r.commit("omformatering");

    // The commit really changes bytes, names and places.
    const status = r.git("diff", "--name-status", "-M", base, head);
    expect(status).toMatch(/^R\d+\tverksamhetsplaner\/KLF\/2025\.yaml\tarkivet\/klf-verksamhetsplan-2025\.yml$/mu);
    expect(status).toMatch(/^M\tbudget\/2025\.yaml$/mu);
    expect(r.read(B25)).toContain("'ORT-Å2'");
    expect(r.read("namnder/KS/2025.yaml")).toContain('"KS-VM1"');

    const { run, json } = await diffJson([base, head, "-C", r.root, "--fail-on", "removed"]);
    expect(nothingChanged(json)).toEqual(EMPTY);
    expect(run.status, run.stderr).toBe(0);
    expect(json.summary).toBe("0 added, 0 changed, 0 removed");
  });

  it("a decided budget changed without a new beslut is flagged; with a new beslut, or when förslag, it is not", async ({ expect }) => {
    const r = new GitRepo();
    const base = r.head();
    // budget/2025.yaml has no status (beslutad by default) and a beslut.
    const without = setTarget(r, 3.45).commit("utan beslut");
    const flagged = await diffJson([base, without, "-C", r.root]);
    expect(flagged.json.flags).toHaveLength(1);
    expect(flagged.json.flags[0]).toMatchObject({
      code: "decided-changed-without-decision",
      id: "OPB2025",
      typ: "budget",
      year: 2025,
      file: "budget/2025.yaml",
      entities: ["ORT-Å1"],
    });
    expect(flagged.json.summary).toContain("1 decided document changed without a new decision");

    r.replace(B25, 'beslut: { organ: KF, datum: 2024-11-18, paragraf: "§ 150" }', 'beslut: { organ: KF, datum: 2025-03-24, paragraf: "§ 31" }');
    const withBeslut = r.commit("nytt beslut");
    const decided = await diffJson([base, withBeslut, "-C", r.root]);
    expect(decided.json.flags).toEqual([]);
    // The change and the new decision both show.
    const budget = decided.json.changed.find((c) => c.id === "OPB2025");
    expect(budget?.fields).toEqual([
      { path: "beslut.datum", from: "2024-11-18", to: "2025-03-24" },
      { path: "beslut.paragraf", from: "§ 150", to: "§ 31" },
    ]);
    expect(decided.json.changed.find((c) => c.id === "ORT-Å1")?.fields).toEqual([
      { path: "nyckeltal.målvärden.2025", from: 3.4, to: 3.45 },
    ]);

    // A budget that is a proposal on both sides may change freely.
    const proposal = r.replace(B26, "beloppsenhet: mnkr\n", "beloppsenhet: mnkr\nstatus: förslag\n").commit("2026 som förslag");
    const changed = r.replace(B26, "målvärden: { 2026: 95 }", "målvärden: { 2026: 97 }").commit("ändrat förslag");
    const free = await diffJson([proposal, changed, "-C", r.root]);
    expect(free.json.changed.map((c) => c.id)).toEqual(["UTB-Å3"]);
    expect(free.json.flags).toEqual([]);
  });

  it("follow-up values changed: the uppföljning's nyckeltal[avser].prognos, and the status change they cause", async ({ expect }) => {
    const r = new GitRepo();
    const base = r.head();
    // ORT-Å1: öka, baseline 3.1, target 3.4 in 2025; prognos 3.5 → 3.2 turns uppfyllt into delvis_uppfyllt.
    const head = r.replace(UF, "{ avser: ORT-Å1, utfall: 3.3, prognos: 3.5 }", "{ avser: ORT-Å1, utfall: 3.3, prognos: 3.2 }").commit("prognos");
    const { json } = await diffJson([base, head, "-C", r.root]);
    expect(json.changed).toEqual([
      { id: "UF2025-08", typ: "uppföljning", year: 2025, fields: [{ path: "nyckeltal[ORT-Å1].prognos", from: 3.5, to: 3.2 }] },
    ]);
    expect(json.status_changes).toContainEqual({ period: "2025-08", id: "ORT-Å1", typ: "åtagande", from: "uppfyllt", to: "delvis_uppfyllt" });
    expect(json.status_changes.filter((s) => s.typ === "åtagande")).toHaveLength(1);
    // An uppföljning is no decided document.
    expect(json.flags).toEqual([]);

    // A changed utfall next to an unchanged prognos changes the figures, not the status (prognos wins).
    const utfall = r.replace(UF, "utfall: 3.3, prognos: 3.2", "utfall: 3.0, prognos: 3.2").commit("utfall");
    const quiet = await diffJson([head, utfall, "-C", r.root]);
    expect(quiet.json.changed[0]?.fields).toEqual([{ path: "nyckeltal[ORT-Å1].utfall", from: 3.3, to: 3 }]);
    expect(quiet.json.status_changes).toEqual([]);
  });

  it("a possible rename: same content under a new ID; not when the content differs too", async ({ expect }) => {
    const r = new GitRepo();
    const base = r.head();
    const KLF = "verksamhetsplaner/KLF/2025.yaml";
    const renamed = r.replace(KLF, "id: KLF-AK02", "id: KLF-AK03").commit("nytt id");
    const { json } = await diffJson([base, renamed, "-C", r.root]);
    expect(json.renames).toEqual([{ from: "KLF-AK02", to: "KLF-AK03", typ: "aktivitet", year: 2025 }]);
    expect(json.added).toEqual([{ id: "KLF-AK03", typ: "aktivitet", year: 2025 }]);
    expect(json.removed.map((x) => x.id)).toEqual(["KLF-AK02"]);
    expect(json.changed).toEqual([]);

    const other = r.replace(KLF, "id: KLF-AK03\n    namn: Digital bygglovsansökan", "id: KLF-AK04\n    namn: Digital bygglovsansökan med e-legitimation").commit("nytt id och namn");
    const second = await diffJson([renamed, other, "-C", r.root]);
    expect(second.json.added.map((x) => x.id)).toEqual(["KLF-AK04"]);
    expect(second.json.renames).toEqual([]);
  });
});

describe("two revisions from git", () => {
  it("share the blobs they have in common: each is read from git once, and the same bytes stand in both", ({ expect }) => {
    const r = new GitRepo();
    r.replace("budget/2026.yaml", "namn: Övergripande plan med budget", "namn: Ändrad plan med budget").commit("one file changed");
    const shared = new Map<string, Buffer>();
    const read = (rev: string): Map<string, Uint8Array> => {
      const source = revisionSource(r.top, resolveRevision(r.top, rev), r.prefix, shared);
      const files = source.list([]).files;
      return new Map(files.map((f) => [f, (source.read(f) as { bytes: Uint8Array }).bytes]));
    };
    const base = read("HEAD~1");
    const after = shared.size;
    expect(after).toBe(base.size);
    const head = read("HEAD");
    // Only the changed file was read again.
    expect(shared.size).toBe(after + 1);
    expect([...head.keys()]).toEqual([...base.keys()]);
    for (const [file, bytes] of head) {
      if (file === "budget/2026.yaml") expect(bytes).not.toBe(base.get(file));
      else expect(bytes, file).toBe(base.get(file));
    }
  });
});

describe("a base revision against the working tree", () => {
  it("takes each file the run has read from the working tree when its git id is the blob's, else git's blob, and does not read the disk again", ({ expect }) => {
    const r = new GitRepo();
    const before = r.read("budget/2026.yaml");
    r.replace("budget/2026.yaml", "namn: Övergripande plan med budget", "namn: Ändrad plan med budget");
    const files = r.git("ls-files", "-z").split("\0").filter((f) => f.endsWith(".yaml"));
    // What the working tree's load read: every file as it is now, the budget changed.
    const seen = new Map(files.map((f) => [f, readFileSync(r.path(f))] as const));
    // Since then, a file changed on the disk: the base must not see that.
    r.write("kommunplan/2025-2028.yaml", "typ: ändrad efter läsningen\n");
    const blobs = new Map<string, Buffer>();
    const [base, none] = revisionSources(r.top, resolveRevision(r.top, "HEAD"), undefined, r.prefix, blobs, (rel) => seen.get(rel));
    expect(none).toBeUndefined();
    const listed = base.list([]).files;
    expect([...listed].sort()).toEqual([...files].sort());
    for (const f of listed) {
      const got = (base.read(f) as { bytes: Uint8Array }).bytes;
      if (f === "budget/2026.yaml") {
        // Not what was read (another git id): the revision's own blob.
        expect(Buffer.from(got).toString("utf8")).toBe(before);
      } else {
        // The very bytes read, the file since changed on the disk included.
        expect(got, f).toBe(seen.get(f));
      }
    }
    expect(Buffer.from((base.read("kommunplan/2025-2028.yaml") as { bytes: Uint8Array }).bytes).toString("utf8")).not.toContain("ändrad efter läsningen");
  });
});

describe("the base revision's entries from the head's and git's list of differences", () => {
  /** Everything a load sees of a source: the listing, and what reading each listed file and each named path gives. */
  const seen = (source: FileSource, paths: readonly string[]): unknown => {
    const listing = source.list([]);
    const reads = [...new Set([...listing.files, ...paths])].sort().map((f) => {
      const r = source.read(f);
      return [f, r === undefined ? "none" : "refused" in r ? r.refused : Buffer.from(r.bytes).toString("base64")];
    });
    return { listing, reads };
  };

  it("are the entries git lists for the base itself, for every kind of change, with the plan in a folder and at the top", ({ expect }) => {
    for (const prefix of ["plan", ""]) check(prefix, expect);
  });

  function check(prefix: string, expect: ExpectStatic): void {
    const r = new GitRepo({ prefix });
    const top = (rel: string): string => path.join(r.top, rel);
    const link = (target: string, rel: string): void => {
      mkdirSync(path.dirname(r.path(rel)), { recursive: true });
      symlinkSync(target, r.path(rel));
    };
    // The first revision: besides the plan, a link, an odd name, a file to become a folder, a folder to go, an executable, a submodule, a file outside the plan.
    link("budget/2026.yaml", "länk.yaml");
    r.write("ändras/till-länk.yaml", "typ: okänd\n").write("blir-mapp.yaml", "typ: okänd\n").write("försvinner/a.yaml", "typ: okänd\n").write("försvinner/b/c.yaml", "typ: okänd\n");
    r.write("körbar.yaml", "typ: okänd\n").write("tab\toch\nrad.yaml", "typ: okänd\n");
    writeFileSync(Buffer.concat([Buffer.from(`${r.root}/`), Buffer.from([0x66, 0xe5, 0x2e, 0x79, 0x61, 0x6d, 0x6c])]), "typ: okänd\n");
    writeFileSync(top("utanför.yaml"), "typ: okänd\n");
    const sub = r.head();
    // A submodule not checked out: its folder is there, empty.
    mkdirSync(r.path("modul"));
    r.git("update-index", "--add", "--cacheinfo", `160000,${sub},${path.posix.join(prefix, "modul")}`);
    const first = r.commit("first");
    // The second: each of them changed in another way, and a file changed, one removed, one added.
    rmSync(r.path("länk.yaml"));
    r.write("länk.yaml", "typ: okänd\n");
    rmSync(r.path("ändras/till-länk.yaml"));
    link("../plan.yaml", "ändras/till-länk.yaml");
    rmSync(r.path("blir-mapp.yaml"));
    r.write("blir-mapp.yaml/inne.yaml", "typ: okänd\n");
    rmSync(r.path("försvinner"), { recursive: true });
    r.git("update-index", "--chmod=+x", path.posix.join(prefix, "körbar.yaml"));
    r.git("rm", "--quiet", "--cached", path.posix.join(prefix, "modul"));
    r.replace("budget/2026.yaml", "namn: Övergripande plan med budget", "namn: Ändrad plan med budget");
    rmSync(r.path("tab\toch\nrad.yaml"));
    r.write("ny/fil.yaml", "typ: okänd\n");
    writeFileSync(top("utanför.yaml"), "typ: ändrad\n");
    const second = r.commit("second");
    const paths = ["länk.yaml", "ändras/till-länk.yaml", "blir-mapp.yaml", "modul", "körbar.yaml"];
    for (const [base, head] of [[first, second], [second, first]] as const) {
      const [fromDiff, headSource] = revisionSources(r.top, base, head, prefix, new Map());
      expect(seen(fromDiff, paths)).toEqual(seen(revisionSource(r.top, base, prefix), paths));
      expect(seen(headSource!, paths)).toEqual(seen(revisionSource(r.top, head, prefix), paths));
    }
    // The two differ, so that the comparison above compared something.
    expect(seen(revisionSource(r.top, first, prefix), paths)).not.toEqual(seen(revisionSource(r.top, second, prefix), paths));
    // The same revision twice: no differences at all.
    const [same] = revisionSources(r.top, second, second, prefix, new Map());
    expect(seen(same, paths)).toEqual(seen(revisionSource(r.top, second, prefix), paths));
  }
});

describe("resolving the revisions", () => {
  it("asks git once for the work tree's top and both commits, whichever git this is (one that prints --end-of-options back included)", ({ expect }) => {
    const r = new GitRepo({ prefix: "plan" });
    r.replace("budget/2026.yaml", "namn: Övergripande plan med budget", "namn: Ändrad plan med budget").commit("one file changed");
    const trace = path.join(tempDir(), "trace.txt");
    const before = process.env.GIT_TRACE;
    process.env.GIT_TRACE = trace;
    let resolved: { top: string; commits: string[] };
    try {
      resolved = resolveAll(r.root, ["HEAD~1", "HEAD"]);
    } finally {
      if (before === undefined) delete process.env.GIT_TRACE;
      else process.env.GIT_TRACE = before;
    }
    expect(resolved.top).toBe(realpathSync(r.top));
    expect(resolved.commits).toEqual([r.git("rev-parse", "HEAD~1").trim(), r.git("rev-parse", "HEAD").trim()]);
    expect(readFileSync(trace, "utf8").match(/trace: built-in: git .*rev-parse/gu)).toHaveLength(1);
    // A revision that starts with "-" is still refused, as an option never is a revision.
    expect(() => resolveAll(r.root, ["--output=x", "HEAD"])).toThrow(/a revision never starts with "-"/u);
  });
});

describe("blobs from the working tree", () => {
  it("are taken only where the file holds the revision's very bytes: changed, replaced by a link, a named pipe or a folder, or removed, it is read from git", ({ expect }) => {
    const r = new GitRepo({ prefix: "plan" });
    const committed = new Map(["budget/2026.yaml", "kommunplan/2025-2028.yaml", "plan.yaml", "namnder/KS/2025.yaml", "namnder/BUN/2025.yaml"].map((f) => [f, r.read(f)] as const));
    // The same length with other bytes (only the blob id tells), a link to a copy of the very bytes, a file gone.
    r.replace("budget/2026.yaml", "Övergripande", "Övergripandf");
    writeFileSync(path.join(r.top, "kopia.yaml"), committed.get("kommunplan/2025-2028.yaml")!);
    rmSync(r.path("kommunplan/2025-2028.yaml"));
    symlinkSync(path.join(r.top, "kopia.yaml"), r.path("kommunplan/2025-2028.yaml"));
    rmSync(r.path("plan.yaml"));
    // A named pipe no one writes to (opening it must not wait) and a folder where the files were.
    rmSync(r.path("namnder/KS/2025.yaml"));
    execFileSync("mkfifo", [r.path("namnder/KS/2025.yaml")]);
    rmSync(r.path("namnder/BUN/2025.yaml"));
    mkdirSync(r.path("namnder/BUN/2025.yaml"));
    const source = revisionSource(r.top, resolveRevision(r.top, "HEAD"), r.prefix, new Map());
    const files = source.list([]).files;
    for (const f of files) {
      const bytes = (source.read(f) as { bytes: Uint8Array }).bytes;
      expect(Buffer.from(bytes).toString("utf8"), f).toBe(r.git("show", `HEAD:plan/${f}`));
    }
    for (const [f, text] of committed) expect(Buffer.from((source.read(f) as { bytes: Uint8Array }).bytes).toString("utf8"), f).toBe(text);
  });

  it("a blob above the cap is refused by its size, never read: whether the working tree holds it, another file or none", ({ expect }) => {
    const r = new GitRepo();
    const big = `# ${"x".repeat(10 * 1024 * 1024)}\nid: X\n`;
    r.write("stor.yaml", big).write("stor2.yaml", big).write("stor3.yaml", big).commit("three files above 10 MiB");
    r.write("stor2.yaml", "id: liten\n");
    rmSync(r.path("stor3.yaml"));
    const shared = new Map<string, Buffer>();
    const source = revisionSource(r.top, resolveRevision(r.top, "HEAD"), r.prefix, shared);
    const files = source.list([]).files;
    for (const f of ["stor.yaml", "stor2.yaml", "stor3.yaml"]) {
      expect(files).toContain(f);
      expect(source.read(f), f).toEqual({ refused: { kind: "too-large", size: Buffer.byteLength(big), max: 10 * 1024 * 1024 } });
    }
    // Nothing that size was ever held: the other files' blobs only.
    expect(Math.max(...[...shared.values()].map((b) => b.length))).toBeLessThan(1024 * 1024);
    expect((source.read("plan.yaml") as { bytes: Uint8Array }).bytes.length).toBeGreaterThan(0);
  });
});

describe.concurrent("plan diff: revisions", () => {
  it("a missing base revision: exit 2, one line on stderr with how to fetch it, nothing on stdout", async ({ expect }) => {
    const r = new GitRepo();
    for (const [rev, advice, formats] of [
      ["finns-inte", /`git fetch [^`]*`/u, ["json", "text", "md"]],
      ["origin/release-2025", /`git fetch origin \S*release-2025\S*`/u, ["json"]],
    ] as const) {
      for (const format of formats) {
        // The first through the CLI (the process's status and streams), the rest in-process
        // (helpers/in-process.ts turns the command's error into one line and status 2 as main does).
        const args = ["diff", rev, "-C", r.root, "--format", format];
        const run = rev === "finns-inte" && format === "json" ? await runPlan(args) : planInProcess(args);
        expect(run.status, run.stderr).toBe(2);
        expect(run.stdout).toBe("");
        expect(oneLine(run.stderr)).toHaveLength(1);
        expect(run.stderr).toMatch(advice);
        expect(run.stderr).toContain(rev);
      }
    }
    // A missing head as well.
    const head = planInProcess(["diff", "HEAD", "finns-inte", "-C", r.root, "--format", "json"]);
    expect(head.status, head.stderr).toBe(2);
    expect(head.stdout).toBe("");
    expect(head.stderr).toContain("git fetch");
  });

  it("a shallow clone without HEAD~1: exit 2 and the message says the clone is shallow", async ({ expect }) => {
    const r = new GitRepo();
    setTarget(r, 3.45).commit("andra");
    const clone = path.join(tempDir(), "klon");
    git(r.top, ["clone", "--quiet", "--depth", "1", `file://${r.top}`, clone]);
    expect(git(clone, ["rev-parse", "--is-shallow-repository"]).trim()).toBe("true");
    // In-process: the message is the command's (the test above runs the CLI for a missing revision's status and streams).
    const run = await diff(["diff", "HEAD~1", "-C", clone, "--format", "json"]);
    expect(run.status, run.stderr).toBe(2);
    expect(run.stdout).toBe("");
    expect(oneLine(run.stderr)).toHaveLength(1);
    expect(run.stderr).toMatch(/shallow/u);
    expect(run.stderr).toContain("git fetch");
    // The same revision in the full repository works.
    expect(await exitOf(["diff", "HEAD~1", "-C", r.root, "--format", "json"])).toBe(0);
  });

  it.for([
    ["HEAD~1", (_r: GitRepo): void => undefined],
    ["origin/feature", (r: GitRepo): void => void r.git("branch", "feature", "HEAD~1")],
  ] as const)("in a shallow clone, the fetch command the message suggests makes %s available", async ([rev, prepare], { expect }) => {
    const r = new GitRepo();
    setTarget(r, 3.45).commit("andra");
    prepare(r);
    const clone = path.join(tempDir(), "klon");
    git(r.top, ["clone", "--quiet", "--depth", "1", `file://${r.top}`, clone]);
    // In-process: the advice and the statuses are the command's.
    const run = await diff(["diff", rev, "-C", clone, "--format", "json"]);
    expect(run.status, run.stderr).toBe(2);
    const advice = /`(git fetch[^`]*)`/u.exec(run.stderr)?.[1];
    expect(advice, run.stderr).toBeDefined();
    const fetch = spawnSync("git", advice!.split(" ").slice(1), { cwd: clone, encoding: "utf8" });
    expect(fetch.status, `${advice}: ${fetch.stderr}`).toBe(0);
    const after = await diff(["diff", rev, "-C", clone, "--format", "json"]);
    expect(after.stderr).toBe("");
    expect(after.status, after.stderr).toBe(0);
  });

  it("head defaults to the working tree (uncommitted, staged and untracked changes); an explicit head ignores them", async ({ expect }) => {
    const r = new GitRepo();
    setTarget(r, 3.45); // modified, not staged
    r.replace(B26, "målvärden: { 2026: 95 }", "målvärden: { 2026: 96 }");
    r.git("add", path.posix.join(r.prefix, B26)); // staged
    r.write(
      "verksamhetsplaner/BUF/2025-extra.yaml", // untracked
      "typ: verksamhetsplan\nid: VP2025-BUF-EXTRA\norgan: BUF\når: 2025\naktiviteter:\n  - { id: BUF-AK09, namn: Läsecirklar, bidrar_till: [UTB-Å1] }\n",
    );
    rmSync(r.path("namnder/KS/2025.yaml")); // deleted, not staged
    const before = r.git("status", "--porcelain");

    // The deleted nämndplan leaves references unknown: new errors, so --fail-on none to read the diff with exit 0.
    const wt = await diffJson(["HEAD", "-C", r.root, "--fail-on", "none"]);
    expect(wt.run.status, wt.run.stderr).toBe(0);
    expect(wt.json.head).toBe("worktree");
    expect(wt.json.changed.map((c) => `${c.id} ${c.year}`).sort()).toEqual(["ORT-Å1 2025", "UTB-Å3 2026"]);
    expect(wt.json.added.map((x) => x.id).sort()).toEqual(["BUF-AK09", "VP2025-BUF-EXTRA"]);
    expect(wt.json.removed.map((x) => x.id)).toEqual(expect.arrayContaining(["NP2025-KS", "KS-VM1", "KS-U1"]));

    const explicit = await diffJson(["HEAD", "HEAD", "-C", r.root]);
    expect(explicit.json.head).toBe("HEAD");
    expect(nothingChanged(explicit.json)).toEqual(EMPTY);

    // Reading revisions leaves the work tree and the index as they were (no checkout).
    expect(r.git("status", "--porcelain")).toBe(before);
    expect(r.read(B25)).toContain("2025: 3.45");
  });

  it("a base revision without a plan reads as empty: everything is added", async ({ expect }) => {
    const r = new GitRepo({ readmeFirst: true });
    const [planCommit, readme] = r.git("rev-list", "HEAD").trim().split("\n");
    expect(r.git("ls-tree", "--name-only", readme!).trim()).toBe("README.md");
    const { run, json } = await diffJson([readme!, planCommit!, "-C", r.root]);
    expect(run.status, run.stderr).toBe(0);
    expect(json.removed).toEqual([]);
    expect(json.changed).toEqual([]);
    expect(json.renames).toEqual([]);
    expect(json.flags).toEqual([]);
    const added = json.added.map((x) => `${x.typ} ${x.id} ${x.year}`);
    for (const e of [
      "kommun plan.yaml null",
      "kommunplan KP2025 null",
      "budget OPB2025 2025",
      "åtagande ORT-Å1 2025",
      "åtagande ORT-Å1 2026",
      "resultatmål UTB-R1 2026",
      "nämndplan NP2025-BUN 2025",
      "aktivitet KLF-AK02 2025",
      "uppföljning UF2025-08 2025",
    ]) {
      expect(added).toContain(e);
    }
    // Every entity of the head, once: the same count as from the README commit to the working tree.
    expect(new Set(added).size).toBe(added.length);
    const wt = await diffJson([readme!, "-C", r.root]);
    expect(wt.json.added).toEqual(json.added);
    expect(json.summary).toMatch(new RegExp(`^${json.added.length} added, 0 changed, 0 removed`, "u"));
  });

  it("a plan in a subfolder of the repository: with -C, from inside the plan and from a folder below it", async ({ expect }) => {
    const r = new GitRepo({ prefix: "styrning/målplan", readmeFirst: true });
    // Neighbours that share the prefix's beginning must not be read.
    mkdirSync(path.join(r.top, "styrning/målplan-gammal"), { recursive: true });
    writeFileSync(path.join(r.top, "styrning/målplan-gammal/budget.yaml"), "typ: budget\nid: [trasig\n");
    writeFileSync(path.join(r.top, "budget.yaml"), "typ: budget\nid: OPB2025\når: 2025\n");
    const base = r.commit("grannar");
    const head = setTarget(r, 3.45).commit("målvärde");
    expect(r.git("ls-tree", "-r", "--name-only", head)).toContain("styrning/målplan/budget/2025.yaml");

    const expected = [{ id: "ORT-Å1", typ: "åtagande", year: 2025, fields: [{ path: "nyckeltal.målvärden.2025", from: 3.4, to: 3.45 }] }];
    const viaC = await diffJson([base, head, "-C", r.root]);
    expect(viaC.run.status, viaC.run.stderr).toBe(0);
    expect(viaC.json.changed).toEqual(expected);
    expect(viaC.json.introduced).toEqual([]);
    expect(viaC.json.added).toEqual([]);

    const inside = await diffJson([base, head], { cwd: r.root });
    expect(inside.run.stdout).toBe(viaC.run.stdout);
    const below = await diffJson([base, head], { cwd: r.path("budget") });
    expect(below.run.stdout).toBe(viaC.run.stdout);
    // -C relative to the working folder (the top of the repository).
    const relative = await diffJson([base, head, "-C", "styrning/målplan"], { cwd: r.top });
    expect(relative.run.stdout).toBe(viaC.run.stdout);

    // The working tree as head, in the plan folder: the same change (committed, so HEAD~1 → worktree).
    // In-process: the working folder's part is the runs above.
    const wt = await diffJson(["HEAD~1", "-C", r.root]);
    expect(wt.json.changed).toEqual(expected);
    expect([wt.json.added, wt.json.removed, wt.json.introduced]).toEqual([[], [], []]);
  });

  it("the same diff twice is byte-identical, as JSON and as Markdown", async ({ expect }) => {
    const r = new GitRepo();
    const base = r.head();
    setTarget(r, 3.2);
    r.replace(B25, "    nämnder: KS\n", "    nämnder: [KS, BUN]\n");
    r.editYaml(B25, (doc) => doc.deleteIn(itemPath(doc, ["resultatmål"], "UTB-R1")));
    r.replace(UF, "prognos: 3.5", "prognos: 3.0");
    r.replace("verksamhetsplaner/KLF/2025.yaml", "id: KLF-AK02", "id: KLF-AK03");
    r.write(
      "verksamhetsplaner/BUF/2026.yaml",
      "typ: verksamhetsplan\nid: VP2026-BUF\norgan: BUF\når: 2026\naktiviteter:\n" +
        Array.from({ length: 12 }, (_, i) => `  - { id: BUF-B${String(i).padStart(2, "0")}, namn: Aktivitet ${i}, bidrar_till: [UTB-Å3] }\n`).join(""),
    );
    const head = r.commit("mycket");
    for (const format of ["json", "md"]) {
      const args = ["diff", base, head, "-C", r.root, "--format", format, "--fail-on", "none"];
      // One run in a fresh process, one in this one: nothing of a process's state shows.
      const [a, b] = [await runPlan(args), await diff(args)];
      expect(a.status, a.stderr).toBe(0);
      expect(a.stdout.length).toBeGreaterThan(500);
      expect(b.stdout).toBe(a.stdout);
    }
  });
});
