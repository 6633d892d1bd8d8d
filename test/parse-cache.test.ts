// `--cache`: the output is byte-identical with and without it, a cache file is used when sound
// and ignored (then rewritten) when it is not, and it lives where the documentation says.
import { cpSync, existsSync, lstatSync, mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { serialize } from "node:v8";
import { createHmac } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { cacheFile, entryKey, ParseCache } from "../src/load/cache.js";
import { loadPlan, RunParses } from "../src/load/load-plan.js";
import type { FileValues } from "../src/load/parallel.js";
import { parseValues } from "../src/load/parse.js";
import { MAX_DEPTH } from "../src/load/yaml-values.js";
import { ROOT } from "./helpers/exec.js";
import { cleanupRepos, GitRepo, tempDir } from "./helpers/git-repo.js";
import { planInProcess } from "./helpers/in-process.js";

// The user's cache folder (and the key in it) in a folder of this test's own, never the real one.
const userCache = tempDir("rodtrad-cache-user-");
const xdgBefore = process.env.XDG_CACHE_HOME;
process.env.XDG_CACHE_HOME = userCache;
afterAll(() => {
  if (xdgBefore === undefined) delete process.env.XDG_CACHE_HOME;
  else process.env.XDG_CACHE_HOME = xdgBefore;
  cleanupRepos();
});

/** A copy of the example with errors in three files: a syntax error, an unknown key, an unknown reference; and odd values. */
function brokenPlan(): string {
  const dir = tempDir("rodtrad-cache-plan-");
  cpSync(path.join(ROOT, "examples/katrineholm"), dir, { recursive: true });
  const edit = (rel: string, f: (s: string) => string): void => writeFileSync(path.join(dir, rel), f(readFileSync(path.join(dir, rel), "utf8")));
  edit("budget/2012.yaml", (s) => s.replace("resultatmål: [ORT-R1]", "resultatmål: [ORT-R9]"));
  edit("verksamhetsplaner/BIF/2012.yaml", (s) => `${s}\nokänd: [\n`);
  edit("namnder/KS/2012.yaml", (s) => s.replace("typ: nämndplan", "typ: nämndplan\nbeslutt: x"));
  // Values JSON could not carry: NaN, infinities, minus zero, a key named __proto__.
  writeFileSync(path.join(dir, "udda.yaml"), "typ: okänd\na: .nan\nb: -.inf\nc: -0.0\n__proto__: { x: 1 }\n");
  return dir;
}

const validate = (dir: string, ...extra: string[]): ReturnType<typeof planInProcess> =>
  planInProcess(["validate", "-C", dir, "--format", "json", "--lang", "en", ...extra]);

describe("plan validate --cache", () => {
  it("prints byte for byte what it prints without the cache: cold, warm, and after a file changed", () => {
    const dir = brokenPlan();
    const where = path.join(tempDir("rodtrad-cache-"), "c.cache");
    const plain = validate(dir);
    expect(plain.status).toBe(1);
    const codes = new Set((JSON.parse(plain.stdout) as { diagnostics: { code: string }[] }).diagnostics.map((d) => d.code));
    expect([...codes]).toEqual(expect.arrayContaining(["unknown-key", "unknown-typ", "yaml-syntax"]));
    const cold = validate(dir, "--cache", "--cache-location", where);
    expect(existsSync(where)).toBe(true);
    const warm = validate(dir, "--cache", "--cache-location", where);
    for (const r of [cold, warm]) expect(r).toEqual(plain);
    for (const format of ["text", "sarif"]) {
      const args = ["validate", "-C", dir, "--format", format, "--lang", "sv"];
      expect(planInProcess([...args, "--cache", "--cache-location", where]).stdout).toBe(planInProcess(args).stdout);
    }
    writeFileSync(path.join(dir, "namnder/KS/2012.yaml"), readFileSync(path.join(dir, "namnder/KS/2012.yaml"), "utf8").replace("beslutt: x", "beslut2: x"));
    expect(validate(dir, "--cache", "--cache-location", where)).toEqual(validate(dir));
  });

  /** The plan loaded once filling a new cache file, then again from that file alone (every file an entry). */
  function throughCache(dir: string) {
    const file = path.join(tempDir("rodtrad-cache-"), "c.cache");
    const first = new ParseCache(file);
    const parsed = loadPlan(dir, { cache: first, parallel: false });
    first.save();
    const again = new ParseCache(file);
    expect(again.size).toBe(parsed.files.length);
    return { parsed, cached: loadPlan(dir, { cache: again, parallel: false }) };
  }

  it("gives the same values as parsing, NaN, infinities, minus zero and __proto__ included", () => {
    const { parsed, cached } = throughCache(brokenPlan());
    expect(cached.diagnostics).toEqual(parsed.diagnostics);
    expect(cached.docs.map((d) => d.value)).toEqual(parsed.docs.map((d) => d.value));
    const udda = cached.docs.find((d) => d.file === "udda.yaml")!.value as Record<string, unknown>;
    expect(Number.isNaN(udda.a)).toBe(true);
    expect(udda.b).toBe(-Infinity);
    expect(Object.is(udda.c, -0)).toBe(true);
    expect(Object.getPrototypeOf(udda)).toBe(Object.prototype);
    expect(Object.getOwnPropertyNames(udda)).toContain("__proto__");
  });

  it("keeps a document nested as deep as the parser allows", () => {
    const dir = brokenPlan();
    // The deepest list nesting the parser still accepts.
    const nested = (n: number): string => `typ: okänd\ndjup: ${"[".repeat(n)}1${"]".repeat(n)}\n`;
    let n = MAX_DEPTH + 2;
    while (parseValues("d.yaml", Buffer.from(nested(n))).diagnostics.some((d) => d.code === "yaml-too-deep")) n--;
    expect(n).toBeGreaterThan(MAX_DEPTH - 3);
    writeFileSync(path.join(dir, "djup.yaml"), nested(n));
    const { parsed, cached } = throughCache(dir);
    expect(cached.docs.find((d) => d.file === "djup.yaml")!.value).toEqual(parsed.docs.find((d) => d.file === "djup.yaml")!.value);
  });

  it("really uses a sound cache: an entry it holds stands in for parsing the file, unless the bytes changed or another user sealed it", () => {
    const dir = brokenPlan();
    const file = path.join(tempDir("rodtrad-cache-"), "c.cache");
    const rel = "kommunplan/2011-2014.yaml";
    /** Put a made-up finding in the entry of an unchanged, clean file, and save the cache soundly. */
    const plant = (): void => {
      const cache = new ParseCache(file);
      loadPlan(dir, { cache, parallel: false });
      const key = entryKey(rel, readFileSync(path.join(dir, rel)));
      const entry = cache.get(key)!;
      expect(entry.diagnostics).toEqual([]);
      cache.set(key, { ...entry, diagnostics: [{ code: "yaml-syntax", severity: "error", file: rel, line: 7, column: 3, args: { detail: "planted", more: 0 } }] });
      cache.save();
    };
    plant();
    expect(validate(dir, "--cache-location", file).stdout).toContain("planted");
    // The same file changed by one byte: its entry no longer applies, and the file is parsed.
    writeFileSync(path.join(dir, rel), `${readFileSync(path.join(dir, rel), "utf8")}\n`);
    expect(validate(dir, "--cache-location", file).stdout).not.toContain("planted");
    // Sealed with another user's key (a cache file committed to the plan's repository, say): not believed.
    plant();
    const other = tempDir("rodtrad-cache-user-");
    const foreign = planInProcess(["validate", "-C", dir, "--format", "json", "--lang", "en", "--cache-location", file], { XDG_CACHE_HOME: other });
    expect(foreign.stdout).not.toContain("planted");
    expect(foreign.stdout).toBe(validate(dir).stdout);
    const made = path.join(other, "rodtrad", "key");
    expect(statSync(made).size).toBe(32);
    expect(statSync(made).mode & 0o777).toBe(0o600);
    expect(readFileSync(made).equals(readFileSync(path.join(userCache, "rodtrad", "key")))).toBe(false);
  });

  it("keeps each document's schema findings with its value: a later run takes them from the cache, until the bytes change", () => {
    const dir = brokenPlan();
    const file = path.join(tempDir("rodtrad-cache-"), "c.cache");
    const rel = "namnder/KS/2012.yaml";
    const plain = validate(dir);
    expect(validate(dir, "--cache-location", file)).toEqual(plain);
    // Every document of a known kind now has its findings in the cache; KS's plan has its unknown key.
    const cache = new ParseCache(file);
    const entry = cache.get(entryKey(rel, readFileSync(path.join(dir, rel))))!;
    expect(entry.values[0]!.schema!.map((d) => d.code)).toEqual(["unknown-key"]);
    const checked = [...cache.values()].flatMap((e) => e.values).filter((v) => v.schema !== undefined).length;
    expect(checked).toBeGreaterThan(20);
    // A run that only reads them writes nothing new, and prints the same.
    const before = readFileSync(file);
    expect(validate(dir, "--cache-location", file)).toEqual(plain);
    expect(readFileSync(file).equals(before)).toBe(true);
    // A planted finding shows that they are read, not checked again; a changed byte ends that.
    entry.values[0]!.schema = [{ code: "unknown-key", severity: "error", file: rel, line: 2, column: 1, args: { key: "planterad" } }];
    cache.set(entryKey(rel, readFileSync(path.join(dir, rel))), entry);
    cache.save();
    expect(validate(dir, "--cache-location", file).stdout).toContain("planterad");
    writeFileSync(path.join(dir, rel), `${readFileSync(path.join(dir, rel), "utf8")}\n`);
    const changed = validate(dir, "--cache-location", file);
    expect(changed.stdout).not.toContain("planterad");
    expect(changed).toEqual(validate(dir));
  });

  it("ignores a truncated, corrupt, foreign, misshapen or other build's cache file and writes a sound one", () => {
    const dir = brokenPlan();
    const file = path.join(tempDir("rodtrad-cache-"), "c.cache");
    const plain = validate(dir);
    validate(dir, "--cache-location", file);
    const sound = readFileSync(file);
    const lines = sound.subarray(0, sound.indexOf(0x0a, sound.indexOf(0x0a) + 1) + 1);
    /** A file with this build's header, sealed with this user's key: only the shape check stands between it and use. */
    const userKey = readFileSync(path.join(userCache, "rodtrad", "key"));
    const wellSealed = (payload: Buffer): Buffer => Buffer.concat([lines, Buffer.from(`${createHmac("sha256", userKey).update(payload).digest("hex")}\n`), payload]);
    const rel = "kommunplan/2011-2014.yaml";
    const key = entryKey(rel, readFileSync(path.join(dir, rel)));
    // The payload: entries as one line of JSON, then those JSON cannot carry in V8's serialization.
    const asJson = (data: unknown): Buffer => Buffer.from(`${JSON.stringify(data)}\n`);
    const asV8 = (data: unknown): Buffer => Buffer.concat([asJson([]), serialize(data)]);
    const unknownCode = { code: "no-such-code", severity: "error", file: rel, line: 1, column: 1, args: {} };
    const bad: Record<string, Buffer> = {
      truncated: sound.subarray(0, Math.floor(sound.length / 2)),
      "one bit flipped": Buffer.from(sound.map((b, i) => (i === sound.length - 10 ? b ^ 1 : b))),
      foreign: Buffer.from('{"eslint": true}\n'),
      "other build": Buffer.from(sound.toString("latin1").replace(/\n[0-9a-f]{8}/u, "\n00000000"), "latin1"),
      "unknown code": wellSealed(asJson([[key, { name: rel, values: [], diagnostics: [unknownCode] }]])),
      "unknown code, in V8's part": wellSealed(asV8([[key, { name: rel, values: [], diagnostics: [unknownCode] }]])),
      "a Map for a value": wellSealed(asV8([[key, { name: rel, values: [{ index: 0, value: new Map([["typ", "kommunplan"]]) }], diagnostics: [] }]])),
      "a key for another file": wellSealed(asJson([[entryKey("budget/2012.yaml", Buffer.from("x")), { name: rel, values: [], diagnostics: [] }]])),
      "a key for another file, in V8's part": wellSealed(asV8([[entryKey("budget/2012.yaml", Buffer.from("x")), { name: rel, values: [], diagnostics: [] }]])),
      "not a list": wellSealed(asJson({ entries: 1 })),
      "not a list, in V8's part": wellSealed(asV8({ entries: 1 })),
      "no line break after the JSON": wellSealed(Buffer.from("[]")),
    };
    // The control: sealed the same way, the sound payload is believed.
    writeFileSync(file, wellSealed(sound.subarray(lines.length + 65)));
    expect(new ParseCache(file).size).toBeGreaterThan(20);
    for (const [what, bytes] of Object.entries(bad)) {
      writeFileSync(file, bytes);
      expect(new ParseCache(file).size, what).toBe(0);
      const r = validate(dir, "--cache-location", file);
      expect(r, what).toEqual(plain);
      expect(new ParseCache(file).size, what).toBeGreaterThan(20);
    }
    // A link where the cache file should be: not read, not followed; replaced by a cache file, its target kept.
    const target = path.join(tempDir("rodtrad-cache-"), "elsewhere");
    writeFileSync(target, sound);
    const link = path.join(tempDir("rodtrad-cache-"), "l.cache");
    symlinkSync(target, link);
    expect(validate(dir, "--cache-location", link)).toEqual(plain);
    expect(readFileSync(target).equals(sound)).toBe(true);
    expect(lstatSync(link).isFile()).toBe(true);
  });

  it("writes a change to the small delta file beside it, folds it into the main file once the changes pass a quarter of the plan, and reads either alone", () => {
    const dir = brokenPlan();
    const file = path.join(tempDir("rodtrad-cache-"), "c.cache");
    const delta = `${file}.delta`;
    const plain = (): string => validate(dir).stdout;
    expect(validate(dir, "--cache-location", file).stdout).toBe(plain());
    const main = readFileSync(file);
    expect(existsSync(delta)).toBe(false);
    const files = new ParseCache(file).size;
    // NaN and the like travel in V8's part of the payload, the rest as JSON.
    const payload = main.subarray(main.indexOf(0x0a, main.indexOf(0x0a) + 1) + 66);
    expect(payload.indexOf(0x0a)).toBeLessThan(payload.length - 1);
    // One file changed: the main file stays as it was, the delta holds the new entry.
    const rel = "namnder/KS/2012.yaml";
    const text = readFileSync(path.join(dir, rel), "utf8");
    writeFileSync(path.join(dir, rel), `${text}# ändrad\n`);
    expect(validate(dir, "--cache-location", file).stdout).toBe(plain());
    expect(readFileSync(file).equals(main)).toBe(true);
    expect(new ParseCache(file).size).toBe(files + 1);
    const sealedDelta = readFileSync(delta);
    expect(sealedDelta.length).toBeLessThan(main.length / 4);
    // Nothing new: nothing written.
    expect(validate(dir, "--cache-location", file).stdout).toBe(plain());
    expect(readFileSync(delta).equals(sealedDelta)).toBe(true);
    // The file back as it was: the main file's entry serves, and the delta, now unused, goes.
    writeFileSync(path.join(dir, rel), text);
    expect(validate(dir, "--cache-location", file).stdout).toBe(plain());
    expect(existsSync(delta)).toBe(false);
    // The delta alone, when the main file is not sound: its entries serve, and the main file is written anew.
    writeFileSync(path.join(dir, rel), `${text}# igen\n`);
    validate(dir, "--cache-location", file);
    writeFileSync(file, "trasig");
    expect(new ParseCache(file).size).toBe(1);
    expect(validate(dir, "--cache-location", file).stdout).toBe(plain());
    expect(existsSync(delta)).toBe(false);
    expect(new ParseCache(file).size).toBe(files);
    // A delta that is not sound is ignored whole: the main file's entries still serve.
    writeFileSync(delta, readFileSync(file).subarray(0, 200));
    expect(new ParseCache(file).size).toBe(files);
    expect(validate(dir, "--cache-location", file).stdout).toBe(plain());
    expect(existsSync(delta)).toBe(false);
    // A link where the delta should be, to a sound delta: not followed, and gone after the next save; its target kept.
    const target = path.join(tempDir("rodtrad-cache-"), "elsewhere.delta");
    writeFileSync(target, sealedDelta);
    symlinkSync(target, delta);
    expect(new ParseCache(file).size).toBe(files);
    writeFileSync(path.join(dir, rel), `${text}# länk\n`);
    expect(validate(dir, "--cache-location", file).stdout).toBe(plain());
    expect(lstatSync(delta).isFile()).toBe(true);
    expect(readFileSync(target).equals(sealedDelta)).toBe(true);
    writeFileSync(path.join(dir, rel), text);
    validate(dir, "--cache-location", file);
    // Past a quarter of the plan (at least 16 files) changed, the main file is written again and the delta goes.
    const all = new ParseCache(file);
    const changed = [...all.values()].map((e) => e.name).filter((n) => n !== "plan.yaml" && n !== "udda.yaml");
    const many = Math.max(17, Math.ceil(files / 4) + 1);
    expect(changed.length).toBeGreaterThanOrEqual(many);
    for (const n of changed.slice(0, many)) writeFileSync(path.join(dir, n), `${readFileSync(path.join(dir, n), "utf8")}# ändrad\n`);
    const before = readFileSync(file);
    expect(validate(dir, "--cache-location", file).stdout).toBe(plain());
    expect(readFileSync(file).equals(before)).toBe(false);
    expect(existsSync(delta)).toBe(false);
    expect(new ParseCache(file).size).toBe(files);
  });

  it("says so on stderr, in the plan's language, when the cache cannot be written, and keeps the output and status", () => {
    const dir = brokenPlan();
    const blocker = path.join(tempDir("rodtrad-cache-"), "a-file");
    writeFileSync(blocker, "");
    const r = planInProcess(["validate", "-C", dir, "--format", "json", "--cache-location", path.join(blocker, "c.cache")]);
    const plain = planInProcess(["validate", "-C", dir, "--format", "json"]);
    expect(r.stdout).toBe(plain.stdout);
    expect(r.status).toBe(plain.status);
    expect(r.stderr).toMatch(/^plan: obs: kan inte skriva cachen .*c\.cache: (ENOTDIR|EEXIST)\n$/u);
  });
});

describe("the commands that show the plan", () => {
  it("trace, stats, status, report and årshjul print with --cache what they print without it", () => {
    const dir = path.join(ROOT, "examples/katrineholm");
    const file = path.join(tempDir("rodtrad-cache-"), "v.cache");
    for (const args of [["trace", "BIF-AK01", "--år", "2012"], ["stats", "--år", "2012"], ["status", "--period", "2012-08"], ["report", "delår", "--år", "2012"], ["årshjul", "--år", "2012", "--idag", "2012-09-01"]]) {
      const plain = planInProcess([...args, "-C", dir, "--lang", "sv"]);
      expect(plain.status, `${args.join(" ")}: ${plain.stderr}`).toBe(0);
      for (let i = 0; i < 2; i++) expect(planInProcess([...args, "-C", dir, "--lang", "sv", "--cache-location", file]), args.join(" ")).toEqual(plain);
    }
    // The example parsed once, its cache then read by each command in turn.
    expect(new ParseCache(file).size).toBeGreaterThan(20);
  });
});

describe("threads", () => {
  // On dist, as in parallel.test.ts: the worker thread runs the built parse-worker.js.
  it("one thread or two, cold, warm or after a change: the same JSON as without the cache", async () => {
    const { checkPlan } = await import("../dist/check/index.js");
    const { formatJson } = await import("../dist/format/diagnostics.js");
    const dist = { load: await import("../dist/load/load-plan.js"), cache: await import("../dist/load/cache.js") };
    const dir = brokenPlan();
    const file = path.join(tempDir("rodtrad-cache-"), "t.cache");
    const json = (parallel: boolean, cached: boolean): string => {
      const cache = cached ? new dist.cache.ParseCache(file) : undefined;
      const loaded = dist.load.loadPlan(dir, { parallel, ...(cache ? { cache } : {}) });
      cache?.save();
      const { diagnostics } = checkPlan(loaded.docs, loaded.diagnostics);
      return formatJson(diagnostics, loaded.files.length, "en");
    };
    const expected = json(false, false);
    expect(JSON.parse(expected).summary.errors).toBeGreaterThan(2);
    for (const parallel of [true, false, true]) expect(json(parallel, true)).toBe(expected);
    const ks = path.join(dir, "namnder/KS/2012.yaml");
    writeFileSync(ks, `# ändrad\n${readFileSync(ks, "utf8").replace("beslutt: x", "beslutt2: x")}`);
    const changed = json(false, false);
    expect(changed).not.toBe(expected);
    expect(json(true, true)).toBe(changed);
    expect(json(true, true)).toBe(changed);
  });
});

describe("where the cache is", () => {
  it("under the plan's node_modules/.cache/rodtrad when that node_modules exists, else the user's cache folder, never in the plan", () => {
    const plan = tempDir("rodtrad-cache-root-");
    const home = tempDir("rodtrad-cache-home-");
    const user = cacheFile(plan, undefined, { XDG_CACHE_HOME: home });
    expect(path.dirname(user)).toBe(path.join(home, "rodtrad"));
    expect(path.basename(user)).toMatch(/^plan-[0-9a-f]{16}\.cache$/u);
    expect(cacheFile(path.join(plan, "."), undefined, { XDG_CACHE_HOME: home })).toBe(user);
    expect(cacheFile(tempDir("rodtrad-cache-root-"), undefined, { XDG_CACHE_HOME: home })).not.toBe(user);
    // A relative XDG_CACHE_HOME is not used (the XDG rule), so the cache never lands in the working folder.
    expect(cacheFile(plan, undefined, { XDG_CACHE_HOME: "rel" }).startsWith(plan)).toBe(false);
    mkdirSync(path.join(plan, "node_modules"));
    expect(path.dirname(cacheFile(plan, undefined, { XDG_CACHE_HOME: home }))).toBe(path.join(plan, "node_modules", ".cache", "rodtrad"));
  });

  it("at --cache-location: a file, or a folder when it is one or ends in a separator", () => {
    const plan = tempDir("rodtrad-cache-root-");
    const dir = tempDir("rodtrad-cache-");
    expect(cacheFile(plan, path.join(dir, "mine"))).toBe(path.join(dir, "mine"));
    expect(path.dirname(cacheFile(plan, dir))).toBe(dir);
    expect(path.dirname(cacheFile(plan, `${path.join(dir, "new")}/`))).toBe(path.join(dir, "new"));
  });
});

describe("plan diff --cache", () => {
  it("prints what it prints without the cache, and a later validate of the head reads the files it cached", () => {
    const repo = new GitRepo();
    const file = path.join(tempDir("rodtrad-cache-"), "d.cache");
    repo.write("extra.yaml", "typ: okänd\n");
    const args = ["diff", "HEAD", "-C", repo.root, "--format", "json", "--lang", "en"];
    const plain = planInProcess(args);
    expect(planInProcess([...args, "--cache-location", file])).toEqual(plain);
    expect(planInProcess([...args, "--cache-location", file])).toEqual(plain);
    const cache = new ParseCache(file);
    expect(cache.has(entryKey("extra.yaml", readFileSync(repo.path("extra.yaml"))))).toBe(true);
  });
});

describe("RunParses: what one run has parsed, for the next load of the same bytes (plan diff without --cache)", () => {
  const parsed = (name: string): FileValues => ({ name, values: [], diagnostics: [] });

  it("finds a file again by its path and its bytes, never by one of them alone", () => {
    const runs = new RunParses();
    const a = parsed("budget/2012.yaml");
    runs.store("budget/2012.yaml", Buffer.from("typ: budget\når: 2012\n"), a);
    // The same bytes in another buffer (a working tree's file against a revision's blob).
    expect(runs.lookup("budget/2012.yaml", Buffer.from("typ: budget\når: 2012\n"))).toBe(a);
    // One byte changed, one byte more, one byte fewer, the same bytes under another path.
    expect(runs.lookup("budget/2012.yaml", Buffer.from("typ: budget\når: 2013\n"))).toBeUndefined();
    expect(runs.lookup("budget/2012.yaml", Buffer.from("typ: budget\når: 2012\n\n"))).toBeUndefined();
    expect(runs.lookup("budget/2012.yaml", Buffer.from("typ: budget\når: 2012"))).toBeUndefined();
    expect(runs.lookup("budget/2013.yaml", Buffer.from("typ: budget\når: 2012\n"))).toBeUndefined();
    // Two versions of one path are both kept: a diff's base and head.
    const b = parsed("budget/2012.yaml");
    runs.store("budget/2012.yaml", Buffer.from("typ: budget\når: 2013\n"), b);
    expect(runs.lookup("budget/2012.yaml", Buffer.from("typ: budget\når: 2013\n"))).toBe(b);
    expect(runs.lookup("budget/2012.yaml", Buffer.from("typ: budget\når: 2012\n"))).toBe(a);
  });

  it("parses a file the two loads share once, and gives both loads what parsing it alone gives", () => {
    const dir = brokenPlan();
    const runs = new RunParses();
    const first = loadPlan(dir, { cache: runs, parallel: false });
    writeFileSync(path.join(dir, "budget/2012.yaml"), `${readFileSync(path.join(dir, "budget/2012.yaml"), "utf8")}\n# ändrad\n`);
    const second = loadPlan(dir, { cache: runs, parallel: false });
    const alone = loadPlan(dir, { parallel: false });
    expect(second.docs.map((d) => d.value)).toEqual(alone.docs.map((d) => d.value));
    expect(second.diagnostics).toEqual(alone.diagnostics);
    // Every unchanged file's values are the very objects of the first load; the changed one's are new.
    const byFile = (l: typeof first): Map<string, unknown> => new Map(l.docs.map((d) => [`${d.file}#${d.index}`, d.value]));
    const [before, after] = [byFile(first), byFile(second)];
    const same = [...after].filter(([k, v]) => before.get(k) === v).map(([k]) => k.split("#")[0]);
    const renewed = [...after].filter(([k, v]) => before.get(k) !== v).map(([k]) => k.split("#")[0]);
    expect(new Set(renewed)).toEqual(new Set(["budget/2012.yaml"]));
    expect(same.length).toBeGreaterThan(20);
  });
});
