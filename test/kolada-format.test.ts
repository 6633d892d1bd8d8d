// The format of Kolada values (format.md, "Värden från Kolada"): `kolada` in plan.yaml, `år` and
// `källa` on a follow-up's nyckeltal row, and the document kind jämförelse. Each is accepted in
// its written form and refused, on its own node, when misspelt or of the wrong shape.
import { describe, expect, it } from "vitest";
import { validateSchema } from "../src/check/schema.js";
import { parsePlanFile } from "../src/load/parse.js";
import type { DocKind } from "../src/model/types.js";

/** The schema problems of one YAML document, as `code line:column args` lines. */
function problems(kind: DocKind, yaml: string): string[] {
  const parsed = parsePlanFile("x.yaml", new TextEncoder().encode(yaml));
  expect(parsed.diagnostics).toEqual([]);
  return parsed.docs.flatMap((doc) => validateSchema(doc, kind)).map((d) => `${d.code} ${d.line}:${d.column} ${JSON.stringify(d.args)}`);
}

const KOMMUN = `typ: kommun
namn: Ekby kommun
kommunkod: "0483"
vision: { id: V1, namn: Vision }
organisation: [{ id: KF, namn: Kommunfullmäktige, typ: fullmäktige }]
`;
const kommun = (kolada: string): string[] => problems("kommun", `${KOMMUN}kolada:\n${kolada}`);

describe("kolada in plan.yaml", () => {
  it("accepts a url and a list of kommunkoder, or a group ID, or nothing at all", () => {
    expect(kommun('  url: https://api.kolada.se/v3\n  jämförelse: ["0480", "0482", "0484"]\n')).toEqual([]);
    expect(kommun("  url: http://127.0.0.1:8080/v3\n  jämförelse: G12345\n")).toEqual([]);
    expect(kommun("  x-anteckning: fri\n")).toEqual([]);
    expect(problems("kommun", KOMMUN)).toEqual([]);
  });

  it("refuses a url without http or https, and a misspelt key", () => {
    expect(kommun("  url: ftp://api.kolada.se\n")).toEqual([expect.stringMatching(/^bad-format 7:8 .*"hint":"url"/u)]);
    expect(kommun("  url: api.kolada.se/v3\n")).toEqual([expect.stringMatching(/^bad-format 7:8 /u)]);
    expect(kommun('  jamförelse: ["0480"]\n')).toEqual([expect.stringMatching(/^unknown-key 7:3 .*"key":"jamförelse"/u)]);
  });

  it("refuses a kommunkod that is not four digits in quotes, a code twice, an empty list and a text that is no group ID", () => {
    expect(kommun('  jämförelse: ["0480", "482"]\n')).toEqual([expect.stringMatching(/^bad-format 7:24 .*"hint":"digits4"/u)]);
    expect(kommun("  jämförelse: [480]\n")).toEqual([expect.stringMatching(/^wrong-type 7:16 /u)]);
    expect(kommun('  jämförelse: ["0480", "0480"]\n')).toHaveLength(1);
    expect(kommun("  jämförelse: []\n")).toHaveLength(1);
    expect(kommun('  jämförelse: "0480"\n')).toEqual([expect.stringMatching(/^bad-format 7:15 .*"hint":"group"/u)]);
  });
});

const FOLLOW_UP = "typ: uppföljning\nid: UF\nperiod: 2026-08\nrapport: delår\nnyckeltal:\n";

describe("år and källa on a follow-up's nyckeltal row", () => {
  it("accepts a year and a source beside the utfall", () => {
    expect(problems("uppföljning", `${FOLLOW_UP}  - { avser: UTB-A01, utfall: 32.1, år: 2024, källa: Kolada }\n`)).toEqual([]);
    expect(problems("uppföljning", `${FOLLOW_UP}  - { avser: UTB-A01, utfall: 32.1, källa: Eget system }\n`)).toEqual([]);
  });

  it("refuses a year that is no whole year, an empty or numeric källa, and a misspelt kalla", () => {
    expect(problems("uppföljning", `${FOLLOW_UP}  - { avser: A, utfall: 1, år: "2024" }\n`)).toEqual([expect.stringMatching(/^wrong-type 6:32 /u)]);
    expect(problems("uppföljning", `${FOLLOW_UP}  - { avser: A, utfall: 1, år: 24 }\n`)).toEqual([expect.stringMatching(/^out-of-range 6:32 /u)]);
    expect(problems("uppföljning", `${FOLLOW_UP}  - { avser: A, utfall: 1, år: 2024.5 }\n`)).toEqual([expect.stringMatching(/^wrong-type 6:32 /u)]);
    expect(problems("uppföljning", `${FOLLOW_UP}  - { avser: A, utfall: 1, källa: "" }\n`)).toHaveLength(1);
    expect(problems("uppföljning", `${FOLLOW_UP}  - { avser: A, utfall: 1, källa: 7 }\n`)).toEqual([expect.stringMatching(/^wrong-type 6:35 /u)]);
    expect(problems("uppföljning", `${FOLLOW_UP}  - { avser: A, utfall: 1, kalla: Kolada }\n`)).toEqual([expect.stringMatching(/^unknown-key 6:28 .*"key":"kalla"/u)]);
  });
});

const JÄMFÖRELSE = `typ: jämförelse
id: JMF-2026
namn: Jämförelse med andra kommuner 2026
år: 2026
källa: Kolada
hämtad: 2026-11-30
kommuner: ["0480", "0482", "0484"]
grupp: G12345
värden:
  - kolada: N15419
    år: 2025
    kommuner: { "0480": 31.2, "0482": 29.0, "0484": null }
`;
/** The example with one line replaced (by its start) or, with `line` undefined, one added at the end. */
const jämförelse = (start: string | undefined, line: string): string[] =>
  problems(
    "jämförelse",
    start === undefined
      ? `${JÄMFÖRELSE}${line}\n`
      : JÄMFÖRELSE.split("\n")
          .map((l) => (l.startsWith(start) ? line : l))
          .join("\n"),
  );

describe("the document kind jämförelse", () => {
  it("accepts the agreed example, and one without the optional namn, källa and grupp", () => {
    expect(problems("jämförelse", JÄMFÖRELSE)).toEqual([]);
    const bare = JÄMFÖRELSE.split("\n").filter((l) => !/^(namn|källa|grupp):/u.test(l)).join("\n");
    expect(problems("jämförelse", bare)).toEqual([]);
    expect(jämförelse(undefined, "  - { kolada: N15419, år: 2026, kommuner: {} }")).toEqual([]);
  });

  it("requires id, år, hämtad, kommuner and värden, and each row's kolada, år and kommuner", () => {
    for (const key of ["id", "år", "hämtad", "kommuner", "värden"]) {
      // Without värden its rows go too.
      const text = key === "värden" ? JÄMFÖRELSE.slice(0, JÄMFÖRELSE.indexOf("värden:")) : JÄMFÖRELSE.split("\n").filter((l) => !l.startsWith(`${key}:`)).join("\n");
      expect(problems("jämförelse", text).join("\n"), key).toContain(`"field":"${key}"`);
    }
    expect(jämförelse(undefined, "  - { kolada: N15419, år: 2026 }")).toEqual([expect.stringMatching(/^missing-field .*"field":"kommuner"/u)]);
  });

  it("is never a decided document: status and beslut are unknown keys", () => {
    expect(jämförelse(undefined, "status: beslutad")).toEqual([expect.stringMatching(/^unknown-key 13:1 .*"key":"status"/u)]);
    expect(jämförelse(undefined, "beslut: { organ: KF, datum: 2026-11-30 }")).toEqual([expect.stringMatching(/^unknown-key 13:1 /u)]);
  });

  it("refuses wrong values on their own node", () => {
    expect(jämförelse("hämtad:", "hämtad: 2026-02-30")).toEqual([expect.stringMatching(/^bad-date 6:9 /u)]);
    expect(jämförelse("grupp:", "grupp: 12345")).toEqual([expect.stringMatching(/^wrong-type 8:8 /u)]);
    expect(jämförelse("grupp:", "grupp: K12345")).toEqual([expect.stringMatching(/^bad-format 8:8 .*"hint":"group"/u)]);
    expect(jämförelse("kommuner: [", 'kommuner: ["0480", "0480"]')).toHaveLength(1);
    expect(jämförelse("  - kolada:", "  - kolada: N1541")).toEqual([expect.stringMatching(/^bad-format 10:13 .*"hint":"kolada"/u)]);
    // A value is a number or null: a text, even one that looks like a number, is not.
    expect(jämförelse("    kommuner:", '    kommuner: { "0480": "31,2" }')).toEqual([expect.stringMatching(/^wrong-type 12:25 /u)]);
    // A kommunkod written as a number loses its leading zero: the key is then no kommunkod.
    expect(jämförelse("    kommuner:", "    kommuner: { 480: 31.2 }")).toEqual([expect.stringMatching(/^bad-format 12:17 .*"value":"480"/u)]);
  });
});
