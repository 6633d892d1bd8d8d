// The plan's Markdown text fields (text, beskrivning, kommentar, analys, motivering, avsnitt)
// made safe for a report: HTML through markdown-it with raw HTML off, or Markdown that
// cannot smuggle HTML or unsafe links into the Markdown report.
import MarkdownIt from "markdown-it";

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

export { md as markdownIt };

/** Markdown text → sanitised HTML. `headingBase`: the level of the heading the text sits under. */
export function markdownToHtml(text: string, headingBase = 0): string {
  return md.render(text, { headingBase }).trimEnd();
}

/** Code spans and fenced blocks, where nothing is interpreted and nothing may be changed. */
const CODE = /(`{3,}|~{3,})[^\n]*\n[\s\S]*?(?:\n\1[^\n]*|$)|(`+)[^`][\s\S]*?\2/gu;

/** Apply `fix` to the parts of `text` outside code. */
function outsideCode(text: string, fix: (s: string) => string): string {
  let out = "";
  let last = 0;
  for (const m of text.matchAll(CODE)) {
    out += fix(text.slice(last, m.index)) + m[0];
    last = m.index + m[0].length;
  }
  return out + fix(text.slice(last));
}

/**
 * A Markdown text field for the Markdown report, as Markdown: `<` is escaped so raw
 * HTML renders as text (format.md: raw HTML is never HTML), unsafe links are made
 * literal, and ATX headings are shifted below `headingBase`.
 */
export function markdownBlock(text: string, headingBase = 0): string {
  const normalised = text.replace(/\r\n?/gu, "\n").replace(/[ \t]+$/gmu, "").trim();
  return outsideCode(normalised, (s) =>
    s
      .replace(/</gu, "&lt;")
      .replace(/\]\(\s*(?=(?:&lt;)?\s*(?:javascript|vbscript|data|file):)/giu, "]\\(")
      .replace(/^( {0,3})\[([^\]\n]+)\]:(?=\s*(?:&lt;)?\s*(?:javascript|vbscript|data|file):)/gimu, "$1\\[$2\\]:")
      .replace(/^( {0,3})(#{1,6})(?=[ \t]|$)/gmu, (_, indent: string, hashes: string) => indent + "#".repeat(Math.min(6, hashes.length + headingBase))),
  );
}
