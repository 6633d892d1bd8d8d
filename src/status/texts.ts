// The follow-ups' own words for the period: analys per organ, the avsnitt of the
// årsredovisning, and which kind of rapport the period is.
import { isData, str } from "../model/build.js";
import { ofPeriod, type PeriodScope } from "./scope.js";

export interface PeriodTexts {
  rapport?: string;
  analys: { file: string; organ?: string; text: string }[];
  /**
   * Avsnitt by key, merged over the period's follow-ups (a later file wins a key). Without a
   * prototype, so any key a plan writes (`__proto__`, `constructor`) is an avsnitt like the rest.
   */
  avsnitt: Record<string, string>;
}

/** Only follow-ups of exactly the period count; cut to a nämnd, other organs' are left out. */
export function periodTexts(s: PeriodScope): PeriodTexts {
  const docs = ofPeriod(s);
  const analys: PeriodTexts["analys"] = [];
  const avsnitt: Record<string, string> = Object.create(null);
  for (const t of docs) {
    const organ = str(t.data.organ);
    if (s.nämnd !== undefined && organ !== undefined && organ !== s.nämnd) continue;
    const text = str(t.data.analys);
    if (text !== undefined) analys.push({ file: t.doc.file, ...(organ !== undefined ? { organ } : {}), text });
    if (isData(t.data.avsnitt)) for (const [k, v] of Object.entries(t.data.avsnitt)) if (typeof v === "string") avsnitt[k] = v;
  }
  // The kommun's own follow-up (no organ) says what kind of rapport it is; else the first one.
  const rapport = str(docs.find((t) => str(t.data.organ) === undefined)?.data.rapport ?? docs[0]?.data.rapport);
  return { ...(rapport !== undefined ? { rapport } : {}), analys, avsnitt };
}
