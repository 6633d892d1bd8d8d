#!/usr/bin/env node
// Every resultatmål's and målområde's status on both examples, each follow-up period, whole
// kommun and cut to each nämnd, written as JSON: the baseline that test/rollup.test.ts holds the
// roll-up to when plan.yaml has no `måluppfyllelse`. Run after `npm run build`:
//
//   node test/tools/rollup-baseline.mjs > test/fixtures/rollup/baseline-statuses.json
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const { loadPlan } = await import(path.join(ROOT, "dist/load/load-plan.js"));
const { checkPlan } = await import(path.join(ROOT, "dist/check/index.js"));
const { computeStatus, followUpPeriods } = await import(path.join(ROOT, "dist/status/engine.js"));

const statuses = (list) => Object.fromEntries(list.map((g) => [g.id, g.status]));
const out = {};
for (const name of ["katrineholm", "minimal"]) {
  const loaded = loadPlan(path.join(ROOT, "examples", name));
  const { plan } = checkPlan(loaded.docs, loaded.diagnostics);
  const perPeriod = {};
  for (const period of followUpPeriods(plan)) {
    const cuts = {};
    for (const nämnd of ["", ...plan.namnder]) {
      const m = computeStatus(plan, nämnd === "" ? { period } : { period, nämnd });
      cuts[nämnd === "" ? "*" : nämnd] = { resultatmål: statuses(m.resultatmål), målområden: statuses(m.målområden) };
    }
    perPeriod[period] = cuts;
  }
  out[name] = perPeriod;
}
process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
