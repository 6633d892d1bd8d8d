// `plan diff --format md` on a plan with `språk: sv`: the cases of diff.test.ts as a reviewer
// reads them in the pull request: the summary paragraph, names and texts beside the IDs, status
// as symbol and word, consequences in sentences, the governance flag first, Swedish throughout.
// Every output is parsed with markdown-it and checked for injected HTML.
import MarkdownIt from "markdown-it";
import type Token from "markdown-it/lib/token.mjs";
import { afterAll, describe, it } from "vitest";
import { GitRepo, cleanupRepos, itemPath } from "./helpers/git-repo.js";
import { planInProcess } from "./helpers/in-process.js";
import { foreignHtml } from "./helpers/markdown-html.js";

afterAll(cleanupRepos);

const md = new MarkdownIt({ html: true });
const B25 = "budget/2025.yaml";
const B26 = "budget/2026.yaml";
const UF = "uppfoljning/2025-08-delar.yaml";

/** The fixture with `språk: sv`, committed: the base of every case. */
function swedishRepo(): { r: GitRepo; base: string } {
  const r = new GitRepo();
  r.replace("plan.yaml", 'kommunkod: "9999"\n', 'kommunkod: "9999"\nspråk: sv\n');
  return { r, base: r.commit("svenska") };
}

const inlineText = (t: Token): string => (t.children ?? []).filter((c) => c.type === "text" || c.type === "code_inline").map((c) => c.content).join("");

interface Read {
  out: string;
  status: number | null;
  /** The first paragraph: the summary a secretary pastes. */
  summary: string;
  /** The ### headings in order. */
  headings: string[];
  /** The text of each heading's section (inline texts, one per line). */
  section: (heading: string) => string;
  /** The status table's rows below the header. */
  statusRows: string[][];
}

/** The English words of the diff's Markdown: none may show in a Swedish plan's diff. */
const ENGLISH = /(?<!\p{L})(?:The change|It (?:adds|modifies|removes|introduces)|added|changed|removed|Removed|Consequences|Status changes|New errors|Resolved|decided but|without a new decision|before|after|judged on|Met|Partly met|Not met|moved|new owner)(?!\p{L})/u;

function read(args: string[]): Read {
  const run = planInProcess(["diff", ...args, "--format", "md"]);
  if (run.stderr !== "") throw new Error(run.stderr);
  const tokens = md.parse(run.stdout, {});
  if (foreignHtml(tokens).length > 0) throw new Error(`raw HTML: ${foreignHtml(tokens).join(" ")}`);
  const headings: string[] = [];
  const texts = new Map<string, string[]>([["", []]]);
  const statusRows: string[][] = [];
  let current = "";
  let inBody = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.type === "heading_open") {
      current = inlineText(tokens[i + 1]!);
      headings.push(current);
      texts.set(current, []);
      i += 2;
      continue;
    }
    if (t.type === "tbody_open") inBody = true;
    if (t.type === "tbody_close") inBody = false;
    if (inBody && t.type === "tr_open") statusRows.push([]);
    if (inBody && t.type === "td_open") statusRows[statusRows.length - 1]!.push(inlineText(tokens[i + 1]!));
    if (t.type === "inline") texts.get(current)!.push(inlineText(t));
  }
  return {
    out: run.stdout,
    status: run.status,
    summary: texts.get("")![0]!,
    headings,
    section: (h) => {
      const s = texts.get(h);
      if (!s) throw new Error(`no section ${h} in:\n${run.stdout}`);
      return s.join("\n");
    },
    statusRows,
  };
}

describe.concurrent("plan diff --format md in Swedish (språk: sv)", () => {
  it("a målvärde raised: the åtagande's text and nyckeltal beside the ID, the value with a decimal comma, the summary, the flag first", ({ expect }) => {
    const { r, base } = swedishRepo();
    const head = r.editYaml(B25, (doc) => doc.setIn([...itemPath(doc, ["åtaganden"], "ORT-Å1"), "nyckeltal", "målvärden", 2025], 3.45)).commit("målvärde");
    const d = read([base, head, "-C", r.root]);
    expect(d.status).toBe(0);
    expect(d.summary).toBe(
      "Ändringen ändrar 1 åtagande (ORT-Å1). Målvärdet för ORT-Å1 år 2025 höjs från 3,4 till 3,45. Budget OPB2025 är beslutad men ändras utan nytt beslut.",
    );
    expect(d.out).toContain("**0 tillagda, 1 ändrad, 0 borttagna; 1 beslutat dokument ändrat utan nytt beslut**");
    // The governance flag is the first section.
    expect(d.headings[0]).toBe("⚠ Ändrat utan nytt beslut");
    expect(d.section("⚠ Ändrat utan nytt beslut")).toContain("OPB2025 (budget, budget/2025.yaml) är beslutad: ORT-Å1 har ändrats utan en ny beslutsreferens");
    const åtaganden = d.section("Åtaganden");
    expect(åtaganden).toContain("✏️ ORT-Å1 (2025): Antalet nystartade företag ska öka — nyckeltal: ");
    expect(åtaganden).toContain("nyckeltal.målvärden.2025: 3,4 → 3,45");
    expect(d.out).not.toMatch(ENGLISH);
  });

  it("an åtagande moved to another resultatmål: a sentence in the summary, flyttad on the field", ({ expect }) => {
    const { r, base } = swedishRepo();
    const head = r
      .editYaml(B25, (doc) => doc.setIn([...itemPath(doc, ["åtaganden"], "ORT-Å2"), "resultatmål"], doc.createNode(["UTB-R1"], { flow: true })))
      .commit("flytta ORT-Å2");
    const d = read([base, head, "-C", r.root]);
    expect(d.summary).toContain("Ändringen ändrar 1 åtagande (ORT-Å2). ORT-Å2 flyttas från ORT-R1 till UTB-R1.");
    expect(d.section("Åtaganden")).toMatch(/^✏️ ORT-Å2 \(2025\): \S.*\nresultatmål: \[ORT-R1\] → \[UTB-R1\] \(flyttad\)$/mu);
    expect(d.out).not.toMatch(ENGLISH);
  });

  it("a nämnd added to an åtagande: ny ägare", ({ expect }) => {
    const { r, base } = swedishRepo();
    const head = r.replace(B25, "    nämnder: KS\n", "    nämnder: [KS, BUN]\n").commit("BUN med");
    const d = read([base, head, "-C", r.root]);
    expect(d.section("Åtaganden")).toContain("nämnder: [KS] → [BUN, KS] (ny ägare)");
    expect(d.summary).toMatch(/^Ändringen ändrar 1 åtagande \(ORT-Å2\)\./u);
    expect(d.out).not.toMatch(ENGLISH);
  });

  it("a resultatmål removed: its whole text, what stands without it in sentences, the new errors; exit 1 by default", ({ expect }) => {
    const { r, base } = swedishRepo();
    const text = r.read(B25);
    r.editYaml(B25, (doc) => doc.deleteIn(itemPath(doc, ["resultatmål"], "UTB-R1")));
    r.editYaml(B26, (doc) => doc.deleteIn(itemPath(doc, ["resultatmål"], "UTB-R1")));
    const head = r.commit("bort med UTB-R1");
    const d = read([base, head, "-C", r.root]);
    expect(d.status).toBe(1);
    expect(d.summary).toMatch(/^Ändringen tar bort 1 resultatmål \(UTB-R1\)\. /u);
    expect(d.summary).toContain("3 åtaganden står utan resultatmål.");
    expect(d.summary).toContain("Den ger 4 nya fel, som behöver rättas innan ändringen godkänns.");
    const consequences = d.section("Konsekvenser");
    expect(consequences).toContain("3 åtaganden står utan resultatmål: UTB-Å1, UTB-Å2, UTB-Å3");
    expect(consequences).toMatch(/^1 verksamhetsmål, 2 aktiviteter och 1 produktionsmål når inte längre upp till något mål: BUF-AK01, BUF-AK02, BUF-P1, BUN-VM1$/mu);
    expect(consequences).toContain("4 nya fel: en referens till ett ID som inte finns");
    // The removed resultatmål's text, whole: every line of it as it stood in the budget.
    const removed = d.section("❌ Borttaget");
    expect(removed).toContain("UTB-R1 resultatmål (2025)");
    const yamlText = /- id: UTB-R1\n(?:\s+\S.*\n)*?\s+text: (.*)\n/u.exec(text)?.[1];
    expect(yamlText).toBeDefined();
    expect(removed).toContain(yamlText!.trim());
    expect(d.section("Nya fel och varningar")).toContain('resultatmål: okänt ID "UTB-R1"');
    expect(d.out).not.toMatch(ENGLISH);
    // --fail-on none reads the same diff with exit 0.
    expect(planInProcess(["diff", base, head, "-C", r.root, "--format", "md", "--fail-on", "none"])).toMatchObject({ status: 0, stdout: d.out });
  });

  it("a målområde removed: its namn beside the ID and its beskrivning quoted, every line", ({ expect }) => {
    const { r } = swedishRepo();
    const KP = "kommunplan/2025-2028.yaml";
    r.editYaml(KP, (doc) => doc.setIn([...itemPath(doc, ["målområden"], "UTB"), "beskrivning"], "Alla barn ska lyckas i skolan.\nFörskolan lägger grunden."));
    const base = r.commit("beskrivning");
    const head = r.editYaml(KP, (doc) => doc.deleteIn(itemPath(doc, ["målområden"], "UTB"))).commit("bort med UTB");
    const d = read([base, head, "-C", r.root, "--fail-on", "none"]);
    expect(d.status).toBe(0);
    // The övergripande mål inside it goes with it; both with their names, the kommunplan as scope.
    expect(d.section("❌ Borttaget").split("\n")).toEqual(["UTB.1 mål (KP2025): Alla elever når målen", "UTB målområde (KP2025): Utbildning", "Alla barn ska lyckas i skolan.Förskolan lägger grunden."]);
    expect(d.out).toContain("  > Alla barn ska lyckas i skolan.\n  > Förskolan lägger grunden.\n");
    expect(d.summary).toMatch(/^Ändringen tar bort 1 målområde \(UTB\) och 1 övergripande mål \(UTB\.1\)\. /u);
    expect(d.summary).toMatch(/ resultatmål står utan målområde\./u);
  });

  it("a text edited: the word diff with <ins> and <del>", ({ expect }) => {
    const { r, base } = swedishRepo();
    const head = r.replace(B25, "text: Antalet nystartade företag ska öka\n", "text: Antalet nya företag i kommunen ska öka\n").commit("text");
    const d = read([base, head, "-C", r.root]);
    expect(d.out).toContain("`text`: Antalet <del>nystartade</del><ins>nya</ins> företag <ins>i kommunen </ins>ska öka\n");
    // The entity line shows the new text's first line.
    expect(d.section("Åtaganden")).toContain("✏️ ORT-Å1 (2025): Antalet nya företag i kommunen ska öka");
    expect(d.out).not.toMatch(ENGLISH);
  });

  it("follow-up values changed: status as symbol and word, the prognos and målvärde it was judged on, the goals above", ({ expect }) => {
    const { r, base } = swedishRepo();
    const head = r.replace(UF, "{ avser: ORT-Å1, utfall: 3.3, prognos: 3.5 }", "{ avser: ORT-Å1, utfall: 3.3, prognos: 3.2 }").commit("prognos");
    const d = read([base, head, "-C", r.root]);
    expect(d.summary).toContain("åtagande ORT-Å1 går från uppfyllt till delvis uppfyllt");
    expect(d.summary).toMatch(/^Ändringen ändrar 1 uppföljning \(UF2025-08\)\. Den bedömda måluppfyllelsen ändras: /u);
    expect(d.section("Ändrad status")).toBe("period\ntyp\nid\nnamn\nföre\nefter\nbedömt på\n" + d.statusRows.map((row) => row.join("\n")).join("\n"));
    const å1 = d.statusRows.find((row) => row[2] === "ORT-Å1");
    expect(å1).toEqual(["2025-08", "åtagande", "ORT-Å1", "Antalet nystartade företag ska öka", "● Uppfyllt", "◐ Delvis uppfyllt", "prognos 3,5 → 3,2; målvärde 3,4"]);
    // The resultatmål above names the åtagande that moved it.
    const r1 = d.statusRows.find((row) => row[2] === "ORT-R1");
    expect(r1?.slice(4, 6)).toEqual(["● Uppfyllt", "◐ Delvis uppfyllt"]);
    expect(r1?.[6]).toContain("ORT-Å1 ● → ◐");
    expect(d.out).not.toMatch(/delvis_uppfyllt|ej_uppfyllt/u);
    expect(d.out).not.toMatch(ENGLISH);
  });

  it("a possible rename: Möjliga omdöpningar; an added entity with its name", ({ expect }) => {
    const { r, base } = swedishRepo();
    const head = r.replace("verksamhetsplaner/KLF/2025.yaml", "id: KLF-AK02", "id: KLF-AK03").commit("nytt id");
    const d = read([base, head, "-C", r.root]);
    expect(d.section("Möjliga omdöpningar")).toBe("KLF-AK02 → KLF-AK03 (aktivitet, samma innehåll)");
    expect(d.section("Aktiviteter")).toBe("➕ KLF-AK03 (2025) tillagd: Digital bygglovsansökan");
    expect(d.section("❌ Borttaget")).toBe("KLF-AK02 aktivitet (2025): Digital bygglovsansökan");
    expect(d.out).not.toMatch(ENGLISH);
  });

  it("a decided budget changed with a new beslut: no flag; a list reordered: nothing changed, said in one sentence", ({ expect }) => {
    const { r, base } = swedishRepo();
    r.editYaml(B25, (doc) => doc.setIn([...itemPath(doc, ["åtaganden"], "ORT-Å1"), "nyckeltal", "målvärden", 2025], 3.45));
    r.replace(B25, 'beslut: { organ: KF, datum: 2024-11-18, paragraf: "§ 150" }', 'beslut: { organ: KF, datum: 2025-03-24, paragraf: "§ 31" }');
    const decided = r.commit("nytt beslut");
    const d = read([base, decided, "-C", r.root]);
    expect(d.summary).toBe("Ändringen ändrar 1 budget (OPB2025) och 1 åtagande (ORT-Å1). Målvärdet för ORT-Å1 år 2025 höjs från 3,4 till 3,45.");
    expect(d.headings).not.toContain("⚠ Ändrat utan nytt beslut");
    expect(d.section("Budgetar")).toContain("beslut.paragraf: § 150 → § 31");

    r.editYaml(B25, (doc) => void (doc.getIn(["åtaganden"], true) as { items: unknown[] }).items.reverse());
    const reordered = r.commit("omordnat");
    const same = read([decided, reordered, "-C", r.root]);
    expect(same.summary).toBe("Ändringen lämnar planens innehåll som det var.");
    expect(same.headings).toEqual([]);
    expect(same.out).toContain("**0 tillagda, 0 ändrade, 0 borttagna**");
  });

  it("the same plan with --lang en: English throughout, no Swedish sentence", ({ expect }) => {
    const { r, base } = swedishRepo();
    const head = r.replace(UF, "{ avser: ORT-Å1, utfall: 3.3, prognos: 3.5 }", "{ avser: ORT-Å1, utfall: 3.3, prognos: 3.2 }").commit("prognos");
    const run = planInProcess(["diff", base, head, "-C", r.root, "--format", "md", "--lang", "en"]);
    expect(run.stdout).toMatch(/^The change modifies 1 uppföljning \(UF2025-08\)\. The assessed fulfilment changes: /u);
    expect(run.stdout).toContain("| ● Met | ◐ Partly met | prognos 3.5 → 3.2; målvärde 3.4 |");
    expect(run.stdout).not.toMatch(/(?<!\p{L})(?:Ändringen|ändras|Uppfyllt|Delvis|bedömt på|före|efter|Konsekvenser|Borttaget|Ändrad status)(?!\p{L})/u);
    // A resultatmål whose only åtagande changed names it, without repeating the roll-up.
    expect(run.stdout).toContain("| Fler jobb genom ett starkare näringsliv | ● Met | ◐ Partly met | ORT-Å1 ● → ◐ |");
  });
});
