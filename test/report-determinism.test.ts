// The same plan gives the same bytes: twice in one process, in two processes, and from a
// copy whose files were created in the opposite order.
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { plan } from "./helpers/exec.js";
import { planInProcess } from "./helpers/in-process.js";
import { cleanupTemp, KATRINEHOLM, PHASES, render, tempDir } from "./report-helpers.js";

afterAll(cleanupTemp);

/** Every file below `dir`, relative, sorted. */
function files(dir: string, rel = ""): string[] {
  return readdirSync(path.join(dir, rel))
    .flatMap((f) => (statSync(path.join(dir, rel, f)).isDirectory() ? files(dir, path.join(rel, f)) : [path.join(rel, f)]))
    .sort();
}

/** A copy of `dir` whose files (and folders) are created in reverse order. */
function reverseCopy(dir: string): string {
  const out = tempDir();
  for (const f of files(dir).reverse()) {
    mkdirSync(path.dirname(path.join(out, f)), { recursive: true });
    writeFileSync(path.join(out, f), readFileSync(path.join(dir, f)));
  }
  return out;
}

describe("deterministic reports", () => {
  it("renders byte-identical output twice, in one process and in two", () => {
    for (const phase of PHASES) {
      for (const format of ["md", "html"] as const) {
        expect(render(KATRINEHOLM, phase, { format }) === render(KATRINEHOLM, phase, { format }), `${phase} ${format}`).toBe(true);
      }
    }
    const a = plan(["report", "årsredovisning", "--format", "html", "-C", KATRINEHOLM]);
    // One run in a fresh process, one in this one.
    const b = planInProcess(["report", "årsredovisning", "--format", "html", "-C", KATRINEHOLM]);
    expect(a.status).toBe(0);
    expect(a.stdout === b.stdout).toBe(true);
  });

  it("does not depend on the order the files were created in", () => {
    const copy = reverseCopy(KATRINEHOLM);
    for (const phase of PHASES) {
      for (const format of ["md", "html"] as const) {
        for (const nämnd of [undefined, "BIN"]) {
          const args = { format, ...(nämnd ? { nämnd } : {}) };
          expect(render(copy, phase, args) === render(KATRINEHOLM, phase, args), `${phase} ${format} ${nämnd ?? ""}`).toBe(true);
        }
      }
    }
  });

  it("holds the date only when --datum is given", () => {
    const html = render(KATRINEHOLM, "delår", { format: "html", datum: "2012-09-20" });
    expect(html).toContain("2012-09-20");
    // The date stands in the head of the report and in the printed pages' footer, nowhere else.
    const footerDate = ' " " "\\28 2012\\2d 09\\2d 20\\29 "';
    expect(html).toContain(footerDate);
    expect(html.replace("<dt>Datum</dt><dd>2012-09-20</dd>\n", "").replace(footerDate, "")).toBe(render(KATRINEHOLM, "delår", { format: "html" }));
  });
});
