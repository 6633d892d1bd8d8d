// The text tables of status, stats and årshjul: drawn in parts of a few rows, they must read
// exactly as cli-table3 draws the whole table, and a long table must not take the square of its rows.
import Table from "cli-table3";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { tableText, type TextTable } from "../src/format/table.js";

/** The oracle: cli-table3 given every row at once, as the formats drew their tables before. */
function whole(t: TextTable, color: boolean): string {
  const style = { head: color ? ["bold"] : [], border: color ? ["grey"] : [], compact: true };
  const table = new Table({ head: t.head, style, ...(t.aligns ? { colAligns: t.aligns } : {}) });
  for (const row of t.rows) table.push(row);
  return table.toString();
}

describe("a text table", () => {
  // Cells of every width: empty, ASCII, Swedish letters, wide CJK and emoji, ANSI colour, more lines than one.
  const cell = fc.oneof(
    fc.constantFrom("", "x", "Måluppfyllelse", "◐ Delvis uppfyllt", "\u001b[31msen\u001b[39m", "東京都", "👍🏽", "två\nrader", " 12 345,6 "),
    fc.string({ maxLength: 30 }),
  );

  it("reads as cli-table3 draws it whole, for any rows, widths, alignments and colour", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }).chain((cols) =>
          fc.record({
            head: fc.array(cell, { minLength: cols, maxLength: cols }),
            // Up to five parts' worth of rows, and now and then a short row (drawn whole then).
            rows: fc.array(fc.oneof({ weight: 30, arbitrary: fc.array(cell, { minLength: cols, maxLength: cols }) }, { weight: 1, arbitrary: fc.array(cell, { maxLength: cols }) }), { maxLength: 330 }),
            aligns: fc.option(fc.array(fc.constantFrom<Table.HorizontalAlignment>("left", "center", "right"), { minLength: cols, maxLength: cols }), { nil: undefined }),
          }),
        ),
        fc.boolean(),
        (t, color) => {
          expect(tableText(t, color)).toBe(whole(t, color));
        },
      ),
      { numRuns: 40 },
    );
  });

  it("where one part's widest cell is the widest of the table, the head is wider than any row, or every part is as wide", () => {
    const uneven = Array.from({ length: 300 }, (_, i) => [`A${i}`, i === 250 ? "en mycket lång cell långt ner" : "kort", String(i)]);
    const even = uneven.map((_, i) => [`A${String(i).padStart(3, "0")}`, "kort", "1"]);
    const cases: [string[], string[][]][] = [[["Åtagande", "Status", "Värde"], uneven], [["Åtagande med ett långt namn i huvudet", "S", "V"], uneven], [["Å", "S", "V"], even]];
    for (const [head, rows] of cases) {
      const text = tableText({ head, rows, aligns: ["left", "left", "right"] }, false);
      expect(text).toBe(whole({ head, rows, aligns: ["left", "left", "right"] }, false));
      // One top border, one line under the head, one bottom border: the parts are joined seamlessly.
      expect(text.split("\n")).toHaveLength(300 + 4);
    }
  });

  it("of thousands of rows gives cli-table3 a few rows at a time: its layout takes the square of the rows it is given", () => {
    const rows = Array.from({ length: 2_000 }, (_, i) => [`A${i}  Andel`, "◐ Delvis uppfyllt", String(i), "20"]);
    const drawn: number[] = [];
    const original = Table.prototype.toString;
    Table.prototype.toString = function (this: Table.Table): string {
      drawn.push(this.length);
      return original.call(this);
    };
    try {
      const value = tableText({ head: ["O1  Område", "Status", "Värde", "Mål"], rows }, false);
      // Given every row at once, cli-table3 took 1.6 s for 5,000 rows, 3.9 s for 10,000 and 35 s
      // for 40,000 (a status of 40,000 åtaganden); in parts, 1.4 and 1.8 s (on a busy machine).
      expect(Math.max(...drawn)).toBeLessThanOrEqual(64);
      // Each part is drawn once, and again only where its columns came out narrower than the table's.
      const total = drawn.reduce((a, b) => a + b, 0);
      expect(total).toBeGreaterThanOrEqual(2_000);
      expect(total).toBeLessThanOrEqual(2 * 2_000);
      const lines = value.split("\n");
      expect(lines).toHaveLength(2_000 + 4);
      expect(lines[3]).toContain("A0  Andel");
      expect(lines.at(-2)).toContain("A1999  Andel");
      expect(new Set(lines.slice(3, -1).map((l) => l.length)).size).toBe(1);
    } finally {
      Table.prototype.toString = original;
    }
  });
});
