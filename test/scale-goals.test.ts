// Goals at scale: the aktiviteter below each åtagande counted in one pass over the thread
// (countBelow, for plan stats, the reports and the site), and the åtaganden and resultatmål
// grouped by målområde in one pass (plan status, the reports). Each size test loads a hostile
// plan (test/helpers/hostile-size.ts) and bounds the time; the rewrite is checked against the
// walk it replaced on generated graphs.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { groupByOmråde } from "../src/format/status.js";
import { countBelow } from "../src/model/below.js";
import { planStats } from "../src/model/stats.js";
import { descendants } from "../src/model/thread.js";
import type { Plan } from "../src/model/plan.js";
import type { Entity } from "../src/model/types.js";
import { årsredovisningView } from "../src/report/view-arsredovisning.js";
import { makeCtx, type Ctx } from "../src/report/view-common.js";
import { källaNote } from "../src/report/view-goals.js";
import { computeStatus, type KpiStatus, type StatusModel } from "../src/status/engine.js";
import { DEFAULT_RULE } from "../src/status/fulfilment.js";
import type { CountedKpis } from "../src/status/kpis.js";
import { goalStatuses } from "../src/status/roll-up.js";
import type { PeriodScope } from "../src/status/scope.js";
import { hostileFiles, loadHostile, timed } from "./helpers/hostile-size.js";

describe("countBelow on threads of any shape", () => {
  /** A thread of `size` entities from a list of edges (child → parent), cycles and all. */
  const threadOf = (size: number, edges: readonly [number, number][], kinds: readonly boolean[]): Entity[] => {
    const entities = Array.from({ length: size }, (_, i) => ({ id: `E${i}`, kind: kinds[i] ? "aktivitet" : "verksamhetsmål", parents: [] as Entity[], children: [] as Entity[] }) as unknown as Entity);
    for (const [c, p] of edges) {
      const child = entities[c % size]!;
      const parent = entities[p % size]!;
      // As the resolver makes them: a parent once per child, children the inverse of parents.
      if (child.parents.includes(parent)) continue;
      child.parents.push(parent);
      parent.children.push(child);
    }
    return entities;
  };

  it("counts what a walk below each entity counts, on generated graphs", () => {
    const edge = fc.tuple(fc.nat(40), fc.nat(40));
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.array(edge, { maxLength: 120 }), fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }), fc.nat(40), (size, edges, kinds, rootCount) => {
        const entities = threadOf(size, edges, kinds);
        // Roots: a prefix (the åtaganden of a caller), or all of them.
        const roots = entities.slice(0, Math.max(1, rootCount % (size + 1)));
        const counted = (e: Entity): boolean => e.kind === "aktivitet";
        const got = countBelow(roots, counted);
        for (const e of roots) expect(got.get(e) ?? 0).toBe([...descendants(e)].filter(counted).length);
        // Nothing counts that a walk would not.
        for (const [e, n] of got) expect(n).toBe([...descendants(e)].filter(counted).length);
      }),
      { numRuns: 500 },
    );
  });

  it("counts a ladder of 20,000 verksamhetsmål, each serving its own åtagande and the one above, in little time and memory", () => {
    // V_i serves A_i and V_{i-1}, and has aktivitet K_i: A_i has n − i aktiviteter below it, every
    // count its own. Kept as n sets of up to n entities, 20,000 rungs took 22 s and 4 GB.
    const n = 20_000;
    const edges: [number, number][] = [];
    // Entities: A_i = i, V_i = n + i, K_i = 2n + i; an edge is [child, parent].
    for (let i = 0; i < n; i++) {
      edges.push([n + i, i], [2 * n + i, n + i]);
      if (i > 0) edges.push([n + i, n + i - 1]);
    }
    const kinds = Array.from({ length: 3 * n }, (_, i) => i >= 2 * n);
    const entities = threadOf(3 * n, edges, kinds);
    const { s, value } = timed(() => countBelow(entities.slice(0, n), (e) => e.kind === "aktivitet"));
    expect(s).toBeLessThan(10);
    for (const i of [0, 1, 9_999, n - 1]) expect(value.get(entities[i]!)).toBe(n - i);
    expect(value.get(entities[n]!)).toBe(n);
    expect(value.has(entities[2 * n]!)).toBe(false);
  });

  it("counts the same when the counted entities are taken 32 at a time, over several passes", () => {
    const edge = fc.tuple(fc.nat(150), fc.nat(150));
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 150 }), fc.array(edge, { maxLength: 400 }), fc.array(fc.boolean(), { minLength: 150, maxLength: 150 }), (size, edges, kinds) => {
        const entities = threadOf(size, edges, kinds);
        const counted = (e: Entity): boolean => e.kind === "aktivitet";
        // One byte of memory per pass: the least, one word per component, 32 counted entities a pass.
        const got = countBelow(entities, counted, 1);
        expect([...got]).toEqual([...countBelow(entities, counted)]);
        for (const e of entities) expect(got.get(e) ?? 0).toBe([...descendants(e)].filter(counted).length);
      }),
      { numRuns: 100 },
    );
  });

  it("counts for each parent what a shared verksamhetsmål has below it, and what one parent has of its own", () => {
    // V has aktiviteter X and Y below it; A and B both serve through V; A also has Z of its own.
    const [a, b, v, x, y, z] = threadOf(6, [[2, 0], [2, 1], [3, 2], [4, 2], [5, 0]], [false, false, false, true, true, true]);
    const got = countBelow([a!, b!], (e) => e.kind === "aktivitet");
    expect([got.get(a!), got.get(b!), got.get(v!), got.get(x!), got.get(y!), got.get(z!)]).toEqual([3, 2, 2, undefined, undefined, undefined]);
  });
});

describe("the aktiviteter below each åtagande at scale", () => {
  /**
   * The "shared" shape of hostile-size.ts, built as entities (loading 24,000 from YAML would take
   * seconds): m åtaganden of one resultatmål, all served by one verksamhetsmål that n aktiviteter
   * serve. Just what planStats reads.
   */
  const sharedPlan = (n: number, m: number): Plan => {
    const year = { kind: "year", year: 2026 };
    const all: Entity[] = [];
    const make = (kind: string, id: string, parents: Entity[], extra: Record<string, unknown> = {}): Entity => {
      const e = { id, kind, data: { id }, scope: year, year: 2026, parents, children: [] as Entity[], ...extra } as unknown as Entity;
      for (const p of parents) p.children.push(e);
      all.push(e);
      return e;
    };
    const kp = make("kommunplan", "KP", [], { scope: { kind: "global" } });
    const budget = make("budget", "B2026", []);
    const vp = make("verksamhetsplan", "VP", [], { data: { organ: "F1" } });
    const område = make("målområde", "O1", [], { container: kp, scope: { kind: "global" } });
    const r = make("resultatmål", "R1", [område], { container: budget });
    const åtaganden = Array.from({ length: m }, (_, i) => make("åtagande", `A${i}`, [r], { container: budget, data: { id: `A${i}`, nämnder: "N1" } }));
    const vm = make("verksamhetsmål", "VM1", åtaganden);
    for (let i = 0; i < n; i++) make("aktivitet", `AK${i}`, [vm], { container: vp });
    make("organ", "N1", [], { organTyp: "nämnd", scope: { kind: "global" } });
    const ofKind = (kind: string): Entity[] => all.filter((e) => e.kind === kind);
    return {
      docs: [{ kind: "budget", year: 2026, entity: budget }],
      entities: all,
      index: { ofKind, kommunplanFor: () => kp },
      namnder: ["N1"],
      failed: [],
    } as unknown as Plan;
  };

  it("plan stats: 12,000 åtaganden served by one verksamhetsmål that 12,000 aktiviteter serve", () => {
    const plan = sharedPlan(12000, 12000);
    // Before, this took 16 s: a walk of 12,000 aktiviteter below each of the 12,000 åtaganden.
    const { s, value } = timed(() => planStats(plan, 2026));
    expect(value.åtaganden.total).toBe(12000);
    expect(value.aktiviteter).toBe(12000);
    expect(value.aktiviteterPerÅtagande).toEqual({ medel: 12000, median: 12000, max: 12000, andelMedAktivitet: 1 });
    expect(s).toBeLessThan(10);
  });
});

describe("goals grouped by målområde at scale", () => {
  it("the goals, their grouping and the årsredovisning: 800 målområden, one resultatmål and one åtagande each", () => {
    const { plan } = loadHostile(hostileFiles("grid", 800, 800));
    // Before, this took 35 s (600 målområden: 10 s): the årsredovisning grouped every åtagande by
    // målområde once per målområde's trend table, and each grouping filtered every åtagande per
    // målområde. (plan status's tables of the same groups are left out: drawing them is slow.)
    const { s, value } = timed(() => {
      const m = computeStatus(plan, { period: "2026-12" });
      return { m, groups: groupByOmråde(m), view: årsredovisningView(makeCtx(plan, m, "sv", "årsredovisning"), undefined) };
    });
    const { m, groups, view } = value;
    expect(m.målområden.map((g) => g.id)).toEqual(Array.from({ length: 800 }, (_, i) => `O${String(i).padStart(5, "0")}`));
    expect(m.målområden.every((g) => g.counts.uppfyllt + g.counts.delvis_uppfyllt + g.counts.ej_uppfyllt + g.counts.ej_bedömd === 1)).toBe(true);
    expect(groups.map((g) => [g.område.id, g.åtaganden.map((k) => k.id)])[799]).toEqual(["O00799", ["A00799"]]);
    expect(view.områden.map((o) => [o.id, o.resultatmål.map((r) => r.åtaganden.map((k) => k.id)), o.trend!.rows.map((r) => r.id)])[799]).toEqual(["O00799", [["A00799"]], ["A00799"]]);
    expect(view.summary.fulfilment.rows.every((r) => r.total === 1)).toBe(true);
    expect(s).toBeLessThan(10);
  });

  /**
   * m målområden of a kommunplan, one resultatmål each and one åtagande under each, as plain data
   * (loading 60,000 entities from YAML would take seconds): just what goalStatuses and
   * groupByOmråde read. Every third åtagande uppfyllt, the others ej uppfyllda.
   */
  const gridGoals = (m: number): { s: PeriodScope; kpis: CountedKpis } => {
    const year = { kind: "year", year: 2026 };
    const kp = { id: "KP", kind: "kommunplan", data: {}, parents: [] } as unknown as Entity;
    const budget = { id: "B2026", kind: "budget", data: {}, parents: [] } as unknown as Entity;
    const entity = (kind: string, id: string, parents: Entity[], container: Entity, scope: object): Entity =>
      ({ id, kind, data: { id, namn: id }, scope, container, parents, children: [] }) as unknown as Entity;
    const områden = Array.from({ length: m }, (_, i) => entity("målområde", `O${i}`, [], kp, { kind: "global" }));
    const resultatmål = områden.map((o, i) => entity("resultatmål", `R${i}`, [o], budget, year));
    const åtaganden = resultatmål.map((r, i) => ({ id: `A${i}`, entity: entity("åtagande", `A${i}`, [r], budget, year), status: i % 3 === 0 ? "uppfyllt" : "ej_uppfyllt" }));
    const byKind: Record<string, Entity[]> = { målområde: områden, resultatmål };
    const plan = { index: { ofKind: (k: string) => byKind[k] ?? [], kommunplanFor: () => kp } } as unknown as Plan;
    const s = { plan, period: "2026-12", year: 2026, budget: { entity: budget }, followUps: [] } as unknown as PeriodScope;
    return { s, kpis: { åtaganden, resultatmålNyckeltal: [] } as unknown as CountedKpis };
  };

  it("plan status: 10,000 målområden, their resultatmål and åtaganden rolled up and grouped", () => {
    const { s, kpis } = gridGoals(10000);
    // Before, this took 21 s: each målområde filtered every resultatmål (roll-up) and every
    // åtagande (grouping) for its own.
    const { s: seconds, value } = timed(() => {
      const goals = goalStatuses(s, kpis, DEFAULT_RULE);
      return { goals, groups: groupByOmråde({ målområden: goals.målområden, åtaganden: kpis.åtaganden } as unknown as StatusModel) };
    });
    const { goals, groups } = value;
    expect(goals.resultatmål).toHaveLength(10000);
    expect(goals.målområden.map((g) => `${g.id} ${g.status}`).slice(0, 3)).toEqual(["O0 uppfyllt", "O1 ej_uppfyllt", "O2 ej_uppfyllt"]);
    expect(groups.map((g) => `${g.område.id}: ${g.åtaganden.map((k) => k.id).join(" ")}`).slice(9998)).toEqual(["O9998: A9998", "O9999: A9999"]);
    expect(seconds).toBeLessThan(10);
  });
});

describe("a table's note of its källor at scale", () => {
  it("60,000 åtaganden, each utfall with a källa of its own", () => {
    const ks = Array.from({ length: 60_000 }, (_, i) => ({ id: `A${i}`, utfall: 1, källa: `Enkät ${i}` }) as unknown as KpiStatus);
    const ctx = { t: { källa: "Källa" } } as unknown as Ctx;
    // Before, this took 13 s: the rows were filtered once per källa.
    const { s, value } = timed(() => källaNote(ctx, [...ks, { id: "B", utfall: 2, källa: "Enkät 0" } as unknown as KpiStatus]));
    expect(value!.startsWith("Källa: Enkät 0 (A0, B); Enkät 1 (A1); Enkät 2 (A2)")).toBe(true);
    expect(value!.endsWith("; Enkät 59999 (A59999)")).toBe(true);
    expect(s).toBeLessThan(10);
  });
});
