// The roll-up by the kommun's own rule (plan.yaml `måluppfyllelse`), manual `bedömningar`, and
// the counts and rule sentence every verdict shows. test/fixtures/rollup/disagree is a plan
// where the methods disagree (its budget says how); each case adds its own rule and follow-ups.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkPlan } from "../src/check/index.js";
import { loadFrom, loadPlan, memorySource } from "../src/load/load-plan.js";
import { computeStatus, followUpPeriods, type GoalStatus } from "../src/status/engine.js";
import { DEFAULT_RULE, rollUpBy, type Status } from "../src/status/fulfilment.js";
import { countsText, ruleSentence } from "../src/format/status-rule.js";
import { makeCtx } from "../src/report/view-common.js";
import { ruleSentence as summarySentence } from "../src/report/view-goals.js";
import { planInProcess } from "./helpers/in-process.js";
import { cleanup, FIXTURES, filesBelow, tempDir } from "./helpers/plan-dir.js";

afterAll(cleanup);

const DIR = path.join(FIXTURES, "rollup/disagree");
const ROOT = path.join(FIXTURES, "../..");

/** The fixture's files, `plan` appended to plan.yaml, `extra` files added. */
function filesOf(plan = "", extra: Record<string, string> = {}): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>(filesBelow(DIR).map((rel) => [rel, readFileSync(path.join(DIR, rel))]));
  files.set("plan.yaml", Buffer.concat([files.get("plan.yaml")!, Buffer.from(plan, "utf8")]));
  for (const [rel, text] of Object.entries(extra)) files.set(rel, Buffer.from(text, "utf8"));
  return files;
}

function model(o: { plan?: string; extra?: Record<string, string>; period?: string; nämnd?: string; errors?: string[] } = {}) {
  const loaded = loadFrom(memorySource(filesOf(o.plan, o.extra)), "<memory>", { parallel: false });
  const { plan, diagnostics } = checkPlan(loaded.docs, loaded.diagnostics);
  // A fixture with a deliberate fault names the codes it expects; any other error is a fault of the fixture.
  expect(diagnostics.filter((d) => d.severity === "error").map((d) => d.code)).toEqual(o.errors ?? []);
  return computeStatus(plan, { period: o.period ?? "2025-08", ...(o.nämnd !== undefined ? { nämnd: o.nämnd } : {}) });
}

const statuses = (list: readonly GoalStatus[]): Record<string, Status> => Object.fromEntries(list.map((g) => [g.id, g.status]));
const byId = (list: readonly GoalStatus[]): Record<string, GoalStatus> => Object.fromEntries(list.map((g) => [g.id, g]));
const counts = (u: number, d: number, e: number, eb: number) => ({ uppfyllt: u, delvis_uppfyllt: d, ej_uppfyllt: e, ej_bedömd: eb });
const rule = (yaml: string): string => `måluppfyllelse: ${yaml}\n`;

describe("the methods on a plan where they disagree", () => {
  it("default (no måluppfyllelse): the mean of the resultatmål's statuses, OMR uppfyllt (1 and 0.5 → 0.75)", () => {
    const m = model();
    expect(m.rule).toEqual(DEFAULT_RULE);
    expect(statuses(m.resultatmål)).toEqual({ "OMR-R1": "uppfyllt", "OMR-R2": "delvis_uppfyllt", "DUB-R1": "delvis_uppfyllt", "DUB-R2": "delvis_uppfyllt" });
    const r = byId(m.resultatmål);
    expect(r["DUB-R1"]).toMatchObject({ counts: counts(1, 0, 1, 1), assessed: 2, mean: 0.5, manual: false });
    expect(r["DUB-R1"]!.share).toBeUndefined();
    const o = byId(m.målområden);
    expect(o.OMR).toMatchObject({ status: "uppfyllt", counts: counts(1, 1, 0, 0), assessed: 2, mean: 0.75 });
    expect(o.DUB).toMatchObject({ status: "delvis_uppfyllt", counts: counts(0, 2, 0, 0), mean: 0.5 });
  });

  it("medelvärde, nivå åtaganden (pooled): OMR delvis (1, 0.5, 0.5 → 0.67); a shared åtagande counts once", () => {
    const m = model({ plan: rule("{ metod: medelvärde, nivå: åtaganden }") });
    expect(m.rule).toEqual({ ...DEFAULT_RULE, nivå: "åtaganden" });
    // The level is the målområde's: a resultatmål still counts its own.
    expect(statuses(m.resultatmål)).toEqual(statuses(model().resultatmål));
    const o = byId(m.målområden);
    expect(o.OMR).toMatchObject({ status: "delvis_uppfyllt", counts: counts(1, 2, 0, 0), assessed: 3 });
    expect(o.OMR!.mean).toBeCloseTo(2 / 3, 10);
    // DUB-R1-N1 1, DUB-A1 0 (under both resultatmål, once), DUB-A2 not assessed, DUB-A3 1.
    expect(o.DUB).toMatchObject({ status: "delvis_uppfyllt", counts: counts(2, 0, 1, 1), assessed: 3 });
    expect(o.DUB!.mean).toBeCloseTo(2 / 3, 10);
  });

  it("andel_uppfyllda, nivå åtaganden: OMR 1 of 3 met is delvis at 0.25, ej with delvis 0.5", () => {
    const m = model({ plan: rule("{ metod: andel_uppfyllda, nivå: åtaganden }") });
    const o = byId(m.målområden);
    expect(o.OMR).toMatchObject({ status: "delvis_uppfyllt", counts: counts(1, 2, 0, 0) });
    expect(o.OMR!.share).toBeCloseTo(1 / 3, 10);
    expect(countsText(o.OMR!, "sv")).toBe("av 3 bedömda: 1 uppfyllt, 2 delvis, 0 ej; andel uppfyllda 33,3 %");
    expect(o.OMR!.mean).toBeUndefined();
    expect(o.DUB!.share).toBeCloseTo(2 / 3, 10);
    // The share of a resultatmål's own: OMR-R2 has two delvis and none met.
    expect(statuses(m.resultatmål)).toEqual({ "OMR-R1": "uppfyllt", "OMR-R2": "ej_uppfyllt", "DUB-R1": "delvis_uppfyllt", "DUB-R2": "delvis_uppfyllt" });

    const strict = byId(model({ plan: rule("{ metod: andel_uppfyllda, nivå: åtaganden, uppfyllt: 0.6, delvis: 0.5 }") }).målområden);
    expect(strict.OMR!.status).toBe("ej_uppfyllt");
    expect(strict.DUB!.status).toBe("uppfyllt"); // 2/3 ≥ 0.6
  });

  it("andel_uppfyllda, nivå resultatmål: the share of the resultatmål met (OMR-R1 met, OMR-R2 not: 0.5)", () => {
    const m = model({ plan: rule("{ metod: andel_uppfyllda }") });
    expect(byId(m.målområden).OMR).toMatchObject({ status: "delvis_uppfyllt", counts: counts(1, 0, 1, 0), share: 0.5 });
  });

  it("thresholds in måluppfyllelse override bedömning's, field by field; invalid values fall back", () => {
    const bedömning = "bedömning: { uppfyllt: 0.8, delvis: 0.4 }\n";
    const strict = model({ plan: bedömning });
    expect(strict.rule).toEqual({ ...DEFAULT_RULE, uppfyllt: 0.8, delvis: 0.4 });
    expect(byId(strict.målområden).OMR!.status).toBe("delvis_uppfyllt"); // 0.75 < 0.8
    const both = model({ plan: bedömning + rule("{ uppfyllt: 0.7 }") });
    expect(both.rule).toEqual({ ...DEFAULT_RULE, uppfyllt: 0.7, delvis: 0.4 });
    expect({ uppfyllt: both.rule.uppfyllt, delvis: both.rule.delvis }).toEqual({ uppfyllt: 0.7, delvis: 0.4 });
    expect(byId(both.målområden).OMR!.status).toBe("uppfyllt");
    // The schema rejects each bad value; the status still comes out, by the default per field.
    const invalid = model({ plan: bedömning + rule("{ metod: median, nivå: nämnder, uppfyllt: 3, delvis: x }"), errors: ["bad-value", "bad-value", "out-of-range", "wrong-type"] });
    expect(invalid.rule).toEqual({ ...DEFAULT_RULE, uppfyllt: 0.8, delvis: 0.4 });
  });

  it("cut to a nämnd: the same cut as before, each method on the nämnd's own åtaganden", () => {
    const ks = model({ nämnd: "KS" });
    // KS: OMR-A1 met, OMR-A2 partly, DUB-A3 met; nothing of KS's under DUB-R1, and no resultatmål-nyckeltal.
    expect(statuses(ks.resultatmål)).toEqual({ "OMR-R1": "uppfyllt", "OMR-R2": "delvis_uppfyllt", "DUB-R2": "uppfyllt" });
    expect(statuses(ks.målområden)).toEqual({ OMR: "uppfyllt", DUB: "uppfyllt" });
    const pooled = model({ nämnd: "BUN", plan: rule("{ nivå: åtaganden }") });
    // BUN: OMR-A3 partly; DUB-A1 not met (once), DUB-A2 not assessed.
    expect(byId(pooled.målområden).OMR).toMatchObject({ status: "delvis_uppfyllt", counts: counts(0, 1, 0, 0) });
    expect(byId(pooled.målområden).DUB).toMatchObject({ status: "ej_uppfyllt", counts: counts(0, 0, 1, 1) });
  });
});

describe("manual bedömningar", () => {
  const follow = (period: string, rows: string): string =>
    `typ: uppföljning\nid: UF${period}\nperiod: ${period}\nrapport: månad\nbedömningar:\n${rows}`;
  const extra = {
    "uppfoljning/2025-04.yaml": follow("2025-04", "  - { avser: OMR-R2, bedömning: ej_uppfyllt, motivering: Etableringarna har stannat av. }\n"),
    "uppfoljning/2025-08-b.yaml": follow("2025-08", "  - { avser: DUB, bedömning: uppfyllt, motivering: Tryggheten mäts först i höst men *alla* skolor rapporterar färre kränkningar. }\n").replace("UF2025-08", "UF2025-08B"),
    "uppfoljning/2025-10.yaml": follow("2025-10", "  - { avser: OMR-R2, bedömning: uppfyllt, motivering: Två stora etableringar i september. }\n"),
  };

  it("the newest up to the period sets the status; counts and mean stay the rule's; a manual resultatmål feeds its målområde", () => {
    const m = model({ extra });
    const r = byId(m.resultatmål)["OMR-R2"]!;
    expect(r).toMatchObject({ status: "ej_uppfyllt", manual: true, computed: "delvis_uppfyllt", counts: counts(0, 2, 0, 0), mean: 0.5 });
    expect(r.motivering).toBe("Etableringarna har stannat av.");
    // OMR from OMR-R1 met and the manual OMR-R2 not met: 0.5, delvis (uppfyllt without the manual one).
    expect(byId(m.målområden).OMR).toMatchObject({ status: "delvis_uppfyllt", manual: false, counts: counts(1, 0, 1, 0), mean: 0.5 });
    const dub = byId(m.målområden).DUB!;
    expect(dub).toMatchObject({ status: "uppfyllt", manual: true, computed: "delvis_uppfyllt", mean: 0.5 });
    expect(dub.motivering).toMatch(/^Tryggheten/u);
    expect(byId(m.resultatmål)["OMR-R1"]).toMatchObject({ manual: false });
    expect(byId(m.resultatmål)["OMR-R1"]!.computed).toBeUndefined();
  });

  it("a later period sees the later assessment; an earlier one none of the later", () => {
    expect(byId(model({ extra, period: "2025-10" }).resultatmål)["OMR-R2"]).toMatchObject({ status: "uppfyllt", manual: true });
    expect(byId(model({ extra, period: "2025-10" }).målområden).OMR).toMatchObject({ status: "uppfyllt", mean: 1 });
    const april = model({ extra, period: "2025-04" });
    expect(byId(april.resultatmål)["OMR-R2"]).toMatchObject({ status: "ej_uppfyllt", manual: true, computed: "ej_bedömd", assessed: 0 });
    expect(byId(april.målområden).DUB!.manual).toBe(false);
  });

  it("a kommun's assessment judges the whole goal; a nämnd's own follow-up judges only its cut", () => {
    // The whole-kommun assessments do not reach KS's cut: OMR-R2 is KS's own computed status there.
    expect(byId(model({ extra, nämnd: "KS" }).resultatmål)["OMR-R2"]).toMatchObject({ manual: false });
    const own = {
      ...extra,
      "uppfoljning/2025-08-ks.yaml": follow("2025-08", "  - { avser: OMR-R2, bedömning: ej_uppfyllt, motivering: KS:s del har inte kommit i gång. }\n")
        .replace("UF2025-08", "UF2025-08-KS")
        .replace("rapport: månad", "rapport: månad\norgan: KS"),
    };
    const ks = byId(model({ extra: own, nämnd: "KS" }).resultatmål)["OMR-R2"]!;
    expect(ks).toMatchObject({ status: "ej_uppfyllt", manual: true });
    expect(ks.motivering).toMatch(/^KS:s del/u);
    // …and the KS assessment does not change the whole kommun's (still the kommun's own of 2025-04).
    expect(byId(model({ extra: own }).resultatmål)["OMR-R2"]!.motivering).toBe("Etableringarna har stannat av.");
  });

  it("with nivå åtaganden a målområde counts the åtaganden, not a manual resultatmål", () => {
    const m = model({ extra, plan: rule("{ nivå: åtaganden }") });
    expect(byId(m.målområden).OMR).toMatchObject({ status: "delvis_uppfyllt", manual: false, counts: counts(1, 2, 0, 0) });
  });

  it("plan status shows the manual status, the counts, the rule and the motivering (text and JSON)", () => {
    const dir = tempDir("rodtrad-rollup-");
    for (const [rel, bytes] of filesOf("", extra)) {
      mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      writeFileSync(path.join(dir, rel), bytes);
    }
    const text = planInProcess(["status", "-C", dir, "--period", "2025-08", "--lang", "sv"]).stdout;
    expect(text).toMatch(/OMR-R2 .*│ ○ Ej uppfyllt \(manuell\) *│ av 2 bedömda: 0 uppfyllt, 2 delvis, 0 ej; medelvärde 0,5; beräknat: ◐ Delvis uppfyllt/u);
    expect(text).toContain("OMR-R2 (manuell): Etableringarna har stannat av.");
    expect(text).toContain(ruleSentence(DEFAULT_RULE, "målområde", "sv"));
    expect(text).toContain(ruleSentence(DEFAULT_RULE, "resultatmål", "sv"));
    const j = JSON.parse(planInProcess(["status", "-C", dir, "--period", "2025-08", "--format", "json"]).stdout) as Record<string, unknown>;
    expect(j.rule).toEqual(DEFAULT_RULE);
    const goals = j.resultatmål as Record<string, unknown>[];
    expect(goals.find((g) => g.id === "OMR-R2")).toEqual({
      id: "OMR-R2",
      status: "ej_uppfyllt",
      manual: true,
      computed: "delvis_uppfyllt",
      motivering: "Etableringarna har stannat av.",
      counts: counts(0, 2, 0, 0),
      assessed: 2,
      mean: 0.5,
      share: null,
    });
    expect(goals.find((g) => g.id === "DUB-R1")).toMatchObject({ manual: false, counts: counts(1, 0, 1, 1), assessed: 2 });
    expect(goals.find((g) => g.id === "DUB-R1")).not.toHaveProperty("motivering");

    const md = planInProcess(["report", "delår", "-C", dir, "--period", "2025-08", "--lang", "sv"]).stdout;
    expect(md).toMatch(/## `DUB` .* – ● Uppfyllt \(manuell bedömning\)\n\n\*Grund för status: av 2 bedömda: 0 uppfyllt, 2 delvis, 0 ej; medelvärde 0,5; beräknat enligt regeln: ◐ Delvis uppfyllt\.\*\n\n\*Motivering för den manuella bedömningen:\*\n\nTryggheten mäts först i höst men \*alla\* skolor/u);
    expect(md).toMatch(/### Resultatmål `OMR-R1` – ● Uppfyllt\n\n\*Grund för status: av 1 bedömd: 1 uppfyllt, 0 delvis, 0 ej; medelvärde 1\.\*\n/u);
    // The summary table: each målområde's counts beside its status.
    expect(md).toMatch(/\| Målområdet där metoderna skiljer sig \| ◐ Delvis uppfyllt \| av 2 bedömda: 1 uppfyllt, 0 delvis, 1 ej; medelvärde 0,5 \|/u);
    const html = planInProcess(["report", "delår", "-C", dir, "--period", "2025-08", "--lang", "en", "--format", "html"]).stdout;
    expect(html).toContain("Basis of the status: of 2 assessed: 0 met, 2 partly, 0 not met; mean 0.5; by the rule:");
    expect(html).toContain("<em>alla</em> skolor");
  });
});

describe("the words of a verdict", () => {
  it("the rule sentence per level, method and language", () => {
    expect(ruleSentence(DEFAULT_RULE, "målområde", "sv")).toBe(
      "Målområdets status är medelvärdet av resultatmålens statusar (uppfyllt 1, delvis 0,5, ej 0; ej bedömda räknas inte): minst 0,75 är uppfyllt, minst 0,25 delvis uppfyllt.",
    );
    expect(ruleSentence(DEFAULT_RULE, "målområde", "en")).toBe(
      "A goal area's status is the mean of its outcome goals' statuses (met 1, partly 0.5, not met 0; not assessed left out): at least 0.75 is met, at least 0.25 partly met.",
    );
    const share = { metod: "andel_uppfyllda", nivå: "åtaganden", uppfyllt: 0.6, delvis: 0.3 } as const;
    expect(ruleSentence(share, "målområde", "sv")).toBe(
      "Målområdets status är andelen uppfyllda av alla åtaganden och nyckeltal under dess resultatmål, vart och ett en gång (ej bedömda räknas inte): minst 60 % är uppfyllt, minst 30 % delvis uppfyllt.",
    );
    // A resultatmål counts its own whatever the målområde's nivå.
    expect(ruleSentence(share, "resultatmål", "en")).toBe(
      "An outcome goal's status is the share met of its commitments and own KPIs (not assessed left out): at least 60% is met, at least 30% partly met.",
    );
    expect(ruleSentence({ ...DEFAULT_RULE, nivå: "åtaganden" }, "målområde", "sv")).toContain("medelvärdet av statusarna för alla åtaganden och nyckeltal under dess resultatmål");
  });

  it("the report's summary names the model's rule: the målområde's sentence, then the resultatmål's", () => {
    const loaded = loadFrom(memorySource(filesOf(rule("{ metod: andel_uppfyllda, nivå: åtaganden, uppfyllt: 0.6 }"))), "<memory>", { parallel: false });
    const { plan } = checkPlan(loaded.docs, loaded.diagnostics);
    const m = computeStatus(plan, { period: "2025-08" });
    const sentence = summarySentence(makeCtx(plan, m, "en", "delår"));
    expect(sentence).toBe(`${ruleSentence(m.rule, "målområde", "en")} ${ruleSentence(m.rule, "resultatmål", "en")}`);
    expect(sentence).toMatch(/^A goal area's status is the share met of every commitment and KPI under its outcome goals, each once .*at least 60% is met, at least 25% partly met\. An outcome goal's/u);
  });

  it("the counts behind a verdict, with the mean or the share", () => {
    const five: Status[] = ["uppfyllt", "delvis_uppfyllt", "uppfyllt", "ej_uppfyllt", "delvis_uppfyllt"];
    expect(countsText(rollUpBy(five), "sv")).toBe("av 5 bedömda: 2 uppfyllt, 2 delvis, 1 ej; medelvärde 0,6");
    expect(countsText(rollUpBy([...five, "ej_bedömd"], { ...DEFAULT_RULE, metod: "andel_uppfyllda" }), "en")).toBe(
      "of 5 assessed: 2 met, 2 partly, 1 not met; 1 not assessed; share met 40%",
    );
    expect(countsText(rollUpBy(["ej_bedömd", "ej_bedömd"]), "sv")).toBe("inget bedömt; 2 ej bedömda");
    expect(countsText(rollUpBy([]), "en")).toBe("nothing assessed");
  });
});

describe("the default reproduces the statuses from before måluppfyllelse", () => {
  // test/tools/rollup-baseline.mjs wrote these from the code before the kommun's rule existed.
  const baseline = JSON.parse(readFileSync(path.join(FIXTURES, "rollup/baseline-statuses.json"), "utf8")) as Record<string, Record<string, Record<string, unknown>>>;

  for (const name of ["katrineholm", "minimal"]) {
    it(`examples/${name}: every period, whole kommun and each nämnd`, () => {
      const loaded = loadPlan(path.join(ROOT, "examples", name));
      const { plan } = checkPlan(loaded.docs, loaded.diagnostics);
      const periods = followUpPeriods(plan);
      expect(periods).toEqual(Object.keys(baseline[name]!));
      for (const period of periods) {
        for (const nämnd of ["*", ...plan.namnder]) {
          const m = computeStatus(plan, nämnd === "*" ? { period } : { period, nämnd });
          expect(m.rule).toEqual(DEFAULT_RULE);
          expect({ resultatmål: statuses(m.resultatmål), målområden: statuses(m.målområden) }, `${period} ${nämnd}`).toEqual(baseline[name]![period]![nämnd]);
        }
      }
    });
  }
});
