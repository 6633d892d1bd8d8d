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
    const e = stack.pop()!;
    for (const p of e.parents) {
      if (found.has(p)) continue;
      found.add(p);
      stack.push(p);
    }
  }
  served.set(plan, (out = found));
  return out;
}
