// The tillgänglighetsredogörelse that Lag (2018:1937) om tillgänglighet till digital offentlig
// service requires, laid out like the model statement of the supervisory body (DIGG): who stands
// behind the site, how accessible it is, what the generator cannot know, how to report a
// shortcoming, supervision, and how the statement was made. Never today's date: the review date
// from plan.yaml, or the newest follow-up the site shows.
import type { Lang } from "../diagnostics/entry.js";
import { esc as escapeXml } from "./text.js";
import { LABELS } from "../report/labels.js";
import { markdownToHtml } from "../report/markdown-text.js";
import { followUpPeriods } from "../status/engine.js";
import { siteSettings, type SiteSettings } from "./data-settings.js";
import type { SiteContext, SitePage } from "./types.js";

const STATEMENT_PATH = "tillganglighet.html";

const L = {
  sv: {
    start: "Startsida",
    title: "Tillgänglighetsredogörelse",
    intro: (k: string) =>
      `${k} står bakom den här webbplatsen, som visar kommunens plan och hur den följs upp. Vi vill att så många som möjligt ska kunna använda den. Här beskriver vi hur webbplatsen uppfyller lagen (2018:1937) om tillgänglighet till digital offentlig service, vilka brister vi känner till och hur du kan rapportera brister till oss.`,
    howTitle: "Hur tillgänglig är webbplatsen?",
    full: "Webbplatsen är helt förenlig med lagen om tillgänglighet till digital offentlig service, så långt vi vet. Sidorna görs av ett verktyg som är byggt för att uppfylla WCAG 2.1 på nivå AA. En del av innehållet kan verktyget inte kontrollera; det står nedan.",
    partial: "Webbplatsen är delvis förenlig med lagen om tillgänglighet till digital offentlig service, på grund av de brister som beskrivs nedan.",
    doesTitle: "Det här gör webbplatsen",
    does: [
      "Sidorna fungerar helt utan JavaScript och läser inte in något från andra webbplatser.",
      "En status visas alltid med en symbol och ett ord, aldrig bara med en färg.",
      "Siffrorna i ett diagram står också i en tabell.",
      "Sidornas språk är angivet, och sidorna går att skriva ut.",
      "Uppföljningsrapporterna i arkivet är webbsidor, inte PDF-filer.",
      "Siffrorna finns också som öppna data i CSV och JSON.",
    ],
    knownTitle: "Kända brister",
    cannotTitle: "Det här kan verktyget inte kontrollera",
    cannot: [
      "Planens texter skrivs av kommunens medarbetare. Verktyget kan inte bedöma om en länktext säger vart länken leder, om rubriker och förkortningar i texterna är begripliga eller om texten är lätt att läsa.",
      "En text på ett annat språk än sidans kan inte märkas med sitt språk, så en skärmläsare kan läsa den med fel uttal.",
      "Bilder i planens texter visas inte som bilder utan som länkar. Det som en bild visar behöver därför stå i texten.",
      "Dokument och webbplatser som planens texter länkar till omfattas inte av verktygets kontroller.",
    ],
    reportTitle: "Vad kan du göra om du inte kan använda delar av webbplatsen?",
    reportText: "Om du behöver innehåll från webbplatsen som inte är tillgängligt för dig, eller om du upptäcker brister som inte står här, kontakta oss:",
    epost: "E-post",
    telefon: "Telefon",
    adress: "Adress",
    noContact: (k: string) =>
      `Kommunen har inte angett några kontaktuppgifter för webbplatsen. Kontakta ${k} på det sätt som kommunen anger för frågor och synpunkter.`,
    supervisionTitle: "Tillsyn",
    supervision:
      "Myndigheten för digital förvaltning (DIGG) har tillsyn över lagen om tillgänglighet till digital offentlig service. Om du inte är nöjd med hur vi hanterar dina synpunkter kan du kontakta DIGG och påtala det:",
    testedTitle: "Hur vi har testat webbplatsen",
    tested:
      "Webbplatsen görs av verktyget Rödtråd ur kommunens planfiler. Verktygets tester kontrollerar sidorna mot WCAG 2.1 på nivå A och AA med automatiska granskningsverktyg och en kontroll av HTML-koden. Sådana tester hittar inte alla brister.",
    reviewed: (d: string) => `Kommunen granskade redogörelsen senast den ${d}.`,
    madeFrom: (p: string) => `Redogörelsen är skapad ur planens filer, med uppföljningarna till och med ${p}. Kommunen har inte angett när den senast granskades.`,
    madeFromPlan: "Redogörelsen är skapad ur planens filer. Kommunen har inte angett när den senast granskades.",
  },
  en: {
    start: "Home",
    title: "Accessibility statement",
    intro: (k: string) =>
      `${k} is responsible for this website, which shows the municipality's plan and how it is followed up. We want as many people as possible to be able to use it. This statement describes how the website complies with the Swedish Act on accessibility to digital public services (2018:1937), the shortcomings we know of, and how to report shortcomings to us.`,
    howTitle: "How accessible is the website?",
    full: "The website is fully compliant with the Act on accessibility to digital public services, as far as we know. Its pages are made by a tool built to meet WCAG 2.1 at level AA. Some of the content the tool cannot check; see below.",
    partial: "The website is partially compliant with the Act on accessibility to digital public services, due to the shortcomings described below.",
    doesTitle: "What the website does",
    does: [
      "The pages work entirely without JavaScript and load nothing from other websites.",
      "A status is always shown with a symbol and a word, never with a colour alone.",
      "The figures of a chart are also in a table.",
      "The pages state their language, and they can be printed.",
      "The follow-up reports in the archive are web pages, not PDF files.",
      "The figures are also available as open data in CSV and JSON.",
    ],
    knownTitle: "Known shortcomings",
    cannotTitle: "What the tool cannot check",
    cannot: [
      "The plan's texts are written by the municipality's staff. The tool cannot judge whether a link text says where the link leads, whether headings and abbreviations in the texts are clear, or whether a text is easy to read.",
      "A text in another language than the page's cannot be marked with its language, so a screen reader may read it with the wrong pronunciation.",
      "Images in the plan's texts are not shown as images but as links. What an image shows therefore needs to be said in the text.",
      "Documents and websites that the plan's texts link to are not covered by the tool's checks.",
    ],
    reportTitle: "What can you do if you cannot use parts of the website?",
    reportText: "If you need content from the website that is not accessible to you, or if you find shortcomings not described here, contact us:",
    epost: "Email",
    telefon: "Phone",
    adress: "Address",
    noContact: (k: string) => `The municipality has not given any contact details for the website. Contact ${k} the way the municipality states for questions and comments.`,
    supervisionTitle: "Enforcement",
    supervision:
      "The Agency for Digital Government (DIGG) supervises the Act on accessibility to digital public services. If you are not satisfied with how we handle your comments, you can contact DIGG and tell them:",
    testedTitle: "How we tested the website",
    tested:
      "The website is made by the Rödtråd tool from the municipality's plan files. The tool's tests check the pages against WCAG 2.1 at levels A and AA with automated checking tools and a check of the HTML code. Such tests do not find every shortcoming.",
    reviewed: (d: string) => `The municipality last reviewed this statement on ${d}.`,
    madeFrom: (p: string) => `This statement is made from the plan's files, with the follow-ups up to ${p}. The municipality has not stated when it was last reviewed.`,
    madeFromPlan: "This statement is made from the plan's files. The municipality has not stated when it was last reviewed.",
  },
} as const;

/** 2026-05-04 as "4 maj 2026" or "4 May 2026". */
function dateText(date: string, lang: Lang): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return `${d} ${LABELS[lang].months[m - 1]} ${y}`;
}

/** The kommun by name; a plan without one (a schema error) still gets a sentence that reads. */
const who = (s: SiteSettings, lang: Lang): string => (s.kommun !== "" ? s.kommun : lang === "sv" ? "Kommunen" : "The municipality");

const list = (items: readonly string[]): string => `<ul>\n${items.map((i) => `<li>${i}</li>`).join("\n")}\n</ul>`;


/** A mailto: address as a URL: each side of the last @ percent-encoded, so no text in it can add a header or break the link. */
function mailto(address: string): string {
  const at = address.lastIndexOf("@");
  return at < 0 ? `mailto:${encodeURIComponent(address)}` : `mailto:${encodeURIComponent(address.slice(0, at))}@${encodeURIComponent(address.slice(at + 1))}`;
}

function contactHtml(s: SiteSettings, lang: Lang): string {
  const t = L[lang];
  const { epost, telefon, adress } = s.kontakt;
  const rows: string[] = [];
  if (epost !== undefined) rows.push(`<dt>${t.epost}</dt><dd><a href="${escapeXml(mailto(epost))}">${escapeXml(epost)}</a></dd>`);
  if (telefon !== undefined) rows.push(`<dt>${t.telefon}</dt><dd><a href="${escapeXml(`tel:${telefon.replace(/[^\d+]/gu, "")}`)}">${escapeXml(telefon)}</a></dd>`);
  if (adress !== undefined) rows.push(`<dt>${t.adress}</dt><dd>${escapeXml(adress)}</dd>`);
  if (rows.length === 0) return `<p>${escapeXml(t.noContact(who(s, lang)))}</p>`;
  return `<p>${t.reportText}</p>\n<dl>\n${rows.join("\n")}\n</dl>`;
}

function madeHtml(ctx: SiteContext, s: SiteSettings): string {
  const t = L[ctx.lang];
  if (s.granskad !== undefined) return t.reviewed(dateText(s.granskad, ctx.lang));
  const newest = followUpPeriods(ctx.plan).at(-1);
  return newest !== undefined ? t.madeFrom(`${LABELS[ctx.lang].months[Number(newest.slice(5, 7)) - 1]} ${newest.slice(0, 4)}`) : t.madeFromPlan;
}

export function accessibilityStatement(ctx: SiteContext): SitePage {
  const t = L[ctx.lang];
  const s = siteSettings(ctx.plan);
  const parts = [
    `<h1>${t.title}</h1>`,
    `<p>${escapeXml(t.intro(who(s, ctx.lang)))}</p>`,
    `<h2 id="forenlighet">${t.howTitle}</h2>`,
    `<p>${s.brister !== undefined ? t.partial : t.full}</p>`,
  ];
  if (s.brister !== undefined) parts.push(`<h2 id="brister">${t.knownTitle}</h2>`, markdownToHtml(s.brister, 2));
  parts.push(
    `<h2 id="funktioner">${t.doesTitle}</h2>`,
    list(t.does),
    `<h2 id="kan-inte-kontrolleras">${t.cannotTitle}</h2>`,
    list(t.cannot),
    `<h2 id="rapportera">${t.reportTitle}</h2>`,
    contactHtml(s, ctx.lang),
    `<h2 id="tillsyn">${t.supervisionTitle}</h2>`,
    `<p>${t.supervision} <a href="https://www.digg.se/">www.digg.se</a>.</p>`,
    `<h2 id="testat">${t.testedTitle}</h2>`,
    `<p>${t.tested}</p>`,
    `<p>${escapeXml(madeHtml(ctx, s))}</p>`,
  );
  return { path: STATEMENT_PATH, title: t.title, crumbs: [{ href: "index.html", text: t.start }], main: parts.join("\n") };
}
