// Which open data files the site has: one pair (CSV, JSON) per målområde, resultatmål,
// åtagande and nämnd of the site's year, and one pair per year for the whole plan.
import type { Plan } from "../model/plan.js";
import { nameOf, organName } from "../model/thread.js";
import type { DataRow } from "./data-rows.js";
import { fileNames, FOLDER, type FolderKind } from "./paths.js";

export type DataKind = FolderKind;
export const DATA_KINDS: readonly DataKind[] = ["målområde", "resultatmål", "åtagande", "nämnd"];

export interface DataEntity {
  kind: DataKind;
  id: string;
  namn: string;
}

const namesCache = new WeakMap<Plan, Map<string, Map<string, string>>>();

/**
 * The site-relative path of an entity's file without its extension: in the folder its page
 * has, named as pages are named (paths.ts: ASCII, never two names that differ only by case).
 */
export function entityStem(plan: Plan, year: number, kind: DataKind, id: string): string {
  let byKey = namesCache.get(plan);
  if (!byKey) namesCache.set(plan, (byKey = new Map()));
  const key = `${year}\0${kind}`;
  let names = byKey.get(key);
  if (!names) byKey.set(key, (names = fileNames(dataEntities(plan, year).filter((e) => e.kind === kind).map((e) => e.id))));
  return `data/${FOLDER[kind]}/${names.get(id) ?? id}`;
}
export const yearStem = (year: number): string => `data/plan-${year}`;

/** A site-relative path as an href: every segment percent-encoded (IDs may hold å, ä, ö). */
export const hrefOf = (p: string): string => p.split("/").map(encodeURIComponent).join("/");

const entityCache = new WeakMap<Plan, Map<number, DataEntity[]>>();

/** The entities of the year that have pages and so files, in plan order per kind; asked once per page, so kept. */
export function dataEntities(plan: Plan, year: number): DataEntity[] {
  let byYear = entityCache.get(plan);
  if (!byYear) entityCache.set(plan, (byYear = new Map()));
  let list = byYear.get(year);
  if (!list) byYear.set(year, (list = entitiesOf(plan, year)));
  return list;
}

function entitiesOf(plan: Plan, year: number): DataEntity[] {
  const kp = plan.index.kommunplanFor(year);
  const budget = plan.docs.find((d) => d.kind === "budget" && d.year === year)?.entity;
  const out: DataEntity[] = [];
  for (const kind of DATA_KINDS) {
    if (kind === "nämnd") {
      for (const id of plan.namnder) out.push({ kind, id, namn: organName(plan, id) });
      continue;
    }
    const container = kind === "målområde" ? kp : budget;
    if (container === undefined) continue;
    for (const e of plan.entities) if (e.kind === kind && e.container === container) out.push({ kind, id: e.id, namn: nameOf(e) });
  }
  return out;
}

/** The nämnder whose files hold an åtagande's row: the ones it names, or for `alla` every nämnd (`namnder`, the plan's). */
export const rowNamnder = (r: DataRow, namnder: readonly string[]): readonly string[] => (r.nämnder.includes("alla") ? namnder : r.nämnder);

/** The files (by `kind\0id`) each row belongs to: its own entity's, and the entities above it whose pages show it. */
function filesOfRow(r: DataRow, namnder: readonly string[]): string[] {
  const key = (kind: DataKind, id: string): string => `${kind}\0${id}`;
  switch (r.typ) {
    case "målområde":
      return [key("målområde", r.id)];
    case "resultatmål":
      return [key("resultatmål", r.id), ...r.bidrar_till.map((o) => key("målområde", o))];
    case "nyckeltal":
      return r.bidrar_till.map((g) => key("resultatmål", g));
    case "åtagande":
      return [key("åtagande", r.id), ...r.bidrar_till.map((g) => key("resultatmål", g)), ...rowNamnder(r, namnder).map((n) => key("nämnd", n))];
    case "ekonomi":
      return [key("nämnd", r.id)];
  }
}

/** The rows of each entity's file, by `kind\0id`. */
export function rowsByEntity(rows: readonly DataRow[], namnder: readonly string[]): Map<string, DataRow[]> {
  const out = new Map<string, DataRow[]>();
  for (const r of rows) {
    for (const k of new Set(filesOfRow(r, namnder))) {
      const list = out.get(k);
      if (list) list.push(r);
      else out.set(k, [r]);
    }
  }
  return out;
}
