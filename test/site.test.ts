// `plan site` on both examples, checked as a reader and a validator would: every page by axe-core
// in Chromium (WCAG 2.1 A/AA) and the W3C Nu HTML Checker, every link and anchor, nothing loaded
// from another origin; hostile plan texts stay text; the open data agrees with `plan status`;
// the same files give the same bytes. The checks are helpers/site-check.ts (self-tested in
// site-check.test.ts).
//
// Trial runs: RODTRAD_SITE_CLI=path/to/bin/plan.js builds every site with that CLI (`plan site`)
// instead of buildSite in this process; RODTRAD_SITE_DIR=folder checks that one built folder
// in place of the examples' sites.
//
// vnu, the crawler, the page shape and the hostile-text check read every page, and Chromium
// opens every page of both examples' sites. axe reads the pages that together hold every variant
// of every page of their kind (helpers/site-check.ts variantCover: every element, class and
// attribute value that occurs on any åtagande page, say, occurs on a page axe reads), and every
// page of a kind with few pages; RODTRAD_SITE_AXE=all makes it read every page. The English site
// of minimal is read by a sample of each page kind.
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { yearFor } from "../src/cli/open-plan.js";
import type { Lang } from "../src/diagnostics/index.js";
import { buildSite } from "../src/site/build.js";
import { BIN } from "./helpers/exec.js";
import { planInProcess } from "./helpers/in-process.js";
import { cleanup, filesBelow, tempDir } from "./helpers/plan-dir.js";
import { axeSite, crawl, dataAgreement, dataRecords, pageShape, payloadFindings, samplePages, tags, variantCover, vnu, type BrowserFindings } from "./helpers/site-check.js";
import { KATRINEHOLM, launchChromium, MINIMAL, planAt, SKIP_BROWSER, SKIP_REASON } from "./report-helpers.js";

afterAll(cleanup);

const SITE_CLI = process.env.RODTRAD_SITE_CLI;
/** axe on every page (about 0.1–0.3 s a page) with RODTRAD_SITE_AXE=all; else on the pages that hold every variant. */
const AXE_ALL = process.env.RODTRAD_SITE_AXE === "all";
const SITE_DIR = process.env.RODTRAD_SITE_DIR;

interface Build {
  lang: Lang;
  baseUrl?: string;
}

/** The site of the plan in `planDir`, written into `out`: by buildSite in this process, or by a CLI (RODTRAD_SITE_CLI, or `cli`). */
async function buildInto(planDir: string, out: string, b: Build, cli = SITE_CLI): Promise<void> {
  if (cli !== undefined) {
    const args = [cli, "site", "-C", planDir, "-o", out, "--lang", b.lang, ...(b.baseUrl !== undefined ? ["--bas-url", b.baseUrl] : [])];
    const r = spawnSync(process.execPath, args, { encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
    if (r.status !== 0) throw new Error(`plan site failed (${r.status}): ${r.stderr}`);
    return;
  }
  const plan = planAt(planDir);
  const files = buildSite({ plan, year: yearFor(plan, undefined), lang: b.lang, ...(b.baseUrl !== undefined ? { baseUrl: b.baseUrl } : {}) });
  for (const f of files) {
    mkdirSync(path.dirname(path.join(out, f.path)), { recursive: true });
    writeFileSync(path.join(out, f.path), f.content);
  }
}

/** Every file of a built site and its bytes. */
const contents = (dir: string): Map<string, string> => new Map(filesBelow(dir).map((f) => [f, readFileSync(path.join(dir, f), "latin1")]));

// ---------------------------------------------------------------- hostile texts

/** The payloads the report tests use: markup, handlers, a javascript: link, template syntax, a table pipe. */
const PAYLOAD = `<script>window.pwned=1</script><img src=x onerror="window.pwned=2"><svg onload="window.pwned=3"></svg> [x](javascript:window.pwned=4) {{constructor}} {{{x}}} a | b`;

/** Where the payload goes in examples/minimal: file, path in the document, and a marker that tells the places apart. */
const INJECT: { file: string; at: (string | number)[]; marker: string; optional?: true }[] = [
  { file: "plan.yaml", at: ["namn"], marker: "KOMMUN" },
  { file: "plan.yaml", at: ["vision", "namn"], marker: "VISION" },
  { file: "plan.yaml", at: ["organisation", 2, "namn"], marker: "NAMND" },
  { file: "kommunplan/2023-2026.yaml", at: ["målområden", 0, "namn"], marker: "MALOMRADE" },
  { file: "kommunplan/2023-2026.yaml", at: ["målområden", 0, "beskrivning"], marker: "BESKRIVNING" },
  { file: "budget/2026.yaml", at: ["resultatmål", 0, "text"], marker: "RESULTATMAL" },
  { file: "budget/2026.yaml", at: ["åtaganden", 0, "text"], marker: "ATAGANDE" },
  { file: "budget/2026.yaml", at: ["åtaganden", 0, "nyckeltal", "namn"], marker: "NYCKELTAL" },
  { file: "uppfoljning/2026-08-delar.yaml", at: ["nyckeltal", 0, "kommentar"], marker: "KOMMENTAR" },
  // The contact address becomes a mailto: link on the accessibility statement, when the plan has one.
  { file: "plan.yaml", at: ["webbplats", "kontakt", "epost"], marker: "EPOST", optional: true },
];

/** A text a spreadsheet would run as a formula, were it written to a CSV cell as it is. */
const FORMULA = '=HYPERLINK("https://example.org/","x")';

/** A copy of examples/minimal whose names and texts carry the payload, each after its marker, and one åtagande the formula. */
function hostilePlan(): string {
  const dir = tempDir("rodtrad-site-hostile-");
  cpSync(MINIMAL, dir, { recursive: true });
  const budget = path.join(dir, "budget/2026.yaml");
  const withFormula = parseDocument(readFileSync(budget, "utf8"));
  withFormula.setIn(["åtaganden", 1, "text"], FORMULA);
  writeFileSync(budget, withFormula.toString());
  for (const { file, at, marker, optional } of INJECT) {
    const doc = parseDocument(readFileSync(path.join(dir, file), "utf8"));
    if (optional && !doc.hasIn(at)) continue;
    expect(doc.hasIn(at) || at.at(-1) === "kommentar", `${file} ${at.join(".")}`).toBe(true);
    doc.setIn(at, `${marker} ${PAYLOAD}`);
    writeFileSync(path.join(dir, file), doc.toString());
  }
  return dir;
}

// ---------------------------------------------------------------- the sites

interface Site {
  name: string;
  dir: string;
  lang: Lang;
  /** The plan it was built from, when built here. */
  plan?: string;
  baseUrl?: string;
}

const BASE_URL = "https://plan.exempelby.se/";
const root = tempDir("rodtrad-site-");
const sites: Site[] =
  SITE_DIR !== undefined
    ? [{ name: `RODTRAD_SITE_DIR (${path.basename(SITE_DIR)})`, dir: path.resolve(SITE_DIR), lang: "sv" }]
    : [
        { name: "katrineholm", dir: path.join(root, "katrineholm-sv"), lang: "sv", plan: KATRINEHOLM },
        { name: "minimal", dir: path.join(root, "minimal-sv"), lang: "sv", plan: MINIMAL },
        { name: "minimal in English with --bas-url", dir: path.join(root, "minimal-en"), lang: "en", plan: MINIMAL, baseUrl: BASE_URL },
      ];
const hostile: Site = { name: "hostile", dir: path.join(root, "hostile"), lang: "sv" };
let vnuResult: { errors: string[]; warnings: string[] };

beforeAll(async () => {
  if (SITE_DIR === undefined) {
    for (const s of sites) await buildInto(s.plan!, s.dir, { lang: s.lang, ...(s.baseUrl !== undefined ? { baseUrl: s.baseUrl } : {}) });
    await buildInto(hostilePlan(), hostile.dir, { lang: "sv" });
  }
  // One JVM for every site: vnu checks the folder that holds them.
  vnuResult = vnu(SITE_DIR !== undefined ? path.resolve(SITE_DIR) : root);
  // Warnings are listed, not failed. One is expected on every page: vnu reads a file: page as
  // having no origin, so it says style-src 'self' blocks site.css; browsers load it from file://
  // (the Chromium tests below check every stylesheet loads) and from any web server.
  const warnings = new Map<string, { n: number; first: string }>();
  for (const w of vnuResult.warnings) {
    const [, where, message] = /^([^:]*:\d+):\d+: (.*)$/su.exec(w) ?? ["", "?", w];
    warnings.set(message!, { n: (warnings.get(message!)?.n ?? 0) + 1, first: warnings.get(message!)?.first ?? where! });
  }
  if (warnings.size > 0) console.info(`vnu warnings (not failing):\n${[...warnings].map(([m, { n, first }]) => `  ${n} × ${m} (first: ${first})`).join("\n")}`);
}, 120_000);

/** The findings of vnu in one site's folder, with paths relative to it. */
const vnuOf = (s: Site, list: string[]): string[] => (SITE_DIR !== undefined ? list : list.filter((e) => e.startsWith(`${path.basename(s.dir)}/`)));

for (const s of sites) {
  describe(`the site of ${s.name}`, () => {
    it("has a page per målområde, resultatmål and åtagande at least, and the start page", () => {
      const { pages } = crawl(s.dir);
      expect(pages).toContain("index.html");
      if (s.plan === undefined) return;
      const status = JSON.parse(planInProcess(["status", "-C", s.plan, "--format", "json"]).stdout) as Record<string, unknown[]>;
      expect(pages.length).toBeGreaterThan(status.målområden.length + status.resultatmål.length + status.åtaganden.length);
    });

    it("every internal link and #anchor resolves, every page and data file is linked, nothing comes from another origin", () => {
      const r = crawl(s.dir);
      expect(r.dead).toEqual([]);
      expect(r.foreign).toEqual([]);
      expect(r.orphans).toEqual([]);
      // A <link> to another origin is a canonical link: only with --bas-url, and only under it.
      const links = r.outbound.filter((o) => o.includes(": <link href>: ")).map((o) => o.split(": <link href>: ")[1]!);
      if (s.baseUrl === undefined) expect(links).toEqual([]);
      else for (const l of links) expect(l.startsWith(s.baseUrl), l).toBe(true);
    });

    it("every page has lang, a title, one main, a CSP allowing nothing from elsewhere, print styles, and no script", () => {
      expect(pageShape(s.dir)).toEqual([]);
      if (s.plan === undefined) return;
      // The site's language on every page, the archive's reports too.
      const lang = (p: string): string | undefined => tags(readFileSync(path.join(s.dir, p), "utf8")).find((t) => t.name === "html")?.attrs.get("lang");
      expect(crawl(s.dir).pages.filter((p) => lang(p) !== s.lang)).toEqual([]);
    });

    it("the W3C Nu HTML Checker finds no error in the HTML or the CSS", () => {
      expect(vnuOf(s, vnuResult.errors)).toEqual([]);
    });

    if (s.baseUrl !== undefined) {
      it("--bas-url: each page's canonical link is its public address, and sitemap.xml lists every page once", () => {
        const pages = crawl(s.dir).pages;
        const canonical = (p: string): string | undefined =>
          tags(readFileSync(path.join(s.dir, p), "utf8")).find((t) => t.name === "link" && t.attrs.get("rel") === "canonical")?.attrs.get("href");
        const asFile = (loc: string): string => {
          const p = decodeURIComponent(loc.slice(s.baseUrl!.length));
          return p === "" || p.endsWith("/") ? `${p}index.html` : p;
        };
        const siteMap = readFileSync(path.join(s.dir, "sitemap.xml"), "utf8");
        const locs = [...siteMap.matchAll(/<loc>([^<]*)<\/loc>/gu)].map((m) => m[1]!.replaceAll("&amp;", "&"));
        for (const l of locs) expect(l.startsWith(s.baseUrl!), l).toBe(true);
        expect(locs.map(asFile).sort()).toEqual(pages);
        // The archive's reports are the report HTML as `plan report` writes it, byte for byte: listed, without a canonical link.
        const own = pages.filter((p) => !/^rapporter\/\d{4}\//u.test(p));
        expect(own.length).toBeGreaterThan(pages.length / 2);
        const wrong = own.map((p) => [p, canonical(p)] as const).filter(([p, c]) => c === undefined || !c.startsWith(s.baseUrl!) || asFile(c) !== p);
        expect(wrong.map(([p, c]) => `${p}: ${c ?? "no canonical link"}`)).toEqual([]);
      });
    }
  });
}

// ---------------------------------------------------------------- axe and what the browser loads

describe.skipIf(SKIP_BROWSER)("every page in Chromium", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const s of sites) {
    it(`${s.name}: axe finds no WCAG 2.1 A/AA violation, nothing is requested from elsewhere, every stylesheet and image loads`, async () => {
      // The archive's reports are `plan report`'s HTML byte for byte (site-data.test.ts), which
      // report-html.test.ts puts through axe for both examples, every phase: not again here.
      const own = filesBelow(s.dir).filter((f) => f.endsWith(".html") && !/^rapporter\/\d{4}\//u.test(f));
      // Both examples' sites opened in full, axe on every variant; the English one (the same pages in other words) by a sample of each kind.
      const pages = s.lang === "sv" ? own : samplePages(s.dir).filter((p) => own.includes(p));
      const axe = AXE_ALL || s.lang !== "sv" ? pages : variantCover(s.dir, own);
      expect(axe.length).toBeGreaterThan(5);
      const found: BrowserFindings = await axeSite(browser, s.dir, { pages, axe });
      expect(found).toEqual({ violations: [], requests: [], errors: [] });
    }, 120_000);
  }

  describe.skipIf(SITE_DIR !== undefined)("a plan whose names and texts carry markup, handlers and template syntax", () => {
    it("no page has an element, attribute or link from the payload; every payload shows as text", async () => {
      const found = await payloadFindings(browser, hostile.dir);
      expect(found.markup).toEqual([]);
      for (const { marker, optional } of INJECT) if (!optional) expect(found.texts.some((t) => t.includes(`${marker} ${PAYLOAD}`)), `${marker} shown as text`).toBe(true);
    }, 120_000);
  });
});

if (SKIP_BROWSER) {
  describe("every page in Chromium", () => {
    it.skip(`skipped: ${SKIP_REASON}`, () => {});
  });
}

describe.skipIf(SITE_DIR !== undefined)("the hostile plan's site", () => {
  it("still resolves, keeps its shape and passes vnu; its data files parse, hold the texts exactly and no CSV cell is a formula", () => {
    const r = crawl(hostile.dir);
    expect([...r.dead, ...r.foreign, ...r.orphans]).toEqual([]);
    expect(pageShape(hostile.dir)).toEqual([]);
    expect(vnuOf(hostile, vnuResult.errors)).toEqual([]);
    const data = dataRecords(hostile.dir);
    expect(data.problems).toEqual([]);
    expect(data.json.flatMap((r) => Object.values(r))).toContain(`ATAGANDE ${PAYLOAD}`);
    expect(data.csv.flatMap((r) => Object.values(r))).toContain(`ATAGANDE ${PAYLOAD}`);
    // The formula is exact in JSON, and no CSV cell but a number starts as a formula does.
    expect(data.json.flatMap((r) => Object.values(r))).toContain(FORMULA);
    const formulas = data.csv.flatMap((r) => Object.entries(r).filter(([k, v]) => k !== "file" && /^[=+\-@\t\r]/u.test(String(v)) && !/^-\d+(,\d+)?$/u.test(String(v))));
    expect(formulas).toEqual([]);
  });
});

// ---------------------------------------------------------------- open data against plan status

describe.skipIf(SITE_DIR !== undefined)("open data agrees with plan status --format json", () => {
  for (const s of sites.filter((x) => x.plan !== undefined && x.lang === "sv")) {
    it(`${s.name}: every goal's status and every åtagande's value and target, at every follow-up period in the files`, () => {
      expect(dataAgreement(s.dir, s.plan!)).toEqual([]);
    });
  }
});

// ---------------------------------------------------------------- determinism

/** A copy of `dir` whose files (and folders) are created in reverse order. */
function reverseCopy(dir: string): string {
  const out = tempDir("rodtrad-site-rev-");
  for (const f of filesBelow(dir).reverse()) {
    mkdirSync(path.dirname(path.join(out, f)), { recursive: true });
    writeFileSync(path.join(out, f), readFileSync(path.join(dir, f)));
  }
  return out;
}

describe.skipIf(SITE_DIR !== undefined)("the same files give the same site", () => {
  it("katrineholm: a build by `plan site` in a process of its own, and one from a copy written in reverse order, are byte-identical", async () => {
    const first = contents(sites[0]!.dir);
    expect(first.size).toBeGreaterThan(10);
    const again = path.join(root, "katrineholm-again");
    await buildInto(KATRINEHOLM, again, { lang: "sv" }, SITE_CLI ?? BIN);
    const reversed = path.join(root, "katrineholm-reversed");
    await buildInto(reverseCopy(KATRINEHOLM), reversed, { lang: "sv" });
    for (const other of [again, reversed]) {
      const c = contents(other);
      expect([...c.keys()]).toEqual([...first.keys()]);
      for (const [f, bytes] of first) expect(c.get(f) === bytes, `${path.basename(other)}/${f}`).toBe(true);
    }
    // Nothing in the site names where the plan or the site lives.
    for (const [f, bytes] of first) expect(bytes.includes(root) || bytes.includes(KATRINEHOLM), f).toBe(false);
  });
});
