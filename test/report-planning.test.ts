// The planning reports chosen by year (budget, nämndplan): the numbers of the view model,
// Markdown structure, determinism, snapshots and the CLI. Axe in Chromium: report-html.test.ts.
import { describe, expect, it } from "vitest";
import { buildPlanningView } from "../src/report/report.js";
import type { BudgetView, NämndplanView } from "../src/report/view-planning.js";
import { plan } from "./helpers/exec.js";
import { planInProcess } from "./helpers/in-process.js";
import { KATRINEHOLM, MINIMAL, planAt, renderPlanning, checkMarkdown } from "./report-helpers.js";

const budget = (dir: string, year: number, nämnd?: string): BudgetView =>
  buildPlanningView(planAt(dir), { phase: "budget", year, lang: "sv", ...(nämnd ? { nämnd } : {}) }) as BudgetView;
const nämndplan = (dir: string, year: number, nämnd: string): NämndplanView =>
  buildPlanningView(planAt(dir), { phase: "nämndplan", year, lang: "sv", nämnd }) as NämndplanView;
const rows = (v: BudgetView): number => v.områden.flatMap((o) => o.resultatmål).reduce((s, r) => s + r.åtaganden.length, 0);

describe("budget view", () => {
  it("Katrineholm 2012: 117 åtaganden, KS 46, MHN 11, each shown once", () => {
    const all = budget(KATRINEHOLM, 2012);
    expect(all.antalÅtaganden).toBe(117);
    expect(rows(all)).toBe(117);
    expect(all.stats.total).toBe("117");
    expect(all.stats.perNämnd.find((c) => c.id === "KS")?.count).toBe("46");
    expect(all.stats.perNämnd.find((c) => c.id === "MHN")?.count).toBe("11");
    const ks = budget(KATRINEHOLM, 2012, "KS");
    expect(ks.antalÅtaganden).toBe(46);
    expect(rows(ks)).toBe(46);
    expect(ks.ramar.rows.map((r) => r.id)).toEqual(["KS"]);
    const mhn = budget(KATRINEHOLM, 2012, "MHN");
    expect(rows(mhn)).toBe(11);
    expect(mhn.ramar.total).toBe("8,9");
  });

  it("the decision line, the vision, the plan years, ramar and investeringar totals", () => {
    const v = budget(KATRINEHOLM, 2012);
    expect(v.beslut).toBe("Beslutad av Kommunfullmäktige 2011-11-21 § 306");
    expect(v.vision?.namn).toContain("Vision 2025");
    expect(v.years).toEqual([2012, 2013, 2014]);
    expect(v.ramar.total).toBe("1\u00a0646,1");
    expect(v.investeringar.totals).toEqual(["30", "36,8", "2,8"]);
    expect(v.investeringar.total).toBe("69,6");
    // `alla` as a word, not the list of every nämnd.
    const eko = v.områden.flatMap((o) => o.resultatmål).flatMap((r) => r.åtaganden).find((a) => a.id === "EKO-A01");
    expect(eko?.nämnder).toBe("alla");
  });

  it("a budget that is not decided says förslag", () => {
    const p = planAt(MINIMAL);
    const doc = p.docs.find((d) => d.kind === "budget")!;
    const was = doc.data.status;
    doc.data.status = "förslag";
    try {
      expect(budget(MINIMAL, 2026).beslut).toBe("Förslag (ej beslutad)");
    } finally {
      doc.data.status = was;
    }
  });
});

describe("nämndplan view", () => {
  it("BIN 2012: 31 åtaganden (named or alla), verksamhetsmål with what they serve, internbudget in balance with the ram", () => {
    const v = nämndplan(KATRINEHOLM, 2012, "BIN");
    expect(v.åtaganden).toHaveLength(31);
    expect(v.verksamhetsmål.map((m) => m.id)).toEqual(["BIN-VM1", "BIN-VM2", "BIN-VM3"]);
    expect(v.verksamhetsmål[0]!.bidrarTill).toMatch(/^SKO-A03 Andelen elever i åk 9/u);
    expect(v.uppdrag.map((u) => u.id)).toEqual(["BIN-U1"]);
    expect(v.internbudget).toMatchObject({ summa: "598,5", ram: "598,5", differens: "0", iBalans: true });
  });

  it("minimal BUN 2026: the difference against the ram is shown", () => {
    const v = nämndplan(MINIMAL, 2026, "BUN");
    expect(v.internbudget.summa).toBe("310");
    expect(v.internbudget.ram).not.toBe("–");
  });
});

const CASES = [
  { name: "katrineholm", dir: KATRINEHOLM, year: 2012, nämnd: "BIN" },
  { name: "minimal", dir: MINIMAL, year: 2026, nämnd: "BUN" },
] as const;

describe("the Markdown of the planning reports", () => {
  for (const c of CASES) {
    for (const lang of ["sv", "en"] as const) {
      it(`${c.name} (${lang}): budget, budget per nämnd and nämndplan are well formed and the same twice`, () => {
        for (const a of [{ phase: "budget" as const }, { phase: "budget" as const, nämnd: c.nämnd }, { phase: "nämndplan" as const, nämnd: c.nämnd }]) {
          for (const format of ["md", "html"] as const) {
            const once = renderPlanning(c.dir, a.phase, { format, year: c.year, lang, ...(a.nämnd ? { nämnd: a.nämnd } : {}) });
            expect(renderPlanning(c.dir, a.phase, { format, year: c.year, lang, ...(a.nämnd ? { nämnd: a.nämnd } : {}) })).toBe(once);
            if (format === "md") checkMarkdown(once);
          }
        }
      });
    }
  }

  it("English labels with --lang en", () => {
    expect(renderPlanning(KATRINEHOLM, "budget", { format: "md", year: 2012, lang: "en" })).toMatch(/^# Strategic plan and budget 2012–2014/u);
  });
});

describe("planning report snapshots (read at review)", () => {
  it("katrineholm budget md", async () => {
    await expect(renderPlanning(KATRINEHOLM, "budget", { format: "md", year: 2012 })).toMatchFileSnapshot("snapshots/report/katrineholm-kommun-budget.md");
  });
  it("katrineholm nämndplan BIN md", async () => {
    await expect(renderPlanning(KATRINEHOLM, "nämndplan", { format: "md", year: 2012, nämnd: "BIN" })).toMatchFileSnapshot("snapshots/report/katrineholm-BIN-namndplan.md");
  });
});

// One spawn of the built CLI (the ASCII spelling, exit 0); the rest in this process (helpers/in-process.ts).
describe("plan report budget|namndplan", () => {
  it("budget: exit 0, the newest budget year by default", () => {
    const r = planInProcess(["report", "budget", "-C", KATRINEHOLM]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout.split("\n")[0]).toBe("# Övergripande plan med budget 2012–2014");
  });
  it("namndplan (ASCII): exit 0 with --namnd; exit 2 with one line without it", () => {
    const r = plan(["report", "namndplan", "-C", KATRINEHOLM, "--namnd", "BIN", "--ar", "2012"]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout.split("\n")[0]).toBe("# Nämndplan 2012 – Bildningsnämnden");
    const bad = planInProcess(["report", "namndplan", "-C", KATRINEHOLM]);
    expect(bad.status).toBe(2);
    expect(bad.stdout).toBe("");
    expect(bad.stderr.trimEnd().split("\n")).toHaveLength(1);
  });
});
