#!/usr/bin/env node
// Times `plan validate` on the large generated corpus against two parse-only baselines.
//
//   node test/bench/validate-bench.mjs [--runs N] [--dir DIR]
//
// Generates the corpus first if DIR has no plan.yaml. Then runs, as separate processes, N times
// each (interleaved a, b, c, a, b, c, ... after one untimed warm-up round), timing the wall clock
// of each whole process from here with process.hrtime:
//   (a) node test/bench/parse-baseline.mjs DIR            yaml parseAllDocuments, parse only
//   (b) node test/bench/parse-baseline.mjs DIR --js-yaml  js-yaml loadAll, the faster floor
//   (c) node bin/plan.js validate -C DIR --format json    the CLI
// Prints median and min per command and the ratios validate/yaml and validate/js-yaml.
// Always exits 0 (it is a timing script); if the CLI fails, its exit code and stderr are shown.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..', '..');

function parseArgs(argv) {
  const o = { runs: 5, dir: path.join(HERE, 'corpus', 'large') };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--runs') o.runs = Number(argv[++i]);
    else if (a === '--dir' || a === '-C') o.dir = argv[++i];
    else {
      console.error(`validate-bench: unknown argument ${a}\nusage: node test/bench/validate-bench.mjs [--runs N] [--dir DIR]`);
      process.exit(2);
    }
  }
  if (!Number.isInteger(o.runs) || o.runs < 1) { console.error('validate-bench: --runs must be a positive integer'); process.exit(2); }
  o.dir = path.resolve(o.dir);
  return o;
}

function corpusStats(dir) {
  let files = 0, bytes = 0;
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) { if (!e.name.startsWith('.') && e.name !== 'node_modules') walk(path.join(d, e.name)); }
      else if (e.isFile() && /\.ya?ml$/.test(e.name)) { files++; bytes += fs.statSync(path.join(d, e.name)).size; }
    }
  };
  walk(dir);
  return { files, bytes };
}

function run(args) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 30 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  return { ms, status: r.status, signal: r.signal, stdout: r.stdout ?? '', stderr: r.stderr ?? '', error: r.error };
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const head = (s, n = 12) => s.split('\n').slice(0, n).join('\n');
const fmt = (x) => (x == null ? 'n/a' : x.toFixed(0));

function main() {
  const opt = parseArgs(process.argv.slice(2));
  const rel = path.relative(ROOT, opt.dir) || '.';

  if (!fs.existsSync(path.join(opt.dir, 'plan.yaml'))) {
    console.log(`No corpus in ${rel}; generating it ...`);
    const g = spawnSync(process.execPath, [path.join(HERE, 'generate.mjs'), '--out', opt.dir], { cwd: ROOT, stdio: 'inherit' });
    if (g.status !== 0) { console.error(`generate.mjs failed (exit ${g.status})`); process.exit(1); }
  }
  const stats = corpusStats(opt.dir);

  const cmds = [
    { key: 'yaml', label: '(a) yaml parse-only', args: [path.join('test', 'bench', 'parse-baseline.mjs'), opt.dir], times: [], inproc: [] },
    { key: 'js', label: '(b) js-yaml parse-only (floor)', args: [path.join('test', 'bench', 'parse-baseline.mjs'), opt.dir, '--js-yaml'], times: [], inproc: [] },
    { key: 'val', label: '(c) plan validate --format json', args: [path.join('bin', 'plan.js'), 'validate', '-C', opt.dir, '--format', 'json'], times: [] },
  ];

  console.log(`Rödtråd validate benchmark: ${rel}, ${stats.files} files, ${(stats.bytes / 1e6).toFixed(2)} MB; ` +
    `node ${process.version}; ${opt.runs} timed run(s) each after 1 warm-up`);

  // Warm-up round: fills the file cache and tells us whether each command works at all.
  for (const c of cmds) {
    const r = run(c.args);
    c.last = r;
    if (c.key === 'val') {
      c.json = tryJson(r.stdout);
      c.ok = c.json !== undefined && !r.signal;
    } else {
      c.ok = r.status === 0;
    }
    if (!c.ok) {
      console.log(`\n${c.label} FAILED: exit code ${r.status}${r.signal ? `, signal ${r.signal}` : ''}${r.error ? `, ${r.error.message}` : ''}`);
      if (r.stderr.trim()) console.log('stderr (head):\n' + indent(head(r.stderr)));
      else if (r.stdout.trim()) console.log('stdout (head):\n' + indent(head(r.stdout)));
    }
  }

  for (let i = 0; i < opt.runs; i++) {
    for (const c of cmds) {
      if (!c.ok) continue;
      const r = run(c.args);
      c.times.push(r.ms);
      c.last = r;
      if (c.inproc) { const m = /([\d.]+) ms in-process/.exec(r.stdout); if (m) c.inproc.push(Number(m[1])); }
      if (c.key === 'val') c.json = tryJson(r.stdout) ?? c.json;
    }
  }

  const rows = cmds.map((c) => ({
    label: c.label, med: c.times.length ? median(c.times) : null, min: c.times.length ? Math.min(...c.times) : null,
    max: c.times.length ? Math.max(...c.times) : null, inproc: c.inproc?.length ? median(c.inproc) : null,
  }));
  const w = Math.max(...rows.map((r) => r.label.length));
  console.log('');
  console.log(`${'command'.padEnd(w)}  ${'median ms'.padStart(10)}  ${'min ms'.padStart(8)}  ${'max ms'.padStart(8)}  ${'in-process ms'.padStart(14)}`);
  for (const r of rows) {
    console.log(`${r.label.padEnd(w)}  ${fmt(r.med).padStart(10)}  ${fmt(r.min).padStart(8)}  ${fmt(r.max).padStart(8)}  ${(r.inproc == null ? '' : fmt(r.inproc)).padStart(14)}`);
  }
  const [a, b, c] = rows;
  const ratio = (x, y) => (x.med != null && y.med != null ? `${(x.med / y.med).toFixed(2)}x (median), ${(x.min / y.min).toFixed(2)}x (min)` : 'n/a');
  console.log('');
  console.log(`validate / yaml baseline:    ${ratio(c, a)}`);
  console.log(`validate / js-yaml floor:    ${ratio(c, b)}`);

  const v = cmds[2];
  if (v.ok) {
    const s = v.json?.summary;
    const count = (k) => (s && typeof s[k] === 'number' ? s[k] : 'n/a');
    let extra = '';
    if (!s) {
      const list = Array.isArray(v.json) ? v.json : Array.isArray(v.json?.diagnostics) ? v.json.diagnostics : null;
      extra = list ? ` (no summary in JSON; ${list.length} diagnostics listed)` : ' (no summary in JSON)';
    }
    console.log(`validate exit code: ${v.last.status}; summary.errors=${count('errors')}, summary.warnings=${count('warnings')}${extra}` +
      (s && (s.errors || s.warnings) ? '  <- the generated corpus is meant to be clean' : ''));
    if (v.last.status !== 0 && v.last.stderr.trim()) console.log('validate stderr (head):\n' + indent(head(v.last.stderr, 6)));
  } else {
    console.log(`validate: not timed (exit code ${v.last.status}; see above)`);
  }
  process.exit(0);
}

function tryJson(s) {
  const t = s.trim();
  if (!t) return undefined;
  try { return JSON.parse(t); } catch { return undefined; }
}
function indent(s) { return s.split('\n').map((l) => '  ' + l).join('\n'); }

main();
