// The site's data and law parts: open data files (CSV and JSON) that parse and agree with
// `plan status --format json`, the follow-up archive, the accessibility statement, the sitemap
// and canonical links, in both languages, deterministic, with hostile plan texts kept as text.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { XMLValidator } from "fast-xml-parser";
import { afterAll, describe, expect, it, vi } from "vitest";
import type { Lang } from "../src/diagnostics/index.js";
import { archiveFiles, archiveLinks, archivePage } from "../src/site/archive.js";
import { DATA_KEYS } from "../src/site/data-rows.js";
import { dataLinks, openDataFiles, openDataPage } from "../src/site/open-data.js";
import { renderPage } from "../src/site/page.js";
import { canonical, parseBaseUrl, sitemap } from "../src/site/sitemap.js";
import { accessibilityStatement } from "../src/site/statement.js";
import type { SiteContext, SiteFile } from "../src/site/types.js";
import { followUpPeriods } from "../src/status/engine.js";
import { hostileFiles, loadHostile, timed } from "./helpers/hostile-size.js";
import { planInProcess } from "./helpers/in-process.js";
import { PlanIoError } from "../src/load/errors.js";
import { buildSite } from "../src/site/build.js";
import { MAX_NAMND_ROWS } from "../src/site/limits.js";
import { cleanupTemp, copyPlan, FIXTURES, KATRINEHOLM, MINIMAL, planAt } from "./report-helpers.js";

afterAll(cleanupTemp);

const ctxOf = (dir: string, lang: Lang = "sv", extra: Partial<SiteContext> = {}): SiteContext => {
  const plan = planAt(dir);
  const year = Number(followUpPeriods(plan).at(-1)!.slice(0, 4));
  return { plan, year, lang, ...extra };
};

const byPath = (files: readonly SiteFile[]): Map<string, string> => new Map(files.map((f) => [f.path, f.content]));

/** A small RFC 4180 reader with `;` between fields, written apart from the site's writer. */
function parseCsv(text: string): string[][] {
  expect(text.startsWith("\uFEFF")).toBe(true);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  const s = text.slice(1);
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ";") row.push(field), (field = "");
    else if (c === "\r" && s[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      (row = []), (field = ""), i++;
    } else field += c;
  }
  expect(field).toBe("");
  expect(row).toEqual([]);
  return rows;
}

/** A CSV cell back as the JSON value it stands for (the JSON says what type to expect). */
function cellAsJson(cell: string, like: unknown): unknown {
  if (like === null) return cell === "" ? null : `not empty: ${cell}`;
  if (typeof like === "number") return Number(cell.replace(",", "."));
  if (typeof like === "boolean") return cell === "true";
  if (Array.isArray(like)) return cell === "" ? [] : cell.split(" ");
  return cell.startsWith("'") && /^[=+\-@\t\r]/u.test(cell.slice(1)) ? cell.slice(1) : cell;
}

type Row = Record<string, unknown>;
const jsonRows = (text: string): Row[] => (JSON.parse(text) as { rader: Row[] }).rader;

describe("open data", () => {
  for (const dir of [KATRINEHOLM, MINIMAL]) {
    const name = path.basename(dir);
    const ctx = ctxOf(dir);
    const files = byPath(openDataFiles(ctx));

    it(`${name}: every CSV file has the same rows and values as its JSON twin`, () => {
      const csvs = [...files.keys()].filter((p) => p.endsWith(".csv"));
      expect(csvs.length).toBeGreaterThan(4);
      for (const p of csvs) {
        const csv = files.get(p)!;
        expect(csv).toMatch(/\r\n$/u);
        const [head, ...body] = parseCsv(csv);
        expect(head).toEqual([...DATA_KEYS]);
        const json = jsonRows(files.get(p.replace(/\.csv$/u, ".json"))!);
        expect(body.length, p).toBe(json.length);
        body.forEach((cells, i) => {
          expect(Object.keys(json[i]!)).toEqual([...DATA_KEYS]);
          expect(Object.fromEntries(DATA_KEYS.map((k, j) => [k, cellAsJson(cells[j]!, json[i]![k])]))).toEqual(json[i]);
        });
      }
    });

    it(`${name}: the year's file agrees with plan status --format json for every follow-up`, () => {
      const rows = jsonRows(files.get(`data/plan-${ctx.year}.json`)!);
      const periods = followUpPeriods(ctx.plan);
      expect(periods.length).toBeGreaterThan(0);
      for (const period of periods) {
        const run = planInProcess(["status", "-C", dir, "--period", period, "--format", "json"]);
        expect(run.status).toBe(0);
        const status = JSON.parse(run.stdout) as Record<"åtaganden" | "resultatmål" | "målområden", Row[]>;
        const of = (typ: string): Row[] => rows.filter((r) => r.period === period && r.typ === typ);
        expect(of("åtagande").map((r) => ({ id: r.id, status: r.status, value: r.value, target: r.target, manual: r.manual }))).toEqual(
          status.åtaganden.map((k) => ({ id: k.id, status: k.status, value: k.value, target: k.target, manual: k.manual })),
        );
        for (const [typ, list] of [["resultatmål", status.resultatmål], ["målområde", status.målområden]] as const) {
          expect(of(typ).map((r) => [r.id, r.status, r.manual])).toEqual(list.map((g) => [g.id, g.status, g.manual]));
        }
        const ekonomi = (status as unknown as { ekonomi: Row[] }).ekonomi.filter((r) => r.saknas !== true);
        expect(of("ekonomi").map((r) => [r.id, r.budget, r.utfall, r.prognos, r.avvikelse])).toEqual(ekonomi.map((r) => [r.organ, r.budget, r.utfall, r.prognos, r.avvikelse]));
      }
    });

    it(`${name}: an entity's file holds its own rows and those its page shows`, () => {
      const rows = jsonRows(files.get(`data/plan-${ctx.year}.json`)!);
      const åtagande = rows.find((r) => r.typ === "åtagande" && r.period !== null)!;
      const own = jsonRows(files.get(`data/atagande/${åtagande.id as string}.json`)!);
      expect(own.length).toBeGreaterThan(0);
      expect(new Set(own.map((r) => `${r.typ as string} ${r.id as string}`))).toEqual(new Set([`åtagande ${åtagande.id as string}`]));
      const goal = (åtagande.bidrar_till as string[])[0]!;
      const goalRows = jsonRows(files.get(`data/resultatmal/${goal}.json`)!);
      expect(goalRows.some((r) => r.typ === "resultatmål" && r.id === goal)).toBe(true);
      expect(goalRows.filter((r) => r.typ === "åtagande").every((r) => (r.bidrar_till as string[]).includes(goal))).toBe(true);
      const nämnd = (åtagande.nämnder as string[])[0]!;
      const nämndRows = jsonRows(files.get(`data/namnd/${nämnd}.json`)!);
      expect(nämndRows.some((r) => r.typ === "åtagande" && r.id === åtagande.id)).toBe(true);
      expect(nämndRows.filter((r) => r.typ === "ekonomi").every((r) => r.id === nämnd)).toBe(true);
      expect(dataLinks(ctx, "åtagande", åtagande.id as string).map((c) => c.href)).toEqual([`data/atagande/${åtagande.id as string}.csv`, `data/atagande/${åtagande.id as string}.json`]);
      expect(dataLinks(ctx, "åtagande", "NO-SUCH-ID")).toEqual([]);
    });
  }

  it("a målvärde of a year without follow-up has a row of its own, with no period or status", () => {
    const rows = jsonRows(byPath(openDataFiles(ctxOf(MINIMAL))).get("data/atagande/UTB-A01.json")!);
    expect(rows.filter((r) => r.period === null).map((r) => [r.year, r.target, r.status])).toEqual([
      [2027, 87, null],
      [2028, 89, null],
    ]);
  });

  it("a text that a spreadsheet would run as a formula gets an apostrophe in CSV, and stays exact in JSON", () => {
    const dir = copyPlan(MINIMAL);
    const budget = path.join(dir, "budget/2026.yaml");
    writeFileSync(budget, readFileSync(budget, "utf8").replace("text: Andelen elever i åk 9 som är behöriga till gymnasiet ska öka", `text: '=HYPERLINK("http://example.org/?"&A1;"x")'`));
    const uf = path.join(dir, "uppfoljning/2026-08-delar.yaml");
    writeFileSync(uf, readFileSync(uf, "utf8").replace("kommentar: Sjukfrånvaron minskar långsammare än planerat.", "kommentar: '@SUM(1+1)'"));
    const files = byPath(openDataFiles(ctxOf(dir)));
    const [, ...utb] = parseCsv(files.get("data/atagande/UTB-A01.csv")!);
    const namn = DATA_KEYS.indexOf("namn");
    expect(utb.map((r) => r[namn])).toContain(`'=HYPERLINK("http://example.org/?"&A1;"x")`);
    expect(files.get("data/atagande/UTB-A01.csv")).toContain(`"'=HYPERLINK(""http://example.org/?""&A1;""x"")"`);
    expect(jsonRows(files.get("data/atagande/UTB-A01.json")!)[0]!.namn).toBe(`=HYPERLINK("http://example.org/?"&A1;"x")`);
    const [, ...eko] = parseCsv(files.get("data/atagande/EKO-A01.csv")!);
    expect(eko[0]![DATA_KEYS.indexOf("kommentar")]).toBe("'@SUM(1+1)");
    // Numbers are never guarded: a negative avvikelse stays a number.
    const unsafe = parseCsv(byPath(openDataFiles(ctxOf(path.join(FIXTURES, "report-unsafe"))))?.get("data/plan-2025.csv")!);
    const avvikelser = unsafe.map((r) => r[DATA_KEYS.indexOf("avvikelse")]).filter((c) => c !== "" && c !== "avvikelse");
    expect(avvikelser).toContain("-10");
    expect(avvikelser.some((c) => c!.startsWith("'"))).toBe(false);
  });

  it("docs/site-data.md describes every column", () => {
    const doc = readFileSync(new URL("../docs/site-data.md", import.meta.url), "utf8");
    expect(DATA_KEYS.filter((k) => !doc.includes(`\`${k}\``))).toEqual([]);
  });

  it("CSV numbers have a decimal comma, JSON numbers a decimal point", () => {
    const files = byPath(openDataFiles(ctxOf(MINIMAL)));
    const [, ...rows] = parseCsv(files.get("data/atagande/EKO-A01.csv")!);
    expect(rows[0]![DATA_KEYS.indexOf("utgångsvärde")]).toBe("7,2");
    expect(jsonRows(files.get("data/atagande/EKO-A01.json")!)[0]!.utgångsvärde).toBe(7.2);
  });

  it("the page names the licence from plan.yaml, or says plainly that there is none", () => {
    const kat = openDataPage(ctxOf(KATRINEHOLM)).main;
    expect(kat).toContain("CC0-1.0");
    expect(kat).toContain('href="https://creativecommons.org/publicdomain/zero/1.0/"');
    const dir = copyPlan(MINIMAL);
    const planYaml = path.join(dir, "plan.yaml");
    writeFileSync(planYaml, readFileSync(planYaml, "utf8").replace("  licens: CC-BY-4.0\n", ""));
    for (const lang of ["sv", "en"] as const) {
      const none = openDataPage(ctxOf(dir, lang)).main;
      expect(none).not.toMatch(/CC-BY|CC0|creativecommons/u);
      expect(none).toContain(lang === "sv" ? "inte angett någon licens" : "has not stated a licence");
      expect(JSON.parse(byPath(openDataFiles(ctxOf(dir, lang))).get("data/plan-2026.json")!).licens).toBeNull();
    }
  });

  it("the page links every file there is, and every link leads to a file", () => {
    const ctx = ctxOf(KATRINEHOLM);
    const files = byPath(openDataFiles(ctx));
    const page = openDataPage(ctx);
    const links = [...page.main.matchAll(/href="([^"]+)"/gu)].map((m) => decodeURIComponent(m[1]!)).filter((h) => !h.startsWith("https://"));
    expect(new Set(links)).toEqual(new Set(files.keys()));
  });
});

describe("archive", () => {
  const ctx = ctxOf(KATRINEHOLM);
  const files = archiveFiles(ctx);

  it("holds the report of every follow-up, as plan report renders it", () => {
    expect(files.map((f) => f.path)).toEqual(["rapporter/2012/2012-08-delar.html", "rapporter/2012/2012-10-manad.html", "rapporter/2012/2012-12-arsredovisning.html"]);
    const delår = planInProcess(["report", "delår", "-C", KATRINEHOLM, "--period", "2012-08", "--format", "html"]);
    expect(delår.status).toBe(0);
    expect(files[0]!.content).toBe(delår.stdout);
  });

  it("reports load nothing from another origin", () => {
    for (const f of [...files, ...archiveFiles(ctxOf(path.join(FIXTURES, "report-unsafe")))]) {
      expect(f.content).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
      expect(f.content).not.toMatch(/<(?:script|img|iframe|object|embed|link)\b/iu);
      expect(f.content).not.toMatch(/<[^>]*\s(?:src|srcset)=|url\(|@import/iu);
    }
  });

  it("the index lists each report, and an entity links the reports of its years", () => {
    const page = archivePage(ctx);
    // The index sits in rapporter/: one step up to the root, then the report's path.
    for (const f of files) expect(page.main).toContain(`href="../${f.path}"`);
    expect(page.main).toContain("Årsredovisning 2012");
    expect(archiveLinks(ctx, "ORT-A01").map((c) => c.href)).toEqual(files.map((f) => f.path));
    expect(archiveLinks(ctx, "KS").length).toBe(3);
    expect(archiveLinks(ctx, "NO-SUCH-ID")).toEqual([]);
    expect(archivePage(ctxOf(KATRINEHOLM, "en")).main).toContain("Annual report 2012");
  });
});

describe("accessibility statement", () => {
  it("gives the contact from plan.yaml, and DIGG as supervisor", () => {
    const main = accessibilityStatement(ctxOf(KATRINEHOLM)).main;
    expect(main).toContain('href="mailto:kommun@katrineholm.se"');
    expect(main).toContain('href="tel:015057000"');
    expect(main).toContain("Myndigheten för digital förvaltning (DIGG)");
    expect(main).toContain("helt förenlig");
    expect(main).toContain("2018:1937");
    // No review date in plan.yaml: the newest follow-up, never today.
    expect(main).toContain("till och med december 2012");
  });

  it("says plainly when contact details are missing, and is partly compliant with known shortcomings", () => {
    const dir = copyPlan(MINIMAL);
    const planYaml = path.join(dir, "plan.yaml");
    const text = readFileSync(planYaml, "utf8").replace(/  kontakt:\n    epost: .*\n/u, "").replace("granskad: 2026-09-15", "granskad: 2026-09-15\n    brister: 'Tabellen *saknar* rubriker <script>alert(1)</script>'");
    writeFileSync(planYaml, text);
    for (const lang of ["sv", "en"] as const) {
      const main = accessibilityStatement(ctxOf(dir, lang)).main;
      expect(main).not.toContain("mailto:");
      expect(main).toContain(lang === "sv" ? "inte angett några kontaktuppgifter" : "has not given any contact details");
      expect(main).toContain(lang === "sv" ? "delvis förenlig" : "partially compliant");
      expect(main).toContain("<em>saknar</em>");
      expect(main).not.toContain("<script");
      expect(main).toContain(lang === "sv" ? "den 15 september 2026" : "on 15 September 2026");
    }
  });

  it("is the same whatever the date today", () => {
    const ctx = ctxOf(MINIMAL);
    vi.useFakeTimers();
    try {
      vi.setSystemTime(new Date("2031-02-03T10:00:00Z"));
      const a = renderPage(accessibilityStatement(ctx), ctx);
      vi.setSystemTime(new Date("2040-07-08T10:00:00Z"));
      expect(renderPage(accessibilityStatement(ctx), ctx)).toBe(a);
      expect(a).not.toMatch(/2031|2040/u);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe("hostile plan texts", () => {
  const dir = copyPlan(path.join(FIXTURES, "report-unsafe"));
  const planYaml = path.join(dir, "plan.yaml");
  writeFileSync(planYaml, `${readFileSync(planYaml, "utf8")}\nwebbplats:\n  licens: '<script>alert(1)</script>'\n  kontakt: { epost: '"><img src=x onerror=alert(1)>@x.se', adress: '<b>Gata</b> {{constructor}}' }\n`);
  for (const lang of ["sv", "en"] as const) {
    it(`stay text on the data, archive and statement pages (${lang})`, () => {
      const ctx = ctxOf(dir, lang);
      for (const page of [openDataPage(ctx), archivePage(ctx), accessibilityStatement(ctx)]) {
        const html = renderPage(page, ctx);
        expect(html, page.path).not.toMatch(/<(?:script|img|iframe|svg|b)\b/iu);
        // Attribute names outside quoted values: an event handler would be one.
        const names = [...html.matchAll(/<[a-z][a-z0-9]*([^>]*)>/giu)].flatMap((m) => [...m[1]!.replace(/"[^"]*"/gu, '""').matchAll(/\s([^\s=]+)=/gu)].map((a) => a[1]!));
        // The shell's own (page.ts) and the tables' (html.ts) and nothing else.
        const shell = ["href", "lang", "charset", "name", "content", "id", "aria-label", "scope", "http-equiv", "rel", "class", "role", "tabindex", "aria-current", "aria-labelledby", "aria-hidden"];
        expect(names.filter((n) => !shell.includes(n))).toEqual([]);
        expect(html).not.toMatch(/href="\s*(?:javascript|vbscript|data):/iu);
      }
      expect(openDataPage(ctx).main).toContain("&#60;script&#62;alert(1)&#60;/script&#62;");
    });
  }
});

describe("sitemap and canonical links", () => {
  it("only with --bas-url", () => {
    const ctx = ctxOf(MINIMAL);
    expect(sitemap(ctx, ["index.html"])).toBeUndefined();
    expect(canonical(ctx, "index.html")).toBeUndefined();
  });

  it("list each page once, sorted, a folder's index.html as the folder", () => {
    const ctx = ctxOf(MINIMAL, "sv", { baseUrl: parseBaseUrl("https://plan.example.se/ekby") });
    const map = sitemap(ctx, ["tillganglighet.html", "index.html", "rapporter/index.html", "data/åtagande.html", "index.html"])!;
    expect(map.path).toBe("sitemap.xml");
    expect(XMLValidator.validate(map.content)).toBe(true);
    expect([...map.content.matchAll(/<loc>([^<]+)<\/loc>/gu)].map((m) => m[1])).toEqual([
      "https://plan.example.se/ekby/data/%C3%A5tagande.html",
      "https://plan.example.se/ekby/",
      "https://plan.example.se/ekby/rapporter/",
      "https://plan.example.se/ekby/tillganglighet.html",
    ]);
    expect(canonical(ctx, "oppna-data.html")).toBe("https://plan.example.se/ekby/oppna-data.html");
  });

  it("--bas-url must be an http(s) address; a trailing slash is added", () => {
    expect(parseBaseUrl("http://example.se")).toBe("http://example.se/");
    expect(parseBaseUrl("https://example.se/plan/")).toBe("https://example.se/plan/");
    for (const bad of ["ftp://example.se/", "javascript:alert(1)", "/plan/", "example.se", "https://example.se/?a=1", "https://example.se/#x", "https://user@example.se/"]) {
      expect(() => parseBaseUrl(bad), bad).toThrow(/--bas-url/u);
    }
  });
});

describe("both languages, deterministic", () => {
  it("each page speaks one language", () => {
    const sv = ctxOf(KATRINEHOLM, "sv");
    const en = ctxOf(KATRINEHOLM, "en");
    const pairs = [
      [openDataPage(sv).main, openDataPage(en).main, "Öppna data", "Open data"],
      [archivePage(sv).main, archivePage(en).main, "Uppföljningsarkiv", "Follow-up archive"],
      [accessibilityStatement(sv).main, accessibilityStatement(en).main, "Tillgänglighetsredogörelse", "Accessibility statement"],
    ] as const;
    for (const [s, e, svTitle, enTitle] of pairs) {
      expect(s).toContain(svTitle);
      expect(s).not.toContain(enTitle);
      expect(e).toContain(enTitle);
      expect(e).not.toContain(svTitle);
    }
  });

  it("the same files give the same bytes", () => {
    const ctx = ctxOf(KATRINEHOLM);
    const again: SiteContext = { ...ctx, plan: planAt(copyPlan(KATRINEHOLM)) };
    const all = (c: SiteContext): SiteFile[] => [...openDataFiles(c), ...archiveFiles(c), ...[openDataPage(c), archivePage(c), accessibilityStatement(c)].map((p) => ({ path: p.path, content: renderPage(p, c) }))];
    expect(all(again)).toEqual(all(ctx));
  });
});

describe("åtaganden for alla", () => {
  const allaCtx = (nämnder: number, åtaganden: number): SiteContext => ({ plan: loadHostile(hostileFiles("alla", nämnder, åtaganden)).plan, year: 2026, lang: "sv" });

  it("say alla in the data files, as the plan does, and stand in every nämnd's file", () => {
    const ctx = allaCtx(30, 20);
    const files = byPath(openDataFiles(ctx));
    const own = jsonRows(files.get("data/atagande/A00000.json")!).filter((r) => r.typ === "åtagande");
    expect(own.length).toBeGreaterThan(0);
    for (const r of own) expect(r.nämnder).toEqual(["alla"]);
    const [head, ...rows] = parseCsv(files.get("data/atagande/A00000.csv")!);
    expect(rows.map((r) => r[head!.indexOf("nämnder")])).toEqual(own.map(() => "alla"));
    for (const n of ctx.plan.namnder) {
      const ids = jsonRows(files.get(`data/namnd/${n}.json`)!).filter((r) => r.typ === "åtagande").map((r) => r.id);
      expect(new Set(ids), n).toEqual(new Set(Array.from({ length: 20 }, (_, i) => `A${String(i).padStart(5, "0")}`)));
    }
  });

  it("that every nämnd's page and file would list past the limit are refused before the site is built, with one line", () => {
    // 1,000 nämnder and 10,000 åtaganden for alla: before, 48 s and 4.3 GB, then the heap ran out.
    const pages = timed(() => {
      try {
        buildSite(allaCtx(1000, 10_000));
        return undefined;
      } catch (e) {
        return e;
      }
    });
    expect(pages.s).toBeLessThan(10);
    expect(pages.value).toBeInstanceOf(PlanIoError);
    expect((pages.value as PlanIoError).in("sv")).toBe(`webbplatsen skulle lista 10000000 åtaganden på nämndernas sidor (ett åtagande för alla listas för varje nämnd): fler än ${MAX_NAMND_ROWS} vägras`);
    // Within the limit on the pages (250 × 1,000), past it in the files (a row per follow-up and per year without one).
    expect(() => openDataFiles(allaCtx(250, 1000))).toThrow(/in the nämnder's data files/u);
  });
});
