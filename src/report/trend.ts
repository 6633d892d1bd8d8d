// Each åtagande's nyckeltal over the years: the value from the helår follow-up of every
// earlier year that has one, then this year's. The same åtagande ID in two budget years is
// the same åtagande carried forward (format.md), so the ID is the thread between years.
import { groupByOmråde } from "../format/status.js";
import { str } from "../model/build.js";
import type { Plan } from "../model/plan.js";
import { computeStatus, type KpiStatus, type StatusModel } from "../status/engine.js";
import { sparkline } from "./chart.js";
import { fill } from "./labels.js";
import { num, type Ctx, type Svg } from "./view-common.js";

/** The newest helår period of each year before `year`, ascending. */
function earlierHelår(plan: Plan, year: number): string[] {
  const newest = new Map<number, string>();
  for (const d of plan.docs) {
    if (d.kind !== "uppföljning" || d.data.rapport !== "helår" || d.year === undefined || d.year >= year) continue;
    const p = str(d.data.period)!;
    if ((newest.get(d.year) ?? "") < p) newest.set(d.year, p);
  }
  return [...newest.entries()].sort((a, b) => a[0] - b[0]).map(([, p]) => p);
}

export interface Series {
  years: number[];
  /** åtagande ID → year → value. */
  values: Map<string, Map<number, number>>;
}

export function trendSeries(plan: Plan, m: StatusModel): Series {
  const models = [...earlierHelår(plan, m.year).map((period) => computeStatus(plan, { period, ...(m.nämnd !== undefined ? { nämnd: m.nämnd } : {}) })), m];
  const values = new Map<string, Map<number, number>>();
  for (const model of models) {
    for (const k of model.åtaganden) {
      if (k.value === undefined) continue;
      if (!values.has(k.id)) values.set(k.id, new Map());
      // An utfall of an earlier year (from Kolada) is that year's value, never the follow-up year's;
      // it fills its own year only where that year's helår has none.
      const year = k.valueSource === "utfall" && k.utfallÅr !== undefined ? k.utfallÅr : model.year;
      const byYear = values.get(k.id)!;
      if (year === model.year || !byYear.has(year)) byYear.set(year, k.value);
    }
  }
  return { years: models.map((x) => x.year), values };
}

interface TrendRow {
  id: string;
  nyckeltal: string;
  enhet: string;
  values: string[];
  målvärde: string;
  chart: Svg;
}

export interface TrendView {
  years: number[];
  rows: TrendRow[];
  caption: string;
}

/**
 * Per status model: each målområde's åtaganden by its ID (the first group of an ID, as a search
 * would find it). Grouped once per model, not once per målområde's table.
 */
const groupsByModel = new WeakMap<StatusModel, Map<string, KpiStatus[]>>();

/** The trend table of one målområde: its åtaganden, a value per year, and a small chart. */
export function trendView(ctx: Ctx, series: Series, område: { id: string; namn: string }): TrendView {
  let groups = groupsByModel.get(ctx.m);
  if (!groups) {
    groups = new Map<string, KpiStatus[]>();
    for (const g of groupByOmråde(ctx.m)) if (!groups.has(g.område.id)) groups.set(g.område.id, g.åtaganden);
    groupsByModel.set(ctx.m, groups);
  }
  const rows = (groups.get(område.id) ?? []).map((k) => {
    const byYear = series.values.get(k.id) ?? new Map<number, number>();
    const points = series.years.map((year) => ({ year, ...(byYear.has(year) ? { value: byYear.get(year)! } : {}) }));
    const said = points.map((p) => `${p.year}: ${num(ctx, p.value)}`).join("; ");
    // Soft hyphens help narrow table heads; a chart title is read whole.
    const målvärde = ctx.t.målvärde.replace(/\u00ad/gu, "");
    const title = `${fill(ctx.t.trendChart, { id: k.id })} – ${said}; ${målvärde} ${ctx.m.year}: ${num(ctx, k.target)}`;
    return {
      id: k.id,
      nyckeltal: k.namn,
      enhet: k.enhet,
      values: points.map((p) => num(ctx, p.value)),
      målvärde: num(ctx, k.target),
      chart: { svg: points.some((p) => p.value !== undefined) ? sparkline(points, k.target, { id: ctx.nextId("trend"), title }) : "" },
    };
  });
  return { years: series.years, rows, caption: `${ctx.t.trendCaption}: ${område.namn}` };
}
