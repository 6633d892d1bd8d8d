// The underlag report: each nämnd's submission for year Y (proposed åtaganden grouped by
// målområde and resultatmål, investeringsbehov per year, upphandlingar). Without a nämnd: an
// overview of all submissions, then each. Read straight from the underlag documents.
import { isData, items, num as numberOf, str, type Data, type TypedDoc } from "../model/build.js";
import { nameOf, organName } from "../model/thread.js";
import type { Entity } from "../model/types.js";
import { tocOf } from "./toc.js";
import { entitiesIn, rich, type RichText } from "./view-common.js";
import { amountsPerYear, decisionLine, målvärde, n, planHeader, utgångsvärde, type PlanCtx, type PlanHeader } from "./view-planning.js";

interface ProposalRow {
  id: string;
  text: RichText | null;
  nyckeltal: string;
  enhet: string;
  utgångsvärde: string;
  målvärden: string[];
}

interface ResultatmålGroup {
  /** Empty for the åtaganden linked to the målområde directly (then `direkt`). */
  id: string;
  direkt: boolean;
  text: RichText | null;
  caption: string;
  åtaganden: ProposalRow[];
}

interface OmrådeGroup {
  id: string;
  /** False for the åtaganden whose målområde is unknown. */
  känt: boolean;
  namn: string;
  resultatmål: ResultatmålGroup[];
}

interface Submission {
  nämnd: string;
  namn: string;
  anchor: string;
  dokument: string;
  beslut: string;
  beloppsenhet: string;
  years: number[];
  antalÅtaganden: number;
  områden: OmrådeGroup[];
  investeringsbehov: { rows: { id: string; namn: string; motivering: RichText | null; belopp: string[]; summa: string }[]; totals: string[]; total: string; sum: number };
  upphandlingar: { rows: { id: string; namn: string; värde: string; start: string }[]; total: string; sum: number };
}

interface OverviewRow {
  nämnd: string;
  namn: string;
  anchor: string | null;
  status: string;
  åtaganden: string;
  investeringsbehov: string;
  upphandlingar: string;
}

export interface UnderlagView extends PlanHeader {
  overview: { rows: OverviewRow[]; total: OverviewRow; enhet: string; converted: boolean } | null;
  submissions: Submission[];
  /** The nämnd asked for has no underlag (or the plan has none for the year). */
  empty: string | null;
}

const TKR_PER: Record<string, number> = { tkr: 1, mnkr: 1000 };

const dateText = (v: unknown): string => (v instanceof Date ? v.toISOString().slice(0, 10) : (str(v) ?? ""));

/** The years a submission plans for: every year in its målvärden and belopp, else its own year. */
function yearsOf(ctx: PlanCtx, data: Data): number[] {
  const set = new Set<number>();
  const add = (m: unknown): void => {
    if (!isData(m)) return;
    for (const k of Object.keys(m)) if (/^\d{4}$/u.test(k) && numberOf(m[k]) !== undefined) set.add(Number(k));
  };
  for (const a of items(data.åtaganden)) {
    const k = isData(a.nyckeltal) ? a.nyckeltal : items(a.nyckeltal)[0];
    add(k?.målvärden);
  }
  for (const i of items(data.investeringsbehov)) add(i.belopp);
  const years = [...set].filter((y) => y >= ctx.year && y <= ctx.year + 10).sort((a, b) => a - b);
  return years.length > 0 ? years : [ctx.year];
}

function proposalRow(ctx: PlanCtx, a: Entity, years: number[]): ProposalRow {
  const k = isData(a.data.nyckeltal) ? a.data.nyckeltal : items(a.data.nyckeltal)[0];
  return {
    id: a.id,
    text: rich(str(a.data.text), 4),
    nyckeltal: (k ? str(k.namn) : undefined) ?? "",
    enhet: (k ? str(k.enhet) : undefined) ?? "",
    utgångsvärde: utgångsvärde(ctx, k),
    målvärden: years.map((y) => målvärde(ctx, k, y)),
  };
}

/** The proposed åtaganden by målområde (in the kommunplan's order) and resultatmål. */
function grouped(ctx: PlanCtx, doc: TypedDoc, years: number[], anchor: string): OmrådeGroup[] {
  const { plan, t } = ctx;
  const own = entitiesIn(plan, "åtagande", doc.entity);
  const områdeOf = (e: Entity): Entity | undefined => (e.kind === "målområde" ? e : e.parents.find((p) => p.kind === "målområde"));
  const groups = new Map<Entity | undefined, Map<Entity | undefined, Entity[]>>();
  for (const a of own) {
    const rm = a.parents.find((p) => p.kind === "resultatmål");
    const område = rm ? områdeOf(rm) : a.parents.find((p) => p.kind === "målområde");
    let byRm = groups.get(område);
    if (!byRm) groups.set(område, (byRm = new Map<Entity | undefined, Entity[]>()));
    const list = byRm.get(rm);
    if (list) list.push(a);
    else byRm.set(rm, [a]);
  }
  // Målområden in plan order (their place among the målområden, as the entity's order ranks
  // them the same way), resultatmål in plan order; the groups without one last. A rank from a
  // field, not indexOf in a comparator: an underlag may name thousands of resultatmål.
  const rank = (e: Entity | undefined): number => (e ? e.order : Infinity);
  const keys = [...groups.keys()].sort((a, b) => rank(a) - rank(b));
  return keys.map((o) => {
    const byRm = groups.get(o)!;
    // Resultatmål in plan order; the åtaganden linked to the målområde directly last.
    const rms = [...byRm.keys()].sort((a, b) => rank(a) - rank(b));
    return {
      id: o?.id ?? "",
      känt: o !== undefined,
      namn: o ? nameOf(o) : t.plan.övriga,
      resultatmål: rms.map((r) => ({
        id: r?.id ?? "",
        direkt: r === undefined,
        text: r ? rich(str(r.data.text), 4) : null,
        caption: `${r ? `${t.resultatmål} ${r.id}` : t.plan.underlag.direkt}${o ? ` (${o.id})` : ""}${anchor ? ` – ${anchor}` : ""}`,
        åtaganden: byRm.get(r)!.map((a) => proposalRow(ctx, a, years)),
      })),
    };
  });
}

function submission(ctx: PlanCtx, doc: TypedDoc): Submission {
  const { plan } = ctx;
  const nämnd = str(doc.data.nämnd) ?? "";
  const years = yearsOf(ctx, doc.data);
  const totals = years.map(() => 0);
  let sum = 0;
  const inv = items(doc.data.investeringsbehov).map((i) => {
    const { belopp, summa } = amountsPerYear(ctx, i.belopp, years, totals);
    sum += summa;
    return { id: str(i.id) ?? "", namn: str(i.namn) ?? "", motivering: rich(str(i.motivering), 4), belopp, summa: n(ctx, summa, 1) };
  });
  let uhSum = 0;
  const uh = items(doc.data.upphandlingar).map((u) => {
    const v = numberOf(u.värde);
    if (v !== undefined) uhSum += v;
    return { id: str(u.id) ?? "", namn: str(u.namn) ?? "", värde: n(ctx, v, 1), start: dateText(u.start) };
  });
  const namn = organName(plan, nämnd);
  const områden = grouped(ctx, doc, years, ctx.nämnd === undefined ? nämnd : "");
  return {
    nämnd,
    namn,
    anchor: `ul-${nämnd}`,
    dokument: str(doc.data.namn) ?? str(doc.data.id) ?? "",
    beslut: str(doc.data.status) === "förslag" || !isData(doc.data.beslut) ? ctx.t.plan.förslag : decisionLine(ctx, doc.data),
    beloppsenhet: str(doc.data.beloppsenhet) ?? "tkr",
    years,
    antalÅtaganden: områden.flatMap((o) => o.resultatmål).reduce((s, r) => s + r.åtaganden.length, 0),
    områden,
    investeringsbehov: { rows: inv, totals: totals.map((v) => n(ctx, v, 1)), total: n(ctx, sum, 1), sum },
    upphandlingar: { rows: uh, total: n(ctx, uhSum, 1), sum: uhSum },
  };
}

export function underlagView(ctx: PlanCtx, datum: string | undefined): UnderlagView {
  const { plan, t } = ctx;
  const docs = plan.docs.filter((d) => d.kind === "underlag" && d.year === ctx.year && (ctx.nämnd === undefined || str(d.data.nämnd) === ctx.nämnd));
  const submissions = docs.map((d) => submission(ctx, d));
  const units = [...new Set(submissions.map((s) => s.beloppsenhet))];
  const enhet = units.length === 1 ? units[0]! : "tkr";
  let overview: UnderlagView["overview"] = null;
  if (ctx.nämnd === undefined && submissions.length > 0) {
    const factor = (s: Submission): number => (TKR_PER[s.beloppsenhet] ?? 1) / (TKR_PER[enhet] ?? 1);
    // Each nämnd's submissions, gathered once (not a pass over them all for every nämnd).
    const byNämnd = new Map<string, Submission[]>();
    for (const s of submissions) {
      const list = byNämnd.get(s.nämnd);
      if (list) list.push(s);
      else byNämnd.set(s.nämnd, [s]);
    }
    const listed = new Set(plan.namnder);
    const nämnder = [...plan.namnder, ...submissions.map((s) => s.nämnd).filter((id) => !listed.has(id))];
    let å = 0;
    let inv = 0;
    let uh = 0;
    const rows: OverviewRow[] = nämnder.map((id) => {
      const mine = byNämnd.get(id) ?? [];
      if (mine.length === 0) return { nämnd: id, namn: organName(plan, id), anchor: null, status: t.plan.underlag.saknas, åtaganden: "", investeringsbehov: "", upphandlingar: "" };
      const a = mine.reduce((s, x) => s + x.antalÅtaganden, 0);
      const i = mine.reduce((s, x) => s + x.investeringsbehov.sum * factor(x), 0);
      const u = mine.reduce((s, x) => s + x.upphandlingar.sum * factor(x), 0);
      å += a;
      inv += i;
      uh += u;
      return { nämnd: id, namn: organName(plan, id), anchor: mine[0]!.anchor, status: mine.map((x) => x.beslut).join("; "), åtaganden: n(ctx, a), investeringsbehov: n(ctx, i, 1), upphandlingar: n(ctx, u, 1) };
    });
    overview = {
      rows,
      total: { nämnd: "", namn: t.plan.underlag.totalt, anchor: null, status: "", åtaganden: n(ctx, å), investeringsbehov: n(ctx, inv, 1), upphandlingar: n(ctx, uh, 1) },
      enhet,
      converted: units.length > 1,
    };
  }
  const allYears = [...new Set(submissions.flatMap((s) => s.years))].sort((a, b) => a - b);
  const toc = tocOf([
    ["oversikt", t.plan.underlag.översikt, overview !== null],
    ...submissions.map((s) => [s.anchor, `${s.namn} (${s.nämnd})`, ctx.nämnd === undefined] as const),
    ...(ctx.nämnd !== undefined
      ? ([
          [`ul-${ctx.nämnd}-ataganden`, t.plan.underlag.föreslagna, submissions.length > 0],
          [`ul-${ctx.nämnd}-investeringsbehov`, t.plan.underlag.investeringsbehov, submissions.length > 0],
          [`ul-${ctx.nämnd}-upphandlingar`, t.plan.underlag.upphandlingar, submissions.length > 0],
        ] as const)
      : []),
  ]);
  const header = planHeader(ctx, "underlag", datum, toc, null);
  const planperiod = allYears.length > 1 ? `${allYears[0]}–${allYears[allYears.length - 1]}` : String(ctx.year);
  return {
    ...header,
    // "Underlag 2013 – Bildningsnämnden" for one nämnd; "Nämndernas underlag 2013" for all.
    ...(header.nämnd ? { title: `${t.plan.underlag.dokument} ${ctx.year} – ${header.nämnd.namn}` } : {}),
    planperiod,
    beloppsenhet: ctx.nämnd !== undefined && submissions[0] ? submissions[0].beloppsenhet : enhet,
    overview,
    submissions,
    empty: submissions.length > 0 ? null : ctx.nämnd !== undefined ? `${t.plan.underlag.saknas}.` : t.plan.underlag.ingaUnderlag,
  };
}
