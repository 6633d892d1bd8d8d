// What plan.yaml says about the published site (`webbplats`): the open data's licence, the
// contact for the accessibility statement, and the statement's own review date and shortcomings.
import { isData, str } from "../model/build.js";
import type { Plan } from "../model/plan.js";

export interface SiteSettings {
  /** The kommun's name, the publisher of the site. */
  kommun: string;
  licens?: string;
  kontakt: { epost?: string; telefon?: string; adress?: string };
  /** YYYY-MM-DD: when the kommun last reviewed the accessibility statement. */
  granskad?: string;
  /** Markdown: shortcomings the kommun knows of. */
  brister?: string;
}

const text = (v: unknown): string | undefined => {
  const s = str(v)?.trim();
  return s === undefined || s === "" ? undefined : s;
};

export function siteSettings(plan: Plan): SiteSettings {
  const data = plan.kommun?.data ?? {};
  const w = isData(data.webbplats) ? data.webbplats : {};
  const k = isData(w.kontakt) ? w.kontakt : {};
  const t = isData(w.tillgänglighet) ? w.tillgänglighet : {};
  const kontakt: SiteSettings["kontakt"] = {};
  for (const key of ["epost", "telefon", "adress"] as const) {
    const v = text(k[key]);
    if (v !== undefined) kontakt[key] = v;
  }
  const licens = text(w.licens);
  const granskad = text(t.granskad);
  const brister = text(t.brister);
  return {
    kommun: text(data.namn) ?? "",
    ...(licens !== undefined ? { licens } : {}),
    kontakt,
    ...(granskad !== undefined && /^\d{4}-\d{2}-\d{2}$/u.test(granskad) ? { granskad } : {}),
    ...(brister !== undefined ? { brister } : {}),
  };
}
