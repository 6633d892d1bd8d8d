#!/usr/bin/env node
// How fast can `plan validate --cache` after one changed file be, at the very least, on the
// city-sized plan? Issue 14 asks for 0.3× the cold run. Whatever the cache holds, such a run
// still starts node and the command, lists the plan's files and reads and hashes every one of
// them (the cache is keyed by each file's content hash), before it checks anything. This script
// times those parts as whole processes, interleaved, and prints their sum beside the target:
//
//   fixed      plan validate -C examples/minimal   (start, bundle, validators, a 6-file plan)
//   node       node -e ""
//   list+hash  node test/bench/cache-floor.mjs --read DIR   (the plan's own listing and reading,
//              and a SHA-256 of each file, as the cache hashes it; nothing else)
//   list+stat  node test/bench/cache-floor.mjs --stat DIR   (the listing and an lstat of each file:
//              what a cache keyed by size and modification time, as ESLint's default, would do)
//   cold       plan validate -C DIR                (the yardstick)
//   cached     plan validate -C DIR --cache        (nothing changed: the cache as it is today)
//
// floor = fixed + (list+hash - node): the least a content-keyed cached run can take before its
// first check, were every check across files free; and the same with list+stat. Run
// `npm run build` first.
//
//   node test/bench/cache-floor.mjs [--runs N] [--dir DIR]
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, "..", "..");
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
};

if (process.argv[2] === "--read" || process.argv[2] === "--stat") {
  // The child: list, then read and hash each file (or only ask its size and time), with the
  // project's own code for listing and reading.
  const { listPlanFiles } = await import(path.join(ROOT, "dist", "load", "list-files.js"));
  const { readRegularFile, MAX_PLAN_FILE_BYTES } = await import(path.join(ROOT, "dist", "load", "read-file.js"));
  const dir = path.resolve(process.argv[3]);
  let bytes = 0;
  for (const rel of listPlanFiles(dir).files) {
    if (process.argv[2] === "--stat") {
      bytes += fs.lstatSync(path.join(dir, rel)).size;
      continue;
    }
    const r = readRegularFile(path.join(dir, rel), MAX_PLAN_FILE_BYTES, { listed: true });
    createHash("sha256").update(r.bytes).digest("hex");
    bytes += r.bytes.length;
  }
  process.stdout.write(`${bytes}\n`);
  process.exit(0);
}

const runs = Number(arg("--runs", "9"));
const dir = path.resolve(arg("--dir", path.join(HERE, "corpus", "large")));
if (!Number.isInteger(runs) || runs < 1) {
  console.error("usage: node test/bench/cache-floor.mjs [--runs N] [--dir DIR]");
  process.exit(2);
}
if (!fs.existsSync(path.join(dir, "plan.yaml"))) spawnSync(process.execPath, [path.join(HERE, "generate.mjs")], { stdio: "inherit" });

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "rodtrad-cache-floor-"));
process.on("exit", () => fs.rmSync(tmp, { recursive: true, force: true }));
const plan = path.join(ROOT, "bin", "plan.js");
const json = ["--format", "json"];
const cases = [
  { key: "node", label: 'node -e ""', args: ["-e", ""] },
  { key: "fixed", label: "plan validate -C examples/minimal", args: [plan, "validate", "-C", path.join(ROOT, "examples", "minimal"), ...json] },
  { key: "read", label: "list, read and hash every file", args: [fileURLToPath(import.meta.url), "--read", dir] },
  { key: "stat", label: "list, and ask each file's size and time", args: [fileURLToPath(import.meta.url), "--stat", dir] },
  { key: "cold", label: "plan validate (cold)", args: [plan, "validate", "-C", dir, ...json] },
  { key: "cached", label: "plan validate --cache (nothing changed)", args: [plan, "validate", "-C", dir, ...json, "--cache-location", path.join(tmp, "cache")] },
];
const env = { ...process.env, XDG_CACHE_HOME: path.join(tmp, "user-cache") };

function time(c) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, c.args, { cwd: ROOT, env, encoding: "utf8", maxBuffer: 1 << 30 });
  if (r.status !== 0) throw new Error(`${c.label}: exit ${r.status}\n${r.stderr}`);
  return Number(process.hrtime.bigint() - t0) / 1e6;
}
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

for (const c of cases) time(c);
const times = Object.fromEntries(cases.map((c) => [c.key, []]));
for (let i = 0; i < runs; i++) for (const c of cases) times[c.key].push(time(c));
const m = Object.fromEntries(cases.map((c) => [c.key, median(times[c.key])]));

console.log(`cache floor, node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? "CPU"}, ${runs} interleaved runs each after one warm-up`);
for (const c of cases) console.log(`${c.label.padEnd(40)} median ${m[c.key].toFixed(0).padStart(5)} ms  min ${Math.min(...times[c.key]).toFixed(0).padStart(5)} ms`);
const floor = m.fixed + m.read - m.node;
const statFloor = m.fixed + m.stat - m.node;
const target = 0.3 * m.cold;
console.log("");
console.log(`target: 0.3× cold                                            ${target.toFixed(0)} ms`);
console.log(`floor, keyed by content (fixed + list/read/hash - node)      ${floor.toFixed(0)} ms = ${(floor / m.cold).toFixed(2)}× cold, leaving ${(target - floor).toFixed(0)} ms for every check across files`);
console.log(`floor, keyed by size and time (fixed + list/stat - node)     ${statFloor.toFixed(0)} ms = ${(statFloor / m.cold).toFixed(2)}× cold, leaving ${(target - statFloor).toFixed(0)} ms`);
console.log(`today, nothing changed (reads the cache, builds the model, runs every check): ${(m.cached / m.cold).toFixed(2)}× cold`);
