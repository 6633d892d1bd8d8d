// Small HTML pieces the pages share: text, links, status, tables. Every plan text passes
// through `esc` or `rich` here; nothing else puts plan text into markup.
import type { Lang } from "../diagnostics/entry.js";
import { formatNumber, STATUS_SYMBOL, STATUS_WORD } from "../format/status-words.js";
import { markdownToHtml } from "../report/markdown-text.js";
import type { Status } from "../status/fulfilment.js";
import { toRoot } from "./page.js";
import type { Gathered } from "./gather.js";
import { clean, esc } from "./text.js";

/** A Markdown text field of the plan as HTML, its headings below `headingLevel`; "" for none. */
export function rich(text: unknown, headingLevel: number, lang?: string): string {
  if (typeof text !== "string" || text.trim() === "") return "";
  return `<div class="text"${lang !== undefined ? ` lang="${lang}"` : ""}>${markdownToHtml(clean(text), headingLevel)}</div>`;
}

/**
 * A name from the plan: in its own language when the site speaks another (WCAG 3.1.2,
 * language of parts), so a screen reader pronounces it as written.
 */
export function planName(g: Pick<Gathered, "textLang">, s: string): string {
  return g.textLang !== undefined ? `<span lang="${g.textLang}">${esc(s)}</span>` : esc(s);
}

/** A link from the page at `from` to the page at `to` (both relative to the root). */
export function link(from: string, to: string, text: string, cls?: string, lang?: string): string {
  const attrs = `${cls !== undefined ? ` class="${cls}"` : ""}${lang !== undefined ? ` lang="${lang}"` : ""}`;
  return `<a href="${esc(relative(from, to))}"${attrs}>${esc(text)}</a>`;
}

/** The href from one page to another: up to the root, then down. */
const relative = (from: string, to: string): string => toRoot(from) + to;

/** Symbol and word, never colour alone: the class only adds colour. */
export function statusBadge(s: Status, lang: Lang, manual?: string): string {
  const note = manual !== undefined ? ` <span class="note">(${esc(manual)})</span>` : "";
  return `<span class="status status-${s.replace(/_/gu, "-").replace("ö", "o")}"><span aria-hidden="true">${STATUS_SYMBOL[s]}</span> ${STATUS_WORD[lang][s]}</span>${note}`;
}

export const num = (v: number | undefined, lang: Lang): string => formatNumber(v, lang);

export interface Column {
  head: string;
  /** Right-aligned figures. */
  numeric?: boolean;
}

/**
 * A table with a caption and scoped headers. The first cell of each row is its header
 * (`th scope="row"`); cells are HTML already.
 */
export function table(caption: string, columns: readonly Column[], rows: readonly (readonly string[])[]): string {
  const cls = (c: Column | undefined): string => (c?.numeric ? ' class="num"' : "");
  const head = columns.map((c) => `<th scope="col"${cls(c)}>${esc(c.head)}</th>`).join("");
  const body = rows
    .map((r) => `<tr>${r.map((cell, i) => (i === 0 ? `<th scope="row">${cell}</th>` : `<td${cls(columns[i])}>${cell}</td>`)).join("")}</tr>`)
    .join("\n");
  // On a narrow screen a wide table scrolls sideways: its box takes the keyboard's focus and is
  // named by the caption, so it can be scrolled without a mouse (WCAG 2.1.1, 1.4.10).
  return `<div class="table-wrap" role="region" aria-label="${esc(caption)}" tabindex="0"><table>\n<caption>${esc(caption)}</caption>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table></div>`;
}

/** A section with a heading at `level` and an id for links into it. */
export function section(level: number, id: string, heading: string, body: string): string {
  return `<section aria-labelledby="${id}">\n<h${level} id="${id}">${esc(heading)}</h${level}>\n${body}\n</section>`;
}

/** The links other parts of the site give for `id` (reports that concern it, its figures as data). */
export function relatedSections(g: Gathered, from: string, id: string): string {
  return g
    .related(id)
    .filter((r) => r.links.length > 0)
    .map((r, i) => section(2, `mer-${i + 1}`, r.heading, `<ul>${r.links.map((l) => `<li>${link(from, l.href, l.text, undefined, l.lang)}</li>`).join("")}</ul>`))
    .join("\n");
}

/** What the year's follow-ups say will be done about `id`: each åtgärd with who and by when. */
export function åtgärderSection(g: Gathered, id: string): string {
  const list = g.åtgärderFor.get(id) ?? [];
  if (list.length === 0) return "";
  const { w } = g;
  const items = list.map((a) => {
    const facts = [a.ansvarig !== undefined ? `${w.ansvarig}: ${esc(a.ansvarig)}` : "", a.klart !== undefined ? `${w.klart}: ${esc(a.klart)}` : ""].filter((x) => x !== "");
    return `<li>${a.id !== "" ? `<strong>${esc(a.id)}</strong> ` : ""}${rich(a.text, 2, g.textLang)}${facts.length > 0 ? `<p class="note">${facts.join(". ")}</p>` : ""}</li>`;
  });
  return section(2, "atgarder", w.åtgärder, `<ul class="plans">${items.join("")}</ul>`);
}
