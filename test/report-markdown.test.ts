// Markdown in and out: the plan's Markdown texts made safe, the Markdown reports' structure,
// and the Word conversion with pandoc.
import { spawnSync } from "node:child_process";
import { existsSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import MarkdownIt from "markdown-it";
import { afterAll, describe, expect, it } from "vitest";
import { markdownBlock, markdownToHtml } from "../src/report/markdown-text.js";
import { cleanupTemp, FIXTURES, KATRINEHOLM, minimalWithHelår, PHASES, render, tempDir } from "./report-helpers.js";

afterAll(cleanupTemp);

describe("Markdown text fields → HTML", () => {
  it("drops javascript:, vbscript:, data: and file: links, keeps the text", () => {
    for (const url of ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "vbscript:msgbox(1)", "data:text/html;base64,PHNjcmlwdD4=", "data:image/png;base64,iVBORw0KGgo=", "file:///etc/passwd", "jav&#x61;script:alert(1)"]) {
      const html = markdownToHtml(`[x](${url})`);
      expect(html, url).not.toContain("<a");
      expect(html, url).toContain("[x](");
    }
    expect(markdownToHtml("[x](<javascript:alert(1)>)")).not.toContain("<a");
    expect(markdownToHtml("<javascript:alert(1)>")).not.toContain("<a");
  });

  it("keeps ordinary links and never renders raw HTML", () => {
    expect(markdownToHtml("[Kolada](https://www.kolada.se/)")).toBe('<p><a href="https://www.kolada.se/">Kolada</a></p>');
    expect(markdownToHtml("<script>alert(1)</script> <b>fet</b>")).toBe("<p>&lt;script&gt;alert(1)&lt;/script&gt; &lt;b&gt;fet&lt;/b&gt;</p>");
    expect(markdownToHtml("**fet** och *kursiv*\n\n- a\n- b")).toBe("<p><strong>fet</strong> och <em>kursiv</em></p>\n<ul>\n<li>a</li>\n<li>b</li>\n</ul>");
  });

  it("loads no images: an image becomes a link to it", () => {
    expect(markdownToHtml("![bild](https://example.org/a.png)")).not.toContain("<img");
  });

  it("does not turn bare addresses into links", () => {
    expect(markdownToHtml("se www.example.org")).not.toContain("<a");
  });

  it("puts a text's own headings below the section that shows it", () => {
    expect(markdownToHtml("# A\n\n## B", 2)).toBe("<h3>A</h3>\n<h4>B</h4>");
    expect(markdownToHtml("# A", 6)).toBe("<h6>A</h6>");
  });
});

describe("Markdown text fields → Markdown", () => {
  it("escapes raw HTML outside code, keeps code as written", () => {
    expect(markdownBlock("a <b>x</b> `<b>` b")).toBe("a &lt;b>x&lt;/b> `<b>` b");
    expect(markdownBlock("```\n<b>\n```")).toBe("```\n<b>\n```");
  });

  it("makes unsafe links literal, keeps safe ones", () => {
    expect(markdownBlock("[x](javascript:alert(1))")).toBe("[x]\\(javascript:alert(1))");
    expect(markdownBlock("[x]: file:///etc/passwd")).toBe("\\[x\\]: file:///etc/passwd");
    expect(markdownBlock("[x](https://example.org)")).toBe("[x](https://example.org)");
    const md = new MarkdownIt();
    for (const text of ["[x](javascript:alert(1))", "[x]( data:text/html,1)", "[x](<vbscript:1>)", "[x]\n\n[x]: javascript:alert(1)"]) {
      expect(md.render(markdownBlock(text)), text).not.toContain("<a");
    }
  });

  it("shifts headings", () => {
    expect(markdownBlock("# A\ntext\n## B", 2)).toBe("### A\ntext\n#### B");
    expect(markdownBlock("#hashtag", 2)).toBe("#hashtag");
  });
});

/** The tables of a Markdown text: runs of lines starting with a pipe. */
function tables(md: string): string[][] {
  const out: string[][] = [];
  let current: string[] | undefined;
  for (const line of md.split("\n")) {
    if (line.startsWith("|")) (current ??= []).push(line);
    else if (current) {
      out.push(current);
      current = undefined;
    }
  }
  if (current) out.push(current);
  return out;
}

/** Cells of a table row: split on pipes that are not escaped. */
const cells = (row: string): number => row.split(/(?<!\\)\|/u).length - 2;

function checkStructure(md: string): void {
  const tokens = new MarkdownIt().parse(md, {});
  const levels = tokens.filter((t) => t.type === "heading_open").map((t) => Number(t.tag.slice(1)));
  expect(levels.filter((l) => l === 1)).toHaveLength(1);
  expect(levels[0]).toBe(1);
  levels.forEach((l, i) => i > 0 && expect(l - levels[i - 1]!, `heading ${i}`).toBeLessThanOrEqual(1));
  const found = tables(md);
  expect(found.length).toBeGreaterThan(0);
  for (const t of found) {
    const n = cells(t[0]!);
    expect(t[1], t[0]).toMatch(/^\|( -{3,}:? \|)+$/u);
    for (const row of t) expect(cells(row), row).toBe(n);
  }
  // markdown-it sees as many tables as there are pipe blocks: no table swallowed a paragraph.
  expect(tokens.filter((t) => t.type === "table_open")).toHaveLength(found.length);
}

describe("the Markdown reports", () => {
  const minimal = minimalWithHelår();
  for (const [name, dir, nämnd] of [["katrineholm", KATRINEHOLM, undefined], ["katrineholm BIN", KATRINEHOLM, "BIN"], ["minimal", minimal, undefined], ["unsafe fixture", path.join(FIXTURES, "report-unsafe"), undefined]] as const) {
    for (const phase of PHASES) {
      it(`${name} ${phase}: one h1, ordered headings, every table row as wide as its head`, () => {
        checkStructure(render(dir, phase, { format: "md", ...(nämnd ? { nämnd } : {}) }));
      });
    }
  }

  it("keeps pipes, HTML and unsafe links of the plan's texts inside their cells, as text", () => {
    for (const phase of PHASES) {
      const md = render(path.join(FIXTURES, "report-unsafe"), phase, { format: "md" });
      const tokens = new MarkdownIt({ html: true }).parse(md, {});
      const inline = tokens.flatMap((t) => [t, ...(t.children ?? [])]);
      expect(inline.filter((t) => t.type === "html_block" || t.type === "html_inline").map((t) => t.content)).toEqual([]);
      const hrefs = inline.filter((t) => t.type === "link_open").map((t) => t.attrGet("href") ?? "");
      expect(hrefs.filter((h) => /^(javascript|vbscript|data|file):/iu.test(h))).toEqual([]);
      const html = new MarkdownIt().render(md);
      expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
      expect(html).toContain("{{constructor}}");
    }
    const delår = new MarkdownIt().render(render(path.join(FIXTURES, "report-unsafe"), "delår", { format: "md" }));
    expect(delår).toMatch(/<td>Behöriga &lt;img src=x onerror=alert\(1\)&gt; \| \{\{constructor\}\} \(% \{\{\{x\}\}\}\)<\/td>/u);
  });
});

const pandoc = ["/usr/bin/pandoc", "/usr/local/bin/pandoc"].find((p) => existsSync(p));
describe.skipIf(!pandoc && process.env.CI !== "true")("pandoc", () => {
  it("converts the delårsrapport to a Word document (pandoc -f gfm -t docx)", () => {
    expect(pandoc, "CI=true and no pandoc: .ci/run installs it").toBeDefined();
    const dir = tempDir();
    const md = path.join(dir, "delar.md");
    const docx = path.join(dir, "delar.docx");
    writeFileSync(md, render(KATRINEHOLM, "delår", { format: "md" }));
    const r = spawnSync(pandoc!, ["-f", "gfm", "-t", "docx", "-o", docx, md], { encoding: "utf8" });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(statSync(docx).size).toBeGreaterThan(10_000);
    // The Word file holds the tables as tables: back to Markdown, the summary's rows are there.
    const back = spawnSync(pandoc!, ["-f", "docx", "-t", "gfm", docx], { encoding: "utf8" });
    expect(back.stdout).toMatch(/\| Ortsutveckling +\| ◐ Delvis uppfyllt +\| av 1 bedömd: 0 uppfyllt, 1 delvis, 0 ej; medelvärde 0,5 +\| 17 +\|/u);
  });
});
