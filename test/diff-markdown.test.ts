// `plan diff --format md` (a pull-request comment) parsed with markdown-it: structure and escaping.
// markdown-it runs with html: true, stricter than GitHub's sanitizer: any raw HTML that is not one
// of the output's own tags (<details>, <summary>, <ins>, <del>) counts as injected.
import MarkdownIt from "markdown-it";
import type Token from "markdown-it/lib/token.mjs";
import { afterAll, beforeAll, describe, it } from "vitest";
import { GitRepo, cleanupRepos, itemPath, type DiffJson, type PlanRun } from "./helpers/git-repo.js";
import { planInProcess } from "./helpers/in-process.js";
import { foreignHtml } from "./helpers/markdown-html.js";
import { STATUS_SYMBOL, STATUS_WORD } from "../src/format/status-words.js";
import type { Status } from "../src/status/fulfilment.js";

// What `plan diff --format md` prints, in-process (the CLI adds only a process: cli.test.ts and
// diff.test.ts spawn it).
const here = async (args: string[]): Promise<PlanRun> => planInProcess(args);
const diffJson = async (args: string[]): Promise<{ json: DiffJson }> => ({ json: JSON.parse(planInProcess(["diff", ...args, "--format", "json"]).stdout) as DiffJson });

afterAll(cleanupRepos);

const md = new MarkdownIt({ html: true });

/** A status as the table shows it in English: symbol and word. */
const statusCell = (s: string | undefined): string => (s === undefined ? "–" : `${STATUS_SYMBOL[s as Status]} ${STATUS_WORD.en[s as Status]}`);

const NASTY = "Mål | delmål <script>alert(1)</script> <img src=x onerror=alert(1)> **bold** [link](javascript:alert(1)) och `kod` & &lt;b&gt;";
const B25 = "budget/2025.yaml";
const UF = "uppfoljning/2025-08-delar.yaml";
const ADDED = Array.from({ length: 12 }, (_, i) => `BUF-B${String(i + 1).padStart(2, "0")}`);

/** The text a reader sees in an inline token: text and code, without the markup. */
const inlineText = (t: Token): string =>
  (t.children ?? []).filter((c) => c.type === "text" || c.type === "code_inline").map((c) => c.content).join("");

/** Tokens grouped by the ### heading they stand under ("" before the first). */
function sections(tokens: Token[]): Map<string, Token[]> {
  const out = new Map<string, Token[]>([["", []]]);
  let current = "";
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.type === "heading_open" && t.tag === "h3") {
      current = inlineText(tokens[i + 1]!);
      if (out.has(current)) throw new Error(`heading twice: ${current}`);
      out.set(current, []);
      i += 2;
      continue;
    }
    out.get(current)!.push(t);
  }
  return out;
}

/** Table rows as lists of cell texts (header included). */
function tableRows(tokens: Token[]): string[][] {
  const rows: string[][] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.type === "tr_open") rows.push([]);
    if (t.type === "th_open" || t.type === "td_open") rows[rows.length - 1]!.push(inlineText(tokens[i + 1]!));
  }
  return rows;
}

describe("plan diff --format md", () => {
  let out: string;
  let json: DiffJson;
  let tokens: Token[];
  let html: string;

  beforeAll(async () => {
    const r = new GitRepo();
    const base = r.head();
    r.editYaml(B25, (doc) => {
      const å1 = itemPath(doc, ["åtaganden"], "ORT-Å1");
      doc.setIn([...å1, "text"], `Antalet nystartade företag ska öka ${NASTY}`);
      doc.setIn([...å1, "nyckeltal", "målvärden", 2025], 3.45); // no new beslut: a flag
      doc.setIn([...itemPath(doc, ["resultatmål"], "ORT-R1"), "text"], NASTY);
    });
    r.editYaml("verksamhetsplaner/KLF/2025.yaml", (doc) => doc.setIn([...itemPath(doc, ["aktiviteter"], "KLF-AK01"), "namn"], NASTY));
    // prognos 3.5 → 3.2 flips ORT-Å1 from uppfyllt to delvis_uppfyllt; the kommentar is new.
    r.replace(UF, "{ avser: ORT-Å1, utfall: 3.3, prognos: 3.5 }", "{ avser: ORT-Å1, utfall: 3.3, prognos: 3.2 }");
    r.editYaml(UF, (doc) => doc.setIn([...itemPath(doc, ["nyckeltal"], "ORT-Å1", "avser"), "kommentar"], NASTY));
    // A removal (KS-U1 serves nothing downstream) and 12 added aktiviteter.
    r.editYaml("namnder/KS/2025.yaml", (doc) => doc.deleteIn(itemPath(doc, ["uppdrag"], "KS-U1")));
    r.write(
      "verksamhetsplaner/BUF/2026.yaml",
      "typ: verksamhetsplan\nid: VP2026-BUF\norgan: BUF\når: 2026\naktiviteter:\n" +
        ADDED.map((id, i) => `  - { id: ${id}, namn: Aktivitet ${i + 1}, bidrar_till: [UTB-Å3] }\n`).join(""),
    );
    const head = r.commit("granskning");
    const run = await here(["diff", base, head, "-C", r.root, "--format", "md"]);
    if (run.status !== 0) throw new Error(`plan diff --format md: status ${run.status}\n${run.stderr}`);
    out = run.stdout;
    json = (await diffJson([base, head, "-C", r.root])).json;
    tokens = md.parse(out, {});
    html = md.render(out);
  });

  it("the change is what the test means it to be (so the checks below look at something)", ({ expect }) => {
    expect(json.changed.map((c) => c.id).sort()).toEqual(["KLF-AK01", "ORT-R1", "ORT-Å1", "UF2025-08"]);
    expect(json.added.filter((a) => a.typ === "aktivitet").map((a) => a.id)).toEqual(ADDED);
    expect(json.removed.map((x) => x.id)).toEqual(["KS-U1"]);
    expect(json.flags.map((f) => f.id)).toEqual(["NP2025-KS", "OPB2025"]);
    expect(json.status_changes).toContainEqual({ period: "2025-08", id: "ORT-Å1", typ: "åtagande", from: "uppfyllt", to: "delvis_uppfyllt" });
  });

  it("starts with a plain paragraph a secretary can paste, then the count line in bold", ({ expect }) => {
    // The paragraph: sentences, no markup (no strong, no code, no links), the IDs of what changed.
    expect(tokens[0]!.type).toBe("paragraph_open");
    const first = tokens[1]!;
    expect(first.children!.map((c) => c.type).filter((t) => t !== "text" && t !== "softbreak")).toEqual([]);
    const prose = inlineText(first);
    expect(prose).toMatch(/^The change adds 1 verksamhetsplan \(VP2026-BUF\) and 12 aktiviteter\. It modifies [^.]*\bORT-Å1\b[^.]*\. It removes 1 uppdrag \(KS-U1\)\./u);
    expect(prose).toContain("The 2025 target of ORT-Å1 is raised from 3.4 to 3.45.");
    expect(prose).toContain("Budget OPB2025 is decided but changes without a new decision.");
    expect(prose).toContain("Nämndplan NP2025-KS is decided but changes without a new decision.");
    expect(prose).toContain("åtagande ORT-Å1 from met to partly met");
    // The 12 aktiviteter are counted, not named one by one.
    expect(prose).not.toContain("BUF-B01");
    // The count line follows, in bold, as the JSON's summary.
    const second = tokens[4]!;
    const kinds = second.children!.filter((c) => !(c.type === "text" && c.content === "")).map((c) => c.type);
    expect(kinds.slice(0, 3)).toEqual(["strong_open", "text", "strong_close"]);
    expect(inlineText(second).startsWith(json.summary)).toBe(true);
    expect(json.summary).toMatch(/^13 added, 4 changed, 1 removed\b/u);
  });

  it("has a ### heading per kind, in the order of the thread, and sections for removals, flags and status", ({ expect }) => {
    const headings = [...sections(tokens).keys()].slice(1);
    for (const h of ["Resultatmål", "Åtaganden", "Uppföljningar", "Aktiviteter", "Verksamhetsplaner", "Status changes"]) {
      expect(headings).toContain(h);
    }
    expect(headings.some((h) => /Removed/u.test(h))).toBe(true);
    expect(headings.some((h) => /without a new decision/u.test(h))).toBe(true);
    const at = (h: string): number => headings.indexOf(h);
    expect(at("Resultatmål")).toBeLessThan(at("Åtaganden"));
    expect(at("Åtaganden")).toBeLessThan(at("Aktiviteter"));
    // Every heading is a level-3 heading.
    expect(tokens.filter((t) => t.type === "heading_open").every((t) => t.tag === "h3")).toBe(true);
  });

  it("folds a long list (more than 10 items) in <details>, and leaves short ones open", ({ expect }) => {
    const s = sections(tokens);
    const aktiviteter = s.get("Aktiviteter")!;
    const blocks = aktiviteter.filter((t) => t.type === "html_block").map((t) => t.content);
    expect(blocks.some((b) => /^<details><summary>[^<]*<\/summary>/u.test(b))).toBe(true);
    expect(blocks.some((b) => b.trim() === "</details>")).toBe(true);
    // The items are parsed as a Markdown list between the two blocks.
    const open = aktiviteter.findIndex((t) => t.type === "html_block" && t.content.startsWith("<details>"));
    const close = aktiviteter.findIndex((t) => t.type === "html_block" && t.content.trim() === "</details>");
    const inside = aktiviteter.slice(open, close);
    const text = inside.filter((t) => t.type === "inline").map(inlineText).join("\n");
    for (const id of ADDED) expect(text).toContain(id);
    expect(inside.some((t) => t.type === "bullet_list_open")).toBe(true);
    // In the HTML, the 12 items sit inside the <details> element.
    const details = /<details>[\s\S]*?<\/details>/u.exec(html)?.[0] ?? "";
    for (const id of ADDED) expect(details).toContain(id);

    const åtaganden = s.get("Åtaganden")!;
    expect(åtaganden.some((t) => t.type === "html_block")).toBe(false);
    expect(åtaganden.some((t) => t.type === "bullet_list_open")).toBe(true);
  });

  it("injects no HTML: no <script>, no <img>, no links, no emphasis from the texts", ({ expect }) => {
    expect(html).not.toMatch(/<script/iu);
    expect(html).not.toMatch(/<img/iu);
    expect(html).not.toMatch(/<a\s/iu);
    expect(html).not.toMatch(/javascript:[^<]*"/iu); // never inside an attribute
    expect(html).not.toContain("<strong>bold</strong>");
    expect(foreignHtml(tokens)).toEqual([]);
    expect(html).toContain("&lt;script");
    expect(html).toContain("&lt;img src=x onerror=alert(1)");
  });

  it("shows the texts literally, > included, wherever they stand (word diff, new value, aktivitet in <details>)", ({ expect }) => {
    const texts = tokens.filter((t) => t.type === "inline").map(inlineText);
    // The parts without ">" first, so a failure below points at ">" alone. Three places hold the
    // text whole: ORT-Å1's appended words, KLF-AK01's new namn, the new kommentar (ORT-R1's
    // replaced text interleaves old and new words).
    for (const part of ["Mål | delmål <script", "**bold** [link](javascript:alert(1)) och `kod` & &lt;b&gt;"]) {
      expect(texts.filter((t) => t.includes(part)).length).toBeGreaterThanOrEqual(3);
    }
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    // ORT-Å1: the old text kept, the new words added (word diff).
    expect(texts.some((t) => t.includes(`Antalet nystartade företag ska öka ${NASTY}`))).toBe(true);
    // The uppföljning's new kommentar, as a value.
    expect(texts.some((t) => t.includes("nyckeltal[ORT-Å1].kommentar") && t.includes(NASTY))).toBe(true);
    // KLF-AK01's namn replaced whole: the new text is there, word for word.
    expect(texts.some((t) => t.includes("namn") && t.includes(NASTY))).toBe(true);
    // The backtick is text, not the start of a code span.
    expect(html).not.toContain("<code>kod</code>");
  });

  it("keeps the status table's columns: every row has the header's 7 cells, the JSON's values as symbol and word", ({ expect }) => {
    const rows = tableRows(sections(tokens).get("Status changes")!);
    expect(rows[0]).toEqual(["period", "typ", "id", "name", "before", "after", "judged on"]);
    expect(rows.slice(1).map((r) => r.slice(0, 3))).toEqual(json.status_changes.map((s) => [s.period, s.typ, s.id]));
    expect(rows.slice(1).map((r) => r.slice(4, 6))).toEqual(json.status_changes.map((s) => [statusCell(s.from), statusCell(s.to)]));
    for (const row of rows) expect(row).toHaveLength(7);
    // ORT-Å1: its text beside the ID, the prognos that moved and the målvärde it is judged against.
    const å1 = rows.find((r) => r[2] === "ORT-Å1")!;
    expect(å1.slice(3)).toEqual([`Antalet nystartade företag ska öka ${NASTY}`, "● Met", "◐ Partly met", "prognos 3.5 → 3.2; målvärde 3.4 → 3.45"]);
    // No raw enum anywhere in the table.
    expect(rows.flat().join(" ")).not.toMatch(/delvis_uppfyllt|ej_uppfyllt/u);
    // The source lines of the table have as many unescaped pipes as the header.
    const lines = out.split("\n").filter((l) => l.startsWith("|"));
    const pipes = (l: string): number => l.replace(/\\\|/gu, "").split("|").length;
    for (const l of lines) expect(pipes(l)).toBe(pipes(lines[0]!));
  });
});

describe("plan diff --format md: YAML content that is not an ordinary text", () => {
  it("an x- key with line breaks cannot inject HTML through the field path", async ({ expect }) => {
    const r = new GitRepo();
    const base = r.head();
    r.editYaml(B25, (doc) => doc.setIn([...itemPath(doc, ["åtaganden"], "ORT-Å1"), "x-anteckning\n\n<script>alert(1)</script>\n\nslut"], 1));
    const head = r.commit("x-nyckel");
    // plan validate accepts the key (x- keys are free), so the diff must carry it safely.
    const validate = await here(["validate", "-C", r.root]);
    expect(validate.status).toBe(0);
    const run = await here(["diff", base, head, "-C", r.root, "--format", "md"]);
    expect(run.status).toBe(0);
    const t = md.parse(run.stdout, {});
    expect(md.render(run.stdout)).not.toMatch(/<script/iu);
    expect(foreignHtml(t)).toEqual([]);
  });

  it("a removed entity's whole text, over several lines, is quoted literally: no heading, list, code block or HTML from it", async ({ expect }) => {
    const r = new GitRepo();
    const HOSTILE = `Kartlägg behovet\n\n        <script>alert(1)</script>\n# rubrik\n- punkt\n1. första\n${NASTY}`;
    r.editYaml("namnder/KS/2025.yaml", (doc) => doc.setIn([...itemPath(doc, ["uppdrag"], "KS-U1"), "text"], HOSTILE));
    const base = r.commit("fientlig text");
    r.editYaml("namnder/KS/2025.yaml", (doc) => doc.deleteIn(itemPath(doc, ["uppdrag"], "KS-U1")));
    const head = r.commit("bort med KS-U1");
    const run = await here(["diff", base, head, "-C", r.root, "--format", "md"]);
    expect(run.status, run.stderr).toBe(0);
    const t = md.parse(run.stdout, {});
    expect(foreignHtml(t)).toEqual([]);
    const out = md.render(run.stdout);
    expect(out).not.toMatch(/<script|<img|<h1|<a\s|<pre|<ol/iu);
    // Every line of the text stands in the quote under the removed item, as written.
    const quote = /<blockquote>([\s\S]*?)<\/blockquote>/u.exec(out)?.[1] ?? "";
    for (const line of ["Kartlägg behovet", "&lt;script&gt;alert(1)&lt;/script&gt;", "# rubrik", "- punkt", "1. första"]) expect(quote).toContain(line);
    const texts = t.filter((x) => x.type === "inline").map(inlineText);
    expect(texts.some((x) => x.includes(NASTY))).toBe(true);
    expect(texts.some((x) => x.startsWith("KS-U1 uppdrag (2025)"))).toBe(true);
  });

  it("an ID holding | and ` (an error, but in both revisions) keeps the status table's columns and the ID", async ({ expect }) => {
    const r = new GitRepo();
    const BAD = "ORT-Å9|x`y";
    r.editYaml(B25, (doc) => {
      const list = doc.getIn(["åtaganden"], true) as { items: unknown[] };
      list.items.push(
        doc.createNode({ id: BAD, resultatmål: ["ORT-R1"], nämnder: ["KS"], text: "Fel ID", nyckeltal: { namn: "N", enhet: "antal", riktning: "öka", målvärden: { 2025: 30 } } }),
      );
    });
    r.editYaml(UF, (doc) => {
      const list = doc.getIn(["nyckeltal"], true) as { items: unknown[] };
      list.items.push(doc.createNode({ avser: BAD, utfall: 40 }));
    });
    const base = r.commit("med fel ID");
    // utfall 40 ≥ 30: uppfyllt; 20 < 30 without a baseline: ej_uppfyllt.
    r.replace(UF, "utfall: 40", "utfall: 20");
    const head = r.commit("utfall");
    const { json } = await diffJson([base, head, "-C", r.root]);
    expect(json.status_changes).toContainEqual({ period: "2025-08", id: BAD, typ: "åtagande", from: "uppfyllt", to: "ej_uppfyllt" });
    const run = await here(["diff", base, head, "-C", r.root, "--format", "md"]);
    const rows = tableRows(sections(md.parse(run.stdout, {})).get("Status changes")!);
    expect(rows.slice(1).map((r) => [...r.slice(0, 3), ...r.slice(4, 6)])).toEqual(
      json.status_changes.map((s) => [s.period, s.typ, s.id, statusCell(s.from), statusCell(s.to)]),
    );
  });
});
