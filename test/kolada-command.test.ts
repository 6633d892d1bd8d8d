// plan kolada on copies of the examples, against the local test server: what it writes into
// the follow-up (and nothing else), a second run that changes nothing, --torrt, --skriv-över,
// kept values, the year of a fallback value, --historik, --jämför, failures of single KPIs,
// usage errors, and the languages.
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { BIN, ROOT } from "./helpers/exec.js";
import { KATRINEHOLM, koladaInProcess, startKoladaServer, type Data, type KoladaServer } from "./helpers/kolada-server.js";
import { cleanup, filesBelow, tempDir } from "./helpers/plan-dir.js";

type Row = Record<string, unknown>;

const servers: KoladaServer[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
  cleanup();
});

async function serve(...args: Parameters<typeof startKoladaServer>): Promise<KoladaServer> {
  const s = await startKoladaServer(...args);
  servers.push(s);
  return s;
}

/** A follow-up with comments in many places, flow and block rows. */
const FOLLOW_UP = `# Delårsrapport januari–augusti 2026
#
# Kommentarer överallt: de ska stå kvar.

typ: uppföljning    # dokumenttyp
id: UF2026-08
period: 2026-08
rapport: delår
beloppsenhet: mnkr

analys: |
  Två av tre åtaganden väntas nå målvärdet.

nyckeltal:
  # Utbildning
  - { avser: UTB-A01, utfall: 86 }        # eget värde, skiljer sig från Koladas
  - avser: UTB-A02
    # prognosen är förvaltningens
    prognos: 93
    kommentar: >-
      Platserna räcker
      till hösten.

  # Ekonomi
  - { avser: EKO-A01,   utfall: 7.0,   prognos: 6.9 }
  - { avser: BUN-VM1, utfall: 88, prognos: 92 }

aktiviteter:
  - { avser: BUF-AK01, status: klar }
# Slut.
`;

/** examples/minimal with a kommunkod, Kolada IDs in every place a nyckeltal can have one, and the follow-up above. */
function minimalPlan(o: { språk?: "sv" | "en"; kommunkod?: string | null; kolada?: string } = {}): string {
  const dir = path.join(tempDir("rodtrad-kolada-"), "plan");
  cpSync(path.join(ROOT, "examples", "minimal"), dir, { recursive: true });
  const edit = (rel: string, f: (s: string) => string): void => writeFileSync(path.join(dir, rel), f(readFileSync(path.join(dir, rel), "utf8")));
  const kod = o.kommunkod === undefined ? '"1234"' : o.kommunkod === null ? undefined : JSON.stringify(o.kommunkod);
  edit("plan.yaml", (s) => s.replace("namn: Exempelby kommun\n", `namn: Exempelby kommun\n${kod ? `kommunkod: ${kod}\n` : ""}språk: ${o.språk ?? "sv"}\n${o.kolada ?? ""}`));
  edit("budget/2026.yaml", (s) =>
    s
      .replace("    text: Fler elever ska lämna grundskolan med godkända betyg.\n", '    text: Fler elever ska lämna grundskolan med godkända betyg.\n    nyckeltal:\n      - { id: UTB-R1-N1, namn: Meritvärde åk 9, enhet: poäng, riktning: öka, kolada: N15503 }\n')
      .replace("      namn: Elever i åk 9 behöriga till yrkesprogram\n", "      namn: Elever i åk 9 behöriga till yrkesprogram\n      kolada: N15419\n")
      .replace("      namn: Barn som fått plats på önskat datum\n", "      namn: Barn som fått plats på önskat datum\n      kolada: N11102\n")
      .replace("      namn: Sjukfrånvaro av ordinarie arbetstid\n", "      namn: Sjukfrånvaro av ordinarie arbetstid\n      kolada: N00090\n"),
  );
  edit("namnder/BUN/2026.yaml", (s) => s.replace("      namn: Elever med riskprognos som fått extra stöd\n", "      namn: Elever med riskprognos som fått extra stöd\n      kolada: N15030\n"));
  edit("verksamhetsplaner/BUF/2026.yaml", (s) => `${s}\nproduktionsmål:\n  - id: BUF-PM1\n    namn: Platser i förskolan\n    bidrar_till: [UTB-A02]\n    nyckeltal: { namn: Inskrivna barn, enhet: antal, riktning: öka, kolada: N11001 }\n`);
  writeFileSync(path.join(dir, "uppfoljning/2026-08-delar.yaml"), FOLLOW_UP);
  return dir;
}

/** Kolada's values for the plan above (kommun 1234; comparison 1111, 2222). */
const VALUES: Data = {
  N15419: { "1234": { 2025: 84, 2026: 87 }, "1111": { 2026: 90 }, "2222": { 2026: null } },
  N11102: { "1234": { 2024: 89, 2025: 91.5, 2026: null }, "1111": { 2025: 80 } },
  N00090: { "1234": { 2026: 7 } },
  N15030: { "1234": { 2025: { T: 85, K: 88, M: 82 } }, "1111": { 2025: 70 }, "2222": { 2025: 75 } },
  N15503: { "1234": { 2022: 221.5 } },
  N11001: { "1234": {} },
};

const followUp = (dir: string): string => readFileSync(path.join(dir, "uppfoljning/2026-08-delar.yaml"), "utf8");
const rowsOf = (text: string): Row[] => (parse(text) as { nyckeltal: Row[] }).nyckeltal;
const row = (text: string, avser: string): Row | undefined => rowsOf(text).find((r) => r.avser === avser);
const hashes = (dir: string): Map<string, string> => new Map(filesBelow(dir).map((f) => [f, createHash("sha256").update(readFileSync(path.join(dir, f))).digest("hex")]));

describe("plan kolada fills the newest follow-up", () => {
  it("writes new values, an earlier year's with år, appends rows, keeps a differing value and every other byte", async () => {
    const dir = minimalPlan();
    const s = await serve({ data: VALUES, pageSize: 2 });
    const r = await koladaInProcess({ dir, url: s.url });
    expect(r.stderr).not.toMatch(/plan kolada: /u);
    expect(r.status).toBe(0);
    const text = followUp(dir);
    // UTB-A01: the file's 86 differs from Kolada's 87 for 2026: kept, and said.
    expect(row(text, "UTB-A01")).toEqual({ avser: "UTB-A01", utfall: 86 });
    expect(r.stdout).toContain("  UTB-A01 (N15419): behåller 86; Kolada har 87 (--skriv-över ersätter)");
    // UTB-A02 had no utfall: 2026 has none yet (null), the newest earlier year is 2025.
    expect(row(text, "UTB-A02")).toEqual({ avser: "UTB-A02", utfall: 91.5, år: 2025, källa: "Kolada", prognos: 93, kommentar: "Platserna räcker till hösten." });
    expect(r.stdout).toContain("  UTB-A02 (N11102): utfall 91,5 (2025)");
    // EKO-A01 agrees (7.0 = 7): untouched. BUN-VM1 (a verksamhetsmål) has 2026 already, Kolada only 2025: kept.
    expect(text).toContain("  - { avser: EKO-A01,   utfall: 7.0,   prognos: 6.9 }\n");
    expect(row(text, "BUN-VM1")).toEqual({ avser: "BUN-VM1", utfall: 88, prognos: 92 });
    expect(r.stdout).toContain("  BUN-VM1 (N15030): behåller 88, nyare än Koladas 85 (2025)");
    // A resultatmål's nyckeltal (by its own ID), 4 years back at most: 2022 is used.
    expect(row(text, "UTB-R1-N1")).toEqual({ avser: "UTB-R1-N1", utfall: 221.5, år: 2022, källa: "Kolada" });
    // A produktionsmål whose KPI has no value at all: no row, and said.
    expect(row(text, "BUF-PM1")).toBeUndefined();
    expect(r.stdout).toContain("  inget värde i Kolada för 2022–2026: BUF-PM1 (N11001)");
    expect(r.stdout).toContain("skrev uppfoljning/2026-08-delar.yaml");
    // Every line of the original is still there, in order, but the two rows that changed.
    const changed = ["  - avser: UTB-A02"];
    const kept = FOLLOW_UP.split("\n").filter((l) => !changed.includes(l));
    let at = 0;
    const lines = text.split("\n");
    for (const l of kept) {
      at = lines.indexOf(l, at);
      expect(at, l).toBeGreaterThanOrEqual(0);
      at++;
    }
    expect(text).toContain("  - avser: UTB-A02\n    utfall: 91.5\n    år: 2025\n    källa: Kolada\n    # prognosen är förvaltningens\n");
    expect(text).toContain("  - { avser: BUN-VM1, utfall: 88, prognos: 92 }\n  - { avser: UTB-R1-N1, utfall: 221.5, år: 2022, källa: Kolada }\n\naktiviteter:");
  });

  it("a second run changes nothing, exits 0 and says so", async () => {
    const dir = minimalPlan();
    const s = await serve({ data: VALUES });
    expect((await koladaInProcess({ dir, url: s.url })).status).toBe(0);
    const before = hashes(dir);
    const again = await koladaInProcess({ dir, url: s.url }, { today: "2027-01-15" });
    expect(again.status).toBe(0);
    expect(hashes(dir)).toEqual(before);
    expect(again.stdout).toContain("Inget ändrat: inget nytt från Kolada att skriva.");
    expect(again.stdout).not.toContain("skrev");
  });

  it("--torrt writes nothing and prints a diff that, applied, gives what a real run writes", async () => {
    const dir = minimalPlan();
    const s = await serve({ data: VALUES });
    const before = hashes(dir);
    const dry = await koladaInProcess({ dir, url: s.url, torrt: true });
    expect(dry.status).toBe(0);
    expect(hashes(dir)).toEqual(before);
    expect(dry.stdout).toContain("--torrt: skulle skriva uppfoljning/2026-08-delar.yaml; inget skrivet.");
    const diff = dry.stdout.slice(0, dry.stdout.indexOf("uppfoljning/2026-08-delar.yaml (2026-08):"));
    expect(diff).toMatch(/^--- a\/uppfoljning\/2026-08-delar\.yaml\n\+\+\+ b\/uppfoljning\/2026-08-delar\.yaml\n@@ /u);
    // Applied with git apply to a copy, the diff gives the bytes a real run writes.
    const copy = path.join(tempDir("rodtrad-kolada-diff-"), "plan");
    cpSync(dir, copy, { recursive: true });
    await run("git", ["apply", "-"], copy, diff);
    expect((await koladaInProcess({ dir, url: s.url })).status).toBe(0);
    expect(readFileSync(path.join(copy, "uppfoljning/2026-08-delar.yaml"), "utf8")).toBe(followUp(dir));
  });

  it("--skriv-över replaces a differing value and marks it as Kolada's", async () => {
    const dir = minimalPlan();
    const s = await serve({ data: VALUES });
    const r = await koladaInProcess({ dir, url: s.url, skrivÖver: true });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("  UTB-A01 (N15419): utfall 86 → 87");
    expect(followUp(dir)).toContain("  - { avser: UTB-A01, utfall: 87, källa: Kolada }        # eget värde, skiljer sig från Koladas\n");
  });

  it("a value of an earlier year from Kolada gives way to the year's own when it comes; år goes", async () => {
    const dir = minimalPlan();
    const s1 = await serve({ data: VALUES });
    await koladaInProcess({ dir, url: s1.url });
    const later: Data = { ...VALUES, N11102: { "1234": { 2025: 91.5, 2026: 93 } } };
    const s2 = await serve({ data: later });
    const r = await koladaInProcess({ dir, url: s2.url });
    expect(r.stdout).toContain("  UTB-A02 (N11102): utfall 91,5 (2025) → 93");
    expect(followUp(dir)).toContain("  - avser: UTB-A02\n    utfall: 93\n    källa: Kolada\n    # prognosen");
  });

  it("a row in a nämnd's follow-up of the period is changed there, not added to the kommun's twice", async () => {
    const dir = minimalPlan();
    writeFileSync(path.join(dir, "uppfoljning/2026-08-delar.yaml"), FOLLOW_UP.replace("  - { avser: BUN-VM1, utfall: 88, prognos: 92 }\n", ""));
    const bun = "typ: uppföljning\nid: UF2026-08-BUN\nperiod: 2026-08\nrapport: delår\norgan: BUN\nnyckeltal:\n  - { avser: BUN-VM1, prognos: 92 } # nämndens\n";
    writeFileSync(path.join(dir, "uppfoljning/2026-08-delar-BUN.yaml"), bun);
    const s = await serve({ data: { ...VALUES, N15030: { "1234": { 2026: 89 } } } });
    const r = await koladaInProcess({ dir, url: s.url });
    expect(r.status).toBe(0);
    expect(readFileSync(path.join(dir, "uppfoljning/2026-08-delar-BUN.yaml"), "utf8")).toBe(bun.replace("BUN-VM1, prognos", "BUN-VM1, utfall: 89, källa: Kolada, prognos"));
    expect(row(followUp(dir), "BUN-VM1")).toBeUndefined();
    expect(r.stdout).toContain("  BUN-VM1 (N15030): utfall 89 (i uppfoljning/2026-08-delar-BUN.yaml)");
    expect(r.stdout).toContain("skrev uppfoljning/2026-08-delar-BUN.yaml");
  });

  it("one KPI that fails is one line on stderr and exit 1; the others are written", async () => {
    const dir = minimalPlan();
    const s = await serve({ data: VALUES, behaviour: { N00090: "500", N15030: "not-json" } });
    const r = await koladaInProcess({ dir, url: s.url });
    expect(r.status).toBe(1);
    expect(r.stderr.split("\n").filter((l) => l.startsWith("plan kolada: "))).toEqual([
      "plan kolada: N00090: servern svarade 500 Internal Server Error (efter 3 nya försök)",
      "plan kolada: N15030: svaret är inte JSON",
    ]);
    expect(r.stderr).not.toMatch(/\n\s+at /u);
    expect(row(followUp(dir), "UTB-A02")!.utfall).toBe(91.5);
  });

  it("a 429 is waited out; a value that is text fails its KPI alone with one line", async () => {
    const dir = minimalPlan();
    const s = await serve({ data: VALUES, behaviour: { N15419: "429-once", N11102: "string-value" } });
    const r = await koladaInProcess({ dir, url: s.url, skrivÖver: true });
    expect(r.status).toBe(1);
    expect(s.requests.filter((q) => q.includes("N15419")).length).toBeGreaterThanOrEqual(2);
    expect(row(followUp(dir), "UTB-A01")).toEqual({ avser: "UTB-A01", utfall: 87, källa: "Kolada" });
    expect(r.stderr.split("\n").filter((l) => l.startsWith("plan kolada: "))).toEqual(['plan kolada: N11102: N11102 1234 2024: värdet "89" är inget tal']);
    expect(row(followUp(dir), "UTB-A02")).not.toHaveProperty("utfall");
  });

  it("a timeout is one line and exit 1", async () => {
    const dir = minimalPlan();
    const s = await serve({ data: VALUES, behaviour: { N15503: "slow" }, slowMs: 2000 });
    const r = await koladaInProcess({ dir, url: s.url }, { net: { timeoutMs: 150, retries: 0, backoffMs: 1, maxWaitMs: 10, maxBytes: 1 << 20, maxPages: 10 } });
    expect(r.status).toBe(1);
    // The batch that timed out fails whole: each of its KPIs gets its line.
    expect(r.stderr).toMatch(/^plan kolada: N15503: inget svar från 127\.0\.0\.1:\d+ inom 0,2 s$/mu);
  });

  it("usage and I/O: no kommunkod, a bad --url, a period without a follow-up for the whole kommun: exit 2, one line", async () => {
    const cases: [string, Parameters<typeof koladaInProcess>[0], RegExp][] = [
      ["no kommunkod", { dir: minimalPlan({ kommunkod: null }) }, /^plan: plan\.yaml har ingen kommunkod/u],
      ["bad url", { dir: minimalPlan(), url: "ftp://example.org/v3" }, /^plan: --url ska vara en http- eller https-URL/u],
      ["no follow-up", { dir: minimalPlan(), period: "2026-04" }, /^plan: ingen uppföljning för hela kommunen för 2026-04; perioder med uppföljning för hela kommunen: 2026-08$/u],
      ["--historik and --period", { dir: minimalPlan(), period: "2026-08", historik: "2024-2025" }, /^plan: --historik anger sina egna år/u],
      ["a bad kolada.url", { dir: minimalPlan({ kolada: "kolada:\n  url: api.kolada.se/v3\n" }) }, /^plan: kolada\.url \(plan\.yaml\) ska vara en http- eller https-URL/u],
      ["a bad --historik", { dir: minimalPlan(), historik: "2025-2020" }, /^plan: --historik ska vara år som 2019-2023, inte "2025-2020"$/u],
      ["a bad jämförelse", { dir: minimalPlan({ kolada: 'kolada:\n  jämförelse: ["483"]\n' }), jämför: true, url: "http://127.0.0.1:9/v3" }, /^plan: kolada\.jämförelse i plan\.yaml ska vara en lista med kommunkoder/u],
      ["--jämför without a group", { dir: minimalPlan(), jämför: true, url: "http://127.0.0.1:9/v3" }, /^plan: --jämför behöver kolada\.jämförelse i plan\.yaml/u],
    ];
    for (const [what, o, message] of cases) {
      const r = await koladaInProcess(o);
      expect(r.status, what).toBe(2);
      expect(r.stderr.trim().split("\n").pop(), what).toMatch(message);
    }
  });

  it("speaks English when the plan does", async () => {
    const dir = minimalPlan({ språk: "en" });
    const s = await serve({ data: VALUES, behaviour: { N00090: "not-json" } });
    const r = await koladaInProcess({ dir, url: s.url });
    expect(r.stdout).toContain("  UTB-A01 (N15419): kept 86; Kolada has 87 (--skriv-över replaces it)");
    expect(r.stdout).toContain("  UTB-A02 (N11102): utfall 91.5 (2025)");
    expect(r.stdout).toContain("wrote uppfoljning/2026-08-delar.yaml");
    expect(r.stderr).toContain("plan kolada: N00090: the answer is not JSON");
    expect(r.stdout + r.stderr).not.toMatch(/behåller|skrev|svaret/u);
    // The files speak the plan's language too.
    await koladaInProcess({ dir, url: s.url, jämför: false, historik: "2026" });
    expect(readFileSync(path.join(dir, "uppfoljning/2026-12-helar.yaml"), "utf8")).toMatch(/^# Annual report 2026 – written by plan kolada --historik[^\n]*\n\ntyp: uppföljning\nid: UF2026-12\nnamn: Annual report 2026\n/u);
  });

  it("shows a progress line on stderr when stderr is a terminal, and none when it is not", async () => {
    const dir = minimalPlan();
    const s = await serve({ data: VALUES });
    const quiet = await koladaInProcess({ dir, url: s.url, torrt: true });
    expect(quiet.stderr).not.toContain("hämtar");
    const tty = Object.getOwnPropertyDescriptor(process.stderr, "isTTY");
    Object.defineProperty(process.stderr, "isTTY", { value: true, configurable: true });
    try {
      const loud = await koladaInProcess({ dir, url: s.url, torrt: true });
      expect(loud.stderr).toContain("plan kolada: hämtar (fråga 1) …");
    } finally {
      if (tty) Object.defineProperty(process.stderr, "isTTY", tty);
      else delete (process.stderr as { isTTY?: boolean }).isTTY;
    }
  });
});

describe("plan kolada --historik and --jämför", () => {
  it("--historik makes the helår follow-up of a year that has none, from that year's plan", async () => {
    const dir = minimalPlan();
    // A budget for 2025 too (its own IDs' year scope), so that 2025 has nyckeltal with Kolada IDs.
    writeFileSync(path.join(dir, "budget/2025.yaml"), readFileSync(path.join(dir, "budget/2026.yaml"), "utf8").replace("id: OPB2026", "id: OPB2025").replace("år: 2026", "år: 2025"));
    const s = await serve({ data: VALUES });
    const r = await koladaInProcess({ dir, url: s.url, historik: "2024-2025" });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("uppfoljning/2024-12-helar.yaml (2024-12): inget nyckeltal för 2024 har ett Kolada-ID");
    expect(existsSync(path.join(dir, "uppfoljning/2024-12-helar.yaml"))).toBe(false);
    const made = readFileSync(path.join(dir, "uppfoljning/2025-12-helar.yaml"), "utf8");
    expect(made).toMatch(/^# Årsredovisning 2025 – skriven av plan kolada --historik/u);
    const doc = parse(made) as Row & { nyckeltal: Row[] };
    expect(doc).toMatchObject({ typ: "uppföljning", id: "UF2025-12", namn: "Årsredovisning 2025", period: "2025-12", rapport: "helår" });
    expect(doc.nyckeltal).toEqual([
      { avser: "UTB-R1-N1", utfall: 221.5, år: 2022, källa: "Kolada" },
      { avser: "UTB-A01", utfall: 84, källa: "Kolada" },
      { avser: "UTB-A02", utfall: 91.5, källa: "Kolada" },
    ]);
    expect(r.stdout).toContain("skapade uppfoljning/2025-12-helar.yaml");
    // The 2026 follow-up is not touched by --historik.
    expect(followUp(dir)).toBe(FOLLOW_UP);
  });

  it("--jämför writes kolada/jamforelse-<år>.yaml; its date changes only when a value does", async () => {
    const dir = minimalPlan({ kolada: 'kolada:\n  jämförelse: ["2222", "1111", "1234"]\n' });
    const s = await serve({ data: VALUES });
    const r = await koladaInProcess({ dir, url: s.url, jämför: true });
    expect(r.status).toBe(0);
    const file = path.join(dir, "kolada/jamforelse-2026.yaml");
    const text = readFileSync(file, "utf8");
    const doc = parse(text) as Row;
    expect(doc).toMatchObject({ typ: "jämförelse", id: "JMF-2026", år: 2026, källa: "Kolada", hämtad: "2026-11-30", kommuner: ["1111", "2222"] });
    expect(doc.värden).toEqual([
      { kolada: "N00090", år: 2026, kommuner: { "1111": null, "2222": null } },
      { kolada: "N11001", år: 2026, kommuner: { "1111": null, "2222": null } },
      { kolada: "N11102", år: 2025, kommuner: { "1111": 80, "2222": null } },
      { kolada: "N15030", år: 2025, kommuner: { "1111": 70, "2222": 75 } },
      { kolada: "N15419", år: 2026, kommuner: { "1111": 90, "2222": null } },
      { kolada: "N15503", år: 2022, kommuner: { "1111": null, "2222": null } },
    ]);
    expect(text).toContain('    kommuner: { "1111": 70, "2222": 75 }\n');
    // Another day, the same values: nothing changes.
    const again = await koladaInProcess({ dir, url: s.url, jämför: true }, { today: "2026-12-24" });
    expect(again.stdout).toContain("Inget ändrat");
    expect(readFileSync(file, "utf8")).toBe(text);
    // A revised value: the file is written again, with the new date.
    const revised = await serve({ data: { ...VALUES, N15030: { ...VALUES.N15030, "2222": { 2025: 76 } } } });
    await koladaInProcess({ dir, url: revised.url, jämför: true }, { today: "2026-12-24" });
    const now = parse(readFileSync(path.join(dir, "kolada/jamforelse-2026.yaml"), "utf8")) as Row & { värden: Row[] };
    expect(now.hämtad).toBe("2026-12-24");
    expect(now.värden.find((v) => v.kolada === "N15030")!.kommuner).toEqual({ "1111": 70, "2222": 76 });
  });

  it("--jämför with a Kolada group ID fetches its members (the own kommun left out)", async () => {
    const dir = minimalPlan({ kolada: "kolada:\n  jämförelse: G12345\n" });
    const s = await serve({ data: VALUES, groups: { G12345: ["1234", "2222", "1111"] } });
    const r = await koladaInProcess({ dir, url: s.url, jämför: true });
    expect(r.status).toBe(0);
    const doc = parse(readFileSync(path.join(dir, "kolada/jamforelse-2026.yaml"), "utf8")) as Row;
    expect(doc).toMatchObject({ grupp: "G12345", kommuner: ["1111", "2222"] });
    expect(s.requests[0]).toBe("/v3/municipality_groups/G12345");
  });
});

/** Run a program asynchronously (the test server answers in this process meanwhile). */
function run(cmd: string, args: string[], cwd: string, input = ""): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, env: { ...process.env, NO_COLOR: "1" } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", reject);
    child.on("close", (status) => (status === 0 || cmd === process.execPath ? resolve({ status, stdout, stderr }) : reject(new Error(`${cmd} ${args.join(" ")}: ${status}\n${stderr}`))));
    child.stdin.end(input);
  });
}

describe("plan kolada on examples/katrineholm (the README's demo)", () => {
  it("fills the 2012 helår follow-up from the test server, through the built CLI with the ASCII spellings", async () => {
    const dir = path.join(tempDir("rodtrad-kolada-kh-"), "katrineholm");
    cpSync(path.join(ROOT, "examples", "katrineholm"), dir, { recursive: true });
    const planYaml = path.join(dir, "plan.yaml");
    writeFileSync(planYaml, readFileSync(planYaml, "utf8").replace("språk: sv\n", "språk: sv\nkolada:\n  jämförelse: G12345\n"));
    const before = hashes(dir);
    const s = await serve({ data: KATRINEHOLM, groups: { G12345: ["0480", "0482", "0483", "0484"] } });
    const dry = await run(process.execPath, [BIN, "kolada", "-C", dir, "--url", s.url, "--torrt"], ROOT);
    expect(dry.status).toBe(0);
    expect(hashes(dir)).toEqual(before);
    const r = await run(process.execPath, [BIN, "kolada", "-C", dir, "--url", s.url, "--skriv-over", "--jamfor", "--ar", "2012"], ROOT);
    expect(r.stderr).not.toMatch(/plan kolada: /u);
    expect(r.status).toBe(0);
    const changed = [...hashes(dir)].filter(([f, h]) => before.get(f) !== h).map(([f]) => f);
    expect(changed.sort()).toEqual(["kolada/jamforelse-2012.yaml", "uppfoljning/2012-12-helar.yaml"]);
    const rows = rowsOf(readFileSync(path.join(dir, "uppfoljning/2012-12-helar.yaml"), "utf8"));
    const get = (avser: string): Row | undefined => rows.find((x) => x.avser === avser);
    expect(get("ORT-R1-N1")).toMatchObject({ utfall: 32496, källa: "Kolada" });
    expect(get("ORT-A11")).toEqual({ avser: "ORT-A11", utfall: 17.2, år: 2011, källa: "Kolada" });
    expect(get("SKO-A03")).toEqual({ avser: "SKO-A03", utfall: 74.2, källa: "Kolada" });
    expect(get("FOLK-A09")).toBeUndefined();
    expect(r.stdout).toContain("inget värde i Kolada för 2008–2012: FOLK-A09 (N31816)");
    // Only the kommun-wide follow-up of the period is written: BIN's delår and the others are not.
    expect(changed).not.toContain("uppfoljning/2012-08-delar.yaml");
    const jmf = parse(readFileSync(path.join(dir, "kolada/jamforelse-2012.yaml"), "utf8")) as Row & { värden: Row[] };
    expect(jmf).toMatchObject({ grupp: "G12345", kommuner: ["0480", "0482", "0484"] });
    expect(jmf.värden.find((v) => v.kolada === "N00914")).toEqual({ kolada: "N00914", år: 2011, kommuner: { "0480": 14.1, "0482": 12.3, "0484": null } });
  });
});
