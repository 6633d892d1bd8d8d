// The verksamhetsplan report: per organ (a förvaltning or enhet), its aktiviteter grouped under
// what they serve, each group with its thread up to the målområde; its produktionsmål; and per
// nämnd the åtaganden that no aktivitet serves yet. Read straight from the plan's documents.
import { asList, items, str, type TypedDoc } from "../model/build.js";
import { chainsUp, findEntity, nameOf, organName } from "../model/thread.js";
import type { Entity } from "../model/types.js";
import { formatNumber } from "../format/status-words.js";
import { tocOf } from "./toc.js";
import { rich, type RichText } from "./view-common.js";
import { åtagandenOf, decisionLine, planHeader, type PlanCtx, type PlanHeader } from "./view-planning.js";

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

/** The organ an organ stands under (`under:` in the organisation), if any. */
function parentOrgan(plan: PlanCtx["plan"], id: string): string | undefined {
  const e = plan.entities.find((x) => x.kind === "organ" && x.id === id);
  return e ? str(e.data.under) : undefined;
}

/** The nämnd an organ belongs to: itself when it is one, else the first nämnd above it. */
function nämndOf(ctx: PlanCtx, organ: string): string | undefined {
  const seen = new Set<string>();
  let cur: string | undefined = organ;
  while (cur !== undefined && !seen.has(cur)) {
    seen.add(cur);
    const e = ctx.plan.entities.find((x) => x.kind === "organ" && x.id === cur);
    if (e?.organTyp === "nämnd") return cur;
    cur = parentOrgan(ctx.plan, cur);
  }
  return undefined;
}

/** The thread from an entity up to its målområde, compactly: IDs joined by arrows. */
function thread(e: Entity): string {
  const chain = chainsUp(e, 1).chains[0] ?? [e];
  const cut = chain.findIndex((x) => x.kind === "målområde");
  return (cut >= 0 ? chain.slice(0, cut + 1) : chain.filter((x) => x.kind !== "vision")).map((x) => x.id).join(" → ");
}

export function verksamhetsplanView(ctx: PlanCtx, datum: string | undefined): VerksamhetsplanView {
  const { plan, t } = ctx;
  const docs: TypedDoc[] = plan.docs.filter((d) => {
    if (d.kind !== "verksamhetsplan" || d.year !== ctx.year) return false;
    const organ = str(d.data.organ);
    return ctx.nämnd === undefined || (organ !== undefined && nämndOf(ctx, organ) === ctx.nämnd);
  });
  // In the organisation's order; a plan for an organ it does not list comes last.
  const organOrder = new Map(plan.entities.filter((e) => e.kind === "organ").map((e, i) => [e.id, i]));
  const rank = (d: TypedDoc): number => organOrder.get(str(d.data.organ) ?? "") ?? Number.MAX_SAFE_INTEGER;
  docs.sort((a, b) => rank(a) - rank(b));
  const kindName = (e: Entity): string => t.plan.vp.slag[e.kind] ?? e.kind;
  const aktiviteterAll: Entity[] = [];
  const organ: OrganSection[] = docs.map((d) => {
    const id = str(d.data.organ) ?? "";
    const akt = d.entity ? plan.entities.filter((e) => e.kind === "aktivitet" && e.container === d.entity) : [];
    aktiviteterAll.push(...akt);
    const groups = new Map<string, Group>();
    for (const a of akt) {
      const row = { id: a.id, namn: nameOf(a), ansvarig: str(a.data.ansvarig) ?? "", start: date(a.data.start), slut: date(a.data.slut) };
      const targets = asList(a.data.bidrar_till);
      if (targets.length === 0) targets.push("");
      for (const tid of targets) {
        let g = groups.get(tid);
        if (!g) {
          const e = tid !== "" ? (a.parents.find((p) => p.id === tid) ?? findEntity(plan, tid, ctx.year)) : undefined;
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
  // directly or through a verksamhetsmål or uppdrag.
  const nämnder = ctx.nämnd !== undefined ? [ctx.nämnd] : plan.entities.filter((e) => e.kind === "organ" && e.organTyp === "nämnd").map((e) => e.id);
  const ejBetjänade: Unserved[] = nämnder
    .map((nämnd) => {
      const served = new Set<Entity>();
      for (const a of aktiviteterAll) {
        const organId = str(a.container?.data.organ);
        if (organId === undefined || nämndOf(ctx, organId) !== nämnd) continue;
        const stack = [...a.parents];
        while (stack.length > 0) {
          const x = stack.pop()!;
          if (served.has(x)) continue;
          served.add(x);
          stack.push(...x.parents);
        }
      }
      const list = åtagandenOf({ ...ctx, nämnd }).filter((å) => !served.has(å));
      return { nämnd, namn: organName(plan, nämnd), anchor: `ej-${nämnd}`, antal: list.length, åtaganden: list.map((å) => ({ id: å.id, namn: nameOf(å), tråd: thread(å) })) };
    })
    .filter((u) => ctx.nämnd !== undefined || åtagandenOf({ ...ctx, nämnd: u.nämnd }).length > 0);

  const toc = tocOf([...organ.map((o) => [o.anchor, o.namn, true] as const), ["ej-betjanade", t.plan.vp.ejBetjänade, true]]);
  return {
    ...planHeader(ctx, "verksamhetsplan", datum, toc, null),
    organ,
    antalAktiviteter: aktiviteterAll.length,
    ejBetjänade,
  };
}
