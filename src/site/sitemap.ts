// With --bas-url the site knows its public address: each page gets a canonical link and the
// site a sitemap.xml. Without it the site knows nothing of where it lives and has neither,
// so that it works the same from file://, under any sub-path and on any host.
import { BilingualError } from "../diagnostics/bilingual.js";
import { esc as escapeXml } from "./text.js";
import { hrefOf } from "./data-files.js";
import type { SiteContext, SiteFile } from "./types.js";

/**
 * --bas-url as the site's address: an absolute http or https URL without a query, a fragment
 * or a user name, with a trailing `/` added. Throws a BilingualError for anything else.
 */
export function parseBaseUrl(raw: string): string {
  let url: URL | undefined;
  try {
    url = new URL(raw);
  } catch {
    url = undefined;
  }
  if (url === undefined || (url.protocol !== "http:" && url.protocol !== "https:") || url.search !== "" || url.hash !== "" || url.username !== "" || url.password !== "") {
    throw new BilingualError({
      en: `--bas-url must be the site's address with http:// or https://, such as https://plan.example.se/, not "${raw}"`,
      sv: `--bas-url ska vara webbplatsens adress med http:// eller https://, till exempel https://plan.example.se/, inte "${raw}"`,
    });
  }
  const href = url.href;
  return href.endsWith("/") ? href : `${href}/`;
}

/** A page's public address: a folder's index.html is the folder itself. */
function addressOf(baseUrl: string, pagePath: string): string {
  const path = pagePath === "index.html" ? "" : pagePath.endsWith("/index.html") ? pagePath.slice(0, -"index.html".length) : pagePath;
  return baseUrl + hrefOf(path);
}

/** The canonical address of a page, only with --bas-url. */
export function canonical(ctx: SiteContext, pagePath: string): string | undefined {
  return ctx.baseUrl === undefined ? undefined : addressOf(ctx.baseUrl, pagePath);
}

/** sitemap.xml listing the pages (sorted, each once), only with --bas-url. No dates: the same files give the same bytes. */
export function sitemap(ctx: SiteContext, pages: readonly string[]): SiteFile | undefined {
  if (ctx.baseUrl === undefined) return undefined;
  const base = ctx.baseUrl;
  const urls = [...new Set(pages)].sort().map((p) => `  <url><loc>${escapeXml(addressOf(base, p))}</loc></url>`);
  return {
    path: "sitemap.xml",
    content: ['<?xml version="1.0" encoding="UTF-8"?>', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">', ...urls, "</urlset>", ""].join("\n"),
  };
}
