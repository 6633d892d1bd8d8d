// Closest names, for "did you mean …?" in messages.

/** Table cells a run of suggestions may fill: a cap on hostile plans only (see LONGEST). */
export interface Work {
  cells: number;
}

/** About a second of work: thousands of typos against tens of thousands of unlike IDs fit; then suggestions stop. */
export const SUGGESTION_CELLS = 300_000_000;

/**
 * The edit distance of two folded strings when it is at most `max`, else max + 1. Only
 * the band of cells within `max` of the diagonal is filled, and the walk stops as soon as a
 * whole row exceeds `max`: a far candidate costs a row or two, not the full table.
 */
function within(s: string, t: string, max: number, row: Int32Array, work: Work): number {
  if (Math.abs(s.length - t.length) > max) return max + 1;
  if (s === t) return 0;
  const big = max + 1;
  const m = t.length;
  for (let j = 0; j <= m; j++) row[j] = j <= max ? j : big;
  for (let i = 1; i <= s.length; i++) {
    const lo = Math.max(1, i - max);
    const hi = Math.min(m, i + max);
    let diag = row[lo - 1]!;
    let left = lo === 1 ? i : big;
    row[lo - 1] = left;
    let least = left;
    const c = s.charCodeAt(i - 1);
    for (let j = lo; j <= hi; j++) {
      const up = row[j]!;
      let v = diag + (c === t.charCodeAt(j - 1) ? 0 : 1);
      if (up + 1 < v) v = up + 1;
      if (left + 1 < v) v = left + 1;
      if (v > big) v = big;
      diag = up;
      row[j] = v;
      left = v;
      if (v < least) least = v;
    }
    work.cells -= hi - lo + 1;
    if (least > max) return big;
  }
  return Math.min(row[m]!, big);
}

/** The form names are compared in: lower case, with å, ä, ö (and other marks) folded to a, a, o. */
const folded = (name: string): string => name.toLowerCase().normalize("NFD").replace(/\p{M}/gu, "");

/** Names longer than this get no suggestions: an ID has at most 64 characters (format.md). */
export const LONGEST = 128;

/**
 * Candidates grouped by the length of their folded form, made once and asked many times
 * (validate asks once per unknown reference): only lengths within reach are compared.
 */
export class Suggester {
  /** Candidates by the length of their folded form. */
  private readonly byLength = new Map<number, { lower: string; name: string }[]>();
  private row = new Int32Array(LONGEST * 2 + 2);

  constructor(candidates: Iterable<string>) {
    const seen = new Set<string>();
    for (const name of candidates) {
      if (seen.has(name)) continue;
      seen.add(name);
      if (name.length > LONGEST * 2) continue;
      const lower = folded(name);
      const list = this.byLength.get(lower.length);
      if (list) list.push({ lower, name });
      else this.byLength.set(lower.length, [{ lower, name }]);
    }
  }

  /**
   * Up to `limit` candidates close enough to `name` to be what was meant, nearest first and,
   * between equals, in code-unit order so the answer never depends on input order. Once
   * `limit` are found, only candidates as near as the farthest kept are worth the table.
   * Nothing is suggested once `work` is spent.
   */
  closest(name: string, limit = 3, work: Work = { cells: Infinity }): string[] {
    if (name.length > LONGEST || work.cells <= 0) return [];
    const max = Math.max(2, Math.floor(name.length / 3));
    const s = folded(name);
    const kept: [number, string][] = [];
    const before = (x: [number, string], y: [number, string]): boolean => x[0] < y[0] || (x[0] === y[0] && x[1] < y[1]);
    for (let len = Math.max(0, s.length - max); len <= s.length + max; len++) {
      for (const c of this.byLength.get(len) ?? []) {
        const bound = kept.length === limit ? kept[limit - 1]![0] : max;
        if (Math.abs(len - s.length) > bound) continue;
        if (this.row.length <= len) this.row = new Int32Array(len + 1);
        const d = within(s, c.lower, bound, this.row, work);
        if (work.cells <= 0) return [];
        if (d > bound) continue;
        const entry: [number, string] = [d, c.name];
        if (kept.length === limit && !before(entry, kept[limit - 1]!)) continue;
        let i = kept.length;
        while (i > 0 && before(entry, kept[i - 1]!)) i--;
        kept.splice(i, 0, entry);
        if (kept.length > limit) kept.pop();
      }
    }
    return kept.map((x) => x[1]);
  }
}

/** `Suggester.closest` for a single question. */
export function closest(name: string, candidates: Iterable<string>, limit = 3): string[] {
  return new Suggester(candidates).closest(name, limit);
}
