// The red thread as a terminal tree, a Markdown list, a Mermaid flowchart and JSON.
import { palette } from "./palette.js";
import type { Lang } from "../diagnostics/index.js";
import type { Entity } from "../model/types.js";
import type { Plan } from "../model/plan.js";
import { chainsUp, inYear, MAX_CHAINS, nameOf, sharedBelow, sharedTree, sharedUp, tree, TREE_DEPTH, type Chains, type SharedBelow, type Tree, type TreeNode } from "../model/thread.js";
import type { Formatter } from "./formatter.js";
import type { TraceFormat } from "./names.js";
import { mdCode, mdText } from "./markdown.js";
import { clip, terminalSafe } from "./text.js";

export interface TraceView {
  /** The entity asked for, or undefined for the whole thread of the year. */
  focus?: Entity;
  year: number;
  up?: Chains;
  down: Tree;
}

/** The thread as a graph for drawing: every entity expanded once (see sharedTree, sharedUp). */
export interface ThreadGraph {
  focus?: Entity;
  /** From the focus up: children are parents. */
  up?: TreeNode;
  down: TreeNode;
}

const LABELS = {
  en: { up: "Up to the vision", down: "Below", year: "year", thread: "The red thread", none: "nothing below" },
  sv: { up: "Uppåt till visionen", down: "Nedåt", year: "år", thread: "Den röda tråden", none: "inget nedanför" },
} as const;

/** What the limits left out, in words; empty when nothing was. */
const CUT_WORDS = {
  en: {
    chains: (shown: number, total: bigint | undefined): string =>
      total === undefined
        ? `${shown} chains shown; more are left out (at most ${MAX_CHAINS} are listed).`
        : `${shown} of ${total} chains shown; ${total - BigInt(shown)} left out (at most ${MAX_CHAINS} are listed).`,
    rows: (shown: number, total: bigint | undefined, max: number): string =>
      total === undefined
        ? `The tree is cut: ${shown} rows shown; more are left out (at most ${max} rows and ${TREE_DEPTH} levels; trace a deeper ID to see further).`
        : `The tree is cut: ${shown} of ${total} rows shown; ${total - BigInt(shown)} left out (at most ${max} rows and ${TREE_DEPTH} levels; trace a deeper ID to see further).`,
    below: (rows: bigint | undefined): string => (rows === undefined ? "… more below" : `… ${rows} more below`),
  },
  sv: {
    chains: (shown: number, total: bigint | undefined): string =>
      total === undefined
        ? `${shown} kedjor visas; fler är utelämnade (högst ${MAX_CHAINS} listas).`
        : `${shown} av ${total} kedjor visas; ${total - BigInt(shown)} är utelämnade (högst ${MAX_CHAINS} listas).`,
    rows: (shown: number, total: bigint | undefined, max: number): string =>
      total === undefined
        ? `Trädet är avkortat: ${shown} rader visas; fler är utelämnade (högst ${max} rader och ${TREE_DEPTH} nivåer; följ ett djupare ID för att se mer).`
        : `Trädet är avkortat: ${shown} av ${total} rader visas; ${total - BigInt(shown)} är utelämnade (högst ${max} rader och ${TREE_DEPTH} nivåer; följ ett djupare ID för att se mer).`,
    below: (rows: bigint | undefined): string => (rows === undefined ? "… mer nedanför" : `… ${rows} till nedanför`),
  },
} as const;

const chainsCut = (up: Chains): boolean => up.total !== BigInt(up.chains.length);

/** The notes on what was left out, for the end of a text or Markdown trace. */
function cutNotes(v: TraceView, lang: Lang): string[] {
  const W = CUT_WORDS[lang];
  const notes: string[] = [];
  if (v.up && chainsCut(v.up)) notes.push(W.chains(v.up.chains.length, v.up.total));
  if (v.down.cut) notes.push(W.rows(v.down.shown, v.down.total, v.down.maxRows));
  return notes;
}

/** Preorder over a shown tree (at most TREE_DEPTH deep), with each level's "last child" flags. */
function eachNode(root: TreeNode, visit: (n: TreeNode, depth: number, last: boolean[]) => void): void {
  const stack: { n: TreeNode; depth: number; last: boolean[] }[] = [{ n: root, depth: 0, last: [] }];
  while (stack.length > 0) {
    const { n, depth, last } = stack.pop()!;
    visit(n, depth, last);
    for (let i = n.children.length - 1; i >= 0; i--) stack.push({ n: n.children[i]!, depth: depth + 1, last: [...last, i === n.children.length - 1] });
  }
}


function nämnderSuffix(n: TreeNode): string {
  return n.nämnder && n.nämnder.length > 0 ? ` [${n.nämnder.join(", ")}]` : "";
}

export function traceText(v: TraceView, lang: Lang, color: boolean): string {
  const c = palette(color);
  const L = LABELS[lang];
  const W = CUT_WORDS[lang];
  const lines: string[] = [];
  const t = (s: string): string => terminalSafe(s, true);
  const label = (n: TreeNode): string =>
    `${c.bold(t(n.id))}  ${t(clip(n.namn, 80))}${c.cyan(t(nämnderSuffix(n)))} ${c.dim(`(${n.typ})`)}`;
  if (v.focus && v.up) {
    lines.push(`${c.bold(t(v.focus.id))}  ${c.dim(`(${v.focus.kind}, ${L.year} ${v.year})`)}`);
    lines.push("", `${L.up}:`);
    for (const chain of v.up.chains) lines.push(`  ${t(chain.map((e) => e.id).join(" → "))}`);
    lines.push("", `${L.down}:`);
  } else {
    lines.push(`${L.thread} ${v.year}`, "");
  }
  const indent = (last: boolean[]): string => last.map((l) => (l ? "    " : "│   ")).join("");
  eachNode(v.down.root, (n, depth, last) => {
    if (depth === 0) lines.push(label(n));
    else lines.push(`${indent(last.slice(0, -1))}${last[last.length - 1] ? "└── " : "├── "}${label(n)}`);
    if (n.cut) lines.push(`${indent(last)}└── ${c.dim(W.below(n.cut.rows))}`);
  });
  const notes = cutNotes(v, lang);
  if (notes.length > 0) lines.push("", ...notes);
  return `${lines.join("\n")}\n`;
}

export function traceMarkdown(v: TraceView, lang: Lang): string {
  const L = LABELS[lang];
  const W = CUT_WORDS[lang];
  const lines: string[] = [];
  const item = (n: TreeNode): string =>
    `${mdCode(n.id)} ${mdText(n.namn)}${n.nämnder && n.nämnder.length > 0 ? ` — ${n.nämnder.map(mdCode).join(", ")}` : ""} *(${n.typ})*`;
  if (v.focus && v.up) {
    lines.push(`## ${mdCode(v.focus.id)} ${mdText(v.down.root.namn)}`, "", `**${L.up}**`, "");
    for (const chain of v.up.chains) lines.push(`- ${chain.map((e) => mdCode(e.id)).join(" → ")}`);
    lines.push("", `**${L.down}**`, "");
  } else {
    lines.push(`## ${L.thread} ${v.year}`, "");
  }
  eachNode(v.down.root, (n, depth) => {
    lines.push(`${"  ".repeat(depth)}- ${item(n)}`);
    if (n.cut) lines.push(`${"  ".repeat(depth + 1)}- ${W.below(n.cut.rows)}`);
  });
  const notes = cutNotes(v, lang);
  if (notes.length > 0) lines.push("", ...notes.map((n) => `*${n}*`));
  return `${lines.join("\n")}\n`;
}

/** A Mermaid label: quotes, angle brackets, `#` and `&` as Mermaid entity codes. */
function mermaidLabel(s: string): string {
  return s
    .replace(/\r?\n/gu, " ")
    .replace(/#/gu, "#35;")
    // `%%` starts a directive anywhere in Mermaid source, even inside a quoted label.
    .replace(/%/gu, "#37;")
    .replace(/"/gu, "#quot;")
    .replace(/&/gu, "#amp;")
    .replace(/</gu, "#lt;")
    .replace(/>/gu, "#gt;")
    .replace(/`/gu, "#96;");
}

/**
 * A `flowchart` with generated node IDs (so any plan ID renders), the vision on top and one
 * subgraph per målområde holding what lies below it. Drawn from the shared graph: each node
 * and edge once, however many paths lead through them.
 */
export function traceMermaid(g: ThreadGraph, direction: "TD" | "LR" = "TD", more: ReadonlyMap<Entity, string> = new Map()): string {
  const ids = new Map<Entity, string>();
  const nodeId = (e: Entity): string => {
    let id = ids.get(e);
    if (!id) ids.set(e, (id = `n${ids.size}`));
    return id;
  };
  const edges: string[] = [];
  const edgeSeen = new Set<string>();
  const edge = (from: Entity, to: Entity): void => {
    const line = `  ${nodeId(from)} --> ${nodeId(to)}`;
    if (!edgeSeen.has(line)) {
      edgeSeen.add(line);
      edges.push(line);
    }
  };
  const declared = new Set<Entity>();
  const lines: string[] = [`flowchart ${direction}`];
  const declareAs = (e: Entity, indent: string, text: string): void => {
    if (declared.has(e)) return;
    declared.add(e);
    lines.push(`${indent}${nodeId(e)}["${mermaidLabel(text)}"]`);
  };
  const declare = (n: TreeNode, indent: string): void => declareAs(n.entity, indent, `${n.id}: ${clip(n.namn, 60)}${nämnderSuffix(n)}${more.get(n.entity) ?? ""}`);
  /** Every node below `n` in preorder, each edge before the subtree it leads to. */
  const collect = (n: TreeNode, link: (parent: TreeNode, child: TreeNode) => void, show: (child: TreeNode) => void): void => {
    const stack: { n: TreeNode; i: number }[] = [{ n, i: 0 }];
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      if (top.i >= top.n.children.length) {
        stack.pop();
        continue;
      }
      const child = top.n.children[top.i++]!;
      show(child);
      link(top.n, child);
      stack.push({ n: child, i: 0 });
    }
  };
  if (g.focus && g.up) {
    const up = (n: TreeNode): void => declareAs(n.entity, "  ", `${n.id}: ${clip(nameOf(n.entity), 60)}`);
    up(g.up);
    collect(g.up, (below, above) => edge(above.entity, below.entity), up);
  }
  const root = g.down;
  declare(root, "  ");
  const down = (indent: string) => (child: TreeNode): void => declare(child, indent);
  const link = (parent: TreeNode, child: TreeNode): void => edge(parent.entity, child.entity);
  if (root.entity.kind === "vision") {
    root.children.forEach((område, i) => {
      lines.push(`  subgraph g${i}["${mermaidLabel(`${område.id}: ${område.namn}`)}"]`);
      declare(område, "    ");
      collect(område, link, down("    "));
      lines.push("  end");
      edge(root.entity, område.entity);
    });
  } else {
    collect(root, link, down("  "));
  }
  if (g.focus) lines.push(`  style ${nodeId(g.focus)} stroke-width:3px`);
  return `${[...lines, ...edges].join("\n")}\n`;
}

/** At most this many entities in one drawing of a målområde: more make a picture no one can read. */
const MAX_DRAWN = 120;

const DRAWING_WORDS = {
  en: {
    more: (n: number): string => ` (+${n} below)`,
    left: (left: number, all: number): string =>
      `${left} of ${all} entities left out (at most ${MAX_DRAWN} per diagram; use --djup or trace an ID to see further)`,
    depth: (left: number, all: number, djup: number): string => `${left} of ${all} entities left out (--djup ${djup})`,
  },
  sv: {
    more: (n: number): string => ` (+${n} nedanför)`,
    left: (left: number, all: number): string =>
      `${left} av ${all} enheter är utelämnade (högst ${MAX_DRAWN} per diagram; använd --djup eller följ ett ID för att se mer)`,
    depth: (left: number, all: number, djup: number): string => `${left} av ${all} enheter är utelämnade (--djup ${djup})`,
  },
} as const;

/** One målområde drawn: its Mermaid source and what the limits left out, in words (or undefined). */
interface Drawing {
  område: TreeNode;
  mermaid: string;
  note?: string;
}

/**
 * The shared graph below a målområde drawn left to right (a tree of the thread is wide and
 * shallow: sideways it stays readable), cut breadth-first at `djup` levels and MAX_DRAWN
 * entities, so the upper levels are whole when the lower ones are cut. A node with children
 * left out says how many. `shared` is the thread below all the målområden drawn: what they
 * share below them is walked once, not once per målområde.
 */
function drawOmråde(shared: SharedBelow, område: Entity, djup: number | undefined, lang: Lang): Drawing {
  const W = DRAWING_WORDS[lang];
  const root = shared.node(område);
  const kept = new Set<Entity>([område]);
  const more = new Map<Entity, string>();
  let queue: { copy: TreeNode; level: number }[] = [{ copy: root, level: 0 }];
  while (queue.length > 0) {
    const next: typeof queue = [];
    for (const { copy, level } of queue) {
      const kids = shared.children(copy.entity);
      const deep = djup !== undefined && level >= djup;
      let hidden = 0;
      let i = 0;
      for (; i < kids.length; i++) {
        // From here on nothing new is drawn: only the children already kept are (see below).
        if (deep || kept.size >= MAX_DRAWN) break;
        const child = kids[i]!;
        const c = shared.node(child);
        copy.children.push(c);
        if (kept.has(child)) continue;
        kept.add(child);
        next.push({ copy: c, level: level + 1 });
      }
      if (i < kids.length) {
        // The rest of a long list (one verksamhetsmål may have thousands of aktiviteter) is
        // left out but for what is kept elsewhere: at most MAX_DRAWN entities, found where they stand.
        const rest = kids.length - i;
        const drawn: number[] = [];
        if (rest <= kept.size) {
          for (let j = i; j < kids.length; j++) if (kept.has(kids[j]!)) drawn.push(j);
        } else {
          const places = shared.places(copy.entity);
          for (const e of kept) for (const j of places.get(e) ?? []) if (j >= i) drawn.push(j);
          drawn.sort((x, y) => x - y);
        }
        for (const j of drawn) copy.children.push(shared.node(kids[j]!));
        hidden = rest - drawn.length;
      }
      if (hidden > 0) more.set(copy.entity, W.more(hidden));
    }
    queue = next;
  }
  const all = shared.reach(område);
  const left = all - kept.size;
  const note = left === 0 ? undefined : kept.size >= MAX_DRAWN ? W.left(left, all) : W.depth(left, all, djup!);
  return { område: root, mermaid: traceMermaid({ down: root }, "LR", more), ...(note !== undefined ? { note } : {}) };
}

/** The målområden of a year's thread below its vision (or the root, when it is one), each drawn. */
function drawings(s: TraceSubject, lang: Lang): Drawing[] {
  const områden = s.root.kind === "målområde" ? [s.root] : s.root.children.filter((c) => c.kind === "målområde" && inYear(s.plan, c, s.year));
  områden.sort((a, b) => a.order - b.order);
  const shared = sharedBelow(s.plan, s.year, områden);
  return områden.map((o) => drawOmråde(shared, o, s.djup, lang));
}

/** Every drawing as Mermaid, one `flowchart` each, a comment line naming its målområde above it. */
function drawingsMermaid(ds: Drawing[]): string {
  return ds
    .map((d) => {
      // The name as in a label: `%%{…}%%` in a comment line is a directive too.
      const head = `%% ${mermaidLabel(`${d.område.id}: ${d.område.namn}`)}\n`;
      return `${head}${d.mermaid}${d.note !== undefined ? `%% ${d.note}\n` : ""}`;
    })
    .join("\n");
}

/** Every drawing under a heading with its målområde's ID and name, in a ```mermaid fence. */
function drawingsMarkdown(ds: Drawing[], year: number, lang: Lang): string {
  const parts = [`## ${LABELS[lang].thread} ${year}\n`];
  for (const d of ds) {
    parts.push(`### ${mdCode(d.område.id)} ${mdText(d.område.namn)}\n`, `\`\`\`mermaid\n${d.mermaid}\`\`\`\n`);
    if (d.note !== undefined) parts.push(`*${d.note}*\n`);
  }
  return parts.join("\n");
}

interface JsonNode {
  id: string;
  typ: string;
  namn: string;
  nämnder?: readonly string[];
  children: JsonNode[];
  /** Rows below left out by the depth limit ("unknown" under a cycle). */
  more?: string;
}

// Recursion is bounded here: a shown tree is at most TREE_DEPTH deep.
const toJson = (n: TreeNode): JsonNode => ({
  id: n.id,
  typ: n.typ,
  namn: n.namn,
  ...(n.nämnder ? { nämnder: n.nämnder } : {}),
  children: n.children.map(toJson),
  ...(n.cut ? { more: n.cut.rows === undefined ? "unknown" : String(n.cut.rows) } : {}),
});

/** Counts as decimal strings: they can pass 2^53. */
const countOf = (total: bigint | undefined): string | null => (total === undefined ? null : String(total));

export function traceJson(v: TraceView): string {
  const truncated = {
    ...(v.up && v.up.total !== BigInt(v.up.chains.length) ? { up: { shown: v.up.chains.length, total: countOf(v.up.total), max: MAX_CHAINS } } : {}),
    ...(v.down.cut ? { down: { shown: v.down.shown, total: countOf(v.down.total), maxRows: v.down.maxRows, maxDepth: TREE_DEPTH } } : {}),
  };
  const cut = Object.keys(truncated).length > 0 ? { truncated } : {};
  const out =
    v.focus && v.up
      ? { id: v.focus.id, up: v.up.chains.map((c) => c.map((e) => e.id)), down: toJson(v.down.root), ...cut }
      : { id: v.down.root.id, down: toJson(v.down.root), ...cut };
  return `${JSON.stringify(out, null, 2)}\n`;
}

/** The thread to show: from `root` down in `year`, and from `focus` (the entity asked for) up. */
export interface TraceSubject {
  plan: Plan;
  year: number;
  root: Entity;
  focus?: Entity;
  /** Without a focus, in the drawings: how many levels below a målområde to draw. */
  djup?: number;
}

/** The thread as chains and a tree, cut to the limits a reader can take in. */
function traceView(s: TraceSubject): TraceView {
  return { ...(s.focus ? { focus: s.focus, up: chainsUp(s.focus) } : {}), year: s.year, down: tree(s.plan, s.root, s.year) };
}

export const TRACE_FORMATTERS: Record<TraceFormat, Formatter<TraceSubject>> = {
  text: (s, o) => traceText(traceView(s), o.lang, o.color),
  // The whole year in Markdown is a picture per målområde; one entity's thread is a list.
  md: (s, o) => (s.focus ? traceMarkdown(traceView(s), o.lang) : drawingsMarkdown(drawings(s, o.lang), s.year, o.lang)),
  // One entity's drawing shares nodes, so it needs no limits: as many lines as entities and references.
  mermaid: (s, o) =>
    s.focus
      ? traceMermaid({ focus: s.focus, up: sharedUp(s.plan, s.focus), down: sharedTree(s.plan, s.root, s.year) })
      : drawingsMermaid(drawings(s, o.lang)),
  json: (s) => traceJson(traceView(s)),
};
