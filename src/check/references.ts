// References that point nowhere, at the wrong kind, or into another year.
import type { Diagnostic } from "../diagnostics/index.js";
import type { Entity, RefTarget, Scope } from "../model/types.js";
import type { Resolution, ScopeIndex } from "../model/resolve.js";
import { SUGGESTION_CELLS, Suggester } from "../model/similar.js";
import type { Broken } from "./broken.js";
import { at, refAt } from "./report.js";

function whereLabel(e: Entity): string {
  const s: Scope = e.scope;
  switch (s.kind) {
    case "year":
      return String(s.year);
    case "proposals":
      return `${s.year} (förslag)`;
    case "period": {
      const p = s.plan.data.period as { från?: unknown; till?: unknown } | undefined;
      return p ? `${String(p.från)}–${String(p.till)}` : s.plan.id;
    }
    case "global":
      return "plan.yaml";
  }
}

const scopeYear = (s: Scope): string =>
  s.kind === "year" || s.kind === "proposals" ? String(s.year) : s.kind === "period" ? whereLabel({ scope: s } as Entity) : "";

/**
 * The references that did not resolve. Those that a broken file could answer (an unknown ID,
 * or one found only in another year) are not reported: `broken` counts them instead.
 */
export function checkReferences(failed: readonly Resolution[], index: ScopeIndex, broken?: Broken): Diagnostic[] {
  const out: Diagnostic[] = [];
  // One suggester per set of visible scopes and kinds expected, not one pass over every ID per unknown reference.
  const suggesters = new Map<string, Suggester>();
  const work = { cells: SUGGESTION_CELLS };
  const suggest = (id: string, scope: Scope, expected: readonly RefTarget[]): string[] => {
    const key = `${index.chain(scope).join("\n")}\u0000${expected.join("\n")}`;
    let s = suggesters.get(key);
    if (!s) suggesters.set(key, (s = new Suggester(index.visibleIds(scope, expected))));
    return s.closest(id, 3, work);
  };
  for (const { ref, owner, lookup } of failed) {
    const allowed = ref.allowed.map((a) => a.replace(/^organ:/u, ""));
    if (!lookup.entity && broken?.unchecked(ref.allowed)) continue;
    if (lookup.entity) {
      const found = lookup.entity;
      const kind = found.kind === "organ" && found.organTyp ? `${found.organTyp}` : found.kind;
      out.push(at("wrong-kind-reference", refAt(owner, ref), { field: ref.field, ref: ref.id, found: kind, allowed }, owner.id));
    } else if (lookup.elsewhere) {
      const where = [...new Set(lookup.elsewhere.map(whereLabel))].sort();
      out.push(at("reference-other-year", refAt(owner, ref), { field: ref.field, ref: ref.id, where, year: scopeYear(owner.scope) }, owner.id));
    } else {
      const suggestions = suggest(ref.id, owner.scope, ref.allowed);
      out.push(at("unknown-reference", refAt(owner, ref), { field: ref.field, ref: ref.id, suggestions }, owner.id));
    }
  }
  return out;
}
