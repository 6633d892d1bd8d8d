// The fast path (js-yaml) and the exact path (the yaml package) must agree: on every file the fast
// path takes, the exact path accepts it without a finding and gives the same values, numbered the
// same way, so positions found later by re-parsing point at the right nodes. Generated plan-shaped
// documents, mutations of them, and every YAML file in the fixtures and examples.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fastValues, outsideSubset } from "../src/load/fast-parse.js";
import { fastPositions } from "../src/load/fast-positions.js";
import { needsNfc, readBlocks } from "../src/load/block-reader.js";
import { exactPositions, exactValues, firstInvalidUtf8, parseValues } from "../src/load/parse.js";
import type { DocPositions } from "../src/load/source.js";

// ---- generated documents ------------------------------------------------------------------

/** Scalars in every YAML 1.2 core form, and forms that only other schemas resolve. */
const SCALARS = [
  "Kultur & fritid", "Ökad trygghet för äldre", "Kultur – fritid", "CO₂-utsläpp", "Å\u0308r", "A\u030Angermanland", "e\u0301", "ja", "nej", "yes", "no", "on", "off", "y", "n",
  "0", "-0", "+12", "012", "0o17", "0O17", "0x1F", "0X1f", "-0x1F", "+0o7", "1_000", "0b101", "1.5", "1.", ".5", "-.5", "1e3", "1E-3", "1.0e+3", "+1.50",
  ".inf", "-.Inf", "+.INF", ".nan", ".NaN", "12345678901234567890", "2012", "2025-08-31", "2025-08-31T12:00:00Z", "12:30:00", "1:2", "0.1", "1,5",
  "true", "True", "TRUE", "tRUE", "false", "FALSE", "null", "Null", "NULL", "nULL", "~", "", "=", "5 %", "x #kommentar", "#ej", "a: b", "- a",
  "Vi är *öppna* och **lyhörda**", "**Ekonomi.** Underskott", "rad ett\n**fet** rad två", "rad ett\n*x", "*x", "* punkt", "a *b", "&a", "a & b", "Viktigt!", "!x",
  "mål 1", "en rad\nen till", "rad ett\n\nrad tre\n", "  inledande", "slut  ", "\\n", "\"", "'", "@x", "`x`", "100 tkr", "-", "--- x", "x ...",
];
const KEYS = ["typ", "id", "namn", "år", "a\u030Ar", "målområde", "åtaganden", "nyckeltal", "2012", "2025", "x-diarienummer", "beskrivning", "Ärende", "null", "~", "true", "1.0", "0x10", "010", "-0", "", "a b", "__proto__", "ö"];

type Node =
  | { k: "scalar"; src: string; style: number; raw: boolean }
  | { k: "map"; flow: boolean; entries: { key: string; keyStyle: number; value: Node; comment: boolean }[] }
  | { k: "seq"; flow: boolean; items: Node[] };

const scalarArb: fc.Arbitrary<Node> = fc.record({
  k: fc.constant("scalar" as const),
  src: fc.constantFrom(...SCALARS),
  style: fc.integer({ min: 0, max: 6 }),
  // Mostly written the way a careful editor would; now and then as it comes, even where that breaks the file.
  raw: fc.constantFrom(false, false, false, true),
});
/**
 * Scalars as plan files mostly hold them, for the block reader (src/load/block-reader.ts): text on
 * one line, plain where it can be and quoted where it must, or a block scalar.
 */
const tameScalarArb: fc.Arbitrary<Node> = fc.record({
  k: fc.constant("scalar" as const),
  src: fc.constantFrom(...SCALARS.filter((s) => !s.includes("\n"))),
  style: fc.constantFrom(0, 0, 0, 1, 2, 3, 4),
  raw: fc.constant(false),
}).filter((n) => !(n.style === 4 && n.src.length % 3 === 2)); // not `|2`: an indentation indicator is left to the others
/** Text that would not read back as the same plain scalar. */
const NOT_PLAIN = /^$|^[\s\-?:,[\]{}#&*!|>'"%@`]|: | #|[:\s]$|\n|[,[\]{}]/;
const entryArb = (value: fc.Arbitrary<Node>, keyStyle: fc.Arbitrary<number>, keys: readonly string[]) => fc.record({ key: fc.constantFrom(...keys), keyStyle, value, comment: fc.boolean() });
const rootsOf = (scalar: fc.Arbitrary<Node>, keyStyle: fc.Arbitrary<number>, flow: fc.Arbitrary<boolean>, keys = KEYS) =>
  fc.letrec<{ node: Node; root: Node }>((tie) => ({
    node: fc.oneof({ depthSize: "small", withCrossShrink: true }, scalar, tie("root")),
    // A plan document is a mapping (a list now and then, which the checks refuse).
    root: fc.oneof(
      { weight: 4, arbitrary: fc.record({
        k: fc.constant("map" as const),
        flow,
        // Mostly distinct keys; now and then a duplicate (or two spellings of one key in NFC and NFD).
        entries: fc.oneof(
          { weight: 3, arbitrary: fc.uniqueArray(entryArb(tie("node"), keyStyle, keys), { minLength: 1, maxLength: 5, selector: (e) => e.key.normalize("NFC") }) },
          { weight: 1, arbitrary: fc.array(entryArb(tie("node"), keyStyle, keys), { minLength: 1, maxLength: 5 }) },
        ),
      }) },
      { weight: 1, arbitrary: fc.record({ k: fc.constant("seq" as const), flow, items: fc.array(tie("node"), { minLength: 1, maxLength: 4 }) }) },
    ),
  })).root;
const rootArb = rootsOf(scalarArb, fc.integer({ min: 0, max: 3 }), fc.boolean());
// Plain keys, and a flow collection now and then (quoted keys the block reader leaves to the others).
// The empty key, which only quotes can write, is left out.
const tameRootArb = rootsOf(tameScalarArb, fc.constant(0), fc.constantFrom(false, false, false, true), KEYS.filter((k) => k !== "")).filter((n) => n.k === "scalar" || !n.flow);

function quoted(src: string, style: number): string {
  if (src === "" && style % 3 === 0) return "''";
  if (style % 3 === 1) return `'${src.replace(/'/g, "''").replace(/\n/g, "\n\n")}'`;
  if (style % 3 === 2) return JSON.stringify(src);
  return src;
}

/** A scalar on one line (flow context, or a key). */
function inline(n: Extract<Node, { k: "scalar" }>): string {
  const style = n.style > 3 ? 2 : n.style;
  return quoted(n.src, style === 0 && !n.raw && NOT_PLAIN.test(n.src) ? 2 : style);
}

function flow(n: Node): string {
  if (n.k === "scalar") return inline(n);
  if (n.k === "seq") return `[${n.items.map(flow).join(", ")}]`;
  return `{${n.entries.map((e) => `${quoted(e.key, e.keyStyle)}: ${flow(e.value)}`).join(", ")}}`;
}

/** Lines of a node in block style at an indentation, or its text after `key:` / `-`. */
function block(n: Node, pad: string): string[] {
  if (n.k === "seq") {
    if (n.flow) return [pad + flow(n)];
    return n.items.flatMap((item) => {
      if (item.k !== "scalar" && !(item.flow && item.k === "seq")) {
        const lines = block(item, pad + "  ");
        return [pad + "- " + lines[0]!.slice(pad.length + 2), ...lines.slice(1)];
      }
      return [pad + "-" + after(item, pad + "  ")];
    }).flatMap((l) => l.split("\n"));
  }
  if (n.k === "map") {
    if (n.flow) return [pad + flow(n)];
    return n.entries
      .map((e) => `${pad}${quoted(e.key, e.keyStyle)}:${after(e.value, pad + "  ")}${e.comment ? " # kommentar" : ""}`)
      .flatMap((l) => l.split("\n"));
  }
  return [pad + inline(n)];
}

/** What follows `key:` or `-`: an inline scalar, a block scalar, or a nested collection on the next lines. */
function after(n: Node, pad: string): string {
  if (n.k === "scalar") {
    if (n.style === 3 || n.style === 4) {
      const body = n.src.split("\n").map((l) => (l === "" ? "" : pad + l));
      const indicator = (n.style === 3 ? ["|", "|-", "|+"] : [">", ">-", "|2"])[n.src.length % 3];
      return ` ${indicator}\n${body.join("\n")}`;
    }
    // Plain and quoted scalars over several lines, the later lines indented under the key.
    if (n.style === 5 && (n.raw || !/^$|^[\s\-?:,[\]{}#&*!|>'"%@`]|: | #|[:\s]$|\n\n|[,[\]{}]/.test(n.src))) return " " + n.src.split("\n").join("\n" + pad);
    if (n.style === 6) return " " + quoted(n.src, n.src.length).split("\n").join("\n" + pad);
    return n.src === "" && n.style === 0 ? "" : " " + inline(n);
  }
  if (n.flow) return " " + flow(n);
  return "\n" + block(n, pad).join("\n");
}

/** A document, now and then indented four spaces a level and with comment lines between its lines. */
const docsOf = (root: fc.Arbitrary<Node>) =>
  fc.record({ root, topComment: fc.boolean(), wide: fc.boolean(), comments: fc.boolean() }).map(({ root, topComment, wide, comments }) => {
    let lines = block(root, "");
    if (wide) lines = lines.map((l) => l.replace(/^ +/, (sp) => sp + sp));
    if (comments) lines = lines.flatMap((l, i) => (i % 3 === 1 ? [l, "", `${" ".repeat(i % 5)}# kommentar ${i}`] : [l]));
    return (topComment ? "# Rödtråd\n" : "") + lines.join("\n") + "\n";
  });
const filesOf = (root: fc.Arbitrary<Node>) =>
  fc.record({ docs: fc.array(docsOf(root), { minLength: 1, maxLength: 3 }), leading: fc.boolean() }).map(({ docs, leading }) => (leading ? "---\n" : "") + docs.join("---\n"));
const fileArb = filesOf(rootArb);
const tameFileArb = filesOf(tameRootArb);

type Mutation = { kind: "insert"; at: number; text: string } | { kind: "delete"; at: number } | { kind: "dupLine"; at: number };
const INSERTS = ["\t", " ", "    ", "\n  ", "\n\n", "# x\n", "\n", ":", ": ", "- ", "#", " #", "'", '"', "[", "]", "{", "}", ",", "?", "&a ", "*a", "!", "|", ">", "---\n", "...\n", "\r", "\u00A0", "\uFEFF", "\u0085", "\u2028", "\u2029", "\u3000", "\u000B", "\u000C", "A\u030A", "\\"];
const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant("insert" as const), at: fc.nat(), text: fc.constantFrom(...INSERTS) }),
  fc.record({ kind: fc.constant("delete" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("dupLine" as const), at: fc.nat() }),
);

function mutate(text: string, mutations: readonly Mutation[]): string {
  let t = text;
  for (const m of mutations) {
    const at = m.at % (t.length + 1);
    if (m.kind === "insert") t = t.slice(0, at) + m.text + t.slice(at);
    else if (m.kind === "delete") t = t.slice(0, at) + t.slice(at + 1);
    else {
      const start = t.lastIndexOf("\n", at - 1) + 1;
      const nl = t.indexOf("\n", at);
      const end = nl < 0 ? t.length : nl + 1;
      t = t.slice(0, end) + t.slice(start, end) + t.slice(end);
    }
  }
  return t;
}

// ---- the comparison -----------------------------------------------------------------------

/** Every mapping and list inside a value. */
function collections(v: unknown, out: object[] = []): object[] {
  if (v !== null && typeof v === "object") {
    out.push(v);
    for (const x of Object.values(v)) collections(x, out);
  }
  return out;
}

/**
 * Whether the fast path took the text, and whether its positions did too (else the yaml
 * package places findings); throws (through expect) when the paths disagree.
 */
function agree(text: string): false | "values" | "positions" {
  const file = "plan/x.yaml";
  const bytes = new TextEncoder().encode(text);
  const exact = exactValues(file, new TextDecoder().decode(bytes));
  // What the loader gives is what the exact path gives, findings and their positions included.
  expect(parseValues(file, bytes)).toStrictEqual(exact);
  const fast = fastValues(new TextDecoder().decode(bytes));
  if (!fast) return false;
  expect(exact.diagnostics).toStrictEqual([]);
  expect(fast).toStrictEqual(exact.values);
  // Positions read by js-yaml equal the yaml package's: every collection, key, value and item,
  // and the decimals written, in every document (so the documents are numbered alike too).
  const text2 = new TextDecoder().decode(bytes);
  const quick = fastPositions(text2, fast);
  if (quick === undefined) return "values";
  const slow = exactPositions(text2, fast);
  for (const { index, value } of fast) samePlaces(value, quick.get(index)!, slow.get(index)!);
  return "positions";
}

/** Both position maps give the same place for everything in `value`. */
function samePlaces(value: unknown, quick: DocPositions, slow: DocPositions): void {
  const where = (p: DocPositions, c: object, key?: string | number, part?: "key" | "value") => p.locate(c, key, part);
  expect(where(quick, {})).toStrictEqual(where(slow, {}));
  for (const c of collections(value)) {
    const keys: (string | number)[] = Array.isArray(c) ? c.map((_, i) => i) : Object.keys(c);
    for (const key of [undefined, ...keys, "not-a-key", 0, 99]) {
      for (const part of ["key", "value"] as const) expect(where(quick, c, key, part), `${JSON.stringify(key)} ${part}`).toStrictEqual(where(slow, c, key, part));
    }
    for (const depth of [0, 1, 2]) expect(quick.writtenDecimals(c, depth)).toBe(slow.writtenDecimals(c, depth));
  }
}

/** Every YAML file in the fixtures and examples. */
function yamlFiles(): string[] {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory() && e.name !== "node_modules") walk(p);
      else if (e.isFile() && /\.ya?ml$/.test(e.name)) files.push(p);
    }
  };
  walk("test/fixtures");
  walk("examples");
  return files;
}

describe("the fast and the exact parser agree", () => {
  it("on generated plan-shaped documents, and the fast path takes most of them", () => {
    let taken = 0;
    let placed = 0;
    let runs = 0;
    fc.assert(
      fc.property(fileArb, (text) => {
        runs++;
        const path = agree(text);
        if (path) taken++;
        if (path === "positions") placed++;
      }),
      { numRuns: 600 },
    );
    expect(taken).toBeGreaterThan(runs / 4);
    expect(placed, "the fast positions take most files the fast values take").toBeGreaterThan(taken * 0.9);
  });

  it("on mutations of them (a tab, a duplicate line, a deleted character, stray punctuation)", () => {
    fc.assert(
      fc.property(fileArb, fc.array(mutationArb, { minLength: 1, maxLength: 3 }), (text, mutations) => {
        agree(mutate(text, mutations));
      }),
      { numRuns: 800 },
    );
  });

  it("on plan-shaped documents as plan files hold them, and the block reader takes most of them", () => {
    let runs = 0;
    let blocks = 0;
    fc.assert(
      fc.property(tameFileArb, (text) => {
        runs++;
        const path = agree(text);
        // What the block reader reads, it also places (the fast path tries it first for both).
        if (readBlocks(text) !== undefined) {
          blocks++;
          expect(path).toBe("positions");
        }
      }),
      { numRuns: 400 },
    );
    // Many generated files hold a key twice (`~` and `null` are one key) or a comment inside a block scalar: left to the others.
    expect(blocks).toBeGreaterThan(runs / 5);
  });

  it("on mutations of those", () => {
    fc.assert(
      fc.property(tameFileArb, fc.array(mutationArb, { minLength: 1, maxLength: 3 }), (text, mutations) => {
        agree(mutate(text, mutations));
      }),
      { numRuns: 400 },
    );
  });

  it("on every YAML file in the fixtures and examples", () => {
    const files = yamlFiles();
    let taken = 0;
    let blocks = 0;
    for (const f of files) {
      const text = readFileSync(f, "utf8");
      const path = agree(text);
      if (readBlocks(text) !== undefined) blocks++;
      if (path) taken++;
      // Every real plan file the fast path reads is placed without the yaml package.
      if (path) expect(path, f).toBe("positions");
    }
    expect(files.length).toBeGreaterThan(50);
    expect(taken).toBeGreaterThan(files.length / 2);
    // The examples and fixtures are written as kommuner write plan files: the block reader reads most.
    expect(blocks).toBeGreaterThan(files.length * 0.8);
  });

  it("on mutations of the fixtures and examples (real plan files, the block reader taking many)", () => {
    const texts = yamlFiles().map((f) => readFileSync(f, "utf8")).filter((t) => t.length < 60_000);
    let blocks = 0;
    fc.assert(
      fc.property(fc.nat(texts.length - 1), fc.array(mutationArb, { minLength: 1, maxLength: 3 }), (i, mutations) => {
        const text = mutate(texts[i]!, mutations);
        agree(text);
        if (readBlocks(text) !== undefined) blocks++;
      }),
      { numRuns: 200 },
    );
    expect(blocks).toBeGreaterThan(20);
  });

  it.each([
    ["a duplicate key only NFC reveals", "a\u030Ar: 1\når: 2\n", false],
    ["an integer form only YAML 1.1 knows", "a: 0b101\nb: 1_000\n", true],
    ["a trailing empty document", "a: 1\n---\n", false],
    ["a comment before the first marker", "# Rödtråd\n---\na: 1\n---\nb: 2\n", true],
    ["a list as a key", "[a]: 1\n", false],
    ["a mapping as a key in a flow mapping", "a: {b, {c: d}}\n", false],
    ["an alias", "a: &x 1\nb: *x\n", false],
    ["an alias with no anchor", "a: *x\n", false],
    ["Markdown emphasis in text", "a: Vi är *öppna*\nb: |\n  **Ekonomi.** Bra\nc: rad ett\n  **fet** rad\n", true],
    ["a tab", "a:\t1\n", false],
    // Disagreements the generator found; each is now a rule that sends the file the exact way.
    ["a quoted scalar over lines, less indented than its key", "a:\n  - b: '\n  c'\n", false],
    ["a flow mapping over lines, too little indented", "a:\n  - {b: 1,\n c: 2}\n", false],
    ["text right after ---", "---#x\na: 1\n", false],
    ["a block collection on the --- line", "--- a: 1\n", false],
    ["a comment on the --- line", "--- # Rödtråd\na: 1\n", true],
    ["nesting near the depth limit", "a: ".repeat(1) + "[".repeat(70) + "]".repeat(70) + "\n", false],
    ["a key of 300 characters", `${"k".repeat(300)}: 1\n`, false],
    ["plain and block text over several lines", "a: rad ett\n  rad två\nb: |+\n  x\n\nc: >-\n  y\n  z\n", true],
    ["YAML 1.2 core scalars", "a: [0o17, 0x1F, -0, +12, 1e3, .5, -.Inf, .NaN, ~, Null, TRUE, 2025-08-31, yes, 012]\n", true],
    ["an empty list item before a less indented one", "- a:\n  -\n- b\n", false],
    ["an empty item at the end of compact nested lists", "- - - -\n    - x\n- y\n", false],
    ["an anchor right after the colon of a quoted key in a flow mapping", "{'a':&x 1}\n", false],
    ["a block scalar whose leading empty line is more indented than its text", "'typ': |-\n    \n\n # kommentar 1\n", false],
    ["a block scalar with an empty line before its text", "a: |\n\n  text\nb: >-\n  x\n", true],
    ["an empty value and a comment at the end of a file with no last line break", "a: 1\n'b': #ej", true],
    ["flow collections and quotes that close on their line", "a: [1, 'två', {c: ~, \"d\": 0x1F}] # k\nb: \"x\" # k\n", true],
  ])("%s: the paths agree (fast path taken: %s)", (_, text, fast) => {
    expect(agree(text)).toBe(fast && "positions");
  });
});

describe("the block reader", () => {
  it("asks for NFC value by value exactly when the text is not in NFC", () => {
    // Starters, marks that compose, reorder or stand alone, Hangul jamo, singletons, Indic and Tibetan vowel parts, a pair of surrogates.
    const pieces = ["a", "e", "A", " ", "\n", "-", "å", "Å", "ö", "\u0300", "\u0301", "\u0308", "\u030A", "\u0327", "\u0323", "\u031B", "\u0345", "\u0340", "\u1100", "\u1161", "\u11A8", "\uAC00", "\u0958", "\u093C", "\u0915", "\u212B", "\u2126", "\u0F73", "\u0F71", "\u0CC6", "\u0CD5", "\u3099", "\u304B", "\u2013", "\u2000", "\uF900", "\u2082", "\u{1F600}"];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 12 }), (parts) => {
        const text = parts.join("");
        expect(needsNfc(text)).toBe(text.normalize("NFC") !== text);
      }),
      { numRuns: 2000 },
    );
  });

  it.each([
    ["block mappings, lists and one-line flow collections", "typ: nämndplan\nbeslut: { organ: KF, datum: 2011-04-18, paragraf: \"§ 150\" }\nmål:\n  - { id: M1, avser: [UTB-Å2], målvärden: { 2025: 80 } }\n  - id: M2\n    namn: 'Trygg ''skola'''\n", true],
    ["a list at its key's indentation", "a:\n- x\n- y\nb: 1\n", true],
    ["block scalars with each chomping", "a: |\n  x\n\n  y\nb: >-\n  ett\n  två\n\n  tre\nc: |+\n  z\n\nd: 1\n", true],
    ["a comment less indented than a block scalar's text ends it", "a: |\n    text\n  # kommentar\nb: 1\n", true],
    ["comments before the first marker", "# Rödtråd\n\n---\na: 1\n---\n- b\n", true],
    ["keys that are numbers, null or true", "2025: a\n1.0: b\n0x10: c\nnull: d\ntrue: e\n", true],
    ["text in NFD", "n\u0061\u030Amn: A\u030Angermanland\n", true],
    ["text in NFC with a dash, and an escape that makes text NFC changes", "a: Kultur – fritid\nb: \"e\\u0301 – \\u00C5\"\nc: [\"A\\u030A\", 'CO₂']\n", true],
    ["two spellings of one key", "~: 1\nnull: 2\n", false],
    ["quoted keys", "\"a\": 1\nb: { \"0428\": 17.9, '0480': null }\n", true],
    ["a space before the colon of a quoted key", "\"a\" : 1\n", false],
    ["text over two lines", "a: ett\n  två\n", false],
    ["an indentation digit", "a: |2\n   x\n", false],
    ["an empty block scalar kept with +", "a: |+\n\nb: 1\n", false],
    ["a line of spaces in a block scalar", "a: |\n  x\n  \n  y\n", false],
    ["a more indented line in a folded scalar", "a: >\n  x\n    y\n  z\n", false],
    ["a byte-order mark", "\uFEFFa: 1\n", false],
    ["a line of spaces after a block scalar's text (the yaml package: an empty line; js-yaml: text)", "id: |2\n    *x # kommentar\n    \n # kommentar 1\n", false],
    ["a comment right after a flow mapping that holds one without a space after its colon (the yaml package: an error; js-yaml: a comment)", "x: {n:{t: 2}}# c\n", false],
    ["a comment less indented than a key, between it and its value (the yaml package: one key over two lines; js-yaml: the value)", "x:\n  a:\n\n# c\n    n x\ny: 1\n", false],
    ["a byte-order mark at the start of a later line (the yaml package: a byte-order mark; js-yaml: text)", "# Rödtråd\n\uFEFFnull: |-\n  0o17\n", false],
    ["an anchor named from a line separator (both: an anchor on an empty value, placed apart)", "# Rödtråd\n\"a b\": &\u2028a\n", false],
    ["an anchor named from a no-break space", "a: &\u00a0x\nb: 1\n", false],
    ["an anchor named from an ideographic space, in a flow mapping", "a: { b: &\u3000x 1 }\n", false],
    ["a comment less indented than a key that starts with a no-break space, between it and its value (the yaml package: an error; js-yaml: the value)", "x:\n  \u00a0a:\n\n# c\n    n x\ny: 1\n", false],
    ["the same with an ideographic space", "x:\n  \u3000a:\n\n# c\n    n x\ny: 1\n", false],
    ["a document end marker", "a: 1\n...\n", false],
    ["a flow list over lines", "a: [1,\n  2]\n", false],
  ])("%s: it agrees with the yaml package (reads it: %s)", (_, text, takes) => {
    agree(text);
    expect(readBlocks(text) !== undefined).toBe(takes);
  });

  it("reuses a key it has read, as the same string, only where the same text gives the same key", () => {
    const keysOf = (text: string): string[] => Object.keys(readBlocks(text)!.docs[0]!.value as Record<string, unknown>);
    const first = keysOf("namn: a\nmålvärde: 1\n")[1]!;
    const again = keysOf("x: 1\nmålvärde: 2\n")[1]!;
    expect(again).toBe("målvärde");
    // A key that reads as something else (a number, null, another spelling after NFC) is never taken for its text.
    for (const [text, key] of [
      ["1e3: a\n", "1000"],
      ["~: a\n", "null"],
      ["Null: a\n", "null"],
      ["m\u0061\u030Al: a\nx: \u030A\n", "m\u00E5l"],
    ] as const) {
      for (let i = 0; i < 2; i++) expect(keysOf(text)[0]).toBe(key);
      agree(text);
    }
    // After more keys of one length than are kept, every key still reads as its text.
    const many = Array.from({ length: 60 }, (_, i) => `k${String(i).padStart(3, "0")}: ${i}\n`).join("");
    for (let i = 0; i < 2; i++) expect(keysOf(many)).toEqual(Array.from({ length: 60 }, (_, j) => `k${String(j).padStart(3, "0")}`));
    expect(first).toBe(again);
  });
});

describe("the UTF-8 check", () => {
  it("finds a bad byte exactly where a strict decoder stops", () => {
    const strict = new TextDecoder("utf-8", { fatal: true });
    const utf8Arb = fc.oneof(fc.uint8Array({ maxLength: 40 }), fc.string({ unit: "binary", maxLength: 20 }).map((s) => new TextEncoder().encode(s)));
    fc.assert(
      fc.property(utf8Arb, utf8Arb, fc.uint8Array({ maxLength: 3 }), (a, b, noise) => {
        const bytes = new Uint8Array([...a, ...noise, ...b]);
        const bad = firstInvalidUtf8(bytes);
        // Valid up to the bad byte, and the rest from there is not.
        const ok = (x: Uint8Array): boolean => {
          try {
            strict.decode(x);
            return true;
          } catch {
            return false;
          }
        };
        expect(bad === -1).toBe(ok(bytes));
        if (bad >= 0) expect(ok(bytes.subarray(0, bad))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("the subset's text rules", () => {
  // The rules as one pattern (docs/val.md); outsideSubset answers as it does, only faster.
  const SPEC = new RegExp(
    [
      String.raw`(?:^|[\s[\]{},:])(?:&[^ \t\n\r[\]{},]|!)`,
      String.raw`^%`,
      String.raw`<<`,
      String.raw`(?:^|[\s[{,])\?(?:\s|$)`,
      String.raw`(?:^|[[{,])[ \t]*(?:-[ \t]+)*:(?:[\s,[\]{}]|$)`,
      String.raw`[\]}][ \t]*:(?:[\s,[\]{}]|$)`,
      String.raw`^\.\.\.`,
      String.raw`^---(?!(?:[ \t]+#.*)?[ \t]*$)`,
      String.raw`^[ ]*(?:-[ ]+)*-[ ]*(?:#.*)?$`,
      String.raw`[\t\r]`,
      String.raw`^[^\n]{1001}`,
      String.raw`[|>][-+0-9]*[ \t]*(?:#.*)?\n[\s\S]*?^[ \t]+$`,
      String.raw`\ufeff`,
      String.raw`[\]}"']#`,
      String.raw`^( *)[^ \t\n#].*:[ ]*(?:#.*)?\n(?:[ ]*(?:#.*)?\n)*?(?!\1)[ ]*#`,
    ].join("|"),
    "m",
  );
  const pieces = [" ", "  ", "-", "- ", ":", ": ", "#", "---", "...", "\n", "|", ">-", "|2", "\n   \n", "[", "]", "{", "}", ",", "a", "å", "&a", "&", "!", "%", "<<", "?", "\t", "\r", "\u2028", "\u2029", "\u000b", "\u00a0", "\u3000", "\ufeff", "'", '"', "}#", "]#", "a:", "  b:", "# c", "  # c", "x".repeat(500)];
  const textArb = fc.array(fc.constantFrom(...pieces), { maxLength: 30 }).map((p) => p.join(""));

  it("answer as the pattern does on text made of the characters they look at", () => {
    fc.assert(fc.property(textArb, (text) => {
        expect(outsideSubset(text), JSON.stringify(text)).toBe(SPEC.test(text));
      }), { numRuns: 20000 });
  });

  it("answer as the pattern does on every fixture and example", () => {
    for (const f of yamlFiles()) {
      const text = readFileSync(f, "utf8");
      expect(outsideSubset(text), f).toBe(SPEC.test(text));
    }
  });
});
