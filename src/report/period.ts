// The follow-up period a report is about: asked for, or the newest one that suits the phase.
import { str } from "../model/build.js";
import type { Plan } from "../model/plan.js";
import { followUpPeriods } from "../status/follow-ups.js";
import { pickPeriod } from "../status/select.js";
import { SelectionError } from "../status/selection-error.js";
import type { Phase } from "./labels.js";

/** The follow-up periods whose documents say `rapport: <kind>`, ascending. */
function periodsWith(plan: Plan, kind: string): string[] {
  const set = new Set<string>();
  for (const d of plan.docs) if (d.kind === "uppföljning" && d.data.rapport === kind && str(d.data.period)) set.add(str(d.data.period)!);
  return followUpPeriods(plan).filter((p) => set.has(p));
}

function helårList(plan: Plan): { en: string; sv: string } {
  const ps = periodsWith(plan, "helår");
  return ps.length > 0 ? { en: `; helår follow-ups: ${ps.join(", ")}`, sv: `; uppföljningar för helår: ${ps.join(", ")}` } : { en: "", sv: "" };
}

/**
 * The period of a report. `period` wins (checked against `year`); else the newest suitable one
 * of `year` or of all: delår and månad prefer a follow-up of their own kind (a helår one is
 * the year's close, not a month), falling back on the newest of any kind; årsredovisning needs
 * a helår one. Throws SelectionError when the plan has none that fits.
 */
export function periodFor(plan: Plan, phase: Phase, o: { year?: number; period?: string }): string {
  const { year } = o;
  if (o.period !== undefined) {
    const p = pickPeriod(plan, o.period);
    if (year !== undefined && Number(p.slice(0, 4)) !== year) throw new SelectionError({ en: `--period ${p} is not in --år ${year}`, sv: `--period ${p} ligger inte i --år ${year}` });
    if (phase === "årsredovisning" && !periodsWith(plan, "helår").includes(p)) {
      const h = helårList(plan);
      throw new SelectionError({ en: `årsredovisning needs a helår follow-up, and ${p} has none${h.en}`, sv: `årsredovisningen behöver en uppföljning för helår, och ${p} har ingen${h.sv}` });
    }
    return p;
  }
  const inYear = (ps: string[]): string[] => (year === undefined ? ps : ps.filter((p) => p.startsWith(`${year}-`)));
  const newest = (ps: string[]): string | undefined => ps[ps.length - 1];
  const all = inYear(followUpPeriods(plan));
  if (phase === "årsredovisning") {
    const p = newest(inYear(periodsWith(plan, "helår")));
    if (!p) {
      const h = helårList(plan);
      throw new SelectionError({
        en: `årsredovisning needs a helår follow-up (rapport: helår)${year !== undefined ? ` for ${year}` : ""}, and the plan has none${h.en}`,
        sv: `årsredovisningen behöver en uppföljning för helår (rapport: helår)${year !== undefined ? ` ${year}` : ""}, och planen har ingen${h.sv}`,
      });
    }
    return p;
  }
  const p = newest(inYear(periodsWith(plan, phase))) ?? newest(all);
  if (!p) {
    throw new SelectionError({ en: `the plan has no uppföljning${year !== undefined ? ` for ${year}` : ""}: nothing to report`, sv: `planen har ingen uppföljning${year !== undefined ? ` för ${year}` : ""}: inget att rapportera` });
  }
  return p;
}
