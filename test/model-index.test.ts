// The shared lookups of the model (IDs per scope, entities per kind) and the red-thread check
// on entity lists that are not the plan's own order: the same answers as the plain definitions.
import { describe, expect, it } from "vitest";
import { checkPlan, type CheckResult } from "../src/check/index.js";
import { checkThread } from "../src/check/thread.js";
import { loadFrom, memorySource } from "../src/load/load-plan.js";
import type { Entity } from "../src/model/types.js";
import { overlayFiles } from "./helpers/memory-plan.js";

function checked(overlays: string[], extra: Record<string, string> = {}): CheckResult {
  const loaded = loadFrom(memorySource(overlayFiles(overlays, extra)), "<memory>", { parallel: false });
  return checkPlan(loaded.docs, loaded.diagnostics);
}

/** A finding without its place in the output order. */
const finding = (d: { code: string; file: string; line: number; column: number; args: unknown }): string =>
  JSON.stringify([d.code, d.file, d.line, d.column, d.args]);

describe("scope index", () => {
  it("lists each kind's entities in plan order, as a filter of all entities does", () => {
    const { plan } = checked([]);
    const kinds = new Set(plan.entities.map((e) => e.kind));
    expect(kinds.size).toBeGreaterThan(5);
    for (const kind of kinds) expect(plan.index.ofKind(kind)).toEqual(plan.entities.filter((e) => e.kind === kind));
    expect(plan.index.ofKind("jämförelse")).toEqual([]);
  });

  it("keeps every definition of a repeated ID, in order, and one of an ID defined once", () => {
    const { plan } = checked(["defects/duplicate-id"]);
    const byId = new Map<string, Entity[]>();
    for (const e of plan.entities) byId.set(e.id, [...(byId.get(e.id) ?? []), e]);
    const repeated = [...byId].filter(([, list]) => list.length > 1);
    expect(repeated.length).toBeGreaterThan(0);
    for (const [id, list] of byId) expect(plan.index.definitions(id)).toEqual(list);
    expect(plan.index.repeated()).toEqual(plan.entities.filter((e) => byId.get(e.id)!.length > 1));
    expect(plan.index.definitions("NO-SUCH-ID")).toEqual([]);
    // A repeated ID within one year: that year's scope holds both definitions.
    const [id, list] = repeated.find(([, l]) => l.every((e) => e.scope.kind === "year" && e.year === l[0]!.year))!;
    expect(plan.index.inScope(`y:${list[0]!.year}`, id)).toEqual(list);
    expect(plan.index.inScope(`y:${list[0]!.year}`, "NO-SUCH-ID")).toBeUndefined();
  });

  it("finds IDs repeated across scopes: a year's ID in plan.yaml, and in the next year", () => {
    // KLF is an organ of plan.yaml; KLF-AK01 an aktivitet of 2025, here again in 2026.
    const vp = `typ: verksamhetsplan\nid: VP2026-KLF-X\norgan: KLF\når: 2026\naktiviteter:\n  - id: KLF\n    namn: A\n    bidrar_till: [KS-VM1]\n  - id: KLF-AK01\n    namn: B\n    bidrar_till: [KS-VM1]\n`;
    const { plan } = checked([], { "verksamhetsplaner/KLF/2026-x.yaml": vp });
    const count = new Map<string, number>();
    for (const e of plan.entities) count.set(e.id, (count.get(e.id) ?? 0) + 1);
    const expected = plan.entities.filter((e) => count.get(e.id)! > 1);
    expect(expected.map((e) => e.id)).toEqual(expect.arrayContaining(["KLF", "KLF-AK01"]));
    expect(new Set(expected.map((e) => e.scope.kind)).size).toBeGreaterThan(1);
    expect(plan.index.repeated()).toEqual(expected);
  });
});

describe("IDs that differ only in case", () => {
  it("are found whichever spelling comes first, in capitals, in lowercase or beyond ASCII", () => {
    const aktivitet = (id: string): string => `  - id: ${id}\n    namn: ${id}\n    bidrar_till: [KS-VM1]\n`;
    const vp = `typ: verksamhetsplan\nid: VP2025-KLF-X\norgan: KLF\når: 2025\naktiviteter:\n${["Abc-1", "ABC-1", "Åtg-2", "ÅTG-2", "XYZ-3"].map(aktivitet).join("")}`;
    const { diagnostics } = checked([], { "verksamhetsplaner/KLF/2025-x.yaml": vp });
    const found = diagnostics.filter((d) => d.code === "id-case-collision").map((d) => [d.args.id, d.args.other]);
    expect(found).toEqual([
      ["ABC-1", "Abc-1"],
      ["ÅTG-2", "Åtg-2"],
    ]);
  });
});

describe("red thread on any list of entities", () => {
  for (const overlay of ["defects/reference-cycle", "defects/orphan"]) {
    it(`finds the same findings and traces in another order (${overlay})`, () => {
      const { plan } = checked([overlay]);
      const inOrder = checkThread(plan.entities);
      expect(inOrder.diagnostics.length).toBeGreaterThan(0);
      // Reversed, no entity stands at its own order: every lookup takes the other way.
      const reversed = checkThread([...plan.entities].reverse());
      expect(reversed.diagnostics.map(finding).sort()).toEqual(inOrder.diagnostics.map(finding).sort());
      for (const e of plan.entities) expect(reversed.traces.has(e)).toBe(inOrder.traces.has(e));
      expect(plan.entities.some((e) => inOrder.traces.has(e))).toBe(true);
      expect(plan.entities.some((e) => !inOrder.traces.has(e))).toBe(true);
    });
  }

  it("does not count an entity outside the list as tracing, even one with a listed entity's order", () => {
    const { plan } = checked([]);
    const område = plan.index.ofKind("målområde")[0]!;
    const { traces } = checkThread(plan.entities);
    expect(traces.has(område)).toBe(true);
    expect(traces.has({ ...område })).toBe(false);
  });
});

describe("the lists an entity starts with", () => {
  it("stay empty once every example and fixture plan is built, and each entity's parents and children mirror each other", async () => {
    const { NO_ENTITIES, NO_REFS } = await import("../src/model/types.js");
    for (const overlays of [[], ["defects/duplicate-id"], ["defects/reference-cycle"], ["defects/orphan"]]) {
      const { plan } = checked(overlays);
      for (const e of plan.entities) {
        for (const p of e.parents) expect(p.children).toContain(e);
        for (const c of e.children) expect(c.parents).toContain(e);
      }
      expect(plan.entities.some((e) => e.children.length > 0 && e.parents.length > 0)).toBe(true);
    }
    expect(NO_ENTITIES).toEqual([]);
    expect(NO_REFS).toEqual([]);
  });
});
