import type { StatsFormat } from "../format/names.js";
import { STATS_FORMATTERS } from "../format/stats.js";
import { planStats } from "../model/stats.js";
import { useColor } from "./color.js";
import { out } from "./io.js";
import { openPlan, yearFor, type CacheOptions } from "./open-plan.js";

export function runStats(o: { dir?: string; år?: string; format: StatsFormat; lang?: string } & CacheOptions): number {
  const { plan, lang } = openPlan(o.dir, o.lang, "cli", o);
  const s = planStats(plan, yearFor(plan, o.år));
  out(STATS_FORMATTERS[o.format](s, { lang, color: useColor(process.env, process.stdout) }));
  return 0;
}
