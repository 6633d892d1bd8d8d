// Issue 8, class 7: plan text cannot drive the terminal or break the Markdown of a report or a
// pull-request comment. In-process: a plan's texts replaced by hostile strings, rendered and parsed.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import MarkdownIt from "markdown-it";
import type Token from "markdown-it/lib/token.mjs";
import { describe, expect, it } from "vitest";
import { isMap, isScalar, parseDocument, Scalar, visit } from "yaml";
import { checkPlan } from "../src/check/index.js";
import { periodFor } from "../src/report/period.js";
import { comparePlans } from "../src/diff/compare.js";
import { formatGithub, formatPretty } from "../src/format/diagnostics.js";
import { diffMarkdown, diffText } from "../src/format/diff.js";
import { mdText } from "../src/format/markdown.js";
import { statsText } from "../src/format/stats.js";
import { statusText } from "../src/format/status.js";
import { terminalSafe } from "../src/format/text.js";
import { traceText } from "../src/format/trace.js";
import { loadFrom, memorySource } from "../src/load/load-plan.js";
import { planStats } from "../src/model/stats.js";
import { tree, visionOf } from "../src/model/thread.js";
import { diagnostic, type Diagnostic } from "../src/diagnostics/index.js";
import { markdownBlock } from "../src/report/markdown-text.js";
import { templateDirs } from "../src/report/render.js";
import { renderReport } from "../src/report/report.js";
import { computeStatus, followUpPeriods } from "../src/status/engine.js";
import { MINIMAL } from "./report-helpers.js";

const md = new MarkdownIt({ html: true });

/** Control characters a terminal obeys, and the bidi controls that reorder a line. */
const FORBIDDEN = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

/** Keys whose string values are the plan's own words (names, texts, comments). */
const TEXT_KEYS = new Set(["namn", "text", "kommentar", "analys", "beskrivning", "motivering", "rubrik", "händelser_av_väsentlig_betydelse", "förväntad_utveckling"]);

function readPlan(dir: string, rel = "", out = new Map<string, string>()): Map<string, string> {
  for (const name of readdirSync(path.join(dir, rel))) {
    const r = rel === "" ? name : `${rel}/${name}`;
    if (statSync(path.join(dir, r)).isDirectory()) readPlan(dir, r, out);
    else if (/\.ya?ml$/u.test(r)) out.set(r, readFileSync(path.join(dir, r), "utf8"));
  }
  return out;
}

const ORIGINAL = readPlan(MINIMAL);

/**
 * The plan with every text replaced by `text(n)` (n counts the texts, so they differ). Each
 * replaced text is written double-quoted: `yaml` writes some texts plain that it cannot read
 * back (":\n===\n<" became `kommentar: :` and lines below, a yaml-syntax error), and this
 * test is about what the reports make of a text, not about that writer.
 */
function planWith(text: (n: number) => string) {
  let n = 0;
  const replace = (s: Scalar, value: string): void => {
    s.value = value;
    s.type = Scalar.QUOTE_DOUBLE;
  };
  const files = new Map<string, Uint8Array>();
  for (const [rel, src] of ORIGINAL) {
    const doc = parseDocument(src);
    visit(doc, {
      Pair: (_, pair) => {
        if (isScalar(pair.key) && TEXT_KEYS.has(String(pair.key.value)) && isScalar(pair.value) && typeof pair.value.value === "string") {
          replace(pair.value, text(n++));
        }
        if (isScalar(pair.key) && pair.key.value === "avsnitt" && isMap(pair.value)) {
          for (const item of pair.value.items) if (isScalar(item.value)) replace(item.value, text(n++));
        }
      },
    });
    files.set(rel, Buffer.from(doc.toString({ lineWidth: 0 })));
  }
  const loaded = loadFrom(memorySource(files), "/plan", { parallel: false });
  return checkPlan(loaded.docs, loaded.diagnostics);
}

const base = planWith((n) => `Ord ${n}`);

function allTokens(list: Token[], out: Token[] = []): Token[] {
  for (const t of list) {
    out.push(t);
    if (t.children) allTokens(t.children, out);
  }
  return out;
}

/** What markdown-it makes of a Markdown document that plan text could have changed. */
function shape(text: string) {
  const tokens = allTokens(md.parse(text, {}));
  return {
    html: tokens.filter((t) => t.type === "html_block" || t.type === "html_inline").map((t) => t.content.trim()),
    images: tokens.filter((t) => t.type === "image").length,
    hrefs: tokens.filter((t) => t.type === "link_open").map((t) => t.attrGet("href") ?? ""),
    topHeadings: tokens.filter((t) => t.type === "heading_open" && (t.tag === "h1" || t.tag === "h2")).length,
    tables: tokens.filter((t) => t.type === "table_open").length,
    // What GitHub would turn into a mention or an issue link: in text, not in code.
    pings: tokens.filter((t) => t.type === "text" && /(?:^|[^A-Za-z0-9])@[A-Za-z0-9]|#\d|(?:^|[^A-Za-z0-9])GH-\d/iu.test(t.content)).map((t) => t.content),
  };
}

function reportMd(plan: ReturnType<typeof planWith>["plan"]): string {
  const period = periodFor(plan, "delår", {});
  return renderReport(plan, { phase: "delår", period, lang: "sv", format: "md", dirs: templateDirs(MINIMAL) });
}

const UNITS = [..."<>&`|[]()!#@*_~\n\\:-=.1 aåZ/", "\u001b", "\r", "\u0007", "\u009b", "\u202e", "\u2066", "\u200f", "<!--", "<img src=http://x/y.png>", "</details>", "<script>", "```", "~~~", "![x](http://x/t.png)", "[r]: http://evil", "@octocat", "#12", "GH-7", "deadbeef12", "\n# ", "\n===\n", "\n---\n", "    ", "- ", "1. ", "javascript:", "&#64;"];
const hostile = fc.string({ unit: fc.constantFrom(...UNITS), minLength: 1, maxLength: 24 });

describe("text output never passes control characters", () => {
  it("terminalSafe escapes C0 (but newline and tab), DEL, C1 and bidi controls, and leaves Swedish alone", () => {
    expect(terminalSafe("a\u001b[31mb\u0007c\u007f\u0085\u202ed\u2066e\u200ff\u061cg\tå\n")).toBe("a\\x1b[31mb\\x07c\\x7f\\x85\\u202ed\\u2066e\\u200ff\\u061cg\tå\n");
    expect(terminalSafe("rad 1\nrad 2", true)).toBe("rad 1\\x0arad 2");
    expect(terminalSafe("Åtagande: öka andelen – 85 % (målvärde)")).toBe("Åtagande: öka andelen – 85 % (målvärde)");
  });

  it("trace, stats, status, diff and validate text hold no control or bidi character from plan text", () => {
    fc.assert(
      fc.property(hostile, (h) => {
        const { plan, diagnostics } = planWith((n) => `${h}${n}`);
        const year = 2026;
        const vision = visionOf(plan, year);
        const period = followUpPeriods(plan).at(-1);
        const diag = diagnostic("orphan", { file: `a${h}.yaml`, line: 1, column: 1, id: h }, { kind: "aktivitet", id: h, via: [] });
        const outputs = [
          ...(vision ? [traceText({ year, down: tree(plan, vision, year) }, "sv", false)] : []),
          statsText(planStats(plan, year), "sv", false),
          ...(period ? [statusText(computeStatus(plan, { period }), "sv", false)] : []),
          diffText({ base: h, head: "worktree", diff: comparePlans(base, { plan, diagnostics }), lang: "sv" }, false),
          formatPretty([...diagnostics, diag], 3, "sv", false),
        ];
        for (const o of outputs) expect(o).not.toMatch(FORBIDDEN);
      }),
      { numRuns: 25, examples: [["javascript:\n<"]] },
    );
  });

  it("a GitHub annotation holds one workflow command per diagnostic, whatever the file name and text", () => {
    const diag = (h: string): Diagnostic => diagnostic("orphan", { file: `x${h}.yaml`, line: 2, column: 3, id: h }, { kind: "aktivitet", id: h, via: [] });
    fc.assert(
      fc.property(fc.array(hostile, { minLength: 1, maxLength: 4 }), (hs) => {
        const lines = formatGithub(hs.map(diag), 1, "en", "").trimEnd().split("\n");
        expect(lines).toHaveLength(hs.length + 1);
        for (const line of lines.slice(0, -1)) {
          expect(line).toMatch(/^::error file=[^,:]*,line=2,col=3,title=orphan::/u);
          expect(line).not.toMatch(FORBIDDEN);
        }
        expect(lines.at(-1)).not.toMatch(/^::/u);
      }),
    );
    expect(formatGithub([diag("\n::warning file=evil::pwned")], 1, "en", "")).not.toMatch(/\n::warning/u);
  });
});

describe("Markdown output cannot be broken by plan text", () => {
  const plainReport = shape(reportMd(base.plan));

  it("the delårsrapport: no HTML, image, heading, ping or lost table that the plan text did not show as text", () => {
    fc.assert(
      fc.property(hostile, (h) => {
        const s = shape(reportMd(planWith((n) => `${h} ${n}`).plan));
        expect(s.html).toEqual(plainReport.html);
        expect(s.images).toBe(0);
        for (const href of s.hrefs) expect(href).not.toMatch(/^\s*(?:javascript|vbscript|data|file):/iu);
        expect(s.topHeadings).toBe(plainReport.topHeadings);
        expect(s.tables).toBeGreaterThanOrEqual(plainReport.tables);
        expect(s.pings).toEqual([]);
      }),
      // A run of three backticks does not close a span opened by one: the ID after it is text.
      { numRuns: 40, examples: [["1. #"], ["> - # x"], ["](#12<"], ["`GH-7```"], ["``@x` y``"], ["```<```\n#12<"], ["~~~\n@x\n~~~x\n@y"]] },
    );
  });

  it("plan diff --format md: only its own tags, no image, no ping, headings and tables kept", () => {
    const plain = shape(diffMarkdown({ base: "main", head: "worktree", diff: comparePlans(base, planWith((n) => `Annat ${n}`)), lang: "sv" }));
    fc.assert(
      fc.property(hostile, (h) => {
        const s = shape(diffMarkdown({ base: h, head: "worktree", diff: comparePlans(base, planWith((n) => `${h} ${n}`)), lang: "sv" }));
        for (const raw of s.html) expect(raw.replace(/<\/?(?:details|summary|ins|del)>/gu, "")).not.toMatch(/[<>]/u);
        expect(s.images).toBe(0);
        expect(s.pings).toEqual([]);
        expect(s.topHeadings).toBe(plain.topHeadings);
      }),
      // A line break before a heading mark once became " # …" at the start of a line.
      { numRuns: 40, examples: [["\n# <"], [" 1. x"]] },
    );
  });

  it("a rich text keeps emphasis, lists and http links, and loses images, HTML, open fences and setext headings", () => {
    const out = markdownBlock("*viktigt* och [länk](https://example.org)\n\n- ett\n- två\n\n![spår](http://evil/p.png) <img src=http://evil/p.png>\n\nRubrik\n===\n\n```\n<!-- swallowed", 2);
    const tokens = allTokens(md.parse(`${out}\n\n## Efter\n`, {}));
    expect(tokens.some((t) => t.type === "em_open")).toBe(true);
    expect(tokens.some((t) => t.type === "bullet_list_open")).toBe(true);
    expect(tokens.find((t) => t.type === "link_open")?.attrGet("href")).toBe("https://example.org");
    expect(tokens.filter((t) => t.type === "image" || t.type.startsWith("html"))).toEqual([]);
    expect(tokens.filter((t) => t.type === "heading_open").map((t) => t.tag)).toEqual(["h2"]);
  });

  it("@mentions, #123, GH-1 and SHAs read the same but do not link; e-mail addresses stay whole", () => {
    const text = "Fråga @kommunchef om #123, GH-4 och a1b2c3d4e5 (kontakt: info@kommun.se)";
    const out = mdText(text);
    expect(out).toBe("Fråga @&#8203;kommunchef om #&#8203;123, GH-&#8203;4 och a1b2c3&#8203;d4e5 (kontakt: info@kommun.se)");
    expect(md.renderInline(out).replace(/\u200b/gu, "")).toBe(md.utils.escapeHtml(text));
  });
});
