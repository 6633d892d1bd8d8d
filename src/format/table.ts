// The tables of the text formats (status, stats, årshjul): drawn by cli-table3, in one style.
import Table from "cli-table3";

/**
 * Rows cli-table3 is given at once. To lay a table out it checks every cell against every cell
 * above it (its `fillInTable`), so its time grows with the square of the rows: a status table of
 * 40,000 åtaganden took 35 s. A longer table is drawn as tables of this many rows at the widths
 * of the whole, and joined where one's bottom border meets the next one's top border.
 */
const ROWS_AT_ONCE = 64;

export interface TextTable {
  head: string[];
  rows: string[][];
  /** Each column's alignment; cli-table3's default (left) where absent. */
  aligns?: Table.HorizontalAlignment[];
}

/** One cli-table3 table and the column widths it chose (or was given). */
function draw(t: TextTable, color: boolean, colWidths: number[] = []): { text: string; widths: number[] } {
  const style = { head: color ? ["bold"] : [], border: color ? ["grey"] : [], compact: true };
  const table = new Table({ head: t.head, style, colWidths, ...(t.aligns ? { colAligns: t.aligns } : {}) });
  for (const row of t.rows) table.push(row);
  const text = table.toString();
  return { text, widths: table.options.colWidths.map((w) => w ?? 0) };
}

/** The table as text, exactly as cli-table3 draws it, in time linear in its rows. */
export function tableText(t: TextTable, color: boolean): string {
  // A row with fewer cells than the head is filled in by cli-table3 with cells that span the
  // rows below: only a table of full rows can be drawn in parts.
  if (t.rows.length <= ROWS_AT_ONCE || t.rows.some((r) => r.length !== t.head.length)) return draw(t, color).text;
  const parts: string[][][] = [];
  for (let i = 0; i < t.rows.length; i += ROWS_AT_ONCE) parts.push(t.rows.slice(i, i + ROWS_AT_ONCE));
  // cli-table3 makes each column as wide as its widest cell: the widest over every part, the
  // first with the head. A part that came out at those widths is kept; the others are drawn again.
  const headOf = (i: number): string[] => (i === 0 ? t.head : []);
  const drawn = parts.map((rows, i) => draw({ ...t, head: headOf(i), rows }, color));
  const widths = t.head.map(() => 0);
  for (const d of drawn) d.widths.forEach((w, i) => (widths[i] = Math.max(widths[i]!, w)));
  const lines: string[] = [];
  parts.forEach((rows, i) => {
    const fits = drawn[i]!.widths.every((w, j) => w === widths[j]);
    const text = fits ? drawn[i]!.text : draw({ ...t, head: headOf(i), rows }, color, [...widths]).text;
    const part = text.split("\n");
    lines.push(...part.slice(i === 0 ? 0 : 1, i === parts.length - 1 ? part.length : -1));
  });
  return lines.join("\n");
}
