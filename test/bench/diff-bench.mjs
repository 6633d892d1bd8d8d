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
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..', '..');
const CORPUS = path.join(HERE, 'corpus');
const runs = Number(process.argv[process.argv.indexOf('--runs') + 1] || 3) || 3;

const sh = (cmd, args, cwd = ROOT) => {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', maxBuffer: 1 << 30 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
};

for (const rev of [1, 2]) {
  const dir = path.join(CORPUS, rev === 1 ? 'large' : 'large-r2');
  if (!fs.existsSync(path.join(dir, 'plan.yaml'))) sh(process.execPath, ['test/bench/generate.mjs', '--revision', String(rev)]);
}

const repo = path.join(CORPUS, 'diff-repo');
fs.rmSync(repo, { recursive: true, force: true });
fs.mkdirSync(repo, { recursive: true });
const git = (...args) => sh('git', ['-c', 'user.name=bench', '-c', 'user.email=bench@example.invalid', ...args], repo);
git('init', '-q');
const copy = (from) => {
  for (const e of fs.readdirSync(repo)) if (e !== '.git') fs.rmSync(path.join(repo, e), { recursive: true, force: true });
  fs.cpSync(from, repo, { recursive: true, filter: (src) => !src.endsWith('.bench-corpus.json') });
};
copy(path.join(CORPUS, 'large'));
git('add', '-A');
git('commit', '-qm', 'revision 1');
copy(path.join(CORPUS, 'large-r2'));
git('add', '-A');
git('commit', '-qm', 'revision 2');

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
