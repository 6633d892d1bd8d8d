// The start page (vision, målområden with their status, the nämnder, where the year stands in
// the årshjul) and a page per nämnd (its åtaganden with status, its economy against its ram).
import { documentText, LÄGE_WORDS, whenText } from "../format/arshjul-words.js";
import { arshjulSvg } from "../format/arshjul-svg.js";
import { årshjulFor } from "../model/arshjul.js";
import { items, num as number, str } from "../model/build.js";
import { nameOf, visionOf } from "../model/thread.js";
import type { Entity } from "../model/types.js";
import { periodText } from "../report/labels.js";
import { årshjulStatus } from "../status/arshjul.js";
import type { Gathered } from "./gather.js";
import { link, num, planName, relatedSections, rich, section, statusBadge, table, åtgärderSection } from "./html.js";
import { esc } from "./text.js";
import { titleOf } from "./pages-goals.js";
import type { SitePage } from "./types.js";

/** The day the site speaks of: the last day of the newest follow-up's month, else the year's first day. */
function asOf(g: Gathered): string {
  if (!g.hasFollowUp) return `${g.ctx.year}-01-01`;
  const [y, m] = g.newest.period.split("-").map(Number) as [number, number];
  return `${g.newest.period}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, "0")}`;
}

function årshjulSection(g: Gathered): string {
  const { w, lang } = g;
  const idag = asOf(g);
  const status = årshjulStatus(g.ctx.plan, årshjulFor(g.ctx.plan), g.ctx.year, idag);
  // The default cycle's names are Swedish whatever the plan's language; the plan's own are plan text.
  const own = Array.isArray(g.ctx.plan.kommun?.data.årshjul);
  const fasName = (namn: string): string => (own ? planName(g, namn) : lang === "sv" ? esc(namn) : `<span lang="sv">${esc(namn)}</span>`);
  const rows = status.faser.map((s, i) => [
    String(i + 1),
    esc(whenText(s.fas, lang)),
    fasName(s.fas.namn),
    esc(documentText(s, lang)),
    s.läge === "sen" ? `<strong>${esc(LÄGE_WORDS[lang][s.läge])}</strong>` : esc(LÄGE_WORDS[lang][s.läge]),
  ]);
  const body = [
    `<p>${esc(w.årshjulAsOf(idag))}</p>`,
    `<figure class="arshjul">${arshjulSvg({ kommun: g.kommun, status }, lang)}</figure>`,
    table(w.årshjulCaption, [{ head: "#" }, { head: w.när }, { head: w.fas }, { head: w.dokument }, { head: w.läge }], rows),
  ];
  return section(2, "arshjul", w.årshjul(g.ctx.year), body.join("\n"));
}

export function startPage(g: Gathered): SitePage {
  const { w, lang } = g;
  const path = "index.html";
  const vision = visionOf(g.ctx.plan, g.ctx.year);
  const visionBody = vision ? [`<p class="vision-name">${planName(g, nameOf(vision))}</p>`, rich(vision.data.text, 2, g.textLang)].join("\n") : "";
  const lead = g.hasFollowUp ? w.statusAt(periodText(g.newest.period, lang)) : w.noFollowUp(g.ctx.year);
  const områden = g.målområden.map((o) => {
    const s = g.goalNow.get(o.id);
    const resultatmål = g.below.get(o) ?? [];
    const åtaganden = new Set(resultatmål.flatMap((r) => g.below.get(r) ?? [])).size;
    return [link(path, g.pathOf(o)!, titleOf(g, o), undefined, g.textLang), s ? statusBadge(s.status, lang, s.manual ? w.manual : undefined) : "", String(resultatmål.length), String(åtaganden)];
  });
  const nämnder = g.nämnder.map((n) => [link(path, g.pathOf(n)!, nameOf(n), undefined, g.textLang), String(g.åtagandenOf.get(n.id)?.length ?? 0)]);
  const main = [
    `<h1>${esc(w.siteTitle(g.kommun))}</h1>`,
    `<p class="kind">${esc(w.theYear(g.ctx.year))}</p>`,
    visionBody !== "" ? section(2, "vision", w.vision, visionBody) : "",
    section(
      2,
      "malomraden",
      w.målområden,
      [
        `<p>${esc(lead)}</p>`,
        table(w.målområden, [{ head: w.målområde }, { head: w.status }, { head: w.resultatmål, numeric: true }, { head: w.åtaganden, numeric: true }], områden),
        `<p class="note">${esc(w.explainStatus)}</p>`,
      ].join("\n"),
    ),
    section(2, "namnder", w.nämnder, table(w.nämnder, [{ head: w.nämnd }, { head: w.antalÅtaganden, numeric: true }], nämnder)),
    årshjulSection(g),
  ];
  return { path, title: w.siteTitle(g.kommun), crumbs: [], main: main.filter((s) => s !== "").join("\n") };
}

/** The ram of each organ in the year's budget. */
export function ramarOf(g: Gathered): Map<string, number> {
  const budget = g.ctx.plan.docs.find((d) => d.kind === "budget" && d.year === g.ctx.year);
  const out = new Map<string, number>();
  for (const r of items(budget?.data.ramar)) {
    const organ = str(r.organ);
    const belopp = number(r.belopp);
    if (organ !== undefined && belopp !== undefined) out.set(organ, belopp);
  }
  return out;
}

export function nämndPage(g: Gathered, n: Entity, ramar: ReadonlyMap<string, number>): SitePage {
  const { w, lang } = g;
  const path = g.pathOf(n)!;
  const enhet = g.newest.beloppsenhet;
  const åtaganden = g.åtagandenOf.get(n.id) ?? [];
  const rows = åtaganden.map((a) => {
    const s = g.kpiNow.get(a.id);
    const up = a.parents.filter((p) => p.kind === "resultatmål" && g.pathOf(p) !== undefined);
    // Status right after the ID: on a phone the table scrolls sideways, and the status is what a reader came for.
    return [link(path, g.pathOf(a)!, a.id, "id"), s ? statusBadge(s.status, lang, s.manual ? w.manual : undefined) : "", planName(g, nameOf(a)), up.map((r) => link(path, g.pathOf(r)!, r.id, "id")).join(", ")];
  });
  const ram = ramar.get(n.id);
  const economy = g.yearPeriods.flatMap((p) => {
    const r = g.economyAt.get(p)?.get(n.id);
    if (!r) return [];
    if (r.saknas) return [[esc(periodText(p, lang)), esc(w.missing), "", "", ""]];
    return [[esc(periodText(p, lang)), num(r.budget, lang), num(r.utfall, lang), num(r.prognos, lang), num(r.avvikelse, lang)]];
  });
  const comments = g.yearPeriods.flatMap((p) => {
    const k = g.economyAt.get(p)?.get(n.id)?.kommentar;
    return k !== undefined ? [`<dt>${esc(periodText(p, lang))}</dt><dd>${rich(k, 3, g.textLang)}</dd>`] : [];
  });
  const money = [{ head: w.budget, numeric: true }, { head: w.utfall, numeric: true }, { head: w.prognos, numeric: true }, { head: w.avvikelse, numeric: true }];
  const economyBody = [
    `<p>${esc(ram !== undefined ? w.ram(g.ctx.year, `${num(ram, lang)} ${enhet}`) : w.noRam(g.ctx.year))}</p>`,
    economy.length > 0 ? table(w.economyCaption(nameOf(n), enhet), [{ head: w.period }, ...money], economy) : `<p>${esc(w.noEconomy)}</p>`,
    comments.length > 0 ? `<h3>${esc(w.kommentarer)}</h3>\n<dl class="comments">${comments.join("")}</dl>` : "",
  ];
  const main = [
    `<h1>${planName(g, nameOf(n) || n.id)}</h1>`,
    `<p class="kind">${esc(w.nämnd)} ${esc(n.id)}</p>`,
    section(
      2,
      "ataganden",
      w.åtaganden,
      åtaganden.length > 0
        ? table(`${w.åtaganden}: ${nameOf(n)}`, [{ head: w.id }, { head: w.status }, { head: w.åtagande }, { head: w.resultatmål }], rows)
        : `<p>${esc(w.noÅtaganden)}</p>`,
    ),
    section(2, "ekonomi", w.ekonomi, economyBody.filter((s) => s !== "").join("\n")),
    analysSection(g, n.id),
    åtgärderSection(g, n.id),
    relatedSections(g, path, n.id),
  ];
  return { path, title: nameOf(n) || n.id, crumbs: [{ href: "index.html", text: w.start }], main: main.filter((s) => s !== "").join("\n") };
}

/** The nämnd's own analysis in each of the year's follow-ups (a follow-up file with its `organ`). */
function analysSection(g: Gathered, nämnd: string): string {
  const items = g.yearPeriods.flatMap((p) =>
    (g.models.get(p)?.analys ?? []).filter((a) => a.organ === nämnd).map((a) => `<dt>${esc(periodText(p, g.lang))}</dt><dd>${rich(a.text, 2, g.textLang)}</dd>`),
  );
  return items.length > 0 ? section(2, "analys", g.w.analys, `<dl class="comments">${items.join("")}</dl>`) : "";
}
