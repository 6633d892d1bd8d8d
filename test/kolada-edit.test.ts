// The in-place editor of plan kolada: only the changed values and the added keys and rows
// change; every other byte of a follow-up (comments, blank lines, alignment, flow and block
// rows, other documents of the file) stays as it was.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parse, parseAllDocuments } from "yaml";
import { applyEdits, EditError, patchFollowUps, type RowPatch } from "../src/kolada/edit.js";

/** `patches` applied to document `index` of `text`. */
const patchFollowUp = (text: string, index: number, patches: RowPatch[]): ReturnType<typeof patchFollowUps> => patchFollowUps(text, new Map([[index, patches]]));

const FOLLOW_UP = `# Delårsrapport – a comment at the top
#
# with a blank comment line

typ: uppföljning   # the kind
id: UF2026-08
period: 2026-08
rapport: delår

# Rows, flow and block, with comments at several places.
nyckeltal:
  # a comment before the first row
  - { avser: A-1,   utfall: 30,  kommentar: "Aligned, quoted" }   # trailing comment
  - avser: B-1
    # a comment inside a block row
    utfall: 12.5
    kommentar: |
      A literal block
      of two lines

  # a comment between rows
  - avser: C-1
    prognos: 4
  - { avser: D-1, utfall: 7, år: 2024, källa: Kolada }
aktiviteter:
  - { avser: AKT1, status: pågår }
# a comment at the end
`;

/** Every line of `before` that is not in `changed` (by number, from 1) is in `after` unchanged, in order. */
function keptOutside(before: string, after: string, changedLines: number[]): void {
  const b = before.split("\n");
  const kept = b.filter((_, i) => !changedLines.includes(i + 1));
  const a = after.split("\n");
  let j = 0;
  for (const line of kept) {
    while (j < a.length && a[j] !== line) j++;
    expect(j, `line "${line}" kept in order`).toBeLessThan(a.length);
    j++;
  }
}

const rows = (text: string): Record<string, unknown>[] => (parse(text) as { nyckeltal: Record<string, unknown>[] }).nyckeltal;

describe("patchFollowUps", () => {
  it("changes only the values: a flow row's utfall and a block row's utfall, nothing else", () => {
    const patches: RowPatch[] = [
      { avser: "A-1", set: [["utfall", 31.5]], remove: [] },
      { avser: "B-1", set: [["utfall", 13]], remove: [] },
    ];
    const { text, edits } = patchFollowUp(FOLLOW_UP, 0, patches);
    expect(edits).toHaveLength(2);
    // Exactly the two numbers differ: the texts are equal once they are put back.
    expect(text.replace("utfall: 31.5,", "utfall: 30,").replace("utfall: 13\n", "utfall: 12.5\n")).toBe(FOLLOW_UP);
    expect(rows(text).map((r) => r.utfall)).toEqual([31.5, 13, undefined, 7]);
  });

  it("adds keys in the row's own style, after utfall: flow inline, block on lines of their own", () => {
    const { text } = patchFollowUp(FOLLOW_UP, 0, [
      { avser: "A-1", set: [["år", 2025], ["källa", "Kolada"]], remove: [] },
      { avser: "C-1", set: [["utfall", 5], ["källa", "Kolada"]], remove: [] },
    ]);
    expect(text).toContain('  - { avser: A-1,   utfall: 30, år: 2025, källa: Kolada,  kommentar: "Aligned, quoted" }   # trailing comment\n');
    expect(text).toContain("  - avser: C-1\n    utfall: 5\n    källa: Kolada\n    prognos: 4\n");
    keptOutside(FOLLOW_UP, text, [13]);
    expect(rows(text)[2]).toEqual({ avser: "C-1", utfall: 5, källa: "Kolada", prognos: 4 });
  });

  it("removes år from a flow row when the value is now the follow-up year's", () => {
    const { text } = patchFollowUp(FOLLOW_UP, 0, [{ avser: "D-1", set: [["utfall", 8]], remove: ["år"] }]);
    expect(text).toBe(FOLLOW_UP.replace("  - { avser: D-1, utfall: 7, år: 2024, källa: Kolada }\n", "  - { avser: D-1, utfall: 8, källa: Kolada }\n"));
  });

  it("removes år from a block row, the line and only it", () => {
    const block = FOLLOW_UP.replace("  - avser: C-1\n    prognos: 4\n", "  - avser: C-1\n    utfall: 3 # old\n    år: 2023\n    källa: Kolada\n");
    const { text } = patchFollowUp(block, 0, [{ avser: "C-1", set: [["utfall", 4]], remove: ["år"] }]);
    expect(text).toBe(block.replace("    utfall: 3 # old\n    år: 2023\n", "    utfall: 4 # old\n"));
  });

  it("appends a new row after the last row, at the rows' indentation, before the next key", () => {
    const { text } = patchFollowUp(FOLLOW_UP, 0, [{ avser: "E-1", set: [["utfall", 1.25], ["år", 2025], ["källa", "Kolada"]], remove: [] }]);
    expect(text).toBe(FOLLOW_UP.replace("aktiviteter:\n", "  - { avser: E-1, utfall: 1.25, år: 2025, källa: Kolada }\naktiviteter:\n"));
  });

  it("adds a nyckeltal list to a follow-up without one, and fills `nyckeltal:` and `nyckeltal: []`", () => {
    const bare = "typ: uppföljning\nid: UF2025-12\nperiod: 2025-12\nrapport: helår\n";
    const patch: RowPatch = { avser: "X", set: [["utfall", 2], ["källa", "Kolada"]], remove: [] };
    expect(patchFollowUp(bare, 0, [patch]).text).toBe(`${bare}nyckeltal:\n  - { avser: X, utfall: 2, källa: Kolada }\n`);
    expect(patchFollowUp(`${bare}nyckeltal:\n`, 0, [patch]).text).toBe(`${bare}nyckeltal:\n  - { avser: X, utfall: 2, källa: Kolada }\n`);
    expect(patchFollowUp(`${bare}nyckeltal: [] # none yet\nx: 1\n`, 0, [patch]).text).toBe(`${bare}nyckeltal: # none yet\n  - { avser: X, utfall: 2, källa: Kolada }\nx: 1\n`);
  });

  it("edits the right document of a file of several, and leaves the others byte for byte", () => {
    const other = "---\ntyp: uppföljning\nid: UF2026-08-BIN\nperiod: 2026-08\nrapport: delår\norgan: BIN\nnyckeltal:\n  - { avser: A-1, utfall: 1 }\n";
    const file = FOLLOW_UP + other;
    const { text } = patchFollowUp(file, 1, [{ avser: "A-1", set: [["utfall", 2]], remove: [] }]);
    expect(text).toBe(FOLLOW_UP + other.replace("utfall: 1", "utfall: 2"));
    expect(parseAllDocuments(text).map((d) => d.errors.length)).toEqual([0, 0]);
  });

  it("patches two documents of one file at once; the offsets of both refer to the original", () => {
    const other = "---\ntyp: uppföljning\nid: UF2026-08-BIN\nperiod: 2026-08\nrapport: delår\norgan: BIN\nnyckeltal:\n  - { avser: V-1, utfall: 1 }\n";
    const { text, edits } = patchFollowUps(FOLLOW_UP + other, new Map([[0, [{ avser: "A-1", set: [["utfall", 31]], remove: [] }]], [1, [{ avser: "V-1", set: [["utfall", 2], ["källa", "Kolada"]], remove: [] }]]]));
    expect(text).toBe(FOLLOW_UP.replace("utfall: 30,", "utfall: 31,") + other.replace("utfall: 1 }", "utfall: 2, källa: Kolada }"));
    expect(applyEdits(FOLLOW_UP + other, edits)).toBe(text);
  });

  it("quotes a text that would read as something else, and reads it back", () => {
    const { text } = patchFollowUp(FOLLOW_UP, 0, [{ avser: "C-1", set: [["källa", "yes: no"]], remove: [] }]);
    expect(rows(text)[2]!.källa).toBe("yes: no");
  });

  it("changes nothing when the values are there already", () => {
    const { text, edits } = patchFollowUp(FOLLOW_UP, 0, [{ avser: "D-1", set: [["utfall", 7], ["år", 2024], ["källa", "Kolada"]], remove: [] }]);
    expect(edits).toEqual([]);
    expect(text).toBe(FOLLOW_UP);
  });

  it("refuses what it cannot edit in place: a flow document, a row that is not a mapping", () => {
    expect(() => patchFollowUp("{ typ: uppföljning, nyckeltal: [] }\n", 0, [{ avser: "A", set: [["utfall", 1]], remove: [] }])).toThrow(EditError);
    expect(() => patchFollowUp("typ: uppföljning\nnyckeltal: 3\n", 0, [{ avser: "A", set: [["utfall", 1]], remove: [] }])).toThrow(EditError);
  });

  it("refuses a file past the limit on the yaml package before it builds a syntax tree of it (a hostile follow-up of 300,000 rows)", () => {
    const rows = Array.from({ length: 300_000 }, (_, i) => `  - { avser: A${i}, utfall: ${i} }`).join("\n");
    const start = process.hrtime.bigint();
    expect(() => patchFollowUp(`typ: uppföljning\nid: UF\nperiod: 2026-08\nnyckeltal:\n${rows}\n`, 0, [{ avser: "A1", set: [["utfall", 1]], remove: [] }])).toThrow(/more than the 500000 an edit that keeps its comments reads/u);
    expect(Number(process.hrtime.bigint() - start) / 1e9).toBeLessThan(5);
  });

  it("applyEdits splices from the end, so offsets refer to the original text; insertions at one place keep their order", () => {
    expect(applyEdits("abcdef", [{ start: 1, end: 2, text: "XX" }, { start: 4, end: 4, text: "Y" }])).toBe("aXXcdYef");
    expect(applyEdits("ab", [{ start: 1, end: 1, text: "1" }, { start: 1, end: 1, text: "2" }, { start: 1, end: 1, text: "3" }])).toBe("a123b");
  });

  it("adds keys to the last block row and a new row after it, in that order (both after the same line)", () => {
    const text = "typ: uppföljning\nnyckeltal:\n  - avser: R-0\naktiviteter: []  # slut\n";
    const { text: after } = patchFollowUp(text, 0, [
      { avser: "R-1", set: [["utfall", 1]], remove: [] },
      { avser: "R-0", set: [["utfall", -0]], remove: [] },
    ]);
    expect(after).toBe("typ: uppföljning\nnyckeltal:\n  - avser: R-0\n    utfall: 0\n  - { avser: R-1, utfall: 1 }\naktiviteter: []  # slut\n");
  });
});

describe("patchFollowUps, on generated follow-ups", () => {
  /** A row: its keys besides avser, its style, and a comment line before it or not. */
  const rowArb = fc.record({
    utfall: fc.option(fc.integer({ min: -5, max: 500 }), { nil: undefined }),
    år: fc.option(fc.integer({ min: 2018, max: 2025 }), { nil: undefined }),
    källa: fc.option(fc.constantFrom("Kolada", "SCB", "egen mätning"), { nil: undefined }),
    prognos: fc.option(fc.integer({ min: 0, max: 99 }), { nil: undefined }),
    flow: fc.boolean(),
    comment: fc.boolean(),
    /** A block row ends with a literal block (`kommentar: |`), kept or stripped of its last newline. */
    literal: fc.constantFrom(undefined, "|", "|-", "|+"),
  });
  const patchArb = fc.record({
    utfall: fc.double({ min: -1000, max: 1000, noNaN: true, noDefaultInfinity: true }),
    år: fc.option(fc.integer({ min: 2018, max: 2026 }), { nil: undefined }),
    removeÅr: fc.boolean(),
  });

  it("every patch reads back as meant, and the lines of the rows not patched stay as they were", () => {
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 6 }), fc.array(fc.tuple(fc.nat(8), patchArb), { maxLength: 5 }), (rows, wanted) => {
        const lines = ["typ: uppföljning", "id: UF2026-08", "period: 2026-08", "rapport: delår", "nyckeltal:"];
        rows.forEach((r, i) => {
          const pairs: [string, unknown][] = [["avser", `R-${i}`], ...(["utfall", "år", "källa", "prognos"] as const).filter((k) => r[k] !== undefined).map((k): [string, unknown] => [k, r[k]])];
          const v = (x: unknown): string => (typeof x === "string" && x.includes(" ") ? JSON.stringify(x) : String(x));
          if (r.comment) lines.push(`  # rad ${i}`);
          if (r.flow) lines.push(`  - { ${pairs.map(([k, x]) => `${k}: ${v(x)}`).join(", ")} }   # flow`);
          else {
            pairs.forEach(([k, x], j) => lines.push(`${j === 0 ? "  - " : "    "}${k}: ${v(x)}`));
            if (r.literal !== undefined) lines.push(`    kommentar: ${r.literal}`, "      två", "      rader", ...(r.literal === "|+" ? [""] : []));
          }
        });
        lines.push("aktiviteter: []  # slut", "");
        const text = lines.join("\n");
        const patches = new Map<string, RowPatch>();
        for (const [n, p] of wanted) {
          const avser = `R-${n}`;
          patches.set(avser, { avser, set: [["utfall", p.utfall], ...(p.år !== undefined ? [["år", p.år] as const] : []), ["källa", "Kolada"]], remove: p.år === undefined && p.removeÅr ? ["år"] : [] });
        }
        const { text: after } = patchFollowUp(text, 0, [...patches.values()]);
        const got = ((parse(after) as { nyckeltal: Record<string, unknown>[] | null }).nyckeltal ?? []);
        for (const p of patches.values()) {
          const r = got.find((x) => x.avser === p.avser)!;
          // −0 is written, and read back, as 0.
          for (const [k, v] of p.set) expect(r[k]).toBe(v === 0 ? 0 : v);
          for (const k of p.remove) expect(r).not.toHaveProperty(k);
        }
        // A row that was not patched keeps its lines byte for byte.
        const untouched = text.split("\n").filter((l) => !/R-(\d+)/u.test(l) || !patches.has(`R-${/R-(\d+)/u.exec(l)![1]}`));
        const afterLines = after.split("\n");
        for (const l of untouched.filter((x) => x.startsWith("  - { ") || x.startsWith("  #"))) expect(afterLines).toContain(l);
      }),
      { numRuns: 500 },
    );
  });
});
