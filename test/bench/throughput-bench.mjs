#!/usr/bin/env node
// The throughput targets, each with its figure and the ratio to its yardstick, measured in one run.
//
//   node test/bench/throughput-bench.mjs [--runs N]
//
// Generates test/bench/corpus/large and large-r2 when missing, and in a temporary folder builds a
// git repository holding revision 1 and then revision 2 of the corpus (the working tree is
// revision 2), and copies of the JSON Schemas. Then, after one untimed warm-up round, runs every
// command below N times (default 5), interleaved, each as a separate process timed from here:
//
//   validate cold      plan validate -C REPO --format json
//   ajv-cli            ajv validate (schema only) over the corpus's verksamhetsplan files
//   validate --cache   the same validate with --cache, after one file of the working tree changed
//                      (an activity's name, new before every run)
//   diff               plan diff HEAD~1 HEAD -C REPO --format json
//   diff --cache       the same with --cache (warm: the revisions do not change between runs)
//   katrineholm        plan validate -C examples/katrineholm --format json
//   node               node -e ""
//
// and prints each target with its figure, its yardstick, the ratio of their medians and whether
// the target is met. Peak memory (maxRSS, worker thread included) comes from one more run of the
// cold validate with a hook that reports it at exit. Always exits 0: it is a timing script.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { twoRevisionRepo } from './two-revisions.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..', '..');
const PLAN = path.join(ROOT, 'bin', 'plan.js');
const AJV = path.join(ROOT, 'node_modules', 'ajv-cli', 'dist', 'index.js');

const argRuns = process.argv.indexOf('--runs');
const runs = argRuns >= 0 ? Number(process.argv[argRuns + 1]) : 5;
if (!Number.isInteger(runs) || runs < 1) {
  console.error('usage: node test/bench/throughput-bench.mjs [--runs N]');
  process.exit(2);
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rodtrad-throughput-'));
process.on('exit', () => fs.rmSync(tmp, { recursive: true, force: true }));

// The repository: revision 1, then revision 2 on top.
const repo = twoRevisionRepo(path.join(tmp, 'repo'));

// ajv-cli reads YAML with js-yaml 3's default schema, which turns a date into a Date object; in
// the schema copies a date may be a string (checked as before) or an object (such a Date), so
// that ajv checks every file through to the end instead of stopping at its first date.
const schemas = path.join(tmp, 'schemas');
fs.cpSync(path.join(ROOT, 'schemas'), schemas, { recursive: true });
const common = JSON.parse(fs.readFileSync(path.join(schemas, 'common.schema.json'), 'utf8'));
common.$defs.date.type = ['string', 'object'];
fs.writeFileSync(path.join(schemas, 'common.schema.json'), JSON.stringify(common));
const vpFiles = (dir) => fs.readdirSync(dir, { recursive: true }).filter((f) => f.endsWith('.yaml')).length;

// The file that changes before every run of validate --cache, as a controller edits it: the name
// of its first activity, numbered, so that each run gives it values no run before has seen and
// the cache never holds them already.
const changing = path.join(repo, 'verksamhetsplaner', 'F01', fs.readdirSync(path.join(repo, 'verksamhetsplaner', 'F01')).sort()[0], '2025.yaml');
const original = fs.readFileSync(changing, 'utf8');
const originalLines = original.split('\n');
const named = originalLines.findIndex((l) => /^\s+namn: /u.test(l));
if (named < 0) throw new Error(`no activity name in ${changing}`);
let flips = 0;
const changeOneFile = () => fs.writeFileSync(changing, originalLines.map((l, i) => (i === named ? `${l} (ändring ${++flips})` : l)).join('\n'));

const json = ['--format', 'json'];
const cases = [
  { key: 'cold', label: 'plan validate (city-sized, cold)', args: [PLAN, 'validate', '-C', repo, ...json] },
  { key: 'ajv', label: `ajv-cli, schema only (${vpFiles(path.join(repo, 'verksamhetsplaner'))} verksamhetsplaner)`, cwd: repo,
    args: [AJV, 'validate', '--spec=draft2020', '--strict=false', '-c', 'ajv-formats', '-s', path.join(schemas, 'verksamhetsplan.schema.json'), '-r', path.join(schemas, 'common.schema.json'), '-d', 'verksamhetsplaner/**/*.yaml'] },
  { key: 'cached', label: 'plan validate --cache, one file changed', before: changeOneFile,
    args: [PLAN, 'validate', '-C', repo, ...json, '--cache-location', path.join(tmp, 'cache-validate', '')] },
  { key: 'diff', label: 'plan diff HEAD~1 HEAD (cold)', args: [PLAN, 'diff', 'HEAD~1', 'HEAD', '-C', repo, ...json] },
  { key: 'diffCached', label: 'plan diff HEAD~1 HEAD --cache (warm)', args: [PLAN, 'diff', 'HEAD~1', 'HEAD', '-C', repo, ...json, '--cache-location', path.join(tmp, 'cache-diff', '')] },
  { key: 'kat', label: 'plan validate -C examples/katrineholm', args: [PLAN, 'validate', '-C', path.join(ROOT, 'examples', 'katrineholm'), ...json] },
  { key: 'node', label: 'node -e ""', args: ['-e', ''] },
];

// The user's cache folder (where the cache's key is kept) inside the temporary folder too.
const env = { ...process.env, XDG_CACHE_HOME: path.join(tmp, 'user-cache') };

function run(c, extra = []) {
  c.before?.();
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [...extra, ...c.args], { cwd: c.cwd ?? ROOT, env, encoding: 'utf8', maxBuffer: 1 << 30 });
  return { ms: Number(process.hrtime.bigint() - t0) / 1e6, status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

console.log(`Rödtråd throughput benchmark: node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${runs} timed run(s) each after 1 warm-up, interleaved`);
for (const c of cases) {
  c.times = [];
  const r = run(c);
  c.status = r.status;
  c.invalid = (`${r.stdout}${r.stderr}`.match(/ invalid$/gmu) ?? []).length;
  // ajv-cli exits 1 when a file is invalid; a plan command that fails is left untimed (n/a).
  c.ok = c.key === 'ajv' ? r.status !== null && r.status <= 1 : r.status === 0;
  if (!c.ok) console.log(`${c.label}: exit ${r.status}, left untimed\n${r.stderr.split('\n').slice(0, 4).join('\n')}`);
}
for (let i = 0; i < runs; i++) for (const c of cases) if (c.ok) c.times.push(run(c).ms);
const m = Object.fromEntries(cases.map((c) => [c.key, c.ok ? median(c.times) : NaN]));

// Peak memory and sameness: once more, outside the timings.
const hook = `data:text/javascript,process.on("exit",()=>process.stderr.write("maxrss "+process.resourceUsage().maxRSS+"\\n"))`;
const rss = (c) => Number(/maxrss (\d+)/u.exec(run(c, ['--import', hook]).stderr)?.[1] ?? NaN) / 1024;
const [cold, cached] = [cases[0], cases[2]];
const coldRss = rss(cold);
const cachedRss = cached.ok ? rss(cached) : NaN;
fs.writeFileSync(changing, original);
const same = cached.ok ? (run(cold).stdout === run(cached).stdout ? 'identical' : 'DIFFERENT') : 'n/a';

console.log('');
const w = Math.max(...cases.map((c) => c.label.length));
console.log(`${'command'.padEnd(w)}  ${'median ms'.padStart(9)}  ${'min ms'.padStart(7)}  ${'max ms'.padStart(7)}`);
const ms = (x) => (Number.isFinite(x) ? x.toFixed(0) : 'n/a');
for (const c of cases) console.log(`${c.label.padEnd(w)}  ${ms(m[c.key]).padStart(9)}  ${ms(Math.min(...c.times)).padStart(7)}  ${ms(Math.max(...c.times)).padStart(7)}`);

const targets = [
  ['validate, city-sized, cold / ajv-cli schema-only', m.cold, m.ajv, 1],
  ['validate katrineholm / bare node start', m.kat, m.node, 3],
  ['validate --cache, one file changed / cold', m.cached, m.cold, 0.3],
  ['diff of two revisions / validate cold', m.diff, m.cold, 1.5],
  ['diff --cache / validate cold', m.diffCached, m.cold, 1.5],
];
console.log('');
console.log('target                                              figure ms  yardstick ms   ratio  limit  met');
for (const [label, a, b, limit] of targets) {
  const ratio = a / b;
  const met = Number.isFinite(ratio) ? (ratio <= limit ? 'yes' : 'no') : 'n/a';
  console.log(`${label.padEnd(50)}  ${ms(a).padStart(9)}  ${ms(b).padStart(12)}  ${(Number.isFinite(ratio) ? ratio.toFixed(2) : 'n/a').padStart(6)}  ${`${limit}×`.padStart(5)}  ${met}`);
}
console.log(`${'peak RSS, validate city-sized, cold'.padEnd(50)}  ${`${coldRss.toFixed(0)} MB`.padStart(9)}  ${'400 MB'.padStart(12)}  ${(coldRss / 400).toFixed(2).padStart(6)}  ${'1×'.padStart(5)}  ${coldRss <= 400 ? 'yes' : 'no'}`);
console.log(`${'peak RSS, validate --cache'.padEnd(50)}  ${`${ms(cachedRss)} MB`.padStart(9)}`);
console.log('');
console.log(`validate output with and without --cache: ${same}; ajv-cli found ${cases[1].invalid} file(s) invalid (js-yaml does not normalise the corpus's NFD files, whose keys it then misses)`);
