// `plan site` built in memory (buildSite) and written by the command (runSite): the page set,
// breadcrumbs, relative links, status as symbol and word, determinism, escaping, file names.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { checkPlan } from "../src/check/index.js";
import { UsageError } from "../src/cli/io.js";
import { runSite } from "../src/cli/site.js";
import type { Lang } from "../src/diagnostics/index.js";
import { STATUS_SYMBOL, STATUS_WORD } from "../src/format/status-words.js";
import { loadFrom, memorySource } from "../src/load/load-plan.js";
import { nameOf } from "../src/model/thread.js";
import { buildSite, SITE_MARKER } from "../src/site/build.js";
import { gather } from "../src/site/gather.js";
import { åtagandePage } from "../src/site/pages-goals.js";
import { fileNames } from "../src/site/paths.js";
import type { SiteFile } from "../src/site/types.js";
import { computeStatus, followUpPeriods } from "../src/status/engine.js";
import { filesBelow } from "./helpers/plan-dir.js";
import { cleanupTemp, copyPlan, KATRINEHOLM, MINIMAL, planAt, tempDir } from "./report-helpers.js";

afterAll(cleanupTemp);

const read = (dir: string): Map<string, Uint8Array> => new Map(filesBelow(dir).map((rel) => [rel, readFileSync(path.join(dir, rel))]));

function planOf(files: ReadonlyMap<string, Uint8Array>) {
  const loaded = loadFrom(memorySource(files), "<memory>", { parallel: false });
  return checkPlan(loaded.docs, loaded.diagnostics).plan;
}

const site = (dir: string, year: number, lang: Lang = "sv"): SiteFile[] => buildSite({ plan: planAt(dir), year, lang });
const page = (files: readonly SiteFile[], p: string): string => {
  const f = files.find((x) => x.path === p);
  if (!f) throw new Error(`no page ${p}`);
  return f.content;
};

describe("plan site: the pages", () => {
  const files = site(KATRINEHOLM, 2012);
  const plan = planAt(KATRINEHOLM);

  it("has a start page, one page per målområde, resultatmål, åtagande and nämnd of the year, a stylesheet and the marker", () => {
    const ids = (kind: string, year?: number) =>
      plan.entities.filter((e) => e.kind === kind && (year === undefined || e.year === year) && e.doc.file !== "planeringsdirektiv/2013.yaml").map((e) => e.id);
    const expected = [
      "index.html",
      "site.css",
      SITE_MARKER,
      ...ids("målområde").map((id) => `malomrade/${id}.html`),
      ...ids("resultatmål", 2012).map((id) => `resultatmal/${id}.html`),
      ...ids("åtagande", 2012).map((id) => `atagande/${id}.html`),
      ...plan.namnder.map((id) => `namnd/${id}.html`),
    ].sort();
    // Beside the red thread: the open data, the archive of reports and the accessibility statement (site-data.test.ts).
    const beside = (p: string): boolean => p.startsWith("data/") || p.startsWith("rapporter/") || p === "oppna-data.html" || p === "tillganglighet.html";
    expect(files.map((f) => f.path).filter((p) => !beside(p))).toEqual(expected);
    expect(files.map((f) => f.path).filter(beside)).toEqual(expect.arrayContaining(["oppna-data.html", "tillganglighet.html", "rapporter/index.html", "data/plan-2012.csv"]));
    expect(files.filter((f) => f.path.startsWith("atagande/"))).toHaveLength(117);
  });

  it("gives every page the same accessible shell: lang, CSP, one stylesheet, skip link, landmarks, one h1, ordered headings, captioned tables", () => {
    // The archive's reports are the report HTML as plan report writes it (report-html.test.ts checks them).
    for (const f of files.filter((x) => x.path.endsWith(".html") && !/^rapporter\/\d{4}\//u.test(x.path))) {
      const c = f.content;
      const up = "../".repeat(f.path.split("/").length - 1);
      expect(c.startsWith('<!doctype html>\n<html lang="sv">'), f.path).toBe(true);
      expect(c).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'">`);
      expect([...c.matchAll(/<link [^>]*>/gu)].map((m) => m[0]), f.path).toEqual([`<link rel="stylesheet" href="${up}site.css">`]);
      expect(c, f.path).not.toMatch(/<script|<iframe|<img|<object|\sstyle="|\son[a-z]+=/iu);
      expect(c).toMatch(/<body>\n<a class="skip" href="#innehall">[^<]+<\/a>/u);
      expect(c).toContain('<main id="innehall"');
      for (const tag of ["<header", "<nav", "<footer"]) expect(c, `${f.path} ${tag}`).toContain(tag);
      const levels = [...c.matchAll(/<h([1-6])[ >]/gu)].map((m) => Number(m[1]));
      expect(levels.filter((l) => l === 1), f.path).toHaveLength(1);
      expect(levels[0], f.path).toBe(1);
      for (let i = 1; i < levels.length; i++) expect(levels[i]! - levels[i - 1]!, `${f.path}: h${levels[i - 1]} → h${levels[i]}`).toBeLessThanOrEqual(1);
      const tables = c.split("<table>").length - 1;
      expect(c.split("<caption>").length - 1, f.path).toBe(tables);
      // A table that may scroll sideways on a phone can be scrolled from the keyboard.
      expect(c.split('<div class="table-wrap" role="region" aria-label="').length - 1, f.path).toBe(tables);
      expect(c, f.path).not.toMatch(/<th>|<th (?![^>]*scope=)/u);
    }
    expect(page(files, "site.css")).toMatch(/@media print/u);
    expect(page(files, "site.css")).toMatch(/:focus-visible[^{]*\{[^}]*outline: 3px/u);
  });

  it("leads up the red thread in the breadcrumbs", () => {
    const html = page(files, "atagande/ORT-A01.html");
    const crumbs = /<nav class="crumbs"[^>]*><ol>(.*?)<\/ol><\/nav>/u.exec(html)?.[1] ?? "";
    const links = [...crumbs.matchAll(/<a href="([^"]+)">([^<]+)<\/a>/gu)].map((m) => [m[1], m[2]]);
    expect(links).toEqual([
      ["../index.html", "Start"],
      ["../malomrade/ORT.html", "Ortsutveckling"],
      ["../resultatmal/ORT-R1.html", "Resultatmål ORT-R1"],
    ]);
    expect(crumbs).toContain('<li aria-current="page">Åtagande ORT-A01</li>');
    expect(page(files, "index.html")).not.toContain('class="crumbs"');
  });

  it("links only within the site, relatively, to pages and anchors that exist", () => {
    const byPath = new Map(files.map((f) => [f.path, f.content]));
    let checked = 0;
    let away = 0;
    for (const f of files.filter((x) => x.path.endsWith(".html"))) {
      for (const m of f.content.matchAll(/<(a|link|img|script)\b[^>]*\b(?:href|src)="([^"]*)"/gu)) {
        const ref = m[2]!.replace(/&#38;/gu, "&");
        // A link a reader follows may lead elsewhere (the licence, DIGG): nothing is loaded from there.
        if (m[1] === "a" && /^(?:https:\/\/|mailto:|tel:)/u.test(ref)) {
          away++;
          continue;
        }
        expect(ref, `${f.path}: ${ref}`).not.toMatch(/^(?:[a-z][a-z0-9+.-]*:|\/)/iu);
        const [file, anchor] = ref.split("#") as [string, string | undefined];
        const target = file === "" ? f.path : path.posix.normalize(path.posix.join(path.posix.dirname(f.path), file));
        expect(byPath.has(target), `${f.path} → ${ref}`).toBe(true);
        if (anchor !== undefined) expect(byPath.get(target), `${f.path} → ${ref}`).toContain(`id="${anchor}"`);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(1000);
    expect(away).toBeGreaterThan(0);
    expect(away).toBeLessThan(10);
  });

  it("shows each status as symbol and word, as computeStatus has it", () => {
    const periods = followUpPeriods(plan).filter((p) => p.startsWith("2012-"));
    const m = computeStatus(plan, { period: periods[periods.length - 1]! });
    const start = page(files, "index.html");
    for (const o of m.målområden) {
      const row = new RegExp(`<a href="malomrade/${o.id}\\.html">[^<]*</a></th><td><span class="status [^"]+"><span aria-hidden="true">(.)</span> ([^<]+)</span>`, "u").exec(start);
      expect(row?.slice(1), o.id).toEqual([STATUS_SYMBOL[o.status], STATUS_WORD.sv[o.status]]);
    }
    // Every åtagande page says its own status after the newest follow-up.
    for (const k of m.åtaganden) {
      const now = /<p class="now">[^<]*: <span class="status [^"]+"><span aria-hidden="true">(.)<\/span> ([^<]+)<\/span>/u.exec(page(files, `atagande/${k.id}.html`));
      expect(now?.slice(1), k.id).toEqual([STATUS_SYMBOL[k.status], STATUS_WORD.sv[k.status]]);
    }
    // Not all the same: the check above could not pass by accident.
    expect(new Set(m.åtaganden.map((k) => k.status)).size).toBeGreaterThan(1);
  });

  it("gives every åtagande with figures a chart with a title and the same numbers in a table", () => {
    const html = page(files, "atagande/ORT-A01.html");
    expect(html).toMatch(/<svg [^>]*role="img"[^>]*aria-labelledby="chart-1-t"/u);
    const title = /<title id="chart-1-t">([^<]+)<\/title>/u.exec(html)?.[1] ?? "";
    // The 2012-08 utfall and the helår utfall of examples/katrineholm, with the baseline.
    for (const n of ["4,1", "2,8", "4,4"]) {
      expect(title).toContain(n);
      expect(html).toContain(`<td class="num">${n}</td>`);
    }
    expect(html).toMatch(/<caption>[^<]*<\/caption>\n<thead><tr><th scope="col">/u);
  });

  it("shows a nämnd's åtaganden and its economy against its ram", () => {
    const html = page(files, "namnd/SOCN.html");
    const åtaganden = plan.entities.filter((e) => e.kind === "åtagande" && e.year === 2012 && /\b(SOCN|alla)\b/u.test(JSON.stringify(e.data.nämnder)));
    const listed = [...html.matchAll(/<a href="\.\.\/atagande\/([^"]+)\.html" class="id">/gu)].map((m) => m[1]);
    expect(listed).toEqual(åtaganden.map((e) => e.id));
    expect(html).toMatch(/Ram 2012: [\d ,]+ mnkr/u);
    expect(html).toContain("januari–augusti 2012");
  });

  it("links to what other parts of the site hold about an ID, relatively, and shows no empty group", () => {
    const g = gather({ plan, year: 2012, lang: "sv" }, (id) => [
      { heading: "Rapporter", links: id === "ORT-A01" ? [{ href: "rapporter/2012/delar.html", text: "Delårsrapport 2012" }] : [] },
    ]);
    const a = åtagandePage(g, g.åtaganden.find((e) => e.id === "ORT-A01")!).main;
    expect(a).toContain('<h2 id="mer-1">Rapporter</h2>\n<ul><li><a href="../rapporter/2012/delar.html">Delårsrapport 2012</a></li></ul>');
    expect(åtagandePage(g, g.åtaganden.find((e) => e.id === "ORT-A02")!).main).not.toContain("Rapporter");
  });

  it("is English with --lang en, without a Swedish word of its own", () => {
    const en = site(KATRINEHOLM, 2012, "en");
    const start = page(en, "index.html");
    expect(start).toContain('<html lang="en">');
    expect(start).toContain("Skip to content");
    // The site's own words as whole element texts (plan text, Swedish by nature, may hold them inside).
    const own = ["Hoppa till innehållet", "Målområden", "Ansvariga nämnder", "Uppföljning", "Nämnder", "Nyckeltal", "Aktiviteter", "Kommentarer", "Ekonomi"];
    for (const f of en.filter((x) => x.path.endsWith(".html"))) for (const sv of own) expect(f.content.includes(`>${sv}<`), `${f.path}: ${sv}`).toBe(false);
    expect(page(site(KATRINEHOLM, 2012), "namnd/KS.html")).toContain(">Ekonomi<");
    // The plan's Swedish texts keep their language inside the English page (WCAG 3.1.2).
    const ort = page(en, "malomrade/ORT.html");
    expect(ort).toContain('<h1><span lang="sv">Ortsutveckling</span></h1>');
    expect(ort).toMatch(/<div class="text" lang="sv"><p>Visionen för Katrineholm/u);
    expect(page(site(KATRINEHOLM, 2012), "malomrade/ORT.html")).not.toContain('lang="sv"><p>');
  });

  it("says so when the year has no follow-up yet, and shows nothing as assessed", () => {
    const out = site(KATRINEHOLM, 2013);
    const start = page(out, "index.html");
    expect(start).toContain("Det finns ännu ingen uppföljning för 2013.");
    expect(out.filter((f) => f.path.endsWith(".html")).some((f) => /status-(?:uppfyllt|ej-uppfyllt|delvis)/u.test(f.content))).toBe(false);
  });

  it("builds examples/minimal too, with its names", () => {
    const minimal = planAt(MINIMAL);
    const out = site(MINIMAL, 2026);
    const start = page(out, "index.html");
    for (const o of minimal.entities.filter((e) => e.kind === "målområde")) expect(start).toContain(nameOf(o));
  });
});

describe("plan site: the same files give the same bytes", () => {
  it("twice, and from the files in the opposite order", () => {
    const files = read(KATRINEHOLM);
    const forward = buildSite({ plan: planOf(files), year: 2012, lang: "sv" });
    const again = buildSite({ plan: planOf(files), year: 2012, lang: "sv" });
    const reversed = buildSite({ plan: planOf(new Map([...files].reverse())), year: 2012, lang: "sv" });
    expect(again).toEqual(forward);
    expect(reversed).toEqual(forward);
    expect(forward.map((f) => f.path)).toEqual(forward.map((f) => f.path).sort());
  });
});

describe("plan site: hostile plan text stays text", () => {
  it("escapes names, texts and comments on every page", () => {
    const files = read(KATRINEHOLM);
    const swap = (file: string, from: string, to: string): void => {
      const text = Buffer.from(files.get(file)!).toString("utf8");
      expect(text).toContain(from);
      files.set(file, Buffer.from(text.replace(from, to), "utf8"));
    };
    swap("plan.yaml", "namn: Katrineholms kommun", `namn: "<script>alert(1)</script> & \\"x\\" 'y'\\u0007"`);
    swap("budget/2012.yaml", "text: Antalet nystartade företag per 1 000 invånare ska öka", 'text: "<img src=x onerror=alert(1)> {{constructor}}"');
    swap("uppfoljning/2012-12-helar.yaml", "kommentar: Företagslotsen har gett effekt under hösten.", 'kommentar: "[x](javascript:alert(1)) <b>fet</b>"');
    swap("kommunplan/2011-2014.yaml", "namn: Ortsutveckling", 'namn: "</title><script>alert(2)</script>"');
    const out = buildSite({ plan: planOf(files), year: 2012, lang: "sv" });
    for (const f of out.filter((x) => x.path.endsWith(".html"))) {
      expect(f.content, f.path).not.toMatch(/<script|<img|<b>|href="javascript:|\u0007/iu);
      // One document title (a report's charts have titles of their own, inside their SVG).
      expect(f.content.replace(/<svg\b[\s\S]*?<\/svg>/gu, "").match(/<title>/gu)?.length, f.path).toBe(1);
    }
    expect(page(out, "index.html")).toContain("&#60;script&#62;alert(1)&#60;/script&#62; &#38; &#34;x&#34; &#39;y&#39;");
    expect(page(out, "atagande/ORT-A01.html")).toContain("&lt;img src=x onerror=alert(1)&gt; {{constructor}}");
    expect(page(out, "atagande/ORT-A01.html")).toContain("&lt;b&gt;fet&lt;/b&gt;");
  });
});

describe("plan site: file names from IDs", () => {
  it("keeps a plain ID and gives IDs that differ by case or diacritics names that never collide", () => {
    const ids = ["UTB-A01", "Å1", "A1", "ÅTG", "ATG", "atg", "SKO.1", "x y/z", "..", "ö"];
    const names = fileNames(ids);
    expect(names.get("UTB-A01")).toBe("UTB-A01");
    expect(names.get("A1")).toBe("A1");
    expect(names.get("SKO.1")).toBe("SKO.1");
    const all = ids.map((id) => names.get(id)!);
    expect(new Set(all.map((n) => n.toLowerCase())).size).toBe(ids.length);
    for (const n of all) expect(n).toMatch(/^[A-Za-z0-9][A-Za-z0-9._-]*$/u);
    // ATG and atg differ only by case: neither keeps the bare name a case-insensitive disk would merge.
    expect(names.get("ATG")).not.toBe("ATG");
    expect(names.get("Å1")).toMatch(/^A1-[0-9a-f]{8}$/u);
    // Stable: the name of an ID does not depend on the others around it.
    expect(fileNames(["Å1"]).get("Å1")).toBe(names.get("Å1"));
  });
});

describe("plan site: IDs with å, ä, ö and IDs that differ only by case", () => {
  it("gives each its own page, linked from the pages above it", () => {
    const files = read(KATRINEHOLM);
    const budget = Buffer.from(files.get("budget/2012.yaml")!).toString("utf8");
    const extra = ["Ätg1", "ÄTG1", "Atg1", "atg1"].map((id) => `  - { id: ${id}, resultatmål: [ORT-R1], nämnder: [KS], text: Åtagande ${id} }\n`).join("");
    files.set("budget/2012.yaml", Buffer.from(budget.replace("åtaganden:\n", `åtaganden:\n${extra}`), "utf8"));
    const out = buildSite({ plan: planOf(files), year: 2012, lang: "sv" });
    const pages = out.map((f) => f.path).filter((p) => /^atagande\/(?:Atg1|atg1|ATG1)/iu.test(p));
    expect(pages).toHaveLength(4);
    expect(new Set(pages.map((p) => p.toLowerCase())).size).toBe(4);
    for (const p of pages) expect(p).toMatch(/^atagande\/[A-Za-z0-9._-]+\.html$/u);
    const parent = page(out, "resultatmal/ORT-R1.html");
    for (const p of pages) expect(parent).toContain(`href="../${p}"`);
    for (const id of ["Ätg1", "ÄTG1", "Atg1", "atg1"]) expect(out.some((f) => f.path.startsWith("atagande/") && f.content.includes(`<h1>Åtagande ${id}</h1>`)), id).toBe(true);
  });
});

describe("plan site: the command", () => {
  const opts = (output: string, extra: object = {}) => ({ dir: KATRINEHOLM, output, år: "2012", ...extra });
  const quiet = <T>(f: () => T): T => {
    const write = process.stdout.write;
    process.stdout.write = (() => true) as typeof process.stdout.write;
    try {
      return f();
    } finally {
      process.stdout.write = write;
    }
  };

  it("writes the site into a new folder and replaces a site it wrote before", () => {
    const out = path.join(tempDir("rodtrad-site-"), "site");
    expect(quiet(() => runSite(opts(out)))).toBe(0);
    expect(readFileSync(path.join(out, "index.html"), "utf8")).toBe(page(site(KATRINEHOLM, 2012), "index.html"));
    writeFileSync(path.join(out, "left-over.html"), "old");
    expect(quiet(() => runSite(opts(out, { lang: "en" })))).toBe(0);
    expect(existsSync(path.join(out, "left-over.html"))).toBe(false);
    expect(readFileSync(path.join(out, "index.html"), "utf8")).toContain('lang="en"');
    // Nothing is left beside it.
    expect(readdirSync(path.dirname(out))).toEqual(["site"]);
  });

  it("takes the newest budget year with a follow-up, not a newer one without (and never today's date)", () => {
    const dir = copyPlan(MINIMAL);
    const budget = readFileSync(path.join(dir, "budget/2026.yaml"), "utf8");
    writeFileSync(path.join(dir, "budget/2027.yaml"), budget.replace("id: OPB2026", "id: OPB2027").replace("år: 2026", "år: 2027").replace("från: 2026, till: 2028", "från: 2027, till: 2029"));
    const out = path.join(tempDir("rodtrad-site-"), "site");
    expect(quiet(() => runSite({ dir, output: out }))).toBe(0);
    expect(readFileSync(path.join(out, "index.html"), "utf8")).toContain("Budgetåret 2026");
    expect(quiet(() => runSite({ dir, output: out, år: "2027" }))).toBe(0);
    expect(readFileSync(path.join(out, "index.html"), "utf8")).toContain("Budgetåret 2027");
  });

  it("refuses a folder it did not write, and the plan's own folder", () => {
    const parent = tempDir("rodtrad-site-");
    const foreign = path.join(parent, "docs");
    mkdirSync(foreign);
    writeFileSync(path.join(foreign, "keep.txt"), "mine");
    expect(() => quiet(() => runSite(opts(foreign)))).toThrow(UsageError);
    expect(readFileSync(path.join(foreign, "keep.txt"), "utf8")).toBe("mine");
    expect(() => quiet(() => runSite(opts(KATRINEHOLM)))).toThrow(/holds the plan itself/u);
    expect(() => quiet(() => runSite(opts(path.join(parent, "s"), { basUrl: "javascript:alert(1)" })))).toThrow(/--bas-url/u);
  });
});

describe("plan site: values from Kolada", () => {
  const files = site(KATRINEHOLM, 2012);
  const plan = planAt(KATRINEHOLM);
  const text = (html: string): string => html.replace(/<[^>]+>/gu, " ").replace(/\s+/gu, " ");
  const sv = (n: number): string => String(Math.round(n * 100) / 100).replace(".", ",");

  it("an åtagande whose nyckeltal the year's jämförelse holds shows the group's median and range beside the kommun's value, with the source", () => {
    const doc = parseDocument(readFileSync(path.join(KATRINEHOLM, "kolada/jamforelse-2012.yaml"), "utf8")).toJS() as {
      hämtad: string;
      värden: { kolada: string; år: number; kommuner: Record<string, number | null> }[];
    };
    const koladaOf = new Map(plan.entities.filter((e) => e.kind === "åtagande" && e.year === 2012).map((e) => [e.id, (e.data.nyckeltal as { kolada?: string } | undefined)?.kolada]));
    let shown = 0;
    for (const [id, kolada] of koladaOf) {
      const html = text(page(files, `atagande/${id}.html`));
      const row = doc.värden.find((v) => v.kolada === kolada);
      if (!row) {
        expect(html, id).not.toContain("jämförelse med andra kommuner");
        continue;
      }
      const values = Object.values(row.kommuner).filter((v): v is number => v !== null).sort((a, b) => a - b);
      const mid = values.length / 2;
      const median = values.length % 2 === 1 ? values[Math.floor(mid)]! : (values[mid - 1]! + values[mid]!) / 2;
      expect(html, id).toContain(`Median för jämförelsegruppen (${values.length} av ${Object.keys(row.kommuner).length} kommuner med värde) ${sv(median)}`);
      expect(html, id).toContain(`Lägst–högst i jämförelsegruppen ${sv(values[0]!)}–${sv(values.at(-1)!)}`);
      expect(html, id).toContain(`Källa: Kolada, hämtad ${doc.hämtad}. Jämförelsegrupp: 0428, 0480, 0482, 0484.`);
      expect(html, id).toMatch(/Katrineholms kommun \(kommunens värde\) (?:–|\d[\d ]*(?:,\d+)?) /u);
      shown++;
    }
    expect(shown).toBe(4);
  });

  it("an utfall of an earlier year says which, and a value from Kolada says so", () => {
    const html = text(page(files, "atagande/FOLK-A09.html"));
    expect(html).toContain("januari–augusti 2012 2,2 (2011)");
    expect(html).toContain("Källa för utfallet januari–augusti 2012: Kolada.");
    expect(text(page(files, "atagande/ORT-A01.html"))).not.toContain("Källa för utfallet");
  });
});

describe("plan site: the data files are named as the pages are", () => {
  it("IDs that differ only by case, or hold å, ä, ö, get ASCII data files that never collide, beside pages of the same name", () => {
    const dir = copyPlan(MINIMAL);
    const budget = path.join(dir, "budget/2026.yaml");
    const extra = (id: string): string =>
      `  - id: ${id}\n    resultatmål: [UTB-R1]\n    nämnder: [BUN]\n    text: Ett åtagande till\n    nyckeltal: { namn: Antal, enhet: antal, riktning: öka, målvärden: { 2026: 1 } }\n`;
    writeFileSync(budget, readFileSync(budget, "utf8").replace("åtaganden:\n", `åtaganden:\n${extra("utb-a01")}${extra("ÅTG-1")}${extra("ATG-1")}`));
    const files = site(dir, 2026);
    const data = files.map((f) => f.path).filter((p) => p.startsWith("data/atagande/") && p.endsWith(".csv"));
    const pages = files.map((f) => f.path).filter((p) => p.startsWith("atagande/"));
    expect(data).toHaveLength(pages.length);
    for (const p of data) expect(p).toMatch(/^data\/atagande\/[A-Za-z0-9][A-Za-z0-9._-]*\.csv$/u);
    expect(new Set(data.map((p) => p.toLowerCase())).size).toBe(data.length);
    // Each page links its own files, under the page's own name.
    for (const p of pages) {
      const stem = p.slice("atagande/".length, -".html".length);
      expect(page(files, p), p).toContain(`href="../data/atagande/${stem}.csv"`);
    }
  });
});
