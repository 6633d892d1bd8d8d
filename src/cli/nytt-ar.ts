// plan nytt-år Y: the skeletons that start planning year Y from the budget of Y−1 — a
// planeringsdirektiv and one underlag per nämnd. What to carry is decided in
// src/model/next-year.ts; this module writes the YAML (new files only, atomically) and says
// what it wrote and what it could not carry. The files are Swedish, the plan's language.
import { lstatSync } from "node:fs";
import path from "node:path";
import { Document, isMap, isSeq, YAMLMap, type Node as YamlNode } from "yaml";
import { isData, items, str, type Data } from "../model/build.js";
import { planNextYear, type Carried, type NextYear, type NotCarried } from "../model/next-year.js";
import type { Lang } from "../diagnostics/index.js";
import { out, UsageError } from "./io.js";
import { openPlan, type CacheOptions } from "./open-plan.js";
import { writeInPlan } from "./write-file.js";

export interface NyttArOptions extends CacheOptions {
  dir?: string;
  lang?: string;
}

interface Skeleton {
  /** Relative to the plan root, with /. */
  path: string;
  text: string;
  /** Nothing is written when the plan already has this document (in another file, too). */
  exists: boolean;
}

/** A comment block to open a file, blank comment lines kept as `#`. */
const header = (lines: string[]): string => `${lines.map((l) => (l === "" ? "#" : `# ${l}`)).join("\n")}\n\n`;

/** A year-keyed mapping as `{ 2027: 87, 2028: 89 }`, with the years as plain numbers. */
function yearMap(doc: Document, value: Data): YAMLMap {
  const map = new YAMLMap();
  for (const [y, v] of Object.entries(value)) map.add(doc.createPair(/^\d+$/u.test(y) ? Number(y) : y, v));
  map.flow = true;
  return map;
}

function toText(doc: Document): string {
  return doc.toString({ lineWidth: 100, minContentWidth: 40, flowCollectionPadding: true });
}

/** The planeringsdirektiv for Y: the budget's ramar as the starting point, empty prioriteringar. */
function directiveText(next: NextYear): string {
  const y = next.year;
  const doc = new Document({
    typ: "planeringsdirektiv",
    id: `PD${y}`,
    namn: `Planeringsdirektiv ${y}`,
    år: y,
    status: "förslag",
    ...(str(next.budget.beloppsenhet) !== undefined ? { beloppsenhet: next.budget.beloppsenhet } : {}),
    prioriteringar: ["Skriv årets prioriteringar här"],
    ...(items(next.budget.ramar).length > 0 ? { ramar: items(next.budget.ramar) } : {}),
  });
  const top = header([
    `Planeringsdirektiv ${y} – utkast skrivet av plan nytt-år ${y}`,
    "",
    `Ramarna är ramarna i budgeten för ${y - 1} (${str(next.budget.id) ?? ""}): justera dem, skriv`,
    "prioriteringarna och lägg till satsningar (id, organ, text, belopp). Sätt status: beslutad",
    "och beslut: { organ: KS, datum: ÅÅÅÅ-MM-DD } när kommunstyrelsen har beslutat.",
  ]);
  const ramar = doc.get("ramar", true);
  if (isSeq(ramar)) for (const r of ramar.items) if (isMap(r)) r.flow = true;
  return top + toText(doc);
}

function carriedNode(doc: Document, c: Carried, year: number): YamlNode {
  const { nyckeltal, ...rest } = c.data;
  const node = doc.createNode(rest) as YAMLMap;
  const resultatmål = node.get("resultatmål", true);
  if (isSeq(resultatmål)) resultatmål.flow = true;
  if (isData(nyckeltal)) {
    const kpi = doc.createNode(nyckeltal) as YAMLMap;
    if (isData(nyckeltal.utgångsvärde)) kpi.set("utgångsvärde", Object.assign(doc.createNode(nyckeltal.utgångsvärde) as YAMLMap, { flow: true }));
    if (isData(nyckeltal.målvärden)) kpi.set("målvärden", yearMap(doc, nyckeltal.målvärden));
    node.set("nyckeltal", kpi);
  }
  const notes = [
    ...(c.shared.length > 0 ? [`Gemensamt i budgeten (nämnder: ${c.shared.join(", ")}); förs vidare en gång, här.`] : []),
    ...(c.baselineFrom !== undefined ? [`Utgångsvärdet är utfallet i ${c.baselineFrom}.`] : []),
    ...(c.noTarget ? [`Budgeten har inget målvärde för ${year}: skriv ett.`] : []),
  ];
  if (notes.length > 0) node.commentBefore = notes.map((n) => ` ${n}`).join("\n");
  return node;
}

function underlagText(next: NextYear, u: NextYear["underlag"][number]): string {
  const y = next.year;
  const doc = new Document({
    typ: "underlag",
    id: `UL${y}-${u.nämnd}`,
    namn: `Budgetunderlag ${y}${u.namn !== undefined ? ` ${u.namn}` : ` ${u.nämnd}`}`,
    nämnd: u.nämnd,
    år: y,
    status: "förslag",
    ...(str(next.budget.beloppsenhet) !== undefined ? { beloppsenhet: next.budget.beloppsenhet } : {}),
  });
  if (u.åtaganden.length > 0) doc.set("åtaganden", doc.createNode(u.åtaganden.map((c) => carriedNode(doc, c, y))));
  const top = header([
    `Budgetunderlag ${y} ${u.namn ?? u.nämnd} – utkast skrivet av plan nytt-år ${y}`,
    "",
    `Åtagandena är nämndens åtaganden i budgeten för ${y - 1} (${str(next.budget.id) ?? ""}) vars planperiod`,
    `når ${y}, med samma ID. Målvärdena är budgetens från ${y}; utgångsvärdet är det senaste`,
    "utfallet i en helårsuppföljning där det finns. Stryk, ändra och lägg till åtaganden, och",
    "lägg till investeringsbehov och upphandlingar.",
  ]);
  return top + toText(doc);
}

function skeletons(next: NextYear): Skeleton[] {
  const y = next.year;
  return [
    { path: `planeringsdirektiv/${y}.yaml`, text: directiveText(next), exists: next.directive !== undefined },
    ...next.underlag.map((u) => ({ path: `underlag/${y}/${u.nämnd}.yaml`, text: underlagText(next, u), exists: u.exists })),
  ];
}

type Outcome = { path: string; wrote: boolean; why?: "file" | "document" };

function writeNew(root: string, s: Skeleton): Outcome {
  const file = path.join(root, ...s.path.split("/"));
  if (lstatSync(file, { throwIfNoEntry: false })) return { path: s.path, wrote: false, why: "file" };
  if (s.exists) return { path: s.path, wrote: false, why: "document" };
  // A file that appears between the check above and the rename would be replaced, but whole:
  // writeInPlan never leaves a half-written file.
  writeInPlan(root, s.path, s.text);
  return { path: s.path, wrote: true };
}

const REASON: Record<NotCarried["reason"], Record<Lang, (w: string) => string>> = {
  "period-ends": { en: (w) => `the budget's plan period ends ${w}`, sv: (w) => `budgetens planperiod slutar ${w}` },
  "already-proposed": { en: (w) => `already proposed in ${w}`, sv: (w) => `föreslås redan i ${w}` },
  "underlag-exists": { en: (w) => `the underlag of ${w} exists already`, sv: (w) => `underlaget från ${w} finns redan` },
};

function summary(next: NextYear, outcomes: Outcome[], lang: Lang): string {
  const sv = lang === "sv";
  const count = new Map(next.underlag.map((u) => [`underlag/${next.year}/${u.nämnd}.yaml`, u.åtaganden.length]));
  const lines = [sv ? `Planeringsåret ${next.year} från budgeten för ${next.year - 1}:` : `Planning year ${next.year} from the budget of ${next.year - 1}:`];
  const [wrote, skipped] = sv ? ["skrev", "hoppade över"] : ["wrote", "skipped"];
  const width = Math.max(wrote.length, skipped.length);
  for (const o of outcomes) {
    const n = count.get(o.path);
    const what = n === undefined ? "" : ` (${n} åtaganden)`;
    if (o.wrote) lines.push(`  ${wrote.padEnd(width)}  ${o.path}${what}`);
    else lines.push(`  ${skipped.padEnd(width)}  ${o.path} (${o.why === "file" ? (sv ? "filen finns redan" : "the file exists") : sv ? "planen har redan dokumentet" : "the plan has this document already"})`);
  }
  const noTarget = next.underlag.flatMap((u) => u.åtaganden.filter((c) => c.noTarget && c.data.nyckeltal !== undefined).map((c) => `${c.id} (${u.nämnd})`));
  const noKpi = next.underlag.flatMap((u) => u.åtaganden.filter((c) => c.data.nyckeltal === undefined).map((c) => `${c.id} (${u.nämnd})`));
  if (next.notCarried.length > 0 || noTarget.length > 0 || noKpi.length > 0) lines.push("", sv ? "Kunde inte föras över:" : "Could not be carried:");
  for (const n of next.notCarried) lines.push(`  ${n.id}: ${REASON[n.reason][lang](n.where)}`);
  if (noTarget.length > 0) lines.push(`  ${sv ? `nyckeltal utan målvärde för ${next.year}` : `nyckeltal without a target for ${next.year}`}: ${noTarget.join(", ")}`);
  if (noKpi.length > 0) lines.push(`  ${sv ? "åtaganden utan nyckeltal" : "åtaganden without a nyckeltal"}: ${noKpi.join(", ")}`);
  return `${lines.join("\n")}\n`;
}

export function runNyttAr(rawYear: string, o: NyttArOptions): number {
  if (!/^\d{4}$/u.test(rawYear)) throw new UsageError({ en: `the year must be a year such as 2027, not "${rawYear}"`, sv: `året ska vara ett år som 2027, inte "${rawYear}"` });
  const year = Number(rawYear);
  const { plan, root, lang } = openPlan(o.dir, o.lang, "cli", o);
  const taken = (rel: string): boolean => lstatSync(path.join(root, ...rel.split("/")), { throwIfNoEntry: false }) !== undefined;
  const blocked = new Set(plan.namnder.filter((n) => taken(`underlag/${year}/${n}.yaml`)));
  const next = planNextYear(plan, year, blocked);
  if (!next) throw new UsageError({ en: `the plan has no budget for ${year - 1} to start ${year} from`, sv: `planen har ingen budget för ${year - 1} att börja ${year} från` });
  const outcomes = skeletons(next).map((s) => writeNew(root, s));
  out(summary(next, outcomes, lang));
  return 0;
}
