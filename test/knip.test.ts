// Dead code stays out: knip finds no unused file, export, type or dependency (knip.json names
// the entry points and each exception).
import { spawnSync } from "node:child_process";
import path from "node:path";
import { expect, it } from "vitest";
import { ROOT } from "./helpers/exec.js";

it("knip reports nothing unused", () => {
  const bin = path.join(ROOT, "node_modules", "knip", "bin", "knip.js");
  const r = spawnSync(process.execPath, [bin, "--no-progress"], { cwd: ROOT, encoding: "utf8", timeout: 120_000 });
  expect(`${r.stdout}${r.stderr}`.trim()).toBe("");
  expect(r.status).toBe(0);
}, 150_000);
