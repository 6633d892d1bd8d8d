// The planning reports on plans of hostile size: each view answers from look-ups and lists made
// once (organs by ID, entities by container, a nämnd per organ remembered), not from a pass over
// the plan for every row, comparison or step up the organisation.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadFrom, memorySource } from "../src/load/load-plan.js";
import { buildPlan, typeDocuments, type Plan } from "../src/model/plan.js";
import type { Entity } from "../src/model/types.js";
import { buildPlanningView } from "../src/report/report.js";
import { makePlanCtx, åtagandenOf, åtagandenPerNämnd, type BudgetView } from "../src/report/view-planning.js";
import type { PlaneringsdirektivView } from "../src/report/view-planeringsdirektiv.js";
import type { UnderlagView } from "../src/report/view-underlag.js";
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
    // Before, this took 36 to 55 s (each aktivitet walked 2,000 organs up, each step a search of the organs).
    expect(s).toBeLessThan(10);
    for (const v of value) {
      expect(v.organ.map((o) => o.id)).toEqual(["E01999"]);
      expect(v.antalAktiviteter).toBe(1_000);
      expect(v.ejBetjänade.map((u) => [u.nämnd, u.antal])).toEqual([["N1", 0]]);
    }
  });

  it("underlag: 50,000 proposed åtaganden under one resultatmål (each group a list pushed onto, not copied per åtagande)", () => {
    const plan = planOf(hostileFiles("underlag", 50_000, 1));
    const { s, value } = timed(() => buildPlanningView(plan, { phase: "underlag", year: 2027, lang: "sv" }) as UnderlagView);
    // Before, this took 15 to 18 s (each åtagande copied the list of those before it into a new one).
    expect(s).toBeLessThan(10);
    expect(value.submissions).toHaveLength(1);
    const groups = value.submissions[0]!.områden;
    expect(groups.map((o) => [o.id, o.resultatmål.map((r) => [r.id, r.åtaganden.length])])).toEqual([["O1", [["R00000", 50_000]]]]);
    expect(value.overview!.rows.map((r) => [r.nämnd, r.åtaganden])).toEqual([["N1", "50\u00a0000"]]);
  });

  it("planeringsdirektiv and budget: the directive's ramar for the last 8,000 of 40,000 organs, 2,000 målområden (types and mål looked up, not searched for)", () => {
    // Ramar for the organs at the end of the organisation: a search for one walks all of it.
    const files = hostileFiles("pd", 40_000, 2_000);
    const ramar = `ramar:\n${Array.from({ length: 8_000 }, (_, i) => `  - { organ: N${32_000 + i}, belopp: 10 }`).join("\n")}\n`;
    const cut = (rel: string): string => files.get(rel)!.slice(0, files.get(rel)!.indexOf("ramar:\n"));
    files.set("budget/2026.yaml", cut("budget/2026.yaml"));
    files.set("planeringsdirektiv/2027.yaml", cut("planeringsdirektiv/2027.yaml") + ramar);
    const plan = planOf(files);
    const { s, value } = timed(() => [
      buildPlanningView(plan, { phase: "planeringsdirektiv", year: 2027, lang: "sv" }) as PlaneringsdirektivView,
      buildPlanningView(plan, { phase: "budget", year: 2026, lang: "sv" }) as BudgetView,
    ] as const);
    // Before, this took 19 s (each comparison of the sort searched the organs for both types).
    expect(s).toBeLessThan(10);
    const [pd, budget] = value;
    // The nämnder (odd numbers) first, then the bolag, each in the order of the ramar.
    expect(pd.ramar.rows).toHaveLength(8_000);
    expect(pd.ramar.rows.slice(0, 2).map((r) => [r.id, r.typ, r.budget, r.direktiv])).toEqual([["N32001", "nämnd", "", "10"], ["N32003", "nämnd", "", "10"]]);
    expect(pd.ramar.rows.slice(3_999, 4_001).map((r) => [r.id, r.typ])).toEqual([["N39999", "nämnd"], ["N32000", "bolag"]]);
    expect(pd.ramar.total.direktiv).toBe("80\u00a0000");
    expect(pd.målområden).toHaveLength(2_000);
    expect(pd.målområden[1_999]).toEqual({ id: "O01999", namn: "Område O01999", mål: [{ id: "O01999-M0", namn: "mål" }] });
    expect(budget.områden).toHaveLength(2_000);
    expect(budget.områden[0]!.resultatmål.map((r) => [r.id, r.åtaganden.map((a) => a.id)])).toEqual([["R1", ["A1"]]]);
    expect(budget.områden[1_999]!.mål).toEqual([{ id: "O01999-M0", namn: "mål" }]);
  });
});

describe("the planning views' look-ups say what a search would, on generated plans", () => {
  const list = (ids: readonly string[]): string => `[${ids.join(", ")}]`;
  const plan = (organs: readonly { id: string; typ: string; under?: string | undefined }[], more: readonly [string, string][] = []): Plan => {
    const files = new Map<string, string>();
    const rows = organs.map((o) => `  - { id: ${o.id}, namn: ${o.id}, typ: ${o.typ}${o.under !== undefined ? `, under: ${o.under}` : ""} }`);
    files.set("plan.yaml", `typ: kommun\nnamn: K\nvision: { id: V, namn: Vision }\norganisation:\n  - { id: KF, namn: KF, typ: fullmäktige }\n${rows.join("\n")}\n`);
    files.set("kommunplan/kp.yaml", "typ: kommunplan\nid: KP\nnamn: KP\nperiod: { från: 2023, till: 2030 }\nvision: V\nmålområden:\n  - { id: O0, namn: O0, mål: [{ id: M0, namn: m }] }\n  - { id: O1, namn: O1 }\n  - { id: O2, namn: O2, mål: [{ id: M2a, namn: m }, { id: M2b, namn: m }] }\n");
    for (const [rel, text] of more) files.set(rel, text);
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

  it("an underlag's proposals by målområde and resultatmål, in the order a search of the entities gives them", () => {
    const rm = fc.record({ id: fc.constantFrom("R0", "R1", "R2", "R3"), område: fc.constantFrom("O0", "O1", "O2", "OX") });
    const förslag = fc.oneof(fc.record({ resultatmål: fc.array(fc.constantFrom("R0", "R1", "R2", "R3", "RX"), { minLength: 1, maxLength: 2 }) }), fc.record({ målområde: fc.constantFrom("O0", "O1", "O2", "OX") }));
    fc.assert(
      fc.property(fc.array(rm, { maxLength: 6 }), fc.array(förslag, { maxLength: 10 }), (rms, fs) => {
        const budget = `typ: budget\nid: B\når: 2026\nresultatmål:\n${rms.map((r) => `  - { id: ${r.id}, målområde: ${r.område}, text: t }`).join("\n") || "  []"}\nåtaganden: []\n`;
        const rows = fs.map((f, i) => `  - { id: U${i}, text: t, ${"resultatmål" in f ? `resultatmål: [${f.resultatmål.join(", ")}]` : `målområde: ${f.målområde}`} }`);
        const underlag = `typ: underlag\nid: UL\nnämnd: N0\når: 2027\nåtaganden:\n${rows.join("\n") || "  []"}\n`;
        const p = plan([{ id: "N0", typ: "nämnd" }], [["budget/2026.yaml", budget], ["underlag/2027/N0.yaml", underlag]]);
        // The oracle: the grouping as it was written first, indexOf in the comparators.
        const doc = p.docs.find((d) => d.kind === "underlag")!;
        const groups = new Map<Entity | undefined, Map<Entity | undefined, Entity[]>>();
        for (const a of p.entities.filter((e) => e.kind === "åtagande" && e.container === doc.entity)) {
          const r = a.parents.find((x) => x.kind === "resultatmål");
          const o = r ? r.parents.find((x) => x.kind === "målområde") : a.parents.find((x) => x.kind === "målområde");
          const byRm = groups.get(o) ?? new Map<Entity | undefined, Entity[]>();
          groups.set(o, byRm);
          byRm.set(r, [...(byRm.get(r) ?? []), a]);
        }
        const order = p.entities.filter((e) => e.kind === "målområde");
        const at = (list: readonly Entity[], e: Entity | undefined): number => (e ? list.indexOf(e) : Infinity);
        const want = [...groups.keys()]
          .sort((a, b) => at(order, a) - at(order, b))
          .map((o) => [o?.id ?? "", [...groups.get(o)!.keys()].sort((a, b) => at(p.entities, a) - at(p.entities, b)).map((r) => [r?.id ?? "", groups.get(o)!.get(r)!.map((a) => a.id)])]);
        const view = buildPlanningView(p, { phase: "underlag", year: 2027, lang: "sv", nämnd: "N0" }) as UnderlagView;
        const got = (view.submissions[0]?.områden ?? []).map((o) => [o.id, o.resultatmål.map((r) => [r.id, r.åtaganden.map((a) => a.id)])]);
        expect(got).toEqual(want);
      }),
      { numRuns: 100 },
    );
  });

  it("the budget's åtaganden per nämnd, and its målområden, resultatmål and åtaganden, as a filter of every list for each would give them", () => {
    const rm = fc.record({ id: fc.constantFrom("R0", "R1", "R2", "R3"), område: fc.constantFrom("O0", "O1", "O2", "OX") });
    const åt = fc.record({
      resultatmål: fc.array(fc.constantFrom("R0", "R1", "R2", "R3", "RX"), { minLength: 1, maxLength: 3 }),
      nämnder: fc.array(fc.constantFrom("N0", "N1", "N2", "alla", "NX"), { minLength: 1, maxLength: 3 }),
    });
    fc.assert(
      fc.property(fc.array(rm, { maxLength: 6 }), fc.array(åt, { maxLength: 8 }), (rms, åts) => {
        const budget = `typ: budget\nid: B\når: 2026\nresultatmål:\n${rms.map((r) => `  - { id: ${r.id}, målområde: ${r.område}, text: t }`).join("\n") || "  []"}\nåtaganden:\n${åts.map((a, i) => `  - { id: A${i}, resultatmål: ${list(a.resultatmål)}, nämnder: ${list(a.nämnder)}, text: t }`).join("\n") || "  []"}\n`;
        const p = plan([{ id: "N0", typ: "nämnd" }, { id: "N1", typ: "nämnd" }, { id: "N2", typ: "nämnd", under: "N0" }], [["budget/2026.yaml", budget]]);
        const ctx = makePlanCtx(p, "sv", 2026);
        const nämnder = ["N0", "N1", "N2", "NX", "N1"];
        const per = åtagandenPerNämnd(ctx, nämnder);
        for (const n of nämnder) expect(per.get(n)!.map((a) => a.id)).toEqual(åtagandenOf({ ...ctx, nämnd: n }).map((a) => a.id));
        expect(per.get("N1")!.map((a) => a.id)).toEqual(åts.flatMap((a, i) => (a.nämnder.includes("N1") || a.nämnder.includes("alla") ? [`A${i}`] : [])));

        // The oracle: the grouping as it was written first.
        const åtaganden = åtagandenOf(ctx);
        const kp = p.index.kommunplanFor(2026);
        const resultatmål = p.entities.filter((e) => e.kind === "resultatmål" && e.year === 2026);
        const seen = new Set<Entity>();
        const want = p.entities
          .filter((e) => e.kind === "målområde" && e.container === kp)
          .map((o) => [
            o.id,
            p.entities.filter((m) => m.kind === "mål" && m.container === o).map((m) => m.id),
            resultatmål
              .filter((r) => r.parents.includes(o))
              .map((r) => {
                const own = åtaganden.filter((a) => a.parents.includes(r) && !seen.has(a));
                for (const a of own) seen.add(a);
                return [r.id, own.map((a) => a.id)];
              }),
          ]);
        const rest = åtaganden.filter((a) => !seen.has(a));
        if (rest.length > 0) want.push(["", [], [["", rest.map((a) => a.id)]]]);
        const view = buildPlanningView(p, { phase: "budget", year: 2026, lang: "sv" }) as BudgetView;
        expect(view.områden.map((o) => [o.id, o.mål.map((m) => m.id), o.resultatmål.map((r) => [r.id, r.åtaganden.map((a) => a.id)])])).toEqual(want);
      }),
      { numRuns: 100 },
    );
  });
});
