// plan kolada: fill the follow-ups' utfall from Kolada (src/kolada does the work), then write
// the files atomically, or with --torrt print what would change as a diff and write nothing.
// Exit 0 when every KPI was fetched, 1 when some failed (the others are written), 2 for usage
// and I/O (no kommunkod, no follow-up for the period, a bad --url, a file that cannot be written).
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Bilingual } from "../diagnostics/bilingual.js";
import { isData, str } from "../model/build.js";
import type { Plan } from "../model/plan.js";
import { DEFAULT_BASE, NET_DEFAULTS, type NetOptions } from "../kolada/client.js";
import { unifiedDiff } from "../kolada/diff.js";
import { fill, KoladaUsageError, pickJobs } from "../kolada/fill.js";
import { err, out, UsageError } from "./io.js";
import { openPlan, parseYear, type CacheOptions } from "./open-plan.js";
import { writeInPlan } from "./write-file.js";

export interface KoladaOptions extends CacheOptions {
  dir?: string;
  lang?: string;
  period?: string;
  år?: string;
  historik?: string;
  torrt?: boolean;
  skrivÖver?: boolean;
  jämför?: boolean;
  url?: string;
}

/** What a test may set besides the options: the network's limits and the day of the fetch. */
export interface KoladaRunContext {
  net?: NetOptions;
  today?: string;
}

/** The API's base URL: --url, else plan.yaml's kolada.url, else the public API. */
function baseUrl(plan: Plan, flag: string | undefined): URL {
  const k = plan.kommun?.data.kolada;
  const fromPlan = isData(k) ? str(k.url) : undefined;
  const raw = flag ?? fromPlan ?? DEFAULT_BASE;
  const where = flag !== undefined ? "--url" : "kolada.url (plan.yaml)";
  let url: URL | undefined;
  try {
    url = new URL(raw);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== "http:" && url.protocol !== "https:") || url.username !== "" || url.password !== "") {
    throw new UsageError({ en: `${where} must be an http or https URL such as ${DEFAULT_BASE}, not "${raw}"`, sv: `${where} ska vara en http- eller https-URL som ${DEFAULT_BASE}, inte "${raw}"` });
  }
  return url;
}

function readText(root: string, rel: string): string | undefined {
  try {
    return readFileSync(path.join(root, ...rel.split("/")), "utf8");
  } catch {
    return undefined;
  }
}

export async function runKolada(o: KoladaOptions, ctx: KoladaRunContext = {}): Promise<number> {
  const { plan, root, lang } = openPlan(o.dir, o.lang, "cli", o);
  const say = (line: Bilingual): string => line[lang];
  const kommunkod = str(plan.kommun?.data.kommunkod);
  if (kommunkod === undefined || !/^\d{4}$/u.test(kommunkod)) {
    throw new UsageError({ en: 'plan.yaml has no kommunkod (four digits, e.g. kommunkod: "0483"): Kolada needs it', sv: 'plan.yaml har ingen kommunkod (fyra siffror, t.ex. kommunkod: "0483"): Kolada behöver den' });
  }
  const base = baseUrl(plan, o.url);
  let requests = 0;
  const tty = process.stderr.isTTY === true;
  const net: NetOptions = {
    ...(ctx.net ?? NET_DEFAULTS),
    onRequest: (url) => {
      requests++;
      ctx.net?.onRequest?.(url);
      if (tty) err(lang === "sv" ? `plan kolada: hämtar (fråga ${requests}) …` : `plan kolada: fetching (request ${requests}) …`);
    },
  };
  let result;
  try {
    const jobs = pickJobs(plan, { ...(o.period !== undefined ? { period: o.period } : {}), ...(o.år !== undefined ? { år: parseYear(o.år)! } : {}), ...(o.historik !== undefined ? { historik: o.historik } : {}) });
    result = await fill({
      plan,
      jobs,
      kommunkod,
      base,
      overwrite: o.skrivÖver === true,
      compare: o.jämför === true,
      today: ctx.today ?? new Date().toISOString().slice(0, 10),
      net,
      read: (rel) => readText(root, rel),
    });
  } catch (e) {
    if (e instanceof KoladaUsageError) throw new UsageError(e.texts);
    throw e;
  }
  const { changes, report, failures } = result;
  const lines: string[] = [];
  if (o.torrt) for (const c of changes) lines.push(unifiedDiff(c.file, c.before, c.edits).replace(/\n$/u, ""));
  for (const r of report) lines.push(say(r));
  if (changes.length === 0) {
    lines.push(lang === "sv" ? "Inget ändrat: inget nytt från Kolada att skriva." : "Nothing changed: nothing new from Kolada to write.");
  } else if (o.torrt) {
    lines.push(lang === "sv" ? `--torrt: skulle skriva ${changes.map((c) => c.file).join(", ")}; inget skrivet.` : `--torrt: would write ${changes.map((c) => c.file).join(", ")}; nothing written.`);
  } else {
    for (const c of changes) {
      writeInPlan(root, c.file, c.after);
      lines.push(`${lang === "sv" ? (c.before === undefined ? "skapade" : "skrev") : c.before === undefined ? "created" : "wrote"} ${c.file}`);
    }
  }
  out(`${lines.join("\n")}\n`);
  for (const f of failures) err(`plan kolada: ${say(f)}`);
  return failures.length > 0 ? 1 : 0;
}
