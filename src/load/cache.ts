// The parse cache of `--cache`: what parsing each plan file gave (values and diagnostics), kept
// on disk between runs, so that bytes already parsed are never parsed again. The cache is a
// hint, never a source of truth: a file that is missing, truncated, corrupt, written by another
// version or by anything else is ignored whole and written anew.
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { isCode } from "../diagnostics/index.js";
import { crypto, os, v8 } from "./builtins.js";
import { findGitRoot } from "./find-root.js";
import type { ParsedFiles } from "./load-plan.js";
import type { FileValues } from "./parallel.js";
import { readRegularFile } from "./read-file.js";
import { MAX_DEPTH } from "./yaml-values.js";

const MAGIC = "rodtrad-parse-cache 2\n";
/** A cache file holds at most what a plan of the largest allowed size parses into, with room to spare. */
const MAX_CACHE_BYTES = 1024 * 1024 * 1024;
const sha256 = (data: string | Uint8Array): string => crypto().createHash("sha256").update(data).digest("hex");

/** The hash of bytes already hashed in this run: two revisions in a diff share most of their blobs. */
const hashed = new WeakMap<Uint8Array, string>();

/** The key of one file's entry: its path (diagnostics name it) and a hash of its bytes. */
export function entryKey(name: string, bytes: Uint8Array): string {
  let hash = hashed.get(bytes);
  if (hash === undefined) hashed.set(bytes, (hash = sha256(bytes)));
  return `${name}\u0000${hash}`;
}

let stampMemo: string | undefined;

/**
 * What the cached results depend on besides the bytes: the tool's version, the code that parses,
 * checks against the schemas and words the findings (this folder, the checks with the compiled
 * schemas, and the diagnostics, hashed, so that a changed build never reads an older build's
 * results), and V8, whose serialization holds them.
 */
function toolStamp(): string {
  if (stampMemo) return stampMemo;
  const here = fileURLToPath(import.meta.url);
  const ext = path.extname(here);
  const hash = crypto().createHash("sha256");
  hash.update(readFileSync(new URL("../../package.json", import.meta.url)));
  hash.update(process.versions.v8);
  // The checks too: the schema's findings of each document are kept with its value.
  for (const dir of [path.dirname(here), ...["diagnostics", "check"].map((d) => path.join(path.dirname(here), "..", d))]) {
    for (const name of readdirSync(dir).filter((n) => n.endsWith(ext)).sort()) {
      hash.update(`\u0000${name}\u0000`);
      hash.update(readFileSync(path.join(dir, name)));
    }
  }
  return (stampMemo = hash.digest("hex"));
}

function isFolder(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** The user's cache folder for Rödtråd: $XDG_CACHE_HOME/rodtrad when that is absolute (the XDG rule), else ~/.cache/rodtrad. */
function userCacheDir(env: NodeJS.ProcessEnv): string {
  const xdg = env.XDG_CACHE_HOME;
  return path.join(xdg && path.isAbsolute(xdg) ? xdg : path.join(os().homedir(), ".cache"), "rodtrad");
}

/**
 * Where the cache of the plan at `root` is kept. `location` (--cache-location) is a file, or a
 * folder when it exists as one or ends in a separator. Otherwise node_modules/.cache/rodtrad of
 * the plan (or of the git work tree holding it) when that node_modules exists, else the user's
 * cache folder. One file per plan root.
 */
export function cacheFile(root: string, location: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  const name = `plan-${sha256(path.resolve(root)).slice(0, 16)}.cache`;
  if (location !== undefined) return /[\\/]$/u.test(location) || isFolder(location) ? path.resolve(location, name) : path.resolve(location);
  for (const base of [root, findGitRoot(root)]) {
    if (base !== undefined && isFolder(path.join(base, "node_modules"))) return path.join(base, "node_modules", ".cache", "rodtrad", name);
  }
  return path.join(userCacheDir(env), name);
}

/** Write `parts` to `file` whole or not at all: a new file (0600) under a random name beside it, renamed over it (a link there is replaced, not followed). */
function writeAtomic(file: string, parts: readonly Uint8Array[]): void {
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const tmp = `${file}.${crypto().randomBytes(8).toString("hex")}.tmp`;
  const fd = openSync(tmp, "wx", 0o600);
  let open = true;
  try {
    for (const part of parts) for (let at = 0; at < part.length; ) at += writeSync(fd, part, at);
    closeSync(fd);
    open = false;
    renameSync(tmp, file);
  } catch (e) {
    if (open) closeSync(fd);
    rmSync(tmp, { force: true });
    throw e;
  }
}

const KEY_BYTES = 32;
const keys = new Map<string, Buffer>();

/**
 * This user's secret key, kept in the user's cache folder (made on first use). A cache file is
 * sealed with it, so a cache file that came from anywhere else (committed to the plan's
 * repository under node_modules, say, to pass a broken file off as parsed) is never believed.
 * When the key cannot be kept, one for this run is used: the cache then never matches.
 */
function userKey(env: NodeJS.ProcessEnv): Buffer {
  const file = path.join(userCacheDir(env), "key");
  const known = keys.get(file);
  if (known) return known;
  const r = readRegularFile(file, KEY_BYTES);
  let key = r !== undefined && "bytes" in r && r.bytes.length === KEY_BYTES ? Buffer.from(r.bytes) : undefined;
  if (!key) {
    key = crypto().randomBytes(KEY_BYTES);
    try {
      writeAtomic(file, [key]);
    } catch {
      // Not kept: this run's key only.
    }
  }
  keys.set(file, key);
  return key;
}

const seal = (key: Buffer, payload: Uint8Array): string => crypto().createHmac("sha256", key).update(payload).digest("hex");

/** Plain data only: null, booleans, numbers, strings, arrays and plain objects, no deeper than a plan file can be. */
function isPlainData(v: unknown, depth = 0): boolean {
  if (v === null || typeof v === "string" || typeof v === "number" || typeof v === "boolean") return true;
  if (typeof v !== "object" || depth > MAX_DEPTH + 4) return false;
  // The depth bound keeps the recursion shallow; walking keys in place spares an array per object.
  const proto = Object.getPrototypeOf(v) as unknown;
  if (proto !== (Array.isArray(v) ? Array.prototype : Object.prototype)) return false;
  for (const k in v) if (Object.hasOwn(v, k) && !isPlainData((v as Record<string, unknown>)[k], depth + 1)) return false;
  return true;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const isCount = (v: unknown): boolean => Number.isSafeInteger(v) && (v as number) >= 0;

/** One entry as the cache file holds it, checked field by field before it is believed; `plain`: its values are known to be plain data (JSON gave them). */
function isEntry(key: unknown, e: unknown, plain: boolean): e is FileValues {
  if (typeof key !== "string" || !isRecord(e) || typeof e.name !== "string" || !key.startsWith(e.name)) return false;
  if (!/^\u0000[0-9a-f]{64}$/u.test(key.slice(e.name.length)) || !Array.isArray(e.values) || !Array.isArray(e.diagnostics)) return false;
  const diagnosticOk = (d: unknown): boolean =>
    isRecord(d) && typeof d.code === "string" && isCode(d.code) && (d.severity === "error" || d.severity === "warning") && d.file === e.name && isCount(d.line) && isCount(d.column) && isRecord(d.args);
  const schemaOk = (v: Record<string, unknown>): boolean => !("schema" in v) || (Array.isArray(v.schema) && v.schema.every(diagnosticOk));
  if (!e.values.every((v) => isRecord(v) && isCount(v.index) && "value" in v && schemaOk(v))) return false;
  return e.diagnostics.every(diagnosticOk) && (plain || (isPlainData(e.values) && isPlainData(e.diagnostics)));
}

/**
 * Whether JSON gives `v` back as it is: no NaN, infinity, minus zero or undefined anywhere
 * (a value from `.nan`, `.inf` or `-0.0`). Such an entry is kept in V8's serialization instead.
 */
function jsonSafe(v: unknown): boolean {
  if (typeof v === "number") return Number.isFinite(v) && !Object.is(v, -0);
  if (v === undefined) return false;
  if (v === null || typeof v !== "object") return true;
  for (const k in v) if (Object.hasOwn(v, k) && !jsonSafe((v as Record<string, unknown>)[k])) return false;
  return true;
}

type Pair = [key: string, entry: FileValues];

/**
 * The payload of a cache file: the entries JSON can carry as one JSON array on one line (JSON
 * is read about twice as fast as V8's serialization), a line break, then the rest in V8's
 * serialization (usually none).
 */
function encode(pairs: readonly Pair[]): Buffer {
  const json: Pair[] = [];
  const other: Pair[] = [];
  for (const pair of pairs) (jsonSafe(pair[1]) ? json : other).push(pair);
  return Buffer.concat([Buffer.from(`${JSON.stringify(json)}\n`, "utf8"), other.length > 0 ? v8().serialize(other) : Buffer.alloc(0)]);
}

/** The entries of a payload, or undefined when it is not one this build wrote. */
function decode(payload: Buffer): Map<string, FileValues> | undefined {
  const nl = payload.indexOf(0x0a);
  if (nl < 0) return undefined;
  let json: unknown;
  let other: unknown = [];
  try {
    json = JSON.parse(payload.toString("utf8", 0, nl));
    if (nl + 1 < payload.length) other = v8().deserialize(payload.subarray(nl + 1));
  } catch {
    return undefined;
  }
  if (!Array.isArray(json) || !Array.isArray(other)) return undefined;
  const entries = new Map<string, FileValues>();
  for (const [list, plain] of [[json, true], [other, false]] as const) {
    for (const pair of list as unknown[]) {
      if (!Array.isArray(pair) || pair.length !== 2 || !isEntry(pair[0], pair[1], plain)) return undefined;
      entries.set(pair[0] as string, pair[1]);
    }
  }
  return entries;
}

/** The entries of a cache file, or none when it is not a whole, sound cache of this build (`unsound` then, unless there is no file). */
function readEntries(file: string, key: Buffer): Map<string, FileValues> & { unsound?: true } {
  const none: Map<string, FileValues> & { unsound?: true } = Object.assign(new Map<string, FileValues>(), { unsound: true as const });
  const r = readRegularFile(file, MAX_CACHE_BYTES);
  if (r === undefined) return new Map();
  if ("refused" in r) return none;
  const bytes = Buffer.from(r.bytes.buffer, r.bytes.byteOffset, r.bytes.length);
  // The magic line, this build's stamp, the payload's HMAC-SHA-256 with the user's key, then the payload.
  const prefix = `${MAGIC}${toolStamp()}\n`;
  const head = prefix.length + 65;
  if (bytes.length < head || bytes.toString("latin1", 0, prefix.length) !== prefix || bytes[head - 1] !== 0x0a) return none;
  const payload = bytes.subarray(head);
  if (seal(key, payload) !== bytes.toString("latin1", prefix.length, head - 1)) return none;
  return decode(payload) ?? none;
}

/** Write `pairs` to `file` as a sealed cache file of this build. */
function writeEntries(file: string, key: Buffer, pairs: readonly Pair[]): void {
  const payload = encode(pairs);
  writeAtomic(file, [Buffer.from(`${MAGIC}${toolStamp()}\n${seal(key, payload)}\n`, "latin1"), payload]);
}

function checkedDocuments(e: FileValues): number {
  let n = 0;
  for (const v of e.values) if (v.schema) n++;
  return n;
}

const byKey = ([a]: Pair, [b]: Pair): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Parsed files by path and content hash, read from a cache file, that notes which entries a load
 * used. The cache is two files: the main file and, beside it, `<file>.delta`, which holds what
 * later runs added. A run that parsed a file anew writes only the small delta file; the main file
 * is written again (with the entries used, the delta folded in) when the delta or the entries no
 * longer used (files since changed or removed) grow past a quarter of the plan.
 */
export class ParseCache extends Map<string, FileValues> implements ParsedFiles {
  private readonly used = new Set<string>();
  /** The entries set by this run (parsed anew). */
  private readonly added = new Set<string>();
  private readonly key: Buffer;
  readonly delta: string;
  /** The keys each file held when read. */
  private readonly inMain: ReadonlySet<string>;
  private readonly inDelta: ReadonlySet<string>;
  /** A delta file was there but not sound: it goes at the next save, whatever else there is to write. */
  private readonly deltaUnsound: boolean;
  /** How many documents of each entry had their schema's findings when read: the checks may add some. */
  private readonly checkedAtRead = new Map<string, number>();

  constructor(
    readonly file: string,
    env: NodeJS.ProcessEnv = process.env,
  ) {
    const key = userKey(env);
    const main = readEntries(file, key);
    const delta = readEntries(`${file}.delta`, key);
    super([...main, ...delta]);
    this.key = key;
    this.delta = `${file}.delta`;
    this.inMain = new Set(main.keys());
    this.inDelta = new Set(delta.keys());
    this.deltaUnsound = delta.unsound === true;
    for (const [k, e] of this) this.checkedAtRead.set(k, checkedDocuments(e));
  }

  lookup(name: string, bytes: Uint8Array): FileValues | undefined {
    return this.get(entryKey(name, bytes));
  }

  store(name: string, bytes: Uint8Array, parsed: FileValues): void {
    this.set(entryKey(name, bytes), parsed);
  }

  override get(key: string): FileValues | undefined {
    this.used.add(key);
    return super.get(key);
  }

  override set(key: string, value: FileValues): this {
    // Map's constructor sets the entries read, before the fields exist: those are neither used nor new.
    if (this.used) {
      this.used.add(key);
      this.added.add(key);
    }
    return super.set(key, value);
  }

  /** Write what changed, atomically (a temporary file beside it, renamed over it); nothing when the files hold it already. */
  save(): void {
    // New entries, and entries read whose documents the checks have since given schema findings.
    const fresh = [...this.used].filter((k) => this.added.has(k) || checkedDocuments(super.get(k)!) !== this.checkedAtRead.get(k));
    const unusedMain = [...this.inMain].filter((k) => !this.used.has(k)).length;
    const staleDelta = this.deltaUnsound || [...this.inDelta].some((k) => !this.used.has(k));
    if (fresh.length === 0 && unusedMain === 0 && !staleDelta) return;
    const pairs = (keys: Iterable<string>): Pair[] => [...keys].map((k): Pair => [k, super.get(k)!]).sort(byKey);
    const deltaKeys = new Set([...this.inDelta].filter((k) => this.used.has(k)).concat(fresh));
    const limit = Math.max(16, this.used.size / 4);
    if (this.inMain.size === 0 || unusedMain > limit || deltaKeys.size > limit) {
      writeEntries(this.file, this.key, pairs(this.used));
      rmSync(this.delta, { force: true });
    } else if (deltaKeys.size === 0) {
      rmSync(this.delta, { force: true });
    } else if (fresh.length > 0 || staleDelta) {
      writeEntries(this.delta, this.key, pairs(deltaKeys));
    }
  }
}
