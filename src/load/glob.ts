// The globs of `ignorera:`, matched in time linear in the path for each glob: the glob becomes
// a small automaton whose set of live states is stepped one character at a time, so no
// pattern (`**/**/**/…`, `*a*a*a*b`) can make matching backtrack. No regular expression is
// ever built from the user's text.
//
// Syntax: `*` (any run of characters but `/`), `?` (one character but `/`), `**` (any run,
// crossing folders; `**/` also matches no folder at all), `[abc]`, `[a-z]`, `[!x]` or `[^x]`
// (one character but `/`), `{a,b}` (alternatives, nested allowed), `\x` (x itself). A leading
// `./` and a trailing `/` are dropped. A glob that names a folder matches everything inside it.

/** More alternatives than any plan needs; `{a,b}{a,b}…` would otherwise grow exponentially. */
export const MAX_GLOB_ALTERNATIVES = 64;
/** Longer than any path pattern a plan needs. */
export const MAX_GLOB_LENGTH = 1000;

export class GlobError extends Error {
  override name = "GlobError";
}

type Test = (c: string) => boolean;
interface State {
  eps: number[];
  edges: { test: Test; to: number }[];
  accept: boolean;
}

const notSlash: Test = (c) => c !== "/";
const anyChar: Test = () => true;

/**
 * Each `{` of `s` that opens a group, by index: the `}` that closes it and its top-level commas.
 * A brace without a comma or without its `}` is literal and not listed. One pass with a stack of
 * the open braces: a scan from each `{` to its `}` was a pass per brace, and `{{{…` a thousand
 * long, once per alternative, took a seventh of a second for one glob.
 */
function groupsOf(s: string): Map<number, { close: number; commas: number[] }> {
  const out = new Map<number, { close: number; commas: number[] }>();
  // The braces still open, and the commas of those that have one (a thousand `{` have none).
  const open: number[] = [];
  const commas = new Map<number, number[]>();
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === "\\") i++;
    else if (c === "{") open.push(i);
    else if (c === "}") {
      const at = open.pop();
      const found = at === undefined ? undefined : commas.get(at);
      if (found) out.set(at!, { close: i, commas: found });
    } else if (c === "," && open.length > 0) {
      const at = open[open.length - 1]!;
      const found = commas.get(at);
      if (found) found.push(i);
      else commas.set(at, [i]);
    }
  }
  return out;
}

/** `{a,b}` expanded, outermost first; a brace without a comma or without its `}` is literal. Exported for the tests. */
export function expandBraces(glob: string): string[] {
  const out: string[] = [];
  const expand = (s: string, from: number): void => {
    // The text before `from` is that of the glob the alternative came from: escapes read from
    // the start agree with those read from `from`.
    const groups = groupsOf(s);
    for (let i = from; i < s.length; i++) {
      if (s[i] === "\\") {
        i++;
        continue;
      }
      if (s[i] !== "{") continue;
      const group = groups.get(i);
      if (!group) continue;
      const bounds = [i, ...group.commas, group.close];
      for (let k = 0; k + 1 < bounds.length; k++) {
        const alt = s.slice(bounds[k]! + 1, bounds[k + 1]);
        // Go on from where the alternative starts: it may hold braces of its own.
        expand(s.slice(0, i) + alt + s.slice(group.close + 1), i);
      }
      return;
    }
    out.push(s);
    if (out.length > MAX_GLOB_ALTERNATIVES) throw new GlobError(`more than ${MAX_GLOB_ALTERNATIVES} alternatives`);
  };
  expand(glob, 0);
  return out;
}

/** The member of a class that starts at `i` (a character, `\\x`, or a range `a-z`), and where the next one starts. */
function memberAt(chars: readonly string[], i: number): { lo: string; hi: string | undefined; next: number } {
  let lo = chars[i]!;
  if (lo === "\\" && i + 1 < chars.length) lo = chars[++i]!;
  if (chars[i + 1] === "-" && chars[i + 2] !== undefined && chars[i + 2] !== "]") {
    let hi = chars[i + 2]!;
    i += 2;
    if (hi === "\\" && i + 1 < chars.length) hi = chars[++i]!;
    return { lo, hi, next: i + 1 };
  }
  return { lo, hi: undefined, next: i + 1 };
}

/**
 * For each position of an alternative, the `]` that ends a class whose members go on from there,
 * or -1 (no `]` ends it: then its `[` is literal). One pass from the right: a scan from each `[`
 * to the end was a pass per `[`, and `[[[…` a thousand long took a hundredth of a second a glob.
 */
export function classEnds(chars: readonly string[]): Int32Array {
  const ends = new Int32Array(chars.length + 1).fill(-1);
  for (let k = chars.length - 1; k >= 0; k--) ends[k] = chars[k] === "]" ? k : ends[memberAt(chars, k).next]!;
  return ends;
}

/**
 * `[…]` starting at `open` (code points), or undefined when it is not closed (then `[` is
 * literal). `ends` is classEnds(chars). Exported for the tests.
 */
export function classAt(chars: readonly string[], open: number, ends: Int32Array): { test: Test; end: number } | undefined {
  let i = open + 1;
  const negated = chars[i] === "!" || chars[i] === "^";
  if (negated) i++;
  if (i >= chars.length) return undefined;
  // A `]` first is a member, not the end.
  const end = chars[i] === "]" ? ends[memberAt(chars, i).next]! : ends[i]!;
  if (end < 0) return undefined;
  const singles = new Set<string>();
  const ranges: [number, number][] = [];
  while (i < end) {
    const m = memberAt(chars, i);
    if (m.hi !== undefined) ranges.push([m.lo.codePointAt(0)!, m.hi.codePointAt(0)!]);
    else singles.add(m.lo);
    i = m.next;
  }
  const inSet = (c: string): boolean => singles.has(c) || ranges.some(([lo, hi]) => c.codePointAt(0)! >= lo && c.codePointAt(0)! <= hi);
  return { test: (c) => c !== "/" && inSet(c) !== negated, end };
}

/**
 * Add one alternative to the automaton, from state `start`; its last state accepts. Returns its
 * longest run of literal characters: every path it matches (or whose folder it matches) holds it.
 */
function addAlternative(states: State[], start: number, glob: string): string {
  const add = (): number => states.push({ eps: [], edges: [], accept: false }) - 1;
  const step = (from: number, test: Test): number => {
    const to = add();
    states[from]!.edges.push({ test, to });
    return to;
  };
  const chars = Array.from(glob);
  const ends = classEnds(chars);
  let cur = start;
  let run = "";
  let longest = "";
  /** A wildcard or a class ends the run of literal characters. */
  const endRun = (): void => {
    if (run.length > longest.length) longest = run;
    run = "";
  };
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (c === "\\" && i + 1 < chars.length) {
      const lit = chars[++i]!;
      cur = step(cur, (x) => x === lit);
      run += lit;
    } else if (c === "*" && chars[i + 1] === "*") {
      endRun();
      i++;
      const next = add();
      states[cur]!.eps.push(next);
      if (chars[i + 1] === "/") {
        // `**/`: no folder, or any run that ends with `/`.
        i++;
        const inner = add();
        states[cur]!.eps.push(inner);
        states[inner]!.edges.push({ test: anyChar, to: inner }, { test: (x) => x === "/", to: next });
      } else {
        states[cur]!.edges.push({ test: anyChar, to: cur });
      }
      cur = next;
    } else if (c === "*") {
      endRun();
      states[cur]!.edges.push({ test: notSlash, to: cur });
      const next = add();
      states[cur]!.eps.push(next);
      cur = next;
    } else if (c === "?") {
      endRun();
      cur = step(cur, notSlash);
    } else if (c === "[" && classAt(chars, i, ends)) {
      endRun();
      const cls = classAt(chars, i, ends)!;
      cur = step(cur, cls.test);
      i = cls.end;
    } else {
      cur = step(cur, (x) => x === c);
      run += c;
    }
  }
  endRun();
  states[cur]!.accept = true;
  return longest;
}

export interface Glob {
  /** The glob as written in plan.yaml. */
  source: string;
  /** Whether the path (relative to the plan root, `/` between folders) or a folder above it matches. */
  matches(path: string): boolean;
  /**
   * Per alternative of the glob, a run of characters every path it matches holds ("" where it
   * has none: `*`, `?[a-z]`).
   */
  literals: readonly string[];
}

/** A glob ready to match; a GlobError when it is too long or has too many alternatives. */
export function compileGlob(source: string): Glob {
  if (source.length > MAX_GLOB_LENGTH) throw new GlobError(`longer than ${MAX_GLOB_LENGTH} characters`);
  const states: State[] = [{ eps: [], edges: [], accept: false }];
  const literals: string[] = [];
  for (const alt of expandBraces(source)) {
    const start = states.push({ eps: [], edges: [], accept: false }) - 1;
    states[0]!.eps.push(start);
    literals.push(addAlternative(states, start, alt.replace(/^(?:\.\/)+/u, "").replace(/\/+$/u, "")));
  }
  // Each step marks the states it reached with a number of its own, so no set is ever cleared.
  const mark = new Float64Array(states.length).fill(-1);
  let stamp = 0;
  /** The states reachable from `from` without reading a character. */
  const closure = (from: readonly number[]): number[] => {
    stamp++;
    const out: number[] = [];
    const todo: number[] = [];
    const visit = (s: number): void => {
      if (mark[s] === stamp) return;
      mark[s] = stamp;
      todo.push(s);
    };
    from.forEach(visit);
    while (todo.length > 0) {
      const s = todo.pop()!;
      out.push(s);
      states[s]!.eps.forEach(visit);
    }
    return out;
  };
  // Where every path starts: the same for each, so made once.
  const initial = closure([0]);
  return {
    source,
    literals,
    matches(path: string): boolean {
      let live = initial;
      for (const c of path) {
        // The glob matched a folder above the path: everything inside it matches too.
        if (c === "/" && live.some((s) => states[s]!.accept)) return true;
        const next: number[] = [];
        for (const s of live) for (const e of states[s]!.edges) if (e.test(c)) next.push(e.to);
        live = closure(next);
        if (live.length === 0) return false;
      }
      return live.some((s) => states[s]!.accept);
    },
  };
}

/** How much of a glob's run of literal characters files it: its last this many code units. */
const KEY_LENGTH = 32;

/**
 * Whether any of `globs` matches a path (relative, NFC), each path asking only the globs that
 * can match it. Each alternative of a glob needs its longest run of literal characters to stand
 * in the path, so a glob is filed under the end of that run, and a path looks up each of its
 * pieces of a length in use; only a glob with an alternative without literal characters (`*`)
 * is asked for every path. Asking every glob for every path made 2,000 globs against 2,000
 * files four million walks of an automaton.
 */
export function matchAny(globs: readonly Glob[]): (path: string) => boolean {
  const always: Glob[] = [];
  const filed = new Map<string, Glob[]>();
  const lengths = new Set<number>();
  for (const g of globs) {
    if (g.literals.some((l) => l === "")) {
      always.push(g);
      continue;
    }
    for (const l of g.literals) {
      const key = l.slice(-KEY_LENGTH);
      const list = filed.get(key);
      // A glob's alternatives are filed one after the other: one sharing a key with an earlier one is filed once.
      if (!list) filed.set(key, [g]);
      else if (list[list.length - 1] !== g) list.push(g);
      lengths.add(key.length);
    }
  }
  const sizes = [...lengths];
  // A glob whose run stands twice in a path is asked once: the number of the path it was last asked for.
  const asked = new Map<Glob, number>();
  let paths = 0;
  return (path: string): boolean => {
    for (const g of always) if (g.matches(path)) return true;
    paths++;
    for (const n of sizes) {
      for (let i = 0; i + n <= path.length; i++) {
        const list = filed.get(path.slice(i, i + n));
        if (list === undefined) continue;
        for (const g of list) {
          if (asked.get(g) === paths) continue;
          asked.set(g, paths);
          if (g.matches(path)) return true;
        }
      }
    }
    return false;
  };
}
