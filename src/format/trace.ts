// The red thread as a terminal tree, a Markdown list, a Mermaid flowchart and JSON.
import { Chalk } from "chalk";
import type { Entity, Lang } from "../model/types.js";
import { nameOf, type TreeNode } from "../model/thread.js";
import { mdCode, mdText } from "./markdown.js";
import { clip, terminalSafe } from "./text.js";

export interface TraceView {
  /** The entity asked for, or undefined for the whole thread of the year. */
  focus?: Entity;
  year: number;
  up?: Entity[][];
  down: TreeNode;
}

const LABELS = {
  en: { up: "Up to the vision", down: "Below", year: "year", thread: "The red thread", none: "nothing below" },
  sv: { up: "Uppåt till visionen", down: "Nedåt", year: "år", thread: "Den röda tråden", none: "inget nedanför" },
} as const;


function nämnderSuffix(n: TreeNode): string {
  return n.nämnder && n.nämnder.length > 0 ? ` [${n.nämnder.join(", ")}]` : "";
}

export function traceText(v: TraceView, lang: Lang, color: boolean): string {
  const c = new Chalk({ level: color ? 1 : 0 });
  const L = LABELS[lang];
  const lines: string[] = [];
  const t = (s: string): string => terminalSafe(s, true);
  const label = (n: TreeNode): string =>
    `${c.bold(t(n.id))}  ${t(clip(n.namn, 80))}${c.cyan(t(nämnderSuffix(n)))} ${c.dim(`(${n.typ})`)}`;
  if (v.focus && v.up) {
    lines.push(`${c.bold(t(v.focus.id))}  ${c.dim(`(${v.focus.kind}, ${L.year} ${v.year})`)}`);
    lines.push("", `${L.up}:`);
    for (const chain of v.up) lines.push(`  ${t(chain.map((e) => e.id).join(" → "))}`);
    lines.push("", `${L.down}:`);
  } else {
    lines.push(`${L.thread} ${v.year}`, "");
  }
  lines.push(label(v.down));
  const walk = (n: TreeNode, prefix: string): void => {
    n.children.forEach((child, i) => {
      const last = i === n.children.length - 1;
      lines.push(`${prefix}${last ? "└── " : "├── "}${label(child)}`);
      walk(child, `${prefix}${last ? "    " : "│   "}`);
    });
  };
  walk(v.down, "");
  return `${lines.join("\n")}\n`;
}

export function traceMarkdown(v: TraceView, lang: Lang): string {
  const L = LABELS[lang];
  const lines: string[] = [];
  const item = (n: TreeNode): string =>
    `${mdCode(n.id)} ${mdText(n.namn)}${n.nämnder && n.nämnder.length > 0 ? ` — ${n.nämnder.map(mdCode).join(", ")}` : ""} *(${n.typ})*`;
  if (v.focus && v.up) {
    lines.push(`## ${mdCode(v.focus.id)} ${mdText(v.down.namn)}`, "", `**${L.up}**`, "");
    for (const chain of v.up) lines.push(`- ${chain.map((e) => mdCode(e.id)).join(" → ")}`);
    lines.push("", `**${L.down}**`, "");
  } else {
    lines.push(`## ${L.thread} ${v.year}`, "");
  }
  const walk = (n: TreeNode, depth: number): void => {
    lines.push(`${"  ".repeat(depth)}- ${item(n)}`);
    for (const child of n.children) walk(child, depth + 1);
  };
  walk(v.down, 0);
  return `${lines.join("\n")}\n`;
}

/** A Mermaid label: quotes, angle brackets, `#` and `&` as Mermaid entity codes. */
export function mermaidLabel(s: string): string {
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
 * subgraph per målområde holding what lies below it.
 */
export function traceMermaid(v: TraceView): string {
  const ids = new Map<Entity, string>();
  const nodeId = (e: Entity): string => {
    let id = ids.get(e);
    if (!id) ids.set(e, (id = `n${ids.size}`));
    return id;
  };
  const edges: string[] = [];
  const edgeSeen = new Set<string>();
  const declared = new Set<Entity>();
  const lines: string[] = ["flowchart TD"];
  const declare = (n: TreeNode, indent: string): void => {
    if (declared.has(n.entity)) return;
    declared.add(n.entity);
    const text = `${n.id}: ${clip(n.namn, 60)}${nämnderSuffix(n)}`;
    lines.push(`${indent}${nodeId(n.entity)}["${mermaidLabel(text)}"]`);
  };
  const collect = (n: TreeNode, indent: string): void => {
    for (const child of n.children) {
      declare(child, indent);
      const edge = `  ${nodeId(n.entity)} --> ${nodeId(child.entity)}`;
      if (!edgeSeen.has(edge)) {
        edgeSeen.add(edge);
        edges.push(edge);
      }
      collect(child, indent);
    }
  };
  if (v.focus && v.up) {
    for (const chain of v.up) {
      for (const e of chain) {
        if (!declared.has(e)) {
          declared.add(e);
          lines.push(`  ${nodeId(e)}["${mermaidLabel(`${e.id}: ${clip(nameOf(e), 60)}`)}"]`);
        }
      }
      for (let i = 0; i + 1 < chain.length; i++) {
        const edge = `  ${nodeId(chain[i + 1]!)} --> ${nodeId(chain[i]!)}`;
        if (!edgeSeen.has(edge)) {
          edgeSeen.add(edge);
          edges.push(edge);
        }
      }
    }
  }
  const root = v.down;
  declare(root, "  ");
  if (root.entity.kind === "vision") {
    root.children.forEach((område, i) => {
      lines.push(`  subgraph g${i}["${mermaidLabel(`${område.id}: ${område.namn}`)}"]`);
      declare(område, "    ");
      collect(område, "    ");
      lines.push("  end");
      const edge = `  ${nodeId(root.entity)} --> ${nodeId(område.entity)}`;
      if (!edgeSeen.has(edge)) {
        edgeSeen.add(edge);
        edges.push(edge);
      }
    });
  } else {
    collect(root, "  ");
  }
  if (v.focus) lines.push(`  style ${nodeId(v.focus)} stroke-width:3px`);
  return `${[...lines, ...edges].join("\n")}\n`;
}

interface JsonNode {
  id: string;
  typ: string;
  namn: string;
  nämnder?: string[];
  children: JsonNode[];
}

const toJson = (n: TreeNode): JsonNode => ({
  id: n.id,
  typ: n.typ,
  namn: n.namn,
  ...(n.nämnder ? { nämnder: n.nämnder } : {}),
  children: n.children.map(toJson),
});

export function traceJson(v: TraceView): string {
  const out = v.focus && v.up ? { id: v.focus.id, up: v.up.map((c) => c.map((e) => e.id)), down: toJson(v.down) } : { id: v.down.id, down: toJson(v.down) };
  return `${JSON.stringify(out, null, 2)}\n`;
}
