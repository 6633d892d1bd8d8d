// Text from the plan made safe inside Markdown (GitHub-flavoured) and inside table cells.
// Every text is used inline (after a list marker, inside a cell or a heading), so only the
// inline syntax needs escaping; HTML characters become entities, so no tag can open.

/** Escape Markdown syntax and HTML in a one-line text so it renders literally. */
export function mdText(s: string): string {
  return s
    .replace(/\r?\n|\r/gu, " ")
    .replace(/[\\`*_[\]|~]/gu, (c) => `\\${c}`)
    .replace(/&/gu, "&amp;")
    .replace(/</gu, "&lt;")
    .replace(/>/gu, "&gt;");
}

/**
 * An ID or path as a code span. Where a code span cannot hold it safely (a backtick, a pipe
 * that would split a table cell, a line break, an angle bracket), it is shown as escaped text.
 */
export function mdCode(id: string): string {
  if (/[`|\r\n<>&]/u.test(id)) return mdText(id);
  return `\`${id}\``;
}
