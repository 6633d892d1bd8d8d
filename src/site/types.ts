// The shapes every part of `plan site` shares: a page is data until the shell in page.ts
// wraps it, and the whole site is a list of files that the CLI writes.
import type { Lang } from "../diagnostics/entry.js";
import type { Plan } from "../model/plan.js";

/** One file of the site: its path relative to the site's root, with `/` between folders. */
export interface SiteFile {
  readonly path: string;
  readonly content: string;
}

/** A step of the breadcrumbs, from the start page down; `href` is relative to the site's root. */
export interface Crumb {
  readonly href: string;
  readonly text: string;
  /** The language of `text` when it is plan text in another language than the site's. */
  readonly lang?: string;
}

/** A page before the shell: `main` is the escaped HTML inside `<main>`; links in it are relative to the page. */
export interface SitePage {
  readonly path: string;
  readonly title: string;
  readonly crumbs: readonly Crumb[];
  readonly main: string;
}

/** What every part of the site is built from. */
export interface SiteContext {
  readonly plan: Plan;
  readonly year: number;
  readonly lang: Lang;
  /** The site's public address with a trailing `/`, from --bas-url: canonical links and sitemap.xml. */
  readonly baseUrl?: string;
  /** The site's navigation, on every page (hrefs relative to the root); build.ts fills it from the pages there are. */
  readonly nav?: readonly Crumb[];
}
