// Issue 12's Done-when on the bundled example: the delårsrapport and the årsredovisning of
// examples/katrineholm show every section the law and RKR name, in their order, with the
// figures of the example's files (not only the headings). The snapshots hold the whole text;
// this says what must be in it, so a snapshot update cannot quietly drop a section. In-process.
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { KATRINEHOLM, render } from "./report-helpers.js";

const delår = (format: "md" | "html" = "md"): string => render(KATRINEHOLM, "delår", { format });
const år = (format: "md" | "html" = "md"): string => render(KATRINEHOLM, "årsredovisning", { format });
const file = (rel: string): Record<string, unknown> => parse(readFileSync(path.join(KATRINEHOLM, rel), "utf8")) as Record<string, unknown>;

/** A number as the Swedish report writes it: thousands with a no-break space, a decimal comma, minus as −. */
const sv = (x: number): string =>
  new Intl.NumberFormat("sv-SE", { maximumFractionDigits: 2, useGrouping: true }).format(x).replace(/[\u00a0\u202f ]/gu, "\u00a0").replace("-", "−");

/** Headings in the order they appear, each found after the one before. */
function inOrder(text: string, headings: readonly string[]): void {
  let from = 0;
  for (const h of headings) {
    const at = text.indexOf(h, from);
    expect(at, `${h} (after position ${from})`).toBeGreaterThanOrEqual(0);
    from = at + h.length;
  }
}

describe("examples/katrineholm delårsrapport", () => {
  const md = delår();

  it("has the förenklad förvaltningsberättelse, the statements and the per-nämnd and per-project accounts, in order", () => {
    inOrder(md, [
      "## Förvaltningsberättelse (förenklad)",
      "### Översikt",
      "### Händelser av väsentlig betydelse",
      "### God ekonomisk hushållning och ekonomisk ställning",
      "#### Finansiella mål",
      "#### Verksamhetsmål för god ekonomisk hushållning",
      "#### Bedömning av om målen för god ekonomisk hushållning kommer att uppnås",
      "### Balanskravsresultat (prognos)",
      "### Förväntad utveckling",
      "## Resultaträkning (förenklad)",
      "## Balansräkning (förenklad)",
      "## Driftredovisning",
      "## Investeringsredovisning",
      "## `ORT` Ortsutveckling",
    ]);
  });

  it("shows the example's figures: the resultaträkning's four columns, the investeringar, the finansiella mål", () => {
    const uf = file("uppfoljning/2012-08-delar.yaml");
    const rr = uf.resultaträkning as Record<string, Record<string, number>>;
    const skatt = rr.skatteintäkter!;
    expect(md).toContain(`| Skatteintäkter | ${sv(skatt.utfall!)} | ${sv(skatt.föregående_år!)} | ${sv(skatt.budget!)} | ${sv(skatt.prognos!)} |`);
    for (const inv of uf.investeringar as { avser: string; utfall: number }[]) expect(md).toMatch(new RegExp(`\\| \`${inv.avser}\` [^|]+\\| [^|]+\\| [^|]+\\| ${sv(inv.utfall)} \\|`, "u"));
    for (const id of ["FM1", "FM2", "FM3"]) expect(md).toContain(`| \`${id}\` `);
    // No manual verdict in the delår: the proposal, with the rule it follows.
    expect(md).toMatch(/\*Förslaget: varje perspektiv är medelvärdet av målens statusar/u);
    // The händelser the delår used to drop.
    expect(md).toContain((uf.avsnitt as Record<string, string>).händelser_av_väsentlig_betydelse!.split("\n")[0]!.slice(2, 40));
  });
});

describe("examples/katrineholm årsredovisning", () => {
  const md = år();

  it("has every part of the förvaltningsberättelse and every statement and account, in the law's order", () => {
    inOrder(md, [
      "## Förvaltningsberättelse",
      "### Översikt över verksamhetens utveckling",
      "### Viktiga förhållanden för resultat och ställning",
      "### Händelser av väsentlig betydelse",
      "### Styrning och uppföljning av den kommunala verksamheten",
      "### God ekonomisk hushållning och ekonomisk ställning",
      "### Balanskravsresultat",
      "### Väsentliga personalförhållanden",
      "### Förväntad utveckling",
      "## Resultaträkning",
      "## Balansräkning",
      "## Kassaflödesanalys",
      "## Driftredovisning",
      "## Investeringsredovisning",
      "## Redovisningsprinciper",
      "## `ORT` Ortsutveckling",
    ]);
  });

  it("shows the example's figures: årets resultat, the balanskrav, likvida medel, the manual verdict", () => {
    const uf = file("uppfoljning/2012-12-helar.yaml");
    const bk = uf.balanskrav as Record<string, number>;
    expect(md).toContain(`| **Årets balanskravsresultat** | **${sv(bk.balanskravsresultat!)}** |`);
    const kassa = (uf.balansräkning as Record<string, Record<string, number>>).kassa_och_bank!.utfall!;
    expect(md).toContain(`| **Likvida medel vid årets slut** | **${sv(kassa)}** |`);
    const geh = uf.god_ekonomisk_hushållning as { bedömning: string; motivering: string };
    expect(geh.bedömning).toBe("delvis_uppfyllt");
    expect(md).toMatch(/\| \*\*Samlad bedömning\*\* \| ◐ Delvis uppfyllt \(manuell bedömning\) \|/u);
    expect(md).toContain(geh.motivering.trim().split("\n")[0]!.slice(0, 40));
    // Every nämnd with a ram is in the driftredovisning: no note on one left out.
    expect(md).not.toContain("Summan omfattar inte");
  });

  it("the HTML has the same sections, each a <section> with its heading", () => {
    const html = år("html");
    for (const id of ["hushallning", "balanskrav", "resultatrakning", "balansrakning", "kassaflodesanalys", "driftredovisning", "investeringar", "redovisningsprinciper"]) {
      expect(html, id).toMatch(new RegExp(`<section id="${id}">\\s*<h[23]>`, "u"));
    }
  });
});
