// Size tests for paths that did work per pair of things (rows × rows, nämndplaner × ramar,
// files × globs, organs × passes, åtaganden × nämnder × nämnder, gaps × entities): each is
// called in-process on a plan of hostile size and must answer in a blink.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkContent } from "../src/check/content.js";
import { classAt, classEnds, compileGlob, expandBraces, GlobError, matchAny } from "../src/load/glob.js";
import { selectPlanFiles } from "../src/load/list-files.js";
import { gapList } from "../src/check/trace-lists.js";
import type { SourceDoc } from "../src/load/source.js";
import { buildEntities, type Data, type TypedDoc } from "../src/model/build.js";
import { planNextYear, type NextYear } from "../src/model/next-year.js";
import { buildPlan, typeDocuments, type Plan } from "../src/model/plan.js";
import { periodScope } from "../src/status/scope.js";
import { timed } from "./helpers/hostile-size.js";

/** A document held as plain data: where a finding stands is line 1, column 1. */
const docOf = (file: string, value: Data): SourceDoc => ({
  file,
  index: 0,
  value,
  positions: () => ({ locate: () => ({ line: 1, column: 1 }), writtenDecimals: () => 0 }),
});

describe("the model on plans of hostile size", () => {
  it("builds the references of a follow-up with 100,000 rows at once (each row's reference pushed, not the list so far copied)", () => {
    const m = 100_000;
    const data: Data = {
      typ: "uppföljning",
      id: "UF2026-08",
      period: "2026-08",
      rapport: "delår",
      nyckeltal: Array.from({ length: m }, (_, i) => ({ avser: `A${i}`, utfall: 15 })),
    };
    const typed: TypedDoc[] = [{ doc: docOf("uppfoljning/2026-08.yaml", data), kind: "uppföljning", data, year: 2026 }];
    const { s, value: entities } = timed(() => buildEntities(typed, () => ({ kind: "global" })));
    // Before, this took 43 s (one copy of the list so far per row).
    expect(s).toBeLessThan(10);
    expect(entities).toHaveLength(1);
    const refs = entities[0]!.refs;
    expect(refs).toHaveLength(m);
    expect(refs[0]!.id).toBe("A0");
    expect(refs[m - 1]!.id).toBe(`A${m - 1}`);
    expect(refs[m - 1]!.key).toBe("avser");
  });

  it("holds 30,000 nämndplaner's internbudget to the budget's 30,000 ramar at once (the ramar by organ made once per budget)", () => {
    const n = 30_000;
    const beslut = { organ: "KF", datum: "2025-11-17" };
    const budget: Data = { typ: "budget", id: "B2026", år: 2026, beslut, beloppsenhet: "tkr", ramar: Array.from({ length: n }, (_, i) => ({ organ: `N${i}`, belopp: 100 + i })) };
    const docs: TypedDoc[] = [{ doc: docOf("budget/2026.yaml", budget), kind: "budget", data: budget, year: 2026 }];
    for (let i = 0; i < n; i++) {
      // Every third nämndplan's internbudget is one short of its ram.
      const data: Data = { typ: "nämndplan", id: `NP${i}`, nämnd: `N${i}`, år: 2026, beslut, internbudget: [{ post: "Drift", belopp: 100 + i - (i % 3 === 0 ? 1 : 0) }] };
      docs.push({ doc: docOf(`namnder/N${i}/2026.yaml`, data), kind: "nämndplan", data, year: 2026 });
    }
    const plan = { docs, index: { ofKind: () => [] } } as unknown as Plan;
    const { s, value: found } = timed(() => checkContent(plan));
    // Before, this took 25 s (every ram looked through for each nämndplan).
    expect(s).toBeLessThan(10);
    expect(found.filter((d) => d.code === "internbudget-mismatch")).toHaveLength(Math.ceil(n / 3));
    expect(found).toHaveLength(Math.ceil(n / 3));
    expect(found[1]!.args).toMatchObject({ nämnd: "N3", sum: 102, ram: 103 });
  });
});

describe("status --nämnd on plans of hostile size", () => {
  type Organ = { id: string; under?: string | number };
  /** A plan of just organs, as periodScope reads it. */
  const planOf = (organs: readonly Organ[]): Plan => {
    const entities = organs.map((o) => ({ id: o.id, kind: "organ", data: { id: o.id, ...(o.under !== undefined ? { under: o.under } : {}) } }));
    return { docs: [], index: { ofKind: (k: string) => (k === "organ" ? entities : []) } } as unknown as Plan;
  };
  /** The organs below `root` the way it was first written: passes over every organ until none is added. The oracle. */
  const naiveTree = (organs: readonly Organ[], root: string): Set<string> => {
    const out = new Set([root]);
    let grew = true;
    while (grew) {
      grew = false;
      for (const o of organs) {
        if (out.has(o.id)) continue;
        if (typeof o.under === "string" && out.has(o.under)) {
          out.add(o.id);
          grew = true;
        }
      }
    }
    return out;
  };

  it("cuts to the same organs as passes to a fixed point would, on organisations of any shape", () => {
    const id = fc.constantFrom("KS", "BUN", "F1", "F2", "E1", "E2", "E3", "X");
    const organ = fc.record({ id, under: fc.option(fc.oneof(id, fc.constant(7)), { nil: undefined }) }, { requiredKeys: ["id"] });
    fc.assert(
      fc.property(fc.array(organ, { maxLength: 12 }), id, (organs, root) => {
        const got = periodScope(planOf(organs), { period: "2026-08", nämnd: root }).organs!;
        expect([...got].sort()).toEqual([...naiveTree(organs, root)].sort());
      }),
      { numRuns: 500 },
    );
  });

  it("finds the 20,000 enheter of a chain listed bottom-up at once (a walk down, not a pass over every organ per level)", () => {
    const n = 20_000;
    const organs: Organ[] = [{ id: "N1" }];
    for (let i = n - 1; i >= 0; i--) organs.push({ id: `E${i}`, under: i === 0 ? "N1" : `E${i - 1}` });
    organs.push({ id: "N2" }, { id: "F2", under: "N2" });
    const plan = planOf(organs);
    const { s, value } = timed(() => periodScope(plan, { period: "2026-08", nämnd: "N1" }));
    // Before, this took 18 s (one pass over the 20,000 organs per level of the chain).
    expect(s).toBeLessThan(10);
    expect(value.organs!.size).toBe(n + 1);
    expect(value.organs!.has(`E${n - 1}`)).toBe(true);
    expect(value.organs!.has("F2")).toBe(false);
  });
});

describe("trace --gaps on plans of hostile size", () => {
  it("names each of 80,000 nämnder without an åtagande at once (the organ looked up by its ID, not found among every entity)", () => {
    const n = 80_000;
    const beslut = { organ: "KF", datum: "2023-06-19" };
    const kommun: Data = {
      typ: "kommun",
      namn: "Testby kommun",
      vision: { id: "V", namn: "Vision", text: "Bra", målår: 2035, beslut },
      organisation: [{ id: "KF", namn: "Fullmäktige", typ: "fullmäktige" }, ...Array.from({ length: n }, (_, i) => ({ id: `N${i}`, namn: `Nämnd ${i}`, typ: "nämnd" }))],
    };
    const kommunplan: Data = { typ: "kommunplan", id: "KP", namn: "Kommunplan", period: { från: 2023, till: 2030 }, vision: "V", beslut, målområden: [{ id: "O1", namn: "Område" }] };
    // A resultatmål named like a nämnd, before plan.yaml in entity order: the gap names the organ.
    const budget: Data = {
      typ: "budget",
      id: "B2026",
      namn: "Budget",
      år: 2026,
      beslut,
      resultatmål: [{ id: "N5", målområde: "O1", text: "Resultatmål" }],
      åtaganden: [{ id: "A1", resultatmål: "N5", nämnder: "N0", text: "Åtagande" }],
    };
    const plan = buildPlan(typeDocuments([docOf("budget/2026.yaml", budget), docOf("kommunplan/kp.yaml", kommunplan), docOf("plan.yaml", kommun)]));
    const { s, value: list } = timed(() => gapList(plan, 2026));
    // Before, this took 19 s (every entity looked through for each nämnd).
    expect(s).toBeLessThan(10);
    expect(list).toHaveLength(n - 1);
    expect(list[0]).toMatchObject({ kind: "nämnd-utan-åtagande", id: "N1", typ: "nämnd", namn: "Nämnd 1", file: "budget/2026.yaml" });
    expect(list[4]).toMatchObject({ id: "N5", namn: "Nämnd 5" });
    expect(list[n - 2]).toMatchObject({ id: `N${n - 1}`, namn: `Nämnd ${n - 1}` });
  });
});

describe("nytt-år on plans of hostile size", () => {
  /** A plan of a budget for 2026 and the nämnder, as planNextYear reads it. */
  const planOf = (namnder: string[], åtaganden: Data[]): Plan => {
    const budget: Data = { typ: "budget", id: "B2026", år: 2026, planperiod: { från: 2026, till: 2028 }, åtaganden };
    return { docs: [{ doc: docOf("budget/2026.yaml", budget), kind: "budget", data: budget, year: 2026 }], namnder } as unknown as Plan;
  };
  /** Where each åtagande goes, or why not: from the result. */
  const placed = (r: NextYear): Map<string, string> => {
    const out = new Map<string, string>();
    for (const u of r.underlag) for (const a of u.åtaganden) out.set(a.id, `${a.nämnd} [${a.shared.join(" ")}]`);
    for (const n of r.notCarried) out.set(n.id, `${n.reason}: ${n.where}`);
    return out;
  };
  /** The same the way it was first written: a search of every nämnd per name. The oracle. */
  const naive = (namnder: string[], åtaganden: Data[], hasUnderlag: ReadonlySet<string>): Map<string, string> => {
    const out = new Map<string, string>();
    for (const å of åtaganden) {
      const listed = typeof å.nämnder === "string" ? [å.nämnder] : (å.nämnder as string[]);
      const candidates = listed.includes("alla") ? (namnder.includes("KS") ? ["KS", ...namnder.filter((n) => n !== "KS")] : [...namnder]) : listed.filter((n) => namnder.includes(n));
      const home = candidates.find((n) => !hasUnderlag.has(n));
      out.set(String(å.id), home === undefined ? `underlag-exists: ${candidates.join(", ")}` : `${home} [${listed.length > 1 || listed.includes("alla") ? listed.join(" ") : ""}]`);
    }
    return out;
  };

  it("carries each åtagande where a search of every nämnd would, on budgets of any shape", () => {
    const nämnd = fc.constantFrom("KS", "BUN", "SOF", "TEK", "X");
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.constantFrom("KS", "BUN", "SOF", "TEK", "MBN"), { maxLength: 5 }),
        fc.array(fc.oneof(nämnd, fc.constant("alla"), fc.array(fc.oneof(nämnd, fc.constant("alla")), { maxLength: 4 })), { maxLength: 8 }),
        fc.uniqueArray(nämnd, { maxLength: 4 }),
        (namnder, lists, blocked) => {
          const åtaganden = lists.map((n, i) => ({ id: `A${i}`, resultatmål: "R1", nämnder: n, text: "Åtagande" }));
          const r = planNextYear(planOf(namnder, åtaganden), 2027, new Set(blocked))!;
          expect(placed(r)).toEqual(naive(namnder, åtaganden, new Set(blocked)));
        },
      ),
      { numRuns: 500 },
    );
  });

  it("carries 500 åtaganden each naming 5,000 nämnder at once (the nämnder a set, not searched per name)", () => {
    const n = 5_000;
    const m = 500;
    const namnder = Array.from({ length: n }, (_, i) => `N${i}`);
    // Named backwards, with a name not in plan.yaml: each åtagande goes to the last nämnd, shared by all.
    const åtaganden = Array.from({ length: m }, (_, i) => ({ id: `A${i}`, resultatmål: "R1", nämnder: ["X", ...[...namnder].reverse()], text: "Åtagande" }));
    const plan = planOf(namnder, åtaganden);
    const { s, value } = timed(() => planNextYear(plan, 2027)!);
    // Before, this took 16 s (500 × 5,000 names, each searched for among the 5,000 nämnder).
    expect(s).toBeLessThan(10);
    expect(value.underlag[n - 1]!.åtaganden).toHaveLength(m);
    expect(value.underlag[n - 1]!.åtaganden[0]!.shared).toHaveLength(n + 1);
    expect(value.underlag[0]!.åtaganden).toHaveLength(0);
  });

  it("carries 20,000 åtaganden for alla among 20,000 nämnder at once (where alla goes found once, not per åtagande)", () => {
    const n = 20_000;
    const namnder = Array.from({ length: n }, (_, i) => `N${i}`);
    const åtaganden = Array.from({ length: n }, (_, i) => ({ id: `A${i}`, resultatmål: "R1", nämnder: "alla", text: "Åtagande" }));
    // Every nämnd but the last has its underlag: every åtagande goes to the last.
    const plan = planOf(namnder, åtaganden);
    const blocked = new Set(namnder.slice(0, n - 1));
    const { s, value } = timed(() => planNextYear(plan, 2027, blocked)!);
    // Before, this took 20 s (the list of every nämnd made and searched per åtagande).
    expect(s).toBeLessThan(10);
    expect(value.underlag[n - 1]!.åtaganden).toHaveLength(n);
    expect(value.underlag[n - 1]!.exists).toBe(false);
    expect(value.underlag[n - 2]!.exists).toBe(true);
    expect(value.notCarried).toHaveLength(0);
  });
});

describe("ignorera with many globs", () => {
  const token = fc.constantFrom("a", "b", "/", ".", "ä", "😀", "*", "**", "**/", "?", "[ab]", "[!a]", "[ä-😀]", "{a,b}", "{a/,}", "{,b*}", "\\*", "[", "x.yaml", "a".repeat(20), "ab".repeat(10));
  const globArb = fc.array(token, { minLength: 0, maxLength: 6 }).map((t) => t.join(""));
  const pathArb = fc.array(fc.constantFrom("a", "b", "/", ".", "ä", "😀", "*", "[", "x.yaml", "a".repeat(20), "ab".repeat(10)), { maxLength: 8 }).map((t) => t.join(""));

  it("every path a glob matches holds the literal run of one of its alternatives", () => {
    fc.assert(
      fc.property(globArb, pathArb, (glob, p) => {
        const g = compileGlob(glob);
        if (g.matches(p)) expect(g.literals.some((l) => p.includes(l))).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it("matches a path where asking every glob would, on globs and paths of any shape", () => {
    fc.assert(
      fc.property(fc.array(globArb, { maxLength: 8 }), fc.array(pathArb, { maxLength: 8 }), (globs, paths) => {
        const matched = matchAny(globs.map(compileGlob));
        // The oracle: each glob compiled anew for each path, and asked in turn.
        for (const p of paths) expect(matched(p)).toBe(globs.some((g) => compileGlob(g).matches(p)));
      }),
      { numRuns: 1000 },
    );
  });

  it("lists 3,000 files against 2,000 globs at once (each path asks only the globs whose literal run it holds)", () => {
    const globs = Array.from({ length: 2_000 }, (_, i) => compileGlob(`**/utkast-${i}-*.yaml`));
    const entries = Array.from({ length: 3_000 }, (_, i) => ({
      path: Buffer.from(i % 3 === 0 ? `verksamhetsplaner/F1/utkast-${i}-plan.yaml` : `verksamhetsplaner/F1/enhet-${i}-plan.yaml`),
      kind: "file" as const,
    }));
    const { s, value } = timed(() => selectPlanFiles(entries, globs));
    // Before, this took 39 s (every glob's automaton walked over every path).
    expect(s).toBeLessThan(10);
    // utkast-0 … utkast-1998 are ignored (667 of them), utkast-2001 … are not.
    expect(value.ignored).toBe(667);
    expect(value.files).toHaveLength(3_000 - 667);
    expect(value.files).toContain("verksamhetsplaner/F1/utkast-2001-plan.yaml");
  });
});

describe("hostile single globs compile at once", () => {
  // The parsing as it was first written, a scan from each `{` and each `[`: the oracles.
  const naiveCloseOf = (s: string, open: number): { close: number; commas: number[] } | undefined => {
    let depth = 0;
    const commas: number[] = [];
    for (let i = open; i < s.length; i++) {
      const c = s[i];
      if (c === "\\") i++;
      else if (c === "{") depth++;
      else if (c === "}") {
        depth--;
        if (depth === 0) return commas.length > 0 ? { close: i, commas } : undefined;
      } else if (c === "," && depth === 1) commas.push(i);
    }
    return undefined;
  };
  const naiveExpand = (glob: string): string[] => {
    const out: string[] = [];
    const expand = (s: string, from: number): void => {
      for (let i = from; i < s.length; i++) {
        if (s[i] === "\\") {
          i++;
          continue;
        }
        if (s[i] !== "{") continue;
        const group = naiveCloseOf(s, i);
        if (!group) continue;
        const bounds = [i, ...group.commas, group.close];
        for (let k = 0; k + 1 < bounds.length; k++) expand(s.slice(0, i) + s.slice(bounds[k]! + 1, bounds[k + 1]) + s.slice(group.close + 1), i);
        return;
      }
      out.push(s);
      if (out.length > 64) throw new GlobError("more than 64 alternatives");
    };
    expand(glob, 0);
    return out;
  };
  const naiveClassAt = (chars: readonly string[], open: number): { test: (c: string) => boolean; end: number } | undefined => {
    let i = open + 1;
    const negated = chars[i] === "!" || chars[i] === "^";
    if (negated) i++;
    const singles = new Set<string>();
    const ranges: [number, number][] = [];
    const start = i;
    for (; i < chars.length; i++) {
      let c = chars[i]!;
      if (c === "]" && i > start) break;
      if (c === "\\" && i + 1 < chars.length) c = chars[++i]!;
      if (chars[i + 1] === "-" && chars[i + 2] !== undefined && chars[i + 2] !== "]") {
        let hi = chars[i + 2]!;
        i += 2;
        if (hi === "\\" && i + 1 < chars.length) hi = chars[++i]!;
        ranges.push([c.codePointAt(0)!, hi.codePointAt(0)!]);
      } else {
        singles.add(c);
      }
    }
    if (i >= chars.length) return undefined;
    const inSet = (c: string): boolean => singles.has(c) || ranges.some(([lo, hi]) => c.codePointAt(0)! >= lo && c.codePointAt(0)! <= hi);
    return { test: (c) => c !== "/" && inSet(c) !== negated, end: i };
  };
  const outcome = (f: () => string[]): string[] | string => {
    try {
      return f();
    } catch (e) {
      return (e as Error).message;
    }
  };

  it("expands braces as a scan from each brace would, on globs of any shape", () => {
    const text = fc.array(fc.constantFrom("{", "}", ",", "\\", "a", "b", "{a,b}", "[", "]"), { maxLength: 24 }).map((t) => t.join(""));
    fc.assert(
      fc.property(text, (glob) => {
        expect(outcome(() => expandBraces(glob))).toEqual(outcome(() => naiveExpand(glob)));
      }),
      { numRuns: 1500 },
    );
  });

  it("reads each class as a scan from its [ would, on globs of any shape", () => {
    const chars = fc.array(fc.constantFrom("[", "]", "!", "^", "-", "\\", "a", "b", "ä", "😀", "/"), { maxLength: 16 });
    const probes = ["a", "b", "c", "ä", "😀", "/", "-", "]", "[", "!", "\\"];
    fc.assert(
      fc.property(chars, (cs) => {
        const ends = classEnds(cs);
        for (let open = 0; open < cs.length; open++) {
          if (cs[open] !== "[") continue;
          const got = classAt(cs, open, ends);
          const want = naiveClassAt(cs, open);
          expect(got?.end).toBe(want?.end);
          if (got && want) for (const c of probes) expect(got.test(c)).toBe(want.test(c));
        }
      }),
      { numRuns: 3000 },
    );
  });

  it("reads 1,000 globs of 1,000 brackets and 50 of 1,000 braces at once (each bracket and brace matched in one pass, not by a scan from each)", () => {
    // Every tenth closes its first class at the end; the others are literal throughout.
    const brackets = Array.from({ length: 1_000 }, (_, i) => Array.from("[".repeat(990) + (i % 10 === 0 ? "]" : "\\]") + `x${i}`));
    const braces = Array.from({ length: 50 }, (_, i) => "{a,b}".repeat(6) + "{".repeat(960) + `x${i}`);
    const { s, value } = timed(() => {
      let classes = 0;
      for (const cs of brackets) {
        const ends = classEnds(cs);
        // As compileGlob reads them: a class, then on after its `]`.
        for (let i = 0; i < cs.length; i++) {
          const cls = cs[i] === "[" ? classAt(cs, i, ends) : undefined;
          if (cls) {
            classes++;
            i = cls.end;
          }
        }
      }
      return { classes, alternatives: braces.map(expandBraces) };
    });
    // Before, this took 7 to 21 s on this machine under load (a scan to the end from each `[`, and from
    // each `{` once per alternative); the scans are bounded by the longest glob (1,000 characters).
    expect(s).toBeLessThan(10);
    expect(value.classes).toBe(100);
    expect(value.alternatives[49]).toHaveLength(64);
    expect(value.alternatives[49]![63]).toBe(`${"b".repeat(6)}${"{".repeat(960)}x49`);
  });
});
