// Checks a static site in a folder, as `plan site` writes it: a crawler (dead links and
// anchors, anything loaded from another origin, pages nobody links to), the shape every page
// must have (lang, title, one main, a CSP that allows nothing from elsewhere, no script), the
// W3C Nu HTML Checker over the whole folder in one JVM, and axe-core in Chromium, page by page.
// Every finding is one line, `path:line: message`, so a failing test shows where to look.
import { spawnSync } from "node:child_process";
import { readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser, Page } from "playwright-core";
import { axeViolations } from "../report-helpers.js";
import { ROOT } from "./exec.js";
import { planInProcess } from "./in-process.js";
import { filesBelow } from "./plan-dir.js";

// ---------------------------------------------------------------- a small HTML tokenizer

/** A start tag as written: its name (lower case), attributes (names lower case, values decoded), line. */
export interface Tag {
  readonly name: string;
  readonly attrs: ReadonlyMap<string, string>;
  readonly line: number;
  /** The text up to the matching end tag, for raw-text elements (script, style) and title. */
  readonly text?: string;
}

const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };

/** Character references in an attribute value or text: numeric ones and the few named ones a generator writes. */
function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/giu, (all, ref: string) => {
    if (ref[0] === "#") {
      const code = ref[1] === "x" || ref[1] === "X" ? parseInt(ref.slice(2), 16) : Number(ref.slice(1));
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : "\ufffd";
    }
    return NAMED[ref.toLowerCase()] ?? all;
  });
}

const RAW = new Set(["script", "style", "title", "textarea"]);

/**
 * The start tags of an HTML document in order. Comments, the doctype and end tags are passed
 * over; the content of script, style, title and textarea is not read as markup. This is
 * enough for pages a generator writes; vnu judges whether they are well formed.
 */
export function tags(html: string): Tag[] {
  const out: Tag[] = [];
  let line = 1;
  let at = 0;
  const advance = (to: number): void => {
    for (let i = at; i < to; i++) if (html.charCodeAt(i) === 10) line++;
    at = to;
  };
  while (at < html.length) {
    const lt = html.indexOf("<", at);
    if (lt < 0) break;
    advance(lt);
    if (html.startsWith("<!--", lt)) {
      const end = html.indexOf("-->", lt + 4);
      advance(end < 0 ? html.length : end + 3);
      continue;
    }
    const m = /^<([a-zA-Z][a-zA-Z0-9:-]*)/u.exec(html.slice(lt, lt + 64));
    if (!m) {
      // An end tag, the doctype, or a lone "<" in text.
      const gt = html.indexOf(">", lt);
      advance(html[lt + 1] === "/" || html[lt + 1] === "!" ? (gt < 0 ? html.length : gt + 1) : lt + 1);
      continue;
    }
    const name = m[1]!.toLowerCase();
    const tagLine = line;
    const attrs = new Map<string, string>();
    let i = lt + m[0].length;
    const attr = /\s*(?:([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?|\/)/uy;
    for (;;) {
      attr.lastIndex = i;
      const a = attr.exec(html);
      if (!a || a[0] === "") break;
      i = attr.lastIndex;
      const key = a[1]?.toLowerCase();
      if (key !== undefined && !attrs.has(key)) attrs.set(key, decodeEntities(a[2] ?? a[3] ?? a[4] ?? ""));
    }
    const gt = html.indexOf(">", i);
    advance(gt < 0 ? html.length : gt + 1);
    if (RAW.has(name)) {
      const close = html.toLowerCase().indexOf(`</${name}`, at);
      const end = close < 0 ? html.length : close;
      out.push({ name, attrs, line: tagLine, text: html.slice(at, end) });
      advance(end);
    } else out.push({ name, attrs, line: tagLine });
  }
  return out;
}

// ---------------------------------------------------------------- references

/** How a reference is used: loaded with the page (a stylesheet, an image), or followed (a link). */
type Use = "load" | "link";

interface Ref {
  readonly url: string;
  readonly use: Use;
  readonly line: number;
  readonly what: string;
}

/** The URLs in a srcset: each candidate's URL, without its width or density. */
const srcsetUrls = (v: string): string[] => v.split(",").map((c) => c.trim().split(/\s+/u)[0] ?? "").filter((u) => u !== "");

/** Every url(…) and @import "…" of a stylesheet (comments removed first), with its line. */
export function cssUrls(css: string, firstLine = 1): { url: string; line: number }[] {
  const text = css.replace(/\/\*[\s\S]*?\*\//gu, (c) => c.replace(/[^\n]/gu, " "));
  const out: { url: string; line: number }[] = [];
  for (const m of text.matchAll(/url\(\s*(?:"([^"]*)"|'([^']*)'|([^)"'\s]*))\s*\)|@import\s+(?:"([^"]*)"|'([^']*)')/giu)) {
    const line = firstLine + (text.slice(0, m.index).match(/\n/gu)?.length ?? 0);
    out.push({ url: decodeCssEscapes(m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[5] ?? ""), line });
  }
  return out;
}

const decodeCssEscapes = (s: string): string => s.replace(/\\([0-9a-f]{1,6})\s?|\\(.)/giu, (_, hex?: string, ch?: string) => (hex !== undefined ? String.fromCodePoint(parseInt(hex, 16)) : ch!));

/** The attributes of each element that name a URL, and whether the browser loads it or a reader follows it. */
function refsOf(tag: Tag): Ref[] {
  const out: Ref[] = [];
  const a = tag.attrs;
  const add = (url: string | undefined, use: Use, what: string): void => {
    if (url !== undefined) out.push({ url: url.trim(), use, line: tag.line, what: `<${tag.name} ${what}>` });
  };
  const linkLoads = (): boolean => !/^(canonical|alternate|author|license|help|next|prev|search|bookmark|external|nofollow|noopener|noreferrer|me)(\s|$)/iu.test(a.get("rel") ?? "");
  if (a.has("href")) add(a.get("href"), tag.name === "link" && linkLoads() ? "load" : tag.name === "base" ? "load" : "link", "href");
  if (a.has("xlink:href")) add(a.get("xlink:href"), tag.name === "a" ? "link" : "load", "xlink:href");
  for (const k of ["src", "poster", "data", "background"]) if (a.has(k)) add(a.get(k), "load", k);
  for (const k of ["action", "formaction", "cite", "longdesc"]) if (a.has(k)) add(a.get(k), "link", k);
  if (a.has("srcset")) for (const u of srcsetUrls(a.get("srcset")!)) add(u, "load", "srcset");
  if (a.has("style")) for (const u of cssUrls(a.get("style")!)) add(u.url, "load", "style url()");
  if (tag.name === "style" && tag.text !== undefined) for (const u of cssUrls(tag.text)) out.push({ url: u.url, use: "load", line: tag.line + u.line - 1, what: "<style> url()" });
  if (tag.name === "meta" && /^refresh$/iu.test(a.get("http-equiv") ?? "")) {
    const m = /url\s*=\s*['"]?([^'"]*)/iu.exec(a.get("content") ?? "");
    // A refresh navigates by itself: treat its target as loaded.
    if (m) add(m[1], "load", "http-equiv=refresh");
  }
  return out;
}

/** Another origin: a scheme (http:, https:, ftp:, data:, javascript: …) or a protocol-relative //host. */
const foreign = (url: string): boolean => /^[a-z][a-z0-9+.-]*:/iu.test(url) || url.startsWith("//") || url.startsWith("\\\\");
/** Schemes a link may use without leaving the site's promise: mail and telephone. */
const harmless = (url: string): boolean => /^(mailto|tel):/iu.test(url);

// ---------------------------------------------------------------- the crawl

export interface CrawlResult {
  /** Every .html file, relative to the site's root, sorted. */
  readonly pages: readonly string[];
  /** Internal links, sources and #fragments that do not resolve, and any from the server's root (`/x`). */
  readonly dead: readonly string[];
  /** Anything loaded from another origin (data: included), and javascript: anywhere. */
  readonly foreign: readonly string[];
  /** Links a reader may follow to another origin (https: only): listed, the caller judges. */
  readonly outbound: readonly string[];
  /** Pages and data files that no page links to, the start page's chain followed from index.html. */
  readonly orphans: readonly string[];
}

/** Files a site may hold without a link to them: the sitemap and robots.txt, and dot files. */
const UNLINKED = /^(sitemap\.xml|robots\.txt)$|(^|\/)\./u;

export function crawl(dir: string): CrawlResult {
  const files = filesBelow(dir);
  const present = new Set(files);
  const pages = files.filter((f) => f.endsWith(".html"));
  const ids = new Map<string, Set<string>>();
  const refs = new Map<string, Ref[]>();
  for (const page of pages) {
    const t = tags(readFileSync(path.join(dir, page), "utf8"));
    ids.set(page, new Set(t.flatMap((x) => [x.attrs.get("id"), x.name === "a" ? x.attrs.get("name") : undefined]).filter((v): v is string => v !== undefined)));
    refs.set(page, t.flatMap(refsOf));
  }
  for (const css of files.filter((f) => f.endsWith(".css"))) {
    refs.set(css, cssUrls(readFileSync(path.join(dir, css), "utf8")).map((u) => ({ ...u, use: "load" as const, what: "url()" })));
  }
  const dead: string[] = [];
  const foreignRefs: string[] = [];
  const outbound: string[] = [];
  const edges = new Map<string, string[]>();
  for (const [from, list] of refs) {
    const to: string[] = [];
    for (const r of list) {
      const where = `${from}:${r.line}: ${r.what}`;
      if (r.url === "") {
        dead.push(`${where}: empty URL`);
        continue;
      }
      if (foreign(r.url)) {
        if (r.use === "link" && harmless(r.url)) continue;
        if (r.use === "link" && /^https:\/\//iu.test(r.url)) outbound.push(`${where}: ${r.url}`);
        else foreignRefs.push(`${where}: ${r.url}`);
        continue;
      }
      if (r.url.startsWith("/")) {
        dead.push(`${where}: ${r.url} (from the server's root: wrong from file:// and under a sub-path)`);
        continue;
      }
      let target: ReturnType<typeof resolveRef>;
      try {
        target = resolveRef(from, r.url);
      } catch {
        dead.push(`${where}: ${r.url} (a malformed %-escape)`);
        continue;
      }
      if (target === undefined) {
        dead.push(`${where}: ${r.url} leaves the site's folder`);
        continue;
      }
      const file = target.path === "" || target.path.endsWith("/") ? `${target.path}index.html` : target.path;
      if (!present.has(file)) {
        dead.push(`${where}: ${r.url} (no ${file})`);
        continue;
      }
      to.push(file);
      if (target.fragment !== undefined && target.fragment !== "" && !ids.get(file)?.has(target.fragment)) {
        dead.push(`${where}: ${r.url} (no id "${target.fragment}" in ${file})`);
      }
    }
    edges.set(from, to);
  }
  const reached = new Set<string>();
  const queue = present.has("index.html") ? ["index.html"] : [];
  while (queue.length > 0) {
    const f = queue.pop()!;
    if (reached.has(f)) continue;
    reached.add(f);
    queue.push(...(edges.get(f) ?? []));
  }
  const orphans = files.filter((f) => !reached.has(f) && !UNLINKED.test(f) && /\.(html|csv|json)$/u.test(f));
  return { pages, dead, foreign: foreignRefs, outbound, orphans };
}

/** A reference resolved against the page it stands in: the file's path from the root and the decoded #fragment, or undefined above the root. */
function resolveRef(from: string, url: string): { path: string; fragment?: string } | undefined {
  const hash = url.indexOf("#");
  const fragment = hash < 0 ? undefined : decodeURIComponent(url.slice(hash + 1));
  const rel = (hash < 0 ? url : url.slice(0, hash)).split("?")[0]!;
  const segments = rel === "" ? [from] : [...from.split("/").slice(0, -1), ...rel.split("/")];
  const out: string[] = [];
  for (const [i, s] of segments.entries()) {
    const last = i === segments.length - 1;
    if (s === "..") {
      if (out.length === 0) return undefined;
      out.pop();
      if (last) out.push("");
    } else if (s === ".") {
      if (last) out.push("");
    } else if (s !== "" || last) out.push(decodeURIComponent(s));
  }
  const p = out.join("/");
  return fragment === undefined ? { path: p } : { path: p, fragment };
}

// ---------------------------------------------------------------- the shape of every page

/** The directives of a Content-Security-Policy, each with its sources. */
function parseCsp(policy: string): Map<string, string[]> {
  const m = new Map<string, string[]>();
  for (const d of policy.split(";")) {
    const [name, ...sources] = d.trim().split(/\s+/u);
    if (name) m.set(name.toLowerCase(), sources);
  }
  return m;
}

/** Sources that admit nothing from another origin. */
const LOCAL_SOURCE = /^('none'|'self'|'unsafe-inline'|'sha(256|384|512)-[A-Za-z0-9+/=]+')$/u;

/**
 * Every page: `<html lang>`, a non-empty `<title>` in the head, exactly one `<main>`, a CSP meta
 * whose default-src is 'none' and whose sources are all local, print styles, no on* handler, no
 * inline script, and a script only from a local file the CSP admits.
 */
export function pageShape(dir: string): string[] {
  const out: string[] = [];
  for (const page of filesBelow(dir).filter((f) => f.endsWith(".html"))) {
    const t = tags(readFileSync(path.join(dir, page), "utf8"));
    const at = (tag: Tag | undefined, msg: string): void => void out.push(`${page}:${tag?.line ?? 1}: ${msg}`);
    const html = t.find((x) => x.name === "html");
    if (!html?.attrs.get("lang")?.trim()) at(html, "no <html lang>");
    const body = t.findIndex((x) => x.name === "body");
    const title = t.slice(0, body < 0 ? t.length : body).find((x) => x.name === "title");
    if (!title?.text?.trim()) at(title, "no <title> in the head");
    const mains = t.filter((x) => x.name === "main");
    if (mains.length !== 1) at(mains[1], `${mains.length} <main> elements, not 1`);
    const cspTag = t.find((x) => x.name === "meta" && /^content-security-policy$/iu.test(x.attrs.get("http-equiv") ?? ""));
    const csp = parseCsp(cspTag?.attrs.get("content") ?? "");
    if (!cspTag) at(undefined, "no Content-Security-Policy meta");
    else {
      if ((csp.get("default-src") ?? []).join(" ") !== "'none'") at(cspTag, `CSP default-src is not 'none': ${cspTag.attrs.get("content")}`);
      for (const [name, sources] of csp) for (const s of sources) if (!LOCAL_SOURCE.test(s)) at(cspTag, `CSP ${name} admits ${s}`);
      if ((csp.get("script-src") ?? []).includes("'unsafe-inline'")) at(cspTag, "CSP script-src admits 'unsafe-inline'");
    }
    // Print styles: an @media print rule in the page's <style> or its local stylesheets, or a print stylesheet.
    const css = t.flatMap((x) => {
      if (x.name === "style") return [x.text ?? ""];
      const href = x.attrs.get("href");
      if (x.name !== "link" || !/(^|\s)stylesheet(\s|$)/iu.test(x.attrs.get("rel") ?? "") || href === undefined || foreign(href)) return [];
      if (/\bprint\b/iu.test(x.attrs.get("media") ?? "")) return ["@media print {}"];
      try {
        return [readFileSync(path.join(dir, path.dirname(page), decodeURIComponent(href.split(/[?#]/u)[0]!)), "utf8")];
      } catch {
        return [];
      }
    });
    if (!css.some((c) => /@media[^{]*\bprint\b/iu.test(c))) at(undefined, "no print styles (@media print)");
    for (const x of t) {
      for (const k of x.attrs.keys()) if (k.startsWith("on")) at(x, `<${x.name} ${k}>: an event handler`);
      if (x.name !== "script") continue;
      const src = x.attrs.get("src");
      if (src === undefined) at(x, "an inline <script>");
      else if (foreign(src)) at(x, `<script src=${src}> from another origin`);
      else if (!(csp.get("script-src") ?? []).includes("'self'")) at(x, `<script src=${src}> that the CSP does not admit (no script-src 'self')`);
    }
  }
  return out;
}

// ---------------------------------------------------------------- the W3C Nu HTML Checker

const VNU_JAR = path.join(ROOT, "node_modules/vnu-jar/build/dist/vnu.jar");

interface VnuMessage {
  type: "error" | "info" | "non-document-error";
  subType?: string;
  url?: string;
  lastLine?: number;
  firstColumn?: number;
  lastColumn?: number;
  message: string;
}

/** vnu over the whole folder in one JVM: HTML and CSS; every error and every warning, as `path:line:column: message`. */
export function vnu(dir: string): { errors: string[]; warnings: string[] } {
  // The client compiler only (a short run never pays back the optimising one): half the CPU
  // time on a site of 140 pages. Its larger frames need a bigger stack than vnu's 512k minimum.
  const jvm = ["-Xss2m", "-XX:TieredStopAtLevel=1"];
  const r = spawnSync("java", [...jvm, "-jar", VNU_JAR, "--format", "json", "--skip-non-html", "--also-check-css", dir], { encoding: "utf8", maxBuffer: 1 << 28 });
  if (r.error) throw new Error(`vnu did not run: ${r.error.message} (is java installed?)`);
  let messages: VnuMessage[];
  try {
    messages = (JSON.parse(r.stderr) as { messages: VnuMessage[] }).messages;
  } catch {
    throw new Error(`vnu gave no JSON (exit ${r.status}):\n${r.stderr.slice(0, 2000)}`);
  }
  const root = pathToFileURL(dir).href.replace(/^file:\/\//u, "file:");
  const where = (m: VnuMessage): string => {
    const file = m.url === undefined ? "?" : decodeURIComponent(m.url.replace(/^file:(\/\/)?/u, "file:").slice(root.length).replace(/^\//u, ""));
    // vnu 26 counts an HTML file's lines from 0 (a CSS file's from 1); editors count from 1.
    const line = (m.lastLine ?? 0) + (file.endsWith(".css") ? 0 : 1);
    return `${file}:${line}:${m.firstColumn ?? m.lastColumn ?? 0}: ${m.message}`;
  };
  return {
    errors: messages.filter((m) => m.type !== "info").map(where),
    warnings: messages.filter((m) => m.type === "info" && m.subType === "warning").map(where),
  };
}

// ---------------------------------------------------------------- axe-core in Chromium

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

export interface BrowserFindings {
  /** WCAG 2.1 A/AA violations, `page: rule: n × html`. */
  readonly violations: string[];
  /** Requests for anything but a file of the site (all are stopped). */
  readonly requests: string[];
  /** Console errors: a CSP refusal, a file that failed to load, a script error. */
  readonly errors: string[];
}

/**
 * Every page of the folder opened from file:// in one browser, `parallel` pages at a time, its
 * own CSP in force (axe comes in as an init script, which a page's CSP does not stop); the
 * network is cut off. The folder's own files load as a reader's browser would load them. axe
 * reads every page opened, or with `axe` only those (the others are still opened and checked
 * for requests, errors and what did not load).
 */
export async function axeSite(browser: Browser, dir: string, o: { pages?: readonly string[]; axe?: readonly string[]; parallel?: number } = {}): Promise<BrowserFindings> {
  const pages = [...(o.pages ?? filesBelow(dir).filter((f) => f.endsWith(".html")))];
  const axed = new Set(o.axe ?? pages);
  const found: BrowserFindings = { violations: [], requests: [], errors: [] };
  const context = await browser.newContext();
  try {
    await context.setOffline(true);
    const root = pathToFileURL(dir + path.sep).href;
    const worker = async (tab: Page): Promise<void> => {
      // Console errors and failed loads count while the page loads, not while axe runs (axe
      // fetches the stylesheets again itself, which a strict CSP rightly refuses).
      let current = "";
      let loading = false;
      tab.on("request", (r) => {
        if (!r.url().startsWith(root)) found.requests.push(`${current}: ${r.url()}`);
      });
      tab.on("requestfailed", (r) => {
        if (loading && r.url().startsWith(root)) found.errors.push(`${current}: failed to load ${r.url().slice(root.length)}`);
      });
      tab.on("console", (m) => {
        if (loading && m.type() === "error") found.errors.push(`${current}: ${m.text()}`);
      });
      tab.on("pageerror", (e) => found.errors.push(`${current}: ${e.message}`));
      for (let next = pages.shift(); next !== undefined; next = pages.shift()) {
        current = next;
        loading = true;
        await tab.goto(pathToFileURL(path.join(dir, next)).href, { waitUntil: "load" });
        // Whatever the CSP or a wrong path kept out: a stylesheet without rules, an image without pixels.
        const unloaded = await tab.evaluate(() => [
          ...[...document.querySelectorAll<HTMLLinkElement>("link[rel~=stylesheet]")].filter((l) => l.sheet === null).map((l) => `stylesheet ${l.getAttribute("href")}`),
          ...[...document.images].filter((i) => !i.complete || i.naturalWidth === 0).map((i) => `image ${i.getAttribute("src")}`),
        ]);
        loading = false;
        for (const u of unloaded) found.errors.push(`${current}: ${u} did not load`);
        if (axed.has(next)) {
          // axe only where it runs, and put in as DevTools puts in what it evaluates, which the
          // page's CSP does not govern (a script tag it would refuse): parsing its 500 kB on
          // every page loaded took a third of the time.
          await tab.evaluate(AXE_SOURCE);
          for (const v of await axeViolations(tab)) found.violations.push(`${next}: ${v}`);
        }
      }
    };
    const tabs = await Promise.all(Array.from({ length: Math.max(1, Math.min(o.parallel ?? 3, pages.length)) }, () => context.newPage()));
    await Promise.all(tabs.map(worker));
  } finally {
    await context.close();
  }
  for (const list of Object.values(found)) list.sort();
  return found;
}

/**
 * What a page is built of, as axe sees it: each element name, each element with each of its
 * classes, each attribute name an element carries, and the value of every attribute but those that
 * hold text or addresses (role, aria-*, lang, type, scope, …). Pages of one kind differ in these
 * where their content differs: a status of its own colour, a chart, a table, a comparison.
 */
export function variantsOf(html: string): Set<string> {
  const out = new Set<string>();
  const FREE = new Set(["href", "src", "srcset", "alt", "title", "content", "id", "for", "headers", "aria-label", "aria-labelledby", "aria-describedby", "datetime", "value", "width", "height", "viewbox", "d", "x", "y", "cx", "cy", "r", "points", "transform", "x1", "x2", "y1", "y2"]);
  for (const t of tags(html)) {
    out.add(t.name);
    for (const [k, v] of t.attrs) {
      if (k === "class") for (const c of v.split(/\s+/u).filter(Boolean)) out.add(`${t.name}.${c}`);
      else out.add(FREE.has(k) ? `${t.name}[${k}]` : `${t.name}[${k}=${v}]`);
    }
  }
  return out;
}

/**
 * Pages that together hold every variant (variantsOf) of every page of their folder: within a
 * folder, the largest page first, then again and again the page with the most variants not yet
 * held, and the smallest page (the edge: a page with little in it). Every page of a folder of at
 * most `whole` pages is taken.
 */
export function variantCover(dir: string, pages: readonly string[], whole = 4): string[] {
  const byFolder = new Map<string, string[]>();
  for (const page of pages) {
    const folder = page.includes("/") ? page.slice(0, page.lastIndexOf("/")) : "";
    byFolder.set(folder, [...(byFolder.get(folder) ?? []), page]);
  }
  const out: string[] = [];
  for (const [folder, list] of byFolder) {
    if (folder === "" || list.length <= whole) {
      out.push(...list);
      continue;
    }
    const info = list.map((page) => ({ page, size: statSync(path.join(dir, page)).size, variants: variantsOf(readFileSync(path.join(dir, page), "utf8")) }));
    info.sort((a, b) => b.size - a.size || (a.page < b.page ? -1 : 1));
    const held = new Set<string>();
    const take = (i: (typeof info)[number]): void => {
      out.push(i.page);
      for (const v of i.variants) held.add(v);
    };
    take(info[0]!);
    take(info[info.length - 1]!);
    for (;;) {
      let best: (typeof info)[number] | undefined;
      let gain = 0;
      for (const i of info) {
        let n = 0;
        for (const v of i.variants) if (!held.has(v)) n++;
        if (n > gain) [best, gain] = [i, n];
      }
      if (!best) break;
      take(best);
    }
  }
  return [...new Set(out)].sort();
}

/**
 * The pages axe looks at when not every page: every page at the top and in a folder of at most
 * `perFolder` pages; in a larger folder (pages of one kind, from one template) its `perFolder - 1`
 * largest pages (the most content) and its smallest (the edge: a page with little in it).
 */
export function samplePages(dir: string, perFolder = 4): string[] {
  const byFolder = new Map<string, { page: string; size: number }[]>();
  for (const page of filesBelow(dir).filter((f) => f.endsWith(".html"))) {
    const folder = page.includes("/") ? page.slice(0, page.lastIndexOf("/")) : "";
    byFolder.set(folder, [...(byFolder.get(folder) ?? []), { page, size: statSync(path.join(dir, page)).size }]);
  }
  const out: string[] = [];
  for (const [folder, pages] of byFolder) {
    if (folder === "" || pages.length <= perFolder) out.push(...pages.map((p) => p.page));
    else {
      const bySize = [...pages].sort((a, b) => b.size - a.size || (a.page < b.page ? -1 : 1));
      out.push(...bySize.slice(0, perFolder - 1).map((p) => p.page), bySize.at(-1)!.page);
    }
  }
  return out.sort();
}

// ---------------------------------------------------------------- hostile texts

export interface PayloadFindings {
  /** Per page: what the payload made of the DOM, had it been markup: elements, handlers, javascript: URLs, a global set, a dialog. */
  readonly markup: string[];
  /** Each page's title and visible text, whitespace collapsed. */
  readonly texts: string[];
}

/**
 * Every page opened from file:// with scripts on and the CSP left to the page, and its DOM as
 * the browser parsed it read back: any script, iframe, object or embed, an img with src "x" or
 * an svg with onload (what the payloads would make), any on* attribute, any javascript: URL,
 * `window.pwned` set, a dialog opened. The caller then looks for the payloads in the text.
 */
export async function payloadFindings(browser: Browser, dir: string): Promise<PayloadFindings> {
  const found: PayloadFindings = { markup: [], texts: [] };
  const context = await browser.newContext();
  await context.setOffline(true);
  try {
    const tab = await context.newPage();
    let current = "";
    tab.on("dialog", (d) => {
      found.markup.push(`${current}: a dialog: ${d.message()}`);
      void d.dismiss();
    });
    for (const p of filesBelow(dir).filter((f) => f.endsWith(".html"))) {
      current = p;
      await tab.goto(pathToFileURL(path.join(dir, p)).href, { waitUntil: "load" });
      const dom = await tab.evaluate(() => ({
        made: [
          ...[...document.querySelectorAll("script, iframe, object, embed, img[src='x'], svg[onload]")].map((e) => e.outerHTML.slice(0, 80)),
          ...[...document.querySelectorAll("*")].flatMap((e) => [...e.attributes].filter((a) => a.name.startsWith("on")).map((a) => `<${e.tagName.toLowerCase()} ${a.name}>`)),
          ...[...document.querySelectorAll("[href], [src], [action]")]
            .map((e) => e.getAttribute("href") ?? e.getAttribute("src") ?? e.getAttribute("action") ?? "")
            .filter((u) => /^\s*javascript:/iu.test(u)),
          ...("pwned" in window ? [`window.pwned = ${String((window as unknown as { pwned: unknown }).pwned)}`] : []),
        ],
        text: `${document.title}\n${document.body.innerText}`,
      }));
      for (const m of dom.made) found.markup.push(`${p}: ${m}`);
      found.texts.push(dom.text.replace(/\s+/gu, " "));
    }
  } finally {
    await context.close();
  }
  return found;
}

// ---------------------------------------------------------------- open data against plan status

type DataRecord = Record<string, unknown> & { file: string };

/**
 * The records of every data file below `dir`: each JSON object with a string `id` (at any
 * depth), each CSV row as an object keyed by its header (the separator is the one the header
 * uses: `;` or `,`). A file that does not parse, or a row with another number of fields than its
 * header, is a problem.
 */
export function dataRecords(dir: string): { json: DataRecord[]; csv: DataRecord[]; problems: string[] } {
  const out = { json: [] as DataRecord[], csv: [] as DataRecord[], problems: [] as string[] };
  const walk = (v: unknown, file: string): void => {
    if (Array.isArray(v)) v.forEach((x) => walk(x, file));
    else if (v !== null && typeof v === "object") {
      if (typeof (v as Record<string, unknown>).id === "string") out.json.push({ ...(v as Record<string, unknown>), file });
      Object.values(v).forEach((x) => walk(x, file));
    }
  };
  for (const f of filesBelow(dir).filter((x) => /\.(csv|json)$/u.test(x))) {
    const text = readFileSync(path.join(dir, f), "utf8");
    try {
      if (f.endsWith(".json")) walk(JSON.parse(text) as unknown, f);
      else {
        const [header = [], ...body] = parseCsv(text, text.split("\n", 1)[0]!.includes(";") ? ";" : ",");
        for (const [i, row] of body.entries()) {
          if (row.length !== header.length) out.problems.push(`${f}:${i + 2}: ${row.length} fields, the header has ${header.length}`);
          else out.csv.push({ ...Object.fromEntries(header.map((h, j) => [h, row[j]])), file: f });
        }
      }
    } catch (e) {
      out.problems.push(`${f}: ${(e as Error).message}`);
    }
  }
  return out;
}

/** A figure as a file holds it: a number, or a text with a decimal comma or point (spaces and a − allowed); empty is null. */
const figure = (v: unknown): number | null =>
  v === null || v === undefined || v === "" ? null : typeof v === "number" ? v : Number(String(v).replace(/[\s\u00a0\u202f]/gu, "").replace(/\u2212/gu, "-").replace(",", "."));

interface StatusRow {
  id: string;
  status: string | null;
  value?: number | null;
  target?: number | null;
}

/**
 * The site's data files against `plan status --format json` of the plan in `planDir`: every
 * record of a målområde, resultatmål or åtagande (`typ`) at a follow-up `period` has the status
 * `plan status --period` gives, and an åtagande its value and target; every goal of the newest
 * follow-up has a record in the JSON files and in the CSV files. One line per disagreement.
 */
export function dataAgreement(dir: string, planDir: string): string[] {
  const cache = new Map<string, { period: string | null; rows: Map<string, StatusRow> }>();
  const status = (period: string | null): { period: string | null; rows: Map<string, StatusRow> } => {
    const key = period ?? "";
    if (!cache.has(key)) {
      const run = planInProcess(["status", "-C", planDir, "--format", "json", ...(period !== null ? ["--period", period] : [])]);
      if (run.status !== 0) throw new Error(`plan status --period ${period}: ${run.stderr}`);
      const j = JSON.parse(run.stdout) as { period: string | null } & Record<"åtaganden" | "resultatmål" | "målområden", StatusRow[]>;
      cache.set(key, { period: j.period, rows: new Map([...j.åtaganden, ...j.resultatmål, ...j.målområden].map((r) => [r.id, r])) });
    }
    return cache.get(key)!;
  };
  const newest = status(null);
  const { json, csv, problems } = dataRecords(dir);
  const out = [...problems];
  for (const [kind, records] of [["JSON", json], ["CSV", csv]] as const) {
    const goals = records.filter((r) => ["målområde", "resultatmål", "åtagande"].includes(String(r.typ)) && r.period !== null && r.period !== undefined && r.period !== "");
    if (goals.length === 0) out.push(`${kind}: no record of a goal at a follow-up period`);
    for (const r of goals) {
      const at = `${r.file}: ${String(r.typ)} ${String(r.id)} at ${String(r.period)}`;
      const want = status(String(r.period)).rows.get(String(r.id));
      if (!want) {
        out.push(`${at}: not in plan status`);
        continue;
      }
      const got = r.status === "" || r.status === undefined ? null : r.status;
      if (got !== want.status) out.push(`${at}: status ${String(got)}, plan status says ${String(want.status)}`);
      if (r.typ !== "åtagande") continue;
      for (const k of ["value", "target"] as const) {
        if (figure(r[k]) !== (want[k] ?? null)) out.push(`${at}: ${k} ${String(r[k])}, plan status says ${String(want[k] ?? null)}`);
      }
    }
    const seen = new Set(goals.filter((r) => r.period === newest.period).map((r) => String(r.id)));
    for (const id of newest.rows.keys()) if (!seen.has(id)) out.push(`${kind}: no record of ${id} at ${String(newest.period)}`);
  }
  return out;
}

// ---------------------------------------------------------------- CSV

/**
 * An RFC 4180 CSV text as rows of fields: fields separated by `sep`, optionally in double
 * quotes (a quote inside doubled), records ended by CRLF or LF, a final line break optional.
 * A byte-order mark is dropped. A quote inside an unquoted field, or an unclosed quote, throws.
 */
export function parseCsv(text: string, sep = ","): string[][] {
  const s = text.startsWith("\ufeff") ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  if (s === "") return rows;
  for (;;) {
    let field = "";
    if (s[i] === '"') {
      i++;
      for (;;) {
        const q = s.indexOf('"', i);
        if (q < 0) throw new Error(`CSV: unclosed quote (from offset ${i})`);
        field += s.slice(i, q);
        i = q + 1;
        if (s[i] === '"') {
          field += '"';
          i++;
        } else break;
      }
      if (i < s.length && s[i] !== sep && s[i] !== "\n" && !s.startsWith("\r\n", i)) throw new Error(`CSV: text after a closing quote at offset ${i}`);
    } else {
      const m = new RegExp(`[${sep.replace(/[\\\]^-]/gu, "\\$&")}"\\r\\n]|$`, "gu");
      m.lastIndex = i;
      const end = m.exec(s)!.index;
      if (s[end] === '"') throw new Error(`CSV: a quote inside an unquoted field at offset ${end}`);
      if (s[end] === "\r" && s[end + 1] !== "\n") throw new Error(`CSV: a bare CR at offset ${end}`);
      field = s.slice(i, end);
      i = end;
    }
    row.push(field);
    if (i >= s.length) {
      rows.push(row);
      return rows;
    }
    if (s[i] === sep) {
      i++;
      continue;
    }
    i += s[i] === "\r" ? 2 : 1;
    rows.push(row);
    row = [];
    if (i >= s.length) return rows;
  }
}
