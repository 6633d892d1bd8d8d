#!/usr/bin/env node
// Times `plan diff` between two revisions of the large generated plan, next to `plan validate`
// on one of them.
//
//   node test/bench/diff-bench.mjs [--runs N]
//
// Generates test/bench/corpus/large and large-r2 when missing, builds a throw-away git
// repository in test/bench/corpus/diff-repo with revision 1 committed, then revision 2
// committed on top, and times as separate processes (median and min of N, default 3):
//   plan validate -C repo --format json
//   plan diff HEAD~1 HEAD -C repo --format json
//   plan diff HEAD~1 -C repo --format json   (head = the working tree)

import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { twoRevisionRepo } from './two-revisions.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..', '..');
const CORPUS = path.join(HERE, 'corpus');
const runs = Number(process.argv[process.argv.indexOf('--runs') + 1] || 3) || 3;

const repo = twoRevisionRepo(path.join(CORPUS, 'diff-repo'));

const time = (args) => {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/plan.js'), ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 30 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  return { ms, status: r.status, stdout: r.stdout, stderr: r.stderr };
};

const cases = [
  ['validate', ['validate', '-C', repo, '--format', 'json']],
  ['diff HEAD~1 HEAD', ['diff', 'HEAD~1', 'HEAD', '-C', repo, '--format', 'json']],
  ['diff HEAD~1 (worktree)', ['diff', 'HEAD~1', '-C', repo, '--format', 'json']],
];
const results = new Map(cases.map(([name]) => [name, []]));
let last = {};
for (let i = 0; i < runs; i++) {
  for (const [name, args] of cases) {
    const r = time(args);
    if (r.status !== 0) console.error(`${name}: exit ${r.status}\n${r.stderr.split('\n').slice(0, 5).join('\n')}`);
    results.get(name).push(r.ms);
    last[name] = r;
  }
}
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
console.log(`runs: ${runs}`);
for (const [name, ms] of results) console.log(`${name.padEnd(24)} median ${median(ms).toFixed(0).padStart(6)} ms   min ${Math.min(...ms).toFixed(0).padStart(6)} ms`);
const v = median(results.get('validate'));
console.log(`ratio diff/validate: ${(median(results.get('diff HEAD~1 HEAD')) / v).toFixed(2)}`);
try {
  const j = JSON.parse(last['diff HEAD~1 HEAD'].stdout);
  console.log(`diff summary: ${j.summary}`);
} catch {
  /* printed above */
}
