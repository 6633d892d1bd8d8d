// Render a report view with Handlebars. Templates come from templates/<format>/, and a plan
// repository may override any of them by the same relative name in `<planroot>/mallar/`
// or in `--mallar DIR` (that one first).
//
// Templates are files of the plan like its YAML, read by the same rules (load/read-file.ts):
// `mallar/`, its folders and its templates must be real folders and regular files, never
// links, FIFOs or devices, and each is size-capped. `--mallar DIR` is the user's own choice on
// the command line, so DIR itself may be a link (it is resolved once); inside it the same rules
// hold. A template that breaks them stops the report with one line (exit 2) rather than being
// skipped: a skipped override would quietly give a report other than the one asked for.
//
// Safety: in HTML every value goes through Handlebars' escaping ({{ }}); the templates use
// triple-stash only for `.html` (Markdown rendered by markdown-text.ts with raw HTML off)
// and `.svg` (made by chart.ts, which escapes its texts). In Markdown the view is escaped
// by `prepare` before rendering, so the Markdown templates are compiled without escaping.
import { withoutNonHtml } from "../format/text.js";
import { readdirSync, realpathSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Handlebars from "handlebars";
import { mdCode, mdText } from "../format/markdown.js";
import type { ReportFormat } from "../format/names.js";
import { entryKind, MAX_TEMPLATE_BYTES, MAX_TEMPLATE_FILES, MAX_TEMPLATES_BYTES, readRegularFile, refusalLine } from "../load/read-file.js";
import { markdownBlock, markdownToHtml } from "./markdown-text.js";
import { BilingualError, type Bilingual } from "../diagnostics/index.js";

// The names live with every other format name, so that `plan --help` lists them without loading this.
export type { ReportFormat };

const BUILT_IN_TEMPLATES = fileURLToPath(new URL("../../templates/", import.meta.url));

/** "what: detail" in each language; the detail (an error code, Handlebars' words) is as it came. */
const bothWays = (en: string, sv: string, detail: string): Bilingual => ({ en: `${en}: ${detail}`, sv: `${sv}: ${detail}` });

/** A template that cannot be read or compiled: a usage problem of the plan's own mallar. */
export class TemplateError extends BilingualError {
  override name = "TemplateError";
}

type Template = Handlebars.TemplateDelegate;

/**
 * Built-in templates that serve under another name as well. The årsredovisning is the
 * delårsrapport's body for helår (its view adds the trends and the avsnitt), so one built-in
 * file serves both. Only the built-in folder is read this way: a plan's own `arsredovisning.hbs`
 * still overrides the årsredovisning alone, and its own `delar.hbs` the delårsrapport alone.
 */
const BUILT_IN_ALIASES: Readonly<Record<string, string>> = { arsredovisning: "delar" };

/**
 * Partials that were renamed so that both formats use one name (old name → name). A plan's
 * own partial by the old name still replaces the built-in one, and the old name still works in
 * a plan's own templates. Per format: the old name was used in that format only. A folder
 * that holds both files uses the new one (`status-badge.hbs` sorts before `status.hbs`).
 */
const RENAMED_PARTIALS: Readonly<Record<ReportFormat, Readonly<Record<string, string>>>> = {
  md: { status: "status-badge" },
  html: {},
};

interface Renderer {
  templates: Map<string, Template>;
  hb: typeof Handlebars;
  dirs: string[];
  /** The package's own templates folder (the last of `dirs`), resolved. */
  builtIn: string;
  /** What this renderer has read so far, against the caps. */
  read: { files: number; bytes: number };
}

const renderers = new Map<string, Renderer>();

/**
 * What one render may do: invoke partials and go round `each`, and the text those make. A
 * template is the plan's own, so it may be hostile: thirty partials that each invoke the next
 * twice make 2³⁰ copies from a few hundred bytes (before, 60 s and 2.6 GB, then killed), and
 * `each` inside `each` the square of the plan. The largest built-in report of the generated
 * city at twice its size (the verksamhetsplan of the whole kommun, test/bench/generate.mjs
 * --scale 2) takes 40,000 steps and 57 M characters (a partial's text is counted again in
 * the partial or round that holds it): a fiftieth and a ninth of these.
 */
const MAX_RENDER_STEPS = 2_000_000;
const MAX_RENDER_CHARS = 512 * 1024 * 1024;

/** What the render under way has left (render is synchronous: one at a time). */
let budget: { steps: number; chars: number } | undefined;

class RenderLimit extends Error {}

/** One step of the render under way, and the text it made. */
function spend(text: unknown): void {
  if (!budget) return;
  budget.steps--;
  if (typeof text === "string") budget.chars -= text.length;
  if (budget.steps < 0 || budget.chars < 0) throw new RenderLimit();
}

/** Text as a quoted CSS string that is safe inside a <style> element. */
export function cssString(text: string): string {
  let out = "";
  for (const ch of text) out += /[\p{L}\p{N} ]/u.test(ch) ? ch : `\\${ch.codePointAt(0)!.toString(16)} `;
  return `"${out}"`;
}

/** `parent/name` when it is a real folder, undefined when there is none; a link or anything else stops the report. */
function templateFolder(parent: string, name: string): string | undefined {
  const abs = path.join(parent, name);
  const kind = entryKind(abs);
  if (kind === undefined) return undefined;
  if (kind !== "folder") throw new TemplateError(refusalLine(abs, { kind: kind === "file" ? "other" : kind }));
  return abs;
}

/** The template folders in lookup order: --mallar, the plan's mallar/, the built-in ones. */
export function templateDirs(planRoot: string, mallar?: string): string[] {
  const dirs: string[] = [];
  if (mallar !== undefined) {
    try {
      dirs.push(realpathSync(mallar));
    } catch (e) {
      throw new TemplateError(bothWays(`cannot read --mallar ${mallar}`, `kan inte läsa --mallar ${mallar}`, (e as NodeJS.ErrnoException).code ?? (e as Error).message));
    }
  }
  const own = templateFolder(planRoot, "mallar");
  if (own !== undefined) dirs.push(own);
  return [...dirs, ...builtInTemplateDirs()];
}

/** The package's own templates alone: what a plan's mallar/ cannot change. */
export const builtInTemplateDirs = (): string[] => [realpathSync(BUILT_IN_TEMPLATES)];

/** The text of a template file, or undefined when there is none. */
function templateText(r: Renderer, file: string): string | undefined {
  const got = readRegularFile(file, MAX_TEMPLATE_BYTES);
  if (got === undefined) return undefined;
  if ("refused" in got) throw new TemplateError(refusalLine({ en: `template ${file}`, sv: `mallen ${file}` }, got.refused));
  r.read.files++;
  r.read.bytes += got.bytes.length;
  if (r.read.files > MAX_TEMPLATE_FILES || r.read.bytes > MAX_TEMPLATES_BYTES) {
    throw new TemplateError({
      en: `the templates hold more than ${MAX_TEMPLATE_FILES} files or ${MAX_TEMPLATES_BYTES / 1024 / 1024} MiB: refused`,
      sv: `mallarna är fler än ${MAX_TEMPLATE_FILES} filer eller större än ${MAX_TEMPLATES_BYTES / 1024 / 1024} MiB: vägras`,
    });
  }
  return Buffer.from(got.bytes).toString("utf8");
}

function compileTemplate(file: string, text: string, format: ReportFormat, hb: typeof Handlebars, partial = false): Template {
  // A partial is inserted inline: the newline that ends its file is not part of it.
  const source = partial ? text.replace(/\r?\n$/u, "") : text;
  try {
    // Parse now, so a syntax error names its file instead of failing at the first render.
    hb.parse(source);
    return hb.compile(source, { strict: true, noEscape: format === "md", preventIndent: true });
  } catch (e) {
    throw new TemplateError(bothWays(`template ${file}`, `mallen ${file}`, (e as Error).message.split("\n")[0]!));
  }
}

/** One Handlebars environment per format and folder list, built once per process. */
function rendererFor(format: ReportFormat, dirs: readonly string[]): Renderer {
  const key = `${format}\0${dirs.join("\0")}`;
  const cached = renderers.get(key);
  if (cached) return cached;
  const hb = Handlebars.create();
  // Every partial (registered, inline, dynamic or a block) is invoked through the environment's
  // VM, and `each` is the one helper that repeats: both count against the render's budget.
  // (Handlebars reads env.VM at every call, for this; its types do not list invokePartial.)
  const vm = hb.VM as unknown as { invokePartial: (...args: unknown[]) => unknown };
  hb.VM = {
    ...vm,
    invokePartial(this: unknown, ...args: unknown[]) {
      const out = vm.invokePartial.apply(this, args);
      spend(out);
      return out;
    },
  } as unknown as typeof hb.VM;
  const each = hb.helpers.each!;
  hb.registerHelper("each", function (this: unknown, context: unknown, options: Handlebars.HelperOptions) {
    const fn = options.fn;
    const counted = Object.assign((c: unknown, o?: Handlebars.RuntimeOptions): string => {
      const text = fn(c, o);
      spend(text);
      return text;
    }, fn);
    return each.call(this, context, { ...options, fn: counted });
  });
  // Comparing two values is all the logic templates need; no helper returns markup.
  hb.registerHelper("eq", (a: unknown, b: unknown) => a === b);
  // A CSS string for the running header of printed pages: every character but letters,
  // digits and spaces is written as a CSS escape, so no text can end the string or the
  // <style> element. The one helper whose output is used unescaped outside .html/.svg.
  hb.registerHelper("cssString", (...args: unknown[]) => cssString(args.slice(0, -1).map((a) => String(a ?? "")).join("")));
  const r: Renderer = { templates: new Map(), hb, dirs: [...dirs], builtIn: realpathSync(BUILT_IN_TEMPLATES), read: { files: 0, bytes: 0 } };
  const renamed = RENAMED_PARTIALS[format];
  // Partials: the first folder that has a name wins; the layout is a partial too.
  const seen = new Set<string>();
  for (const dir of dirs) {
    const base = templateFolder(dir, format);
    if (base === undefined) continue;
    const partialDir = templateFolder(base, "partials");
    const files = partialDir !== undefined ? readdirSync(partialDir).filter((f) => f.endsWith(".hbs")).sort() : [];
    for (const f of files) {
      const stem = f.slice(0, -4);
      const name = Object.hasOwn(renamed, stem) ? renamed[stem]! : stem;
      if (seen.has(name)) continue;
      seen.add(name);
      const file = path.join(partialDir!, f);
      const text = templateText(r, file);
      if (text === undefined) throw new TemplateError(bothWays(`cannot read template ${file}`, `kan inte läsa mallen ${file}`, "ENOENT"));
      hb.registerPartial(name, compileTemplate(file, text, format, hb, true));
    }
    if (!seen.has("layout")) {
      const file = path.join(base, "layout.hbs");
      const text = templateText(r, file);
      if (text !== undefined) {
        seen.add("layout");
        hb.registerPartial("layout", compileTemplate(file, text, format, hb));
      }
    }
  }
  for (const [old, name] of Object.entries(renamed)) if (hb.partials[name]) hb.registerPartial(old, hb.partials[name]);
  renderers.set(key, r);
  return r;
}

function templateOf(r: Renderer, format: ReportFormat, name: string): Template {
  const cached = r.templates.get(name);
  if (cached) return cached;
  for (const dir of r.dirs) {
    const base = templateFolder(dir, format);
    const own = dir === r.builtIn && Object.hasOwn(BUILT_IN_ALIASES, name) ? BUILT_IN_ALIASES[name]! : name;
    const file = base !== undefined ? path.join(base, `${own}.hbs`) : undefined;
    const text = file !== undefined ? templateText(r, file) : undefined;
    if (text === undefined) continue;
    const t = compileTemplate(file!, text, format, r.hb);
    r.templates.set(name, t);
    return t;
  }
  throw new TemplateError({ en: `no template ${format}/${name}.hbs in ${r.dirs.join(", ")}`, sv: `ingen mall ${format}/${name}.hbs i ${r.dirs.join(", ")}` });
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
  budget = { steps: MAX_RENDER_STEPS, chars: MAX_RENDER_CHARS };
  try {
    text = t(prepare(view, o.format), { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false });
  } catch (e) {
    if (e instanceof RenderLimit) {
      throw new TemplateError({
        en: `template ${o.format}/${o.template}.hbs makes more than ${MAX_RENDER_STEPS} partials and rounds of each, or ${MAX_RENDER_CHARS / 1024 / 1024} MiB of text: refused`,
        sv: `mallen ${o.format}/${o.template}.hbs gör mer än ${MAX_RENDER_STEPS} partials och varv i each, eller ${MAX_RENDER_CHARS / 1024 / 1024} MiB text: vägras`,
      });
    }
    throw new TemplateError(bothWays(`template ${o.format}/${o.template}.hbs`, `mallen ${o.format}/${o.template}.hbs`, (e as Error).message.split("\n")[0]!));
  } finally {
    budget = undefined;
  }
  // A plan text may hold code points no HTML page may (a control character, say): dropped.
  return o.format === "md" ? tidyMarkdown(text) : withoutNonHtml(text);
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
