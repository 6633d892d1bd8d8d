// What the pages are made from, gathered once per build: the status model of every follow-up
// period (computeStatus, never a fulfilment of our own), the year's entities, each page's path,
// and the lookups the pages need, all by map so a city-sized plan stays linear.
import type { Lang } from "../diagnostics/entry.js";
import { countBelow } from "../model/below.js";
import { groupByParent } from "../model/by-parent.js";
import { isData, type Data } from "../model/build.js";
import { namnderOf } from "../model/resolve.js";
import type { Entity } from "../model/types.js";
import type { Åtgärd } from "../status/action-plans.js";
import { checkNamndRows } from "./limits.js";
import { statusAt } from "./models.js";
import { computeStatus, followUpPeriods, type EconomyRow, type GoalStatus, type KpiStatus, type StatusModel } from "../status/engine.js";
import { withFullYearFigures } from "../report/view-economy.js";
import { fileNames, FOLDER, type FolderKind } from "./paths.js";
import type { Crumb, SiteContext } from "./types.js";
import { WORDS } from "./words.js";


export interface Gathered {
  ctx: SiteContext;
  lang: Lang;
  /** The language of the plan's texts (plan.yaml språk, else Swedish) when the site speaks another; else none. */
  textLang?: Lang;
  w: (typeof WORDS)[Lang];
  kommun: string;
  /** Every follow-up period of every year, ascending, with its model. */
  models: Map<string, StatusModel>;
  /** The follow-up periods of the site's year, ascending. */
  yearPeriods: string[];
  /** The model of the newest follow-up of the year; without one, the year before any follow-up. */
  newest: StatusModel;
  hasFollowUp: boolean;
  /** The newest model's åtaganden and resultatmål-nyckeltal, and its resultatmål and målområden, by ID. */
  kpiNow: Map<string, KpiStatus>;
  goalNow: Map<string, GoalStatus>;
  /** Per period: åtaganden and resultatmål-nyckeltal by ID. */
  kpiAt: Map<string, Map<string, KpiStatus>>;
  /** Per period: resultatmål and målområden by ID. */
  goalAt: Map<string, Map<string, GoalStatus>>;
  /** Per period: the economy row of each organ. */
  economyAt: Map<string, Map<string, EconomyRow>>;
  målområden: Entity[];
  resultatmål: Entity[];
  åtaganden: Entity[];
  nämnder: Entity[];
  nämndById: Map<string, Entity>;
  /** Below each målområde its resultatmål, below each resultatmål its åtaganden, in plan order. */
  below: Map<Entity, Entity[]>;
  /** Each målområde's övergripande mål, in plan order. */
  målOf: Map<Entity, Entity[]>;
  /** Each nämnd's åtaganden of the year, `alla` included. */
  åtagandenOf: Map<string, Entity[]>;
  /** How many of the year's aktiviteter serve each entity, directly or further down the thread. */
  aktiviteter: Map<Entity, number>;
  /** The year's åtgärder up to the newest follow-up, by the ID each is about. */
  åtgärderFor: Map<string, Åtgärd[]>;
  /** What else the site holds about an ID (reports, data files): a section per group on its page. */
  related: (id: string) => readonly Related[];
  /** The path of an entity's page, relative to the root; undefined for one without a page. */
  pathOf: (e: Entity) => string | undefined;
}

/** Links from an entity's page to what other parts of the site hold about it, under a heading. */
export interface Related {
  heading: string;
  links: readonly Crumb[];
}

/** The nyckeltal mapping of an åtagande, or a resultatmål's own nyckeltal entity's data. */
export const nyckeltalOf = (e: Entity): Data | undefined => (e.kind === "nyckeltal" ? e.data : isData(e.data.nyckeltal) ? e.data.nyckeltal : undefined);

function byId<T extends { id: string }>(list: readonly T[]): Map<string, T> {
  return new Map(list.map((x) => [x.id, x]));
}

export function gather(ctx: SiteContext, related: (id: string) => readonly Related[] = () => []): Gathered {
  const { plan, year, lang } = ctx;
  const periods = followUpPeriods(plan);
  const models = new Map(periods.map((period) => [period, statusAt(plan, period)]));
  const yearPeriods = periods.filter((p) => p.startsWith(`${year}-`));
  const last = yearPeriods[yearPeriods.length - 1];
  const newest = last !== undefined ? models.get(last)! : computeStatus(plan, { period: `${year}-01` });
  const kpiAt = new Map<string, Map<string, KpiStatus>>();
  const goalAt = new Map<string, Map<string, GoalStatus>>();
  const economyAt = new Map<string, Map<string, EconomyRow>>();
  for (const [p, m] of models) {
    kpiAt.set(p, byId([...m.åtaganden, ...m.resultatmålNyckeltal]));
    goalAt.set(p, byId([...m.resultatmål, ...m.målområden]));
    // A helår's utfall is the year's figure: its avvikelse as the annual report shows it.
    economyAt.set(p, new Map(withFullYearFigures(m).ekonomi.map((r) => [r.organ, r])));
  }

  // The year's entities are the ones its status model assesses, in plan order.
  const målområden = newest.målområden.map((g) => g.entity);
  const resultatmål = newest.resultatmål.map((g) => g.entity);
  const åtaganden = newest.åtaganden.map((k) => k.entity);
  const organs = new Map(plan.entities.filter((e) => e.kind === "organ").map((e) => [e.id, e]));
  const nämnder = plan.namnder.map((id) => organs.get(id)).filter((e): e is Entity => e !== undefined);

  // Each page's entities one level down, grouped in one pass: a list searched before each
  // addition made a resultatmål with thousands of åtaganden cost millions of steps.
  const pages = new Set<Entity>([...målområden, ...resultatmål]);
  const below = new Map<Entity, Entity[]>([
    ...groupByParent(resultatmål, (r) => r.parents.filter((p) => p.kind === "målområde" && pages.has(p))),
    ...groupByParent(åtaganden, (a) => a.parents.filter((p) => p.kind === "resultatmål" && pages.has(p))),
  ]);

  // One pass for every målområde page, not a search of the whole plan per page.
  const målOf = groupByParent(plan.entities.filter((e) => e.kind === "mål"), (e) => (e.container ? [e.container] : []));

  // Counted before they are listed: `alla` puts an åtagande on every nämnd's page.
  let listed = 0;
  for (const a of åtaganden) listed += namnderOf(a, plan.namnder).length;
  checkNamndRows(listed, "pages");
  const åtagandenOf = new Map<string, Entity[]>(plan.namnder.map((n) => [n, []]));
  for (const a of åtaganden) for (const n of namnderOf(a, plan.namnder)) åtagandenOf.get(n)?.push(a);

  // One pass over the thread, not a walk up from each aktivitet: thousands of aktiviteter may
  // serve one verksamhetsmål that thousands of åtaganden share.
  const aktiviteter = countBelow(plan.entities, (e) => e.kind === "aktivitet" && e.year === year);

  const åtgärderFor = new Map<string, Åtgärd[]>();
  for (const a of newest.åtgärder) {
    for (const id of new Set(a.avser)) {
      const list = åtgärderFor.get(id);
      if (list) list.push(a);
      else åtgärderFor.set(id, [a]);
    }
  }

  const paths = new Map<Entity, string>();
  const place = (kind: FolderKind, list: readonly Entity[]): void => {
    const names = fileNames(list.map((e) => e.id));
    for (const e of list) paths.set(e, `${FOLDER[kind]}/${names.get(e.id)!}.html`);
  };
  place("målområde", målområden);
  place("resultatmål", resultatmål);
  place("åtagande", åtaganden);
  place("nämnd", nämnder);

  const namn = plan.kommun?.data.namn;
  const planLang: Lang = plan.kommun?.data.språk === "en" ? "en" : "sv";
  return {
    ctx,
    lang,
    ...(planLang !== lang ? { textLang: planLang } : {}),
    w: WORDS[lang],
    kommun: typeof namn === "string" ? namn : "",
    models,
    yearPeriods,
    newest,
    hasFollowUp: last !== undefined,
    kpiNow: byId([...newest.åtaganden, ...newest.resultatmålNyckeltal]),
    goalNow: byId([...newest.resultatmål, ...newest.målområden]),
    kpiAt,
    goalAt,
    economyAt,
    målområden,
    resultatmål,
    åtaganden,
    nämnder,
    nämndById: new Map(nämnder.map((n) => [n.id, n])),
    below,
    målOf,
    åtagandenOf,
    aktiviteter,
    åtgärderFor,
    related,
    pathOf: (e) => paths.get(e),
  };
}
