// Delårsrapport, and the årsredovisning built on it: the summary, then per målområde its
// resultatmål and åtaganden, then aktiviteter, uppdrag, ekonomi, åtgärdsplaner, analys
// and god ekonomisk hushållning.
import { header, rich, type Ctx, type Header, type RichText } from "./view-common.js";
import { economyView, hushållningView, type EconomyView, type HushållningView } from "./view-economy.js";
import { fulfilmentSummary, kpiRow, områdeViews, type FulfilmentSummary, type KpiRow, type OmrådeView } from "./view-goals.js";
import { activitiesView, analysViews, uppdragRows, åtgärdRows, type ActivitiesView, type AnalysView, type UppdragRow, type ÅtgärdRow } from "./view-tasks.js";
import { tocOf, type TocEntry } from "./toc.js";
import { trendView, type Series, type TrendView } from "./trend.js";

interface OmrådeSection extends OmrådeView {
  /** Årsredovisning only: each åtagande's value per year. */
  trend: TrendView | null;
}

interface AvsnittView {
  key: string;
  title: string;
  text: RichText;
}

export interface DelårView extends Header {
  toc: TocEntry[];
  summary: { fulfilment: FulfilmentSummary; ekonomiTitle: string; ekonomi: string; rule: string };
  områden: OmrådeSection[];
  /** The nämnder's own verksamhetsmål and the förvaltningar's produktionsmål with values. */
  egnaMål: KpiRow[];
  aktiviteter: ActivitiesView;
  uppdrag: UppdragRow[];
  ekonomi: EconomyView;
  åtgärder: ÅtgärdRow[];
  analys: AnalysView[];
  hushållning: HushållningView;
  /** Årsredovisning only: the förvaltningsberättelse's sections. */
  avsnitt: AvsnittView[];
}

/** `trend` makes it an årsredovisning: trends per målområde and the avsnitt texts. */
export function delårView(ctx: Ctx, datum: string | undefined, trend: Series | null): DelårView {
  const { t, m } = ctx;
  const ekonomi = economyView(ctx, "plan");
  const ekonomiTitle = ekonomi.fullYear ? t.ekonomiSummaryUtfall : t.ekonomiSummary;
  const summary = { fulfilment: fulfilmentSummary(ctx), ekonomiTitle, ekonomi: ekonomi.summary, rule: t.fulfilmentRule };
  const områden = områdeViews(ctx).map((o) => ({ ...o, trend: trend ? trendView(ctx, trend, o) : null }));
  const egnaMål = [...m.verksamhetsmål, ...m.produktionsmål].filter((k) => k.period !== undefined).map((k) => kpiRow(ctx, k, 2));
  const analys = analysViews(ctx);
  const avsnitt = trend ? avsnittViews(ctx) : [];
  return {
    ...header(ctx, datum),
    toc: tocOf([
      ["sammanfattning", t.summary, true],
      ["forvaltningsberattelse", t.förvaltningsberättelse, avsnitt.length > 0],
      ...områden.map((o) => [o.anchor, `${o.id} ${o.namn}`, true] as const),
      ["egna-mal", t.verksamhetsmål, egnaMål.length > 0],
      ["aktiviteter", t.aktiviteter, true],
      ["uppdrag", t.uppdrag, true],
      ["ekonomi", t.ekonomi, true],
      ["atgarder", t.åtgärder, true],
      ["analys", t.analys, analys.length > 0],
      ["hushallning", t.hushållning, true],
    ]),
    summary,
    områden,
    egnaMål,
    aktiviteter: activitiesView(ctx),
    uppdrag: uppdragRows(ctx),
    ekonomi,
    åtgärder: åtgärdRows(ctx),
    analys,
    hushållning: hushållningView(ctx),
    avsnitt,
  };
}

/** The avsnitt of the follow-up: the schema's named ones in its order, then the plan's own in file order. */
function avsnittViews(ctx: Ctx): AvsnittView[] {
  const known = Object.keys(ctx.t.avsnitt).filter((k) => k !== "god_ekonomisk_hushållning");
  // `x-` keys are the municipality's own data (format.md), not text for the report.
  const own = Object.keys(ctx.m.avsnitt).filter((k) => !Object.hasOwn(ctx.t.avsnitt, k) && !k.startsWith("x-"));
  const out: AvsnittView[] = [];
  for (const key of [...known, ...own]) {
    const text = rich(ctx.m.avsnitt[key], 3);
    if (!text) continue;
    const title = (Object.hasOwn(ctx.t.avsnitt, key) ? ctx.t.avsnitt[key] : undefined) ?? capitalise(key.replace(/_/gu, " "));
    out.push({ key, title, text });
  }
  return out;
}

const capitalise = (s: string): string => s.charAt(0).toLocaleUpperCase("sv") + s.slice(1);
