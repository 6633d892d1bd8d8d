// What the aktiviteter of a plan work towards: used by coverage (check) and by the figures (stats).
import type { Entity } from "./types.js";
import type { Plan } from "./plan.js";

const served = new WeakMap<Plan, ReadonlySet<Entity>>();

/**
 * The entities some aktivitet serves, directly or through what it serves: everything above an
 * aktivitet on the thread. One walk up from every aktivitet, with an explicit stack (a thread
 * may be 100,000 deep), built once per plan.
 */
export function servedByAktivitet(plan: Plan): ReadonlySet<Entity> {
  let out = served.get(plan);
  if (out) return out;
  const found = new Set<Entity>();
  const stack = [...plan.index.ofKind("aktivitet")];
  while (stack.length > 0) {
    const parents = stack.pop()!.parents;
    // Indexed: code not yet optimised makes an object for every step of a for-of.
    for (let i = 0; i < parents.length; i++) {
      const p = parents[i]!;
      if (found.has(p)) continue;
      found.add(p);
      stack.push(p);
    }
  }
  served.set(plan, (out = found));
  return out;
}
