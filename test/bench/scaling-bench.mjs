#!/usr/bin/env node
// Does every command's time grow with the plan, and not with its square? Each case writes a
// plan of one hostile shape (hostile-plans.mjs) at a size and at twice that size, times one
// command on each as a separate process, and prints the two times and their ratio: about 2 for
// a command linear in the plan (less, as the start of node weighs in), about 4 for one that
// does work per pair of things. `plan validate` on the larger plan is printed beside it, the
// yardstick: every command reads and checks the whole plan first.
//
//   node test/bench/scaling-bench.mjs [--runs N] [--only NAME[,NAME…]] [--scale F] [--cli PATH]
//
// --scale multiplies every size (default 1: each larger run takes about a second or two on an
// idle 2-core machine). A ratio above 3 is marked. Each case doubles what makes the plan twice
// as large: for nytt-år the nämnder only, since every åtagande lists every nämnd. --cli times
// another build's bin/plan.js (an older commit's, say). Run `npm run build` first.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { hostileFiles, writeFiles } from "./hostile-plans.mjs";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const BIN = path.resolve(arg("--cli", path.join(HERE, "..", "..", "bin", "plan.js")));
const RUNS = Number(arg("--runs", "3"));
const SCALE = Number(arg("--scale", "1"));
const ONLY = arg("--only", undefined)?.split(",");

/**
 * name, the command's arguments after `plan`, the shape and its sizes [n, m, k3] at the smaller
 * run (the sizes marked doubled are doubled for the larger), and what a quadratic path was.
 */
const CASES = [
  { name: "validate: rows of one follow-up", args: ["validate"], shape: "rows", size: [0, 25_000], grow: [false, true], was: "Builder.refs copied the list per row" },
  { name: "validate: ignorera patterns × files", args: ["validate"], shape: "ignorera", size: [1_000, 1_000], grow: [true, true], was: "each file against each pattern" },
  { name: "status --nämnd: a chain of enheter", args: ["status", "--nämnd", "N1"], shape: "organchain", size: [10_000], grow: [true], was: "organTree: one pass over the organs per level" },
  { name: "status: åtaganden over målområden", args: ["status"], shape: "grid", size: [5_000, 500], grow: [true, true], was: "grouping per målområde; cli-table3's layout" },
  { name: "report delår: åtaganden over målområden", args: ["report", "delår"], shape: "grid", size: [5_000, 500], grow: [true, true], was: "grouping per målområde" },
  { name: "report årsredovisning: the same", args: ["report", "årsredovisning"], shape: "grid", size: [5_000, 500], grow: [true, true], was: "grouping per målområde" },
  { name: "stats: a subtree shared by åtaganden", args: ["stats"], shape: "shared", size: [5_000, 5_000], grow: [true, true], was: "aktiviteter counted per åtagande" },
  { name: "stats: a ladder of verksamhetsmål", args: ["stats"], shape: "ladder", size: [10_000], grow: [true], was: "a walk below each åtagande; then a set kept per verksamhetsmål" },
  { name: "stats: nämnder", args: ["stats"], shape: "nyttar", size: [2_000, 1], grow: [true, false], was: "cli-table3's layout" },
  { name: "trace: nodes cut below a chain", args: ["trace"], shape: "cuts", size: [200, 2_500], grow: [false, true], was: "countPaths per cut node" },
  { name: "trace --gaps: nämnder without åtaganden", args: ["trace", "--gaps"], shape: "gaps", size: [20_000, 5_000], grow: [true, true], was: "the organ looked up per nämnd" },
  { name: "trace mermaid: one verksamhetsmål under every målområde", args: ["trace", "--format", "mermaid"], shape: "sharedmm", size: [500, 1_000], grow: [true, true], was: "the shared subtree drawn per målområde" },
  { name: "report underlag: åtaganden of one underlag", args: ["report", "underlag", "--år", "2027"], shape: "underlag", size: [10_000, 2_000], grow: [true, true], was: "lists copied per åtagande" },
  { name: "report planeringsdirektiv: organs and målområden", args: ["report", "planeringsdirektiv", "--år", "2027"], shape: "pd", size: [5_000, 2_000], grow: [true, true], was: "organ looked up in a sort comparator" },
  { name: "report verksamhetsplan: a chain of verksamhetsmål", args: ["report", "verksamhetsplan"], shape: "chain", size: [5_000, 5_000], grow: [true, true], was: "the organs walked per step" },
  { name: "nytt-år: åtaganden naming every nämnd", args: ["nytt-år", "2027"], shape: "nyttar", size: [200, 100], grow: [true, false], writes: true, was: "nämnd looked up in a list" },
  { name: "site: a subtree shared by åtaganden", args: ["site", "-o", "SITE"], shape: "shared", size: [1_000, 1_000], grow: [true, true], was: "aktiviteter counted per åtagande" },
  { name: "site: follow-ups of many months", args: ["site", "-o", "SITE"], shape: "periods", size: [300, 600], grow: [true, true], was: "none found (a probe): a status model per period, each over its year's entities" },
  {
    name: "diff: a ladder of verksamhetsmål, every rung removed",
    args: ["diff", "HEAD~1", "HEAD", "--format", "json"],
    shape: "ladder",
    size: [4_000],
    grow: [true],
    // The plan as committed, then a commit that removes every verksamhetsmål.
    head: (files) => new Map([...files].map(([rel, text]) => [rel, rel === "namnder/N1/2026.yaml" ? text.replace(/verksamhetsmål:\n[\s\S]*$/u, "verksamhetsmål: []\n") : text])),
    was: "every aktivitet listed below every removed rung it stood under (the JSON the square of the plan)",
  },
  {
    name: "diff: edited texts, their first and last words changed",
    args: ["diff", "HEAD~1", "HEAD"],
    shape: "texts",
    size: [200],
    grow: [true],
    head: (files) => new Map([...files].map(([rel, text]) => [rel, text.replaceAll("ordx", "ordy")])),
    was: "each text compared word by word, 2,000 tokens against 2,000",
  },
];

/** A git repository in `dir` with two commits: `files`, then `head` (plan diff HEAD~1 HEAD). */
function twoCommits(dir, files, head) {
  const git = (...a) => {
    const r = spawnSync("git", ["-c", "user.name=Bench", "-c", "user.email=bench@example.se", "-c", "commit.gpgsign=false", ...a], { cwd: dir, encoding: "utf8" });
    if (r.status !== 0) throw new Error(`git ${a.join(" ")}: ${r.stderr}`);
  };
  writeFiles(dir, files);
  git("init", "--quiet");
  git("add", "-A");
  git("commit", "--quiet", "-m", "base");
  for (const [rel, text] of head) fs.writeFileSync(path.join(dir, rel), text);
  git("add", "-A");
  git("commit", "--quiet", "-m", "head");
}

/** The median time of `plan ARGS -C DIR`; a command that writes into the plan gets it afresh before each run. */
function time(args, dir, fresh) {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "rodtrad-scaling-out-"));
  const argv = [BIN, ...args.map((a) => (a === "SITE" ? path.join(out, "site") : a)), "-C", dir];
  const times = [];
  for (let r = 0; r < RUNS; r++) {
    if (fresh) writeFiles(dir, fresh);
    const start = process.hrtime.bigint();
    const run = spawnSync(process.execPath, argv, { encoding: "utf8", maxBuffer: 1 << 30, env: { ...process.env, LANG: "C", LC_ALL: "" } });
    times.push(Number(process.hrtime.bigint() - start) / 1e9);
    if (run.status !== 0 && run.status !== 1) throw new Error(`plan ${args.join(" ")} -C ${dir}: exit ${run.status}\n${run.stderr}`);
    fs.rmSync(path.join(out, "site"), { recursive: true, force: true });
  }
  fs.rmSync(out, { recursive: true, force: true });
  times.sort((a, b) => a - b);
  return { s: times[Math.floor(times.length / 2)] };
}

const root = fs.mkdtempSync(path.join(os.tmpdir(), "rodtrad-scaling-"));
const rows = [];
try {
  for (const c of CASES) {
    if (ONLY && !ONLY.some((o) => c.name.startsWith(o))) continue;
    const sizes = (k) => c.size.map((x, i) => Math.max(1, Math.round(x * SCALE)) * (k === 2 && c.grow[i] ? 2 : 1));
    const plans = [1, 2].map((k) => {
      const dir = path.join(root, `${c.shape}-${sizes(k).join("x")}`);
      const files = hostileFiles(c.shape, ...sizes(k));
      if (c.head) {
        if (!fs.existsSync(dir)) twoCommits(dir, files, c.head(files));
      } else if (!fs.existsSync(dir) || c.writes) writeFiles(dir, files);
      return { dir, files };
    });
    const [a, b] = plans.map((p) => time(c.args, p.dir, c.writes ? p.files : undefined));
    const v = time(["validate"], plans[1].dir, c.writes ? plans[1].files : undefined);
    const ratio = b.s / a.s;
    rows.push({ name: c.name, small: sizes(1).join("×"), large: sizes(2).join("×"), a: a.s, b: b.s, ratio, validate: v.s, was: c.was });
    console.error(`${c.name}: ${a.s.toFixed(2)} s → ${b.s.toFixed(2)} s (${ratio.toFixed(2)}×)`);
  }
} finally {
  fs.rmSync(root, { recursive: true, force: true });
}

console.log(`\n${RUNS} runs each, median; node ${process.version}, ${os.cpus().length} cores\n`);
console.log("| case | sizes | smaller | larger | ratio | validate (larger) | a quadratic path was |");
console.log("|---|---|---:|---:|---:|---:|---|");
for (const r of rows) {
  const mark = r.ratio > 3 ? " ⚠" : "";
  console.log(`| ${r.name} | ${r.small} → ${r.large} | ${r.a.toFixed(2)} s | ${r.b.toFixed(2)} s | ${r.ratio.toFixed(2)}×${mark} | ${r.validate.toFixed(2)} s | ${r.was} |`);
}
