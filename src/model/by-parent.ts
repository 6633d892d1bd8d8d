// Things grouped under the entities they serve: a resultatmål's åtaganden, a målområde's
// resultatmål. For the goal views, which show each goal with what lies under it.
import type { Entity } from "./types.js";

/**
 * Items grouped under each entity `parentsOf` gives for them: each group in the items' order,
 * an item once in a group however often it names the parent. One pass over the items, not a
 * filter of them all per goal: thousands of målområden by thousands of åtaganden made millions
 * of steps.
 */
export function groupByParent<T>(items: readonly T[], parentsOf: (item: T) => readonly Entity[]): Map<Entity, T[]> {
  const out = new Map<Entity, T[]>();
  for (const item of items) {
    const parents = parentsOf(item);
    for (let i = 0; i < parents.length; i++) {
      const p = parents[i]!;
      const list = out.get(p);
      if (!list) out.set(p, [item]);
      // The items come in order: one naming the parent twice would be the last of its group.
      else if (list[list.length - 1] !== item) list.push(item);
    }
  }
  return out;
}
