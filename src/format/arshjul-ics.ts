// The cycle as an RFC 5545 calendar: one all-day event per phase over its months, so a
// controller can import the year into Outlook or Google Calendar. Deterministic: the UID is
// built from the kommun, the year and the phase, and DTSTAMP is fixed to the cycle's 1 January.
import type { Lang } from "../diagnostics/index.js";
import type { FasStatus } from "../status/arshjul.js";
import type { ArshjulView } from "./arshjul.js";
import { documentText, W, whenText } from "./arshjul-words.js";

/** TEXT values per RFC 5545 3.3.11: backslash, semicolon, comma and line breaks escaped. */
export function icsText(s: string): string {
  return s
    .replace(/\\/gu, "\\\\")
    .replace(/;/gu, "\\;")
    .replace(/,/gu, "\\,")
    .replace(/\r\n|\r|\n/gu, "\\n")
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/gu, "");
}

/**
 * A content line folded at 75 octets (RFC 5545 3.1): continuation lines start with one space,
 * and a UTF-8 character is never split between two lines.
 */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = "";
  let octets = 0;
  for (const ch of line) {
    const n = Buffer.byteLength(ch, "utf8");
    const limit = out.length === 0 ? 75 : 74;
    if (octets + n > limit) {
      out.push(current);
      current = "";
      octets = 0;
    }
    current += ch;
    octets += n;
  }
  out.push(current);
  return out.join("\r\n ");
}

const pad = (n: number): string => String(n).padStart(2, "0");
const LAST_DAY = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The first day of the phase and the day after it ends (DTEND is exclusive for dates). */
function span(s: FasStatus, år: number): { start: string; end: string } {
  const start = `${år}${pad(s.fas.månad)}01`;
  const [mm, dd] = (s.senast?.slice(5) ?? `${pad(s.fas.tillMånad)}-${LAST_DAY(år, s.fas.tillMånad)}`).split("-").map(Number) as [number, number];
  const last = new Date(Date.UTC(år, mm - 1, Math.min(dd, LAST_DAY(år, mm))));
  last.setUTCDate(last.getUTCDate() + 1);
  const end = `${last.getUTCFullYear()}${pad(last.getUTCMonth() + 1)}${pad(last.getUTCDate())}`;
  return { start, end };
}

/** A UID part: letters, digits and hyphens only, so every calendar keeps it as it is. */
const uidPart = (s: string): string =>
  s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/gu, "-")
    .replace(/^-|-$/gu, "") || "x";

export function arshjulIcs(v: ArshjulView, lang: Lang): string {
  const t = W[lang];
  const år = v.status.år;
  const who = uidPart(v.kommunkod ?? v.kommun);
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Rödtråd//plan årshjul//SV",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `X-WR-CALNAME:${icsText(t.calendar(v.kommun, år))}`,
  ];
  const seen = new Map<string, number>();
  for (const s of v.status.faser) {
    // Two phases with the same id in plan.yaml still get two UIDs (the second with -2), or a calendar would merge them.
    const n = (seen.get(s.fas.id) ?? 0) + 1;
    seen.set(s.fas.id, n);
    // A monthly phase is one day a month, repeated, not a bar over the whole year.
    const { start, end } = s.fas.månatlig ? { start: `${år}${pad(s.fas.månad)}01`, end: `${år}${pad(s.fas.månad)}02` } : span(s, år);
    const doc = documentText(s, lang);
    const desc = [`${t.when}: ${whenText(s.fas, lang)}`, `${t.organ}: ${s.fas.organ}`, ...(doc ? [`${t.document}: ${doc}`] : []), ...(s.senast ? [`${t.deadline} ${s.senast}`] : [])];
    lines.push(
      "BEGIN:VEVENT",
      `UID:${who}-${år}-${uidPart(s.fas.id)}${n > 1 ? `-${n}` : ""}@rodtrad`,
      `DTSTAMP:${år}0101T000000Z`,
      `DTSTART;VALUE=DATE:${start}`,
      `DTEND;VALUE=DATE:${end}`,
      ...(s.fas.månatlig ? [`RRULE:FREQ=MONTHLY;COUNT=${s.fas.tillMånad - s.fas.månad + 1}`] : []),
      `SUMMARY:${icsText(`${s.fas.namn} (${s.fas.organ})`)}`,
      `DESCRIPTION:${icsText(desc.join("\n"))}`,
      "TRANSP:TRANSPARENT",
      "END:VEVENT",
    );
  }
  lines.push("END:VCALENDAR");
  return `${lines.map(foldLine).join("\r\n")}\r\n`;
}
