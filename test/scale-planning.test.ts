// The planning reports on plans of hostile size: each view answers from look-ups and lists made
// once (organs by ID, entities by container, a nämnd per organ remembered), not from a pass over
// the plan for every row, comparison or step up the organisation.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadFrom, memorySource } from "../src/load/load-plan.js";
import { buildPlan, typeDocuments, type Plan } from "../src/model/plan.js";
import { buildPlanningView } from "../src/report/report.js";
import { nämndFinder, type VerksamhetsplanView } from "../src/report/view-verksamhetsplan.js";
import { hostileFiles, timed } from "./helpers/hostile-size.js";

/**
 * The plan of some files, built as the checks build it but without running them: the views read
 * only the plan, and the checks of a plan this size would take most of the test's time.
 */
function planOf(files: ReadonlyMap<string, string>): Plan {
  const bytes = new Map([...files].map(([rel, text]) => [rel, Buffer.from(text, "utf8")] as const));
  return buildPlan(typeDocuments(loadFrom(memorySource(bytes), "<memory>", { parallel: false }).docs));
}

describe("planning reports on plans of hostile size", () => {
  it("verksamhetsplan: an enhet at the foot of a 2,000-long chain of enheter, with 1,000 aktiviteter (the walk up to the nämnd remembered)", () => {
    const files = hostileFiles("organchain", 2_000, 1);
    const aktiviteter = Array.from({ length: 1_000 }, (_, i) => `  - { id: AK${i}, namn: Aktivitet ${i}, bidrar_till: A1, start: 2026-01-10, slut: 2026-12-10 }`);
    files.set("verksamhetsplaner/E01999/2026.yaml", `typ: verksamhetsplan\nid: VP\norgan: E01999\når: 2026\naktiviteter:\n${aktiviteter.join("\n")}\n`);
    const plan = planOf(files);
    const { s, value } = timed(() => [
      buildPlanningView(plan, { phase: "verksamhetsplan", year: 2026, lang: "sv" }) as VerksamhetsplanView,
      buildPlanningView(plan, { phase: "verksamhetsplan", year: 2026, lang: "sv", nämnd: "N1" }) as VerksamhetsplanView,
    ]);
    // Before, this took 55 s (each aktivitet walked 2,000 organs up, each step a search of the organs).
    expect(s).toBeLessThan(10);
    for (const v of value) {
      expect(v.organ.map((o) => o.id)).toEqual(["E01999"]);
      expect(v.antalAktiviteter).toBe(1_000);
      expect(v.ejBetjänade.map((u) => [u.nämnd, u.antal])).toEqual([["N1", 0]]);
    }
  });
});

describe("the planning views' look-ups say what a search would, on generated plans", () => {
  const plan = (organs: readonly { id: string; typ: string; under?: string | undefined }[]): Plan => {
    const files = new Map<string, string>();
    const rows = organs.map((o) => `  - { id: ${o.id}, namn: ${o.id}, typ: ${o.typ}${o.under !== undefined ? `, under: ${o.under}` : ""} }`);
    files.set("plan.yaml", `typ: kommun\nnamn: K\nvision: { id: V, namn: Vision }\norganisation:\n  - { id: KF, namn: KF, typ: fullmäktige }\n${rows.join("\n")}\n`);
    files.set("kommunplan/kp.yaml", "typ: kommunplan\nid: KP\nnamn: KP\nperiod: { från: 2023, till: 2030 }\nvision: V\nmålområden:\n  - { id: O0, namn: O0, mål: [{ id: M0, namn: m }] }\n  - { id: O1, namn: O1 }\n  - { id: O2, namn: O2, mål: [{ id: M2a, namn: m }, { id: M2b, namn: m }] }\n");
    return planOf(files);
  };

  it("the nämnd of an organ, remembered along the walk up, is the first nämnd a walk of searches finds (cycles, repeats and strangers too)", () => {
    const id = fc.constantFrom("A", "B", "C", "D", "E", "F");
    const organ = fc.record({ id, typ: fc.constantFrom("nämnd", "förvaltning", "enhet", "bolag"), under: fc.option(fc.constantFrom("A", "B", "C", "D", "E", "F", "X", "KF"), { nil: undefined }) });
    fc.assert(
      fc.property(fc.array(organ, { maxLength: 10 }), fc.array(fc.constantFrom("A", "B", "C", "D", "E", "F", "X", "KF"), { maxLength: 12 }), (organs, asked) => {
        const p = plan(organs);
        // The oracle: the walk as it was written first, a search of the entities at each step.
        const naive = (organ: string): string | undefined => {
          const seen = new Set<string>();
          let cur: string | undefined = organ;
          while (cur !== undefined && !seen.has(cur)) {
            seen.add(cur);
            const e = p.entities.find((x) => x.kind === "organ" && x.id === cur);
            if (e?.organTyp === "nämnd") return cur;
            cur = e && typeof e.data.under === "string" ? e.data.under : undefined;
          }
          return undefined;
        };
        // One finder asked in turn, as the view asks it: what it remembers must not change an answer.
        const nämndOf = nämndFinder(p);
        for (const x of asked) expect(nämndOf(x)).toBe(naive(x));
      }),
      { numRuns: 100 },
    );
  });
});
