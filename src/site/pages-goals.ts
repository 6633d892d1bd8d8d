// The pages of the red thread: a målområde, a resultatmål, an åtagande. Each shows its text,
// its status now and at every follow-up of the year, who answers for it, its nyckeltal, and
// how many aktiviteter serve it; breadcrumbs lead back up the thread.
import { nameOf, namnderLabel } from "../model/thread.js";
import type { Entity } from "../model/types.js";
import { periodText } from "../report/labels.js";
import type { GoalStatus, KpiStatus } from "../status/engine.js";
import type { Gathered } from "./gather.js";
import { link, planName, relatedSections, rich, section, statusBadge, table, åtgärderSection } from "./html.js";
import { esc } from "./text.js";
import { nyckeltalOverview, nyckeltalSection } from "./nyckeltal.js";
import type { Crumb, SitePage } from "./types.js";

type Assessed = Pick<KpiStatus | GoalStatus, "status" | "manual">;

/** The status after the newest follow-up, and a table of the status at each follow-up of the year. */
function statusSection(g: Gathered, at: (period: string) => Assessed | undefined): string {
  const { w, lang } = g;
  const badge = (a: Assessed): string => statusBadge(a.status, lang, a.manual ? w.manual : undefined);
  const now = at(g.newest.period);
  if (!g.hasFollowUp || now === undefined) return section(2, "status", w.status, `<p>${esc(w.noFollowUp(g.ctx.year))}</p>`);
  const rows = g.yearPeriods.flatMap((p) => {
    const a = at(p);
    return a ? [[esc(periodText(p, lang)), badge(a)]] : [];
  });
  const body = [
    `<p class="now">${esc(w.statusAt(periodText(g.newest.period, lang)))}: ${badge(now)}</p>`,
    rows.length > 1 ? table(w.statusPerFollowUp, [{ head: w.period }, { head: w.status }], rows) : "",
  ];
  return section(2, "status", w.status, body.filter((s) => s !== "").join("\n"));
}

/** The nämnder answering for the åtaganden given, each linked to its page, in the organisation's order. */
function nämnderSection(g: Gathered, from: string, åtaganden: readonly Entity[]): string {
  const { w } = g;
  const ids = new Set<string>();
  let alla = false;
  for (const a of åtaganden) {
    const label = namnderLabel(a, g.ctx.plan);
    if (label.includes("alla")) alla = true;
    else for (const n of label) ids.add(n);
  }
  const named = g.nämnder.filter((n) => ids.has(n.id)).map((n) => link(from, g.pathOf(n)!, nameOf(n), undefined, g.textLang));
  const unknown = [...ids].filter((id) => !g.nämndById.has(id)).map(esc);
  const items = [...(alla ? [esc(w.allNämnder)] : []), ...named, ...unknown];
  if (items.length === 0) return "";
  return section(2, "namnder", w.responsible, `<ul>${items.map((i) => `<li>${i}</li>`).join("")}</ul>`);
}

function aktiviteterSection(g: Gathered, e: Entity): string {
  return section(2, "aktiviteter", g.w.aktiviteter, `<p>${esc(g.w.aktiviteterServe(g.aktiviteter.get(e) ?? 0))}</p>`);
}

/** The comments of the year's follow-ups on a goal: the reasons given for a manual assessment. */
function motiveringar(g: Gathered, id: string): string {
  const items = g.yearPeriods.flatMap((p) => {
    const s = g.goalAt.get(p)?.get(id);
    return s?.motivering !== undefined ? [`<dt>${esc(periodText(p, g.lang))}</dt><dd>${rich(s.motivering, 2, g.textLang)}</dd>`] : [];
  });
  return items.length > 0 ? section(2, "kommentarer", g.w.kommentarer, `<dl class="comments">${items.join("")}</dl>`) : "";
}

/** The first parent of `kind` that has a page: the way up for the breadcrumbs. */
const upTo = (g: Gathered, e: Entity, kind: string): Entity | undefined => e.parents.find((p) => p.kind === kind && g.pathOf(p) !== undefined);

function crumbsOf(g: Gathered, e: Entity): Crumb[] {
  const out: Crumb[] = [];
  for (let at = e; ; ) {
    const up = at.kind === "åtagande" ? upTo(g, at, "resultatmål") : at.kind === "resultatmål" ? upTo(g, at, "målområde") : undefined;
    if (!up) break;
    out.unshift({ href: g.pathOf(up)!, text: titleOf(g, up), ...(up.kind === "målområde" && g.textLang !== undefined ? { lang: g.textLang } : {}) });
    at = up;
  }
  return [{ href: "index.html", text: g.w.start }, ...out];
}

/** A page's title: a målområde's name; a resultatmål or åtagande by kind and ID, its text being long. */
export function titleOf(g: Gathered, e: Entity): string {
  if (e.kind === "målområde") return nameOf(e) || e.id;
  return `${e.kind === "åtagande" ? g.w.åtagande : g.w.resultatmålOne} ${e.id}`;
}

function statusCell(g: Gathered, s: Assessed | undefined): string {
  return s ? statusBadge(s.status, g.lang, s.manual ? g.w.manual : undefined) : "";
}

/** A nämnd by its ID, linked to its page when it has one. */
function nämndLink(g: Gathered, from: string, id: string): string {
  const n = g.nämndById.get(id);
  return n ? link(from, g.pathOf(n)!, id, "id") : esc(id);
}

/** The rows for a list of goals or åtaganden below the page's entity. */
function childTable(g: Gathered, from: string, caption: string, children: readonly Entity[], nämnder: boolean): string {
  const { w } = g;
  const columns = [{ head: w.id }, { head: w.namn }, ...(nämnder ? [{ head: w.nämnder }] : []), { head: w.status }];
  const rows = children.map((c) => {
    const s = g.kpiNow.get(c.id) ?? g.goalNow.get(c.id);
    const who = nämnder ? [namnderLabel(c, g.ctx.plan).map((n) => (n === "alla" ? esc(w.allNämnder) : nämndLink(g, from, n))).join(", ")] : [];
    return [link(from, g.pathOf(c)!, c.id, "id"), planName(g, nameOf(c)), ...who, statusCell(g, s)];
  });
  return table(caption, columns, rows);
}

export function målområdePage(g: Gathered, o: Entity): SitePage {
  const { w } = g;
  const path = g.pathOf(o)!;
  const resultatmål = g.below.get(o) ?? [];
  const åtaganden = resultatmål.flatMap((r) => g.below.get(r) ?? []);
  const mål = g.målOf.get(o) ?? [];
  const målList = mål.map((m) => `<li><strong>${planName(g, nameOf(m))}</strong>${rich(m.data.text, 3, g.textLang)}</li>`).join("");
  const main = [
    `<h1>${planName(g, titleOf(g, o))}</h1>`,
    `<p class="kind">${esc(w.målområde)} ${esc(o.id)}</p>`,
    rich(o.data.beskrivning, 1, g.textLang),
    mål.length > 0 ? section(2, "mal", w.övergripandeMål, `<ul class="goals">${målList}</ul>`) : "",
    statusSection(g, (p) => (p === g.newest.period ? g.goalNow.get(o.id) : g.goalAt.get(p)?.get(o.id))),
    resultatmål.length > 0 ? section(2, "resultatmal", w.resultatmål, childTable(g, path, `${w.resultatmål}: ${nameOf(o)}`, resultatmål, false)) : "",
    overview(g, path, resultatmål, åtaganden, nameOf(o)),
    motiveringar(g, o.id),
    åtgärderSection(g, o.id),
    nämnderSection(g, path, åtaganden),
    aktiviteterSection(g, o),
    relatedSections(g, path, o.id),
  ];
  return { path, title: titleOf(g, o), crumbs: crumbsOf(g, o), main: main.filter((s) => s !== "").join("\n") };
}

export function resultatmålPage(g: Gathered, r: Entity, own: readonly KpiStatus[]): SitePage {
  const { w } = g;
  const path = g.pathOf(r)!;
  const åtaganden = g.below.get(r) ?? [];
  const område = upTo(g, r, "målområde");
  const main = [
    `<h1>${esc(titleOf(g, r))}</h1>`,
    område ? `<p class="kind">${esc(w.målområde)}: ${link(path, g.pathOf(område)!, nameOf(område), undefined, g.textLang)}</p>` : "",
    rich(r.data.text, 1, g.textLang),
    rich(r.data.beskrivning, 1, g.textLang),
    statusSection(g, (p) => (p === g.newest.period ? g.goalNow.get(r.id) : g.goalAt.get(p)?.get(r.id))),
    åtaganden.length > 0 ? section(2, "ataganden", w.åtaganden, childTable(g, path, `${w.åtaganden}: ${titleOf(g, r)}`, åtaganden, true)) : "",
    own.length > 0 ? section(2, "nyckeltal", w.nyckeltal, own.map((k, i) => nyckeltalSection(g, k.entity, k.id, 3, `chart-${i + 1}`)).join("\n")) : "",
    motiveringar(g, r.id),
    åtgärderSection(g, r.id),
    nämnderSection(g, path, åtaganden),
    aktiviteterSection(g, r),
    relatedSections(g, path, r.id),
  ];
  return { path, title: titleOf(g, r), crumbs: crumbsOf(g, r), main: main.filter((s) => s !== "").join("\n") };
}

export function åtagandePage(g: Gathered, a: Entity): SitePage {
  const { w } = g;
  const path = g.pathOf(a)!;
  const up = a.parents.filter((p) => p.kind === "resultatmål" && g.pathOf(p) !== undefined);
  const nyckeltal = nyckeltalSection(g, a, a.id, 3, "chart-1");
  const main = [
    `<h1>${esc(titleOf(g, a))}</h1>`,
    up.length > 0 ? `<p class="kind">${esc(w.under)}: ${up.map((r) => link(path, g.pathOf(r)!, titleOf(g, r))).join(", ")}</p>` : "",
    rich(a.data.text, 1, g.textLang),
    rich(a.data.beskrivning, 1, g.textLang),
    nämnderSection(g, path, [a]),
    statusSection(g, (p) => (p === g.newest.period ? g.kpiNow.get(a.id) : g.kpiAt.get(p)?.get(a.id))),
    section(2, "nyckeltal", w.nyckeltal, nyckeltal !== "" ? nyckeltal : `<p>${esc(w.noNyckeltal)}</p>`),
    åtgärderSection(g, a.id),
    aktiviteterSection(g, a),
    relatedSections(g, path, a.id),
  ];
  return { path, title: titleOf(g, a), crumbs: crumbsOf(g, a), main: main.filter((s) => s !== "").join("\n") };
}

/** The nyckeltal of the resultatmål and åtaganden below a målområde, with a nyckeltal each. */
function overview(g: Gathered, from: string, resultatmål: readonly Entity[], åtaganden: readonly Entity[], namn: string): string {
  const own = new Set(resultatmål);
  const kpis = [
    ...g.newest.resultatmålNyckeltal.filter((k) => k.entity.container !== undefined && own.has(k.entity.container)),
    ...åtaganden.flatMap((a) => {
      const k = g.kpiNow.get(a.id);
      return k && k.namn !== "" ? [k] : [];
    }),
  ];
  if (kpis.length === 0) return "";
  const pageOf = (k: KpiStatus): string | undefined => g.pathOf(k.entity) ?? (k.entity.container ? g.pathOf(k.entity.container) : undefined);
  return section(2, "nyckeltal", g.w.nyckeltal, nyckeltalOverview(g, from, kpis, `${g.w.nyckeltal}: ${namn}`, pageOf));
}

/** A resultatmål's own nyckeltal, grouped once for all pages. */
export function ownNyckeltal(g: Gathered): Map<Entity, KpiStatus[]> {
  const out = new Map<Entity, KpiStatus[]>();
  for (const k of g.newest.resultatmålNyckeltal) {
    const r = k.entity.container;
    if (!r) continue;
    const list = out.get(r);
    if (list) list.push(k);
    else out.set(r, [k]);
  }
  return out;
}
