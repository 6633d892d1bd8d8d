// `plan site` as data: every page and file of the site, built in memory from the plan, sorted
// by path. Pure: the CLI writes the result. The same plan gives the same bytes.
import { archiveFiles, archiveLinks, archivePage } from "./archive.js";
import { SITE_CSS } from "./css.js";
import { DATA_KINDS } from "./data-files.js";
import { gather } from "./gather.js";
import { målområdePage, ownNyckeltal, resultatmålPage, åtagandePage } from "./pages-goals.js";
import { nämndPage, ramarOf, startPage } from "./pages-start.js";
import { dataLinks, openDataFiles, openDataPage } from "./open-data.js";
import { renderPage } from "./page.js";
import { sitemap } from "./sitemap.js";
import { accessibilityStatement } from "./statement.js";
import { WORDS } from "./words.js";
import type { SiteContext, SiteFile, SitePage } from "./types.js";

/** The file that marks a folder as a site this tool wrote: `plan site` replaces only such a folder. */
export const SITE_MARKER = ".rodtrad-site";

export function buildSite(ctx: SiteContext): SiteFile[] {
  const w = WORDS[ctx.lang];
  // Each page links the reports of its years and its own figures as CSV and JSON.
  const g = gather(ctx, (id) => [
    { heading: w.reports, links: archiveLinks(ctx, id) },
    { heading: w.openData, links: DATA_KINDS.map((kind) => dataLinks(ctx, kind, id)).find((l) => l.length > 0) ?? [] },
  ]);
  const own = ownNyckeltal(g);
  const ramar = ramarOf(g);
  const pages: SitePage[] = [
    startPage(g),
    ...g.målområden.map((o) => målområdePage(g, o)),
    ...g.resultatmål.map((r) => resultatmålPage(g, r, own.get(r) ?? [])),
    ...g.åtaganden.map((a) => åtagandePage(g, a)),
    ...g.nämnder.map((n) => nämndPage(g, n, ramar)),
  ];
  pages.push(archivePage(ctx), openDataPage(ctx), accessibilityStatement(ctx));
  const files: SiteFile[] = [...openDataFiles(ctx), ...archiveFiles(ctx)];
  const map = sitemap(ctx, [...pages.map((p) => p.path), ...files.filter((f) => f.path.endsWith(".html")).map((f) => f.path)]);
  if (map) files.push(map);
  const nav = [
    { href: "index.html", text: w.start },
    { href: "index.html#malomraden", text: w.målområden },
    { href: "index.html#namnder", text: w.nämnder },
    // The pages beyond the thread (Site B's: open data, the archive's index, the statement) join the menu:
    // a page at the top, or the index of a folder.
    ...pages.filter((p) => p.path !== "index.html" && (!p.path.includes("/") || /^[^/]+\/index\.html$/u.test(p.path))).map((p) => ({ href: p.path, text: p.title })),
  ];
  const withNav: SiteContext = { ...ctx, nav };
  for (const p of pages) files.push({ path: p.path, content: renderPage(p, withNav) });
  files.push({ path: "site.css", content: SITE_CSS });
  files.push({ path: SITE_MARKER, content: "Rödtråd: plan site\n" });
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
