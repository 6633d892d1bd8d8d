// Delårsrapport, and the årsredovisning built on it, in the order of LKBR and RKR (design in
// docs/rapporter.md): the förvaltningsberättelse (översikt, the follow-up's avsnitt, god
// ekonomisk hushållning, balanskravsresultat), resultaträkning, balansräkning,
// kassaflödesanalys, driftredovisning, investeringsredovisning (årsredovisning: then
// redovisningsprinciper), then per målområde its resultatmål and åtaganden, egna mål,
// aktiviteter, uppdrag, åtgärdsplaner and analys.
import { fill } from "./labels.js";
import { header, rich, statusView, type Ctx, type Header, type StatusView } from "./view-common.js";
import { economyView, type EconomyView } from "./view-economy.js";
import { balanskravSection, driftSection, hushållningSection, investmentSection, statementSection, textBlock, type Block, type SectionView } from "./view-finance.js";
import { comparisonView, type ComparisonView } from "./view-comparison.js";
import { fulfilmentSummary, kpiRow, källaNote, områdeViews, type FulfilmentSummary, type KpiRow, type OmrådeView, ruleSentence } from "./view-goals.js";
import { activitiesView, analysViews, uppdragRows, åtgärdRows, type ActivitiesView, type AnalysView, type UppdragRow, type ÅtgärdRow } from "./view-tasks.js";
import { tocOf, type TocEntry } from "./toc.js";
import { trendView, type Series, type TrendView } from "./trend.js";

interface OmrådeSection extends OmrådeView {
  /** Årsredovisning only: each åtagande's value per year. */
  trend: TrendView | null;
}

export interface DelårView extends Header {
  toc: TocEntry[];
  summary: {
    fulfilment: FulfilmentSummary;
    ekonomiTitle: string;
    ekonomi: string;
    /** "Summan omfattar inte …", or empty. */
    ekonomiMissing: string;
    rule: string;
    /** The verdict on god ekonomisk hushållning; null when the report is cut to a nämnd. */
    hushållning: StatusView | null;
  };
  /** The förvaltningsberättelse's sub-sections in the law's order. */
  berättelse: { title: string; sections: SectionView[] };
  /** Resultaträkning … investeringsredovisning (årsredovisning: and redovisningsprinciper). */
  finans: SectionView[];
  områden: OmrådeSection[];
  /** The nämnder's own verksamhetsmål and the förvaltningar's produktionsmål with values. */
  egnaMål: KpiRow[];
  egnaMålKälla: string | null;
  /** The comparison with other municipalities, when the year has a jämförelse. */
  jämförelse: ComparisonView | null;
  aktiviteter: ActivitiesView;
  uppdrag: UppdragRow[];
  /** The driftredovisning (also inside `finans`), for a plan's own templates. */
  ekonomi: EconomyView;
  åtgärder: ÅtgärdRow[];
  analys: AnalysView[];
}

/**
 * The follow-up's avsnitt in the förvaltningsberättelse, in the law's order; `null` marks
 * where god ekonomisk hushållning and the balanskrav stand. `required` ones say so when the
 * follow-up has no text; the others vanish.
 */
const BERÄTTELSE: readonly { key: string; anchor: string; delår: boolean; år: boolean }[] = [
  { key: "viktiga_förhållanden_för_resultat_och_ställning", anchor: "viktiga-forhallanden", delår: false, år: true },
  { key: "händelser_av_väsentlig_betydelse", anchor: "handelser", delår: true, år: true },
  { key: "styrning_och_uppföljning", anchor: "styrning", delår: false, år: true },
  { key: "*hushållning", anchor: "", delår: true, år: true },
  { key: "väsentliga_personalförhållanden", anchor: "personal", delår: false, år: true },
  { key: "förväntad_utveckling", anchor: "forvantad-utveckling", delår: true, år: true },
];

const lowerFirst = (s: string): string => s.charAt(0).toLocaleLowerCase("sv") + s.slice(1);
const capitalise = (s: string): string => s.charAt(0).toLocaleUpperCase("sv") + s.slice(1);

/** An avsnitt as a section: its text, or for a required one a line saying the follow-up has none. */
function avsnittSection(ctx: Ctx, key: string, anchor: string, required: boolean): SectionView | undefined {
  const title = ctx.t.avsnitt[key]!;
  const blocks = textBlock(ctx.m.avsnitt[key], 3);
  if (blocks.length === 0 && !required) return undefined;
  return { anchor, title, blocks: blocks.length > 0 ? blocks : [{ para: fill(ctx.t.fin.saknasText, { topic: lowerFirst(title) }) }] };
}

function berättelseSections(ctx: Ctx, år: boolean): SectionView[] {
  const { t, m } = ctx;
  const kommun = m.nämnd === undefined;
  const översikt: Block[] = [{ summary: true }, ...textBlock(m.avsnitt.översikt_över_verksamhetens_utveckling, 3)];
  if (!kommun) översikt.push({ note: t.fin.kommunövergripande });
  const out: SectionView[] = [{ anchor: "sammanfattning", title: år ? t.avsnitt.översikt_över_verksamhetens_utveckling! : t.fin.översikt, blocks: översikt }];
  for (const s of BERÄTTELSE) {
    if (s.key === "*hushållning") {
      if (kommun) out.push(hushållningSection(ctx, år), balanskravSection(ctx, år));
      continue;
    }
    const section = avsnittSection(ctx, s.key, s.anchor, år ? s.år : s.delår);
    if (section) out.push(section);
  }
  // The plan's own avsnitt, in file order; `x-` keys are the municipality's own data (format.md), not text.
  const own = Object.keys(m.avsnitt).filter((k) => !Object.hasOwn(t.avsnitt, k) && !k.startsWith("x-"));
  own.forEach((key, i) => {
    const text = rich(m.avsnitt[key], 3);
    if (text) out.push({ anchor: `avsnitt-${i + 1}`, title: capitalise(key.replace(/_/gu, " ")), blocks: [{ text }] });
  });
  return out;
}

function finansSections(ctx: Ctx, år: boolean): SectionView[] {
  const out: SectionView[] = [];
  if (ctx.m.nämnd === undefined) {
    out.push(statementSection(ctx, "resultaträkning", "resultatrakning", !år), statementSection(ctx, "balansräkning", "balansrakning", !år));
    if (år || ctx.m.statements.kassaflödesanalys) out.push(statementSection(ctx, "kassaflödesanalys", "kassaflodesanalys", false));
  }
  out.push(driftSection(ctx), investmentSection(ctx));
  if (år) out.push(avsnittSection(ctx, "redovisningsprinciper", "redovisningsprinciper", true)!);
  return out;
}

const tocChildren = (sections: readonly SectionView[]): TocEntry[] => tocOf(sections.map((s) => [s.anchor, s.title, true] as const));

/** `trend` makes it an årsredovisning: trends per målområde and the årsredovisning's sections. */
export function delårView(ctx: Ctx, datum: string | undefined, trend: Series | null): DelårView {
  const { t, m } = ctx;
  const år = trend !== null;
  const ekonomi = economyView(ctx, "plan");
  const summary = {
    fulfilment: fulfilmentSummary(ctx),
    ekonomiTitle: ekonomi.fullYear ? t.ekonomiSummaryUtfall : t.ekonomiSummary,
    ekonomi: ekonomi.summary,
    ekonomiMissing: ekonomi.missing,
    rule: ruleSentence(ctx),
    hushållning: m.hushållning ? statusView(ctx, m.hushållning.status, m.hushållning.manual) : null,
  };
  const berättelse = { title: år ? t.förvaltningsberättelse : t.fin.förvaltningsberättelseFörenklad, sections: berättelseSections(ctx, år) };
  const finans = finansSections(ctx, år);
  const områden = områdeViews(ctx).map((o) => ({ ...o, trend: trend ? trendView(ctx, trend, o) : null }));
  const egna = [...m.verksamhetsmål, ...m.produktionsmål].filter((k) => k.period !== undefined);
  const egnaMål = egna.map((k) => kpiRow(ctx, k, 2));
  const jämförelse = comparisonView(ctx);
  const analys = analysViews(ctx);
  return {
    ...header(ctx, datum),
    toc: [
      ...tocOf([["forvaltningsberattelse", berättelse.title, true, tocChildren(berättelse.sections)]]),
      ...tocChildren(finans),
      ...tocOf([
        ...områden.map((o) => [o.anchor, `${o.id} ${o.namn}`, true] as const),
        ["egna-mal", t.verksamhetsmål, egnaMål.length > 0],
        ["jamforelse", t.jämförelse.title, jämförelse !== null],
        ["aktiviteter", t.aktiviteter, true],
        ["uppdrag", t.uppdrag, true],
        ["atgarder", t.åtgärder, true],
        ["analys", t.analys, analys.length > 0],
      ]),
    ],
    summary,
    berättelse,
    finans,
    områden,
    egnaMål,
    egnaMålKälla: källaNote(ctx, egna),
    jämförelse,
    aktiviteter: activitiesView(ctx),
    uppdrag: uppdragRows(ctx),
    ekonomi,
    åtgärder: åtgärdRows(ctx),
    analys,
  };
}
