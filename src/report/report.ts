// The report pipeline: status model → view model per phase → template → text.
import type { Lang } from "../diagnostics/index.js";
import type { Plan } from "../model/plan.js";
import { computeStatus, followUpPeriods } from "../status/engine.js";
import type { Phase } from "./labels.js";
import { render, type ReportFormat } from "./render.js";
import { årsredovisningView } from "./view-arsredovisning.js";
import { makeCtx } from "./view-common.js";
import { delårView } from "./view-delar.js";
import { withFullYearFigures } from "./view-economy.js";
import { månadView } from "./view-manad.js";

import type { PlanningPhase } from "./labels.js";
import { planeringsdirektivView } from "./view-planeringsdirektiv.js";
import { verksamhetsplanView } from "./view-verksamhetsplan.js";
import { budgetView, makePlanCtx, nämndplanView, type PlanCtx } from "./view-planning.js";
import { underlagView } from "./view-underlag.js";

export { PHASES, PLANNING_PHASES, type Phase, type PlanningPhase } from "./labels.js";

/** Template names are ASCII, so a plan's mallar/ works on any file system and in any shell. */
const TEMPLATE_NAME: Record<Phase, string> = { månad: "manad", delår: "delar", årsredovisning: "arsredovisning" };

export interface ReportOptions {
  phase: Phase;
  period: string;
  nämnd?: string;
  lang: Lang;
  /** Shown as the report's date; without it the report holds no date at all. */
  datum?: string;
}

export function buildReportView(plan: Plan, o: ReportOptions): object {
  const cut = o.nämnd !== undefined ? { nämnd: o.nämnd } : {};
  const m = withFullYearFigures(computeStatus(plan, { period: o.period, ...cut }));
  // The previous follow-up, for "what changed since the last report".
  const before = followUpPeriods(plan).filter((p) => p < o.period);
  const prevPeriod = before[before.length - 1];
  const previous = prevPeriod
    ? { period: prevPeriod, åtaganden: new Map(computeStatus(plan, { period: prevPeriod, ...cut }).åtaganden.map((k) => [k.id, k.status])) }
    : undefined;
  const ctx = makeCtx(plan, m, o.lang, o.phase, previous);
  switch (o.phase) {
    case "månad":
      return månadView(ctx, o.datum);
    case "delår":
      return delårView(ctx, o.datum, null);
    case "årsredovisning":
      return årsredovisningView(ctx, o.datum);
  }
}

export function renderReport(plan: Plan, o: ReportOptions & { format: ReportFormat; dirs: readonly string[] }): string {
  return render(buildReportView(plan, o), { format: o.format, template: TEMPLATE_NAME[o.phase], dirs: o.dirs });
}

/**
 * The planning reports, chosen by year. One entry per phase: its view and its template
 * (templates/md/<template>.hbs and templates/html/<template>.hbs); `needsNämnd` when the
 * report is about one nämnd only.
 */
const PLANNING: Record<PlanningPhase, { template: string; needsNämnd: boolean; view: (ctx: PlanCtx, datum: string | undefined) => object }> = {
  budget: { template: "budget", needsNämnd: false, view: budgetView },
  nämndplan: { template: "namndplan", needsNämnd: true, view: nämndplanView },
  planeringsdirektiv: { template: "planeringsdirektiv", needsNämnd: false, view: planeringsdirektivView },
  verksamhetsplan: { template: "verksamhetsplan", needsNämnd: false, view: verksamhetsplanView },
  underlag: { template: "underlag", needsNämnd: false, view: underlagView },
};

export const needsNämnd = (phase: PlanningPhase): boolean => PLANNING[phase].needsNämnd;

export interface PlanningReportOptions {
  phase: PlanningPhase;
  year: number;
  nämnd?: string;
  lang: Lang;
  datum?: string;
}

export function buildPlanningView(plan: Plan, o: PlanningReportOptions): object {
  if (PLANNING[o.phase].needsNämnd && o.nämnd === undefined) throw new Error(`${o.phase} needs a nämnd`);
  return PLANNING[o.phase].view(makePlanCtx(plan, o.lang, o.year, o.nämnd), o.datum);
}

export function renderPlanningReport(plan: Plan, o: PlanningReportOptions & { format: ReportFormat; dirs: readonly string[] }): string {
  return render(buildPlanningView(plan, o), { format: o.format, template: PLANNING[o.phase].template, dirs: o.dirs });
}
