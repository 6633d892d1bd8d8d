#!/usr/bin/env node
// Times `plan site` on the large generated corpus: pages written, wall time, output size.
// Issue 16's target: under 10 s and under 100 MB of output for a plan of 2,000 åtaganden.
//
//   node test/bench/site-bench.mjs [--runs N] [--dir DIR] [--scale F] [--seed N] [--cli PATH]
//
// Generates the corpus first if DIR has no plan.yaml, with generate.mjs and the given --scale
// and --seed (test/bench/corpus/ is git-ignored; DIR defaults to corpus/large at scale 1 and
// corpus/large-sF otherwise). Runs the built CLI (bin/plan.js loads dist/: run `npm run build`
// first; --cli names another plan.js) as a separate process N times (default 3) after one
// untimed warm-up, each writing a fresh folder, and prints the median and minimum wall time,
// the files written (pages and others), the size, the size per top folder, and the number of
// åtaganden of the site's year (from `plan status --format json`), and the time of one `plan
// validate` (loading and checking the plan, every command's floor) as a yardstick on a busy
// machine. Exits 0 unless the CLI fails.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..', '..');
const USAGE = 'usage: node test/bench/site-bench.mjs [--runs N] [--dir DIR] [--scale F] [--seed N] [--cli PATH]';
const TARGET_S = 10;
const TARGET_MB = 100;

function parseArgs(argv) {
  const o = { runs: 3, dir: null, scale: 1, seed: 1, cli: path.join(ROOT, 'bin', 'plan.js') };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = () => (i + 1 < argv.length ? argv[++i] : fail(`${a} needs a value`));
    if (a === '--runs') o.runs = Number(val());
    else if (a === '--dir' || a === '-C') o.dir = val();
    else if (a === '--scale') o.scale = Number(val());
    else if (a === '--seed') o.seed = Number(val());
    else if (a === '--cli') o.cli = path.resolve(val());
    else fail(`unknown argument ${a}`);
  }
  if (!Number.isInteger(o.runs) || o.runs < 1) fail('--runs must be a positive integer');
  o.dir = path.resolve(o.dir ?? path.join(HERE, 'corpus', o.scale === 1 ? 'large' : `large-s${o.scale}`));
  return o;
}

function fail(msg) {
  console.error(`site-bench: ${msg}\n${USAGE}`);
  process.exit(2);
}

function run(args) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 30 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) {
    console.error(`plan ${args.slice(1).join(' ')} failed (exit ${r.status}):\n${(r.stderr ?? '').split('\n').slice(0, 12).join('\n')}`);
    process.exit(1);
  }
  return { ms, stdout: r.stdout };
}

/** Every file below dir with its size: [relative path, bytes]. */
function sizes(dir, rel = '') {
  return fs.readdirSync(path.join(dir, rel), { withFileTypes: true }).flatMap((e) => {
    const r = rel === '' ? e.name : `${rel}/${e.name}`;
    return e.isDirectory() ? sizes(dir, r) : [[r, fs.statSync(path.join(dir, r)).size]];
  });
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const mb = (bytes) => (bytes / 1e6).toFixed(2);

function main() {
  const opt = parseArgs(process.argv.slice(2));
  const rel = path.relative(ROOT, opt.dir) || '.';
  if (!fs.existsSync(path.join(opt.dir, 'plan.yaml'))) {
    console.log(`No corpus in ${rel}; generating it (scale ${opt.scale}, seed ${opt.seed}) ...`);
    const g = spawnSync(process.execPath, [path.join(HERE, 'generate.mjs'), '--out', opt.dir, '--scale', String(opt.scale), '--seed', String(opt.seed)], { cwd: ROOT, stdio: 'inherit' });
    if (g.status !== 0) { console.error(`generate.mjs failed (exit ${g.status})`); process.exit(1); }
  }
  const status = JSON.parse(run([opt.cli, 'status', '-C', opt.dir, '--format', 'json']).stdout);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rodtrad-site-bench-'));
  const site = (i) => [opt.cli, 'site', '-C', opt.dir, '-o', path.join(tmp, `site-${i}`)];

  console.log(`Rödtråd site benchmark: plan site on ${rel}; node ${process.version}; ${os.availableParallelism()} cores, load average ${os.loadavg()[0].toFixed(1)}; ${opt.runs} timed run(s) after 1 warm-up`);
  run(site('warm'));
  const times = [];
  for (let i = 0; i < opt.runs; i++) times.push(run(site(i)).ms);
  const files = sizes(path.join(tmp, 'site-0'));
  // Loading and checking the plan, the floor of any command on it: the yardstick on a busy machine.
  const validateMs = run([opt.cli, 'validate', '-C', opt.dir, '--format', 'json']).ms;
  const loadAfter = os.loadavg()[0];
  fs.rmSync(tmp, { recursive: true, force: true });

  const pages = files.filter(([f]) => f.endsWith('.html'));
  const total = files.reduce((s, [, b]) => s + b, 0);
  const byFolder = new Map();
  for (const [f, b] of files) {
    const top = f.includes('/') ? `${f.split('/')[0]}/` : '(top level)';
    const e = byFolder.get(top) ?? { files: 0, bytes: 0 };
    byFolder.set(top, { files: e.files + 1, bytes: e.bytes + b });
  }
  const s = median(times) / 1000;
  const rows = [
    ['åtaganden in the site\'s year', `${status.åtaganden.length} (year ${status.year}, follow-up ${status.period})`, ''],
    ['pages written (.html)', String(pages.length), ''],
    ['other files', String(files.length - pages.length), ''],
    ['wall time, median', `${s.toFixed(2)} s (min ${(Math.min(...times) / 1000).toFixed(2)} s; runs ${times.map((t) => (t / 1000).toFixed(2)).join(', ')})`, `< ${TARGET_S} s: ${s < TARGET_S ? 'met' : 'NOT met'}`],
    ['plan validate, one run', `${(validateMs / 1000).toFixed(2)} s (site / validate ${(median(times) / validateMs).toFixed(2)}×)`, ''],
    ['output size', `${mb(total)} MB`, `< ${TARGET_MB} MB: ${total / 1e6 < TARGET_MB ? 'met' : 'NOT met'}`],
    ['largest page', pages.length ? `${mb(Math.max(...pages.map(([, b]) => b)))} MB (${pages.reduce((a, b) => (b[1] > a[1] ? b : a))[0]})` : '-', ''],
  ];
  console.log(`(load average ${loadAfter.toFixed(1)} at the end: on a busy machine compare with plan validate's time, not across machines)`);
  console.log('');
  console.log('| figure | value | target |');
  console.log('|---|---|---|');
  for (const r of rows) console.log(`| ${r.join(' | ')} |`);
  console.log('');
  console.log('| folder | files | MB |');
  console.log('|---|---:|---:|');
  for (const [folder, e] of [...byFolder].sort((a, b) => b[1].bytes - a[1].bytes)) console.log(`| ${folder} | ${e.files} | ${mb(e.bytes)} |`);
}

main();
