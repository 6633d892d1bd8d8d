// A word-level diff of two texts (longest common subsequence over words and spaces).

export interface WordPart {
  op: "same" | "added" | "removed";
  text: string;
}

const tokens = (s: string): string[] => s.match(/\s+|[^\s]+/gu) ?? [];

/**
 * The most cells the table of one text may have (tokens × tokens of what is left of the two once
 * their common start and end are taken off: 2,000 against 2,000); more is shown as a whole
 * replacement.
 */
const MAX_CELLS = 4_000_000;

/** What one diff's word-level comparisons may take in all (wordDiff's `work`): four texts at the cap, about 0.1 s. */
export const wordDiffWork = (): { cells: number } => ({ cells: 4 * MAX_CELLS });

/**
 * The words of `from` and `to`: what they share, what `to` adds and what it removes. Their
 * common start and end are the same as they are (an edit of a few words in a long text is a
 * small table); what is left between is compared word by word when its table (tokens ×
 * tokens) is within MAX_CELLS and within what `work` has left, which it then uses up, and is
 * otherwise shown as a whole replacement. One `work` for a whole diff bounds its time
 * however many texts a change edits (each within the cap alone, 400 texts of 1,000 words with
 * their first and last words changed took 8 s).
 */
export function wordDiff(from: string, to: string, work: { cells: number } = { cells: MAX_CELLS }): WordPart[] {
  const parts: WordPart[] = [];
  const push = (op: WordPart["op"], text: string): void => {
    if (text === "") return;
    const prev = parts[parts.length - 1];
    if (prev && prev.op === op) prev.text += text;
    else parts.push({ op, text });
  };
  const a = tokens(from);
  const b = tokens(to);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let end = 0;
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
  push("same", a.slice(0, start).join(""));
  const x = a.slice(start, a.length - end);
  const y = b.slice(start, b.length - end);
  const common = a.slice(a.length - end);
  const cells = x.length * y.length;
  if (cells > MAX_CELLS || cells > work.cells) {
    push("removed", x.join(""));
    push("added", y.join(""));
    push("same", common.join(""));
  } else {
    work.cells -= cells;
    lcsParts(x, y, common, push);
  }
  return parts;
}

/**
 * The longest common subsequence of `a + common` and `b + common` as parts, each token kept
 * where comparing from the start first can, removals before additions: the whole texts' table
 * read from the start, from a table of `a` and `b` alone. A common end adds its length to every
 * cell of the table and changes no choice between them; once `a` or `b` is through, what is
 * left of the other and the common end is matched against the common end from the start, as
 * the whole table would match it ("företag {+i kommunen +}ska", not "företag{+ i kommunen+} ska").
 */
function lcsParts(a: readonly string[], b: readonly string[], common: readonly string[], push: (op: WordPart["op"], text: string) => void): void {
  const n = a.length;
  const m = b.length;
  const lcs: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      push("same", a[i]!);
      i++;
      j++;
    } else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) {
      push("removed", a[i++]!);
    } else {
      push("added", b[j++]!);
    }
  }
  // What is left of one text (the other is through), then the common end, against the common end.
  const [rest, op] = i < n ? [a.slice(i), "removed" as const] : [b.slice(j), "added" as const];
  let p = 0;
  for (const t of [rest, common]) {
    for (const token of t) {
      if (p < common.length && token === common[p]) {
        push("same", token);
        p++;
      } else push(op, token);
    }
  }
}
