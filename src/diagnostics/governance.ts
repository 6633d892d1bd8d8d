// The lines `plan diff` writes for decided-changed-without-decision, in each language. The
// JSON message is the code's own (codes-content.ts); the text and Markdown lines also name
// the file and what changed, and Markdown marks IDs as code.
import type { DecidedChange } from "./codes-content.js";
import type { Lang } from "./entry.js";

/** One terminal line, without indentation or marker. */
export function decidedChangeLine(a: DecidedChange, lang: Lang): string {
  const changed = a.entities.join(", ");
  return lang === "sv"
    ? `${a.typ} ${a.id} (${a.file}) är beslutad: ${changed} har ändrats utan en ny beslutsreferens (beslut)`
    : `${a.typ} ${a.id} (${a.file}) is beslutad: ${changed} changed without a new decision reference (beslut)`;
}

/** How Markdown shows plan text: `code` for IDs and paths, `text` escaped (src/format/markdown.ts). */
export interface MarkdownWords {
  code: (s: string) => string;
  text: (s: string) => string;
}

/** One Markdown list item's text. */
export function decidedChangeMarkdown(a: DecidedChange, lang: Lang, md: MarkdownWords): string {
  const changed = a.entities.map(md.code).join(", ");
  const head = `${md.code(a.id)} (${md.text(a.typ)}, ${md.code(a.file)})`;
  return lang === "sv"
    ? `${head} är *beslutad*: ${changed} har ändrats utan en ny beslutsreferens (\`beslut\`)`
    : `${head} is *beslutad*: ${changed} changed without a new decision reference (\`beslut\`)`;
}
