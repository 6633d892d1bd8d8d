// Text from the plan made safe inside Markdown (GitHub-flavoured) and inside table cells.

/** Escape Markdown syntax and HTML in a one-line text so it renders literally. */
export function mdText(s: string): string {
  return s
    .replace(/\r?\n/gu, " ")
    .replace(/[\\`*_{}[\]()#+!|~>-]/gu, (c) => `\\${c}`)
    .replace(/&/gu, "&amp;")
    .replace(/</gu, "&lt;")
    .replace(/>/gu, "&gt;");
}

/** An ID shown as code: backticks inside are impossible in IDs, so a plain code span is safe. */
export function mdCode(id: string): string {
  return `\`${id.replace(/`/gu, "")}\``;
}
