// The shell around every page of the site: document head, skip link, breadcrumbs, footer.
import { escapeXml } from "../report/chart.js";
import type { SiteContext, SitePage } from "./types.js";

/** The path from a page up to the site's root: "" for the root, "../" per folder. */
export function toRoot(pagePath: string): string {
  return "../".repeat(pagePath.split("/").length - 1);
}

export function renderPage(page: SitePage, ctx: SiteContext): string {
  const up = toRoot(page.path);
  const crumbs = page.crumbs.map((c) => `<li><a href="${escapeXml(up + c.href)}">${escapeXml(c.text)}</a></li>`).join("");
  return [
    "<!doctype html>",
    `<html lang="${ctx.lang}">`,
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeXml(page.title)}</title>`,
    "</head>",
    "<body>",
    crumbs === "" ? "" : `<nav aria-label="${ctx.lang === "sv" ? "Brödsmulor" : "Breadcrumbs"}"><ol>${crumbs}</ol></nav>`,
    `<main>${page.main}</main>`,
    "</body>",
    "</html>",
    "",
  ].join("\n");
}
