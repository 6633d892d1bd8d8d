// `plan site`: the plan as a static website, written whole into a folder. The site is built in
// memory (site/build.ts), written to a new folder beside the target, then renamed into place;
// a folder already there is replaced only when it is a site this command wrote (its marker
// file), never the plan itself or anything holding it.
import { randomBytes } from "node:crypto";
import { existsSync, lstatSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { BilingualError } from "../diagnostics/bilingual.js";
import { buildSite, SITE_MARKER } from "../site/build.js";
import { parseBaseUrl } from "../site/sitemap.js";
import type { SiteFile } from "../site/types.js";
import { cannotWrite, out, UsageError } from "./io.js";
import { messageLang } from "./lang.js";
import type { Plan } from "../model/plan.js";
import { followUpPeriods } from "../status/engine.js";
import { openPlan, parseYear, type CacheOptions } from "./open-plan.js";

export interface SiteOptions extends CacheOptions {
  dir?: string;
  output?: string;
  år?: string;
  basUrl?: string;
  lang?: string;
}

/** --bas-url, checked by the site (sitemap.ts); a wrong one is a usage error. */
function baseUrlOf(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  try {
    return parseBaseUrl(raw);
  } catch (e) {
    if (e instanceof BilingualError) throw new UsageError(e.texts);
    throw e;
  }
}

const isInside = (inner: string, outer: string): boolean => inner === outer || inner.startsWith(outer.endsWith(path.sep) ? outer : outer + path.sep);

/** Where the site may go: not the plan root or a folder holding it; an existing folder only when empty or ours. */
function checkTarget(target: string, shown: string, root: string): void {
  if (isInside(root, target)) {
    throw new UsageError({ en: `-o ${shown} holds the plan itself: choose a folder of its own for the site`, sv: `-o ${shown} innehåller själva planen: välj en egen mapp för webbplatsen` });
  }
  const parent = path.dirname(target);
  if (!existsSync(parent) || !lstatSync(parent).isDirectory()) throw new UsageError({ en: `cannot write ${shown}: no folder ${parent}`, sv: `kan inte skriva ${shown}: ingen mapp ${parent}` });
  const st = lstatSync(target, { throwIfNoEntry: false });
  if (!st) return;
  const ours = st.isDirectory() && (readdirSync(target).length === 0 || existsSync(path.join(target, SITE_MARKER)));
  if (!ours) {
    throw new UsageError({
      en: `${shown} exists and is not a site made by plan site (no ${SITE_MARKER} in it): remove it or choose another -o`,
      sv: `${shown} finns redan och är ingen webbplats gjord av plan site (ingen ${SITE_MARKER} i den): ta bort den eller välj en annan -o`,
    });
  }
}

/** A site file's path as a relative path with no way out of the folder. */
function safeRelative(file: SiteFile): string {
  const parts = file.path.split("/");
  if (file.path.startsWith("/") || parts.some((p) => p === "" || p === "." || p === ".." || p.includes("\\") || p.includes("\0"))) {
    throw new Error(`site file with an unsafe path: ${JSON.stringify(file.path)}`);
  }
  return path.join(...parts);
}

/** Write `files` into a new folder beside `target`, then swap it into place; on failure nothing changes. */
function writeSite(target: string, files: readonly SiteFile[]): void {
  const suffix = randomBytes(6).toString("hex");
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.${suffix}.tmp`);
  const old = path.join(path.dirname(target), `.${path.basename(target)}.${suffix}.old`);
  mkdirSync(tmp);
  try {
    for (const f of files) {
      const abs = path.join(tmp, safeRelative(f));
      mkdirSync(path.dirname(abs), { recursive: true });
      writeFileSync(abs, f.content, { flag: "wx" });
    }
    const had = existsSync(target);
    if (had) renameSync(target, old);
    try {
      renameSync(tmp, target);
    } catch (e) {
      if (had) renameSync(old, target);
      throw e;
    }
    if (had) rmSync(old, { recursive: true, force: true });
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
}

/**
 * --år, else the newest budget year with a follow-up (what a resident wants to see: how it is
 * going), else the newest budget year. Never today's date: the site depends only on the files.
 */
function siteYear(plan: Plan, raw: string | undefined): number {
  const asked = parseYear(raw);
  if (asked !== undefined) return asked;
  const budgets = new Set(plan.docs.filter((d) => d.kind === "budget" && d.year !== undefined).map((d) => d.year!));
  if (budgets.size === 0) throw new UsageError({ en: "the plan has no budget year; give one with --år", sv: "planen har inget budgetår; ange ett med --år" });
  const followedUp = followUpPeriods(plan)
    .map((p) => Number(p.slice(0, 4)))
    .filter((y) => budgets.has(y));
  return followedUp.length > 0 ? followedUp.reduce((m, y) => Math.max(m, y)) : [...budgets].reduce((m, y) => Math.max(m, y));
}

export function runSite(o: SiteOptions): number {
  const baseUrl = baseUrlOf(o.basUrl);
  const shown = o.output ?? "site";
  const target = path.resolve(shown);
  const { plan, root, lang } = openPlan(o.dir, o.lang, "report", o);
  checkTarget(target, shown, path.resolve(root));
  const year = siteYear(plan, o.år);
  const files = buildSite({ plan, year, lang, ...(baseUrl !== undefined ? { baseUrl } : {}) });
  try {
    writeSite(target, files);
  } catch (e) {
    throw cannotWrite(shown, e);
  }
  const pages = files.filter((f) => f.path.endsWith(".html")).length;
  out(
    messageLang() === "sv"
      ? `plan site: ${pages} sidor och ${files.length - pages} andra filer för ${year} i ${shown}\n`
      : `plan site: ${pages} pages and ${files.length - pages} other files for ${year} in ${shown}\n`,
  );
  return 0;
}
