import { planStats } from "../model/stats.js";
import type { Lang } from "../diagnostics/index.js";
import { statsJson, statsMarkdown, statsText } from "../format/stats.js";
import { useColor } from "./color.js";
import { out } from "./io.js";
import { openPlan, yearFor } from "./open-plan.js";

export function runStats(o: { dir?: string; år?: string; format: "text" | "md" | "json"; lang: Lang }): number {
  const { plan } = openPlan(o.dir);
  const s = planStats(plan, yearFor(plan, o.år));
  out(o.format === "json" ? statsJson(s) : o.format === "md" ? statsMarkdown(s, o.lang) : statsText(s, o.lang, useColor(process.env, process.stdout)));
  return 0;
}
