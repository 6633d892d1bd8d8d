// Each document: is it a mapping, what kind it is, and does it fit that kind's schema.
import type { Diagnostic } from "../diagnostics/index.js";
import type { SourceDoc } from "../load/source.js";
import { isData } from "../model/build.js";
import { isDocKind } from "../model/plan.js";
import { DOC_KINDS } from "../model/types.js";
import { nearestKind } from "./broken.js";
import { at } from "./report.js";
import { validateSchema } from "./schema.js";

export function checkDocuments(docs: readonly SourceDoc[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  let sawKommun = false;
  for (const doc of docs) {
    const value = doc.value;
    if (!isData(value)) {
      out.push(at("not-a-mapping", { doc, obj: (value ?? {}) as object }, {}));
      continue;
    }
    const typ = value.typ;
    if (!isDocKind(typ)) {
      const loc = "typ" in value ? { doc, obj: value, key: "typ" } : { doc, obj: value };
      const word = typ === undefined ? "" : String(typ);
      const suggestion = word === "" ? undefined : nearestKind(word);
      out.push(at("unknown-typ", loc, { value: word, allowed: [...DOC_KINDS], ...(suggestion ? { suggestion } : {}) }));
      continue;
    }
    if (typ === "kommun") {
      if (doc.file !== "plan.yaml" || sawKommun) {
        out.push(at("misplaced-kommun", { doc, obj: value, key: "typ" }, {}));
        continue;
      }
      sawKommun = true;
    } else if (doc.file === "plan.yaml" && doc.index === 0) {
      out.push(at("unknown-typ", { doc, obj: value, key: "typ" }, { value: typ, allowed: ["kommun"] }));
    }
    for (const d of validateSchema(doc, typ)) out.push(d);
  }
  return out;
}
