// Öppna data: each page's figures as CSV and JSON, one pair per year for the whole plan, and
// the page that lists them with the licence the kommun chose (plan.yaml `webbplats.licens`).
import { table } from "./html.js";
import type { Lang } from "../diagnostics/entry.js";
import { STATUS_WORD } from "../format/status-words.js";
import { esc as escapeXml } from "./text.js";
import { followUpPeriods } from "../status/engine.js";
import { STATUSES } from "../status/fulfilment.js";
import { toCsv } from "./data-csv.js";
import { checkNamndRows } from "./limits.js";
import { DATA_KINDS, dataEntities, entityStem, hrefOf, rowNamnder, rowsByEntity, yearStem, type DataEntity, type DataKind } from "./data-files.js";
import { DATA_KEYS, dataRows, type DataRow } from "./data-rows.js";
import { siteSettings } from "./data-settings.js";
import type { Crumb, SiteContext, SiteFile, SitePage } from "./types.js";

const OPEN_DATA_PATH = "oppna-data.html";

const L = {
  sv: {
    start: "Startsida",
    title: "Öppna data",
    intro:
      "Siffrorna på webbplatsens sidor finns här som filer att ladda ner och använda fritt inom licensen nedan: CSV för kalkylprogram och JSON för egna program. Varje sida om ett målområde, ett resultatmål, ett åtagande eller en nämnd har sina egna filer, och hela planen finns i en fil per år. Siffrorna är desamma som i kommunens uppföljningar.",
    licens: "Licens",
    licensIs: "Kommunen ger ut uppgifterna under licensen",
    noLicens: "Kommunen har inte angett någon licens för uppgifterna. Fråga kommunen innan du använder dem i ett eget sammanhang.",
    whole: "Hela planen per år",
    year: "År",
    files: "Filer",
    namn: "Namn",
    kinds: { målområde: "Målområden", resultatmål: "Resultatmål", åtagande: "Åtaganden", nämnd: "Nämnder" },
    kindText: {
      målområde: "Målområdets status vid varje uppföljning, och dess resultatmål.",
      resultatmål: "Resultatmålets status vid varje uppföljning, dess egna nyckeltal och åtagandena som bidrar till det.",
      åtagande: "Åtagandets nyckeltal: utgångsvärde, målvärde per år, utfall, prognos och status vid varje uppföljning.",
      nämnd: "Nämndens åtaganden och dess ekonomi (budget, utfall, prognos och avvikelse) vid varje uppföljning.",
    },
    columns: "Kolumner",
    column: "Kolumn",
    meaning: "Betydelse",
    format: "Filernas format",
    csv: "CSV: teckenkodningen UTF-8 med byte order mark, semikolon mellan fälten, decimalkomma och radslut CRLF; fält med semikolon, citattecken eller radbrytningar står inom citattecken. Så öppnar Excel med svenska inställningar filen rätt med ett dubbelklick. En text som börjar med =, +, -, @ eller tabb får en apostrof först, så att ett kalkylprogram aldrig kör den som en formel.",
    json: "JSON: teckenkodningen UTF-8, tal med decimalpunkt och null där ett värde saknas. Raderna har samma nycklar som CSV-filernas kolumner, och texterna står exakt som i planen.",
    statuses: "Statuskoder",
    noFollowUp: "Planen har ännu ingen uppföljning; filerna har bara målvärdena.",
  },
  en: {
    start: "Home",
    title: "Open data",
    intro:
      "The figures on this site's pages are here as files to download and use freely under the licence below: CSV for spreadsheets and JSON for programs. Each page about a goal area, an outcome goal, a commitment or a committee has its own files, and the whole plan has one file per year. The figures are those of the municipality's follow-ups.",
    licens: "Licence",
    licensIs: "The municipality publishes the data under the licence",
    noLicens: "The municipality has not stated a licence for the data. Ask the municipality before you use it in a context of your own.",
    whole: "The whole plan per year",
    year: "Year",
    files: "Files",
    namn: "Name",
    kinds: { målområde: "Goal areas", resultatmål: "Outcome goals", åtagande: "Commitments", nämnd: "Committees" },
    kindText: {
      målområde: "The goal area's status at each follow-up, and its outcome goals.",
      resultatmål: "The outcome goal's status at each follow-up, its own indicators and the commitments that serve it.",
      åtagande: "The commitment's indicator: baseline, target per year, actual, forecast and status at each follow-up.",
      nämnd: "The committee's commitments and its economy (budget, actual, forecast and variance) at each follow-up.",
    },
    columns: "Columns",
    column: "Column",
    meaning: "Meaning",
    format: "The files' format",
    csv: "CSV: UTF-8 with a byte order mark, a semicolon between fields, a decimal comma and CRLF line ends; fields holding a semicolon, a quote or a line break are quoted. Excel with Swedish settings opens such a file right with a double click. A text starting with =, +, -, @ or a tab gets an apostrophe first, so that a spreadsheet never runs it as a formula.",
    json: "JSON: UTF-8, numbers with a decimal point and null where a value is missing. The rows have the same keys as the CSV files' columns, and the texts are exactly as in the plan.",
    statuses: "Status codes",
    noFollowUp: "The plan has no follow-up yet; the files hold the targets only.",
  },
} as const;

/** What each column means, per language. */
const COLUMN: Record<Lang, Record<(typeof DATA_KEYS)[number], string>> = {
  sv: {
    typ: "Radens slag: målområde, resultatmål, nyckeltal (ett resultatmåls eget), åtagande eller ekonomi (en nämnds).",
    id: "ID i planen (för ekonomi: nämndens ID).",
    namn: "Namnet i planen.",
    bidrar_till: "ID för det som raden bidrar till ett steg upp i den röda tråden, åtskilda med mellanslag.",
    nämnder: "De ansvariga nämndernas ID, åtskilda med mellanslag; alla för ett åtagande som gäller alla nämnder.",
    year: "Året.",
    period: "Uppföljningens period (ÅÅÅÅ-MM); tom på en rad som bara har årets målvärde.",
    rapport: "Uppföljningens slag: månad, delår eller helår.",
    nyckeltal: "Nyckeltalets namn.",
    enhet: "Nyckeltalets enhet, eller beloppens (tkr, mnkr).",
    riktning: "Vart nyckeltalet ska: öka, minska eller bibehåll.",
    utgångsvärde: "Nyckeltalets utgångsvärde.",
    utgångsvärde_år: "Året då utgångsvärdet mättes.",
    target: "Målvärdet för året.",
    utfall: "Utfallet.",
    prognos: "Prognosen för helåret.",
    value: "Värdet som bedöms: prognosen om den finns, annars utfallet.",
    budget: "Budgeten (ekonomi).",
    avvikelse: "Budget minus prognos, eller minus utfall för helåret; negativ vid underskott (ekonomi).",
    status: "Statuskoden (se nedan), samma som plan status --format json ger för perioden.",
    manual: "true när statusen är bedömd för hand i uppföljningen.",
    kommentar: "Uppföljningens kommentar.",
  },
  en: {
    typ: "The row's kind: målområde (goal area), resultatmål (outcome goal), nyckeltal (an outcome goal's own indicator), åtagande (commitment) or ekonomi (a committee's economy).",
    id: "The ID in the plan (for ekonomi: the committee's ID).",
    namn: "The name in the plan.",
    bidrar_till: "The IDs of what the row serves one step up the red thread, separated by spaces.",
    nämnder: "The IDs of the committees responsible, separated by spaces; alla for a commitment of every committee.",
    year: "The year.",
    period: "The follow-up's period (YYYY-MM); empty on a row holding only the year's target.",
    rapport: "The kind of follow-up: månad (monthly), delår (interim) or helår (full year).",
    nyckeltal: "The indicator's name.",
    enhet: "The indicator's unit, or the amounts' (tkr, mnkr).",
    riktning: "Where the indicator should go: öka (up), minska (down) or bibehåll (hold).",
    utgångsvärde: "The indicator's baseline.",
    utgångsvärde_år: "The year the baseline was measured.",
    target: "The target for the year.",
    utfall: "The actual value.",
    prognos: "The forecast for the full year.",
    value: "The value judged: the forecast when there is one, else the actual.",
    budget: "The budget (ekonomi).",
    avvikelse: "Budget less forecast, or less actual for the full year; negative for an overspend (ekonomi).",
    status: "The status code (see below), as plan status --format json gives it for the period.",
    manual: "true when the status was assessed by hand in the follow-up.",
    kommentar: "The follow-up's comment.",
  },
};

/** Known licences by SPDX ID: a readable name and where the licence text is. */
const LICENCES: Readonly<Record<string, { sv: string; en: string; url: string }>> = {
  "CC0-1.0": { sv: "Creative Commons Zero 1.0 (inga rättigheter förbehållna)", en: "Creative Commons Zero 1.0 (no rights reserved)", url: "https://creativecommons.org/publicdomain/zero/1.0/" },
  "CC-BY-4.0": { sv: "Creative Commons Erkännande 4.0", en: "Creative Commons Attribution 4.0", url: "https://creativecommons.org/licenses/by/4.0/" },
  "CC-BY-SA-4.0": { sv: "Creative Commons Erkännande-DelaLika 4.0", en: "Creative Commons Attribution-ShareAlike 4.0", url: "https://creativecommons.org/licenses/by-sa/4.0/" },
};

/** The years with a file for the whole plan: every year with a budget or a follow-up. */
function dataYears(ctx: SiteContext): number[] {
  const years = new Set<number>();
  for (const d of ctx.plan.docs) if (d.kind === "budget" && d.year !== undefined) years.add(d.year);
  for (const p of followUpPeriods(ctx.plan)) years.add(Number(p.slice(0, 4)));
  return [...years].sort((a, b) => a - b);
}

const project = (r: DataRow): Record<string, unknown> => Object.fromEntries(DATA_KEYS.map((k) => [k, r[k]]));

function pair(stem: string, head: Record<string, unknown>, rows: readonly DataRow[]): SiteFile[] {
  return [
    { path: `${stem}.csv`, content: toCsv(rows) },
    { path: `${stem}.json`, content: toJson(head, rows) },
  ];
}

/** Indented JSON with each row on one line: readable, and a third of the fully indented size. */
function toJson(head: Record<string, unknown>, rows: readonly DataRow[]): string {
  const lines = Object.entries(head).map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)},`);
  const body = rows.length === 0 ? "[]" : `[\n${rows.map((r) => `    ${JSON.stringify(project(r))}`).join(",\n")}\n  ]`;
  return `{\n${lines.join("\n")}\n  "rader": ${body}\n}\n`;
}

export function openDataFiles(ctx: SiteContext): SiteFile[] {
  const s = siteSettings(ctx.plan);
  const head = { kommun: s.kommun, licens: s.licens ?? null };
  const rows = dataRows(ctx.plan);
  // Counted before they are gathered per file: a row for `alla` goes into every nämnd's.
  let listed = 0;
  for (const r of rows) if (r.typ === "åtagande") listed += rowNamnder(r, ctx.plan.namnder).length;
  checkNamndRows(listed, "files");
  const byEntity = rowsByEntity(rows, ctx.plan.namnder);
  const files: SiteFile[] = [];
  for (const year of dataYears(ctx)) files.push(...pair(yearStem(year), { ...head, typ: "plan", year }, rows.filter((r) => r.year === year)));
  for (const e of dataEntities(ctx.plan, ctx.year)) {
    files.push(...pair(entityStem(ctx.plan, ctx.year, e.kind, e.id), { ...head, typ: e.kind, id: e.id, namn: e.namn }, byEntity.get(`${e.kind}\0${e.id}`) ?? []));
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

const fileKeys = new WeakMap<readonly DataEntity[], Set<string>>();

function hasFiles(ctx: SiteContext, kind: DataKind, id: string): boolean {
  const entities = dataEntities(ctx.plan, ctx.year);
  let keys = fileKeys.get(entities);
  if (!keys) fileKeys.set(entities, (keys = new Set(entities.map((e) => `${e.kind}\0${e.id}`))));
  return keys.has(`${kind}\0${id}`);
}

/** The data files of an entity's page, as links from the site's root; none for an entity without files. */
export function dataLinks(ctx: SiteContext, kind: DataKind, id: string): Crumb[] {
  if (!hasFiles(ctx, kind, id)) return [];
  const stem = entityStem(ctx.plan, ctx.year, kind, id);
  const last = stem.split("/").pop()!;
  return ["csv", "json"].map((ext) => ({ href: hrefOf(`${stem}.${ext}`), text: `${last}.${ext}` }));
}

/** Links to a file pair from a page at the root: the file names as link texts. */
function fileLinks(stem: string): string {
  const last = stem.split("/").pop()!;
  return ["csv", "json"].map((ext) => `<a href="${escapeXml(hrefOf(`${stem}.${ext}`))}">${escapeXml(`${last}.${ext}`)}</a>`).join(" ");
}

function licenceHtml(lang: Lang, licens: string | undefined): string {
  const t = L[lang];
  if (licens === undefined) return `<p>${t.noLicens}</p>`;
  const known = LICENCES[licens];
  const name = known ? `<a href="${escapeXml(known.url)}">${escapeXml(known[lang])}</a> (${escapeXml(licens)})` : escapeXml(licens);
  return `<p>${t.licensIs} ${name}.</p>`;
}

export function openDataPage(ctx: SiteContext): SitePage {
  const t = L[ctx.lang];
  const s = siteSettings(ctx.plan);
  const entities = dataEntities(ctx.plan, ctx.year);
  const parts = [`<h1>${t.title}</h1>`, `<p>${t.intro}</p>`];
  if (followUpPeriods(ctx.plan).length === 0) parts.push(`<p>${t.noFollowUp}</p>`);
  parts.push(`<h2 id="licens">${t.licens}</h2>`, licenceHtml(ctx.lang, s.licens));
  const years = dataYears(ctx);
  if (years.length > 0) {
    parts.push(`<h2 id="hela-planen">${t.whole}</h2>`, "<ul>", ...years.map((y) => `<li>${y}: ${fileLinks(yearStem(y))}</li>`), "</ul>");
  }
  for (const kind of DATA_KINDS) {
    const list = entities.filter((e) => e.kind === kind);
    if (list.length === 0) continue;
    parts.push(
      `<h2 id="${escapeXml(FRAGMENT[kind])}">${t.kinds[kind]}</h2>`,
      `<p>${t.kindText[kind]}</p>`,
      table(
        t.kinds[kind],
        [{ head: "ID" }, { head: t.namn }, { head: t.files }],
        list.map((e) => [escapeXml(e.id), escapeXml(e.namn), fileLinks(entityStem(ctx.plan, ctx.year, kind, e.id))]),
      ),
    );
  }
  parts.push(
    `<h2 id="format">${t.format}</h2>`,
    `<p>${t.csv}</p>`,
    `<p>${t.json}</p>`,
    `<h3 id="kolumner">${t.columns}</h3>`,
    table(
      t.columns,
      [{ head: t.column }, { head: t.meaning }],
      DATA_KEYS.map((k) => [`<code>${escapeXml(k)}</code>`, escapeXml(COLUMN[ctx.lang][k])]),
    ),
    `<h3 id="statuskoder">${t.statuses}</h3>`,
    "<ul>",
    ...STATUSES.map((st) => `<li><code>${st}</code>: ${STATUS_WORD[ctx.lang][st]}</li>`),
    "</ul>",
  );
  return { path: OPEN_DATA_PATH, title: t.title, crumbs: [{ href: "index.html", text: t.start }], main: parts.join("\n") };
}

const FRAGMENT: Record<DataKind, string> = { målområde: "malomraden", resultatmål: "resultatmal", åtagande: "ataganden", nämnd: "namnder" };
