// The economy in the status model, on test/fixtures/report-economy (figures worked out by hand
// in its files): the statements recomputed and converted to the budget's unit, the balanskrav,
// investeringar, finansiella mål, the missing nämnd and god ekonomisk hushållning.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { computeStatus, type StatementResult } from "../src/status/engine.js";
import { DEFAULT_RULE } from "../src/status/fulfilment.js";
import { hushållningOf } from "../src/status/hushallning.js";
import { kpiStatuses } from "../src/status/kpis.js";
import { goalStatuses } from "../src/status/roll-up.js";
import { periodScope } from "../src/status/scope.js";
import { makeCtx } from "../src/report/view-common.js";
import { hushållningSection } from "../src/report/view-finance.js";
import { planInProcess } from "./helpers/in-process.js";
import { cleanupTemp, copyPlan, FIXTURES, planAt } from "./report-helpers.js";

afterAll(cleanupTemp);

const DIR = path.join(FIXTURES, "report-economy");
const at = (period: string, nämnd?: string, dir = DIR) => computeStatus(planAt(dir), { period, ...(nämnd ? { nämnd } : {}) });
const row = (st: StatementResult | undefined, key: string) => st?.rows.find((r) => r.key === key)?.figures;

describe("statements", () => {
  it("recomputes the delår's resultaträkning and reports a stated sum that differs", () => {
    const rr = at("2025-08").statements.resultaträkning!;
    expect(rr.period).toBe("2025-08");
    expect(rr.helår).toBe(false);
    expect(row(rr, "verksamhetens_nettokostnader")).toEqual({ utfall: -500, budget: -760, prognos: -763, föregående_år: -484 });
    expect(row(rr, "årets_resultat")).toEqual({ utfall: 18, budget: 17, prognos: 16.5, föregående_år: 14 });
    expect(rr.mismatches).toEqual([{ key: "årets_resultat", column: "prognos", stated: 17, computed: 16.5 }]);
  });

  it("keeps rows in the statement's order and leaves rows without figures out", () => {
    const keys = at("2025-08").statements.resultaträkning!.rows.map((r) => r.key);
    expect(keys.indexOf("verksamhetens_intäkter")).toBeLessThan(keys.indexOf("årets_resultat"));
    expect(keys).not.toContain("extraordinära_poster");
  });

  it("converts a helår in tkr to the budget's mnkr and finds what does not balance", () => {
    const m = at("2025-12");
    expect(row(m.statements.resultaträkning, "årets_resultat")).toEqual({ utfall: 17.8, budget: 17, föregående_år: 12 });
    const br = m.statements.balansräkning!;
    expect(row(br, "summa_tillgångar")).toEqual({ utfall: 1070, föregående_år: 1040 });
    expect(br.unbalanced).toEqual([
      { left: "summa_tillgångar", right: "summa_eget_kapital_avsättningar_och_skulder", column: "föregående_år", leftValue: 1040, rightValue: 1038 },
    ]);
    expect(row(m.statements.kassaflödesanalys, "likvida_medel_vid_årets_slut")).toEqual({ utfall: 35, föregående_år: 40 });
    expect(m.statements.kassaflödesanalys!.mismatches).toEqual([]);
  });

  it("has no kassaflödesanalys when no follow-up of the year up to the period has one", () => {
    expect(at("2025-08").statements.kassaflödesanalys).toBeUndefined();
  });

  it("takes the balanskrav's årets resultat from the resultaträkning: the prognos in a delår, the utfall in a helår", () => {
    const delår = at("2025-08").statements.balanskrav!;
    expect(row(delår, "årets_resultat")).toEqual({ utfall: 16.5 });
    expect(row(delår, "resultat_efter_balanskravsjusteringar")).toEqual({ utfall: 16 });
    expect(row(delår, "balanskravsresultat")).toEqual({ utfall: 10 });
    expect(delår.mismatches).toEqual([]);
    const helår = at("2025-12").statements.balanskrav!;
    expect(row(helår, "årets_resultat")).toEqual({ utfall: 17.8 });
    expect(row(helår, "balanskravsresultat")).toEqual({ utfall: 12 });
    expect(helår.mismatches).toEqual([{ key: "balanskravsresultat", column: "utfall", stated: 12.5, computed: 12 }]);
  });

  it("reports a stated balanskrav årets resultat that differs from the resultaträkning's", () => {
    const dir = copyPlan(DIR);
    const file = path.join(dir, "uppfoljning/2025-08-delar.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace("balanskrav:\n", "balanskrav:\n  årets_resultat: 17.5\n"));
    // The stated figure stands in the sums, so the stated balanskravsresultat no longer adds up either.
    expect(at("2025-08", undefined, dir).statements.balanskrav!.mismatches).toEqual([
      { key: "årets_resultat", column: "utfall", stated: 17.5, computed: 16.5 },
      { key: "balanskravsresultat", column: "utfall", stated: 10, computed: 11 },
    ]);
  });
});

describe("investeringar", () => {
  it("lists every investering of the budget; avvikelse against the prognos in a delår", () => {
    const m = at("2025-08");
    expect(m.investeringar.map((r) => [r.id, r.budget, r.utfall, r.prognos, r.avvikelse, r.period])).toEqual([
      ["INV-1", 20, 9, 19, 1, "2025-08"],
      ["INV-2", 4, 1, undefined, undefined, "2025-08"],
      ["INV-3", 2.5, undefined, undefined, undefined, undefined],
    ]);
  });

  it("in a helår takes the utfall for the avvikelse, the follow-up's budget over the budget's, converted", () => {
    const m = at("2025-12");
    expect(m.investeringar.map((r) => [r.id, r.budget, r.utfall, r.avvikelse])).toEqual([
      ["INV-1", 20, 18.5, 1.5],
      ["INV-2", 4.5, 4.8, -0.3],
      ["INV-3", 2.5, undefined, undefined],
    ]);
    expect(m.investeringarTotal).toEqual({ budget: 27, utfall: 23.3, avvikelse: 1.2 });
  });
});

describe("driftredovisning", () => {
  it("marks a nämnd with a ram but no row, and leaves it out of the total", () => {
    const m = at("2025-08");
    expect(m.ekonomi.map((r) => [r.organ, r.saknas ?? false])).toEqual([["KS", false], ["BUN", false], ["SBN", true]]);
    expect(m.ekonomi[2]).toEqual({ organ: "SBN", namn: "Samhällsbyggnadsnämnden", saknas: true });
    expect(m.ekonomiTotal).toMatchObject({ budget: 400, prognos: 401, avvikelse: -1 });
  });
  it("marks none when every nämnd has a row", () => {
    expect(at("2025-12").ekonomi.some((r) => r.saknas)).toBe(false);
  });

  it("takes the period's own amounts: an organ's or a project's row of an earlier period is not carried forward", () => {
    const dir = copyPlan(DIR);
    const helår = path.join(dir, "uppfoljning/2025-12-helar.yaml");
    const text = readFileSync(helår, "utf8");
    writeFileSync(helår, text.replace(/^ {2}- \{ organ: BUN,.*\n/mu, "").replace(/^ {2}- \{ avser: INV-1,.*\n/mu, ""));
    const m = at("2025-12", undefined, dir);
    // The delår's BUN row (utfall 205 for January–August) is not the year's: BUN is missing, out of the total.
    expect(m.ekonomi.find((r) => r.organ === "BUN")).toEqual({ organ: "BUN", namn: "Barn- och utbildningsnämnden", saknas: true });
    expect(m.ekonomiTotal.utfall).toBe(146.5);
    // INV-1's delår figures (utfall 9, prognos 19) are not the year's either: not followed up in the helår.
    expect(m.investeringar.find((r) => r.id === "INV-1")).toMatchObject({ budget: 20 });
    expect(m.investeringar.find((r) => r.id === "INV-1")).not.toHaveProperty("utfall");
    expect(m.investeringar.find((r) => r.id === "INV-1")).not.toHaveProperty("period");
  });
});

describe("finansiella mål and god ekonomisk hushållning", () => {
  it("follows finansiella mål up like åtaganden", () => {
    expect(at("2025-08").finansiellaMål.map((k) => [k.id, k.status, k.value])).toEqual([["FM1", "uppfyllt", 1.2], ["FM2", "ej_uppfyllt", 39]]);
    expect(at("2025-12").finansiellaMål.map((k) => [k.id, k.status, k.value])).toEqual([["FM1", "delvis_uppfyllt", 0.8], ["FM2", "uppfyllt", 43]]);
  });

  it("proposes the weaker of the two perspectives when there is no manual assessment (delår)", () => {
    const h = at("2025-08").hushållning!;
    expect(h.finansiellt).toMatchObject({ status: "delvis_uppfyllt", mean: 0.5, mål: [{ id: "FM1", status: "uppfyllt" }, { id: "FM2", status: "ej_uppfyllt" }] });
    expect(h.verksamhet).toMatchObject({ status: "uppfyllt", mean: 0.75, mål: [{ id: "UTB-R1", status: "uppfyllt" }, { id: "EKO-A1", status: "delvis_uppfyllt" }] });
    expect(h).toMatchObject({ status: "delvis_uppfyllt", förslag: "delvis_uppfyllt", manual: false, named: { finansiella_mål: true, verksamhetsmål: true } });
    expect(h.riktlinjer).toMatch(/^God ekonomisk hushållning råder/u);
  });

  it("lets the follow-up's manual assessment win, and keeps the proposal beside it (helår)", () => {
    const h = at("2025-12").hushållning!;
    expect(h).toMatchObject({ status: "delvis_uppfyllt", förslag: "uppfyllt", manual: true, period: "2025-12" });
    expect(h.motivering).toMatch(/^Resultatet nådde inte/u);
  });

  it("rolls up with the kommun's thresholds", () => {
    const dir = copyPlan(DIR);
    writeFileSync(path.join(dir, "plan.yaml"), `${readFileSync(path.join(dir, "plan.yaml"), "utf8")}bedömning: { uppfyllt: 0.8, delvis: 0.25 }\n`);
    const h = at("2025-12", undefined, dir).hushållning!;
    expect(h.finansiellt.status).toBe("delvis_uppfyllt");
    expect(h.förslag).toBe("delvis_uppfyllt");
  });

  it("rolls each perspective up by the rule it is given: the share met differs from the mean here", () => {
    const s = periodScope(planAt(DIR), { period: "2025-08" });
    const kpis = kpiStatuses(s);
    const { resultatmål, målområden } = goalStatuses(s, kpis, DEFAULT_RULE);
    const share = hushållningOf(s, kpis, resultatmål, målområden, { ...DEFAULT_RULE, metod: "andel_uppfyllda" })!;
    expect(share.verksamhet).toMatchObject({ status: "delvis_uppfyllt", share: 0.5 });
    expect(share.finansiellt).toMatchObject({ status: "delvis_uppfyllt", share: 0.5 });
    const mean = hushållningOf(s, kpis, resultatmål, målområden, DEFAULT_RULE)!;
    expect(mean.verksamhet).toMatchObject({ status: "uppfyllt", mean: 0.75 });
  });

  it("the report names the rule it used", () => {
    const plan = planAt(DIR);
    const m = at("2025-08");
    const notes = (metod: "medelvärde" | "andel_uppfyllda"): string[] =>
      hushållningSection(makeCtx(plan, { ...m, rule: { ...m.rule, metod } }, "sv", "delår"), false).blocks.flatMap((b) => (b.note ? [b.note] : []));
    expect(notes("medelvärde")[0]).toMatch(/^Förslaget: varje perspektiv är medelvärdet av målens statusar .* I delårsrapporten bedöms målen på prognosen/u);
    expect(notes("andel_uppfyllda")[0]).toMatch(/^Förslaget: varje perspektiv är andelen uppfyllda bland de bedömda målen, minst 0,75 är uppfyllt/u);
  });

  it("without named goals counts every finansiellt mål and every målområde of the year", () => {
    const dir = copyPlan(DIR);
    const file = path.join(dir, "budget/2025.yaml");
    const text = readFileSync(file, "utf8");
    writeFileSync(file, text.slice(0, text.indexOf("god_ekonomisk_hushållning:")));
    const h = at("2025-08", undefined, dir).hushållning!;
    expect(h.named).toEqual({ finansiella_mål: false, verksamhetsmål: false });
    expect(h.finansiellt.mål.map((g) => g.id)).toEqual(["FM1", "FM2"]);
    expect(h.verksamhet.mål).toEqual([{ id: "UTB", status: "uppfyllt" }, { id: "EKO", status: "delvis_uppfyllt" }]);
    expect(h.riktlinjer).toBeUndefined();
  });

  it("is ej bedömd when the budget has no finansiella mål", () => {
    const dir = copyPlan(DIR);
    const file = path.join(dir, "budget/2025.yaml");
    const text = readFileSync(file, "utf8");
    writeFileSync(file, text.slice(0, text.indexOf("finansiella_mål:")));
    const h = at("2025-08", undefined, dir).hushållning!;
    expect(h.finansiellt.status).toBe("ej_bedömd");
    expect(h.status).toBe("ej_bedömd");
  });
});

describe("cut to a nämnd", () => {
  it("keeps the nämnd's ekonomi and investeringar and leaves the kommun-wide economy out", () => {
    const m = at("2025-08", "BUN");
    expect(m.ekonomi.map((r) => r.organ)).toEqual(["BUN"]);
    expect(m.investeringar.map((r) => r.id)).toEqual(["INV-1"]);
    expect(m.finansiellaMål).toEqual([]);
    expect(m.statements).toEqual({});
    expect(m.hushållning).toBeUndefined();
  });
  it("marks the nämnd's own missing row", () => {
    expect(at("2025-08", "SBN").ekonomi).toEqual([{ organ: "SBN", namn: "Samhällsbyggnadsnämnden", saknas: true }]);
  });
});

describe("plan status --format json", () => {
  it("shows the economy", () => {
    const run = planInProcess(["status", "-C", DIR, "--period", "2025-12", "--format", "json"]);
    const out = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(out.beloppsenhet).toBe("mnkr");
    expect(out.god_ekonomisk_hushållning).toEqual({ status: "delvis_uppfyllt", manual: true, förslag: "uppfyllt", finansiella_mål: "uppfyllt", verksamhetsmål: "uppfyllt" });
    expect(out.finansiella_mål).toEqual([
      { id: "FM1", status: "delvis_uppfyllt", value: 0.8, target: 1, manual: false, utfall: 0.8, utfall_år: 2025, källa: null },
      { id: "FM2", status: "uppfyllt", value: 43, target: 42, manual: false, utfall: 43, utfall_år: 2025, källa: null },
    ]);
    expect((out.balanskrav as { rader: Record<string, unknown> }).rader.balanskravsresultat).toEqual({ utfall: 12 });
    expect((out.investeringar as unknown[])[1]).toEqual({ id: "INV-2", organ: "SBN", budget: 4.5, utfall: 4.8, prognos: null, avvikelse: -0.3 });
    expect(out.ekonomi).toHaveLength(3);
  });
  it("shows null for what a nämnd's cut leaves out", () => {
    const out = JSON.parse(planInProcess(["status", "-C", DIR, "--period", "2025-08", "--nämnd", "SBN", "--format", "json"]).stdout) as Record<string, unknown>;
    expect(out.resultaträkning).toBeNull();
    expect(out.god_ekonomisk_hushållning).toBeNull();
    expect(out.ekonomi).toEqual([{ organ: "SBN", budget: null, utfall: null, prognos: null, avvikelse: null, saknas: true }]);
  });
});
