// A report written as PDF or Word: the HTML report printed by a headless Chromium, the Markdown
// report turned into DOCX by pandoc. Both programs are the user's, found on PATH (Chromium also
// through RODTRAD_CHROMIUM); without them the command refuses before any work, in one line.
import { spawnSync } from "node:child_process";
import { accessSync, constants, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Lang } from "../diagnostics/index.js";
import type { ReportFormat } from "../format/names.js";
import { UsageError } from "./io.js";

/** A document format that is not text: the report is made in `from` and converted. */
export type Binary = "pdf" | "docx";

const BINARY: Record<Binary, { from: ReportFormat; programs: readonly string[] }> = {
  pdf: { from: "html", programs: ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"] },
  docx: { from: "md", programs: ["pandoc"] },
};

/** The binary format an output file's name asks for (.pdf, .docx), if any. */
export function binaryOf(file: string | undefined): Binary | undefined {
  const ext = file === undefined ? "" : path.extname(file).toLowerCase();
  return ext === ".pdf" ? "pdf" : ext === ".docx" ? "docx" : undefined;
}

/** The report format a binary is made from. */
export const sourceFormat = (b: Binary): ReportFormat => BINARY[b].from;

function executable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/** The first of `names` on PATH, as a path. */
function onPath(names: readonly string[], env: NodeJS.ProcessEnv): string | undefined {
  const dirs = (env.PATH ?? "").split(path.delimiter).filter((d) => d !== "");
  for (const name of names) for (const dir of dirs) if (executable(path.join(dir, name))) return path.join(dir, name);
  return undefined;
}

/**
 * The program that makes `b`, or a UsageError saying what is missing and what to do instead.
 * Called before the report is made, so a missing program costs nothing.
 */
export function converterFor(b: Binary, output: string, env: NodeJS.ProcessEnv = process.env): string {
  if (b === "pdf") {
    const asked = env.RODTRAD_CHROMIUM;
    const found = asked !== undefined && asked !== "" ? (executable(asked) ? asked : undefined) : onPath(BINARY.pdf.programs, env);
    if (found) return found;
    throw new UsageError({
      en: `cannot write ${output}: a PDF is printed by Chromium, and none was found (install chromium or set RODTRAD_CHROMIUM); or write -o ${swapExt(output, ".html")} and print it from a browser`,
      sv: `kan inte skriva ${output}: en PDF skrivs ut av Chromium, och ingen hittades (installera chromium eller ange RODTRAD_CHROMIUM); eller skriv -o ${swapExt(output, ".html")} och skriv ut den från en webbläsare`,
    });
  }
  const found = onPath(BINARY.docx.programs, env);
  if (found) return found;
  throw new UsageError({
    en: `cannot write ${output}: a Word document is made by pandoc, and it was not found (install pandoc); or write -o ${swapExt(output, ".md")}`,
    sv: `kan inte skriva ${output}: ett Word-dokument görs av pandoc, och det hittades inte (installera pandoc); eller skriv -o ${swapExt(output, ".md")}`,
  });
}

const swapExt = (file: string, ext: string): string => file.slice(0, file.length - path.extname(file).length) + ext;

/** The last non-empty line a program wrote on stderr, or its exit, for a one-line message. */
function why(r: ReturnType<typeof spawnSync>): string {
  if (r.error) return (r.error as NodeJS.ErrnoException).code ?? r.error.message;
  const lines = String(r.stderr ?? "").split("\n").map((l) => l.trim()).filter((l) => l !== "");
  return lines[lines.length - 1] ?? (r.signal ? `signal ${r.signal}` : `exit status ${r.status}`);
}

/** At most this long for one conversion: a print of a large report takes seconds. */
const TIMEOUT_MS = 180_000;

/**
 * The report `text` (in sourceFormat(b)) as the bytes of `b`, made by `program` in a private
 * temporary folder that is removed afterwards. A failure is a UsageError naming `output`.
 */
export function convert(b: Binary, program: string, text: string, lang: Lang, output: string): Buffer {
  const dir = mkdtempSync(path.join(os.tmpdir(), "rodtrad-print-"));
  try {
    const result = path.join(dir, `report.${b}`);
    let r: ReturnType<typeof spawnSync>;
    if (b === "pdf") {
      const html = path.join(dir, "report.html");
      writeFileSync(html, text);
      // The report loads nothing and holds no script: Chromium prints it from the file, with a
      // profile of its own, the page's own @page size and footer, and no header or footer of its own.
      const args = [
        "--headless",
        "--disable-gpu",
        "--no-first-run",
        "--no-default-browser-check",
        "--disable-extensions",
        "--disable-background-networking",
        `--user-data-dir=${path.join(dir, "profile")}`,
        "--no-pdf-header-footer",
        // Chromium's sandbox cannot start as root (a container's user): there it runs without.
        ...(process.getuid?.() === 0 ? ["--no-sandbox"] : []),
        `--print-to-pdf=${result}`,
        pathToFileURL(html).href,
      ];
      r = spawnSync(program, args, { cwd: dir, stdio: ["ignore", "pipe", "pipe"], timeout: TIMEOUT_MS, encoding: "utf8" });
    } else {
      r = spawnSync(program, ["--from", "gfm", "--to", "docx", "--metadata", `lang=${lang === "sv" ? "sv-SE" : "en-GB"}`, "--output", result], {
        cwd: dir,
        input: text,
        stdio: ["pipe", "pipe", "pipe"],
        timeout: TIMEOUT_MS,
        encoding: "utf8",
      });
    }
    if (!existsSync(result) || statSync(result).size === 0) {
      const name = path.basename(program);
      throw new UsageError({ en: `cannot write ${output}: ${name} made no ${b.toUpperCase()} (${why(r)})`, sv: `kan inte skriva ${output}: ${name} gjorde ingen ${b.toUpperCase()} (${why(r)})` });
    }
    return readFileSync(result);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
