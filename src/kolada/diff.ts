// What --torrt prints: a unified diff of each file plan kolada would write. The changes are
// known exactly (the editor's splices), so the diff is made from them, not searched for.
import { applyEdits, type Edit } from "./edit.js";

const CONTEXT = 3;

/** The lines of `s`, each with its newline (the last may have none). */
const linesOf = (s: string): string[] => s.match(/[^\n]*\n|[^\n]+$/gu) ?? [];

/** A changed stretch of whole lines: old lines [from, to) and what replaces them. */
interface Block {
  from: number;
  to: number;
  start: number;
  end: number;
  edits: Edit[];
}

function blocks(before: string, edits: readonly Edit[]): Block[] {
  const out: Block[] = [];
  for (const e of [...edits].sort((a, b) => a.start - b.start)) {
    const start = before.lastIndexOf("\n", e.start - 1) + 1;
    // An insertion at the start of a line touches no old line; any other edit the lines it spans.
    const pure = e.start === e.end && start === e.start;
    const nl = before.indexOf("\n", Math.max(e.start, e.end - 1));
    const end = pure ? start : e.end > e.start && before[e.end - 1] === "\n" ? e.end : nl < 0 ? before.length : nl + 1;
    const last = out[out.length - 1];
    if (last && start < last.end) {
      last.end = Math.max(last.end, end);
      last.edits.push(e);
    } else {
      out.push({ from: 0, to: 0, start, end, edits: [e] });
    }
  }
  // The blocks stand in text order: each line number counts on from the one before, not from
  // the top (a follow-up with a row per åtagande gets a block per row).
  let counted = 0;
  let line = 0;
  for (const b of out) {
    for (let i = before.indexOf("\n", counted); i >= 0 && i < b.start; i = before.indexOf("\n", i + 1)) line++;
    counted = b.start;
    b.from = line;
    b.to = b.from + linesOf(before.slice(b.start, b.end)).length;
  }
  return out;
}

/** `lines` added at the end of `to` one by one, not push(...): a new file of many rows is one block. */
function append(to: string[], lines: readonly string[]): void {
  for (const l of lines) to.push(l);
}

const marked = (sign: string, lines: string[]): string[] => lines.map((l) => (l.endsWith("\n") ? `${sign}${l}` : `${sign}${l}\n\\ No newline at end of file\n`));

/** A unified diff of `file` from `before` (undefined: a new file) to `before` with `edits` applied; "" when nothing changes. */
export function unifiedDiff(file: string, before: string | undefined, edits: readonly Edit[]): string {
  const old = before ?? "";
  if (edits.length === 0 || applyEdits(old, edits) === old) return "";
  const oldLines = linesOf(old);
  const hunks: { from: number; to: number; body: string[]; added: number }[] = [];
  for (const b of blocks(old, edits)) {
    const segment = old.slice(b.start, b.end);
    const shifted = b.edits.map((e) => ({ ...e, start: e.start - b.start, end: e.end - b.start }));
    const removed = linesOf(segment);
    const added = linesOf(applyEdits(segment, shifted));
    const lo = Math.max(0, b.from - CONTEXT);
    const prev = hunks[hunks.length - 1];
    const body = [...marked("-", removed), ...marked("+", added)];
    if (prev && lo <= prev.to + CONTEXT) {
      append(prev.body, marked(" ", oldLines.slice(prev.to, b.from)));
      append(prev.body, body);
      prev.to = b.to;
      prev.added += added.length - removed.length;
    } else {
      if (prev) append(prev.body, marked(" ", oldLines.slice(prev.to, Math.min(oldLines.length, prev.to + CONTEXT))));
      hunks.push({ from: lo, to: b.to, body: [...marked(" ", oldLines.slice(lo, b.from)), ...body], added: added.length - removed.length });
    }
  }
  const lastHunk = hunks[hunks.length - 1]!;
  append(lastHunk.body, marked(" ", oldLines.slice(lastHunk.to, Math.min(oldLines.length, lastHunk.to + CONTEXT))));
  let shift = 0;
  const out = [`--- ${before === undefined ? "/dev/null" : `a/${file}`}\n`, `+++ b/${file}\n`];
  for (const h of hunks) {
    const oldCount = h.body.filter((l) => l.startsWith(" ") || l.startsWith("-")).length;
    const newCount = h.body.filter((l) => l.startsWith(" ") || l.startsWith("+")).length;
    const range = (start: number, count: number): string => `${count === 0 ? start : start + 1}${count === 1 ? "" : `,${count}`}`;
    out.push(`@@ -${range(h.from, oldCount)} +${range(h.from + shift, newCount)} @@\n`);
    append(out, h.body);
    shift += h.added;
  }
  return out.join("");
}
