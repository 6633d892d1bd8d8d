#!/usr/bin/env node
// Every command's output on both examples, written to a folder: run it before and after a
// change that should not change behaviour, then compare the two folders byte by byte.
//
//   node test/tools/outputs.mjs /tmp/before     (on the old commit, after npm run build)
//   node test/tools/outputs.mjs /tmp/after      (on the new one)
//   node test/tools/outputs.mjs --compare /tmp/before /tmp/after
//
// Each file holds one command's exit status, stdout and stderr. `plan diff` runs in a
// temporary git repository holding an example and one commit that changes it.
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const BIN = path.join(ROOT, "bin/plan.js");

function compare(a, b) {
  const names = [...new Set([...readdirSync(a), ...readdirSync(b)])].sort();
  let differ = 0;
  for (const n of names) {
    let x, y;
    try {
      x = readFileSync(path.join(a, n));
      y = readFileSync(path.join(b, n));
    } catch {
      console.log(`only in one: ${n}`);
      differ++;
      continue;
    }
    if (!x.equals(y)) {
      console.log(`differs: ${n}`);
      differ++;
    }
  }
  console.log(`${names.length - differ} identical, ${differ} different`);
  return differ === 0 ? 0 : 1;
}

function run(args, cwd = ROOT) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: undefined, LANG: "C", LC_ALL: undefined },
  });
  return `exit ${r.status}\n--- stdout\n${r.stdout}--- stderr\n${r.stderr}`;
}

function git(cwd, ...args) {
  const r = spawnSync("git", args, {
    cwd,
    encoding: "utf8",
    env: { ...process.env, GIT_AUTHOR_DATE: "2026-01-01T00:00:00Z", GIT_COMMITTER_DATE: "2026-01-01T00:00:00Z" },
  });
  if (r.status !== 0) throw new Error(`git ${args.join(" ")}: ${r.stderr}`);
}

const EXAMPLES = {
  katrineholm: { år: "2012", nämnd: "BIN", id: "BIF-AK01", period: "2012-08", change: ["budget/2012.yaml", /2012: (\d+)/u] },
  minimal: { år: "2026", nämnd: "BUN", id: "BUF-AK01", period: "2026-08", change: ["budget/2026.yaml", /2026: (\d+)/u] },
};

function commands(name, e) {
  const C = ["-C", `examples/${name}`];
  const list = [];
  for (const format of ["pretty", "json", "github"]) for (const lang of ["en", "sv"]) list.push(["validate", ...C, "--format", format, "--lang", lang]);
  for (const format of ["text", "md", "mermaid", "json"]) {
    list.push(["trace", ...C, "--år", e.år, "--format", format]);
    list.push(["trace", e.id, ...C, "--år", e.år, "--format", format]);
  }
  for (const flag of ["--orphans", "--gaps"]) for (const format of ["text", "md", "json"]) list.push(["trace", flag, ...C, "--år", e.år, "--format", format]);
  for (const format of ["text", "md", "json"]) for (const lang of ["en", "sv"]) {
    list.push(["stats", ...C, "--år", e.år, "--format", format, "--lang", lang]);
    list.push(["status", ...C, "--format", format, "--lang", lang]);
    list.push(["status", ...C, "--nämnd", e.nämnd, "--period", e.period, "--format", format, "--lang", lang]);
  }
  for (const fas of ["månad", "delår", "årsredovisning"]) for (const format of ["md", "html"]) for (const lang of ["sv", "en"]) {
    list.push(["report", fas, ...C, "--format", format, "--lang", lang]);
    list.push(["report", fas, ...C, "--nämnd", e.nämnd, "--format", format, "--lang", lang]);
  }
  list.push(["regler"], ["regler", "--format", "json", "--lang", "sv"]);
  list.push(["trace", "NO-SUCH-ID", ...C], ["status", ...C, "--period", "1999-01"]);
  return list;
}

function diffRuns(name, e, out) {
  const tmp = mkdtempSync(path.join(os.tmpdir(), "rodtrad-outputs-"));
  try {
    cpSync(path.join(ROOT, "examples", name), tmp, { recursive: true });
    git(tmp, "init", "-q", "-b", "main");
    git(tmp, "-c", "user.name=t", "-c", "user.email=t@example.org", "add", "-A");
    git(tmp, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "-m", "base");
    const [file, re] = e.change;
    const text = readFileSync(path.join(tmp, file), "utf8");
    writeFileSync(path.join(tmp, file), text.replace(re, (m, n) => m.replace(n, String(Number(n) + 7))));
    git(tmp, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "-am", "change");
    for (const format of ["text", "md", "json"]) for (const lang of ["en", "sv"]) {
      const args = ["diff", "HEAD~1", "HEAD", "--format", format, "--lang", lang];
      writeFileSync(path.join(out, `${name}__${args.join("_")}.txt`), run(args, tmp));
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

const argv = process.argv.slice(2);
if (argv[0] === "--compare") process.exit(compare(argv[1], argv[2]));
const out = argv[0];
if (!out) {
  console.error("usage: outputs.mjs OUTDIR | --compare DIR_A DIR_B");
  process.exit(2);
}
mkdirSync(out, { recursive: true });
let n = 0;
for (const [name, e] of Object.entries(EXAMPLES)) {
  for (const args of commands(name, e)) {
    const file = `${name}__${args.filter((a) => a !== "-C" && !a.startsWith("examples/")).join("_").replace(/[^\p{L}\p{N}._-]/gu, "-")}.txt`;
    writeFileSync(path.join(out, file), run(args));
    n++;
  }
  diffRuns(name, e, out);
  n += 6;
}
console.log(`${n} outputs written to ${out}`);
