// `plan diff` as a terraform-style terminal summary, a pull-request comment and JSON.
import type { ChalkInstance } from "chalk";
import { palette } from "./palette.js";
import { CODES, decidedChangeLine, decidedChangeMarkdown, formatMessage, messageOf, severityWord, type Code, type Lang } from "../diagnostics/index.js";
import type { Changed, DiffEntity, FieldChange, PlanDiff, Removal, StatusBasis, StatusChange } from "../diff/compare.js";
import { TEXT_FIELDS, fieldName, type FieldValue } from "../diff/fields.js";
import { addTo, consequencesOf, targetChanges, type Consequences } from "../diff/consequences.js";
import { wordDiff, wordDiffWork } from "../diff/words.js";
import { isData } from "../model/build.js";
import { nameOf } from "../model/thread.js";
import { STATUSES, type Status } from "../status/fulfilment.js";
import { andList, DIFF_WORDS, kindCount, kindRank, kindTitle } from "./diff-words.js";
import { formatNumber, STATUS_SYMBOL, STATUS_WORD } from "./status-words.js";
import type { Formatter, FormatOptions } from "./formatter.js";
import type { DiffFormat } from "./names.js";
import { mdCode, mdText } from "./markdown.js";
import { terminalSafe } from "./text.js";

export interface DiffView {
  base: string;
  head: string;
  diff: PlanDiff;
  lang: Lang;
}

const errorsOf = (d: PlanDiff["introduced"]): number => d.filter((x) => x.severity === "error").length;

function diffSummaryLine(diff: PlanDiff, lang: Lang): string {
  const w = DIFF_WORDS[lang];
  const counts = w.counts(diff.added.length, diff.changed.length, diff.removed.length);
  const extra: string[] = [];
  const newErrors = errorsOf(diff.introduced);
  if (newErrors > 0) extra.push(w.newErrors(newErrors));
  const newWarnings = diff.introduced.length - newErrors;
  if (newWarnings > 0) extra.push(w.newWarnings(newWarnings));
  if (diff.resolved.length > 0) extra.push(w.resolved(diff.resolved.length));
  if (diff.statusChanges.length > 0) extra.push(w.statusChanges(diff.statusChanges.length));
  if (diff.flags.length > 0) extra.push(w.undecided(diff.flags.length));
  return extra.length > 0 ? `${counts}; ${extra.join(", ")}` : counts;
}

const show = (v: FieldValue | undefined, lang: Lang): string =>
  v === undefined ? DIFF_WORDS[lang].none : Array.isArray(v) ? `[${v.join(", ")}]` : typeof v === "string" ? v : String(v);

const label = (d: DiffEntity): string => `${d.typ} ${d.id}${d.scope !== "" ? ` (${d.scope})` : ""}`;

function strandsText(r: Removal, lang: Lang): string | undefined {
  const kinds = Object.keys(r.strandCounts).sort((x, y) => kindRank(x) - kindRank(y));
  if (kinds.length === 0) return undefined;
  const w = DIFF_WORDS[lang];
  return w.leaves(r.id, andList(kinds.map((k) => kindCount(r.strandCounts[k]!, k)), w.and));
}

/** Plan text (IDs, values, file names, messages) on one terminal line. */
const t = (s: string): string => terminalSafe(s, true);

function fieldLineText(d: Changed, f: FieldChange, c: ChalkInstance, lang: Lang, work: { cells: number }): string {
  const where = t(`${d.id} › ${f.path}`);
  if (TEXT_FIELDS.has(fieldName(f.path)) && typeof f.from === "string" && typeof f.to === "string") {
    const words = wordDiff(f.from, f.to, work)
      .map((p) => ({ op: p.op, text: t(p.text.replace(/\r?\n/gu, " ")) }))
      .map((p) => (p.op === "same" ? p.text : p.op === "added" ? c.green(`{+${p.text}+}`) : c.red(`[-${p.text}-]`)))
      .join("");
    return `${where}: ${words}`;
  }
  const moved = f.reparent ? c.yellow(` (${DIFF_WORDS[lang][f.reparent]})`) : "";
  return `${where}: ${t(show(f.from, lang))} → ${t(show(f.to, lang))}${moved}`;
}

export function diffText(v: DiffView, color: boolean): string {
  const c = palette(color);
  const { diff, lang } = v;
  const w = DIFF_WORDS[lang];
  const sev = (s: "error" | "warning"): string => severityWord(s, lang);
  // One budget for every text's word-level comparison: a change may edit thousands of texts.
  const work = wordDiffWork();
  const lines = [c.bold(diffSummaryLine(diff, lang)), t(`${v.base} → ${v.head}`), ""];
  // A decided document changed without a new decision first: it is what a reviewer must act on.
  if (diff.flags.length > 0) {
    lines.push(c.bold(w.governance));
    for (const f of diff.flags) lines.push(c.red(t(`  ! ${decidedChangeLine(f, v.lang)}`)));
    lines.push("");
  }
  const named = (d: DiffEntity): string => {
    const name = nameOf(d.entity);
    return name === "" ? t(label(d)) : `${t(label(d))} ${c.dim(t(`— ${name}`))}`;
  };
  for (const d of diff.added) lines.push(c.green(`+ ${named(d)}`));
  for (const d of diff.changed) {
    lines.push(c.yellow(`~ ${named(d)}`));
    for (const f of d.fields) lines.push(`    ${fieldLineText(d, f, c, lang, work)}`);
  }
  for (const r of diff.removed) {
    lines.push(c.red(`- ${named(r)}`));
    const s = strandsText(r, lang);
    if (s) lines.push(c.red(`    ${t(s)}`));
  }
  for (const { from, to } of diff.renames) lines.push(c.cyan(t(`  ${w.rename(from.id, to.id, to.typ)}`)));
  if (diff.statusChanges.length > 0) {
    lines.push("", c.bold(w.statusTitle));
    for (const s of diff.statusChanges) {
      const basis = basisText(s, diff.statusChanges, lang);
      lines.push(t(`  ${s.period} ${s.typ} ${s.id}: ${statusWord(s.from, lang)} → ${statusWord(s.to, lang)}${basis ? ` (${basis})` : ""}`));
    }
  }
  if (diff.introduced.length > 0) {
    lines.push("", c.bold(w.introduced));
    for (const d of diff.introduced) lines.push(`  ${d.severity === "error" ? c.red(sev(d.severity)) : c.yellow(sev(d.severity))} ${t(`${d.file}:${d.line}:${d.column} ${formatMessage(d, lang)}`)} ${c.dim(d.code)}`);
  }
  if (diff.resolved.length > 0) {
    lines.push("", c.bold(w.resolvedTitle));
    for (const d of diff.resolved) lines.push(`  ${sev(d.severity)} ${t(formatMessage(d, lang))} ${c.dim(d.code)}`);
  }
  return `${lines.join("\n")}\n`;
}

/** Long lists fold into <details> so a pull-request comment stays readable. */
const FOLD_AFTER = 10;

function fold(summary: string, items: string[]): string[] {
  if (items.length <= FOLD_AFTER) return items;
  return [`<details><summary>${mdText(summary)}</summary>`, "", ...items, "", "</details>"];
}

/** A number as the plan's readers write it (decimal comma in Swedish), all its decimals kept. */
const num = (v: number | undefined, lang: Lang): string => formatNumber(v, lang, 6);

function mdValue(v: FieldValue | undefined, lang: Lang): string {
  if (v === undefined) return `*${DIFF_WORDS[lang].none}*`;
  return mdText(typeof v === "number" ? num(v, lang) : show(v, lang));
}

function fieldLineMd(f: FieldChange, lang: Lang, work: { cells: number }): string {
  if (TEXT_FIELDS.has(fieldName(f.path)) && typeof f.from === "string" && typeof f.to === "string") {
    const words = wordDiff(f.from, f.to, work)
      .map((p) => (p.op === "same" ? mdText(p.text) : p.op === "added" ? `<ins>${mdText(p.text)}</ins>` : `<del>${mdText(p.text)}</del>`))
      .join("");
    return `${mdCode(f.path)}: ${words}`;
  }
  return `${mdCode(f.path)}: ${mdValue(f.from, lang)} → ${mdValue(f.to, lang)}${f.reparent ? ` **(${DIFF_WORDS[lang][f.reparent]})**` : ""}`;
}

const scopeMd = (d: DiffEntity): string => (d.scope ? ` (${mdText(d.scope)})` : "");

/** An entity's name or the first line of its text, and its nyckeltal's namn when a change is in the nyckeltal. */
function nameMd(d: DiffEntity, fields: readonly FieldChange[] = []): string {
  const name = nameOf(d.entity);
  const k = d.entity.data.nyckeltal;
  const kpi = fields.some((f) => f.path.startsWith("nyckeltal.")) && isData(k) && typeof k.namn === "string" ? k.namn : "";
  const parts = [name, kpi && `nyckeltal: ${kpi}`].filter((x) => x !== "");
  return parts.length > 0 ? `: ${mdText(parts.join(" — "))}` : "";
}

/** A status as the reports show it: symbol and word. */
const statusWord = (s: Status | undefined, lang: Lang): string => (s === undefined ? "–" : `${STATUS_SYMBOL[s]} ${STATUS_WORD[lang][s]}`);

/** The assessed statuses under a goal as symbols: "●●◐", "●×12 ◐×3". */
function symbols(counts: Record<Status, number> | undefined): string {
  const parts = STATUSES.filter((s) => s !== "ej_bedömd" && (counts?.[s] ?? 0) > 0).map((s) => (counts![s] <= 5 ? STATUS_SYMBOL[s].repeat(counts![s]) : `${STATUS_SYMBOL[s]}×${counts![s]}`));
  return parts.length > 0 ? parts.join(" ") : "–";
}

/**
 * What a status change was judged on: an åtagande's nyckeltal value and målvärde, before and
 * after; a goal's changed children and the statuses it rolls up.
 */
function basisText(s: StatusChange, all: readonly StatusChange[], lang: Lang): string {
  const w = DIFF_WORDS[lang];
  const { before: b, after: a } = s;
  const parts: string[] = [];
  if (b.counts || a.counts) {
    const children = new Set(s.entity.children.map((c) => c.id));
    for (const c of all) {
      if (c !== s && c.period === s.period && children.has(c.id)) parts.push(`${c.id} ${c.from ? STATUS_SYMBOL[c.from] : "–"} → ${c.to ? STATUS_SYMBOL[c.to] : "–"}`);
    }
    // The statuses rolled up, unless the changed children named above are all there is.
    const assessed = (x: StatusBasis): number => STATUSES.filter((st) => st !== "ej_bedömd").reduce((n, st) => n + (x.counts?.[st] ?? 0), 0);
    if (Math.max(assessed(b), assessed(a)) > parts.length) parts.push(`${w.below} ${symbols(b.counts)} → ${symbols(a.counts)}`);
  } else {
    if (b.value !== undefined || a.value !== undefined) {
      const src = (x: StatusBasis): string => x.valueSource ?? "";
      if (src(b) === src(a)) parts.push(`${src(a)} ${b.value === a.value ? num(a.value, lang) : `${num(b.value, lang)} → ${num(a.value, lang)}`}`.trim());
      else parts.push(`${src(b)} ${num(b.value, lang)} → ${src(a)} ${num(a.value, lang)}`.trim());
    }
    if (b.target !== undefined || a.target !== undefined) {
      parts.push(`${w.targetWord} ${b.target === a.target ? num(a.target, lang) : `${num(b.target, lang)} → ${num(a.target, lang)}`}`);
    }
  }
  if (a.manual || b.manual) parts.push(w.byHand);
  return parts.join("; ");
}

/** A list of kinds with counts, in the order of the thread: "6 åtaganden och 2 aktiviteter". */
function countsByKind(byKind: ReadonlyMap<string, ReadonlySet<string>>, lang: Lang, withIds = 0): string {
  const kinds = [...byKind.keys()].filter((k) => byKind.get(k)!.size > 0).sort((x, y) => kindRank(x) - kindRank(y));
  return andList(
    kinds.map((k) => {
      const ids = [...byKind.get(k)!];
      return ids.length <= withIds ? `${kindCount(ids.length, k)} (${ids.join(", ")})` : kindCount(ids.length, k);
    }),
    DIFF_WORDS[lang].and,
  );
}

/** Each (kind, kind it stands without) pair of the consequences, in the order of the thread. */
function withoutPairs(c: Consequences): { parent: string; kind: string; ids: string[] }[] {
  const out: { parent: string; kind: string; ids: string[] }[] = [];
  for (const parent of [...c.without.keys()].sort((x, y) => kindRank(x) - kindRank(y))) {
    const m = c.without.get(parent)!;
    for (const kind of [...m.keys()].sort((x, y) => kindRank(x) - kindRank(y))) out.push({ parent, kind, ids: [...m.get(kind)!].sort() });
  }
  return out;
}

/** Sentences from a diff, at most this many items named one by one; more are counted. */
const NAMED = 3;

/**
 * One paragraph of plain sentences, without markup, for a tjänsteskrivelse: what the change
 * adds, changes and removes, its targets and moves, the decision it lacks, what it leaves
 * without a goal, the fulfilment it changes and the errors it brings.
 */
function summaryParagraph(diff: PlanDiff, lang: Lang): string {
  const w = DIFF_WORDS[lang];
  const byKind = (list: readonly DiffEntity[]): Map<string, Set<string>> => {
    const m = new Map<string, Set<string>>();
    for (const d of list) addTo(m, d.typ, d.id);
    return m;
  };
  const [a, c, r] = [diff.added, diff.changed, diff.removed].map((l) => countsByKind(byKind(l), lang, NAMED)) as [string, string, string];
  const sentences = [a || c || r ? w.changes(a, c, r) : w.noChanges];
  const targets = targetChanges(diff);
  if (targets.length > NAMED) sentences.push(w.targets(new Set(targets.map((t) => t.id)).size));
  else {
    for (const t of targets) {
      const raised = typeof t.from === "number" && typeof t.to === "number" ? t.to > t.from : undefined;
      const v = (x: FieldValue | undefined): string => (typeof x === "number" ? num(x, lang) : show(x, lang));
      sentences.push(w.target(t.id, t.year, v(t.from), v(t.to), raised));
    }
  }
  const moves = diff.changed.flatMap((d) => d.fields.filter((f) => f.reparent === "moved").map((f) => ({ d, f })));
  for (const { d, f } of moves.slice(0, NAMED)) {
    const ids = (x: FieldValue | undefined): string => (x === undefined ? w.none : andList(Array.isArray(x) ? x.map(String) : [String(x)], w.and));
    sentences.push(w.movedTo(d.id, ids(f.from), ids(f.to)));
  }
  for (const f of diff.flags) sentences.push(w.decidedChanged(f.typ, f.id));
  const cons = consequencesOf(diff);
  for (const p of withoutPairs(cons)) sentences.push(`${w.standsWithout(kindCount(p.ids.length, p.kind), p.parent)}.`);
  if (cons.further.size > 0) sentences.push(`${w.losesThread(countsByKind(cons.further, lang))}.`);
  if (diff.statusChanges.length > 0) {
    // The newest period's change of each entity.
    const latest = new Map<string, StatusChange>();
    for (const s of diff.statusChanges) latest.set(`${s.typ}\u0000${s.id}`, s);
    const list = [...latest.values()].sort((x, y) => kindRank(x.typ) - kindRank(y.typ));
    const word = (s: Status | undefined): string => (s === undefined ? "–" : STATUS_WORD[lang][s].toLocaleLowerCase("sv"));
    if (list.length <= NAMED) sentences.push(w.statusChanged(andList(list.map((s) => w.statusFromTo(`${s.typ} ${s.id}`, word(s.from), word(s.to))), w.and)));
    else sentences.push(w.statusCount(countsByKind(byKind(list.map((s) => ({ typ: s.typ, id: s.id }) as DiffEntity)), lang)));
  }
  const newErrors = errorsOf(diff.introduced);
  if (diff.introduced.length > 0) sentences.push(w.errorsSentence(newErrors, diff.introduced.length - newErrors));
  if (diff.resolved.length > 0) sentences.push(w.resolvedSentence(diff.resolved.length));
  return sentences.join(" ");
}

/** A code's one-line summary inside a sentence: "en referens till ett ID som inte finns". */
const codeSummary = (code: Code, lang: Lang): string => {
  const s = CODES[code].summary[lang].replace(/\.$/u, "");
  return lang === "sv" && /^[A-ZÅÄÖ][a-zåäö]/u.test(s) ? s.charAt(0).toLocaleLowerCase("sv") + s.slice(1) : s.charAt(0).toLowerCase() + s.slice(1);
};

/** The consequences in plain sentences, one per item, IDs as code. */
function consequenceItems(diff: PlanDiff, lang: Lang): string[] {
  const w = DIFF_WORDS[lang];
  const ids = (list: Iterable<string>): string => [...list].sort().map(mdCode).join(", ");
  const cons = consequencesOf(diff);
  const items = withoutPairs(cons).map((p) => `- ${mdText(w.standsWithout(kindCount(p.ids.length, p.kind), p.parent))}: ${ids(p.ids)}`);
  if (cons.further.size > 0) {
    const kinds = [...cons.further.keys()].sort((x, y) => kindRank(x) - kindRank(y));
    items.push(`- ${mdText(w.losesThread(countsByKind(cons.further, lang)))}: ${ids(kinds.flatMap((k) => [...cons.further.get(k)!].sort()))}`);
  }
  const groups = new Map<string, { severity: "error" | "warning"; code: Code; n: number }>();
  for (const d of diff.introduced) {
    const k = `${d.severity === "error" ? 0 : 1}\u0000${d.code}`;
    const g = groups.get(k) ?? groups.set(k, { severity: d.severity === "error" ? "error" : "warning", code: d.code, n: 0 }).get(k)!;
    g.n++;
  }
  for (const k of [...groups.keys()].sort()) {
    const g = groups.get(k)!;
    items.push(`- ${mdText(`${g.severity === "error" ? w.newErrors(g.n) : w.newWarnings(g.n)}: ${codeSummary(g.code, lang)}`)}`);
  }
  return items;
}

/** A removed entity: its ID, kind and name, and its whole text (or beskrivning) as a quote. */
function removedItem(r: Removal): string[] {
  const { text: t1, beskrivning } = r.entity.data;
  const text = (typeof t1 === "string" ? t1 : typeof beskrivning === "string" ? beskrivning : "").trim();
  const name = typeof r.entity.data.namn === "string" ? `: ${mdText(r.entity.data.namn)}` : "";
  const head = `- **${mdCode(r.id)}** ${mdText(r.typ)}${scopeMd(r)}${name}`;
  if (text === "") return [head];
  return [head, "", ...text.split(/\r?\n/u).map((l) => (l.trim() === "" ? "  >" : `  > ${mdText(l.trim())}`)), ""];
}

export function diffMarkdown(v: DiffView): string {
  // One budget for every text's word-level comparison: a change may edit thousands of texts.
  const work = wordDiffWork();
  const { diff, lang } = v;
  const w = DIFF_WORDS[lang];
  const lines = [mdText(summaryParagraph(diff, lang)), "", `**${mdText(diffSummaryLine(diff, lang))}** · ${mdCode(v.base)} → ${mdCode(v.head)}`, ""];
  if (diff.flags.length > 0) {
    lines.push(`### ${w.undecidedTitle}`, "");
    for (const f of diff.flags) {
      lines.push(`- ${decidedChangeMarkdown(f, v.lang, { code: mdCode, text: mdText })}`);
    }
    lines.push("");
  }
  const consequences = consequenceItems(diff, lang);
  if (consequences.length > 0) lines.push(`### ${w.consequencesTitle}`, "", ...consequences, "");
  if (diff.removed.length > 0) {
    lines.push(`### ${w.removedTitle}`, "");
    const items = diff.removed.flatMap(removedItem);
    for (const l of diff.removed.length > FOLD_AFTER ? fold(w.removedCount(diff.removed.length), items) : items) lines.push(l);
    if (lines[lines.length - 1] !== "") lines.push("");
  }
  const kinds = [...new Set([...diff.added, ...diff.changed].map((d) => d.typ))].sort((x, y) => kindRank(x) - kindRank(y));
  for (const kind of kinds) {
    lines.push(`### ${mdText(kindTitle(kind))}`, "");
    const items: string[] = [];
    for (const d of diff.added.filter((x) => x.typ === kind)) items.push(`- ➕ ${mdCode(d.id)}${scopeMd(d)} ${w.added}${nameMd(d)}`);
    for (const d of diff.changed.filter((x) => x.typ === kind)) {
      items.push(`- ✏️ ${mdCode(d.id)}${scopeMd(d)}${nameMd(d, d.fields)}`);
      for (const f of d.fields) items.push(`  - ${fieldLineMd(f, lang, work)}`);
    }
    for (const l of fold(w.linesCount(items.length), items)) lines.push(l);
    lines.push("");
  }
  if (diff.renames.length > 0) {
    lines.push(`### ${w.renamesTitle}`, "");
    for (const { from, to } of diff.renames) lines.push(`- ${mdCode(from.id)} → ${mdCode(to.id)} (${mdText(to.typ)}, ${w.sameContent})`);
    lines.push("");
  }
  if (diff.statusChanges.length > 0) {
    const cell = (s: string): string => (s === "" ? " " : s);
    lines.push(`### ${w.statusTitle.replace(/:$/u, "")}`, "", `| ${w.statusHead.join(" | ")} |`, `|${" --- |".repeat(w.statusHead.length)}`);
    for (const s of diff.statusChanges) {
      const row = [mdText(s.period), mdText(s.typ), mdCode(s.id), mdText(nameOf(s.entity)), mdText(statusWord(s.from, lang)), mdText(statusWord(s.to, lang)), mdText(basisText(s, diff.statusChanges, lang))];
      lines.push(`| ${row.map(cell).join(" | ")} |`);
    }
    lines.push("");
  }
  const diagList = (title: string, list: PlanDiff["introduced"]): void => {
    if (list.length === 0) return;
    lines.push(`### ${title}`, "");
    const items = list.map((d) => `- ${d.severity === "error" ? "🔴" : "🟡"} ${mdCode(`${d.file}:${d.line}`)} ${mdText(formatMessage(d, v.lang))} (${mdCode(d.code)})`);
    for (const l of fold(w.diagnosticsCount(list.length), items)) lines.push(l);
    lines.push("");
  };
  diagList(w.introducedTitle, diff.introduced);
  diagList(w.resolvedDiagTitle, diff.resolved);
  return `${lines.join("\n").replace(/\n+$/u, "")}\n`;
}

const entityJson = (d: DiffEntity): { id: string; typ: string; year: number | null } => ({ id: d.id, typ: d.typ, year: d.year });

/** How many IDs of each kind a removal strands, where its list in `strands` holds only the first of them. */
function strandsTotal(r: Removal): { strands_total?: Record<string, number> } {
  const cut = Object.keys(r.strandCounts).some((k) => r.strandCounts[k]! > r.strands[k]!.length);
  return cut ? { strands_total: r.strandCounts } : {};
}

function diffJson(v: DiffView): string {
  const { diff } = v;
  const diag = (d: PlanDiff["introduced"][number]): Record<string, unknown> => ({
    code: d.code,
    severity: d.severity,
    message: formatMessage(d, v.lang),
    file: d.file,
    line: d.line,
    column: d.column,
    ...(d.id !== undefined ? { id: d.id } : {}),
  });
  const out = {
    base: v.base,
    head: v.head,
    summary: diffSummaryLine(diff, v.lang),
    added: diff.added.map(entityJson),
    removed: diff.removed.map((r) => ({ ...entityJson(r), ...(Object.keys(r.strands).length > 0 ? { strands: r.strands } : {}), ...strandsTotal(r) })),
    changed: diff.changed.map((d) => ({
      ...entityJson(d),
      fields: d.fields.map((f) => ({ path: f.path, from: f.from ?? null, to: f.to ?? null, ...(f.reparent ? { reparent: f.reparent } : {}) })),
    })),
    renames: diff.renames.map(({ from, to }) => ({ from: from.id, to: to.id, typ: to.typ, year: to.year })),
    introduced: diff.introduced.map(diag),
    resolved: diff.resolved.map(diag),
    status_changes: diff.statusChanges.map(({ period, id, typ, from, to }) => ({ period, id, typ, ...(from ? { from } : {}), ...(to ? { to } : {}) })),
    flags: diff.flags.map((f) => ({ ...f, message: messageOf(f.code, f, v.lang) })),
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}

/** The view carries its language (the diff's words are chosen with it); the options add colour. */
export const DIFF_FORMATTERS: Record<DiffFormat, Formatter<DiffView, Pick<FormatOptions, "color">>> = {
  text: (v, o) => diffText(v, o.color),
  md: (v) => diffMarkdown(v),
  json: (v) => diffJson(v),
};
