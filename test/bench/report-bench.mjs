#!/usr/bin/env node
// Times `plan report delår --format html` on the large generated corpus.
//
//   node test/bench/report-bench.mjs [--runs N] [--dir DIR]
//
// Generates the corpus first if DIR has no plan.yaml (test/bench/corpus/ is git-ignored).
// Runs the built CLI (bin/plan.js loads dist/: run `npm run build` first) as a separate
// process N times (default 3) after one untimed warm-up, timing each whole process, and
// prints the median and the minimum, plus `plan validate` once for comparison (loading and
// checking the plan is the larger part of a report). The report is written with -o to a
// temp file so that the pipe is not timed. Always exits 0 unless the CLI fails.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..', '..');

function parseArgs(argv) {
  const o = { runs: 3, dir: path.join(HERE, 'corpus', 'large') };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--runs') o.runs = Number(argv[++i]);
    else if (a === '--dir' || a === '-C') o.dir = argv[++i];
    else {
      console.error(`report-bench: unknown argument ${a}\nusage: node test/bench/report-bench.mjs [--runs N] [--dir DIR]`);
      process.exit(2);
    }
  }
  if (!Number.isInteger(o.runs) || o.runs < 1) { console.error('report-bench: --runs must be a positive integer'); process.exit(2); }
  o.dir = path.resolve(o.dir);
  return o;
}

function run(args) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 30 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) {
    console.error(`plan ${args.slice(1).join(' ')} failed (exit ${r.status}):\n${(r.stderr ?? '').split('\n').slice(0, 12).join('\n')}`);
    process.exit(1);
  }
  return ms;
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };

function main() {
  const opt = parseArgs(process.argv.slice(2));
  const rel = path.relative(ROOT, opt.dir) || '.';
  if (!fs.existsSync(path.join(opt.dir, 'plan.yaml'))) {
    console.log(`No corpus in ${rel}; generating it ...`);
    const g = spawnSync(process.execPath, [path.join(HERE, 'generate.mjs'), '--out', opt.dir], { cwd: ROOT, stdio: 'inherit' });
    if (g.status !== 0) { console.error(`generate.mjs failed (exit ${g.status})`); process.exit(1); }
  }
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rodtrad-bench-')), 'delar.html');
  const report = [path.join('bin', 'plan.js'), 'report', 'delår', '--format', 'html', '-C', opt.dir, '-o', out];
  const validate = [path.join('bin', 'plan.js'), 'validate', '-C', opt.dir, '--format', 'json'];

  console.log(`Rödtråd report benchmark: plan report delår --format html on ${rel}; node ${process.version}; ${opt.runs} timed run(s) after 1 warm-up`);
  run(report);
  const times = [];
  for (let i = 0; i < opt.runs; i++) times.push(run(report));
  const size = fs.statSync(out).size;
  const validateMs = run(validate);
  fs.rmSync(path.dirname(out), { recursive: true, force: true });

  console.log(`  plan report delår --format html   median ${median(times).toFixed(0)} ms   min ${Math.min(...times).toFixed(0)} ms   runs ${times.map((t) => t.toFixed(0)).join(', ')}`);
  console.log(`  output                            ${(size / 1e6).toFixed(2)} MB of HTML`);
  console.log(`  plan validate (one run)           ${validateMs.toFixed(0)} ms: loading and checking, the report's floor`);
}

main();
