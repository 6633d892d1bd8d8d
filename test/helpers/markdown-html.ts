// What the diff's Markdown may hold as raw HTML: its own few tags and nothing else. Shared by
// the diff's Markdown tests (safety) and its Swedish ones (a reviewer's view).
import type Token from "markdown-it/lib/token.mjs";

/** The tags the diff's Markdown writes itself. */
const OWN_TAGS = /<\/?(?:details|summary|ins|del)>/gu;

/** Raw HTML tokens (block or inline) that hold more markup than the output's own tags. */
export function foreignHtml(tokens: Token[]): string[] {
  const raw: string[] = [];
  const walk = (list: Token[]): void => {
    for (const t of list) {
      if (t.type === "html_block" || t.type === "html_inline") raw.push(t.content);
      if (t.children) walk(t.children);
    }
  };
  walk(tokens);
  return raw.filter((s) => /[<>]/u.test(s.replace(OWN_TAGS, "")));
}
