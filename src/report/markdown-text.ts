// The plan's Markdown text fields (text, beskrivning, kommentar, analys, motivering, avsnitt)
// made safe for a report: HTML through markdown-it with raw HTML off, or Markdown that
// cannot smuggle HTML or unsafe links into the Markdown report.
import MarkdownIt from "markdown-it";
import { hasGithubReference, noGithubReferences } from "../format/markdown.js";
import { terminalSafe } from "../format/text.js";

/** Schemes that never become links: they run code or read local files when clicked. */
const UNSAFE_SCHEME = /^(?:javascript|vbscript|data|file):/iu;

const md = new MarkdownIt("default", { html: false, linkify: false, typographer: false });
// Keep markdown-it's own check (it already refuses most of these) and add ours on top:
// its default lets data:image through, which we do not want either.
const defaultValidateLink = md.validateLink.bind(md);
md.validateLink = (url: string): boolean => defaultValidateLink(url) && !UNSAFE_SCHEME.test(url.trim());
// An image would be an external request when the report is opened: reports load nothing.
md.disable("image");
// A heading inside a text must sit below the section that shows the text, so the
// report keeps one h1 and ordered headings.
md.core.ruler.push("shift_headings", (state) => {
  const base = typeof state.env?.headingBase === "number" ? state.env.headingBase : 0;
  if (base === 0) return;
  for (const token of state.tokens) {
    if (token.type !== "heading_open" && token.type !== "heading_close") continue;
    const level = Math.min(6, Number(token.tag.slice(1)) + base);
    token.tag = `h${level}`;
  }
});

/** Markdown text → sanitised HTML. `headingBase`: the level of the heading the text sits under. */
export function markdownToHtml(text: string, headingBase = 0): string {
  return md.render(text, { headingBase }).trimEnd();
}

/**
 * Code spans and fenced blocks, where nothing is interpreted and nothing may be changed. A code
 * span closes only on a run of exactly as many backticks as opened it (CommonMark): `a``` is no span.
 */
const CODE = new RegExp(
  [
    // A backtick fence (\x60 is the backtick): its info string holds no backtick, else the line is a code span.
    "(?<=^|\\n) {0,3}(\\x60{3,})[^\\x60\\n]*\\n[\\s\\S]*?(?:\\n {0,3}\\1\\x60*[ \\t]*(?=\\n|$)|$)",
    "(?<=^|\\n) {0,3}(~{3,})[^\\n]*\\n[\\s\\S]*?(?:\\n {0,3}\\2~*[ \\t]*(?=\\n|$)|$)",
    // A code span closes on a run of exactly as many backticks as opened it.
    "(?<!\\x60)(\\x60+)(?!\\x60)[\\s\\S]*?(?<!\\x60)\\3(?!\\x60)",
  ].join("|"),
  "gu",
);

/** Link destinations, where a zero-width space would break the address. */
const CODE_OR_DESTINATION = new RegExp(`${CODE.source}|\\]\\(\\s*[^\\s)]*`, "gu");

/** Apply `fix` to the parts of `text` that `keep` does not match. */
function outside(text: string, keep: RegExp, fix: (s: string) => string): string {
  let out = "";
  let last = 0;
  for (const m of text.matchAll(keep)) {
    out += fix(text.slice(last, m.index)) + m[0];
    last = m.index + m[0].length;
  }
  return out + fix(text.slice(last));
}

/** What makes HTML, an image or a link reference: `<` as an entity, `![` and a definition's `[` escaped. */
const neutralise = (s: string): string =>
  s
    .replace(/</gu, "&lt;")
    .replace(/!\[/gu, "!\\[")
    .replace(/^( {0,3})\[([^\]\n]+)\]:/gmu, "$1\\[$2\\]:");

/**
 * Whether markdown-it (raw HTML on, as GitHub allows some) sees HTML, an image, a heading
 * above `headingBase` or a GitHub reference outside code in `text`: what the code detection
 * above may have let through (a fence inside a list item ends where the item does, which a
 * line-based look cannot know).
 */
function escapedCode(text: string, headingBase: number): boolean {
  const tokens = htmlParser.parse(text, {});
  const bad = (t: { type: string; tag: string; content: string; children: unknown[] | null }): boolean =>
    t.type === "html_block" ||
    t.type === "html_inline" ||
    t.type === "image" ||
    (t.type === "heading_open" && Number(t.tag.slice(1)) <= headingBase) ||
    (t.type === "text" && hasGithubReference(t.content)) ||
    (t.children ?? []).some((c) => bad(c as typeof t));
  return tokens.some(bad);
}
const htmlParser = new MarkdownIt("default", { html: true, linkify: false, typographer: false });

/**
 * A fence the text opens and never closes would hold the rest of the report: close it.
 * Only a fence at the top level can outlive the text (a list item or a quote ends at the
 * blank line the templates put after it).
 */
function closeFences(text: string): string {
  const lines = text.split("\n");
  const open = htmlParser.parse(text, {}).find((t) => {
    if (t.type !== "fence" || t.level !== 0 || !t.map || t.map[1] < lines.length) return false;
    const last = lines[t.map[1] - 1]!;
    return t.map[1] - t.map[0] < 2 || !new RegExp(`^ {0,3}${t.markup[0] === "`" ? "`" : "~"}{${t.markup.length},}[ \\t]*$`, "u").test(last);
  });
  return open ? `${text}\n${open.markup}` : text;
}

/**
 * A Markdown text field for the Markdown report, as Markdown: `<` is escaped so raw
 * HTML renders as text (format.md: raw HTML is never HTML), images and link reference
 * definitions are shown as text, unsafe links are made literal, ATX headings are shifted
 * below `headingBase` and setext underlines cannot make a heading, `@name` and `#123` do
 * not ping or link on GitHub, and a fence left open is closed.
 */
export function markdownBlock(text: string, headingBase = 0): string {
  const normalised = terminalSafe(text.replace(/\r\n?/gu, "\n")).replace(/[ \t]+$/gmu, "").trim();
  const structural = (s: string): string =>
    neutralise(s)
      .replace(/\]\(\s*(?=(?:&lt;)?\s*(?:javascript|vbscript|data|file):)/giu, "]\\(")
      // A heading at the start of a line, or inside list items and block quotes ("1. # x", "> - # x").
      .replace(/^([ \t]*(?:(?:[-+*]|\d{1,9}[.)])[ \t]+|>[ \t]*)*)(#{1,6})(?=[ \t]|$)/gmu, (_, lead: string, hashes: string) => lead + "#".repeat(Math.min(6, hashes.length + headingBase)))
      .replace(/^( {0,3})(=+)$/gmu, "$1\\$2")
      .replace(/([^\n])\n( {0,3}-+)$/gmu, "$1\n\n$2");
  let md = outside(outside(normalised, CODE, structural), CODE_OR_DESTINATION, noGithubReferences);
  // Where the parser disagrees with the code detection, code loses its exemption: safe first.
  if (escapedCode(md, headingBase)) md = outside(structural(normalised), /\]\(\s*[^\s)]*/gu, noGithubReferences);
  // A link destination that is none (`](#12` with no link around it) is text: no exemption left.
  if (escapedCode(md, headingBase)) md = noGithubReferences(structural(normalised));
  return closeFences(md);
}
