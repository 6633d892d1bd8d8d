// `plan årshjul`: the cycle as a terminal table, Markdown, iCalendar and an SVG wheel. The text
// and Markdown add, for the chosen day, what is late and what is due next.
import { palette } from "./palette.js";
import type { Lang } from "../diagnostics/index.js";
import type { FasStatus, ÅrshjulStatus } from "../status/arshjul.js";
import { arshjulIcs } from "./arshjul-ics.js";
import { arshjulSvg } from "./arshjul-svg.js";
import { documentText, LÄGE_WORDS, W, whenText } from "./arshjul-words.js";
import type { Formatter } from "./formatter.js";
import { mdText } from "./markdown.js";
import type { ArshjulFormat } from "./names.js";
import { terminalSafe } from "./text.js";
import { tableText } from "./table.js";

/** What every årshjul formatter gets: the kommun it is for and where the cycle stands. */
export interface ArshjulView {
  kommun: string;
  kommunkod?: string;
  status: ÅrshjulStatus;
}

/** At most this many organs are named where a phase's document is missing; the rest are counted. */
const NAMED_MISSING = 20;

/** One line about a late or coming phase: its name, deadline, document and whose is missing. */
function lineFor(s: FasStatus, lang: Lang): string {
  const t = W[lang];
  const named = s.saknas.slice(0, NAMED_MISSING).join(", ");
  const more = s.saknas.length > NAMED_MISSING ? t.andMore(s.saknas.length - NAMED_MISSING) : "";
  const missing = s.saknas.length > 0 ? `, ${t.missingFor} ${named}${more}` : "";
  return `${s.fas.namn} (${t.deadline} ${s.senast ?? ""}): ${documentText(s, lang)}${missing}`;
}

function arshjulText(v: ArshjulView, lang: Lang, color: boolean): string {
  const c = palette(color);
  const t = W[lang];
  const safe = (s: string): string => terminalSafe(s, true);
  const rows = v.status.faser.map((s, i) => {
    const läge = LÄGE_WORDS[lang][s.läge];
    return [String(i + 1), whenText(s.fas, lang), safe(s.fas.namn), safe(s.fas.organ), documentText(s, lang), s.läge === "sen" ? c.red(läge) : läge];
  });
  const table = tableText({ head: ["", t.when, t.phase, t.organ, t.document, t.state], rows }, color);
  const parts = [c.bold(safe(`${t.title} ${v.status.år} – ${v.kommun}`)), "", table, "", `${t.today} ${v.status.idag}`, ""];
  parts.push(c.bold(`${t.late}:`));
  // A line each, pushed one at a time: a plan may define more phases than a call has arguments.
  if (v.status.sena.length === 0) parts.push(`  ${t.noneLate}`);
  for (const s of v.status.sena) parts.push(`  - ${safe(lineFor(s, lang))}`);
  parts.push("", c.bold(`${t.next}:`), `  ${v.status.nästa ? safe(lineFor(v.status.nästa, lang)) : t.noneNext}`);
  return `${parts.join("\n")}\n`;
}

function arshjulMarkdown(v: ArshjulView, lang: Lang): string {
  const t = W[lang];
  const row = (cells: string[]): string => `| ${cells.join(" | ")} |`;
  const lines = [`## ${mdText(`${t.title} ${v.status.år} – ${v.kommun}`)}`, ""];
  lines.push(row(["", t.when, t.phase, t.organ, t.document, t.state]), row(["---:", "---", "---", "---", "---", "---"]));
  v.status.faser.forEach((s, i) => {
    const läge = LÄGE_WORDS[lang][s.läge];
    lines.push(row([String(i + 1), whenText(s.fas, lang), mdText(s.fas.namn), mdText(s.fas.organ), mdText(documentText(s, lang)), s.läge === "sen" ? `**${läge}**` : läge]));
  });
  lines.push("", `${t.today} ${v.status.idag}.`, "", `### ${t.late}`, "");
  if (v.status.sena.length === 0) lines.push(t.noneLate);
  for (const s of v.status.sena) lines.push(`- ${mdText(lineFor(s, lang))}`);
  lines.push("", `### ${t.next}`, "", v.status.nästa ? mdText(lineFor(v.status.nästa, lang)) : t.noneNext);
  return `${lines.join("\n")}\n`;
}

export const ARSHJUL_FORMATTERS: Record<ArshjulFormat, Formatter<ArshjulView>> = {
  text: (v, o) => arshjulText(v, o.lang, o.color),
  md: (v, o) => arshjulMarkdown(v, o.lang),
  ics: (v, o) => arshjulIcs(v, o.lang),
  svg: (v, o) => arshjulSvg(v, o.lang),
};
