// The follow-up archive: every månad, delår and helår follow-up of every year as the HTML
// report `plan report` renders (the package's own templates, so a plan's mallar/ cannot make
// the site load anything from elsewhere), an index page, and the reports that concern an entity.
import { str } from "../model/build.js";
import type { Plan } from "../model/plan.js";
import type { Entity } from "../model/types.js";
import { esc as escapeXml } from "./text.js";
import { reportTitle, type Phase } from "../report/labels.js";
import { builtInTemplateDirs } from "../report/render.js";
import { renderReport } from "../report/report.js";
import { followUpPeriods } from "../status/engine.js";
import { toRoot } from "./page.js";
import type { Crumb, SiteContext, SiteFile, SitePage } from "./types.js";

const ARCHIVE_PATH = "rapporter/index.html";

const PHASE_OF: Readonly<Record<string, Phase>> = { månad: "månad", delår: "delår", helår: "årsredovisning" };
/** File names are ASCII, as the templates' are. */
const FILE_WORD: Record<Phase, string> = { månad: "manad", delår: "delar", årsredovisning: "arsredovisning" };

const L = {
  sv: {
    start: "Startsida",
    title: "Uppföljningsarkiv",
    intro: "Kommunens uppföljningar år för år: månadsrapporter, delårsrapporter och årsredovisningar, som de ser ut när de tas fram ur planen. Varje rapport är en egen sida som går att skriva ut.",
    none: "Planen har ännu inga uppföljningar.",
  },
  en: {
    start: "Home",
    title: "Follow-up archive",
    intro: "The municipality's follow-ups year by year: monthly reports, interim reports and annual reports, as they are made from the plan. Each report is a page of its own that prints well.",
    none: "The plan has no follow-ups yet.",
  },
} as const;

interface ArchivedReport {
  phase: Phase;
  period: string;
  year: number;
  /** From the site's root. */
  path: string;
}

const reportCache = new WeakMap<Plan, ArchivedReport[]>();

/** Every report of the archive, by period, then phase in the order månad, delår, årsredovisning. */
function reports(plan: Plan): ArchivedReport[] {
  const cached = reportCache.get(plan);
  if (cached) return cached;
  const out: ArchivedReport[] = [];
  for (const period of followUpPeriods(plan)) {
    const kinds = new Set(plan.docs.filter((d) => d.kind === "uppföljning" && d.data.period === period).map((d) => PHASE_OF[str(d.data.rapport) ?? ""]));
    for (const phase of ["månad", "delår", "årsredovisning"] as const) {
      if (!kinds.has(phase)) continue;
      const year = Number(period.slice(0, 4));
      out.push({ phase, period, year, path: `rapporter/${year}/${period}-${FILE_WORD[phase]}.html` });
    }
  }
  reportCache.set(plan, out);
  return out;
}

export function archiveFiles(ctx: SiteContext): SiteFile[] {
  const dirs = builtInTemplateDirs();
  return reports(ctx.plan).map((r) => ({ path: r.path, content: renderReport(ctx.plan, { phase: r.phase, period: r.period, lang: ctx.lang, format: "html", dirs }) }));
}

export function archivePage(ctx: SiteContext): SitePage {
  const t = L[ctx.lang];
  const all = reports(ctx.plan);
  const parts = [`<h1>${t.title}</h1>`, `<p>${t.intro}</p>`];
  if (all.length === 0) parts.push(`<p>${t.none}</p>`);
  const years = [...new Set(all.map((r) => r.year))].sort((a, b) => b - a);
  for (const year of years) {
    parts.push(`<h2 id="ar-${year}">${year}</h2>`, "<ul>");
    for (const r of all.filter((x) => x.year === year)) parts.push(`<li><a href="${escapeXml(toRoot(ARCHIVE_PATH) + r.path)}">${escapeXml(reportTitle(r.phase, r.period, ctx.lang))}</a></li>`);
    parts.push("</ul>");
  }
  return { path: ARCHIVE_PATH, title: t.title, crumbs: [{ href: "index.html", text: t.start }], main: parts.join("\n") };
}

const entitiesById = new WeakMap<Plan, Map<string, Entity[]>>();

/** The years an entity with this ID is part of: its budget year, its kommunplan's period, or every year for an organ. */
function yearsOf(plan: Plan, entityId: string): (year: number) => boolean {
  let byId = entitiesById.get(plan);
  if (!byId) {
    byId = new Map();
    for (const e of plan.entities) {
      const list = byId.get(e.id);
      if (list) list.push(e);
      else byId.set(e.id, [e]);
    }
    entitiesById.set(plan, byId);
  }
  const tests: ((year: number) => boolean)[] = [];
  for (const e of byId.get(entityId) ?? []) {
    if (e.scope.kind === "global") return () => true;
    if (e.scope.kind === "year") {
      const y = e.scope.year;
      tests.push((year) => year === y);
    } else if (e.scope.kind === "period") {
      const p = e.scope.plan.data.period as { från?: unknown; till?: unknown } | undefined;
      const from = typeof p?.från === "number" ? p.från : undefined;
      const to = typeof p?.till === "number" ? p.till : undefined;
      if (from !== undefined && to !== undefined) tests.push((year) => from <= year && year <= to);
    }
  }
  return (year) => tests.some((t) => t(year));
}

/** The archived reports of the years an entity is part of, oldest first; hrefs from the site's root. */
export function archiveLinks(ctx: SiteContext, entityId: string): Crumb[] {
  const inYear = yearsOf(ctx.plan, entityId);
  return reports(ctx.plan)
    .filter((r) => inYear(r.year))
    .map((r) => ({ href: r.path, text: reportTitle(r.phase, r.period, ctx.lang) }));
}
