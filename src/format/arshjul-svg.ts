// The classic årshjul picture: twelve months around a ring, January at the top, clockwise; each
// phase an arc over its months, numbered, and the numbers explained in a legend beside the wheel.
// Self-contained (no fonts, images or links from outside) and accessible: role="img", a title,
// a description, and every phase named in text, never by colour alone.
import type { Lang } from "../diagnostics/index.js";
import type { FasStatus } from "../status/arshjul.js";
import type { ArshjulView } from "./arshjul.js";
import { documentText, LÄGE_WORDS, SHORT_MONTHS, W, whenText } from "./arshjul-words.js";

const xml = (s: string): string => s.replace(/[&<>"']/gu, (c) => `&#${c.codePointAt(0)};`).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/gu, "");

const CX = 380;
const CY = 390;
const RING_OUT = 350;
const RING_IN = 300;
const LANE_R = 276;
const LANE_STEP = 30;
const f = (n: number): string => (Math.round(n * 10) / 10).toString();

/** The point at `r` from the centre at the start of month `m` (0-based, may be fractional). */
function at(r: number, m: number): [number, number] {
  const a = ((m * 30 - 90) * Math.PI) / 180;
  return [CX + r * Math.cos(a), CY + r * Math.sin(a)];
}

function arc(r: number, from: number, to: number): string {
  const [x1, y1] = at(r, from);
  const [x2, y2] = at(r, to);
  const large = to - from > 6 ? 1 : 0;
  return `M ${f(x1)} ${f(y1)} A ${r} ${r} 0 ${large} 1 ${f(x2)} ${f(y2)}`;
}

/** Each phase on the innermost-free lane: phases whose months overlap get separate lanes. */
function lanes(faser: readonly FasStatus[]): number[] {
  const used: Array<Array<[number, number]>> = [];
  return faser.map((s) => {
    const span: [number, number] = [s.fas.månad, s.fas.tillMånad];
    let lane = used.findIndex((l) => l.every(([a, b]) => span[1] < a || span[0] > b));
    if (lane < 0) lane = used.push([]) - 1;
    used[lane]!.push(span);
    return lane;
  });
}

export function arshjulSvg(v: ArshjulView, lang: Lang): string {
  const t = W[lang];
  const år = v.status.år;
  const title = `${t.title} ${år} – ${v.kommun}`;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1240 780" width="1240" height="780" role="img" aria-labelledby="arshjul-title arshjul-desc" font-family="system-ui, -apple-system, 'Segoe UI', sans-serif">`,
    `<title id="arshjul-title">${xml(title)}</title>`,
    `<desc id="arshjul-desc">${xml(t.desc(v.kommun, år))}</desc>`,
    `<rect width="1240" height="780" fill="#ffffff"/>`,
  ];
  // The month ring.
  for (let m = 0; m < 12; m++) {
    const [ox1, oy1] = at(RING_OUT, m);
    const [ox2, oy2] = at(RING_OUT, m + 1);
    const [ix1, iy1] = at(RING_IN, m + 1);
    const [ix2, iy2] = at(RING_IN, m);
    const fill = m % 2 === 0 ? "#dce6f2" : "#c5d5e8";
    out.push(
      `<path d="M ${f(ox1)} ${f(oy1)} A ${RING_OUT} ${RING_OUT} 0 0 1 ${f(ox2)} ${f(oy2)} L ${f(ix1)} ${f(iy1)} A ${RING_IN} ${RING_IN} 0 0 0 ${f(ix2)} ${f(iy2)} Z" fill="${fill}" stroke="#ffffff" stroke-width="2"/>`,
    );
    const [tx, ty] = at((RING_OUT + RING_IN) / 2, m + 0.5);
    out.push(`<text x="${f(tx)}" y="${f(ty)}" text-anchor="middle" dominant-baseline="central" font-size="17" font-weight="600" fill="#1a2b3c">${xml(SHORT_MONTHS[lang][m]!)}</text>`);
  }
  // The phases, as arcs on lanes inside the ring, each with its number at the arc's middle.
  const laneOf = lanes(v.status.faser);
  v.status.faser.forEach((s, i) => {
    const r = LANE_R - laneOf[i]! * LANE_STEP;
    const from = s.fas.månad - 1 + 0.06;
    const to = s.fas.tillMånad - 0.06;
    const colour = s.läge === "sen" ? "#b3261e" : s.fas.dokument ? "#1f5f99" : "#6b7280";
    out.push(`<path d="${arc(r, from, to)}" fill="none" stroke="${colour}" stroke-width="14" stroke-linecap="round"/>`);
    const [nx, ny] = at(r, s.fas.månatlig ? 11.5 : (from + to) / 2);
    out.push(`<circle cx="${f(nx)}" cy="${f(ny)}" r="12" fill="#ffffff" stroke="${colour}" stroke-width="2.5"/>`);
    out.push(`<text x="${f(nx)}" y="${f(ny)}" text-anchor="middle" dominant-baseline="central" font-size="13" font-weight="700" fill="#111111">${i + 1}</text>`);
  });
  // The middle: the year and the kommun.
  out.push(`<text x="${CX}" y="${CY - 14}" text-anchor="middle" font-size="40" font-weight="700" fill="#1a2b3c">${år}</text>`);
  out.push(`<text x="${CX}" y="${CY + 20}" text-anchor="middle" font-size="16" fill="#1a2b3c">${xml(v.kommun)}</text>`);
  out.push(`<text x="${CX}" y="${CY + 42}" text-anchor="middle" font-size="14" fill="#444444">${xml(t.title)}</text>`);
  // The legend: number and name, then months and organ, then the document and its state, in words.
  const step = Math.min(60, 700 / Math.max(1, v.status.faser.length));
  v.status.faser.forEach((s, i) => {
    const y = 40 + i * step;
    const doc = documentText(s, lang);
    const state = s.läge === "klar" || s.läge === "sen" ? ` · ${LÄGE_WORDS[lang][s.läge]}` : "";
    const colour = s.läge === "sen" ? "#b3261e" : "#111111";
    out.push(`<text x="770" y="${f(y)}" font-size="15" font-weight="700" fill="${colour}">${i + 1}. ${xml(s.fas.namn)}</text>`);
    out.push(`<text x="792" y="${f(y + 18)}" font-size="13" fill="#333333">${xml(`${whenText(s.fas, lang)} · ${s.fas.organ}`)}</text>`);
    if (doc || state) out.push(`<text x="792" y="${f(y + 35)}" font-size="13" fill="${colour}">${xml(`${doc ? `→ ${doc}` : ""}${doc ? state : state.slice(3)}`)}</text>`);
  });
  // What the colours mean, also said in words in the legend.
  const key: Array<[string, string]> = [
    ["#1f5f99", t.keyDocument],
    ["#6b7280", t.keyOther],
    ["#b3261e", t.keyLate],
  ];
  key.forEach(([colour, label], i) => {
    const y = 726 + i * 20;
    out.push(`<rect x="14" y="${y - 6}" width="22" height="10" rx="5" fill="${colour}"/>`);
    out.push(`<text x="44" y="${y}" dominant-baseline="central" font-size="12" fill="#333333">${xml(label)}</text>`);
  });
  out.push("</svg>");
  return `${out.join("\n")}\n`;
}
