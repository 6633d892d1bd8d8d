// The package as a kommun gets it: `npm pack`, the tarball installed into an empty folder, and
// only that installation used: `npx plan init` gives a plan that validates, and the bundled
// examples validate from inside node_modules. One pack and one install for the whole file.
import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "./helpers/exec.js";
import { cleanup, tempDir } from "./helpers/plan-dir.js";

const NPM_ENV = { ...process.env, NO_COLOR: "1", FORCE_COLOR: undefined, npm_config_audit: "false", npm_config_fund: "false", npm_config_update_notifier: "false" };

function npm(args: string[], cwd: string): SpawnSyncReturns<string> {
  return spawnSync("npm", args, { cwd, env: NPM_ENV, encoding: "utf8", timeout: 240_000 });
}

const pkg = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { name: string; version: string; license: string; bin: Record<string, string> };
/** The command the package declares: plan. */
const COMMAND = Object.keys(pkg.bin)[0]!;

/** `npx plan …` in the installation, never fetching another package called plan. */
function npxPlan(args: string[], cwd: string): SpawnSyncReturns<string> {
  return spawnSync("npx", ["--no-install", COMMAND, ...args], { cwd, env: NPM_ENV, encoding: "utf8", timeout: 60_000 });
}
let project = "";
let installed = "";

describe("the packed tarball, installed", () => {
  beforeAll(() => {
    const packDir = tempDir("rodtrad-pack-");
    // The build is `npm test`'s pretest: packing with --ignore-scripts does not rebuild dist/
    // under the feet of the other test files running at the same time.
    const pack = npm(["pack", "--ignore-scripts", "--pack-destination", packDir], ROOT);
    expect(pack.status, pack.stderr).toBe(0);
    const tarball = readdirSync(packDir).find((f) => f.endsWith(".tgz"));
    expect(tarball).toBe(`${pkg.name}-${pkg.version}.tgz`);
    project = tempDir("rodtrad-install-");
    writeFileSync(path.join(project, "package.json"), `${JSON.stringify({ name: "kommun", private: true })}\n`);
    // Dependencies from the npm cache when it has them, else from the registry.
    const install = npm(["install", "--prefer-offline", "--no-audit", "--no-fund", "--no-package-lock", path.join(packDir, tarball!)], project);
    expect(install.status, install.stderr).toBe(0);
    installed = path.join(project, "node_modules", pkg.name);
  }, 300_000);

  afterAll(cleanup);

  it("declares the one command plan", () => expect(pkg.bin).toEqual({ plan: "bin/plan.js" }));

  it("holds bin, dist, schemas, templates, docs, examples and the LICENSE, and nothing of the sources or tests", () => {
    for (const f of ["bin/plan.js", "dist/run/main.js", "dist/run/modules.json", "dist/check/validators.script.js", "dist/cli/main.js", "dist/cli/init.js", "schemas/budget.schema.json", "templates/md/layout.hbs", "docs/regler.md", "examples/katrineholm/plan.yaml", "examples/minimal/plan.yaml", "examples/github-actions/plan.yml", "README.md", "LICENSE"]) {
      expect(existsSync(path.join(installed, f)), f).toBe(true);
    }
    for (const f of ["src", "test", "tsconfig.json", "knip.json", ".ci"]) expect(existsSync(path.join(installed, f)), f).toBe(false);
    expect(pkg.license).toBe("MIT");
    expect(readFileSync(path.join(installed, "LICENSE"), "utf8")).toMatch(/^MIT License\n\nCopyright \(c\) \d{4} /u);
  });

  it("npx plan init writes a plan that npx plan validate accepts without errors or warnings", () => {
    const init = npxPlan(["init", "ekby", "--namn", "Ekby kommun", "--kommunkod", "1234", "--ar", "2026"], project);
    expect(init.stderr).toBe("");
    expect(init.status).toBe(0);
    expect(init.stdout).toContain("skrev  plan.yaml");
    const v = npxPlan(["validate", "--format", "json", "--fail-on", "warning"], path.join(project, "ekby"));
    expect(v.status, v.stdout + v.stderr).toBe(0);
    expect(JSON.parse(v.stdout)).toMatchObject({ diagnostics: [], summary: { errors: 0, warnings: 0, files: 5 } });
  }, 120_000);

  it.each(["katrineholm", "minimal"])("npx plan validate accepts the bundled example %s with 0 errors", (example) => {
    const v = npxPlan(["validate", "-C", `node_modules/${pkg.name}/examples/${example}`, "--format", "json"], project);
    expect(v.status, v.stderr).toBe(0);
    expect((JSON.parse(v.stdout) as { summary: { errors: number; files: number } }).summary).toMatchObject({ errors: 0 });
  }, 60_000);
});
