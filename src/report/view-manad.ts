// Månadsrapport: mostly economy. Economy per organ with the deviating ones first, the
// åtaganden that will not reach their target, and the delayed or cancelled aktiviteter.
import { deviatingActivities, analysViews, type AnalysView, type TaskRow } from "./view-tasks.js";
import { header, type Ctx, type Header } from "./view-common.js";
import { economyView, type EconomyView } from "./view-economy.js";
import { comparisonView, type ComparisonView } from "./view-comparison.js";
import { offTrack, type KpiRow } from "./view-goals.js";
import { tocOf, type TocEntry } from "./toc.js";

export interface MånadView extends Header {
  toc: TocEntry[];
  ekonomi: EconomyView;
  offTrack: KpiRow[];
  /** The note naming the källa of the off-track åtagandens' utfall, or null. */
  offTrackKälla: string | null;
  jämförelse: ComparisonView | null;
  försenade: TaskRow[];
  analys: AnalysView[];
}

export function månadView(ctx: Ctx, datum: string | undefined): MånadView {
  const { t } = ctx;
  const analys = analysViews(ctx);
  const off = offTrack(ctx);
  const jämförelse = comparisonView(ctx);
  return {
    ...header(ctx, datum),
    toc: tocOf([
      ["ekonomi", t.ekonomi, true],
      ["utanfor", t.offTrack, true],
      ["jamforelse", t.jämförelse.title, jämförelse !== null],
      ["forsenade", t.försenade, true],
      ["analys", t.analys, analys.length > 0],
    ]),
    ekonomi: economyView(ctx, "deviating"),
    offTrack: off.rows,
    offTrackKälla: off.källa,
    jämförelse,
    försenade: deviatingActivities(ctx, 2),
    analys,
  };
}
