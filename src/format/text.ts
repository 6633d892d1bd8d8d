/** Code points HTML forbids (controls but tab, newline, form feed, carriage return; noncharacters). */
const NOT_IN_HTML = /[\u0000-\u0008\u000b\u000e-\u001f\u007f-\u009f\ufdd0-\ufdef\ufffe\uffff]/gu;

/** Text without the code points no HTML page may hold (a plan text may hold them; a page drops them). */
export const withoutNonHtml = (s: string): string => s.replace(NOT_IN_HTML, "");

/** Shorten a text to at most `max` characters (code points, so no character is split), ending in … */
export function clip(s: string, max: number): string {
  const chars = Array.from(s);
  return chars.length > max ? `${chars.slice(0, max - 1).join("")}…` : s;
}

/**
 * Characters a terminal obeys instead of showing: C0 controls but tab and newline, DEL, C1
 * controls, and the bidirectional marks, embeddings, overrides and isolates that can make a
 * line read differently from what it holds (U+061C, U+200E/F, U+202A–E, U+2066–9), plus the
 * Unicode line and paragraph separators.
 */
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu;
const UNSAFE_OR_NEWLINE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu;

const escapeChar = (c: string): string => {
  const n = c.codePointAt(0)!;
  return n <= 0xff ? `\\x${n.toString(16).padStart(2, "0")}` : `\\u${n.toString(16).padStart(4, "0")}`;
};

/**
 * Text from a plan or a file name made safe for a terminal (and a CI log): every character
 * above is shown as an escape such as `\x1b` or `\u202e`. `oneLine` escapes newlines too, for
 * texts that must not start a line of their own (a file name, a message, a table cell).
 */
export function terminalSafe(s: string, oneLine = false): string {
  return s.replace(oneLine ? UNSAFE_OR_NEWLINE : UNSAFE, escapeChar);
}
