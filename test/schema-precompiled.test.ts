// The validators compiled at build time and the schemas compiled at run time judge alike.
// On dist, not src, on purpose: the precompiled validators (dist/check/validators.script.js) exist only
// in the build (src/check/build-validators.ts writes them there); from src, check/schema.ts
// would compile the schemas at run time and this test would compare that with itself.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { compileSchemas, validateSchema } from "../dist/check/schema.js";
import { loadPlan } from "../dist/load/load-plan.js";
import { parsePlanFile } from "../dist/load/parse.js";
import { isDocKind } from "../dist/model/plan.js";
import { ROOT } from "./helpers/exec.js";

const defects = path.join(ROOT, "test/fixtures/defects");
const roots = [
  path.join(ROOT, "examples/katrineholm"),
  path.join(ROOT, "examples/minimal"),
  path.join(ROOT, "test/fixtures/base"),
];

describe("precompiled validators", () => {
  it("give the same schema diagnostics as the schemas compiled at run time", () => {
    const runtime = compileSchemas();
    let documents = 0;
    let findings = 0;
    for (const root of roots) {
      for (const doc of loadPlan(root).docs) {
        const value = doc.value as { typ?: unknown };
        if (!isDocKind(value?.typ)) continue;
        const fast = validateSchema(doc, value.typ);
        const slow = validateSchema(doc, value.typ, runtime);
        expect(fast).toEqual(slow);
        documents++;
        findings += fast.length;
      }
    }
    expect(documents).toBeGreaterThan(40);
    expect(findings).toBe(0);
  });

  it("give the same diagnostics on documents with schema defects", () => {
    const runtime = compileSchemas();
    let findings = 0;
    const files = readdirSync(defects, { recursive: true, encoding: "utf8" }).filter((f) => /\.ya?ml$/u.test(f)).sort();
    for (const file of files) {
      for (const doc of parsePlanFile(file, readFileSync(path.join(defects, file))).docs) {
        const value = doc.value as { typ?: unknown };
        if (!isDocKind(value?.typ)) continue;
        const fast = validateSchema(doc, value.typ);
        expect(fast).toEqual(validateSchema(doc, value.typ, runtime));
        findings += fast.length;
      }
    }
    expect(findings).toBeGreaterThan(0);
  });
});
