import type { StatusFormat } from "../format/names.js";
import { STATUS_FORMATTERS } from "../format/status.js";
import { computeStatus } from "../status/engine.js";
import { checkNämnd, pickPeriod } from "../status/select.js";
import { useColor } from "./color.js";
import { out } from "./io.js";
import { openPlan, type CacheOptions } from "./open-plan.js";

export function runStatus(o: { dir?: string; period?: string; nämnd?: string; format: StatusFormat; lang?: string } & CacheOptions): number {
  const { plan, lang } = openPlan(o.dir, o.lang, "cli", o);
  const period = pickPeriod(plan, o.period);
  const nämnd = checkNämnd(plan, o.nämnd);
  const model = computeStatus(plan, { period, ...(nämnd !== undefined ? { nämnd } : {}) });
  out(STATUS_FORMATTERS[o.format](model, { lang, color: useColor(process.env, process.stdout) }));
  return 0;
}
