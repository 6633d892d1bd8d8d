#!/usr/bin/env node
// Start-up cost: `plan --version`, `plan --help` and `plan validate` of the Katrineholm example
// (issue 14's target: at most 3× a bare node) against a bare `node -e ""`, as whole processes,
// interleaved (node, version, help, validate, node, …) after one untimed warm-up round so that
// a drifting machine moves them all alike. Prints median and min of each and the
// ratios of the medians. Run `npm run build` first (bin/plan.js loads dist/).
//
//   node test/bench/startup-bench.mjs [--runs N]
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const i = process.argv.indexOf("--runs");
const runs = i > 0 ? Number(process.argv[i + 1]) : 20;
if (!Number.isInteger(runs) || runs < 1) {
  console.error("usage: node test/bench/startup-bench.mjs [--runs N]");
  process.exit(2);
}

const cmds = [
  { label: 'node -e ""', args: ["-e", ""] },
  { label: "plan --version", args: ["bin/plan.js", "--version"] },
  { label: "plan --help", args: ["bin/plan.js", "--help"] },
  { label: "validate katrineholm", args: ["bin/plan.js", "validate", "-C", "examples/katrineholm", "--format", "json"] },
];

function time(args) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: "utf8" });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`${args.join(" ")} exited ${r.status}: ${r.stderr}`);
  return ms;
}

for (const c of cmds) time(c.args);
const times = cmds.map(() => []);
for (let r = 0; r < runs; r++) cmds.forEach((c, k) => times[k].push(time(c.args)));

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
console.log(`start-up, node ${process.version}, ${runs} interleaved runs each after one warm-up`);
const base = median(times[0]);
cmds.forEach((c, k) => {
  const med = median(times[k]);
  console.log(`${c.label.padEnd(20)} median ${med.toFixed(1).padStart(7)} ms  min ${Math.min(...times[k]).toFixed(1).padStart(7)} ms  ${(med / base).toFixed(2)}× node`);
});
