// `plan status --format json` and the delårsrapport tell the same story: the counts per
// status per målområde, the målområden's and resultatmål's statuses, each åtagande's status.
// The mapping åtagande → resultatmål → målområde is read from the YAML here, independently.
// Both commands run in-process: what they print does not depend on the process.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { planInProcess as plan } from "./helpers/in-process.js";
import { cleanupTemp, KATRINEHOLM, MINIMAL } from "./report-helpers.js";

afterAll(cleanupTemp);

type Word = "uppfyllt" | "delvis_uppfyllt" | "ej_uppfyllt" | "ej_bedömd";
const WORD: Record<string, Word> = { Uppfyllt: "uppfyllt", "Delvis uppfyllt": "delvis_uppfyllt", "Ej uppfyllt": "ej_uppfyllt", "Ej bedömd": "ej_bedömd" };
const ORDER: Word[] = ["uppfyllt", "delvis_uppfyllt", "ej_uppfyllt", "ej_bedömd"];

interface StatusJson {
  åtaganden: { id: string; status: Word }[];
  resultatmål: { id: string; status: Word }[];
  målområden: { id: string; status: Word; counts: Record<Word, number>; assessed: number }[];
}

type Doc = Record<string, unknown> & { typ?: string };
const docsIn = (dir: string): Doc[] =>
  readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".yaml"))
    .flatMap((f) => readFileSync(path.join(dir, f), "utf8").split(/^---$/mu).map((d) => parse(d) as Doc | null))
    .filter((d): d is Doc => d !== null && typeof d === "object");

const list = (v: unknown): string[] => (typeof v === "string" ? [v] : Array.isArray(v) ? (v as string[]) : []);

/** The row's cells: split on pipes that are not escaped, trimmed, without the outer empties. */
const cellsOf = (row: string): string[] => row.split(/(?<!\\)\|/u).slice(1, -1).map((c) => c.trim());
// The status word, without the note on the previous report's status that may follow it.
const statusOf = (cell: string): Word => WORD[cell.replace(/ \*\(tidigare[^)]*\)[^*]*\*$/u, "").replace(/^[●◐○–] /u, "").replace(/ \(manuell bedömning\)$/u, "")]!;
const unescape = (s: string): string => s.replace(/\\(.)/gu, "$1");

function check(dir: string, period: string, nämnd?: string): void {
  const cut = nämnd ? ["--nämnd", nämnd] : [];
  const json = plan(["status", "-C", dir, "--period", period, "--format", "json", ...cut]);
  const md = plan(["report", "delår", "-C", dir, "--period", period, ...cut]);
  expect(json.status).toBe(0);
  expect(md.status).toBe(0);
  const status = JSON.parse(json.stdout) as StatusJson;
  const year = Number(period.slice(0, 4));

  const docs = docsIn(dir);
  const budget = docs.find((d) => d.typ === "budget" && d.år === year)!;
  const områdeOfMål = new Map((budget.resultatmål as Doc[]).map((r) => [r.id as string, r.målområde as string]));
  const områden = (docs.find((d) => d.typ === "kommunplan")!.målområden as Doc[]).map((o) => ({ id: o.id as string, namn: o.namn as string }));
  const områdenOf = new Map((budget.åtaganden as Doc[]).map((a) => [a.id as string, new Set(list(a.resultatmål).map((r) => områdeOfMål.get(r)))]));

  // The summary table of the report.
  const lines = md.stdout.split("\n");
  const start = lines.findIndex((l) => l.startsWith("#### Måluppfyllelse per målområde"));
  const rows = lines.slice(start).filter((l) => l.startsWith("|")).slice(2);
  const table = rows.slice(0, rows.findIndex((l) => !l.startsWith("|") || l.startsWith("| **")) + 1);
  const got = new Map(table.map((r) => cellsOf(r)).map((c) => [unescape(c[0]!).replace(/\*/gu, ""), c]));

  for (const o of status.målområden) {
    const namn = områden.find((x) => x.id === o.id)!.namn;
    const cells = got.get(namn);
    expect(cells, `row for ${namn}`).toBeDefined();
    expect(statusOf(cells![1]!), `status of ${o.id}`).toBe(o.status);
    // The basis of the status: the counts plan status gives for the målområde.
    const c = o.counts;
    expect(cells![2], `basis of ${o.id}`).toMatch(o.assessed === 0 ? /^inget bedömt/u : new RegExp(`^av ${o.assessed} bedömda?: ${c.uppfyllt} uppfyllt, ${c.delvis_uppfyllt} delvis, ${c.ej_uppfyllt} ej(;|$)`, "u"));
    const mine = status.åtaganden.filter((a) => områdenOf.get(a.id)?.has(o.id));
    const expected = ORDER.map((w) => String(mine.filter((a) => a.status === w).length));
    expect(cells!.slice(3, 7), `counts of ${o.id}`).toEqual(expected);
    expect(cells![7]).toBe(String(mine.length));
  }
  const total = got.get("Totalt")!;
  expect(total.slice(3).map((c) => c.replace(/\*/gu, ""))).toEqual([...ORDER.map((w) => String(status.åtaganden.filter((a) => a.status === w).length)), String(status.åtaganden.length)]);

  // Each resultatmål's heading and each åtagande's row.
  for (const r of status.resultatmål) {
    const heading = lines.find((l) => l.startsWith(`### Resultatmål \`${r.id}\` – `));
    expect(heading, r.id).toBeDefined();
    expect(statusOf(heading!.split(" – ")[1]!), r.id).toBe(r.status);
  }
  for (const a of status.åtaganden) {
    const row = lines.find((l) => l.startsWith(`| \`${a.id}\` `));
    expect(row, a.id).toBeDefined();
    expect(statusOf(cellsOf(row!)[7]!), a.id).toBe(a.status);
  }
}

describe("plan status and plan report delår agree", () => {
  it("katrineholm 2012-08, whole kommun", () => check(KATRINEHOLM, "2012-08"));
  it("katrineholm 2012-08, BIN", () => check(KATRINEHOLM, "2012-08", "BIN"));
  it("katrineholm 2012-12 (helår), SOCN", () => check(KATRINEHOLM, "2012-12", "SOCN"));
  it("minimal 2026-08", () => check(MINIMAL, "2026-08"));
});
