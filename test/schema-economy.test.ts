// The schemas' shapes for the economy of a follow-up and a budget (format.md, avsnitt 10): the
// statements accept exactly the row keys of src/model/statements.ts, so the two cannot drift;
// a row is a number or a mapping of columns; and the new keys of budget, uppföljning and kommun
// are accepted where they belong and rejected when misspelt or of the wrong type.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { validateSchema } from "../src/check/schema.js";
import { parsePlanFile } from "../src/load/parse.js";
import { BALANSKRAV, COLUMNS, STATEMENTS, writableKeys, type Statement } from "../src/model/statements.js";
import type { DocKind } from "../src/model/types.js";

type Json = Record<string, unknown>;
const common = JSON.parse(readFileSync(new URL("../schemas/common.schema.json", import.meta.url), "utf8")) as { $defs: Record<string, Json> };

/** The schema problems of one YAML document, as `code path` lines. */
function problems(kind: DocKind, yaml: string): string[] {
  const parsed = parsePlanFile("x.yaml", new TextEncoder().encode(yaml));
  expect(parsed.diagnostics).toEqual([]);
  return parsed.docs.flatMap((doc) => validateSchema(doc, kind)).map((d) => `${d.code} ${JSON.stringify(d.args)}`);
}

const FOLLOW_UP = "typ: uppföljning\nid: UF\nperiod: 2026-12\nrapport: helår\nbeloppsenhet: mnkr\n";
const BUDGET = "typ: budget\nid: B\når: 2026\nplanperiod: { från: 2026, till: 2028 }\nresultatmål: []\nåtaganden: []\n";

describe("the statements in common.schema.json", () => {
  const all: Statement[] = [...Object.values(STATEMENTS), BALANSKRAV];

  it.each(all.map((s) => [s.key, s] as const))("%s has exactly the writable row keys of statements.ts", (key, st) => {
    const def = common.$defs[key];
    expect(def, `$defs/${key}`).toBeDefined();
    const keys = Object.keys(def!.properties as Json).filter((k) => k !== "kommentar");
    expect(keys).toEqual(writableKeys(st));
    expect(def!.additionalProperties).toBe(false);
    for (const line of st.lines.filter((l) => l.role !== "heading")) {
      const prop = (def!.properties as Record<string, Json>)[line.key]!;
      expect(String(prop.title).toLowerCase(), line.key).toBe(line.sv.toLowerCase());
      // The description states the sign rule and whether the row is a sum.
      if (line.sign === "-") expect(prop.description, line.key).toContain("negativt");
      if (line.sign === "+") expect(prop.description, line.key).toContain("positivt");
      if (line.terms) expect(prop.description, line.key).toContain("Summarad");
    }
  });

  it("a statement row has exactly the columns of statements.ts", () => {
    expect(Object.keys(common.$defs.statementRow!.properties as Json)).toEqual([...COLUMNS]);
  });

  it("accepts a row as a number or as columns, and rejects an unknown row, column or a text", () => {
    const ok = `${FOLLOW_UP}resultaträkning:\n  skatteintäkter: 1380.2\n  verksamhetens_kostnader: { utfall: -1800.5, budget: -1790, föregående_år: -1750.1, x-konto: "4000" }\n`;
    expect(problems("uppföljning", ok)).toEqual([]);
    expect(problems("uppföljning", `${FOLLOW_UP}resultaträkning:\n  skatteintäkt: 1380.2\n`).join("\n")).toContain("skatteintäkt");
    expect(problems("uppföljning", `${FOLLOW_UP}balansräkning:\n  kassa_och_bank: { utfal: 3 }\n`).join("\n")).toContain("utfal");
    expect(problems("uppföljning", `${FOLLOW_UP}kassaflödesanalys:\n  årets_resultat: "8,8"\n`)).not.toEqual([]);
  });

  it("takes the balanskrav as bare numbers with a comment, not as columns", () => {
    expect(problems("uppföljning", `${FOLLOW_UP}balanskrav:\n  årets_resultat: 8.8\n  samtliga_realisationsvinster: -0.4\n  kommentar: Inga underskott.\n`)).toEqual([]);
    expect(problems("uppföljning", `${FOLLOW_UP}balanskrav:\n  årets_resultat: { utfall: 8.8 }\n`)).not.toEqual([]);
  });
});

describe("the new keys of the follow-up, the budget and plan.yaml", () => {
  it("accept a follow-up's investeringar, ramjusteringar, manual assessments and named avsnitt", () => {
    const yaml = `${FOLLOW_UP}investeringar:
  - { avser: INV-01, budget: 6.0, utfall: 3.1, prognos: 5.5, kommentar: Försenad. }
ekonomi:
  - organ: KS
    budget: 47.5
    utfall: 46.0
    ramjusteringar:
      - { belopp: 2.5, beslut: { organ: KF, datum: 2026-06-15 }, text: Lönesatsning. }
god_ekonomisk_hushållning: { bedömning: delvis_uppfyllt, motivering: Resultatmålet nås inte. }
bedömningar:
  - { avser: UTB-R1, bedömning: uppfyllt, motivering: Alla åtaganden nås. }
avsnitt:
  översikt_över_verksamhetens_utveckling: Text.
  viktiga_förhållanden_för_resultat_och_ställning: Text.
  styrning_och_uppföljning: Text.
  ekonomisk_ställning: Text.
  redovisningsprinciper: Text.
`;
    expect(problems("uppföljning", yaml)).toEqual([]);
  });

  it("require what the design requires", () => {
    expect(problems("uppföljning", `${FOLLOW_UP}investeringar:\n  - { avser: INV-01 }\n`).join("\n")).toContain("utfall");
    expect(problems("uppföljning", `${FOLLOW_UP}god_ekonomisk_hushållning: { bedömning: uppfyllt }\n`).join("\n")).toContain("motivering");
    expect(problems("uppföljning", `${FOLLOW_UP}bedömningar:\n  - { avser: UTB-R1, bedömning: klar, motivering: x }\n`)).not.toEqual([]);
    expect(problems("uppföljning", `${FOLLOW_UP}ekonomi:\n  - { organ: KS, utfall: 1, ramjusteringar: [ { text: x } ] }\n`).join("\n")).toContain("belopp");
  });

  it("accept the budget's finansiella mål and god ekonomisk hushållning, and reject a stray key", () => {
    const yaml = `${BUDGET}finansiella_mål:
  - id: FM1
    text: Resultatet ska vara minst 1 procent av skatteintäkter och generella statsbidrag.
    nyckeltal: { namn: Resultat, enhet: "%", riktning: öka, målvärden: { 2026: 1.0 } }
god_ekonomisk_hushållning: { finansiella_mål: [FM1], verksamhetsmål: UTB-R1, text: Riktlinjer. }
`;
    expect(problems("budget", yaml)).toEqual([]);
    expect(problems("budget", `${BUDGET}finansiella_mål:\n  - { id: FM1 }\n`).join("\n")).toContain("text");
    expect(problems("budget", `${BUDGET}god_ekonomisk_hushållning: { mål: [FM1] }\n`).join("\n")).toContain("mål");
  });

  it("accept måluppfyllelse in plan.yaml with its two words and thresholds between 0 and 1", () => {
    const kommun = "typ: kommun\nnamn: Ekby\nvision: { id: V, namn: V }\norganisation: [ { id: KF, namn: KF, typ: fullmäktige } ]\n";
    expect(problems("kommun", `${kommun}måluppfyllelse: { metod: andel_uppfyllda, nivå: åtaganden, uppfyllt: 0.8, delvis: 0.4 }\n`)).toEqual([]);
    expect(problems("kommun", `${kommun}måluppfyllelse: { metod: median }\n`)).not.toEqual([]);
    expect(problems("kommun", `${kommun}måluppfyllelse: { nivå: målområden }\n`)).not.toEqual([]);
    expect(problems("kommun", `${kommun}måluppfyllelse: { uppfyllt: 75 }\n`)).not.toEqual([]);
  });
});
