// The verksamhetsplan report: the numbers of the view model, Markdown structure, determinism,
// axe in Chromium, a snapshot, and one spawn of the built CLI.
import { describe, expect, it } from "vitest";
import { buildPlanningView } from "../src/report/report.js";
import type { VerksamhetsplanView } from "../src/report/view-verksamhetsplan.js";
import { plan } from "./helpers/exec.js";
import { KATRINEHOLM, MINIMAL, planAt, renderPlanning, SKIP_BROWSER, checkMarkdown, axeViolations, reportPage } from "./report-helpers.js";

const view = (dir: string, year: number, nämnd?: string, lang: "sv" | "en" = "sv"): VerksamhetsplanView =>
  buildPlanningView(planAt(dir), { phase: "verksamhetsplan", year, lang, ...(nämnd ? { nämnd } : {}) }) as VerksamhetsplanView;

describe("verksamhetsplan view", () => {
  it("Katrineholm 2012: ten organs in the organisation's order, 186 aktiviteter, every one grouped", () => {
    const v = view(KATRINEHOLM, 2012);
    expect(v.organ.map((o) => o.id)).toEqual(["KLF", "BIF", "SOF", "VOF", "KTF", "SBF", "VIAF", "MHF", "NYHEM", "FURU"]);
    expect(v.antalAktiviteter).toBe(186);
    expect(v.antalAktiviteter).toBe(v.organ.reduce((s, o) => s + o.antalAktiviteter, 0));
    for (const o of v.organ) {
      const ids = new Set(o.grupper.flatMap((g) => g.aktiviteter.map((a) => a.id)));
      expect(ids.size, o.id).toBe(o.antalAktiviteter);
    }
  });

  it("--nämnd BIN: its förvaltning and the enhet below it; groups under verksamhetsmål, åtagande and uppdrag with the thread to the målområde", () => {
    const v = view(KATRINEHOLM, 2012, "BIN");
    expect(v.organ.map((o) => o.id)).toEqual(["BIF", "NYHEM"]);
    const bif = v.organ[0]!;
    expect(bif.antalAktiviteter).toBe(31);
    const byId = new Map(bif.grupper.map((g) => [g.id, g]));
    expect(byId.get("BIN-VM1")).toMatchObject({ slag: "verksamhetsmål", tråd: "BIN-VM1 → SKO-A03 → SKO-R1 → SKO" });
    expect(byId.get("SKO-A01")?.aktiviteter.map((a) => a.id)).toEqual(["BIF-AK02", "BIF-AK03"]);
    expect(byId.get("SKO-A01")).toMatchObject({ slag: "åtagande", tråd: "SKO-A01 → SKO-R1 → SKO" });
    expect(byId.get("BIN-U1")).toMatchObject({ slag: "uppdrag", tråd: "BIN-U1 → SKO-A02 → SKO-R1 → SKO" });
    expect(byId.get("BIN-VM1")?.aktiviteter[0]).toMatchObject({ id: "BIF-AK01", ansvarig: "Rektorsgruppen 7–9", start: "2012-01-16", slut: "2012-08-17" });
  });

  it("the nämnd's åtaganden that no aktivitet serves, directly or through a verksamhetsmål or uppdrag", () => {
    const v = view(KATRINEHOLM, 2012, "BIN");
    expect(v.ejBetjänade).toHaveLength(1);
    expect(v.ejBetjänade[0]!.åtaganden.map((a) => a.id)).toEqual(["ORT-A29", "EKO-A04", "EKO-A05", "FOLK-A02"]);
    // SKO-A03 is served only through BIN-VM1, SKO-A02 only through BIN-U1: both count as served.
    const all = view(KATRINEHOLM, 2012);
    expect(all.ejBetjänade.map((u) => u.nämnd)).toEqual(["KS", "BIN", "SOCN", "VON", "KFN", "SBN", "VIAN", "MHN"]);
    expect(all.ejBetjänade.find((u) => u.nämnd === "BIN")?.antal).toBe(4);
  });

  it("minimal 2026: BUF's three aktiviteter; KS's shared åtagande EKO-A01 is unserved for KS, served for BUN", () => {
    const v = view(MINIMAL, 2026);
    expect(v.organ.map((o) => [o.id, o.antalAktiviteter])).toEqual([["BUF", 3]]);
    expect(v.organ[0]!.produktionsmål).toEqual([]);
    expect(v.organ[0]!.beslut).toBeNull();
    expect(v.ejBetjänade.map((u) => [u.nämnd, u.åtaganden.map((a) => a.id)])).toEqual([
      ["KS", ["EKO-A01"]],
      ["BUN", []],
    ]);
    // A nämnd without any verksamhetsplan: no organ, and every åtagande it has is listed.
    const ks = view(MINIMAL, 2026, "KS");
    expect(ks.organ).toEqual([]);
    expect(ks.ejBetjänade[0]!.antal).toBe(1);
  });

  it("English kinds with --lang en", () => {
    const v = view(KATRINEHOLM, 2012, "BIN", "en");
    expect(v.title).toBe("Operational plan 2012 – Bildningsnämnden");
    expect(v.organ[0]!.grupper.find((g) => g.id === "BIN-VM1")?.slag).toBe("operational goal");
  });
});

const CASES = [
  { name: "katrineholm", dir: KATRINEHOLM, year: 2012, nämnder: [undefined, "BIN", "KS", "MHN"] },
  { name: "minimal", dir: MINIMAL, year: 2026, nämnder: [undefined, "BUN", "KS"] },
] as const;

describe("the Markdown and HTML of the verksamhetsplan", () => {
  for (const c of CASES) {
    for (const lang of ["sv", "en"] as const) {
      it(`${c.name} (${lang}): whole kommun and per nämnd, well formed and the same twice`, () => {
        for (const nämnd of c.nämnder) {
          for (const format of ["md", "html"] as const) {
            const a = { format, year: c.year, lang, ...(nämnd ? { nämnd } : {}) };
            const once = renderPlanning(c.dir, "verksamhetsplan", a);
            expect(renderPlanning(c.dir, "verksamhetsplan", a)).toBe(once);
            if (format === "md") checkMarkdown(once);
          }
        }
      });
    }
  }

  it("snapshot: katrineholm BIN md (read at review)", async () => {
    await expect(renderPlanning(KATRINEHOLM, "verksamhetsplan", { format: "md", year: 2012, nämnd: "BIN" })).toMatchFileSnapshot("snapshots/report/katrineholm-BIN-verksamhetsplan.md");
  });
});


describe.skipIf(SKIP_BROWSER)("the verksamhetsplan HTML in headless Chromium", () => {
  const page = reportPage();

  async function violationsOf(html: string): Promise<string[]> {
    await page().setContent(html, { waitUntil: "load" });
    return axeViolations(page());
  }

  for (const c of CASES) {
    for (const nämnd of c.nämnder.slice(0, 2)) {
      it(`${c.name}${nämnd ? ` ${nämnd}` : ""} ${c.year}: no axe violations (WCAG 2.1 A/AA)`, async () => {
        const html = renderPlanning(c.dir, "verksamhetsplan", { format: "html", year: c.year, ...(nämnd ? { nämnd } : {}) });
        expect(await violationsOf(html)).toEqual([]);
        expect(await page().locator("h1").count()).toBe(1);
      });
    }
  }
});

// One spawn of the built CLI: the phase name is ASCII already.
describe("plan report verksamhetsplan", () => {
  it("exit 0 with --namnd and --ar", () => {
    const r = plan(["report", "verksamhetsplan", "-C", KATRINEHOLM, "--namnd", "BIN", "--ar", "2012"]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout.split("\n")[0]).toBe("# Verksamhetsplan 2012 – Bildningsnämnden");
  });
});
