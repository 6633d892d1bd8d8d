// `plan report -o x.pdf` and `-o x.docx`: the HTML report printed by Chromium, the Markdown
// report made a Word document by pandoc, or one line and no file when the program is missing;
// never Markdown under a .pdf or .docx name. In-process: the command spawns the programs itself.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Run } from "./helpers/exec.js";
import { browserSkipReason, IN_CI } from "./helpers/browser.js";
import { planInProcess } from "./helpers/in-process.js";
import { cleanupTemp, KATRINEHOLM, tempDir } from "./report-helpers.js";

afterAll(cleanupTemp);

const K = ["-C", KATRINEHOLM];
const report = (args: string[], env: Record<string, string | undefined> = {}): Run => planInProcess(["report", ...args, ...K], env);
const oneLine = (s: string): void => expect(s.trimEnd().split("\n")).toHaveLength(1);

/** Under CI a missing program fails the test (as a missing browser does); elsewhere the test says why it skips. */
const PANDOC = ["/usr/bin/pandoc", "/usr/local/bin/pandoc"].find((p) => existsSync(p));
const skipPdf = browserSkipReason();
const skipDocx = PANDOC || IN_CI ? undefined : "pandoc not found: the DOCX test is skipped (with CI=true it fails instead)";
for (const why of [skipPdf, skipDocx]) if (why) console.warn(`report-binary.test.ts: ${why}`);

describe.skipIf(skipPdf !== undefined)("plan report -o x.pdf", () => {
  it("prints the HTML report on A4 pages with Chromium: a PDF whose text is the report's", () => {
    const dir = tempDir();
    const file = path.join(dir, "delår.pdf");
    const r = report(["delår", "-o", file]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toBe("");
    const pdf = readFileSync(file);
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    // The template's @page size: A4 is 595 × 842 points (Chromium rounds to whole pixels).
    const boxes = [...pdf.toString("latin1").matchAll(/\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/gu)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(boxes.length).toBeGreaterThan(3);
    for (const [w, h] of boxes) expect(Math.abs(w! - 595.3) < 1.5 && Math.abs(h! - 841.9) < 1.5, `page ${w} × ${h}`).toBe(true);
    expect(readdirSync(dir)).toEqual(["delår.pdf"]);
    if (existsSync("/usr/bin/pdftotext")) {
      const text = execFileSync("pdftotext", [file, "-"], { encoding: "utf8" });
      expect(text).toContain("Delårsrapport januari–augusti 2012");
      // No header or footer of the browser's own (a date and a file: URL).
      expect(text).not.toMatch(/file:\/\//u);
    }
  }, 120_000);
});

describe.skipIf(skipDocx !== undefined)("plan report -o x.docx", () => {
  it("makes a Word document of the Markdown report with pandoc, read back to the report's text", () => {
    const dir = tempDir();
    const file = path.join(dir, "budget.DOCX");
    const r = report(["budget", "--år", "2012", "-o", file]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const docx = readFileSync(file);
    expect(docx.subarray(0, 4)).toEqual(Buffer.from("PK\x03\x04", "latin1"));
    expect(docx.includes(Buffer.from("word/document.xml"))).toBe(true);
    const back = execFileSync(PANDOC ?? "pandoc", ["--from", "docx", "--to", "plain", file], { encoding: "utf8" });
    const md = report(["budget", "--år", "2012"]).stdout;
    const title = /^# (.*)$/mu.exec(md)![1]!;
    expect(back).toContain(title);
    expect(back).not.toMatch(/^# /mu); // headings, not Markdown text
    expect(readdirSync(dir)).toEqual(["budget.DOCX"]);
  }, 60_000);
});

describe("plan report -o x.pdf or x.docx without the program that makes it", () => {
  it("refuses in one line (exit 2), says what to install or write instead, and writes no file", () => {
    const dir = tempDir();
    for (const [name, env, words] of [
      ["r.pdf", { PATH: "", RODTRAD_CHROMIUM: undefined }, /a PDF is printed by Chromium, and none was found .* or write -o .*r\.html/u],
      ["r.pdf", { RODTRAD_CHROMIUM: path.join(dir, "no-such-browser") }, /none was found/u],
      ["r.docx", { PATH: "" }, /a Word document is made by pandoc, and it was not found .* or write -o .*r\.md/u],
    ] as const) {
      const r = report(["delår", "--lang", "en", "-o", path.join(dir, name)], env);
      expect(r.status, name).toBe(2);
      expect(r.stdout).toBe("");
      oneLine(r.stderr);
      expect(r.stderr).toMatch(words);
    }
    expect(readdirSync(dir)).toEqual([]);
  });

  it("refuses a --format that is not the one the file is made from, and keeps an existing file", () => {
    const dir = tempDir();
    const file = path.join(dir, "r.pdf");
    writeFileSync(file, "old");
    for (const [format, name] of [["md", "r.pdf"], ["html", "r.docx"]] as const) {
      const r = report(["delår", "--lang", "sv", "--format", format, "-o", path.join(dir, name)]);
      expect(r.status, name).toBe(2);
      oneLine(r.stderr);
      expect(r.stderr).toContain(`utelämna --format ${format}`);
    }
    expect(readFileSync(file, "utf8")).toBe("old");
    expect(readdirSync(dir)).toEqual(["r.pdf"]);
  });

  it("a program that makes nothing: one line naming it, and no file", () => {
    const dir = tempDir();
    const fake = path.join(dir, "fake-chromium");
    writeFileSync(fake, "#!/bin/sh\necho 'cannot open display' >&2\nexit 1\n", { mode: 0o755 });
    const r = report(["delår", "--lang", "en", "-o", path.join(dir, "r.pdf")], { RODTRAD_CHROMIUM: fake });
    expect(r.status).toBe(2);
    oneLine(r.stderr);
    expect(r.stderr).toContain("fake-chromium made no PDF (cannot open display)");
    expect(readdirSync(dir)).toEqual(["fake-chromium"]);
  });
});
