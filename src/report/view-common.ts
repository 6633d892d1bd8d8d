// What every report shares: the context it is built in, the header, and the small value
// shapes (a status, a number, a Markdown text) that templates show.
import { isData, str } from "../model/build.js";
import type { Plan } from "../model/plan.js";
import type { Entity, EntityKind } from "../model/types.js";
import type { Lang } from "../diagnostics/index.js";
import { organName } from "../model/thread.js";
import { formatNumber, STATUS_SYMBOL, STATUS_WORD } from "../format/status-words.js";
import type { StatusModel } from "../status/engine.js";
import type { Status } from "../status/fulfilment.js";
import { LABELS, periodText, reportTitle, type Labels, type Phase } from "./labels.js";

/** A Markdown text field of the plan; the renderer turns it into safe HTML or Markdown. */
export interface RichText {
  rich: string;
  /** The level of the heading the text stands under, so its own headings go below it. */
  headingBase: number;
}

/** An SVG made by chart.ts (every text inside escaped there). */
export interface Svg {
  svg: string;
}

export interface StatusView {
  key: Status;
  /** An ASCII class name for the colour: ok, part, fail, na. */
  css: string;
  symbol: string;
  word: string;
  manual: boolean;
}

const CSS: Record<Status, string> = { uppfyllt: "ok", delvis_uppfyllt: "part", ej_uppfyllt: "fail", ej_bedömd: "na" };

export interface Ctx {
  plan: Plan;
  m: StatusModel;
  lang: Lang;
  t: Labels;
  phase: Phase;
  /** A fresh id for an element (charts need ids unique in the document). */
  nextId: (prefix: string) => string;
  /** The statuses of the previous follow-up period, to show what changed since then. */
  previous?: { period: string; åtaganden: Map<string, Status> };
}

export function makeCtx(plan: Plan, m: StatusModel, lang: Lang, phase: Phase, previous?: Ctx["previous"]): Ctx {
  const counters = new Map<string, number>();
  return {
    plan,
    m,
    lang,
    t: LABELS[lang],
    phase,
    ...(previous ? { previous } : {}),
    nextId: (prefix) => {
      const i = (counters.get(prefix) ?? 0) + 1;
      counters.set(prefix, i);
      return `${prefix}-${i}`;
    },
  };
}

export const num = (ctx: Ctx, v: number | undefined): string => formatNumber(v, ctx.lang);

export function statusView(ctx: Ctx, s: Status, manual = false): StatusView {
  return { key: s, css: CSS[s], symbol: STATUS_SYMBOL[s], word: STATUS_WORD[ctx.lang][s], manual };
}

export function rich(text: string | undefined, headingBase: number): RichText | null {
  return text !== undefined && text.trim() !== "" ? { rich: text, headingBase } : null;
}

export { organName };

/** Per plan and kind, the entities of that kind by their container: built once per plan and kind. */
const byContainer = new WeakMap<Plan, Map<EntityKind, Map<Entity, Entity[]>>>();

/**
 * The entities of `kind` that stand inside `container`, in order of definition (the same list
 * as filtering every entity, without a pass over the plan for each container asked about).
 */
export function entitiesIn(plan: Plan, kind: EntityKind, container: Entity | undefined): readonly Entity[] {
  if (container === undefined) return [];
  let kinds = byContainer.get(plan);
  if (!kinds) byContainer.set(plan, (kinds = new Map()));
  let map = kinds.get(kind);
  if (!map) {
    map = new Map();
    for (const e of plan.index.ofKind(kind)) {
      if (e.container === undefined) continue;
      const list = map.get(e.container);
      if (list) list.push(e);
      else map.set(e.container, [e]);
    }
    kinds.set(kind, map);
  }
  return map.get(container) ?? [];
}

/** The organ the organisation lists under `id` (the first, should it list it twice): a look-up in the index of IDs. */
export function organOf(plan: Plan, id: string): Entity | undefined {
  return plan.index.definitions(id).find((e) => e.kind === "organ");
}

/** An anchor for an ID: IDs hold only letters, digits, `.`, `_`, `-`, so they are valid in a fragment. */
export const anchor = (prefix: string, id: string): string => `${prefix}-${id}`;

export interface Header {
  lang: Lang;
  labels: Labels;
  phase: Phase;
  title: string;
  kommun: string;
  budget: string | null;
  period: string;
  /** The year of the period: the year of the målvärden shown. */
  år: number;
  periodText: string;
  nämnd: { id: string; namn: string } | null;
  datum: string | null;
  beloppsenhet: string;
  sources: { id: string; namn: string }[];
}

export function header(ctx: Ctx, datum: string | undefined): Header {
  const { plan, m, t } = ctx;
  const kommun = plan.kommun ? (str(plan.kommun.data.namn) ?? "") : "";
  const budgetDoc = plan.docs.find((d) => d.kind === "budget" && d.year === m.year);
  let budget: string | null = null;
  if (budgetDoc) {
    const namn = str(budgetDoc.data.namn) ?? str(budgetDoc.data.id) ?? "";
    const b = isData(budgetDoc.data.beslut) ? budgetDoc.data.beslut : undefined;
    const beslut = b ? [str(b.organ) ? organName(plan, str(b.organ)!) : undefined, str(b.datum), str(b.paragraf)].filter(Boolean).join(" ") : "";
    budget = beslut ? `${namn} (${t.beslut} ${beslut})` : namn;
  }
  const sources = plan.docs
    .filter((d) => d.kind === "uppföljning" && d.data.period === m.period)
    .filter((d) => m.nämnd === undefined || str(d.data.organ) === undefined || str(d.data.organ) === m.nämnd)
    .map((d) => ({ id: str(d.data.id) ?? "", namn: str(d.data.namn) ?? "" }));
  const nämnd = m.nämnd !== undefined ? { id: m.nämnd, namn: organName(plan, m.nämnd) } : null;
  const pt = periodText(m.period, ctx.lang);
  const title = `${reportTitle(ctx.phase, m.period, ctx.lang)}${nämnd ? ` – ${nämnd.namn}` : ""}`;
  return {
    lang: ctx.lang,
    labels: t,
    phase: ctx.phase,
    title,
    kommun,
    budget,
    period: m.period,
    år: m.year,
    periodText: pt,
    nämnd,
    datum: datum ?? null,
    beloppsenhet: m.beloppsenhet,
    sources,
  };
}
