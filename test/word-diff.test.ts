// plan diff shows an edited text word by word: what both share, what is added, what is removed.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { wordDiff, type WordPart } from "../src/diff/words.js";

/**
 * The oracle: the whole texts' table of longest common subsequences, read from the start (a
 * token kept where it can be, removals before additions), as wordDiff did before it took the
 * common start and end off.
 */
function byWholeTable(from: string, to: string): WordPart[] {
  const a = from.match(/\s+|[^\s]+/gu) ?? [];
  const b = to.match(/\s+|[^\s]+/gu) ?? [];
  const lcs = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) for (let j = b.length - 1; j >= 0; j--) lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const parts: WordPart[] = [];
  const push = (op: WordPart["op"], text: string): void => {
    const prev = parts[parts.length - 1];
    if (prev && prev.op === op) prev.text += text;
    else parts.push({ op, text });
  };
  let [i, j] = [0, 0];
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      push("same", a[i++]!);
      j++;
    } else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) push("removed", a[i++]!);
    else push("added", b[j++]!);
  }
  while (i < a.length) push("removed", a[i++]!);
  while (j < b.length) push("added", b[j++]!);
  return parts;
}

const of = (parts: readonly WordPart[], ops: readonly WordPart["op"][]): string => parts.filter((p) => ops.includes(p.op)).map((p) => p.text).join("");

const words = fc.array(fc.constantFrom("mål", "ska", "öka", " ", "\n", "år", "Fler"), { maxLength: 16 });

describe("wordDiff", () => {
  it("gives back both texts in parts that are never empty, and never two of one kind in a row", () => {
    fc.assert(
      fc.property(words, words, (x, y) => {
        const [from, to] = [x.join(""), y.join("")];
        const parts = wordDiff(from, to);
        expect(of(parts, ["same", "removed"])).toBe(from);
        expect(of(parts, ["same", "added"])).toBe(to);
        expect(parts.every((p) => p.text !== "")).toBe(true);
        expect(parts.every((p, i) => i === 0 || parts[i - 1]!.op !== p.op)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it("gives what the whole table gives, though it takes the common start and end off first", () => {
    fc.assert(
      fc.property(words, words, (x, y) => {
        const [from, to] = [x.join(""), y.join("")];
        expect(wordDiff(from, to)).toEqual(byWholeTable(from, to));
      }),
      { numRuns: 20000 },
    );
    // An insertion starts where comparing from the start puts it, not where the common end leaves it.
    expect(wordDiff("Antalet företag ska öka", "Antalet företag i kommunen ska öka")).toEqual([
      { op: "same", text: "Antalet företag " },
      { op: "added", text: "i kommunen " },
      { op: "same", text: "ska öka" },
    ]);
  });

  it("shows what lies between the common start and end as a whole replacement once the diff's budget is spent", () => {
    const from = "Fler invånare ska vara i arbete eller studier";
    const to = "Fler unga ska vara i arbete, praktik eller studier";
    expect(wordDiff(from, to, { cells: 0 })).toEqual([
      { op: "same", text: "Fler " },
      { op: "removed", text: "invånare ska vara i arbete" },
      { op: "added", text: "unga ska vara i arbete, praktik" },
      { op: "same", text: " eller studier" },
    ]);
    // With room, word by word as the whole table gives it, and the room used: 9 tokens between against 11.
    const room = { cells: 1000 };
    expect(wordDiff(from, to, room)).toEqual(byWholeTable(from, to));
    expect(room.cells).toBe(1000 - 9 * 11);
  });
});
