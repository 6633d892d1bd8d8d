// The diff of plan kolada --torrt: made from the editor's splices, it must be a unified diff
// that git apply accepts and that gives exactly the text the command would write.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { unifiedDiff } from "../src/kolada/diff.js";
import { applyEdits, type Edit } from "../src/kolada/edit.js";
import { cleanup, tempDir } from "./helpers/plan-dir.js";

afterAll(cleanup);

/** Apply `diff` with git apply in a folder holding `before` as `file` (none: a new file); the file's text after. */
function gitApply(file: string, before: string | undefined, diff: string): string {
  const dir = tempDir("rodtrad-kolada-apply-");
  const target = path.join(dir, file);
  mkdirSync(path.dirname(target), { recursive: true });
  if (before !== undefined) writeFileSync(target, before);
  const r = spawnSync("git", ["apply", "-"], { cwd: dir, input: diff, encoding: "utf8" });
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
  expect(existsSync(target)).toBe(true);
  return readFileSync(target, "utf8");
}

const LINES = Array.from({ length: 40 }, (_, i) => `  - { avser: A-${i}, utfall: ${i} }\n`).join("");
const at = (text: string, s: string): number => text.indexOf(s);

describe("unifiedDiff", () => {
  it("changes more than six lines apart are hunks of their own with three lines of context; nearer ones share one", () => {
    const edits: Edit[] = [
      { start: at(LINES, "utfall: 2 }") + 8, end: at(LINES, "utfall: 2 }") + 9, text: "20" },
      { start: at(LINES, "utfall: 5 }") + 8, end: at(LINES, "utfall: 5 }") + 9, text: "50" },
      { start: at(LINES, "utfall: 30 }") + 10, end: at(LINES, "utfall: 30 }") + 10, text: ", år: 2025" },
      { start: LINES.length, end: LINES.length, text: "  - { avser: NY, utfall: 1 }\n" },
    ];
    const diff = unifiedDiff("f.yaml", LINES, edits);
    expect(diff.match(/^@@ .* @@$/gmu)).toEqual(["@@ -1,9 +1,9 @@", "@@ -28,7 +28,7 @@", "@@ -38,3 +38,4 @@"]);
    expect(diff).toContain("-  - { avser: A-2, utfall: 2 }\n+  - { avser: A-2, utfall: 20 }\n");
    expect(diff).toContain("-  - { avser: A-30, utfall: 30 }\n+  - { avser: A-30, utfall: 30, år: 2025 }\n");
    expect(diff.endsWith("   - { avser: A-39, utfall: 39 }\n+  - { avser: NY, utfall: 1 }\n")).toBe(true);
    expect(gitApply("f.yaml", LINES, diff)).toBe(applyEdits(LINES, edits));
  });

  it("a new file is a diff from /dev/null", () => {
    const text = "typ: uppföljning\nid: UF2025-12\n";
    const diff = unifiedDiff("uppfoljning/2025-12-helar.yaml", undefined, [{ start: 0, end: 0, text }]);
    expect(diff.split("\n").slice(0, 3)).toEqual(["--- /dev/null", "+++ b/uppfoljning/2025-12-helar.yaml", "@@ -0,0 +1,2 @@"]);
    expect(gitApply("uppfoljning/2025-12-helar.yaml", undefined, diff)).toBe(text);
  });

  it("a file without a newline at its end, changed on its last line", () => {
    const before = "a: 1\nb: 2";
    const edits = [{ start: 8, end: 9, text: "3" }];
    const diff = unifiedDiff("g.yaml", before, edits);
    expect(diff).toContain("\\ No newline at end of file\n");
    expect(gitApply("g.yaml", before, diff)).toBe("a: 1\nb: 3");
  });

  it("nothing to change is no diff", () => {
    expect(unifiedDiff("f.yaml", LINES, [])).toBe("");
    expect(unifiedDiff("f.yaml", LINES, [{ start: 3, end: 4, text: LINES[3]! }])).toBe("");
  });
});
