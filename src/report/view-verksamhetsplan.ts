// The verksamhetsplan report: per organ (a förvaltning or enhet), its aktiviteter grouped under
// what they serve, each group with its thread up to the målområde; its produktionsmål; and per
// nämnd the åtaganden that no aktivitet serves yet. Read straight from the plan's documents.
import { asList, items, str, type TypedDoc } from "../model/build.js";
import { chainsUp, findEntity, nameOf, organName } from "../model/thread.js";
import type { Entity } from "../model/types.js";
import { formatNumber } from "../format/status-words.js";
import { tocOf } from "./toc.js";
import { entitiesIn, organOf, rich, type RichText } from "./view-common.js";
import { åtagandenPerNämnd, decisionLine, planHeader, type PlanCtx, type PlanHeader } from "./view-planning.js";

interface AktivitetRow {
  id: string;
  namn: string;
  ansvarig: string;
  start: string;
  slut: string;
}

interface Group {
  /** The ID served, or "" for the aktiviteter that serve nothing. */
  id: string;
  namn: string;
  /** "verksamhetsmål", "åtagande", …: the kind in the report's language. */
  slag: string;
  /** "BIN-VM1 → SKO-A03 → SKO-R2 → SKO": the first chain up to the målområde. */
  tråd: string;
  aktiviteter: AktivitetRow[];
}

interface ProduktionsmålRow {
  id: string;
  text: RichText | null;
  bidrarTill: string;
  nyckeltal: string;
  enhet: string;
  målvärde: string;
}

interface OrganSection {
  id: string;
  anchor: string;
  namn: string;
  dokument: string;
  /** The decision line, or null when the plan names no decision and is not a förslag. */
  beslut: string | null;
  antalAktiviteter: number;
  grupper: Group[];
  produktionsmål: ProduktionsmålRow[];
}

interface Unserved {
  nämnd: string;
  namn: string;
  anchor: string;
  antal: number;
  åtaganden: { id: string; namn: string; tråd: string }[];
}

export interface VerksamhetsplanView extends PlanHeader {
  organ: OrganSection[];
  antalAktiviteter: number;
  ejBetjänade: Unserved[];
}

const date = (v: unknown): string => (v instanceof Date ? v.toISOString().slice(0, 10) : (str(v) ?? ""));

/**
 * The nämnd an organ belongs to: itself when it is one, else the first nämnd above it (`under:`
 * in the organisation), or undefined when the walk up ends or comes round without one. Asked
 * for every aktivitet, and an organisation may be a long chain of enheter: each organ's answer
 * is remembered, and a walk up stops at the first organ already answered. That is the same
 * answer: an organ that is not a nämnd has its parent's (a cycle without a nämnd gives none).
 */
export function nämndFinder(plan: PlanCtx["plan"]): (organ: string) => string | undefined {
  const known = new Map<string, string | undefined>();
  return (organ) => {
    const path: string[] = [];
    const onPath = new Set<string>();
    let found: string | undefined;
    let cur: string | undefined = organ;
    while (cur !== undefined) {
      if (known.has(cur)) {
        found = known.get(cur);
        break;
      }
      if (onPath.has(cur)) break;
      const e = organOf(plan, cur);
      if (e?.organTyp === "nämnd") {
        found = cur;
        break;
      }
      path.push(cur);
      onPath.add(cur);
      cur = e ? str(e.data.under) : undefined;
    }
    for (const id of path) known.set(id, found);
    if (found !== undefined) known.set(found, found);
    return found;
  };
}

/** The thread from an entity up to its målområde, compactly: IDs joined by arrows. */
function thread(e: Entity): string {
  const chain = chainsUp(e, 1).chains[0] ?? [e];
  const cut = chain.findIndex((x) => x.kind === "målområde");
  return (cut >= 0 ? chain.slice(0, cut + 1) : chain.filter((x) => x.kind !== "vision")).map((x) => x.id).join(" → ");
}

export function verksamhetsplanView(ctx: PlanCtx, datum: string | undefined): VerksamhetsplanView {
  const { plan, t } = ctx;
  const nämndOf = nämndFinder(plan);
  const docs: TypedDoc[] = plan.docs.filter((d) => {
    if (d.kind !== "verksamhetsplan" || d.year !== ctx.year) return false;
    const organ = str(d.data.organ);
    return ctx.nämnd === undefined || (organ !== undefined && nämndOf(organ) === ctx.nämnd);
  });
  // In the organisation's order; a plan for an organ it does not list comes last.
  const organOrder = new Map(plan.entities.filter((e) => e.kind === "organ").map((e, i) => [e.id, i]));
  const rank = (d: TypedDoc): number => organOrder.get(str(d.data.organ) ?? "") ?? Number.MAX_SAFE_INTEGER;
  docs.sort((a, b) => rank(a) - rank(b));
  const kindName = (e: Entity): string => t.plan.vp.slag[e.kind] ?? e.kind;
  const aktiviteterAll: Entity[] = [];
  const organ: OrganSection[] = docs.map((d) => {
    const id = str(d.data.organ) ?? "";
    const akt = entitiesIn(plan, "aktivitet", d.entity);
    for (const a of akt) aktiviteterAll.push(a);
    const groups = new Map<string, Group>();
    for (const a of akt) {
      const row = { id: a.id, namn: nameOf(a), ansvarig: str(a.data.ansvarig) ?? "", start: date(a.data.start), slut: date(a.data.slut) };
      const targets = asList(a.data.bidrar_till);
      if (targets.length === 0) targets.push("");
      // The aktivitet's parents by ID (the first of each), made when a new group needs one: an
      // aktivitet may serve thousands, and a search of its parents per target would be their square.
      let parentById: Map<string, Entity> | undefined;
      for (const tid of targets) {
        let g = groups.get(tid);
        if (!g) {
          if (!parentById) {
            parentById = new Map();
            for (const p of a.parents) if (!parentById.has(p.id)) parentById.set(p.id, p);
          }
          const e = tid !== "" ? (parentById.get(tid) ?? findEntity(plan, tid, ctx.year)) : undefined;
          g = tid === "" ? { id: "", namn: t.plan.vp.utanKoppling, slag: "", tråd: "", aktiviteter: [] } : { id: tid, namn: e ? nameOf(e) : "", slag: e ? kindName(e) : "", tråd: e ? thread(e) : tid, aktiviteter: [] };
          groups.set(tid, g);
        }
        g.aktiviteter.push(row);
      }
    }
    const produktionsmål = items(d.data.produktionsmål)
      .filter((p) => str(p.id) !== undefined)
      .map((p) => {
        const k = items(p.nyckeltal)[0] ?? (p.nyckeltal !== null && typeof p.nyckeltal === "object" ? (p.nyckeltal as Record<string, unknown>) : undefined);
        const mv = k && k.målvärden !== null && typeof k.målvärden === "object" ? (k.målvärden as Record<string, unknown>)[String(ctx.year)] : undefined;
        return {
          id: str(p.id)!,
          text: rich(str(p.text), 4),
          bidrarTill: asList(p.bidrar_till).join(", "),
          nyckeltal: (k ? str(k.namn) : undefined) ?? "",
          enhet: (k ? str(k.enhet) : undefined) ?? "",
          målvärde: typeof mv === "number" ? formatNumber(mv, ctx.lang) : "",
        };
      });
    return {
      id,
      anchor: `organ-${id}`,
      namn: organName(plan, id),
      dokument: str(d.data.namn) ?? str(d.data.id) ?? "",
      beslut: d.data.beslut !== undefined || str(d.data.status) === "förslag" ? decisionLine(ctx, d.data) : null,
      antalAktiviteter: akt.length,
      grupper: [...groups.values()],
      produktionsmål,
    };
  });

  // Per nämnd: its åtaganden (named or alla) that no aktivitet of its own organs serves,
  // directly or through a verksamhetsmål or uppdrag. The aktiviteter and the åtaganden are
  // sorted out per nämnd in one pass each, not looked through again for every nämnd.
  const nämnder = ctx.nämnd !== undefined ? [ctx.nämnd] : plan.entities.filter((e) => e.kind === "organ" && e.organTyp === "nämnd").map((e) => e.id);
  const aktiviteterOf = new Map<string, Entity[]>();
  for (const a of aktiviteterAll) {
    const organId = str(a.container?.data.organ);
    const nämnd = organId !== undefined ? nämndOf(organId) : undefined;
    if (nämnd === undefined) continue;
    const list = aktiviteterOf.get(nämnd);
    if (list) list.push(a);
    else aktiviteterOf.set(nämnd, [a]);
  }
  const åtagandenPer = åtagandenPerNämnd(ctx, nämnder);
  const ejBetjänade: Unserved[] = nämnder
    .map((nämnd) => {
      const served = new Set<Entity>();
      for (const a of aktiviteterOf.get(nämnd) ?? []) {
        const stack = [...a.parents];
        while (stack.length > 0) {
          const x = stack.pop()!;
          if (served.has(x)) continue;
          served.add(x);
          // Not push(...parents): an entity may have more parents than a call has arguments.
          for (const p of x.parents) stack.push(p);
        }
      }
      const list = (åtagandenPer.get(nämnd) ?? []).filter((å) => !served.has(å));
      return { nämnd, namn: organName(plan, nämnd), anchor: `ej-${nämnd}`, antal: list.length, åtaganden: list.map((å) => ({ id: å.id, namn: nameOf(å), tråd: thread(å) })) };
    })
    .filter((u) => ctx.nämnd !== undefined || (åtagandenPer.get(u.nämnd) ?? []).length > 0);

  const toc = tocOf([...organ.map((o) => [o.anchor, o.namn, true] as const), ["ej-betjanade", t.plan.vp.ejBetjänade, true]]);
  return {
    ...planHeader(ctx, "verksamhetsplan", datum, toc, null),
    organ,
    antalAktiviteter: aktiviteterAll.length,
    ejBetjänade,
  };
}
