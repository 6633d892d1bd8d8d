// Size tests for the red thread's tree and drawings, plan diff's renames and strands, and plan
// kolada's editor: each call here once did work per pair (cut × row below, målområde × shared
// entity, removal × descendant, edit × byte of the file), and must now answer at once on plans
// of hostile size and shape. Beside each, the rewritten logic against the naive one.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { comparePlans, STRANDS_LISTED, strandsOf } from "../src/diff/compare.js";
import { unifiedDiff } from "../src/kolada/diff.js";
import { applyEdits, patchFollowUps, type Edit, type RowPatch } from "../src/kolada/edit.js";
import type { Plan } from "../src/model/plan.js";
import { DIFF_FORMATTERS } from "../src/format/diff.js";
import { TRACE_FORMATTERS, traceMermaid } from "../src/format/trace.js";
import { countPaths, descendants, sharedBelow, sharedTree, tree, type PathMemo, type TreeNode } from "../src/model/thread.js";
import { kindRank } from "../src/model/kinds.js";
import type { Entity } from "../src/model/types.js";
import { hostileFiles, loadHostile, timed } from "./helpers/hostile-size.js";

/** The applyEdits of before: the whole text spliced once per edit, the last edit first. */
function applyEditsNaive(text: string, edits: readonly Edit[]): string {
  let out = text;
  const last = [...edits.entries()].sort(([i, a], [j, b]) => b.start - a.start || b.end - a.end || j - i);
  for (const [, e] of last) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

/** A follow-up with a flow row per åtagande A00000…, utfall 15 in each. */
function followUp(m: number): string {
  const rows = Array.from({ length: m }, (_, i) => `  - { avser: A${String(i).padStart(5, "0")}, utfall: 15 }`);
  return `typ: uppföljning\nid: UF2026-08\nperiod: 2026-08\nrapport: delår\nbeloppsenhet: tkr\nnyckeltal:\n${rows.join("\n")}\n`;
}

describe("plan kolada's editor", () => {
  it("applies edits as splicing them one by one from the end did (insertions at one place in order, before a replacement there)", () => {
    const edit = (len: number): fc.Arbitrary<Edit> =>
      fc.record({ start: fc.nat(len), len: fc.constantFrom(0, 0, 1, 2, 3), text: fc.string({ maxLength: 3 }) }).map(({ start, len: l, text }) => ({ start, end: Math.min(len, start + l), text }));
    const input = fc.string({ maxLength: 20 }).chain((text) => fc.tuple(fc.constant(text), fc.array(edit(text.length), { maxLength: 8 })));
    fc.assert(
      fc.property(input, ([text, all]) => {
        // Non-overlapping: a replacement drops any other replacement that meets it; insertions stay.
        const edits: Edit[] = [];
        for (const e of all) {
          const overlaps = edits.some((x) => (e.start < x.end && x.start < e.end) || (e.start === e.end && x.start < e.start && e.start < x.end) || (x.start === x.end && e.start < x.start && x.start < e.end));
          if (!overlaps) edits.push(e);
        }
        expect(applyEdits(text, edits)).toBe(applyEditsNaive(text, edits));
      }),
      { numRuns: 500 },
    );
  });

  it("diffs an edit per line with each hunk's lines where the header says", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom("a\n", "b\n", "\n", "c"), { maxLength: 30 }), fc.array(fc.tuple(fc.nat(40), fc.constantFrom("x", "y\n", "")), { maxLength: 6 }), (parts, raw) => {
        const before = parts.join("");
        const seen = new Set<number>();
        const edits: Edit[] = [];
        for (const [at, text] of raw) {
          const start = Math.min(at, before.length);
          if (seen.has(start)) continue;
          seen.add(start);
          edits.push({ start, end: Math.min(before.length, start + (text === "" ? 1 : 0)), text });
        }
        const diff = unifiedDiff("f.yaml", before, edits);
        const old = before.match(/[^\n]*\n|[^\n]+$/gu) ?? [];
        const lines = diff.split("\n");
        for (let i = 0; i < lines.length; i++) {
          const h = /^@@ -(\d+)(?:,(\d+))? /u.exec(lines[i]!);
          if (!h) continue;
          const count = h[2] === undefined ? 1 : Number(h[2]);
          let at = count === 0 ? Number(h[1]) : Number(h[1]) - 1;
          for (let j = i + 1; j < lines.length && !lines[j]!.startsWith("@@"); j++) {
            const l = lines[j]!;
            if (!l.startsWith(" ") && !l.startsWith("-")) continue;
            expect(old[at]?.replace(/\n$/u, "")).toBe(l.slice(1));
            at++;
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it("diffs a follow-up with an utfall changed in each of 20,000 rows at once (the text built in one pass, line numbers counted on)", () => {
    const m = 20_000;
    const text = followUp(m);
    const edits: Edit[] = [];
    for (let at = text.indexOf("utfall: 15"); at >= 0; at = text.indexOf("utfall: 15", at + 1)) edits.push({ start: at + 8, end: at + 10, text: "42" });
    const { s, value } = timed(() => unifiedDiff("uppfoljning/2026-08.yaml", text, edits));
    // Before, this took 15 s: the whole text copied once per edit, and each line number counted from the top.
    expect(s).toBeLessThan(10);
    expect(edits).toHaveLength(m);
    expect(value.split("\n@@ ").length - 1).toBe(1);
    expect(value).toContain(`@@ -4,20003 +4,20003 @@\n`);
    expect(value.endsWith(`-  - { avser: A19999, utfall: 15 }\n+  - { avser: A19999, utfall: 42 }\n`)).toBe(true);
  });

  it("patches the rows of a follow-up as the text says (the first row of an avser, a new row after the last)", () => {
    const text = `${followUp(3)}`.replace("A00001, utfall: 15", "A00000, utfall: 16");
    const patches: RowPatch[] = [
      { avser: "A00000", set: [["utfall", 42]], remove: [] },
      { avser: "A00009", set: [["utfall", 1], ["källa", "Kolada"]], remove: [] },
      { avser: "A00002", set: [["källa", "Kolada"]], remove: [] },
    ];
    const { text: after } = patchFollowUps(text, new Map([[0, patches]]));
    expect(after).toContain("  - { avser: A00000, utfall: 42 }\n  - { avser: A00000, utfall: 16 }\n");
    expect(after).toContain("  - { avser: A00002, utfall: 15, källa: Kolada }\n  - { avser: A00009, utfall: 1, källa: Kolada }\n");
  });
});

/**
 * Bare entities of a global scope (in every year), linked as `edges` says (parent index → child
 * index): verksamhetsmål, but those `kinds` names.
 */
function graph(size: number, edges: ReadonlyArray<readonly [number, number]>, kinds: ReadonlyMap<number, string> = new Map()): Entity[] {
  const es = Array.from({ length: size }, (_, i) => ({ id: `E${i}`, kind: kinds.get(i) ?? "verksamhetsmål", data: { text: `e ${i}` }, scope: { kind: "global" }, refs: [], parents: [], children: [], order: i }) as unknown as Entity);
  for (const [p, c] of edges) {
    es[p]!.children.push(es[c]!);
    es[c]!.parents.push(es[p]!);
  }
  return es;
}

describe("the red thread's tree", () => {
  it("counts paths with one memo over many calls as a fresh walk per call does, cycles included", () => {
    const input = fc.integer({ min: 1, max: 9 }).chain((size) =>
      fc.tuple(fc.constant(size), fc.array(fc.tuple(fc.nat(size - 1), fc.nat(size - 1)), { maxLength: 20 }), fc.array(fc.nat(size - 1), { minLength: 1, maxLength: 12 }), fc.boolean()),
    );
    fc.assert(
      fc.property(input, ([size, edges, asks, inner]) => {
        const es = graph(size, edges);
        const next = (x: Entity): readonly Entity[] => x.children;
        const memo: PathMemo = new Map();
        for (const i of asks) expect(countPaths(es[i]!, next, 1n, inner ? 1n : 0n, memo)).toBe(countPaths(es[i]!, next, 1n, inner ? 1n : 0n));
      }),
      { numRuns: 1000 },
    );
  });

  it("counts what lies below 10,000 cut nodes at once when they share a 10,000-long chain below", () => {
    // As the shape "cuts": a 63-long chain from the root, then m nodes at depth 64 (each cut), all leading into an n-long chain.
    const D = 64;
    const m = 10_000;
    const n = 10_000;
    const edges: [number, number][] = [];
    for (let i = 1; i < D; i++) edges.push([i - 1, i]);
    for (let j = 0; j < m; j++) edges.push([D - 1, D + j], [D + j, D + m]);
    for (let i = 1; i < n; i++) edges.push([D + m + i - 1, D + m + i]);
    const es = graph(D + m + n, edges);
    const plan = { entities: es, docs: [] } as unknown as Plan;
    const { s, value } = timed(() => tree(plan, es[0]!, 2026));
    // Before, this took 42 s: each cut node walked the chain below it afresh.
    expect(s).toBeLessThan(10);
    expect(value.cut).toBe(true);
    expect(value.shown).toBe(D + m);
    expect(value.total).toBe(BigInt(D) + BigInt(m) * BigInt(n + 1));
    const last = value.root.children[0]!;
    let at = last;
    while (at.children.length === 1) at = at.children[0]!;
    expect(at.children).toHaveLength(m);
    expect(at.children.every((c) => c.cut?.rows === BigInt(n))).toBe(true);
  });
});

describe("plan diff", () => {
  it("finds what 10,000 removed links of a chain strand at once (one walk below all removals, and only toward what is stranded)", () => {
    const base = loadHostile(hostileFiles("chain", 10_000, 2_000));
    // The chain cut to its first link, which the aktiviteter now serve: nothing is stranded.
    const head = loadHostile(hostileFiles("chain", 1, 2_000));
    const { s, value } = timed(() => comparePlans(base, head, { byKey: true }));
    // Before, this took 16 s: each removed link walked the whole chain below it.
    expect(s).toBeLessThan(10);
    expect(value.removed).toHaveLength(9_999);
    expect(value.changed).toHaveLength(2_000);
    expect(value.removed.filter((r) => Object.keys(r.strands).length > 0)).toEqual([]);
  });

  /**
   * The oracle: a walk below each removal (descendants), every stranded ID of each kind once,
   * sorted; the kinds in the order of the thread; the first STRANDS_LISTED of each listed.
   */
  const naiveStrands = (r: Entity, now: ReadonlyMap<Entity, Entity>): { ids: Record<string, string[]>; counts: Record<string, number> } => {
    const all: Record<string, string[]> = {};
    for (const c of descendants(r)) {
      const x = now.get(c);
      if (x) (all[x.kind] ??= []).push(x.id);
    }
    const kinds = Object.keys(all).sort((x, y) => kindRank(x) - kindRank(y) || (x < y ? -1 : 1));
    const full = kinds.map((k) => [k, [...new Set(all[k])].sort()] as const);
    return { ids: Object.fromEntries(full.map(([k, ids]) => [k, ids.slice(0, STRANDS_LISTED)])), counts: Object.fromEntries(full.map(([k, ids]) => [k, ids.length])) };
  };

  it("says what each removal strands as a walk below each removal does, the kinds in the order of the thread, cycles included", () => {
    const input = fc.integer({ min: 1, max: 10 }).chain((size) =>
      fc.tuple(
        fc.constant(size),
        fc.array(fc.tuple(fc.nat(size - 1), fc.nat(size - 1)), { maxLength: 25 }),
        fc.uniqueArray(fc.nat(size - 1), { maxLength: 5 }),
        fc.array(fc.tuple(fc.nat(size - 1), fc.constantFrom("aktivitet", "verksamhetsmål", "åtagande", "x-okänd")), { maxLength: 6 }),
        fc.constantFrom(undefined, 4),
      ),
    );
    fc.assert(
      fc.property(input, ([size, edges, removedAt, strandedAt, passBytes]) => {
        const es = graph(size, edges);
        const now = new Map(strandedAt.map(([i, kind]) => [es[i]!, { ...es[i]!, kind, id: `S${i % 4}` } as Entity]));
        const removed = removedAt.map((i) => es[i]!);
        const strands = strandsOf(removed, (c) => now.get(c), passBytes);
        for (const r of removed) expect(JSON.stringify(strands.of(r))).toBe(JSON.stringify(naiveStrands(r, now)));
        // Every stranded entity below a removal, each once.
        expect(new Set(strands.all.keys())).toEqual(new Set([...descendants(removed)].filter((c) => now.has(c))));
      }),
      { numRuns: 500 },
    );
  });

  it("lists the first STRANDS_LISTED IDs of a kind and counts the rest, the bits read in slices of any size", () => {
    let cut = 0;
    const input = fc.integer({ min: 150, max: 400 }).chain((size) =>
      fc.tuple(
        fc.constant(size),
        fc.array(fc.tuple(fc.nat(size - 1), fc.nat(size - 1)), { minLength: size, maxLength: 3 * size }),
        // The first entity reaches every other (below): its lists are long.
        fc.uniqueArray(fc.nat(size - 1), { minLength: 1, maxLength: 20 }).map((xs) => [0, ...xs.filter((x) => x !== 0)]),
        fc.double({ min: 0.5, max: 1, noNaN: true }),
        fc.constantFrom(undefined, 4, 64, 1000),
      ),
    );
    fc.assert(
      fc.property(input, ([size, edges, removedAt, share, passBytes]) => {
        // The roots point down to all the rest, so that lists grow past the cap.
        const es = graph(size, [...edges, ...Array.from({ length: size - 1 }, (_, i) => [i % 3, i + 1] as const)]);
        const now = new Map<Entity, Entity>();
        es.forEach((e, i) => {
          if (i % 7 < share * 7) now.set(e, { ...e, kind: i % 5 === 0 ? "åtagande" : "aktivitet", id: `S${String(i % 211).padStart(3, "0")}` } as Entity);
        });
        const removed = removedAt.map((i) => es[i]!);
        const strands = strandsOf(removed, (c) => now.get(c), passBytes);
        for (const r of removed) {
          const s = strands.of(r);
          expect(JSON.stringify(s)).toBe(JSON.stringify(naiveStrands(r, now)));
          if (Object.values(s.counts).some((n) => n > STRANDS_LISTED)) cut++;
        }
      }),
      { numRuns: 60 },
    );
    // Lists were cut, not only short ones compared.
    expect(cut).toBeGreaterThan(20);
  });

  it("says what each removal strands, down to what lies below the whole removed chain", () => {
    const base = loadHostile(hostileFiles("chain", 50, 2));
    // The aktiviteter still serve the last link, which is gone: every removed link strands them.
    const files = hostileFiles("chain", 1, 2);
    files.set("verksamhetsplaner/F1/2026.yaml", files.get("verksamhetsplaner/F1/2026.yaml")!.replace("AK00001, namn: Aktivitet 1, bidrar_till: VM00000", "AK00001, namn: Aktivitet 1, bidrar_till: VM00049"));
    const diff = comparePlans(base, loadHostile(files), { byKey: true });
    expect(diff.removed).toHaveLength(49);
    for (const r of diff.removed) expect(r.strands).toEqual({ aktivitet: ["AK00001"] });
  });

  it("lists the first of what each removed rung of a ladder strands and counts the rest: the output grows with the plan, not its square", () => {
    // 3,000 verksamhetsmål, each serving its own åtagande and the one above, each with an
    // aktivitet; all removed. Each rung strands its own aktivitet and every one below it: before,
    // every list was written whole, 96 MB of JSON here (10,000 rungs: 21 s; 8,000 rungs: 680 MB,
    // more than a string can hold, so the command failed).
    const n = 3_000;
    const files = hostileFiles("ladder", n);
    const base = loadHostile(files);
    const cut = new Map(files);
    cut.set("namnder/N1/2026.yaml", files.get("namnder/N1/2026.yaml")!.replace(/verksamhetsmål:\n[\s\S]*$/u, "verksamhetsmål: []\n"));
    const { s, value } = timed(() => {
      const diff = comparePlans(base, loadHostile(cut), { byKey: true });
      return { diff, json: DIFF_FORMATTERS.json({ base: "a", head: "b", diff, lang: "sv" }, { color: false }) };
    });
    expect(s).toBeLessThan(10);
    const removed = value.diff.removed.filter((r) => r.typ === "verksamhetsmål");
    expect(removed).toHaveLength(n);
    const pad = (i: number): string => String(i).padStart(5, "0");
    for (const i of [0, 1, n - STRANDS_LISTED - 1, n - STRANDS_LISTED, n - 2, n - 1]) {
      const r = removed.find((x) => x.id === `VM${pad(i)}`)!;
      expect(r.strandCounts, r.id).toEqual({ aktivitet: n - i });
      expect(r.strands.aktivitet, r.id).toEqual(Array.from({ length: Math.min(STRANDS_LISTED, n - i) }, (_, k) => `AK${pad(i + k)}`));
    }
    // Every aktivitet stands without a goal, each once in what the change leaves behind.
    expect(value.diff.stranded.size).toBe(n);
    const json = JSON.parse(value.json) as { removed: { id: string; strands?: Record<string, string[]>; strands_total?: Record<string, number> }[] };
    const top = json.removed.find((r) => r.id === "VM00000")!;
    expect(top.strands!.aktivitet).toHaveLength(STRANDS_LISTED);
    expect(top.strands_total).toEqual({ aktivitet: n });
    // A short list is whole, and then no total is given.
    expect(json.removed.find((r) => r.id === `VM${pad(n - 1)}`)!.strands_total).toBeUndefined();
    expect(value.json.length).toBeLessThan(n * (STRANDS_LISTED + 10) * 40);
  });

  it("shows thousands of edited texts word by word within one budget: each text alone within the cap took its square", () => {
    // 500 verksamhetsmål, each text 1,000 words whose first and last words change: what lies
    // between is the whole text. Before, each was compared word by word (a 2,000 × 2,000 table),
    // 10 s for the text format and as much again for Markdown.
    const n = 500;
    const files = hostileFiles("texts", n);
    const edited = new Map([...files].map(([rel, text]) => [rel, text.replaceAll("ordx", "ordy")]));
    const diff = comparePlans(loadHostile(files), loadHostile(edited), { byKey: true });
    expect(diff.changed).toHaveLength(n);
    const { s, value } = timed(() => [DIFF_FORMATTERS.text({ base: "a", head: "b", diff, lang: "sv" }, { color: false }), DIFF_FORMATTERS.md({ base: "a", head: "b", diff, lang: "sv" }, { color: false })]);
    expect(s).toBeLessThan(10);
    const [plain] = value;
    // The first texts word by word (their middle kept), the rest as a whole replacement between the same start and end.
    const lines = plain!.split("\n").filter((l) => l.includes("› text:"));
    expect(lines).toHaveLength(n);
    expect(lines[0]).toMatch(/^\s*VM00000 › text: \[-ordx-\]\{\+ordy\+\} ord7 .* \[-ordx-\]\{\+ordy\+\}$/u);
    expect(lines[n - 1]).toMatch(/^\s*VM00499 › text: \[-ordx ord.* ordx-\]\{\+ordy ord.* ordy\+\}$/u);
  });

  it("pairs removals with additions of the same fields in order, many to one signature", () => {
    const base = loadHostile(hostileFiles("cuts", 1, 3));
    const files = hostileFiles("cuts", 1, 3);
    files.set("namnder/N1/2026.yaml", files.get("namnder/N1/2026.yaml")!.replace(/X0000(\d)/gu, "Y$1").replace("id: Y2, text: x", "id: Y2, text: y"));
    const diff = comparePlans(base, loadHostile(files), { byKey: true });
    expect(diff.renames.map((r) => `${r.from.id}→${r.to.id}`)).toEqual(["X00000→Y0", "X00001→Y1"]);
  });
});

/**
 * The drawings of before, as the oracle: per målområde the whole shared tree below it built
 * and walked, and each child list gone through one child at a time.
 */
function drawingsNaive(plan: Plan, områden: readonly Entity[], djup: number | undefined): string {
  const MAX_DRAWN = 120;
  return områden
    .map((område) => {
      const full = sharedTree(plan, område, 2026);
      const kids = new Map<Entity, TreeNode[]>();
      const all = new Set<Entity>();
      const stack = [full];
      while (stack.length > 0) {
        const n = stack.pop()!;
        all.add(n.entity);
        if (n.children.length === 0) continue;
        kids.set(n.entity, n.children);
        for (const c of n.children) stack.push(c);
      }
      const root: TreeNode = { ...full, children: [] };
      const kept = new Set<Entity>([område]);
      const more = new Map<Entity, string>();
      let queue: { copy: TreeNode; level: number }[] = [{ copy: root, level: 0 }];
      while (queue.length > 0) {
        const next: typeof queue = [];
        for (const { copy, level } of queue) {
          let hidden = 0;
          for (const child of kids.get(copy.entity) ?? []) {
            const seen = kept.has(child.entity);
            if (!seen && ((djup !== undefined && level >= djup) || kept.size >= MAX_DRAWN)) {
              hidden++;
              continue;
            }
            const c: TreeNode = { ...child, children: [] };
            copy.children.push(c);
            if (seen) continue;
            kept.add(child.entity);
            next.push({ copy: c, level: level + 1 });
          }
          if (hidden > 0) more.set(copy.entity, ` (+${hidden} below)`);
        }
        queue = next;
      }
      const left = all.size - kept.size;
      const note =
        left === 0
          ? ""
          : kept.size >= MAX_DRAWN
            ? `%% ${left} of ${all.size} entities left out (at most ${MAX_DRAWN} per diagram; use --djup or trace an ID to see further)\n`
            : `%% ${left} of ${all.size} entities left out (--djup ${djup})\n`;
      return `%% ${full.id}: ${full.namn}\n${traceMermaid({ down: root }, "LR", more)}${note}`;
    })
    .join("\n");
}

describe("the drawings of the year's thread", () => {
  it("count what lies below each start by groups as a walk per start does", () => {
    const input = fc.integer({ min: 1, max: 10 }).chain((size) =>
      fc.tuple(fc.constant(size), fc.array(fc.tuple(fc.nat(size - 1), fc.nat(size - 1)), { maxLength: 25 }), fc.uniqueArray(fc.nat(size - 1), { minLength: 1, maxLength: 4 })),
    );
    fc.assert(
      fc.property(input, ([size, edges, starts]) => {
        const es = graph(size, edges);
        const plan = { entities: es, docs: [] } as unknown as Plan;
        const shared = sharedBelow(plan, 2026, starts.map((i) => es[i]!));
        for (const i of starts) {
          const all = new Set<Entity>([es[i]!]);
          const todo = [es[i]!];
          while (todo.length > 0) for (const c of todo.pop()!.children) if (!all.has(c)) todo.push((all.add(c), c));
          expect(shared.reach(es[i]!)).toBe(all.size);
        }
      }),
      { numRuns: 500 },
    );
  });

  it("draw each målområde as the walk of a whole shared tree per målområde did, cut by depth and size alike", () => {
    // E0 the vision; E1…E3 målområden; the rest verksamhetsmål, some with many children (past the limit of 120).
    const kinds = new Map<number, string>([[0, "vision"], [1, "målområde"], [2, "målområde"], [3, "målområde"]]);
    const input = fc.tuple(
      fc.array(fc.tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 4, max: 12 })), { maxLength: 30 }),
      fc.array(fc.integer({ min: 4, max: 12 }), { maxLength: 3 }),
      fc.option(fc.integer({ min: 0, max: 4 }), { nil: undefined }),
    );
    fc.assert(
      fc.property(input, ([edges, wide, djup]) => {
        const all: [number, number][] = [[0, 1], [0, 2], [0, 3], ...edges];
        // A wide node: 150 leaves below it, every fifth of them also below E4, E5 or E6.
        let size = 13;
        for (const w of wide) for (let k = 0; k < 150; k++, size++) {
          all.push([w, size]);
          if (k % 5 === 0) all.push([4 + (k % 3), size]);
        }
        const es = graph(size, all, kinds);
        const plan = { entities: es, docs: [] } as unknown as Plan;
        const got = TRACE_FORMATTERS.mermaid({ plan, year: 2026, root: es[0]!, ...(djup !== undefined ? { djup } : {}) }, { lang: "en", color: false });
        expect(got).toBe(drawingsNaive(plan, [es[1]!, es[2]!, es[3]!], djup));
      }),
      { numRuns: 150 },
    );
  });

  it("draws 1,000 målområden that share one verksamhetsmål with 25,000 aktiviteter at once", () => {
    // As the shape "sharedmm": the vision, m målområden each over a resultatmål of its own, all served by one verksamhetsmål with n aktiviteter.
    const m = 1_000;
    const n = 25_000;
    const vm = 1 + 2 * m;
    const edges: [number, number][] = [];
    const kinds = new Map<number, string>([[0, "vision"]]);
    for (let i = 0; i < m; i++) {
      kinds.set(1 + i, "målområde");
      kinds.set(1 + m + i, "resultatmål");
      edges.push([0, 1 + i], [1 + i, 1 + m + i], [1 + m + i, vm]);
    }
    for (let j = 0; j < n; j++) {
      kinds.set(vm + 1 + j, "aktivitet");
      edges.push([vm, vm + 1 + j]);
    }
    const es = graph(vm + 1 + n, edges, kinds);
    const plan = { entities: es, docs: [] } as unknown as Plan;
    const { s, value } = timed(() => TRACE_FORMATTERS.mermaid({ plan, year: 2026, root: es[0]! }, { lang: "en", color: false }));
    // Before, this took 40 s: the whole shared tree built and walked once per målområde.
    expect(s).toBeLessThan(10);
    expect(value.split("\n%% E").length).toBe(m);
    expect(value.split(`%% ${n + 3 - 120} of ${n + 3} entities left out`).length - 1).toBe(m);
    expect(value).toContain(`E${vm}: e ${vm} (+${n + 3 - 120} below)`);
  });
});
