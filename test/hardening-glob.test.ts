// issue 8, class 3: the globs of `ignorera` match in linear time, with the syntax users expect,
// never ignore plan.yaml, and a list that ignores every plan file is an error.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { compileGlob, MAX_GLOB_ALTERNATIVES } from "../src/load/glob.js";
import { loadPlan } from "../src/load/load-plan.js";
import { cleanup, planCopy, validateJson } from "./helpers/plan-dir.js";

afterAll(cleanup);

const readPlan = (dir: string): string => readFileSync(path.join(dir, "plan.yaml"), "utf8");
const matches = (glob: string, p: string): boolean => compileGlob(glob).matches(p);

describe("glob syntax", () => {
  it.each([
    ["arkiv/**", "arkiv/2019/gammal.yaml", true],
    ["arkiv/**", "arkivet/gammal.yaml", false],
    ["arkiv", "arkiv/2019/gammal.yaml", true],
    ["arkiv/", "arkiv/gammal.yaml", true],
    ["./arkiv/*.yaml", "arkiv/gammal.yaml", true],
    ["*.yaml", "arkiv/gammal.yaml", false],
    ["**/*.yaml", "gammal.yaml", true],
    ["**/*-utkast.yaml", "budget/2027/x-utkast.yaml", true],
    ["budget/202?.yaml", "budget/2025.yaml", true],
    ["budget/202?.yaml", "budget/20/5.yaml", false],
    ["budget/{2024,2025}.yaml", "budget/2025.yaml", true],
    ["budget/{2024,2025}.yaml", "budget/2026.yaml", false],
    ["{arkiv,utkast/{a,b}}/*.yaml", "utkast/b/x.yaml", true],
    ["budget/202[45].yaml", "budget/2024.yaml", true],
    ["budget/202[4-6].yaml", "budget/2026.yaml", true],
    ["budget/202[!4-6].yaml", "budget/2026.yaml", false],
    ["budget/202[^4-6].yaml", "budget/2027.yaml", true],
    ["a[/]b", "a/b", false],
    ["n?mnd.yaml", "nämnd.yaml", true],
    ["\\*.yaml", "*.yaml", true],
    ["\\*.yaml", "x.yaml", false],
    ["{a}.yaml", "{a}.yaml", true],
    ["[x.yaml", "[x.yaml", true],
  ])("%s against %s → %s", (glob, p, want) => {
    expect(matches(glob, p)).toBe(want);
  });

  it(`more than ${MAX_GLOB_ALTERNATIVES} alternatives is refused, not expanded exponentially`, () => {
    expect(() => compileGlob("{a,b}".repeat(40))).toThrow(/alternatives/u);
    expect(() => compileGlob("{a,b}".repeat(6))).not.toThrow();
  });
});

/** An independent reference for small inputs: braces expanded naively, each alternative written as a regular expression. */
function reference(glob: string): RegExp {
  const open = glob.indexOf("{");
  if (open >= 0) {
    const close = glob.indexOf("}", open);
    const alts = glob.slice(open + 1, close).split(",").map((a) => glob.slice(0, open) + a + glob.slice(close + 1));
    return new RegExp(alts.map((a) => reference(a).source).join("|"), "u");
  }
  let re = "";
  const g = glob.replace(/^(?:\.\/)+/u, "").replace(/\/+$/u, "");
  for (let i = 0; i < g.length; i++) {
    const c = g[i]!;
    if (c === "*" && g[i + 1] === "*" && g[i + 2] === "/") {
      re += "(?:.*/)?";
      i += 2;
    } else if (c === "*" && g[i + 1] === "*") {
      re += ".*";
      i++;
    } else if (c === "*") re += "[^/]*";
    else if (c === "?") re += "[^/]";
    else if (c === "[") {
      const close = g.indexOf("]", i + 2);
      const body = g.slice(i + 1, close);
      re += body.startsWith("!") ? `(?!/)[^${body.slice(1)}]` : `(?!/)[${body}]`;
      i = close;
    } else re += c.replace(/[.+^$()|\\]/gu, "\\$&");
  }
  return new RegExp(`^${re}(?:/.*)?$`, "u");
}

const token = fc.oneof(
  fc.constantFrom("a", "b", "/", ".", "*", "**", "**/", "?", "[ab]", "[!a]", "[a-b]", "{a,b}", "{a/,}", "{,b*}"),
);
const globArb = fc.array(token, { minLength: 1, maxLength: 6 }).map((t) => t.join(""));
const pathArb = fc.array(fc.constantFrom("a", "b", "/", "."), { minLength: 0, maxLength: 8 }).map((t) => t.join(""));

describe("glob matcher against a simple reference", () => {
  it("agrees with a regular-expression reference on small globs and paths", () => {
    fc.assert(
      fc.property(globArb, pathArb, (glob, p) => {
        expect(matches(glob, p)).toBe(reference(glob).test(p));
      }),
      { numRuns: 3000 },
    );
  });
});

describe("hostile globs in ignorera finish (a child process under a generous timeout)", () => {
  it("**/**/…/x and *a*a*…b against long names: plan validate answers, and ignores what matches", () => {
    const dir = planCopy();
    const globs = [`${"**/".repeat(60)}x`, `${"*a".repeat(40)}b`, `${"?*".repeat(40)}b`, `{${"a,".repeat(30)}a}${"*a".repeat(20)}c`];
    const plan = `${readPlan(dir)}ignorera:\n${globs.map((g) => `  - "${g}"`).join("\n")}\n`;
    writeFileSync(path.join(dir, "plan.yaml"), plan);
    // A long, deep path that almost matches every glob: the worst case for a backtracking matcher.
    const deep = path.join(dir, ...Array.from({ length: 40 }, () => "a"));
    mkdirSync(deep, { recursive: true });
    writeFileSync(path.join(deep, `${"a".repeat(200)}.yaml`), "typ: [ this is not: a plan\n");
    const { run, out } = validateJson(dir);
    expect(run.status).toBe(1);
    // Not ignored (no glob matches), so read and reported: the walk did reach it.
    expect(out.diagnostics.map((d) => d.code)).toEqual(["yaml-syntax"]);
  });
});


describe("ignorera and plan.yaml", () => {
  const withIgnore = (globs: string[]): string => {
    const dir = planCopy();
    writeFileSync(path.join(dir, "plan.yaml"), `${readPlan(dir)}ignorera: [${globs.map((g) => JSON.stringify(g)).join(", ")}]\n`);
    return dir;
  };

  it("a glob that matches plan.yaml is a located warning, and plan.yaml is still read", () => {
    const dir = withIgnore(["*.yaml"]);
    const loaded = loadPlan(dir);
    expect(loaded.files).toContain("plan.yaml");
    expect(loaded.docs.some((d) => d.file === "plan.yaml")).toBe(true);
    const d = loaded.diagnostics.find((x) => x.code === "ignore-plan-yaml");
    expect(d).toMatchObject({ file: "plan.yaml", severity: "warning", args: { glob: "*.yaml" } });
    expect(d!.line).toBeGreaterThan(1);
  });

  it("a list that ignores every plan file is an error, not 'no problems in 0 files'", () => {
    const dir = withIgnore(["**"]);
    const { run, out } = validateJson(dir);
    expect(out.diagnostics.map((d) => [d.code, d.file])).toEqual(
      expect.arrayContaining([
        ["ignore-plan-yaml", "plan.yaml"],
        ["ignore-everything", "plan.yaml"],
      ]),
    );
    expect(run.status).toBe(1);
    expect(out.summary.files).toBe(1);
  });

  it("braces and classes in ignorera work as users expect", () => {
    const dir = withIgnore(["{budget,namnder}/**", "verksamhetsplaner/[A-Z]*"]);
    const files = loadPlan(dir).files;
    expect(files.filter((f) => /^(budget|namnder|verksamhetsplaner)\//u.test(f))).toEqual([]);
    expect(files).toContain("plan.yaml");
    expect(files.length).toBeGreaterThan(1);
  });

  it("a glob with too many alternatives is a located error and ignores nothing", () => {
    const dir = withIgnore(["{a,b}".repeat(10)]);
    const loaded = loadPlan(dir);
    expect(loaded.diagnostics.map((d) => d.code)).toEqual(["ignore-bad-glob"]);
  });
});
