// Text from the plan made safe inside Markdown (GitHub-flavoured) and inside table cells.
// Every text is used inline (after a list marker, inside a cell or a heading), so only the
// inline syntax needs escaping; HTML characters become entities, so no tag can open.
import { terminalSafe } from "./text.js";

/**
 * What GitHub turns into a notification or a link when a comment is posted: `@name`, `#123`,
 * `GH-123` and a commit SHA (7–40 hex digits with a digit and a letter). A zero-width space
 * (as the entity, so the source shows it) breaks each, as Renovate does in its pull requests;
 * the text reads the same. `@` after a letter or digit (an e-mail address) does not mention.
 */
const GITHUB_REFERENCE = /(?<![A-Za-z0-9])@(?=[A-Za-z0-9])|#(?=\d)|(?<![A-Za-z0-9])GH-(?=\d)|(?<![A-Za-z0-9])(?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{7,40}(?![A-Za-z0-9])/giu;
const ZWSP = "&#8203;";

const ONE_REFERENCE = new RegExp(GITHUB_REFERENCE.source, "iu");

/** Whether a rendered text (entities decoded) still holds something GitHub would ping or link. */
export function hasGithubReference(s: string): boolean {
  return ONE_REFERENCE.test(s);
}

/** `@`, `#123`, `GH-123` and SHAs of a Markdown text with zero-width spaces in them, so none pings or links. */
export function noGithubReferences(s: string): string {
  return s.replace(GITHUB_REFERENCE, (m) => (/^[0-9a-f]+$/iu.test(m) ? m.replace(/(.{6})(?=.)/gu, `$1${ZWSP}`) : `${m}${ZWSP}`));
}

/** Escape Markdown syntax and HTML in a one-line text so it renders literally. */
export function mdText(s: string): string {
  const inline = terminalSafe(s.replace(/\r?\n|\r/gu, " "), true)
    .replace(/[\\`*_[\]|~]/gu, (c) => `\\${c}`)
    .replace(/&/gu, "&amp;")
    .replace(/</gu, "&lt;")
    .replace(/>/gu, "&gt;");
  // A text may land at the start of a line, after spaces too (a line break became a space):
  // no heading, list item or setext underline from it.
  return noGithubReferences(inline)
    .replace(/^([ \t]*)(?=#{1,6}(?:[ \t]|$)|[+-](?:[ \t]|$)|(?:=+|-+)[ \t]*$)/u, "$1\\")
    .replace(/^([ \t]*\d{1,9})([.)])(?=\s|$)/u, "$1\\$2");
}

/**
 * An ID or path as a code span. Where a code span cannot hold it safely (a backtick, a pipe
 * that would split a table cell, a line break, an angle bracket), it is shown as escaped text.
 */
export function mdCode(id: string): string {
  const safe = terminalSafe(id, true);
  if (/[`|\r\n<>&]/u.test(safe)) return mdText(id);
  return `\`${safe}\``;
}
