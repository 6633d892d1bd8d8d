// Årsredovisning: the delårsrapport's content for the full year (helår), plus each
// nyckeltal's trend over earlier helår follow-ups and the förvaltningsberättelse's texts.
import { trendSeries } from "./trend.js";
import type { Ctx } from "./view-common.js";
import { delårView, type DelårView } from "./view-delar.js";

export type ÅrsredovisningView = DelårView;

export function årsredovisningView(ctx: Ctx, datum: string | undefined): ÅrsredovisningView {
  return delårView(ctx, datum, trendSeries(ctx.plan, ctx.m));
}
