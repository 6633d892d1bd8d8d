// Render a report view with Handlebars. Templates come from templates/<format>/, and a plan
// repository may override any of them by the same relative name in `<planroot>/mallar/`
// or in `--mallar DIR` (that one first).
//
// Safety: in HTML every value goes through Handlebars' escaping ({{ }}); the templates use
// triple-stash only for `.html` (Markdown rendered by markdown-text.ts with raw HTML off)
// and `.svg` (made by chart.ts, which escapes its texts). In Markdown the view is escaped
// by `prepare` before rendering, so the Markdown templates are compiled without escaping.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Handlebars from "handlebars";
import { mdCode, mdText } from "../format/markdown.js";
import { markdownBlock, markdownToHtml } from "./markdown-text.js";

export type ReportFormat = "md" | "html";

export const BUILT_IN_TEMPLATES = fileURLToPath(new URL("../../templates/", import.meta.url));

/** A template that cannot be read or compiled: a usage problem of the plan's own mallar. */
export class TemplateError extends Error {
  override name = "TemplateError";
}

type Template = Handlebars.TemplateDelegate;

interface Renderer {
  templates: Map<string, Template>;
  hb: typeof Handlebars;
  dirs: string[];
}

const renderers = new Map<string, Renderer>();

/** Text as a quoted CSS string that is safe inside a <style> element. */
export function cssString(text: string): string {
  let out = "";
  for (const ch of text) out += /[\p{L}\p{N} ]/u.test(ch) ? ch : `\\${ch.codePointAt(0)!.toString(16)} `;
  return `"${out}"`;
}

/** The template folders in lookup order: --mallar, the plan's mallar/, the built-in ones. */
export function templateDirs(planRoot: string, mallar?: string): string[] {
  const own = path.join(planRoot, "mallar");
  return [...(mallar !== undefined ? [mallar] : []), ...(existsSync(own) ? [own] : []), BUILT_IN_TEMPLATES];
}

function readTemplate(file: string, format: ReportFormat, hb: typeof Handlebars, partial = false): Template {
  let source: string;
  try {
    source = readFileSync(file, "utf8");
    // A partial is inserted inline: the newline that ends its file is not part of it.
    if (partial) source = source.replace(/\r?\n$/u, "");
  } catch (e) {
    throw new TemplateError(`cannot read template ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  try {
    // Parse now, so a syntax error names its file instead of failing at the first render.
    hb.parse(source);
    return hb.compile(source, { strict: true, noEscape: format === "md", preventIndent: true });
  } catch (e) {
    throw new TemplateError(`template ${file}: ${(e as Error).message.split("\n")[0]}`);
  }
}

/** One Handlebars environment per format and folder list, built once per process. */
function rendererFor(format: ReportFormat, dirs: readonly string[]): Renderer {
  const key = `${format}\0${dirs.join("\0")}`;
  const cached = renderers.get(key);
  if (cached) return cached;
  const hb = Handlebars.create();
  // Comparing two values is all the logic templates need; no helper returns markup.
  hb.registerHelper("eq", (a: unknown, b: unknown) => a === b);
  // A CSS string for the running header of printed pages: every character but letters,
  // digits and spaces is written as a CSS escape, so no text can end the string or the
  // <style> element. The one helper whose output is used unescaped outside .html/.svg.
  hb.registerHelper("cssString", (...args: unknown[]) => cssString(args.slice(0, -1).map((a) => String(a ?? "")).join("")));
  // Partials: the first folder that has a name wins; the layout is a partial too.
  const seen = new Set<string>();
  for (const dir of dirs) {
    const base = path.join(dir, format);
    const partialDir = path.join(base, "partials");
    const files = existsSync(partialDir) ? readdirSync(partialDir).filter((f) => f.endsWith(".hbs")).sort() : [];
    for (const f of files) {
      const name = f.slice(0, -4);
      if (seen.has(name)) continue;
      seen.add(name);
      hb.registerPartial(name, readTemplate(path.join(partialDir, f), format, hb, true));
    }
    if (!seen.has("layout") && existsSync(path.join(base, "layout.hbs"))) {
      seen.add("layout");
      hb.registerPartial("layout", readTemplate(path.join(base, "layout.hbs"), format, hb));
    }
  }
  const r: Renderer = { templates: new Map(), hb, dirs: [...dirs] };
  renderers.set(key, r);
  return r;
}

function templateOf(r: Renderer, format: ReportFormat, name: string): Template {
  const cached = r.templates.get(name);
  if (cached) return cached;
  const file = r.dirs.map((d) => path.join(d, format, `${name}.hbs`)).find((f) => existsSync(f));
  if (!file) throw new TemplateError(`no template ${format}/${name}.hbs in ${r.dirs.join(", ")}`);
  const t = readTemplate(file, format, r.hb);
  r.templates.set(name, t);
  return t;
}

/**
 * The view made ready for one format. Plain strings are plain text: as they are for HTML
 * (Handlebars escapes them), Markdown-escaped for Markdown (`id` as a code span). A
 * `{ rich }` Markdown text becomes `{ html }`, or `{ md, cell }` (a block, and a
 * one-line table cell). `{ svg }` is kept for HTML and emptied for Markdown. `labels` are
 * the report's own words and pass unchanged.
 */
export function prepare(v: unknown, format: ReportFormat, key?: string): unknown {
  if (typeof v === "string") return format === "html" ? v : key === "id" ? mdCode(v) : mdText(v);
  if (Array.isArray(v)) return v.map((x) => prepare(x, format));
  if (v === null || typeof v !== "object") return v;
  const o = v as Record<string, unknown>;
  if (typeof o.rich === "string") {
    const base = typeof o.headingBase === "number" ? o.headingBase : 0;
    return format === "html" ? { html: markdownToHtml(o.rich, base) } : { md: markdownBlock(o.rich, base), cell: mdText(o.rich) };
  }
  if (typeof o.svg === "string" && Object.keys(o).length === 1) return format === "html" ? { svg: o.svg } : { svg: "" };
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(o)) out[k] = k === "labels" ? x : prepare(x, format, k);
  return out;
}

export interface RenderOptions {
  format: ReportFormat;
  /** The template's name: the phase in ASCII (manad, delar, arsredovisning). */
  template: string;
  dirs: readonly string[];
}

export function render(view: object, o: RenderOptions): string {
  const r = rendererFor(o.format, o.dirs);
  const t = templateOf(r, o.format, o.template);
  let text: string;
  try {
    text = t(prepare(view, o.format), { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false });
  } catch (e) {
    throw new TemplateError(`template ${o.format}/${o.template}.hbs: ${(e as Error).message.split("\n")[0]}`);
  }
  return o.format === "md" ? tidyMarkdown(text) : text;
}

/**
 * Templates leave blank lines where sections are empty; Markdown wants at most one. A table
 * must be followed by a blank line, or the next paragraph would become one of its rows, and
 * a heading reads best with a blank line before it. Fenced code is left as it is.
 */
function tidyMarkdown(text: string): string {
  const lines = text.replace(/[ \t]+$/gmu, "").split("\n");
  const out: string[] = [];
  let fence: string | undefined;
  for (const line of lines) {
    const marker = /^ {0,3}(`{3,}|~{3,})/u.exec(line)?.[1];
    const prev = out[out.length - 1];
    if (fence === undefined && prev !== undefined && prev !== "") {
      const afterTable = prev.startsWith("|") && !line.startsWith("|");
      if (afterTable || /^#{1,6} /u.test(line)) out.push("");
    }
    out.push(line);
    if (marker !== undefined) fence = fence === undefined ? marker : marker.startsWith(fence) ? undefined : fence;
  }
  return `${out.join("\n").replace(/\n{3,}/gu, "\n\n").trim()}\n`;
}
