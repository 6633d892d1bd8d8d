// `plan årshjul`: the cycle, one test per lateness rule on fixed dates, the override from
// plan.yaml, the iCalendar read back by a real parser (ical.js), and the SVG as well-formed XML.
import { readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkPlan } from "../src/check/index.js";
import { foldLine, icsText } from "../src/format/arshjul-ics.js";
import { loadFrom, memorySource } from "../src/load/load-plan.js";
import { DEFAULT_ÅRSHJUL, årshjulFor } from "../src/model/arshjul.js";
import type { Plan } from "../src/model/plan.js";
import { årshjulStatus, type FasStatus } from "../src/status/arshjul.js";
import { ARSHJUL_FORMATTERS } from "../src/format/arshjul.js";
import { browserSkipReason, launchChromium } from "./helpers/browser.js";
import { ROOT } from "./helpers/exec.js";
import { planInProcess } from "./helpers/in-process.js";
import { filesBelow } from "./helpers/plan-dir.js";

const MINIMAL = path.join(ROOT, "examples/minimal");
const KATRINEHOLM = path.join(ROOT, "examples/katrineholm");

/** examples/minimal (nämnder KS and BUN, förvaltning BUF, year 2026) with files added or removed. */
function plan(extra: Record<string, string> = {}, without: readonly string[] = [], planYaml?: (s: string) => string): Plan {
  const files = new Map(filesBelow(MINIMAL).map((rel) => [rel, readFileSync(path.join(MINIMAL, rel))]));
  for (const rel of without) files.delete(rel);
  for (const [rel, text] of Object.entries(extra)) files.set(rel, Buffer.from(text, "utf8"));
  if (planYaml) files.set("plan.yaml", Buffer.from(planYaml(files.get("plan.yaml")!.toString("utf8")), "utf8"));
  const loaded = loadFrom(memorySource(files), "/plan");
  return checkPlan(loaded.docs, loaded.diagnostics).plan;
}

function phase(p: Plan, id: string, idag: string, år = 2026): FasStatus {
  const s = årshjulStatus(p, årshjulFor(p), år, idag).faser.find((f) => f.fas.id === id);
  if (!s) throw new Error(`no phase ${id}`);
  return s;
}

const PD = (år: number, status: string): string => `typ: planeringsdirektiv\nid: PD${år}\når: ${år}\nstatus: ${status}\n`;
const UNDERLAG = (år: number, nämnd: string): string => `typ: underlag\nid: UL${år}-${nämnd}\nnämnd: ${nämnd}\når: ${år}\nstatus: förslag\n`;
const UPPF = (period: string, rapport: string): string => `typ: uppföljning\nid: UPP-${period}-${rapport}\nperiod: ${period}\nrapport: ${rapport}\n`;
const BUDGET = (år: number, status: string): string => `typ: budget\nid: OPB${år}\når: ${år}\nplanperiod: { från: ${år}, till: ${år + 2} }\nstatus: ${status}\nresultatmål: []\nåtaganden: []\n`;

describe("the default cycle", () => {
  it("follows domain.md: twelve phases, each with its months, organ and (where one) document", () => {
    expect(DEFAULT_ÅRSHJUL.map((f) => [f.id, f.månad, f.tillMånad, f.organ, f.dokument ?? null, f.senast ?? null])).toEqual([
      ["namndplan", 1, 1, "nämnderna", "nämndplan", "01-31"],
      ["verksamhetsplan", 1, 1, "förvaltningarna", "verksamhetsplan", "01-31"],
      ["analysseminarium", 1, 2, "KS", null, null],
      ["tjanstemannaunderlag", 3, 3, "kommunledningsförvaltningen", "tjänstemannaunderlag", "03-31"],
      ["manadsrapport", 1, 12, "nämnderna", "månadsrapport", null],
      ["planeringsdirektiv", 4, 4, "KS", "planeringsdirektiv", "04-30"],
      ["arsredovisning", 3, 4, "KF", "årsredovisning", "04-30"],
      ["planeringsdag", 5, 5, "förvaltningar och bolag", null, null],
      ["underlag", 6, 8, "nämnderna", "underlag", "08-31"],
      ["delarsrapport", 9, 10, "KF", "delårsrapport", "10-31"],
      ["budget", 11, 11, "KF", "budget", "11-30"],
      ["forberedelse", 12, 12, "nämnderna", null, null],
    ]);
  });
});

describe("lateness rules, judged from the files on fixed dates", () => {
  it("nämndplan: late after 31 January for each nämnd without one", () => {
    const p = plan({}, ["namnder/BUN/2026.yaml"]);
    expect(phase(p, "namndplan", "2026-01-31").läge).toBe("kommande");
    expect(phase(p, "namndplan", "2026-02-01")).toMatchObject({ läge: "sen", saknas: ["BUN"], senast: "2026-01-31", dokumentÅr: 2026 });
    expect(phase(plan(), "namndplan", "2026-02-01").läge).toBe("klar");
  });

  it("verksamhetsplan: late after 31 January for a förvaltning without one (its enheters count)", () => {
    const p = plan({}, ["verksamhetsplaner/BUF/2026.yaml"]);
    expect(phase(p, "verksamhetsplan", "2026-01-15").läge).toBe("kommande");
    expect(phase(p, "verksamhetsplan", "2026-02-01")).toMatchObject({ läge: "sen", saknas: ["BUF"] });
    expect(phase(plan(), "verksamhetsplan", "2026-02-01").läge).toBe("klar");
  });

  it("tjänstemannaunderlag: a planeringsdirektiv for next year, förslag enough, by 31 March", () => {
    expect(phase(plan(), "tjanstemannaunderlag", "2026-03-31").läge).toBe("kommande");
    expect(phase(plan(), "tjanstemannaunderlag", "2026-04-01")).toMatchObject({ läge: "sen", dokumentÅr: 2027, saknas: [] });
    expect(phase(plan({ "planeringsdirektiv/2027.yaml": PD(2027, "förslag") }), "tjanstemannaunderlag", "2026-04-01").läge).toBe("klar");
  });

  it("planeringsdirektiv: decided by KS for next year by 30 April; a förslag is still late", () => {
    const förslag = plan({ "planeringsdirektiv/2027.yaml": PD(2027, "förslag") });
    expect(phase(förslag, "planeringsdirektiv", "2026-04-30").läge).toBe("kommande");
    expect(phase(förslag, "planeringsdirektiv", "2026-05-01").läge).toBe("sen");
    expect(phase(plan({ "planeringsdirektiv/2027.yaml": PD(2027, "beslutad") }), "planeringsdirektiv", "2026-05-01").läge).toBe("klar");
  });

  it("årsredovisning: last year's helår follow-up by 30 April", () => {
    expect(phase(plan(), "arsredovisning", "2026-05-01")).toMatchObject({ läge: "sen", dokumentÅr: 2025 });
    expect(phase(plan({ "uppfoljning/2025-12-helar.yaml": UPPF("2025-12", "helår") }), "arsredovisning", "2026-05-01").läge).toBe("klar");
    // A helår of this year does not count for last year's report.
    expect(phase(plan({ "uppfoljning/2026-12-helar.yaml": UPPF("2026-12", "helår") }), "arsredovisning", "2026-05-01").läge).toBe("sen");
  });

  it("underlag: every nämnd's underlag for next year after the summer (31 August)", () => {
    const one = plan({ "underlag/2027/KS.yaml": UNDERLAG(2027, "KS") });
    expect(phase(one, "underlag", "2026-08-31").läge).toBe("kommande");
    expect(phase(one, "underlag", "2026-09-01")).toMatchObject({ läge: "sen", saknas: ["BUN"], dokumentÅr: 2027 });
    const both = plan({ "underlag/2027/KS.yaml": UNDERLAG(2027, "KS"), "underlag/2027/BUN.yaml": UNDERLAG(2027, "BUN") });
    expect(phase(both, "underlag", "2026-09-01").läge).toBe("klar");
  });

  it("delårsrapport: a delår follow-up of the year after October", () => {
    const p = plan({}, ["uppfoljning/2026-08-delar.yaml"]);
    expect(phase(p, "delarsrapport", "2026-10-31").läge).toBe("kommande");
    expect(phase(p, "delarsrapport", "2026-11-01").läge).toBe("sen");
    expect(phase(plan(), "delarsrapport", "2026-11-01").läge).toBe("klar");
  });

  it("budget: next year's budget, decided, after November", () => {
    expect(phase(plan(), "budget", "2026-11-30").läge).toBe("kommande");
    expect(phase(plan(), "budget", "2026-12-01")).toMatchObject({ läge: "sen", dokumentÅr: 2027 });
    expect(phase(plan({ "budget/2027.yaml": BUDGET(2027, "förslag") }), "budget", "2026-12-01").läge).toBe("sen");
    expect(phase(plan({ "budget/2027.yaml": BUDGET(2027, "beslutad") }), "budget", "2026-12-01").läge).toBe("klar");
  });

  it("phases without a deadline or a document are never late; late ones come in deadline order, then what is next", () => {
    const p = plan();
    const s = årshjulStatus(p, årshjulFor(p), 2026, "2026-05-15");
    expect(s.faser.filter((f) => f.läge === "utan-regel").map((f) => f.fas.id)).toEqual(["analysseminarium", "manadsrapport", "planeringsdag", "forberedelse"]);
    expect(s.sena.map((f) => f.fas.id)).toEqual(["tjanstemannaunderlag", "planeringsdirektiv", "arsredovisning"]);
    expect(s.nästa?.fas.id).toBe("underlag");
  });
});

describe("årshjul in plan.yaml", () => {
  const override = (s: string): string =>
    `${s}\nårshjul:\n  - { id: budget, namn: "Budget; KF, juni", månad: 6, organ: KF, dokument: budget, senast: "06-20" }\n  - { id: dag, namn: Planeringsdag, månad: 5, organ: KS }\n`;

  it("replaces the default, validates, and its deadline judges the document", () => {
    const files = plan({}, [], override);
    expect(årshjulFor(files).map((f) => f.id)).toEqual(["budget", "dag"]);
    expect(phase(files, "budget", "2026-06-21")).toMatchObject({ läge: "sen", senast: "2026-06-20" });
    expect(phase(files, "dag", "2026-06-21").läge).toBe("utan-regel");
  });

  it("a wrong entry is a schema error", () => {
    const p = (s: string): string => `${s}\nårshjul:\n  - { id: x, namn: X, månad: 13, organ: KF, dokument: bokslut }\n`;
    const files = new Map(filesBelow(MINIMAL).map((rel) => [rel, readFileSync(path.join(MINIMAL, rel))]));
    files.set("plan.yaml", Buffer.from(p(files.get("plan.yaml")!.toString("utf8")), "utf8"));
    const loaded = loadFrom(memorySource(files), "/plan");
    const errors = checkPlan(loaded.docs, loaded.diagnostics).diagnostics.filter((d) => d.severity === "error");
    expect(errors.length).toBeGreaterThanOrEqual(2);
    expect(errors.every((d) => d.file === "plan.yaml")).toBe(true);
  });
});

describe("plan årshjul on the command line", () => {
  it("text and md: the cycle, and on 5 December 2012 what is late in examples/katrineholm", async () => {
    const r = planInProcess(["årshjul", "-C", KATRINEHOLM, "--år", "2012", "--idag", "2012-12-05", "--format", "md"]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    await expect(r.stdout).toMatchFileSnapshot("snapshots/arshjul/katrineholm-2012-12-05.md");
    const ascii = planInProcess(["arshjul", "-C", KATRINEHOLM, "--ar", "2012", "--idag", "2012-12-05"]);
    expect(ascii.status).toBe(0);
    expect(ascii.stdout).toContain("underlag 2013, saknas för KS, SOCN, VON, KFN, SBN, VIAN, MHN");
  });

  it("a wrong --idag is one line and status 2", () => {
    const r = planInProcess(["årshjul", "-C", MINIMAL, "--idag", "2026-02-30"]);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
  });
});

describe("ics", () => {
  it("escapes TEXT per RFC 5545 and folds lines at 75 octets without splitting a character", () => {
    expect(icsText("a\\b;c,d\ne")).toBe("a\\\\b\\;c\\,d\\ne");
    const folded = foldLine(`SUMMARY:${"å".repeat(80)}`);
    for (const line of folded.split("\r\n")) expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
    expect(folded.replace(/\r\n /gu, "")).toBe(`SUMMARY:${"å".repeat(80)}`);
  });

  it("parses with ical.js: one all-day event per phase, stable UIDs, CRLF lines", async () => {
    const ICAL = (await import("ical.js")).default;
    const run = (): string => planInProcess(["årshjul", "-C", KATRINEHOLM, "--år", "2013", "--idag", "2013-06-01", "--format", "ics"]).stdout;
    const ics = run();
    expect(ics).toBe(run());
    await expect(ics).toMatchFileSnapshot("snapshots/arshjul/katrineholm-2013.ics");
    expect(ics.replace(/\r\n/gu, "")).not.toMatch(/[\r\n]/u);
    for (const line of ics.split("\r\n")) expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
    const cal = new ICAL.Component(ICAL.parse(ics));
    const events = cal.getAllSubcomponents("vevent").map((v: unknown) => new ICAL.Event(v as never));
    expect(events).toHaveLength(DEFAULT_ÅRSHJUL.length);
    const budget = events.find((e: { uid: string }) => e.uid === "0483-2013-budget@rodtrad")!;
    expect(budget.summary).toBe("Övergripande plan med budget (KF)");
    expect(budget.startDate.isDate).toBe(true);
    expect(budget.startDate.toString()).toBe("2013-11-01");
    expect(budget.endDate.toString()).toBe("2013-12-01");
    expect(budget.description).toContain("budget 2014");
    const underlag = events.find((e: { uid: string }) => e.uid === "0483-2013-underlag@rodtrad")!;
    expect([underlag.startDate.toString(), underlag.endDate.toString()]).toEqual(["2013-06-01", "2013-09-01"]);
    const monthly = events.find((e: { uid: string }) => e.uid === "0483-2013-manadsrapport@rodtrad")!;
    expect(monthly.isRecurring()).toBe(true);
    const it = monthly.iterator();
    const days: string[] = [];
    for (let next = it.next(); next; next = it.next()) days.push(next.toString());
    expect(days).toHaveLength(12);
    expect(days.at(-1)).toBe("2013-12-01");
    expect(new Set(events.map((e: { uid: string }) => e.uid)).size).toBe(events.length);
    expect(cal.getFirstSubcomponent("vevent")!.getFirstPropertyValue("dtstamp")!.toString()).toBe("2013-01-01T00:00:00Z");
  });
});

describe.skipIf(browserSkipReason() !== undefined)("svg", () => {
  it("is well-formed, self-contained XML with a title, a description and twelve month labels (Chromium's XML parser)", async () => {
    const r = planInProcess(["årshjul", "-C", KATRINEHOLM, "--år", "2012", "--idag", "2012-12-05", "--format", "svg"]);
    expect(r.status).toBe(0);
    await expect(r.stdout).toMatchFileSnapshot("snapshots/arshjul/katrineholm-2012-12-05.svg");
    expect(r.stdout).not.toMatch(/href|url\(|@import|<image|<script|<foreignObject/u);
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      const got = await page.evaluate((text) => {
        const doc = new DOMParser().parseFromString(text, "image/svg+xml");
        const svg = doc.documentElement;
        return {
          error: doc.getElementsByTagName("parsererror").length,
          root: svg.localName,
          role: svg.getAttribute("role"),
          title: svg.querySelector(":scope > title")?.textContent ?? null,
          desc: svg.querySelector(":scope > desc")?.textContent ?? null,
          labelledby: svg.getAttribute("aria-labelledby"),
          texts: [...svg.querySelectorAll("text")].map((t) => t.textContent ?? ""),
        };
      }, r.stdout);
      expect(got.error).toBe(0);
      expect(got).toMatchObject({ root: "svg", role: "img", title: "Årshjul 2012 – Katrineholms kommun", labelledby: "arshjul-title arshjul-desc" });
      expect(got.desc).toMatch(/januari överst/u);
      const months = ["jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"];
      expect(got.texts.filter((t) => months.includes(t))).toEqual(months);
      // Lateness is said in words, not by the red alone.
      expect(got.texts).toContain("→ budget 2013 · försenad");
    } finally {
      await browser.close();
    }
  });
});

describe("the lateness rules on plans of any shape and size", () => {
  type Doc = { kind: string; year?: number; data: Record<string, unknown> };
  /** A plan of just what the rules read: documents with their years, organs, the nämnder. */
  const planOf = (docs: Doc[], organs: { id: string; typ: string; under?: string }[]): Plan => {
    const entities = organs.map((o) => ({ id: o.id, kind: "organ", organTyp: o.typ, data: { id: o.id, typ: o.typ, ...(o.under !== undefined ? { under: o.under } : {}) } }));
    return {
      docs: docs.map((d) => ({ ...d, doc: { file: "x.yaml", index: 0 } })),
      index: { ofKind: (k: string) => (k === "organ" ? entities : []) },
      namnder: organs.filter((o) => o.typ === "nämnd").map((o) => o.id),
    } as unknown as Plan;
  };

  /** Each rule as its words say it, one document and one organ at a time: the oracle. */
  const oracle = (p: Plan, dokument: string, y: number): string[] => {
    const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);
    const of = (kind: string): Doc[] => (p.docs as unknown as Doc[]).filter((d) => d.kind === kind && d.year === y);
    const decided = (d: Doc): boolean => (str(d.data.status) ?? "beslutad") === "beslutad";
    const organs = p.index.ofKind("organ");
    const under = (id: string): string | undefined => str(organs.find((e) => e.id === id)?.data.under);
    const kommun = (there: boolean): string[] => (there ? [] : [""]);
    switch (dokument) {
      case "nämndplan":
      case "underlag":
        return p.namnder.filter((n) => !of(dokument).some((d) => str(d.data.nämnd) === n));
      case "verksamhetsplan":
        return organs.filter((e) => e.organTyp === "förvaltning").map((e) => e.id).filter((f) => !of("verksamhetsplan").some((d) => str(d.data.organ) === f || under(str(d.data.organ) ?? "") === f));
      case "tjänstemannaunderlag":
        return kommun(of("planeringsdirektiv").length > 0);
      case "planeringsdirektiv":
        return kommun(of("planeringsdirektiv").some(decided));
      case "budget":
        return kommun(of("budget").some(decided));
      default:
        return kommun(of("uppföljning").some((d) => str(d.data.rapport) === { månadsrapport: "månad", årsredovisning: "helår", delårsrapport: "delår" }[dokument]));
    }
  };

  it("say what each rule's words say, for every phase, on generated plans", () => {
    const id = fc.constantFrom("", "KS", "BUN", "BUF", "SOF", "ENH1", "X");
    const organ = fc.record({ id, typ: fc.constantFrom("nämnd", "förvaltning", "enhet", "bolag"), under: fc.option(id, { nil: undefined }) });
    const doc = fc.record({
      kind: fc.constantFrom("nämndplan", "underlag", "verksamhetsplan", "planeringsdirektiv", "budget", "uppföljning"),
      year: fc.option(fc.integer({ min: 2025, max: 2027 }), { nil: undefined }),
      data: fc.record({
        nämnd: fc.option(id, { nil: undefined }),
        organ: fc.option(id, { nil: undefined }),
        status: fc.option(fc.constantFrom("beslutad", "förslag", 3), { nil: undefined }),
        rapport: fc.option(fc.constantFrom("månad", "delår", "helår"), { nil: undefined }),
      }, { requiredKeys: [] }),
    });
    fc.assert(
      fc.property(fc.array(doc, { maxLength: 12 }), fc.array(organ, { maxLength: 8 }), fc.integer({ min: 2025, max: 2027 }), (docs, organs, år) => {
        const p = planOf(docs, organs);
        for (const s of årshjulStatus(p, DEFAULT_ÅRSHJUL, år, `${år}-12-31`).faser) {
          if (s.fas.dokument === undefined || s.fas.senast === undefined) continue;
          const lacking = oracle(p, s.fas.dokument, s.dokumentÅr!);
          expect(s.saknas).toEqual(lacking.filter((x) => x !== ""));
          expect(s.läge).toBe(lacking.length > 0 ? "sen" : "klar");
        }
      }),
      { numRuns: 400 },
    );
  });

  it("answer at once for thousands of organs and documents (each rule a look-up per organ, not a pass over the documents)", () => {
    const organs = [{ id: "N1", typ: "nämnd" }, ...Array.from({ length: 5_000 }, (_, i) => ({ id: `F${i}`, typ: "förvaltning", under: "N1" })), ...Array.from({ length: 5_000 }, (_, i) => ({ id: `N${i + 2}`, typ: "nämnd" }))];
    const docs: Doc[] = [];
    for (let i = 0; i < 3_000; i++) {
      docs.push({ kind: "verksamhetsplan", year: 2026, data: { organ: `X${i}` } });
      docs.push({ kind: "nämndplan", year: 2026, data: { nämnd: `Y${i}` } });
      docs.push({ kind: "underlag", year: 2027, data: { nämnd: `Y${i}` } });
    }
    const start = process.hrtime.bigint();
    const s = årshjulStatus(planOf(docs, organs), DEFAULT_ÅRSHJUL, 2026, "2026-12-31");
    // Before, this took minutes (5,000 förvaltningar × 3,000 verksamhetsplaner × 10,001 organs).
    expect(Number(process.hrtime.bigint() - start) / 1e9).toBeLessThan(10);
    expect(s.faser.find((f) => f.fas.dokument === "verksamhetsplan")!.saknas).toHaveLength(5_000);
    expect(s.faser.find((f) => f.fas.dokument === "nämndplan")!.saknas).toHaveLength(5_001);
  });

  it("with thousands of phases asking for what thousands of organs lack: each rule asked once per year, and each line names the first 20", () => {
    // A plan.yaml of 560 kB (5,000 phases, 2,000 förvaltningar) wrote 65 MB of text, each late
    // phase naming every förvaltning, and worked out the same list once per phase.
    const organs = [{ id: "N1", typ: "nämnd" }, ...Array.from({ length: 2_000 }, (_, i) => ({ id: `F${i}`, typ: "förvaltning", under: "N1" }))];
    const faser = Array.from({ length: 1_000 }, (_, i) => ({ ...DEFAULT_ÅRSHJUL[1]!, id: `fas${i}`, namn: `Fas ${i}` }));
    const p = planOf([], organs);
    let passes = 0;
    const ofKind = p.index.ofKind.bind(p.index);
    (p.index as { ofKind: typeof ofKind }).ofKind = (k) => (passes++, ofKind(k));
    const status = årshjulStatus(p, faser, 2026, "2026-12-31");
    expect(passes).toBe(1);
    expect(status.sena).toHaveLength(1_000);
    expect(status.sena[0]!.saknas).toHaveLength(2_000);
    for (const lang of ["sv", "en"] as const) {
      const view = { kommun: "Testby kommun", status };
      const text = ARSHJUL_FORMATTERS.text(view, { lang, color: false });
      const md = ARSHJUL_FORMATTERS.md(view, { lang, color: false });
      expect(text).toContain(lang === "sv" ? "saknas för F0, F1, F2, F3, F4, F5, F6, F7, F8, F9, F10, F11, F12, F13, F14, F15, F16, F17, F18, F19 och 1\u00a0980 till" : "missing for F0, F1, F2, F3, F4, F5, F6, F7, F8, F9, F10, F11, F12, F13, F14, F15, F16, F17, F18, F19 and 1,980 more");
      expect(text).not.toContain("F20,");
      for (const out of [text, md]) expect(out.length).toBeLessThan(1_000 * 400);
    }
  });
});
