// The economy of the delårsrapport and the årsredovisning on test/fixtures/report-economy: the
// sections in the law's order in Markdown and HTML, the statements as tables, the notes on sums
// that differ, the god ekonomisk hushållning verdict (proposed and manual), the missing nämnd,
// English labels, and the cut to one nämnd. In-process.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { FIXTURES, render } from "./report-helpers.js";

const DIR = path.join(FIXTURES, "report-economy");
const delår = (o: { format?: "md" | "html"; lang?: "sv" | "en"; nämnd?: string } = {}): string =>
  render(DIR, "delår", { format: o.format ?? "md", period: "2025-08", ...(o.lang ? { lang: o.lang } : {}), ...(o.nämnd ? { nämnd: o.nämnd } : {}) });
const år = (o: { format?: "md" | "html"; lang?: "sv" | "en"; nämnd?: string } = {}): string =>
  render(DIR, "årsredovisning", { format: o.format ?? "md", ...(o.lang ? { lang: o.lang } : {}), ...(o.nämnd ? { nämnd: o.nämnd } : {}) });

/** The level-2 and level-3 headings of a Markdown report before the first målområde. */
function mdHeadings(md: string): string[] {
  const out: string[] = [];
  for (const line of md.split("\n")) {
    const h = /^(##|###) (.*)$/u.exec(line);
    if (!h) continue;
    if (h[2]!.startsWith("`")) break;
    out.push(`${h[1]} ${h[2]}`);
  }
  return out;
}

/** The same from HTML: h2 and h3 in <main>, up to the first målområde's section. */
function htmlHeadings(html: string): string[] {
  const main = html.slice(html.indexOf("<main>"), html.indexOf('<section class="omrade"'));
  return [...main.matchAll(/<(h2|h3)>([^<]*)<\/\1>/gu)].map((m) => `${m[1] === "h2" ? "##" : "###"} ${m[2]}`);
}

const DELÅR_SV = [
  "## Förvaltningsberättelse (förenklad)",
  "### Översikt",
  "### Händelser av väsentlig betydelse",
  "### Styrning och uppföljning av den kommunala verksamheten",
  "### God ekonomisk hushållning och ekonomisk ställning",
  "### Balanskravsresultat (prognos)",
  "### Förväntad utveckling",
  "## Resultaträkning (förenklad)",
  "## Balansräkning (förenklad)",
  "## Driftredovisning",
  "## Investeringsredovisning",
];

const ÅR_SV = [
  "## Förvaltningsberättelse",
  "### Översikt över verksamhetens utveckling",
  "### Viktiga förhållanden för resultat och ställning",
  "### Händelser av väsentlig betydelse",
  "### Styrning och uppföljning av den kommunala verksamheten",
  "### God ekonomisk hushållning och ekonomisk ställning",
  "### Balanskravsresultat",
  "### Väsentliga personalförhållanden",
  "### Förväntad utveckling",
  "### Miljöredovisning",
  "## Resultaträkning",
  "## Balansräkning",
  "## Kassaflödesanalys",
  "## Driftredovisning",
  "## Investeringsredovisning",
  "## Redovisningsprinciper",
];

describe("the sections in the order of LKBR and RKR", () => {
  it("delårsrapport, Markdown and HTML", () => {
    expect(mdHeadings(delår())).toEqual(DELÅR_SV);
    expect(htmlHeadings(delår({ format: "html" }))).toEqual(DELÅR_SV);
  });

  it("årsredovisning, Markdown and HTML", () => {
    expect(mdHeadings(år())).toEqual(ÅR_SV);
    expect(htmlHeadings(år({ format: "html" }))).toEqual(ÅR_SV);
  });

  it("keeps the goal sections after the economy", () => {
    const md = år();
    expect(md.indexOf("## Redovisningsprinciper")).toBeLessThan(md.indexOf("## `UTB` Utbildning"));
    expect(md.indexOf("## `EKO` Ekonomi och organisation")).toBeLessThan(md.indexOf("## Aktiviteter"));
  });

  it("says in one line when a section the law requires has nothing", () => {
    const md = år();
    expect(md).toContain("### Väsentliga personalförhållanden\n\nUppföljningen har ingen text om väsentliga personalförhållanden.\n");
    const d = delår();
    expect(d).toContain("### Förväntad utveckling\n\nUppföljningen har ingen text om förväntad utveckling.\n");
    // The delårsrapport has no kassaflödesanalys: the section is left out there, not announced.
    expect(d).not.toContain("Kassaflödesanalys");
  });

  it("lists the sections in the HTML table of contents, the förvaltningsberättelse's nested", () => {
    const html = år({ format: "html" });
    const nav = html.slice(html.indexOf("<nav"), html.indexOf("</nav>"));
    expect(nav).toContain('<li><a href="#forvaltningsberattelse">Förvaltningsberättelse</a>\n<ol>\n<li><a href="#sammanfattning">');
    for (const id of ["hushallning", "balanskrav", "resultatrakning", "balansrakning", "kassaflodesanalys", "driftredovisning", "investeringar", "redovisningsprinciper"]) {
      expect(nav).toContain(`href="#${id}"`);
      expect(html).toContain(`<section id="${id}">`);
    }
  });
});

describe("the statements as tables", () => {
  it("shows the delår's resultaträkning with the period, last year, budget and prognos, sums bold", () => {
    const md = delår();
    expect(md).toContain("| Post | Utfall perioden | Samma period före\u00adgående år | Budget helår | Prognos helår |");
    expect(md).toContain("| Verksamhetens intäkter | 80 | 75 | 120 | 122 |");
    expect(md).toContain("| **Verksamhetens nettokostnader** | **−500** | **−484** | **−760** | **−763** |");
    expect(md).toContain("| **Årets resultat** | **18** | **14** | **17** | **16,5** |");
    expect(md).toContain("Angiven summa för ”Årets resultat” (prognos) är 17, men raderna ger 16,5; tabellen visar den beräknade summan.");
  });

  it("shows the helår's figures converted to the budget's unit, headings as rows, and what does not balance", () => {
    const md = år();
    expect(md).toContain("*Resultaträkning (mnkr)*");
    expect(md).toContain("| Finansiella kostnader | −6,2 | −5,5 | −6 |");
    expect(md).toContain("| *Tillgångar* |  |  |");
    expect(md).toContain("| **Summa tillgångar** | **1\u00a0070** | **1\u00a0040** |");
    expect(md).toContain("Balansräkningen balanserar inte (föregående år): ”Summa tillgångar” är 1\u00a0040, ”Summa eget kapital, avsättningar och skulder” är 1\u00a0038.");
    // A heading with nothing under it is left out.
    expect(md).not.toContain("Panter och ansvarsförbindelser");
    expect(md).toContain("| **Likvida medel vid årets slut** | **35** | **40** |");
  });

  it("marks sums and headings in HTML with a row header for each row", () => {
    const html = år({ format: "html" });
    expect(html).toContain('<tr class="total"><th scope="row">Summa tillgångar</th><td class="num">1\u00a0070</td><td class="num">1\u00a0040</td></tr>');
    expect(html).toContain('<tr class="heading"><th scope="row">Tillgångar</th><td></td><td></td></tr>');
  });
});

describe("balanskravsresultat", () => {
  it("delår: the forecast, from the resultaträkning's prognos", () => {
    const md = delår();
    expect(md).toContain("Prognosen för balanskravsresultatet är 10 mnkr: balanskravet beräknas bli uppfyllt.");
    expect(md).toContain("| Årets resultat enligt resultaträkningen | 16,5 |");
    expect(md).toContain("| **Årets balanskravsresultat** | **10** |");
    expect(md).toContain("Avsättningen till resultatreserven beslutas");
  });
  it("helår: the year's, with a note on the stated sum that differs", () => {
    const md = år();
    expect(md).toContain("Balanskravsresultatet är 12 mnkr: balanskravet är uppfyllt.");
    expect(md).toContain("Angiven summa för ”Årets balanskravsresultat” (utfall) är 12,5, men raderna ger 12");
  });
});

describe("god ekonomisk hushållning", () => {
  it("delår: proposed from the finansiella mål and the named verksamhetsmål, the rule stated", () => {
    const md = delår();
    expect(md).toContain("#### Bedömning av om målen för god ekonomisk hushållning kommer att uppnås");
    expect(md).toContain("| Finansiellt perspektiv | ◐ Delvis uppfyllt | av 2 bedömda: 1 uppfyllt, 0 delvis, 1 ej; medelvärde 0,5 |");
    expect(md).toContain("| Verksamhetsperspektiv | ● Uppfyllt | av 2 bedömda: 1 uppfyllt, 1 delvis, 0 ej; medelvärde 0,75 |");
    expect(md).toMatch(/\| \*\*Samlad bedömning\*\* \| ◐ Delvis uppfyllt \| /u);
    expect(md).toContain("Förslaget: varje perspektiv är medelvärdet av målens statusar");
    expect(md).toContain("minst 0,75 är uppfyllt och minst 0,25 delvis uppfyllt");
    expect(md).not.toContain("manuell bedömning");
    expect(md).toContain("**God ekonomisk hushållning:** ◐ Delvis uppfyllt\n");
    expect(md).toContain("| `FM2` Soliditeten ska öka. |");
    expect(md).toContain("| `EKO-A1` Lägre sjukfrånvaro | ◐ Delvis uppfyllt |");
  });
  it("helår: the manual assessment wins, with its motivering, and the proposal is shown beside it", () => {
    const md = år();
    expect(md).toContain("#### Bedömning av god ekonomisk hushållning");
    expect(md).toContain("| Förslag enligt regeln | ● Uppfyllt |");
    expect(md).toContain("| **Samlad bedömning** | ◐ Delvis uppfyllt (manuell bedömning) | **manuell bedömning i uppföljningen för 2025-12** |");
    expect(md).toContain("#### Motivering\n\nResultatet nådde inte en procent");
    expect(md).toContain("#### Fullmäktiges riktlinjer");
    expect(md).toContain("#### Ekonomisk ställning\n\nSoliditeten steg till 43 procent.");
  });
});

describe("driftredovisning and investeringsredovisning", () => {
  it("names the nämnd the total leaves out", () => {
    const md = delår();
    expect(md).toContain("| Samhällsbyggnadsnämnden | – | – | – | – | Saknas i uppföljningen. |");
    expect(md).toContain("Summan omfattar inte Samhällsbyggnadsnämnden, som saknar rad i uppföljningen.");
    expect(år()).not.toContain("Summan omfattar inte");
  });
  it("lists every investering of the budget with a total", () => {
    const md = år();
    expect(md).toContain("| `INV-1` Ny skola i norr | Barn- och utbildningsnämnden | 20 | 18,5 | – | 1,5 | Slutbesiktning i januari. |");
    expect(md).toContain("| `INV-3` E-tjänsteplattform | Kommunstyrelsen | 2,5 | – | – | – | Inte uppföljd. |");
    expect(md).toContain("| **Totalt** |  | **27** | **23,3** | **–** | **1,2** |  |");
  });
});

describe("English", () => {
  it("uses English labels only", () => {
    const md = delår({ lang: "en" });
    expect(mdHeadings(md)).toEqual([
      "## Directors' report (condensed)",
      "### Overview",
      "### Significant events",
      "### Governance and follow-up of the municipal operations",
      "### Sound financial management and financial position",
      "### Balanced budget result (forecast)",
      "### Expected development",
      "## Income statement (condensed)",
      "## Balance sheet (condensed)",
      "## Operating accounts per committee",
      "## Investment accounts",
    ]);
    expect(md).toContain("| Item | Actual for the period | Same period last year | Full-year budget | Full-year forecast |");
    expect(md).toContain("| **Net operating costs** |");
    expect(md).toContain("The total does not include Samhällsbyggnadsnämnden, which has no row in the follow-up.");
    for (const word of ["Uppföljningen", "Resultaträkning", "Balanskrav", "Förslaget", "Summan", "Saknas", "Post |", "perspektiv"]) expect(md).not.toContain(word);
    const en = år({ lang: "en" });
    expect(en).toContain("The follow-up has no text on significant staff matters.");
    expect(en).toContain("| Proposal by the rule | ● Met |");
  });
});

describe("cut to a nämnd", () => {
  it("shows the nämnd's driftredovisning and investeringar, and says the kommun-wide economy is left out", () => {
    const md = delår({ nämnd: "BUN" });
    expect(mdHeadings(md)).toEqual([
      "## Förvaltningsberättelse (förenklad)",
      "### Översikt",
      "### Händelser av väsentlig betydelse",
      "### Styrning och uppföljning av den kommunala verksamheten",
      "### Förväntad utveckling",
      "## Driftredovisning",
      "## Investeringsredovisning",
    ]);
    expect(md).toContain("gäller hela kommunen och redovisas i kommunens rapport, inte i nämndens.");
    expect(md).toContain("| Barn- och utbildningsnämnden | 300 |");
    expect(md).not.toContain("Kommunstyrelsen | 100");
    expect(md).toContain("`INV-1` Ny skola i norr");
    expect(md).not.toContain("INV-2");
    expect(md).not.toContain("God ekonomisk hushållning:");
  });
  it("marks the nämnd's own missing row", () => {
    const md = delår({ nämnd: "SBN" });
    expect(md).toContain("| Samhällsbyggnadsnämnden | – | – | – | – | Saknas i uppföljningen. |");
    expect(md).toContain("`INV-2` Energisnål gatubelysning");
  });
});
