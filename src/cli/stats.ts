import type { StatsFormat } from "../format/names.js";
import { STATS_FORMATTERS } from "../format/stats.js";
import { planStats } from "../model/stats.js";
import type { Lang } from "../diagnostics/index.js";
import { useColor } from "./color.js";
import { out } from "./io.js";
import { openPlan, yearFor } from "./open-plan.js";

export function runStats(o: { dir?: string; år?: string; format: StatsFormat; lang: Lang }): number {
  const { plan } = openPlan(o.dir);
  const s = planStats(plan, yearFor(plan, o.år));
  out(STATS_FORMATTERS[o.format](s, { lang: o.lang, color: useColor(process.env, process.stdout) }));
  return 0;
}
