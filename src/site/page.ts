// The shell around every page of the site: document head (one stylesheet, a Content-Security-
// Policy that allows nothing from elsewhere and no script), skip link, the site's navigation,
// breadcrumbs, the page's main content and the footer. Links are relative, so the site works
// from file://, under any sub-path and on any static host.
import { canonical } from "./sitemap.js";
import { esc } from "./text.js";
import type { SiteContext, SitePage } from "./types.js";
import { WORDS } from "./words.js";

/** No script, no frame, no font, nothing from another origin; the stylesheet is the site's own. */
const CSP = "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'";

/** The path from a page up to the site's root: "" for the root, "../" per folder. */
export function toRoot(pagePath: string): string {
  return "../".repeat(pagePath.split("/").length - 1);
}

const kommunOf = (ctx: SiteContext): string => (typeof ctx.plan.kommun?.data.namn === "string" ? ctx.plan.kommun.data.namn : "");

export function renderPage(page: SitePage, ctx: SiteContext): string {
  const w = WORDS[ctx.lang];
  const up = toRoot(page.path);
  const siteTitle = w.siteTitle(kommunOf(ctx));
  const crumbs =
    page.crumbs.length === 0
      ? ""
      : `<nav class="crumbs" aria-label="${esc(w.crumbs)}"><ol>${page.crumbs
          .map((c) => `<li><a href="${esc(up + c.href)}"${c.lang !== undefined ? ` lang="${esc(c.lang)}"` : ""}>${esc(c.text)}</a></li>`)
          .join("")}<li aria-current="page">${esc(page.title)}</li></ol></nav>`;
  const nav = (ctx.nav ?? [])
    .map((c) => `<li><a href="${esc(up + c.href)}"${c.href === page.path ? ' aria-current="page"' : ""}>${esc(c.text)}</a></li>`)
    .join("");
  const address = canonical(ctx, page.path);
  return `${[
    "<!doctype html>",
    `<html lang="${ctx.lang}">`,
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">`,
    `<title>${esc(page.path === "index.html" ? siteTitle : `${page.title} – ${siteTitle}`)}</title>`,
    `<link rel="stylesheet" href="${up}site.css">`,
    ...(address !== undefined ? [`<link rel="canonical" href="${esc(address)}">`] : []),
    "</head>",
    "<body>",
    `<a class="skip" href="#innehall">${esc(w.skip)}</a>`,
    `<header class="site"><p class="site-name"><a href="${up}index.html">${esc(siteTitle)}</a></p>`,
    nav === "" ? "" : `<nav class="site-nav" aria-label="${esc(w.mainNav)}"><ul>${nav}</ul></nav>`,
    "</header>",
    crumbs,
    `<main id="innehall" tabindex="-1">\n${page.main}\n</main>`,
    `<footer class="site"><p>${esc(w.footer(kommunOf(ctx)))}</p></footer>`,
    "</body>",
    "</html>",
  ]
    .filter((l) => l !== "")
    .join("\n")}\n`;
}
