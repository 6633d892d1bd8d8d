// A word-level diff of two texts (longest common subsequence over words and spaces).

export interface WordPart {
  op: "same" | "added" | "removed";
  text: string;
}

const tokens = (s: string): string[] => s.match(/\s+|[^\s]+/gu) ?? [];

/** Texts longer than this many tokens are shown as a whole replacement. */
const MAX_TOKENS = 4000;

export function wordDiff(from: string, to: string): WordPart[] {
  const a = tokens(from);
  const b = tokens(to);
  if (a.length * b.length > MAX_TOKENS * MAX_TOKENS / 4) {
    return [
      { op: "removed", text: from },
      { op: "added", text: to },
    ];
  }
  const n = a.length;
  const m = b.length;
  const lcs: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const parts: WordPart[] = [];
  const push = (op: WordPart["op"], text: string): void => {
    const prev = parts[parts.length - 1];
    if (prev && prev.op === op) prev.text += text;
    else parts.push({ op, text });
  };
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
  while (i < n) push("removed", a[i++]!);
  while (j < m) push("added", b[j++]!);
  return parts;
}
