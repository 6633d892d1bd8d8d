// `plan --version` and `plan --help` stay cheap: they load commander at most, and no validator,
// YAML parser, template engine, Markdown renderer, colour library or command module; the format
// choices in the help come from format/names.ts. (The timing is test/bench/startup-bench.mjs.)
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { BIN, plan, ROOT } from "./helpers/exec.js";
import { planInProcess } from "./helpers/in-process.js";

const HOOK = fileURLToPath(new URL("./helpers/import-log.mjs", import.meta.url));

/** What each file of the bundle (dist/run/, rolldown.config.mjs) holds: modules by their path in dist/, and packages. */
const BUNDLED = JSON.parse(readFileSync(path.join(ROOT, "dist", "run", "modules.json"), "utf8")) as Record<string, string[]>;

/**
 * The packages and the project's own modules (dist/…) that `plan …args` loads: a file of the
 * bundle stands for the modules it holds.
 */
function loaded(args: string[]): { status: number | null; stdout: string; modules: string[]; urls: string[] } {
  const r = spawnSync(process.execPath, ["--import", HOOK, BIN, ...args], { cwd: ROOT, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  const urls = [...r.stderr.matchAll(/^import (.*)$/gmu)].map((m) => m[1]!).filter((u) => !u.startsWith("node:"));
  const modules = urls.flatMap((u) => {
    const bundled = /\/dist\/run\/([^/]+)$/u.exec(u);
    // The bundler's own helpers (virtual modules, named from \0) are no module of ours.
    if (bundled) return BUNDLED[bundled[1]!]!.filter((m) => !m.startsWith("\u0000")).map((m) => (m.includes("/") && m.endsWith(".js") ? `dist/${m}` : m));
    return [u.replace(/^.*\/node_modules\/([^/]+)\/.*$/u, "$1").replace(/^.*\/(dist\/.*)$/u, "$1")];
  });
  return { status: r.status, stdout: r.stdout, modules: [...new Set(modules)], urls };
}

const HEAVY = ["ajv", "ajv-formats", "yaml", "handlebars", "markdown-it", "chalk", "cli-table3"];

describe("start-up", () => {
  it("--version and -V load neither commander nor any command", () => {
    for (const flag of ["--version", "-V"]) {
      const r = loaded([flag]);
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(/^\d+\.\d+\.\d+\n$/u);
      expect(r.modules).not.toContain("commander");
      expect(r.modules.filter((m) => m.startsWith("dist/")).sort()).toEqual(["dist/cli/io.js", "dist/cli/lang.js", "dist/cli/main.js", "dist/cli/version.js", "dist/diagnostics/bilingual.js", "dist/format/text.js"]);
    }
  });

  for (const args of [["--help"], ["validate", "--help"], ["report", "--help"], ["trace", "--help"]]) {
    it(`plan ${args.join(" ")} loads no heavy package and no command module`, () => {
      const r = loaded(args);
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(/^Usage: plan/u);
      for (const p of HEAVY) expect(r.modules).not.toContain(p);
      const own = r.modules.filter((m) => m.startsWith("dist/"));
      for (const m of own) expect(m).toMatch(/^dist\/(cli\/(main|program|argv|io|version|lang|help-texts|usage-sv)|diagnostics\/bilingual|format\/(names|text)|load\/errors|status\/selection-error)\.js$/u);
    });
  }

  it("validate loads js-yaml only for a file the block reader leaves, the yaml package only for a file outside the fast path's subset, and Ajv's compiler never (the validators are precompiled)", () => {
    const compiler = /\/node_modules\/ajv\/dist\/(2020|core)\.js$/u;
    const clean = loaded(["validate", "-C", "examples/minimal", "--format", "json"]);
    expect(clean.status).toBe(0);
    expect(JSON.parse(clean.stdout).diagnostics).toEqual([]);
    expect(clean.modules).not.toContain("yaml");
    expect(clean.modules).not.toContain("js-yaml");
    expect(clean.urls.filter((u) => compiler.test(u))).toEqual([]);
    // Findings in files the block reader read are placed by the block reader.
    const warned = loaded(["validate", "-C", "examples/katrineholm", "--format", "json"]);
    expect(JSON.parse(warned.stdout).diagnostics.length).toBeGreaterThan(0);
    expect(warned.modules).not.toContain("yaml");
    expect(warned.modules).not.toContain("js-yaml");
    expect(warned.urls.filter((u) => compiler.test(u))).toEqual([]);
    const dir = mkdtempSync(path.join(tmpdir(), "rodtrad-startup-"));
    try {
      cpSync(path.join(ROOT, "examples", "minimal"), dir, { recursive: true });
      const kp = path.join(dir, "kommunplan", "2023-2026.yaml");
      const original = readFileSync(kp, "utf8");
      // Plain text over two lines is left by the block reader but inside the subset: js-yaml reads it.
      writeFileSync(kp, original.replace("ska få en trygg", "ska få\n      en trygg"));
      const wrapped = loaded(["validate", "-C", dir, "--format", "json"]);
      expect(JSON.parse(wrapped.stdout).diagnostics).toEqual([]);
      expect(wrapped.modules).toContain("js-yaml");
      expect(wrapped.modules).not.toContain("yaml");
      // An anchor is outside the subset: that file is read by the yaml package.
      writeFileSync(kp, original.replace("vision: V2035", "vision: &v V2035"));
      const anchored = loaded(["validate", "-C", dir, "--format", "json"]);
      expect(JSON.parse(anchored.stdout).diagnostics).toEqual([]);
      expect(anchored.modules).toContain("yaml");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("the help lists validate's formats from the names, pretty among them as the old name of text", () => {
    const help = plan(["validate", "--help"]).stdout.replace(/\s+/gu, " ");
    expect(help).toContain('(choices: "text", "json", "github", "sarif", "gitlab", "junit", "pretty", default: "text")');
    expect(help).toContain("pretty: the old name of text");
  });

  it("validate --format pretty gives the bytes of --format text", () => {
    const args = ["validate", "-C", "examples/katrineholm", "--lang", "sv", "--format"];
    // --format text in-process (what it prints), pretty through the CLI (its alias is the CLI's).
    const text = planInProcess([...args, "text"]);
    expect(text.stdout).toMatch(/problem|Inga problem/u);
    expect(plan([...args, "pretty"])).toEqual(text);
  });
});
