// The site checker (helpers/site-check.ts) on small hand-written sites: it passes a good one,
// and each check catches the fault it is there for. test/site.test.ts runs it on real sites.
import { cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Browser } from "playwright-core";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cleanup, filesBelow, FIXTURES, tempDir } from "./helpers/plan-dir.js";
import { axeSite, crawl, cssUrls, dataAgreement, dataRecords, pageShape, parseCsv, payloadFindings, samplePages, tags, variantCover, variantsOf, vnu } from "./helpers/site-check.js";
import { ROOT } from "./helpers/exec.js";
import { launchChromium, SKIP_BROWSER, SKIP_REASON } from "./report-helpers.js";

afterAll(cleanup);

const GOOD = path.join(FIXTURES, "site-check/good");

/** The good site with the files of one fault laid over it. */
function faulty(fault: string): string {
  const dir = tempDir("rodtrad-site-check-");
  cpSync(GOOD, dir, { recursive: true });
  cpSync(path.join(FIXTURES, "site-check", fault), dir, { recursive: true });
  return dir;
}

describe("crawl", () => {
  it("finds nothing wrong with the good site, and follows every page from index.html", () => {
    const r = crawl(GOOD);
    expect(r.pages).toEqual(["data/index.html", "index.html", "sida/omrade.html"]);
    expect(r.dead).toEqual([]);
    expect(r.foreign).toEqual([]);
    expect(r.orphans).toEqual([]);
    expect(r.outbound).toEqual(["data/index.html:16: <a href>: https://creativecommons.org/publicdomain/zero/1.0/deed.sv"]);
  });

  it("reports a link to a page that does not exist, with its line", () => {
    expect(crawl(faulty("dead-link")).dead).toEqual(["data/index.html:13: <a href>: ../sida/saknas.html (no sida/saknas.html)"]);
  });

  it("reports a #fragment that no id in the target page has", () => {
    expect(crawl(faulty("dead-anchor")).dead).toEqual(['data/index.html:13: <a href>: ../sida/omrade.html#finns-inte (no id "finns-inte" in sida/omrade.html)']);
  });

  it("reports every load from another origin: stylesheet, img, srcset, data:, iframe, style, script, refresh, CSS url() and @import, and javascript:", () => {
    const r = crawl(faulty("foreign"));
    expect(r.foreign).toEqual([
      "data/index.html:6: <meta http-equiv=refresh>: https://example.org/ny-plats",
      "data/index.html:8: <link href>: https://cdn.example.org/stil.css",
      "data/index.html:15: <img src>: https://bilder.example.org/logga.png",
      "data/index.html:16: <img srcset>: https://bilder.example.org/logga@2x.png",
      "data/index.html:17: <img src>: data:image/gif;base64,R0lGODlhAQABAAAAACw=",
      "data/index.html:18: <iframe src>: //karta.example.org/",
      "data/index.html:19: <p style url()>: https://bilder.example.org/bakgrund.png",
      "data/index.html:20: <script src>: https://cdn.example.org/spara.js",
      "data/index.html:21: <a href>: javascript:alert(1)",
      "site.css:1: url(): https://fonts.example.org/typsnitt.css",
      "site.css:4: url(): https://bilder.example.org/monster.png",
    ]);
    // A canonical link and a link to another site are followed, not loaded: listed, not failed.
    expect(r.outbound).toEqual([
      "data/index.html:9: <link href>: https://kommun.example.org/data/",
      "data/index.html:14: <a href>: https://kommun.example.org/",
    ]);
    expect(r.dead).toEqual([]);
  });

  it("reports pages and data files no page links to, but not the sitemap", () => {
    expect(crawl(faulty("orphan")).orphans).toEqual(["data/gammal.csv", "data/gammal.html"]);
  });

  it("resolves ./, ../, ?query, folders to their index.html and percent-escapes; a link above the root, from the server's root or badly escaped is dead", () => {
    const dir = faulty("orphan");
    const page = (body: string): string => `<!doctype html><html lang="sv"><head><title>x</title></head><body><main id="filer">${body}</main></body></html>`;
    cpSync(path.join(dir, "sida/omrade.html"), path.join(dir, "sida/å ä.html"));
    writeFileSync(path.join(dir, "data/index.html"), page('<a href="./tal.csv">a</a><a href="../sida/%C3%A5%20%C3%A4.html#tal">b</a><a href="../">c</a><a href="?x=1#filer">d</a><a href="../../utanfor.html">e</a><a href="gammal.html#">f</a><a href="%E0%A4%A.html">g</a><a href="/index.html">h</a>'));
    const r = crawl(dir);
    expect(r.dead).toEqual([
      "data/index.html:1: <a href>: ../../utanfor.html leaves the site's folder",
      "data/index.html:1: <a href>: %E0%A4%A.html (a malformed %-escape)",
      "data/index.html:1: <a href>: /index.html (from the server's root: wrong from file:// and under a sub-path)",
    ]);
    // The page linked by its escaped name and the one linked with an empty fragment are reached.
    expect(r.orphans).toEqual(["data/gammal.csv"]);
  });
});

describe("the sample of pages for axe", () => {
  it("keeps small folders whole and takes the largest and the smallest of a large one", () => {
    const dir = tempDir("rodtrad-site-check-");
    cpSync(GOOD, dir, { recursive: true });
    for (let i = 1; i <= 6; i++) writeFileSync(path.join(dir, "sida", `p${i}.html`), "x".repeat(i * 10));
    expect(samplePages(dir)).toEqual(["data/index.html", "index.html", "sida/omrade.html", "sida/p1.html", "sida/p5.html", "sida/p6.html"]);
    expect(samplePages(dir, 10)).toHaveLength(9);
  });
});

describe("the pages axe reads: every variant of a kind", () => {
  const page = (body: string): string => `<!doctype html><html lang="sv"><head><title>x</title></head><body><main>${body}</main></body></html>`;
  it("takes the pages that hold every element, class and attribute value of their folder, and each small folder whole", () => {
    const dir = tempDir("rodtrad-site-check-");
    cpSync(GOOD, dir, { recursive: true });
    const bodies = [
      '<p class="status pagar">Pågår</p><p>Lång text '.padEnd(400, "x") + "</p>",
      '<p class="status pagar">Pågår</p><p>kort</p>',
      '<p class="status pagar">Pågår</p><p>mellan text här</p>',
      '<p class="status uppfyllt">Uppfyllt</p><p>mellan text här</p>',
      '<p class="status pagar">Pågår</p><table><tr><th scope="col">År</th></tr></table>',
      '<p class="status pagar">Pågår</p><p lang="en">text in English</p>',
      '<p class="status pagar">Pågår</p><p>mellan text</p>',
    ];
    mkdirSync(path.join(dir, "typ"));
    bodies.forEach((b, i) => writeFileSync(path.join(dir, "typ", `p${i + 1}.html`), page(b)));
    const all = filesBelow(dir).filter((f) => f.endsWith(".html"));
    const chosen = variantCover(dir, all);
    // The folder with few pages whole; of the large one the largest, the smallest and one page for each variant only one page has.
    expect(chosen.filter((p) => !p.startsWith("typ/"))).toEqual(all.filter((p) => !p.startsWith("typ/")).sort());
    expect(chosen.filter((p) => p.startsWith("typ/"))).toEqual(["typ/p1.html", "typ/p2.html", "typ/p4.html", "typ/p5.html", "typ/p6.html"]);
    // What the chosen pages hold is all that any page of the folder holds.
    const union = (pages: readonly string[]): string[] => [...new Set(pages.flatMap((p) => [...variantsOf(readFileSync(path.join(dir, p), "utf8"))]))].sort();
    expect(union(chosen.filter((p) => p.startsWith("typ/")))).toEqual(union(all.filter((p) => p.startsWith("typ/"))));
  });

  it("tells variants apart by class, attribute value and element, not by text, address or name", () => {
    expect([...variantsOf('<a href="x.html" class="kort ny">Ett</a>')].sort()).toEqual(["a", "a.kort", "a.ny", "a[href]"]);
    expect(variantsOf('<th scope="col">x</th>')).toEqual(variantsOf('<th scope="col">helt annan text</th>'));
    expect(variantsOf('<th scope="col">x</th>')).not.toEqual(variantsOf('<th scope="row">x</th>'));
    expect(variantsOf('<img src="a.svg" alt="ett">')).toEqual(variantsOf('<img src="b.svg" alt="två">'));
  });
});

describe("the HTML tokenizer", () => {
  it("reads attributes quoted, unquoted and bare, decodes references, and skips comments and raw text", () => {
    const t = tags('<!doctype html>\n<!-- <a href="kommentar"> -->\n<a HREF="a?x=1&amp;y=2" title=\'&#229;&#xe4;&#0;\' data-x=3 hidden>\n<script>"<a href=nej>"</script><style>a{}</style><img src=b.png alt="">');
    expect(t.map((x) => [x.name, x.line, Object.fromEntries(x.attrs)])).toEqual([
      ["a", 3, { href: "a?x=1&y=2", title: "åä\ufffd", "data-x": "3", hidden: "" }],
      ["script", 4, {}],
      ["style", 4, {}],
      ["img", 4, { src: "b.png", alt: "" }],
    ]);
    expect(t[1]!.text).toBe('"<a href=nej>"');
  });

  it("finds url() and @import in CSS, not in comments, with their lines and escapes", () => {
    expect(cssUrls('/* url(x) */\na { b: url( "y.png" ) }\n@import \'z.css\';\nc { d: url("\\66 .svg") }')).toEqual([
      { url: "y.png", line: 2 },
      { url: "z.css", line: 3 },
      { url: "f.svg", line: 4 },
    ]);
  });
});

describe("the shape of every page", () => {
  it("holds for the good site", () => {
    expect(pageShape(GOOD)).toEqual([]);
  });

  it("reports a missing lang, an empty title, two mains, no CSP, no print styles, handlers, scripts and a CSP that admits another origin", () => {
    expect(pageShape(faulty("shape"))).toEqual([
      "data/index.html:2: no <html lang>",
      "data/index.html:5: no <title> in the head",
      "data/index.html:14: 2 <main> elements, not 1",
      "data/index.html:1: no Content-Security-Policy meta",
      "data/index.html:1: no print styles (@media print)",
      "data/index.html:10: <a onclick>: an event handler",
      "data/index.html:11: an inline <script>",
      "data/index.html:12: <script src=../sok.js> that the CSP does not admit (no script-src 'self')",
      "sida/omrade.html:6: CSP default-src is not 'none': default-src 'self'; img-src https://bilder.example.org; script-src 'unsafe-inline'",
      "sida/omrade.html:6: CSP img-src admits https://bilder.example.org",
      "sida/omrade.html:6: CSP script-src admits 'unsafe-inline'",
    ]);
  });
});

describe("vnu", () => {
  it("finds no error in the good site, and every HTML and CSS error in a bad one, by file and line", () => {
    // One JVM for both sites: vnu checks the folder that holds them.
    const both = tempDir("rodtrad-site-check-");
    cpSync(GOOD, path.join(both, "good"), { recursive: true });
    cpSync(faulty("vnu-error"), path.join(both, "bad"), { recursive: true });
    const { errors } = vnu(both);
    expect(errors.filter((e) => !e.startsWith("bad/"))).toEqual([]);
    expect(errors.some((e) => e.startsWith("bad/data/index.html:14:") && e.includes("“p”")), errors.join("\n")).toBe(true);
    expect(errors.some((e) => e.startsWith("bad/site.css:1:") && e.includes("colr")), errors.join("\n")).toBe(true);
  });
});

describe("CSV", () => {
  it("reads quotes, doubled quotes, separators and line breaks inside quotes, CRLF and LF, and a BOM", () => {
    expect(parseCsv('\ufeffa,b,c\r\n"x, y","sa ""hej""",\r\n"två\r\nrader",2,3\n')).toEqual([
      ["a", "b", "c"],
      ["x, y", 'sa "hej"', ""],
      ["två\r\nrader", "2", "3"],
    ]);
    expect(parseCsv("a;b\n1,5;2", ";")).toEqual([["a", "b"], ["1,5", "2"]]);
  });

  it("refuses a stray or unclosed quote", () => {
    expect(() => parseCsv('a,b"c\n')).toThrow(/quote inside an unquoted field/u);
    expect(() => parseCsv('a,"b\n')).toThrow(/unclosed quote/u);
    expect(() => parseCsv('"a"b,c\n')).toThrow(/after a closing quote/u);
  });

  it("reads back any table written the RFC 4180 way", () => {
    const cell = fc.string({ unit: fc.constantFrom("a", "å", ",", '"', "\n", "\r\n", " ", "1") });
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 5 }), (rows) => {
        const text = rows.map((r) => r.map((c) => `"${c.replaceAll('"', '""')}"`).join(",")).join("\r\n");
        expect(parseCsv(text)).toEqual(rows);
      }),
    );
  });
});

describe("open data against plan status", () => {
  const MINIMAL = path.join(ROOT, "examples/minimal");
  const DATA = path.join(FIXTURES, "site-check/data-minimal");

  it("agrees when every status, value and target is plan status's, in JSON and in a Swedish CSV", () => {
    const { json, csv, problems } = dataRecords(DATA);
    expect(problems).toEqual([]);
    expect(csv.find((r) => r.id === "EKO-A01")).toMatchObject({ value: "6,9", status: "delvis_uppfyllt" });
    expect(json).toHaveLength(9);
    expect(dataAgreement(DATA, MINIMAL)).toEqual([]);
  });

  it("reports a wrong status, a wrong value, a missing goal and a row of the wrong width", () => {
    const dir = tempDir("rodtrad-site-check-");
    cpSync(DATA, dir, { recursive: true });
    cpSync(path.join(FIXTURES, "site-check/data-wrong"), dir, { recursive: true });
    writeFileSync(path.join(dir, "data/trasig.csv"), "id;status\r\nUTB;uppfyllt;extra\r\n");
    writeFileSync(path.join(dir, "data/trasig.json"), "[{");
    const found = dataAgreement(dir, MINIMAL);
    for (const kind of ["csv", "json"]) {
      expect(found).toContain(`data/plan-2026.${kind}: åtagande UTB-A01 at 2026-08: status ej_uppfyllt, plan status says uppfyllt`);
      expect(found.some((f) => f.startsWith(`data/plan-2026.${kind}: åtagande EKO-A01 at 2026-08: value 7`) && f.endsWith("plan status says 6.9"))).toBe(true);
      expect(found).toContain(`${kind.toUpperCase()}: no record of EKO-R1 at 2026-08`);
    }
    expect(found).toContain("data/trasig.csv:2: 3 fields, the header has 2");
    expect(found.some((f) => f.startsWith("data/trasig.json: "))).toBe(true);
    expect(found).toHaveLength(8);
  });
});

describe.skipIf(SKIP_BROWSER)("axe in Chromium", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("finds no violation, request or console error on the good site, with its CSP in force", async () => {
    expect(await axeSite(browser, GOOD)).toEqual({ violations: [], requests: [], errors: [] });
  });

  it("finds the violation on a bad page", async () => {
    const r = await axeSite(browser, faulty("axe-violation"), { pages: ["data/index.html"] });
    expect(r.violations).toHaveLength(1);
    expect(r.violations[0]).toMatch(/^data\/index\.html: link-name: 1 × <a href="tal\.json">/u);
    // A page opened but left out of `axe` is not read by axe.
    expect((await axeSite(browser, faulty("axe-violation"), { pages: ["data/index.html", "index.html"], axe: ["index.html"] })).violations).toEqual([]);
  });

  it("finds every element, handler and javascript: link a payload made, and shows the escaped payload as text", async () => {
    const r = await payloadFindings(browser, faulty("hostile"));
    expect(r.markup).toEqual([
      'data/index.html: <img src="x" onerror="alert(1)">',
      "data/index.html: <script>window.pwned = true</script>",
      'data/index.html: <svg onload="window.pwned = 2"></svg>',
      "data/index.html: <img onerror>",
      "data/index.html: <svg onload>",
      "data/index.html: javascript:alert(1)",
    ]);
    expect(r.texts.some((t) => t.includes("Rätt: <img src=x onerror=alert(1)> [x](javascript:alert(1)) {{constructor}}"))).toBe(true);
    expect(r.texts.some((t) => t.startsWith("Öppna data <script>alert(1)</script> – Provkommun"))).toBe(true);
    // The good site: nothing made, and no page's text is lost.
    expect(await payloadFindings(browser, GOOD)).toMatchObject({ markup: [] });
  });

  it("stops and reports every request to another origin, and the loads the CSP refuses", async () => {
    // Also from a page that is opened but not read by axe.
    const r = await axeSite(browser, faulty("foreign"), { pages: ["data/index.html"], axe: [] });
    expect(r.requests.length).toBeGreaterThan(0);
    for (const q of r.requests) expect(q).toMatch(/^data\/index\.html: https:\/\/|^data\/index\.html: http:\/\/karta/u);
    expect(r.errors.some((e) => e.includes("Content Security Policy")), r.errors.join("\n")).toBe(true);
  });
});

if (SKIP_BROWSER) {
  describe("axe in Chromium", () => {
    it.skip(`skipped: ${SKIP_REASON}`, () => {});
  });
}
