// Aktiviteter, uppdrag, åtgärdsplaner and the analysis texts of a report.
import { ACTIVITY_WORD } from "../format/status-words.js";
import { asList, str } from "../model/build.js";
import { ACTIVITY_STATES, type ActivityState, type TaskStatus } from "../status/engine.js";
import { organName, rich, type Ctx, type RichText } from "./view-common.js";

type State = ActivityState | "ej_rapporterad";
const STATES: readonly State[] = [...ACTIVITY_STATES, "ej_rapporterad"];

interface ActivityOrganRow {
  organ: string;
  namn: string;
  counts: { key: State; n: number }[];
  total: number;
}

export interface TaskRow {
  id: string;
  namn: string;
  /** The organ's name (an aktivitet's förvaltning or enhet, an uppdrag's receivers). */
  organ: string;
  state: string;
  stateKey: State;
  kommentar: RichText | null;
}

export interface ActivitiesView {
  heads: { key: State; word: string }[];
  perOrgan: ActivityOrganRow[];
  total: ActivityOrganRow;
  /** Försenade and avbrutna, with their comments. */
  deviating: TaskRow[];
}

const stateOf = (t: TaskStatus): State => t.state ?? "ej_rapporterad";

function taskRow(ctx: Ctx, t: TaskStatus, organ: string, headingBase: number): TaskRow {
  const s = stateOf(t);
  return { id: t.id, namn: t.namn, organ, state: ACTIVITY_WORD[ctx.lang][s], stateKey: s, kommentar: rich(t.kommentar, headingBase) };
}

/** Försenade and avbrutna aktiviteter, in plan order. */
export function deviatingActivities(ctx: Ctx, headingBase: number): TaskRow[] {
  return ctx.m.aktiviteter
    .filter((a) => a.state === "försenad" || a.state === "avbruten")
    .map((a) => taskRow(ctx, a, organName(ctx.plan, a.organ), headingBase));
}

/** Counts per status for each organ that has aktiviteter, in the organisation's order. */
export function activitiesView(ctx: Ctx): ActivitiesView {
  const order = new Map(ctx.plan.entities.filter((e) => e.kind === "organ").map((e, i) => [e.id, i]));
  const rank = (id: string): number => order.get(id) ?? order.size;
  const byOrgan = new Map<string, TaskStatus[]>();
  for (const a of ctx.m.aktiviteter) byOrgan.get(a.organ)?.push(a) ?? byOrgan.set(a.organ, [a]);
  const organs = [...byOrgan.keys()].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : 1));
  const row = (organ: string, namn: string, list: TaskStatus[]): ActivityOrganRow => ({
    organ,
    namn,
    counts: STATES.map((key) => ({ key, n: list.filter((a) => stateOf(a) === key).length })),
    total: list.length,
  });
  return {
    heads: STATES.map((key) => ({ key, word: ACTIVITY_WORD[ctx.lang][key] })),
    perOrgan: organs.map((o) => row(o, organName(ctx.plan, o), byOrgan.get(o)!)),
    total: row("", ctx.t.total, ctx.m.aktiviteter),
    deviating: deviatingActivities(ctx, 2),
  };
}

export interface UppdragRow extends TaskRow {
  text: RichText | null;
  klart: string;
}

export function uppdragRows(ctx: Ctx): UppdragRow[] {
  return ctx.m.uppdrag.map((u) => {
    const till = asList(u.entity.data.till).join(", ");
    const text = typeof u.entity.data.text === "string" ? u.entity.data.text : undefined;
    return { ...taskRow(ctx, u, till, 2), text: rich(text, 2), klart: str(u.entity.data.klart) ?? "–" };
  });
}

export interface ÅtgärdRow {
  id: string;
  avser: string;
  text: RichText | null;
  ansvarig: string;
  klart: string;
}

export function åtgärdRows(ctx: Ctx): ÅtgärdRow[] {
  return ctx.m.åtgärder.map((a) => ({
    id: a.id,
    avser: a.avser.join(", "),
    text: rich(a.text, 2),
    ansvarig: a.ansvarig ?? "–",
    klart: a.klart ?? "–",
  }));
}

export interface AnalysView {
  /** The nämnd whose own follow-up wrote it; null for the whole kommun's. */
  organ: string | null;
  text: RichText;
}

export function analysViews(ctx: Ctx): AnalysView[] {
  const out: AnalysView[] = [];
  // The whole kommun's analysis first, then each nämnd's own under its name.
  const ordered = [...ctx.m.analys.filter((a) => a.organ === undefined), ...ctx.m.analys.filter((a) => a.organ !== undefined)];
  for (const a of ordered) {
    const text = rich(a.text, a.organ !== undefined ? 3 : 2);
    if (text) out.push({ organ: a.organ !== undefined ? organName(ctx.plan, a.organ) : null, text });
  }
  return out;
}

