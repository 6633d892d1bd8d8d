// The house has layers: a folder of src imports only from folders after it in LAYERS (type
// imports and dynamic imports too), never from one before it or beside it. The README's
// layout section states the same order.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/** Left to right: each may import only from the groups after it. A group holds folders at the same level. */
const LAYERS: readonly (readonly string[])[] = [["cli"], ["site", "kolada"], ["report"], ["format"], ["diff"], ["status", "check"], ["model"], ["load"], ["diagnostics"]];

const SRC = new URL("../src/", import.meta.url);
const level = new Map(LAYERS.flatMap((group, i) => group.map((folder) => [folder, i] as const)));

/** Every module specifier of a file: `import … from`, `export … from`, `import type`, `import "x"` and `import("x")`. */
function specifiers(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/\bfrom\s*["']([^"']+)["']|\bimport\s*\(?\s*["']([^"']+)["']/gu)) out.push((m[1] ?? m[2])!);
  return out;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(path.join(dir, e.name)) : /\.(ts|mts|mjs|js)$/u.test(e.name) ? [path.join(dir, e.name)] : [],
  );
}

const root = SRC.pathname;
const folderOf = (file: string): string => path.relative(root, file).split(path.sep)[0]!;

/** Every import from one folder of src into another: [file, specifier, from folder, to folder]. */
function crossings(): { file: string; spec: string; from: string; to: string }[] {
  const out = [];
  for (const file of sourceFiles(root)) {
    for (const spec of specifiers(readFileSync(file, "utf8"))) {
      if (!spec.startsWith(".")) continue;
      const target = path.resolve(path.dirname(file), spec);
      const from = folderOf(file);
      const to = folderOf(target);
      if (from !== to) out.push({ file: path.relative(root, file), spec, from, to });
    }
  }
  return out;
}

describe("layers", () => {
  it("finds static, type, re-export, side-effect and dynamic imports", () => {
    const text = [
      'import { a } from "../x/a.js";',
      'import type {\n  B,\n  C,\n} from "../y/b.js";',
      'export { d } from "./d.js";',
      'export type * from "../z/e.js";',
      'import "./side.js";',
      'const m = await import("../w/m.js");',
      'const n = await import ( "../v/n.js" );',
    ].join("\n");
    expect(specifiers(text)).toEqual(["../x/a.js", "../y/b.js", "./d.js", "../z/e.js", "./side.js", "../w/m.js", "../v/n.js"]);
  });

  it("every folder of src has a place in the order", () => {
    const folders = readdirSync(root, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
    expect(folders.filter((f) => !level.has(f))).toEqual([]);
    expect(sourceFiles(root).filter((f) => path.dirname(f) === path.resolve(root)).map((f) => path.basename(f)), "files outside a folder").toEqual([]);
  });

  it("no folder imports one before it or beside it", () => {
    const wrong = crossings()
      .filter(({ from, to }) => !level.has(to) || level.get(to)! <= level.get(from)!)
      .map(({ file, spec, from, to }) => `${file} imports ${spec}: ${to} is ${level.get(to) === level.get(from) ? "beside" : "before"} ${from}`);
    expect(wrong).toEqual([]);
  });

  it("the README's layout section states the same order", () => {
    const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
    const order = LAYERS.map((g) => (g.length > 1 ? `(${g.join(", ")})` : g[0])).join(" → ");
    expect(readme).toContain(order);
    for (const folder of level.keys()) expect(readme, folder).toContain(`- \`src/${folder}\``);
  });
});
