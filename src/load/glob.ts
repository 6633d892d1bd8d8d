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

/** The index of the `}` that closes the `{` at `open` and whether it holds a top-level comma. */
function closeOf(s: string, open: number): { close: number; commas: number[] } | undefined {
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
}

/** `{a,b}` expanded, outermost first; a brace without a comma or without its `}` is literal. */
function expandBraces(glob: string): string[] {
  const out: string[] = [];
  const expand = (s: string, from: number): void => {
    for (let i = from; i < s.length; i++) {
      if (s[i] === "\\") {
        i++;
        continue;
      }
      if (s[i] !== "{") continue;
      const group = closeOf(s, i);
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

/** `[…]` starting at `open` (code points), or undefined when it is not closed (then `[` is literal). */
function classAt(chars: readonly string[], open: number): { test: Test; end: number } | undefined {
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
}

/** Add one alternative to the automaton, from state `start`; its last state accepts. */
function addAlternative(states: State[], start: number, glob: string): void {
  const add = (): number => states.push({ eps: [], edges: [], accept: false }) - 1;
  const step = (from: number, test: Test): number => {
    const to = add();
    states[from]!.edges.push({ test, to });
    return to;
  };
  const chars = Array.from(glob);
  let cur = start;
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (c === "\\" && i + 1 < chars.length) {
      const lit = chars[++i]!;
      cur = step(cur, (x) => x === lit);
    } else if (c === "*" && chars[i + 1] === "*") {
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
      states[cur]!.edges.push({ test: notSlash, to: cur });
      const next = add();
      states[cur]!.eps.push(next);
      cur = next;
    } else if (c === "?") {
      cur = step(cur, notSlash);
    } else if (c === "[" && classAt(chars, i)) {
      const cls = classAt(chars, i)!;
      cur = step(cur, cls.test);
      i = cls.end;
    } else {
      cur = step(cur, (x) => x === c);
    }
  }
  states[cur]!.accept = true;
}

export interface Glob {
  /** The glob as written in plan.yaml. */
  source: string;
  /** Whether the path (relative to the plan root, `/` between folders) or a folder above it matches. */
  matches(path: string): boolean;
}

/** A glob ready to match; a GlobError when it is too long or has too many alternatives. */
export function compileGlob(source: string): Glob {
  if (source.length > MAX_GLOB_LENGTH) throw new GlobError(`longer than ${MAX_GLOB_LENGTH} characters`);
  const states: State[] = [{ eps: [], edges: [], accept: false }];
  for (const alt of expandBraces(source)) {
    const start = states.push({ eps: [], edges: [], accept: false }) - 1;
    states[0]!.eps.push(start);
    addAlternative(states, start, alt.replace(/^(?:\.\/)+/u, "").replace(/\/+$/u, ""));
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
  return {
    source,
    matches(path: string): boolean {
      let live = closure([0]);
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
