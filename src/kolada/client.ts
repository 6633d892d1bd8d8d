// Kolada's open REST API, version 3, as far as plan kolada needs it: the values of KPIs for
// municipalities and years, and the members of a municipality group. Every request has a
// timeout; 429 and 5xx are retried a bounded number of times with exponential backoff (a
// Retry-After is honoured, capped); pages are followed by `next_url` or `next_page`; an answer
// is read up to a size cap and checked value by value. A failure is a KoladaError with one line
// in each language, never a stack trace.
import { BilingualError } from "../diagnostics/bilingual.js";

/** How the client talks to the server. Tests shorten the waits; the command uses the defaults. */
export interface NetOptions {
  /** One request, the whole answer read, in milliseconds. */
  timeoutMs: number;
  /** Retries after a 429 or a 5xx (so at most retries + 1 attempts). */
  retries: number;
  /** The first backoff; doubled for each retry. */
  backoffMs: number;
  /** The longest wait before a retry, Retry-After included. */
  maxWaitMs: number;
  /** The largest answer read, in bytes. */
  maxBytes: number;
  /** The most pages followed for one request. */
  maxPages: number;
  /** Called before every HTTP request (progress, and the tests' count). */
  onRequest?: (url: URL) => void;
}

export const NET_DEFAULTS: NetOptions = {
  timeoutMs: 30_000,
  retries: 3,
  backoffMs: 1000,
  maxWaitMs: 30_000,
  maxBytes: 32 * 1024 * 1024,
  maxPages: 200,
};

/** The public API, version 3. */
export const DEFAULT_BASE = "https://api.kolada.se/v3";

/** At most this many KPI IDs, municipalities or years in one request (the API's limit). */
export const MAX_PER_REQUEST = 25;

export class KoladaError extends BilingualError {
  override name = "KoladaError";
  /** http and response failures are the server's answer to this request; the others are the connection's. */
  constructor(
    readonly kind: "timeout" | "network" | "http" | "response",
    texts: { en: string; sv: string },
  ) {
    super(texts);
  }
}

/** Values per KPI, municipality and year; null is "no value yet" (never zero). */
type KpiValues = Map<string, Map<number, number | null>>;

export interface FetchResult {
  /** Per KPI ID: its values per municipality. A KPI without a row in the answer has an empty map. */
  values: Map<string, KpiValues>;
  /** Per KPI ID that could not be fetched: why. */
  failed: Map<string, KoladaError>;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

const responseError = (en: string, sv: string): KoladaError => new KoladaError("response", { en, sv });

/** The wait a Retry-After header asks for, in milliseconds (seconds or an HTTP date), or undefined. */
function retryAfter(header: string | null, now: number): number | undefined {
  if (header === null) return undefined;
  const s = header.trim();
  if (/^\d+$/u.test(s)) return Number(s) * 1000;
  const date = Date.parse(s);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** The body of `res` as text, at most `max` bytes. */
async function readCapped(res: Response, max: number): Promise<string> {
  const reader = res.body?.getReader();
  if (!reader) return "";
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => undefined);
      const mb = Math.round(max / (1024 * 1024));
      throw responseError(`the answer is larger than ${mb} MB`, `svaret är större än ${mb} MB`);
    }
    chunks.push(value);
  }
  return new TextDecoder("utf-8").decode(Buffer.concat(chunks));
}

/** The reason of a failed fetch() call: a timeout, or the connection. */
function connectionError(e: unknown, url: URL, o: NetOptions): KoladaError {
  if (e instanceof KoladaError) return e;
  const name = (e as Error | undefined)?.name;
  if (name === "TimeoutError" || name === "AbortError") {
    const s = Math.round(o.timeoutMs / 100) / 10;
    return new KoladaError("timeout", { en: `no answer from ${url.host} within ${s} s`, sv: `inget svar från ${url.host} inom ${String(s).replace(".", ",")} s` });
  }
  const cause = (e as { cause?: { code?: string; message?: string } } | undefined)?.cause;
  const why = cause?.code ?? cause?.message ?? (e as Error | undefined)?.message ?? String(e);
  return new KoladaError("network", { en: `cannot reach ${url.host}: ${why}`, sv: `når inte ${url.host}: ${why}` });
}

/** GET `url` as JSON: retried on 429 and 5xx, with the timeout and the size cap. */
async function getJson(url: URL, o: NetOptions): Promise<unknown> {
  for (let attempt = 0; ; attempt++) {
    o.onRequest?.(url);
    const signal = AbortSignal.timeout(o.timeoutMs);
    let status: number;
    let statusText: string;
    let wait: number | undefined;
    try {
      const res = await fetch(url, { signal, headers: { accept: "application/json" }, redirect: "error" });
      status = res.status;
      statusText = res.statusText;
      if (res.ok) {
        const text = await readCapped(res, o.maxBytes);
        try {
          return JSON.parse(text) as unknown;
        } catch {
          throw responseError("the answer is not JSON", "svaret är inte JSON");
        }
      }
      wait = retryAfter(res.headers.get("retry-after"), Date.now());
      await res.body?.cancel().catch(() => undefined);
    } catch (e) {
      throw connectionError(e, url, o);
    }
    const retriable = status === 429 || status >= 500;
    if (!retriable || attempt >= o.retries) {
      const after = retriable && o.retries > 0 ? { en: ` (after ${o.retries} retries)`, sv: ` (efter ${o.retries} nya försök)` } : { en: "", sv: "" };
      const what = `${status}${statusText ? ` ${statusText.slice(0, 60)}` : ""}`;
      throw new KoladaError("http", { en: `the server answered ${what}${after.en}`, sv: `servern svarade ${what}${after.sv}` });
    }
    await sleep(Math.min(o.maxWaitMs, wait ?? o.backoffMs * 2 ** attempt));
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

/** The next page of an answer from `url`, or undefined at the last page. Only on the same server. */
function nextPage(body: Record<string, unknown>, url: URL): URL | undefined {
  const link = body.next_url ?? body.next_page;
  if (link === undefined || link === null || link === "") return undefined;
  let next: URL;
  if (typeof link === "number" && Number.isInteger(link) && link >= 0) {
    next = new URL(url);
    next.searchParams.set("page", String(link));
  } else if (typeof link === "string") {
    try {
      next = new URL(link, url);
    } catch {
      throw responseError(`the next-page link "${link.slice(0, 80)}" is not a URL`, `länken till nästa sida "${link.slice(0, 80)}" är ingen URL`);
    }
  } else {
    throw responseError("the next-page link is neither a URL nor a page number", "länken till nästa sida är varken en URL eller ett sidnummer");
  }
  if (next.origin !== url.origin) throw responseError(`the next-page link leads to another server (${next.host})`, `länken till nästa sida leder till en annan server (${next.host})`);
  return next;
}

/** Every page of the answer to `url`: the `values` lists, concatenated. */
async function allPages(url: URL, o: NetOptions): Promise<unknown[]> {
  const rows: unknown[] = [];
  const seen = new Set<string>();
  for (let next: URL | undefined = url; next !== undefined; ) {
    if (seen.has(next.href)) throw responseError("the next-page links go round in a circle", "länkarna till nästa sida går runt i en cirkel");
    if (seen.size >= o.maxPages) throw responseError(`the answer has more than ${o.maxPages} pages`, `svaret har fler än ${o.maxPages} sidor`);
    seen.add(next.href);
    const body = await getJson(next, o);
    if (!isObject(body) || !Array.isArray(body.values)) throw responseError('the answer has no list "values"', 'svaret har ingen lista "values"');
    for (const v of body.values as unknown[]) rows.push(v);
    next = nextPage(body, next);
  }
  return rows;
}

/** `x` in a message: what it is, in a few characters. */
const shown = (x: unknown): string => (typeof x === "string" ? `"${x.slice(0, 20)}"` : x === undefined ? "missing" : JSON.stringify(x)?.slice(0, 20) ?? String(x));

/** A data row's total (gender T) value: a finite number, or null for "no value yet". */
function totalOf(row: Record<string, unknown>, where: string): number | null {
  if (!Array.isArray(row.values)) throw responseError(`${where}: "values" is not a list`, `${where}: "values" är ingen lista`);
  let total: number | null = null;
  for (const v of row.values as unknown[]) {
    if (!isObject(v)) throw responseError(`${where}: a value is not an object`, `${where}: ett värde är inget objekt`);
    // The total is gender T; a value without a gender split is the total too.
    if (v.gender !== undefined && v.gender !== "T") continue;
    const x = v.value;
    if (x === null || x === undefined) continue;
    if (typeof x !== "number" || !Number.isFinite(x)) throw responseError(`${where}: the value ${shown(x)} is not a number`, `${where}: värdet ${shown(x)} är inget tal`);
    total = x;
  }
  return total;
}

/** The rows of a data answer, checked, into `into` (only the KPIs and municipalities asked for). */
function collect(rows: unknown[], into: Map<string, KpiValues>): void {
  for (const row of rows) {
    if (!isObject(row)) throw responseError("a row of the answer is not an object", "en rad i svaret är inget objekt");
    const { kpi, municipality, period } = row;
    if (typeof kpi !== "string" || typeof municipality !== "string") throw responseError(`a row has kpi ${shown(kpi)} and municipality ${shown(municipality)}`, `en rad har kpi ${shown(kpi)} och municipality ${shown(municipality)}`);
    const year = typeof period === "string" && /^\d{4}$/u.test(period) ? Number(period) : period;
    if (typeof year !== "number" || !Number.isInteger(year)) throw responseError(`${kpi}: the period ${shown(period)} is not a year`, `${kpi}: perioden ${shown(period)} är inget år`);
    const perKpi = into.get(kpi);
    const perMuni = perKpi?.get(municipality);
    if (!perMuni) continue;
    const value = totalOf(row, `${kpi} ${municipality} ${year}`);
    if (value !== null || !perMuni.has(year)) perMuni.set(year, value);
  }
}

const chunks = <T>(list: readonly T[], size: number): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
};

/** `base` with `path` after its own path (a base of https://host/v3 keeps /v3). */
function under(base: URL, path: string): URL {
  const url = new URL(base);
  url.pathname = `${url.pathname.replace(/\/+$/u, "")}/${path}`;
  url.search = "";
  return url;
}

/**
 * The values of `kpis` for `municipalities` and `years`. Requests hold at most 25 of each; a
 * batch of KPIs that fails for an answer of the server is asked again one KPI at a time, so
 * that one bad KPI fails alone. A timeout or a connection that fails fails the whole batch.
 */
export async function fetchValues(base: URL, kpis: readonly string[], municipalities: readonly string[], years: readonly number[], o: NetOptions): Promise<FetchResult> {
  const values = new Map<string, KpiValues>();
  const failed = new Map<string, KoladaError>();
  const fresh = (): KpiValues => new Map(municipalities.map((m) => [m, new Map<number, number | null>()]));
  const run = async (batch: string[]): Promise<void> => {
    const got = new Map(batch.map((k) => [k, fresh()]));
    try {
      for (const ms of chunks(municipalities, MAX_PER_REQUEST)) {
        for (const ys of chunks(years, MAX_PER_REQUEST)) {
          const url = under(base, `data/kpi/${batch.join(",")}/municipality/${ms.join(",")}/year/${ys.join(",")}`);
          collect(await allPages(url, o), got);
        }
      }
      for (const [k, v] of got) values.set(k, v);
    } catch (e) {
      const error = e instanceof KoladaError ? e : connectionError(e, base, o);
      if (batch.length > 1 && (error.kind === "http" || error.kind === "response")) {
        for (const k of batch) await run([k]);
      } else {
        for (const k of batch) failed.set(k, error);
      }
    }
  };
  for (const batch of chunks([...kpis], MAX_PER_REQUEST)) await run(batch);
  return { values, failed };
}

/**
 * The kommunkoder of a Kolada municipality group. Assumed: GET {base}/municipality_groups/{id}
 * answers `{"values": [{"id", "title", "members": [{"id", "title"}]}]}`.
 */
export async function fetchGroupMembers(base: URL, id: string, o: NetOptions): Promise<string[]> {
  const rows = await allPages(under(base, `municipality_groups/${encodeURIComponent(id)}`), o);
  const group = rows.find((r) => isObject(r) && r.id === id) ?? (rows.length === 1 ? rows[0] : undefined);
  if (!isObject(group) || !Array.isArray(group.members)) throw responseError(`the group ${id} has no list "members"`, `gruppen ${id} har ingen lista "members"`);
  const members = (group.members as unknown[]).map((m) => (isObject(m) ? m.id : undefined));
  if (members.some((m) => typeof m !== "string" || !/^\d{4}$/u.test(m))) throw responseError(`the group ${id} has a member that is not a kommunkod`, `gruppen ${id} har en medlem som inte är en kommunkod`);
  return [...new Set(members as string[])].sort();
}
