// `plan diff` as a terraform-style terminal summary, a pull-request comment and JSON.
import { Chalk } from "chalk";
import { decidedChangeLine, decidedChangeMarkdown, formatMessage, messageOf, severityWord, type Lang } from "../diagnostics/index.js";
import type { Changed, DiffEntity, FieldChange, PlanDiff, Removal } from "../diff/compare.js";
import { TEXT_FIELDS, fieldName, type FieldValue } from "../diff/fields.js";
import { wordDiff } from "../diff/words.js";
import { DIFF_WORDS } from "./diff-words.js";
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

/** Swedish plurals of the kinds that can be left without a goal, in the order of the thread. */
const PLURAL: [string, string][] = [
  ["resultatmål", "resultatmål"],
  ["åtagande", "åtaganden"],
  ["uppdrag", "uppdrag"],
  ["verksamhetsmål", "verksamhetsmål"],
  ["produktionsmål", "produktionsmål"],
  ["aktivitet", "aktiviteter"],
];

function strandsText(r: Removal, lang: Lang): string | undefined {
  const parts = PLURAL.filter(([kind]) => r.strands[kind]).map(([kind, plural]) => {
    const n = r.strands[kind]!.length;
    return `${n} ${n === 1 ? kind : plural}`;
  });
  if (parts.length === 0) return undefined;
  const w = DIFF_WORDS[lang];
  const list = parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(", ")} ${w.and} ${parts[parts.length - 1]}`;
  return w.leaves(r.id, list);
}

/** Plan text (IDs, values, file names, messages) on one terminal line. */
const t = (s: string): string => terminalSafe(s, true);

function fieldLineText(d: Changed, f: FieldChange, c: InstanceType<typeof Chalk>, lang: Lang): string {
  const where = t(`${d.id} › ${f.path}`);
  if (TEXT_FIELDS.has(fieldName(f.path)) && typeof f.from === "string" && typeof f.to === "string") {
    const words = wordDiff(f.from, f.to)
      .map((p) => ({ op: p.op, text: t(p.text.replace(/\r?\n/gu, " ")) }))
      .map((p) => (p.op === "same" ? p.text : p.op === "added" ? c.green(`{+${p.text}+}`) : c.red(`[-${p.text}-]`)))
      .join("");
    return `${where}: ${words}`;
  }
  const moved = f.reparent ? c.yellow(` (${DIFF_WORDS[lang][f.reparent]})`) : "";
  return `${where}: ${t(show(f.from, lang))} → ${t(show(f.to, lang))}${moved}`;
}

export function diffText(v: DiffView, color: boolean): string {
  const c = new Chalk({ level: color ? 1 : 0 });
  const { diff, lang } = v;
  const w = DIFF_WORDS[lang];
  const sev = (s: "error" | "warning"): string => severityWord(s, lang);
  const lines = [c.bold(diffSummaryLine(diff, lang)), t(`${v.base} → ${v.head}`), ""];
  for (const d of diff.added) lines.push(c.green(`+ ${t(label(d))}`));
  for (const d of diff.changed) {
    lines.push(c.yellow(`~ ${t(label(d))}`));
    for (const f of d.fields) lines.push(`    ${fieldLineText(d, f, c, lang)}`);
  }
  for (const r of diff.removed) {
    lines.push(c.red(`- ${t(label(r))}`));
    const s = strandsText(r, lang);
    if (s) lines.push(c.red(`    ${t(s)}`));
  }
  for (const { from, to } of diff.renames) lines.push(c.cyan(t(`  ${w.rename(from.id, to.id, to.typ)}`)));
  if (diff.statusChanges.length > 0) {
    lines.push("", c.bold(w.statusTitle));
    for (const s of diff.statusChanges) lines.push(t(`  ${s.period} ${s.typ} ${s.id}: ${s.from ?? "–"} → ${s.to ?? "–"}`));
  }
  if (diff.introduced.length > 0) {
    lines.push("", c.bold(w.introduced));
    for (const d of diff.introduced) lines.push(`  ${d.severity === "error" ? c.red(sev(d.severity)) : c.yellow(sev(d.severity))} ${t(`${d.file}:${d.line}:${d.column} ${formatMessage(d, lang)}`)} ${c.dim(d.code)}`);
  }
  if (diff.resolved.length > 0) {
    lines.push("", c.bold(w.resolvedTitle));
    for (const d of diff.resolved) lines.push(`  ${sev(d.severity)} ${t(formatMessage(d, lang))} ${c.dim(d.code)}`);
  }
  if (diff.flags.length > 0) {
    lines.push("", c.bold(w.governance));
    for (const f of diff.flags) {
      lines.push(c.red(t(`  ! ${decidedChangeLine(f, v.lang)}`)));
    }
  }
  return `${lines.join("\n")}\n`;
}

/** Long lists fold into <details> so a pull-request comment stays readable. */
const FOLD_AFTER = 10;

function fold(summary: string, items: string[]): string[] {
  if (items.length <= FOLD_AFTER) return items;
  return [`<details><summary>${mdText(summary)}</summary>`, "", ...items, "", "</details>"];
}

function mdValue(v: FieldValue | undefined, lang: Lang): string {
  return v === undefined ? `*${DIFF_WORDS[lang].none}*` : mdText(show(v, lang));
}

function fieldLineMd(f: FieldChange, lang: Lang): string {
  if (TEXT_FIELDS.has(fieldName(f.path)) && typeof f.from === "string" && typeof f.to === "string") {
    const words = wordDiff(f.from, f.to)
      .map((p) => (p.op === "same" ? mdText(p.text) : p.op === "added" ? `<ins>${mdText(p.text)}</ins>` : `<del>${mdText(p.text)}</del>`))
      .join("");
    return `${mdCode(f.path)}: ${words}`;
  }
  return `${mdCode(f.path)}: ${mdValue(f.from, lang)} → ${mdValue(f.to, lang)}${f.reparent ? ` **(${DIFF_WORDS[lang][f.reparent]})**` : ""}`;
}

const KIND_TITLE: Record<string, string> = {
  kommun: "Kommun (plan.yaml)",
  organ: "Organisation",
  vision: "Vision",
  kommunplan: "Kommunplaner",
  målområde: "Målområden",
  mål: "Övergripande mål",
  budget: "Budgetar",
  resultatmål: "Resultatmål",
  åtagande: "Åtaganden",
  uppdrag: "Uppdrag",
  investering: "Investeringar",
  finansiellt_mål: "Finansiella mål",
  nyckeltal: "Nyckeltal",
  planeringsdirektiv: "Planeringsdirektiv",
  satsning: "Satsningar",
  underlag: "Underlag",
  investeringsbehov: "Investeringsbehov",
  upphandling: "Upphandlingar",
  nämndplan: "Nämndplaner",
  verksamhetsmål: "Verksamhetsmål",
  verksamhetsplan: "Verksamhetsplaner",
  aktivitet: "Aktiviteter",
  produktionsmål: "Produktionsmål",
  uppföljning: "Uppföljningar",
  åtgärd: "Åtgärdsplaner",
};

export function diffMarkdown(v: DiffView): string {
  const { diff, lang } = v;
  const w = DIFF_WORDS[lang];
  const lines = [`**${mdText(diffSummaryLine(diff, lang))}**`, "", `${mdCode(v.base)} → ${mdCode(v.head)}`, ""];
  if (diff.flags.length > 0) {
    lines.push(`### ${w.undecidedTitle}`, "");
    for (const f of diff.flags) {
      lines.push(`- ${decidedChangeMarkdown(f, v.lang, { code: mdCode, text: mdText })}`);
    }
    lines.push("");
  }
  if (diff.removed.length > 0) {
    lines.push(`### ${w.removedTitle}`, "");
    const items = diff.removed.map((r) => {
      const s = strandsText(r, lang);
      return `- **${mdCode(r.id)}** ${mdText(r.typ)}${r.scope ? ` (${mdText(r.scope)})` : ""}${s ? ` — ${mdText(s)}` : ""}`;
    });
    for (const l of fold(w.removedCount(diff.removed.length), items)) lines.push(l);
    lines.push("");
  }
  const kinds = [...new Set([...diff.added, ...diff.changed].map((d) => d.typ))].sort((x, y) => Object.keys(KIND_TITLE).indexOf(x) - Object.keys(KIND_TITLE).indexOf(y));
  for (const kind of kinds) {
    lines.push(`### ${mdText(Object.hasOwn(KIND_TITLE, kind) ? KIND_TITLE[kind]! : kind)}`, "");
    const items: string[] = [];
    for (const d of diff.added.filter((x) => x.typ === kind)) items.push(`- ➕ ${mdCode(d.id)}${d.scope ? ` (${mdText(d.scope)})` : ""} ${w.added}`);
    for (const d of diff.changed.filter((x) => x.typ === kind)) {
      items.push(`- ✏️ ${mdCode(d.id)}${d.scope ? ` (${mdText(d.scope)})` : ""}`);
      for (const f of d.fields) items.push(`  - ${fieldLineMd(f, lang)}`);
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
    lines.push(`### ${w.statusTitle.replace(/:$/u, "")}`, "", w.statusHead, "| --- | --- | --- | --- | --- |");
    for (const s of diff.statusChanges) lines.push(`| ${s.period} | ${mdText(s.typ)} | ${mdCode(s.id)} | ${mdText(s.from ?? "–")} | ${mdText(s.to ?? "–")} |`);
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
    removed: diff.removed.map((r) => ({ ...entityJson(r), ...(Object.keys(r.strands).length > 0 ? { strands: r.strands } : {}) })),
    changed: diff.changed.map((d) => ({
      ...entityJson(d),
      fields: d.fields.map((f) => ({ path: f.path, from: f.from ?? null, to: f.to ?? null, ...(f.reparent ? { reparent: f.reparent } : {}) })),
    })),
    renames: diff.renames.map(({ from, to }) => ({ from: from.id, to: to.id, typ: to.typ, year: to.year })),
    introduced: diff.introduced.map(diag),
    resolved: diff.resolved.map(diag),
    status_changes: diff.statusChanges,
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
