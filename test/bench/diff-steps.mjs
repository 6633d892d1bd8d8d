#!/usr/bin/env node
// Where the time of `plan diff HEAD~1 HEAD` goes, step by step, against a validate of the same plan.
//
//   npm run build && node test/bench/diff-steps.mjs [--runs N]
//
// Builds the two-revision repository of the throughput benchmark in a temporary folder (see
// two-revisions.mjs), then N times (default 7), each in a fresh process, runs the steps of
// `plan diff HEAD~1 HEAD` as the command does them (from dist/, timed in the process), and, in
// another fresh process, the steps of `plan validate` on the same working tree. Prints the median
// of each step and what the diff adds to the validate. Always exits 0: it is a timing script.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const DIST = path.resolve(HERE, '..', '..', 'dist');
const dist = (rel) => import(pathToFileURL(path.join(DIST, rel)).href);

/** One run of the diff's steps (or the validate's, `--validate`) in this process, printed as JSON. */
async function child(repo, validate) {
  const t0 = performance.now();
  const steps = {};
  let last = t0;
  const lap = (name) => {
    const now = performance.now();
    steps[name] = now - last;
    last = now;
  };
  const { loadFrom, loadPlan, RunParses } = await dist('load/load-plan.js');
  const { checkPlan } = await dist('check/index.js');
  lap('import');
  if (validate) {
    const loaded = loadPlan(repo);
    lap('load');
    checkPlan(loaded.docs, loaded.diagnostics);
    lap('checks');
  } else {
    const { resolveAll, revisionSources } = await dist('load/git.js');
    const { comparePlans } = await dist('diff/compare.js');
    const { DIFF_FORMATTERS } = await dist('format/diff.js');
    lap('import');
    const r = resolveAll(repo, ['HEAD~1', 'HEAD']);
    lap('git rev-parse');
    const cache = new RunParses();
    const [baseSource, headSource] = revisionSources(r.top, r.commits[0], r.commits[1], '', new Map());
    lap('git listings');
    const baseLoaded = loadFrom(baseSource, repo, { cache });
    lap('base: load');
    const base = { root: repo, loaded: baseLoaded, ...checkPlan(baseLoaded.docs, baseLoaded.diagnostics) };
    lap('base: checks');
    const headLoaded = loadFrom(headSource, repo, { cache });
    lap('head: load');
    const head = { root: repo, loaded: headLoaded, ...checkPlan(headLoaded.docs, headLoaded.diagnostics) };
    lap('head: checks');
    const diff = comparePlans(base, head);
    lap('compare');
    DIFF_FORMATTERS.json({ base: 'HEAD~1', head: 'HEAD', diff, lang: 'sv' }, { color: false });
    lap('format');
  }
  steps.total = performance.now() - t0 - steps.import;
  delete steps.import;
  process.stdout.write(JSON.stringify(steps));
}

if (process.argv[2] === '--child') {
  await child(process.argv[3], process.argv[4] === '--validate');
} else {
  const argRuns = process.argv.indexOf('--runs');
  const runs = argRuns >= 0 ? Number(process.argv[argRuns + 1]) : 7;
  if (!Number.isInteger(runs) || runs < 1) {
    console.error('usage: node test/bench/diff-steps.mjs [--runs N]');
    process.exit(2);
  }
  if (!fs.existsSync(path.join(DIST, 'load', 'load-plan.js'))) {
    console.error('diff-steps: run npm run build first (the steps are timed on dist/)');
    process.exit(2);
  }
  const { twoRevisionRepo } = await import('./two-revisions.mjs');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rodtrad-diff-steps-'));
  process.on('exit', () => fs.rmSync(tmp, { recursive: true, force: true }));
  const repo = fs.realpathSync(twoRevisionRepo(path.join(tmp, 'repo')));
  const once = (validate) => {
    const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', repo, ...(validate ? ['--validate'] : [])], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(r.stderr);
    return JSON.parse(r.stdout);
  };
  once(false);
  once(true);
  const diffs = [];
  const validates = [];
  for (let i = 0; i < runs; i++) {
    diffs.push(once(false));
    validates.push(once(true));
  }
  const median = (xs) => {
    const s = [...xs].sort((a, b) => a - b);
    return s.length % 2 === 1 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  };
  const ms = (x) => `${x.toFixed(1)} ms`.padStart(10);
  console.log(`plan diff HEAD~1 HEAD, step by step, in one process (medians of ${runs} runs, node ${process.version})\n`);
  for (const step of Object.keys(diffs[0])) console.log(`${step.padEnd(16)}${ms(median(diffs.map((d) => d[step])))}`);
  console.log(`\nplan validate of the working tree\n`);
  for (const step of Object.keys(validates[0])) console.log(`${step.padEnd(16)}${ms(median(validates.map((d) => d[step])))}`);
  const extra = median(diffs.map((d) => d.total)) - median(validates.map((d) => d.total));
  console.log(`\nwhat the diff adds${ms(extra)} (${(median(diffs.map((d) => d.total)) / median(validates.map((d) => d.total))).toFixed(2)}× the validate's steps)`);
}
