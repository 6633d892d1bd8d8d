// plan kolada: which follow-ups to fill, what Kolada says for each nyckeltal, and what that
// changes in the files. Nothing here writes: the result is the new text of each file, the lines
// to print and the failures; src/cli/kolada.ts writes (atomically) or prints the diff.
import { BilingualError, type Bilingual } from "../diagnostics/bilingual.js";
import type { Lang } from "../diagnostics/index.js";
import { formatNumber } from "../format/status-words.js";
import { isData, items, num, str, type Data, type TypedDoc } from "../model/build.js";
import { isMonth } from "../model/month.js";
import type { Plan } from "../model/plan.js";
import { fetchGroupMembers, fetchValues, KoladaError, type FetchResult, type NetOptions } from "./client.js";
import { comparisonFile, comparisonPath, type ComparisonRow } from "./compare.js";
import { EditError, patchFollowUps, type Edit, type RowPatch } from "./edit.js";
import { KOLADA_ID, koladaTargets, type Target } from "./walk.js";

/** A choice on the command line or in plan.yaml that cannot be followed: exit 2. */
export class KoladaUsageError extends BilingualError {
  override name = "KoladaUsageError";
}

/** How many years before the follow-up's year a value may come from, when the year has none yet. */
const FALLBACK_YEARS = 4;

/** One follow-up document to fill. */
export interface Job {
  year: number;
  period: string;
  /** Relative to the plan root, with /. */
  file: string;
  /** The document's place in its file; undefined: the file is made (a helår follow-up of --historik). */
  index?: number;
  data?: Data;
}

interface FileChange {
  file: string;
  /** undefined: a new file. */
  before: string | undefined;
  after: string;
  /** The splices from `before` to `after`. */
  edits: Edit[];
}

export interface FillResult {
  changes: FileChange[];
  /** What each follow-up got, kept or could not get: stdout. */
  report: Bilingual[];
  /** One line per KPI (or comparison group) that failed: stderr, and exit 1. */
  failures: Bilingual[];
}

const b = (en: string, sv: string): Bilingual => ({ en, sv });

/** The follow-ups for the whole kommun (no organ), by period. */
function kommunFollowUps(plan: Plan): Map<string, TypedDoc> {
  const out = new Map<string, TypedDoc>();
  for (const t of plan.docs) {
    const period = str(t.data.period);
    if (t.kind !== "uppföljning" || t.data.organ !== undefined || period === undefined || !isMonth(period) || out.has(period)) continue;
    out.set(period, t);
  }
  return out;
}

const jobOf = (t: TypedDoc, period: string): Job => ({ year: Number(period.slice(0, 4)), period, file: t.doc.file, index: t.doc.index, data: t.data });

/** --historik FROM-TO (or one year) as the years it names. */
function historikYears(raw: string): number[] {
  const m = /^(\d{4})(?:-(\d{4}))?$/u.exec(raw);
  const from = m ? Number(m[1]) : NaN;
  const to = m ? Number(m[2] ?? m[1]) : NaN;
  if (!m || from > to || to - from > 50) {
    throw new KoladaUsageError({ en: `--historik must be years such as 2019-2023, not "${raw}"`, sv: `--historik ska vara år som 2019-2023, inte "${raw}"` });
  }
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/**
 * The follow-ups to fill: with --historik the helår follow-up of each of its years (made when
 * missing); else the kommun-wide follow-up of --period, or the newest of --år, or the newest.
 */
export function pickJobs(plan: Plan, o: { period?: string; år?: number; historik?: string }): Job[] {
  const byPeriod = kommunFollowUps(plan);
  if (o.historik !== undefined) {
    if (o.period !== undefined || o.år !== undefined) throw new KoladaUsageError({ en: "--historik names its own years: give no --period or --år with it", sv: "--historik anger sina egna år: ange inte --period eller --år med den" });
    return historikYears(o.historik).map((y) => {
      const period = `${y}-12`;
      const t = byPeriod.get(period);
      return t ? jobOf(t, period) : { year: y, period, file: `uppfoljning/${period}-helar.yaml` };
    });
  }
  const periods = [...byPeriod.keys()].sort();
  const list = periods.length > 0 ? periods.join(", ") : undefined;
  const known = { en: list ? `; periods with a follow-up for the whole kommun: ${list}` : "", sv: list ? `; perioder med uppföljning för hela kommunen: ${list}` : "" };
  if (o.period !== undefined) {
    if (!isMonth(o.period)) throw new KoladaUsageError({ en: `--period must be a month such as 2025-08, not "${o.period}"`, sv: `--period ska vara en månad som 2025-08, inte "${o.period}"` });
    if (o.år !== undefined && Number(o.period.slice(0, 4)) !== o.år) throw new KoladaUsageError({ en: `--period ${o.period} is not in --år ${o.år}`, sv: `--period ${o.period} ligger inte i --år ${o.år}` });
    const t = byPeriod.get(o.period);
    if (!t) throw new KoladaUsageError({ en: `no follow-up for the whole kommun for ${o.period}${known.en}`, sv: `ingen uppföljning för hela kommunen för ${o.period}${known.sv}` });
    return [jobOf(t, o.period)];
  }
  const candidates = o.år === undefined ? periods : periods.filter((p) => p.startsWith(`${o.år}-`));
  const newest = candidates[candidates.length - 1];
  if (newest === undefined) {
    const what = o.år === undefined ? { en: "", sv: "" } : { en: ` in ${o.år}`, sv: ` för ${o.år}` };
    throw new KoladaUsageError({ en: `no follow-up for the whole kommun${what.en} to fill (or use --historik)${known.en}`, sv: `ingen uppföljning för hela kommunen${what.sv} att fylla i (eller använd --historik)${known.sv}` });
  }
  return [jobOf(byPeriod.get(newest)!, newest)];
}

/** The comparison municipalities of plan.yaml's kolada.jämförelse: a list of kommunkoder, or a group ID. */
function comparisonOf(plan: Plan): { kommuner: string[] } | { grupp: string } {
  const k = plan.kommun?.data.kolada;
  const j = isData(k) ? k.jämförelse : undefined;
  if (typeof j === "string" && /^[A-Za-z0-9_-]{1,40}$/u.test(j)) return { grupp: j };
  if (Array.isArray(j) && j.every((x) => typeof x === "string" && /^\d{4}$/u.test(x))) return { kommuner: [...new Set(j as string[])].sort() };
  throw new KoladaUsageError(
    j === undefined
      ? { en: "--jämför needs kolada.jämförelse in plan.yaml: kommunkoder or a Kolada group ID", sv: "--jämför behöver kolada.jämförelse i plan.yaml: kommunkoder eller ett grupp-ID i Kolada" }
      : { en: 'kolada.jämförelse in plan.yaml must be a list of kommunkoder (["0480", "0482"]) or a Kolada group ID (G12345)', sv: 'kolada.jämförelse i plan.yaml ska vara en lista med kommunkoder (["0480", "0482"]) eller ett grupp-ID i Kolada (G12345)' },
  );
}

/** A value as the reports show it ("32,1"), with its year when that is not the follow-up's ("32,1 (2024)"). */
const valueAt = (v: number, y: number, own: number, lang: Lang): string => `${formatNumber(v, lang, 6)}${y === own ? "" : ` (${y})`}`;
const both = (f: (lang: Lang) => string): Bilingual => ({ en: f("en"), sv: f("sv") });

/** The newest year from `year` back FALLBACK_YEARS with a value, and the value. */
function newest(values: ReadonlyMap<number, number | null> | undefined, year: number): { år: number; value: number } | undefined {
  for (let y = year; y >= year - FALLBACK_YEARS; y--) {
    const v = values?.get(y);
    if (typeof v === "number") return { år: y, value: v };
  }
  return undefined;
}

/** The patch that writes `value` of year `år` into a row of a follow-up of `year` (år only when it is another year). */
const writePatch = (avser: string, value: number, år: number, year: number, row: Data | undefined): RowPatch => ({
  avser,
  set: [["utfall", value], ...(år !== year ? [["år", år] as const] : []), ["källa", "Kolada"]],
  remove: år === year && row?.år !== undefined ? ["år"] : [],
});

interface Decision {
  patch?: RowPatch;
  line?: Bilingual;
}

/** What to do with Kolada's `got` for the row `row` (undefined: none yet) of `t` in a follow-up of `year`. */
function decide(t: Target, row: Data | undefined, got: { år: number; value: number }, year: number, overwrite: boolean): Decision {
  const name = `${t.avser} (${t.kolada})`;
  const now = (lang: Lang): string => valueAt(got.value, got.år, year, lang);
  const has = row ? num(row.utfall) : undefined;
  if (has === undefined) {
    return { patch: writePatch(t.avser, got.value, got.år, year, row), line: both((l) => `  ${name}: utfall ${now(l)}${row ? "" : l === "sv" ? " (ny rad)" : " (new row)"}`) };
  }
  const hasYear = num(row!.år) ?? year;
  const was = (lang: Lang): string => valueAt(has, hasYear, year, lang);
  if (has === got.value && hasYear === got.år) return {};
  if (hasYear > got.år) {
    return { line: both((l) => (l === "sv" ? `  ${name}: behåller ${was(l)}, nyare än Koladas ${now(l)}` : `  ${name}: kept ${was(l)}, newer than Kolada's ${now(l)}`)) };
  }
  if ((hasYear < got.år && row!.källa === "Kolada") || overwrite) {
    return { patch: writePatch(t.avser, got.value, got.år, year, row), line: both((l) => `  ${name}: utfall ${was(l)} → ${now(l)}`) };
  }
  return {
    line: both((l) =>
      l === "sv"
        ? `  ${name}: behåller ${was(l)}; Kolada har ${now(l)} (--skriv-över ersätter)`
        : `  ${name}: kept ${was(l)}; Kolada has ${now(l)} (--skriv-över replaces it)`,
    ),
  };
}

/** The text of a helår follow-up made by --historik, before its rows. */
function newFollowUp(year: number, lang: Lang): string {
  const name = lang === "sv" ? `Årsredovisning ${year}` : `Annual report ${year}`;
  const note = lang === "sv" ? `# ${name} – skriven av plan kolada --historik med värden ur Kolada.` : `# ${name} – written by plan kolada --historik with values from Kolada.`;
  return `${note}\n\ntyp: uppföljning\nid: UF${year}-12\nnamn: ${name}\nperiod: ${year}-12\nrapport: helår\n`;
}

/** A row where it stands. */
interface Placed {
  row: Data;
  file: string;
  index: number;
}

/**
 * The nyckeltal rows of the follow-ups of `job`'s period by `avser`: the kommun-wide one's first.
 * A row may stand in another follow-up of the period (a nämnd's): it is changed there, since a
 * period follows up each entity once; a new row goes into the kommun-wide one.
 */
function periodRows(plan: Plan, job: Job): Map<string, Placed> {
  const rows = new Map<string, Placed>();
  const own = job.index === undefined ? [] : [{ file: job.file, index: job.index, data: job.data ?? {} }];
  const others = plan.docs
    .filter((t) => t.kind === "uppföljning" && t.data.period === job.period && !(t.doc.file === job.file && t.doc.index === job.index))
    .map((t) => ({ file: t.doc.file, index: t.doc.index, data: t.data }));
  for (const d of [...own, ...others]) {
    for (const r of items(d.data.nyckeltal)) {
      const avser = str(r.avser);
      if (avser !== undefined && !rows.has(avser)) rows.set(avser, { row: r, file: d.file, index: d.index });
    }
  }
  return rows;
}

/** The comparison rows of a year: per KPI, the year of the kommun's own value (else the newest any has), every municipality's value then. */
function comparisonRows(ids: readonly string[], fetched: FetchResult, kommunkod: string, kommuner: readonly string[], year: number): ComparisonRow[] {
  const out: ComparisonRow[] = [];
  for (const id of ids) {
    const values = fetched.values.get(id);
    if (!values) continue;
    const own = newest(values.get(kommunkod), year)?.år;
    const any = kommuner.map((k) => newest(values.get(k), year)?.år).filter((y): y is number => y !== undefined);
    const år = own ?? (any.length > 0 ? any.reduce((m, y) => Math.max(m, y)) : year);
    out.push({ kolada: id, år, kommuner: new Map(kommuner.map((k) => [k, values.get(k)?.get(år) ?? null])) });
  }
  return out;
}

export interface FillInput {
  plan: Plan;
  jobs: Job[];
  kommunkod: string;
  base: URL;
  overwrite: boolean;
  /** Fetch the comparison municipalities too (--jämför). */
  compare: boolean;
  /** YYYY-MM-DD: the fetch date of a comparison file that changed. */
  today: string;
  net: NetOptions;
  /** A file of the plan as text (relative path), undefined when missing. */
  read: (file: string) => string | undefined;
}

/** Fill the follow-ups of `input.jobs` from Kolada. */
export async function fill(input: FillInput): Promise<FillResult> {
  const { plan, jobs, kommunkod } = input;
  // The files speak the plan's language: Swedish unless plan.yaml says språk: en (not --lang, which is the output's).
  const lang: Lang = plan.kommun?.data.språk === "en" ? "en" : "sv";
  const report: Bilingual[] = [];
  const failures: Bilingual[] = [];
  const targets = new Map(jobs.map((j) => [j, koladaTargets(plan, j.year)]));
  const ids = [...new Set([...targets.values()].flat().map((t) => t.kolada))];
  for (const id of ids.filter((k) => !KOLADA_ID.test(k))) failures.push(b(`${id}: not a Kolada ID (a capital letter and five digits)`, `${id}: inget Kolada-ID (en versal och fem siffror)`));
  const kpis = ids.filter((k) => KOLADA_ID.test(k)).sort();

  let compared: { kommuner: string[]; grupp?: string } | undefined;
  const wanted = input.compare ? comparisonOf(plan) : undefined;
  if (wanted && "grupp" in wanted) {
    try {
      const members = await fetchGroupMembers(input.base, wanted.grupp, input.net);
      compared = { kommuner: members.filter((m) => m !== kommunkod), grupp: wanted.grupp };
    } catch (e) {
      if (!(e instanceof KoladaError)) throw e;
      failures.push(b(`${wanted.grupp}: ${e.texts.en}`, `${wanted.grupp}: ${e.texts.sv}`));
    }
  } else if (wanted) {
    compared = { kommuner: wanted.kommuner.filter((m) => m !== kommunkod) };
  }

  const years = [...new Set(jobs.flatMap((j) => Array.from({ length: FALLBACK_YEARS + 1 }, (_, i) => j.year - FALLBACK_YEARS + i)))].sort((x, y) => x - y);
  const municipalities = [kommunkod, ...(compared?.kommuner ?? [])];
  const fetched: FetchResult = kpis.length > 0 ? await fetchValues(input.base, kpis, municipalities, years, input.net) : { values: new Map(), failed: new Map() };
  for (const [id, e] of [...fetched.failed].sort(([x], [y]) => (x < y ? -1 : 1))) failures.push(b(`${id}: ${e.texts.en}`, `${id}: ${e.texts.sv}`));

  const changes: FileChange[] = [];
  /** Per file: the job that makes it (when missing), and the patches per document. */
  const perFile = new Map<string, { job: Job; patches: Map<number, RowPatch[]> }>();
  const planned = (file: string, index: number, job: Job): RowPatch[] => {
    let f = perFile.get(file);
    if (!f) perFile.set(file, (f = { job, patches: new Map() }));
    let list = f.patches.get(index);
    if (!list) f.patches.set(index, (list = []));
    return list;
  };
  const comparisons: FileChange[] = [];
  for (const job of jobs) {
    const list = targets.get(job)!;
    const header = b(`${job.file} (${job.period}):`, `${job.file} (${job.period}):`);
    if (list.length === 0) {
      report.push(b(`${job.file} (${job.period}): no nyckeltal of ${job.year} has a Kolada ID`, `${job.file} (${job.period}): inget nyckeltal för ${job.year} har ett Kolada-ID`));
      continue;
    }
    const rows = periodRows(plan, job);
    const lines: Bilingual[] = [];
    const none: string[] = [];
    for (const t of list) {
      const values = fetched.values.get(t.kolada);
      if (!values) continue;
      const got = newest(values.get(kommunkod), job.year);
      if (!got) {
        none.push(`${t.avser} (${t.kolada})`);
        continue;
      }
      const found = rows.get(t.avser);
      const d = decide(t, found?.row, got, job.year, input.overwrite);
      if (d.patch) planned(found?.file ?? job.file, found?.index ?? job.index ?? 0, job).push(d.patch);
      const elsewhere = found !== undefined && found.file !== job.file ? found.file : undefined;
      if (d.line) lines.push(elsewhere === undefined ? d.line : b(`${d.line.en} (in ${elsewhere})`, `${d.line.sv} (i ${elsewhere})`));
    }
    if (none.length > 0) lines.push(b(`  no value in Kolada for ${job.year - FALLBACK_YEARS}–${job.year}: ${none.join(", ")}`, `  inget värde i Kolada för ${job.year - FALLBACK_YEARS}–${job.year}: ${none.join(", ")}`));
    if (lines.length > 0) report.push(header, ...lines);
    if (compared) {
      const rowsOut = comparisonRows([...new Set(list.map((t) => t.kolada))], fetched, kommunkod, compared.kommuner, job.year);
      const file = comparisonPath(job.year);
      const before = input.read(file);
      const after = comparisonFile({ år: job.year, kommuner: compared.kommuner, ...(compared.grupp !== undefined ? { grupp: compared.grupp } : {}), rows: rowsOut }, before, input.today, lang);
      if (after !== before) comparisons.push({ file, before, after, edits: [{ start: 0, end: (before ?? "").length, text: after }] });
    }
  }
  for (const [file, { job, patches }] of perFile) {
    const before = input.read(file);
    const made = file === job.file && job.index === undefined;
    if (made && before !== undefined) {
      failures.push(b(`${file}: the file exists but holds no follow-up for the whole kommun for ${job.period}`, `${file}: filen finns men har ingen uppföljning för hela kommunen för ${job.period}`));
      continue;
    }
    if (!made && before === undefined) {
      failures.push(b(`${file}: cannot read the file`, `${file}: kan inte läsa filen`));
      continue;
    }
    try {
      const { edits, text } = patchFollowUps(before ?? newFollowUp(job.year, lang), patches);
      changes.push({ file, before, after: text, edits: before === undefined ? [{ start: 0, end: 0, text }] : edits });
    } catch (e) {
      if (!(e instanceof EditError)) throw e;
      failures.push(b(`${file}: cannot edit it in place (${e.in("en")}); nothing written to it`, `${file}: kan inte ändras på plats (${e.in("sv")}); inget skrivet i den`));
    }
  }
  return { changes: [...changes, ...comparisons], report, failures };
}
