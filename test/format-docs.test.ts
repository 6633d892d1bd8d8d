// docs/format.md cannot drift from the schemas: every key a schema defines is documented in it
// as inline code, and every example document in it (a ```yaml block starting with `typ:`)
// validates, alone against its kind's schema and all together as one plan without errors.
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkPlan } from "../src/check/index.js";
import { validateSchema } from "../src/check/schema.js";
import { loadFrom, memorySource } from "../src/load/load-plan.js";
import { parsePlanFile } from "../src/load/parse.js";
import { isDocKind } from "../src/model/plan.js";
import { BALANSKRAV, computeStatement, STATEMENTS, statedFigures, type Statement } from "../src/model/statements.js";

type Json = Record<string, unknown>;

const SCHEMA_DIR = new URL("../schemas/", import.meta.url);
const DOC = readFileSync(new URL("../docs/format.md", import.meta.url), "utf8");
/** The comment that exempts the next block from validation (a deliberately partial or wrong example). */
const SKIP_MARK = "<!-- inte-validerad -->";

const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

/** Does the schema define any `properties` at all (the entry schema, picking a kind by `typ`, may not)? */
function hasProperties(node: unknown): boolean {
  if (Array.isArray(node)) return node.some(hasProperties);
  if (!isObject(node)) return false;
  return isObject(node.properties) || Object.values(node).some(hasProperties);
}

/**
 * Every key any schema defines: each `properties` object, walked recursively through $defs, items,
 * oneOf/anyOf/allOf, if/then/else and the like, following `$ref` into the other files. A `$ref` is
 * resolved by the file-name part of its address, so `common.schema.json#/$defs/id` and a full `$id`
 * URL ending in common.schema.json both work. Pattern keys (`^x-`) are not keys; `x-` keys are free.
 */
function schemaKeys(schemas: ReadonlyMap<string, Json>): Set<string> {
  const keys = new Set<string>();
  const seen = new Set<object>();
  const resolve = (ref: string, file: string): { node: unknown; file: string } => {
    const hash = ref.indexOf("#");
    const address = hash < 0 ? ref : ref.slice(0, hash);
    const pointer = hash < 0 ? "" : ref.slice(hash + 1);
    const target = address === "" ? file : address.split(/[/\\]/u).pop()!;
    let node: unknown = schemas.get(target);
    for (const step of pointer.split("/").slice(1)) {
      node = isObject(node) || Array.isArray(node) ? (node as Record<string, unknown>)[decodeURIComponent(step).replace(/~1/gu, "/").replace(/~0/gu, "~")] : undefined;
    }
    if (node === undefined) throw new Error(`${file}: $ref ${ref} does not resolve`);
    return { node, file: target };
  };
  const walk = (node: unknown, file: string): void => {
    if (Array.isArray(node)) {
      for (const n of node) walk(n, file);
      return;
    }
    if (!isObject(node) || seen.has(node)) return;
    seen.add(node);
    if (typeof node.$ref === "string") {
      const r = resolve(node.$ref, file);
      walk(r.node, r.file);
    }
    if (isObject(node.properties)) {
      for (const [key, sub] of Object.entries(node.properties)) {
        if (!key.startsWith("x-")) keys.add(key);
        walk(sub, file);
      }
    }
    for (const k of ["$defs", "definitions", "patternProperties", "dependentSchemas"]) {
      if (isObject(node[k])) for (const sub of Object.values(node[k])) walk(sub, file);
    }
    for (const k of ["items", "prefixItems", "additionalProperties", "unevaluatedProperties", "contains", "not", "if", "then", "else", "oneOf", "anyOf", "allOf"]) {
      walk(node[k], file);
    }
  };
  for (const [file, schema] of schemas) if (hasProperties(schema)) walk(schema, file);
  return keys;
}

function loadSchemas(): Map<string, Json> {
  const out = new Map<string, Json>();
  for (const name of readdirSync(SCHEMA_DIR).filter((n) => n.endsWith(".schema.json")).sort()) {
    out.set(name, JSON.parse(readFileSync(new URL(name, SCHEMA_DIR), "utf8")) as Json);
  }
  return out;
}

interface Block {
  lang: string;
  text: string;
  /** Line of the opening fence, from 1. */
  line: number;
  /** The nearest non-blank line before the fence. */
  before: string;
}

function fencedBlocks(markdown: string): Block[] {
  const lines = markdown.split("\n");
  const out: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(`{3,})([^`\s]*)\s*$/u.exec(lines[i]!);
    if (!open) continue;
    let j = i + 1;
    while (j < lines.length && !(lines[j]!.startsWith(open[1]!) && lines[j]!.trim() === lines[j]!.trim().replace(/[^`]/gu, ""))) j++;
    let k = i - 1;
    while (k >= 0 && lines[k]!.trim() === "") k--;
    out.push({ lang: open[2]!, text: lines.slice(i + 1, j).join("\n") + "\n", line: i + 1, before: k >= 0 ? lines[k]!.trim() : "" });
    i = j;
  }
  return out;
}

/** The text of every inline code span outside fenced blocks. */
function inlineCode(markdown: string): Set<string> {
  const lines = markdown.split("\n");
  const prose: string[] = [];
  let fence: string | undefined;
  for (const line of lines) {
    const m = /^(`{3,})/u.exec(line);
    if (m && (fence === undefined || line.trim().startsWith(fence))) {
      fence = fence === undefined ? m[1] : undefined;
      continue;
    }
    if (fence === undefined) prose.push(line);
  }
  const out = new Set<string>();
  for (const m of prose.join("\n").matchAll(/(`+)([^`]|[^`][\s\S]*?[^`])\1(?!`)/gu)) out.add(m[2]!.trim());
  return out;
}

/** The schema keys the Markdown does not name as inline code, sorted. */
function undocumentedKeys(keys: Iterable<string>, markdown: string): string[] {
  const documented = inlineCode(markdown);
  return [...keys].filter((k) => !documented.has(k)).sort();
}

interface Example {
  /** The file the block stands for: from its first line `# path.yaml`, else made up. */
  file: string;
  block: Block;
}

/** The example documents: ```yaml blocks whose first line that is not a comment starts with `typ:`. */
function examples(markdown: string): { checked: Example[]; skipped: Block[] } {
  const checked: Example[] = [];
  const skipped: Block[] = [];
  for (const block of fencedBlocks(markdown)) {
    if (block.lang !== "yaml") continue;
    const lines = block.text.split("\n");
    const first = lines.find((l) => l.trim() !== "" && !l.trimStart().startsWith("#"));
    if (!first?.startsWith("typ:")) continue;
    if (block.before === SKIP_MARK) {
      skipped.push(block);
      continue;
    }
    const named = /^#\s*(\S+\.ya?ml)\s*$/u.exec(lines[0]!.trim());
    checked.push({ file: named ? named[1]! : `exempel/rad-${block.line}.yaml`, block });
  }
  return { checked, skipped };
}

/** Parse and schema problems of one example, as readable lines (empty when it is valid). */
function schemaProblems(e: Example): string[] {
  const parsed = parsePlanFile(e.file, new TextEncoder().encode(e.block.text));
  const out = parsed.diagnostics.map((d) => `${d.code} ${d.line}:${d.column} ${JSON.stringify(d.args)}`);
  if (parsed.docs.length === 0) out.push("no document");
  for (const doc of parsed.docs) {
    const typ = (doc.value as { typ?: unknown } | null)?.typ;
    if (!isDocKind(typ)) {
      out.push(`unknown typ ${String(typ)}`);
      continue;
    }
    for (const d of validateSchema(doc, typ)) out.push(`${d.code} ${d.line}:${d.column} ${JSON.stringify(d.args)}`);
  }
  return out.map((p) => `docs/format.md line ${e.block.line} (${e.file}): ${p}`);
}

describe("docs/format.md", () => {
  const schemas = loadSchemas();
  const keys = schemaKeys(schemas);
  const { checked, skipped } = examples(DOC);

  it("documents every key that a schema defines, as inline code", () => {
    expect(keys.size).toBeGreaterThan(70);
    expect(undocumentedKeys(keys, DOC), "keys missing from docs/format.md (write each as `nyckel`)").toEqual([]);
  });

  it("has an example document of every kind, each valid against its kind's schema", () => {
    const kinds = new Set(checked.map((e) => (parsePlanFile(e.file, new TextEncoder().encode(e.block.text)).docs[0]?.value as { typ?: string }).typ));
    expect([...kinds].sort()).toEqual(["budget", "jämförelse", "kommun", "kommunplan", "nämndplan", "planeringsdirektiv", "underlag", "uppföljning", "verksamhetsplan"]);
    expect(checked.flatMap(schemaProblems)).toEqual([]);
  });

  it("has examples that together are one plan without errors or warnings", () => {
    const files = new Map(checked.map((e) => [e.file, new TextEncoder().encode(e.block.text)]));
    expect(files.has("plan.yaml"), "the kommun example is headed # plan.yaml").toBe(true);
    expect(files.size, "every example has a file name of its own").toBe(checked.length);
    const loaded = loadFrom(memorySource(files), "/plan", { parallel: false });
    const { diagnostics } = checkPlan(loaded.docs, loaded.diagnostics);
    expect(diagnostics.map((d) => `${d.severity} ${d.code} ${d.file}:${d.line} ${JSON.stringify(d.args)}`)).toEqual([]);
  });

  it("says what the skip mark means, and uses it only before a block that is wrong", () => {
    expect(DOC).toContain(`\`${SKIP_MARK}\``);
    for (const block of skipped) {
      const problems = schemaProblems({ file: "x.yaml", block });
      const loaded = loadFrom(memorySource(new Map([...checked.map((e) => [e.file, new TextEncoder().encode(e.block.text)] as const), ["x.yaml", new TextEncoder().encode(block.text)]])), "/plan", { parallel: false });
      const errors = checkPlan(loaded.docs, loaded.diagnostics).diagnostics.filter((d) => d.severity === "error");
      expect(problems.length + errors.length, `block at line ${block.line} is marked ${SKIP_MARK} but is valid`).toBeGreaterThan(0);
    }
  });
});

/** The rows of the first Markdown table after the first line that starts with `marker`, as cells. */
function tableAfter(markdown: string, marker: string): string[][] {
  const lines = markdown.split("\n");
  let i = lines.findIndex((l) => l.startsWith(marker));
  if (i < 0) return [];
  while (i < lines.length && !lines[i]!.startsWith("|")) i++;
  const rows: string[][] = [];
  for (i += 2; i < lines.length && lines[i]!.startsWith("|"); i++) rows.push(lines[i]!.slice(1, -1).split("|").map((c) => c.trim()));
  return rows;
}

/** What format.md's row table should say for each line of a statement: key, sign and the terms of a sum. */
function expectedRows(st: Statement): string[][] {
  return st.lines.map((l) => {
    if (l.role === "heading") return ["", `*${l.sv}*`, "", ""];
    const sign = l.terms || l.role === "memo" ? "" : l.sign === "+" ? "+" : l.sign === "-" ? "−" : "±";
    const sum = l.terms ? l.terms.map((k) => `\`${k}\``).join(" + ") : l.role === "memo" ? "upplysning, ingen summa" : "";
    return [`\`${l.key}\``, l.terms ? `**${l.sv}**` : l.sv, sign, sum];
  });
}

describe("the statement tables in docs/format.md", () => {
  const tables: [Statement, string][] = [
    [STATEMENTS.resultaträkning, "`resultaträkning`:"],
    [STATEMENTS.balansräkning, "`balansräkning`:"],
    [STATEMENTS.kassaflödesanalys, "`kassaflödesanalys` ("],
    [BALANSKRAV, "### Balanskravsutredningen"],
  ];

  it.each(tables.map(([st, marker]) => [st.key, st, marker] as const))("%s lists the rows of statements.ts in order, with their signs and sums", (_key, st, marker) => {
    expect(tableAfter(DOC, marker)).toEqual(expectedRows(st));
  });

  it("name a row that the doc leaves out or a sign that differs", () => {
    const st: Statement = { key: "resultaträkning", sv: "R", en: "R", lines: [{ key: "a", sv: "A", en: "A", sign: "-" }, { key: "s", sv: "S", en: "S", terms: ["a"] }] };
    const doc = "`x`:\n\n| Nyckel | Rad | Tecken | Summa av |\n|---|---|---|---|\n| `a` | A | + | |\n";
    expect(tableAfter(doc, "`x`:")).not.toEqual(expectedRows(st));
    expect(expectedRows(st)).toEqual([["`a`", "A", "−", ""], ["`s`", "**S**", "", "`a`"]]);
  });

  it("has example follow-ups whose statements add up, with the balanskrav following from the resultaträkning", () => {
    const followUps = examples(DOC)
      .checked.flatMap((e) => parsePlanFile(e.file, new TextEncoder().encode(e.block.text)).docs.map((d) => d.value as Json))
      .filter((v) => v.typ === "uppföljning" && Object.keys(STATEMENTS).some((k) => v[k] !== undefined));
    expect(followUps.length).toBeGreaterThan(0);
    for (const doc of followUps) {
      for (const st of Object.values(STATEMENTS)) {
        if (doc[st.key] === undefined) continue;
        const c = computeStatement(st, statedFigures(st, doc[st.key]));
        expect([...c.mismatches, ...c.unbalanced, ...c.wrongSign], `${String(doc.id)} ${st.key}`).toEqual([]);
      }
      const rr = computeStatement(STATEMENTS.resultaträkning, statedFigures(STATEMENTS.resultaträkning, doc.resultaträkning));
      const column = doc.rapport === "helår" ? "utfall" : "prognos";
      const result = rr.figures.get("årets_resultat")?.[column];
      const bk = computeStatement(BALANSKRAV, statedFigures(BALANSKRAV, doc.balanskrav), new Map([["årets_resultat", { utfall: result! }]]));
      expect([...bk.mismatches, ...bk.wrongSign], `${String(doc.id)} balanskrav`).toEqual([]);
      if (doc.kassaflödesanalys === undefined) continue;
      const kfa = computeStatement(STATEMENTS.kassaflödesanalys, statedFigures(STATEMENTS.kassaflödesanalys, doc.kassaflödesanalys));
      const br = computeStatement(STATEMENTS.balansräkning, statedFigures(STATEMENTS.balansräkning, doc.balansräkning));
      expect(kfa.figures.get("likvida_medel_vid_årets_slut")?.utfall).toBe(br.figures.get("kassa_och_bank")?.utfall);
      expect(kfa.figures.get("årets_resultat")?.utfall).toBe(result);
    }
  });
});

/** GitHub's anchor of a heading: lower case, punctuation dropped, spaces as hyphens. */
const slug = (heading: string): string =>
  heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .trim()
    .replace(/\s/gu, "-");

describe("links to docs/format.md", () => {
  it("name headings that exist", () => {
    const anchors = new Set([...DOC.matchAll(/^#{1,6} (.+)$/gmu)].map((m) => slug(m[1]!)));
    const broken: string[] = [];
    for (const name of ["format.md", "format-tillagg.md", "rapporter.md", "regler.md", "val.md", "sakerhet.md"]) {
      const text = readFileSync(new URL(`../docs/${name}`, import.meta.url), "utf8");
      const pattern = name === "format.md" ? /\]\((?:format\.md)?#([^)]+)\)/gu : /\]\(format\.md#([^)]+)\)/gu;
      for (const m of text.matchAll(pattern)) if (!anchors.has(m[1]!)) broken.push(`${name}: #${m[1]}`);
    }
    expect(broken).toEqual([]);
  });
});

describe("the drift checks themselves", () => {
  it("name a key that the doc does not document", () => {
    const fakeSchemas = new Map<string, Json>([
      ["common.schema.json", { $defs: { beslut: { type: "object", properties: { organ: {}, datum: {} }, patternProperties: { "^x-": {} } } } }],
      [
        "budget.schema.json",
        { type: "object", properties: { typ: {}, beslut: { $ref: "https://example.org/schemas/common.schema.json#/$defs/beslut" }, åtaganden: { type: "array", items: { oneOf: [{ properties: { hemlig: {} } }] } } } },
      ],
      ["plan.schema.json", { oneOf: [{ $ref: "budget.schema.json" }] }],
    ]);
    const found = schemaKeys(fakeSchemas);
    expect([...found].sort()).toEqual(["beslut", "datum", "hemlig", "organ", "typ", "åtaganden"]);
    const fakeDoc = "# Format\n\n`typ`, `beslut` (`organ`, `datum`) och `åtaganden`.\n\n```yaml\nhemlig: 1\n```\n";
    expect(undocumentedKeys(found, fakeDoc)).toEqual(["hemlig"]);
  });

  it("find an example that does not validate, and skip one that is marked", () => {
    const fakeDoc = [
      "```yaml",
      "# budget/2026.yaml",
      "typ: budget",
      "id: B",
      "år: 2026",
      "```",
      "",
      SKIP_MARK,
      "```yaml",
      "typ: kommun",
      "```",
    ].join("\n");
    const { checked, skipped } = examples(fakeDoc);
    expect(checked.map((e) => e.file)).toEqual(["budget/2026.yaml"]);
    expect(skipped).toHaveLength(1);
    const problems = schemaProblems(checked[0]!).join("\n");
    for (const key of ["planperiod", "resultatmål", "åtaganden"]) expect(problems).toContain(key);
  });
});
