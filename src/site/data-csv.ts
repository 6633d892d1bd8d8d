// Rows as CSV for a spreadsheet set to Swedish: UTF-8 with a byte order mark (so Excel reads
// å, ä, ö right), `;` between fields and a decimal comma (what Excel with Swedish settings
// expects on a double click), CRLF line ends and RFC 4180 quoting. Text that a spreadsheet
// would read as a formula gets a leading apostrophe. docs/site-data.md describes the choice.
import { DATA_KEYS, type DataRow } from "./data-rows.js";

const SEPARATOR = ";";

/** A text cell starting like a formula (= + - @, or a tab or CR before one) is never run: `'` first. */
const FORMULA_START = /^[=+\-@\t\r]/u;

function textCell(s: string): string {
  const safe = FORMULA_START.test(s) ? `'${s}` : s;
  return /[;"\r\n]/u.test(safe) || safe !== safe.trim() ? `"${safe.replace(/"/gu, '""')}"` : safe;
}

/** A number with a decimal comma and never an exponent. */
function numberCell(v: number): string {
  const plain = Math.abs(v) < 1e21 && /e/iu.test(String(v)) ? v.toFixed(20).replace(/\.?0+$/u, "") : String(v);
  return plain.replace(".", ",");
}

function cell(v: DataRow[keyof DataRow]): string {
  if (v === null) return "";
  if (typeof v === "number") return numberCell(v);
  if (typeof v === "boolean") return String(v);
  if (typeof v === "string") return textCell(v);
  return textCell(v.join(" "));
}

export function toCsv(rows: readonly DataRow[]): string {
  const lines = [DATA_KEYS.join(SEPARATOR), ...rows.map((r) => DATA_KEYS.map((k) => cell(r[k])).join(SEPARATOR))];
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
