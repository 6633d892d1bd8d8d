// plan diff pairs the entities of a document the two revisions share (the file did not change)
// without looking them up by key. That is a shortcut, never another answer: for every kind of
// change, the diff is the one found by matching every entity by kind, scope and ID.
import { readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkPlan, type CheckResult } from "../src/check/index.js";
import { comparePlans, pairShared, type PlanDiff } from "../src/diff/compare.js";
import { ownFields, sameOwnData } from "../src/diff/fields.js";
import { DIFF_FORMATTERS } from "../src/format/diff.js";
import type { Entity } from "../src/model/types.js";
import { loadFrom, memorySource, RunParses } from "../src/load/load-plan.js";
import { ROOT } from "./helpers/exec.js";
import { filesBelow } from "./helpers/plan-dir.js";

const EXAMPLE = path.join(ROOT, "examples/katrineholm");
const original = new Map(filesBelow(EXAMPLE).filter((f) => f.endsWith(".yaml")).map((f) => [f, readFileSync(path.join(EXAMPLE, f), "utf8")] as const));

type Files = Map<string, string>;

/** Parsed files by path and content, shared by every case: files two revisions share are parsed once (as plan diff does). */
const cache = new RunParses();

function load(files: Files): CheckResult {
  const loaded = loadFrom(memorySource(new Map([...files].map(([f, t]) => [f, Buffer.from(t, "utf8")]))), EXAMPLE, { cache, parallel: false });
  return checkPlan(loaded.docs, loaded.diagnostics);
}

/** The example as it is, checked once: the base (or head) of every case. */
let checkedOriginal: CheckResult | undefined;

/** Both revisions checked. */
function checked(base: Files, head: Files): [CheckResult, CheckResult] {
  const one = (files: Files): CheckResult => (files === original ? (checkedOriginal ??= load(original)) : load(files));
  return [one(base), one(head)];
}

/** Everything a reader sees of a diff, and which entity of which revision each line stands for. */
function shown(diff: PlanDiff, base: CheckResult, head: CheckResult): unknown {
  const view = { base: "a", head: "b", diff, lang: "sv" as const };
  const side = (e: { order: number; id: string }, plan: CheckResult): string => (e.order < 0 ? `kommun` : plan.plan.entities[e.order] === e ? `${e.order}` : `not in plan: ${e.id}`);
  return {
    formats: Object.fromEntries(Object.entries(DIFF_FORMATTERS).map(([name, f]) => [name, f(view, { color: false })])),
    added: diff.added.map((d) => side(d.entity, head)),
    removed: diff.removed.map((d) => side(d.entity, base)),
    changed: diff.changed.map((d) => [side(d.entity, head), side(d.base, base)]),
    renames: diff.renames.map((r) => [side(r.from.entity, base), side(r.to.entity, head)]),
  };
}

/** The diff both ways; whether the shortcut was taken. */
function compareBothWays(base: Files, head: Files): boolean {
  const [a, b] = checked(base, head);
  const paired = pairShared(a.plan, b.plan) !== undefined;
  expect(shown(comparePlans(a, b), a, b)).toEqual(shown(comparePlans(a, b, { byKey: true }), a, b));
  return paired;
}

const edit = (files: Files, file: string, f: (text: string) => string): Files => {
  const text = files.get(file);
  if (text === undefined) throw new Error(`no ${file}`);
  const next = f(text);
  if (next === text) throw new Error(`the edit of ${file} changed nothing`);
  return new Map(files).set(file, next);
};

const VP = "verksamhetsplaner/SBF/2012.yaml";
const BUDGET = "budget/2012.yaml";
const KP = "kommunplan/2011-2014.yaml";
/** The ID of the first item of a list in the file (an aktivitet, a resultatmål). */
const firstId = (file: string): string => /- id: (\S+)/u.exec(original.get(file)!)![1]!;

describe("plan diff: documents the revisions share", () => {
  const cases: [string, () => Files, boolean][] = [
    ["nothing changed", () => new Map(original), true],
    ["a name changed", () => edit(original, VP, (t) => t.replace(/namn: .*/u, "namn: Ett nytt namn")), true],
    ["an ID renamed", () => edit(original, VP, (t) => t.replace(`id: ${firstId(VP)}`, "id: NYTT-ID-1")), true],
    ["an entity removed (its ID no longer there)", () => edit(original, BUDGET, (t) => t.replace(`id: ${firstId(BUDGET)}`, "idx: bort")), true],
    ["a file removed", () => new Map([...original].filter(([f]) => f !== VP)), true],
    ["a file added, a copy under another name: every ID twice", () => new Map(original).set("verksamhetsplaner/SBF/kopia.yaml", original.get(VP)!), false],
    ["a budget's own ID changed: the document and all it holds", () => edit(original, BUDGET, (t) => t.replace("id: OPB2012", "id: OPB2012-B")), true],
    ["a file renamed: the same bytes under another name", () => new Map([...original].map(([f, t]) => [f === VP ? "verksamhetsplaner/SBF/2012-b.yaml" : f, t])), true],
    ["the kommunplan's ID changed: every målområde's scope with it", () => edit(original, KP, (t) => t.replace(`id: ${firstId(KP)}`, "id: KP-NY")), true],
    ["plan.yaml changed", () => edit(original, "plan.yaml", (t) => `${t}\n# en kommentar\nx-egen: 1\n`), true],
    ["an ID defined twice in one scope: matched by key", () => edit(original, VP, (t) => t.replace(`id: ${firstId(VP)}`, `id: ${firstId(BUDGET)}`)), false],
  ];
  for (const [name, make, pairs] of cases) {
    it(`${name}: the same diff either way`, () => {
      expect(compareBothWays(original, make())).toBe(pairs);
      // And the other way round: head as base.
      expect(compareBothWays(make(), original)).toBe(pairs);
    });
  }

  it("random edits of random files: IDs changed to new ones or to IDs the plan has, names changed, lines and files dropped", () => {
    const files = [...original.keys()].sort();
    const ids = [...new Set([...original.values()].flatMap((t) => [...t.matchAll(/\bid: (\S+)/gu)].map((m) => m[1]!)))].sort();
    const editArb = fc.record({
      file: fc.constantFrom(...files),
      what: fc.constantFrom("new-id", "known-id", "name", "drop-line", "drop-file"),
      at: fc.nat(),
      id: fc.constantFrom(...ids),
    });
    let paired = 0;
    let runs = 0;
    fc.assert(
      fc.property(fc.array(editArb, { minLength: 1, maxLength: 4 }), (edits) => {
        let head: Files = new Map(original);
        for (const { file, what, at, id } of edits) {
          const text = head.get(file);
          if (text === undefined) continue;
          if (what === "drop-file") {
            head = new Map([...head].filter(([f]) => f !== file));
            continue;
          }
          const lines = text.split("\n");
          const pick = (re: RegExp): number | undefined => {
            const found = lines.map((l, i) => (re.test(l) ? i : -1)).filter((i) => i >= 0);
            return found.length > 0 ? found[at % found.length] : undefined;
          };
          const i = what === "name" ? pick(/^\s*(- )?namn: /u) : what === "drop-line" ? pick(/\S/u) : pick(/^\s*(- )?id: /u);
          if (i === undefined) continue;
          if (what === "drop-line") lines.splice(i, 1);
          else if (what === "name") lines[i] = lines[i]!.replace(/namn: .*/u, `namn: Ändrat ${at}`);
          else lines[i] = lines[i]!.replace(/id: .*/u, `id: ${what === "new-id" ? `NY-${at}` : id}`);
          head = new Map(head).set(file, lines.join("\n"));
        }
        runs++;
        if (compareBothWays(original, head)) paired++;
      }),
      { numRuns: 25, seed: 20261130 },
    );
    // The shortcut is what most of these took: else this test would hold nothing up.
    expect(paired).toBeGreaterThan(runs / 2);
  });
});

describe("an entity's own fields read without flattening them", () => {
  // Values as plan documents hold them: text, numbers, ID lists written as one ID or as a list,
  // nested mappings, lists of entities (items with an `id`) and lists of plain items.
  const scalar = fc.oneof(fc.constantFrom("A1", "A2", "x", "", "1"), fc.integer({ min: -2, max: 2 }), fc.constantFrom(true, null, 0.5, Number.NaN));
  const item = fc.dictionary(fc.constantFrom("id", "namn", "avser", "värde"), scalar, { maxKeys: 3 });
  const value = fc.oneof(scalar, fc.array(scalar, { maxLength: 3 }), fc.array(item, { maxLength: 3 }), fc.dictionary(fc.constantFrom("a", "b"), scalar, { maxKeys: 2 }));
  const data = fc.dictionary(fc.constantFrom("id", "namn", "resultatmål", "nämnder", "aktiviteter", "nyckeltal", "vision", "organisation", "mål"), value, { maxKeys: 6 });
  const entity = (kind: Entity["kind"], d: Record<string, unknown>): Entity => ({ kind, data: d }) as unknown as Entity;

  it("calls two entities equal only when their own fields are equal, and equal copies equal", () => {
    fc.assert(
      fc.property(fc.constantFrom<Entity["kind"]>("åtagande", "kommun", "budget"), data, data, fc.boolean(), (kind, a, b, copy) => {
        const head = copy ? (structuredClone(a) as Record<string, unknown>) : b;
        const [x, y] = [entity(kind, a), entity(kind, head)];
        if (sameOwnData(x, y)) expect([...ownFields(y)]).toEqual([...ownFields(x)]);
        if (copy && !JSON.stringify(a).includes("null") && !Object.values(a).some((v) => Number.isNaN(v))) expect(sameOwnData(x, y)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it("does not compare the entities a document holds, which are compared one by one", () => {
    const items = (n: string): Record<string, unknown>[] => [{ id: "A1", namn: n }];
    expect(sameOwnData(entity("budget", { id: "B", år: 2025, åtaganden: items("x") }), entity("budget", { id: "B", år: 2025, åtaganden: items("y") }))).toBe(true);
    expect(sameOwnData(entity("budget", { id: "B", år: 2025, åtaganden: items("x") }), entity("budget", { id: "B", år: 2026, åtaganden: items("x") }))).toBe(false);
    // A list whose items lose their IDs is a field in one revision: compared.
    expect(sameOwnData(entity("budget", { id: "B", åtaganden: items("x") }), entity("budget", { id: "B", åtaganden: [{ namn: "x" }] }))).toBe(false);
  });
});
