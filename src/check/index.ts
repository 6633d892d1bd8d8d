// All checks over a loaded plan, then the municipality's own severities from plan.yaml `regler`.
import { isCode, isFileCode, type Diagnostic } from "../diagnostics/index.js";
import type { SourceDoc } from "../load/source.js";
import { isData } from "../model/build.js";
import { buildPlan, typeDocuments, type Plan } from "../model/plan.js";
import { Broken, foldMisspelt } from "./broken.js";
import { checkContent } from "./content.js";
import { checkCoverage } from "./coverage.js";
import { checkDocuments } from "./documents.js";
import { checkEconomy } from "./economy.js";
import { checkFollowUps } from "./followup.js";
import { checkIds } from "./ids.js";
import { checkKolada } from "./kolada.js";
import { checkDates, checkPeriods } from "./periods.js";
import { checkReferences } from "./references.js";
import { at } from "./report.js";
import { checkThread, type Traces } from "./thread.js";
import { compareText } from "../model/text-order.js";

export interface CheckResult {
  plan: Plan;
  diagnostics: Diagnostic[];
  /** The entities that trace up to a målområde (check/thread.ts), for whatever else asks. */
  traces?: Traces;
}

/** 0 for a cause (a file not read, a document not usable), 1 for the line that sums up what it hid, 2 for the rest. */
const rank = (d: Diagnostic): number => (isFileCode(d.code) || DOCUMENT_CAUSES.has(d.code) ? 0 : d.code === "unchecked-references" ? 1 : 2);
const DOCUMENT_CAUSES: ReadonlySet<string> = new Set(["unknown-typ", "misplaced-kommun"]);

/**
 * Order of output, whatever the input order: the causes first. Files with a cause come before
 * the others; within a file its causes, its summary line, then the rest; each by line, column,
 * code, then message arguments.
 */
function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  const causeFiles = new Set(diagnostics.filter((d) => rank(d) === 0).map((d) => d.file));
  const fileRank = (d: Diagnostic): number => (causeFiles.has(d.file) ? 0 : 1);
  return diagnostics.sort((a, b) => fileRank(a) - fileRank(b) || compareText(a.file, b.file) || rank(a) - rank(b) || compareDiagnostics(a, b));
}

function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    a.line - b.line ||
    a.column - b.column ||
    compareText(a.code, b.code) ||
    compareText(JSON.stringify(a.args), JSON.stringify(b.args))
  );
}

/** Apply `regler` (code → error | warning | off) from the kommun document. */
function applyRules(diagnostics: Diagnostic[], plan: Plan): Diagnostic[] {
  const regler = plan.kommun && isData(plan.kommun.data.regler) ? plan.kommun.data.regler : undefined;
  if (!regler) return diagnostics;
  const extra: Diagnostic[] = [];
  for (const code of Object.keys(regler)) {
    if (!isCode(code) && !code.startsWith("x-")) {
      extra.push(at("unknown-rule", { doc: plan.kommun!.doc, obj: regler, key: code, part: "key" }, { code }));
    }
  }
  const out: Diagnostic[] = [];
  for (const d of [...diagnostics, ...extra]) {
    const rule = regler[d.code];
    if (rule === "off") continue;
    if (rule === "error" || rule === "warning") out.push({ ...d, severity: rule });
    else out.push(d);
  }
  return out;
}

/** Every check over the parsed documents; `loadDiagnostics` come from reading and parsing. */
export function checkPlan(docs: readonly SourceDoc[], loadDiagnostics: readonly Diagnostic[] = []): CheckResult {
  const documents = checkDocuments(docs);
  const plan = buildPlan(typeDocuments(docs));
  const broken = new Broken([...loadDiagnostics, ...documents]);
  const thread = checkThread(plan.entities);
  // concat, not push(...): a hostile plan can have more findings than a call has arguments.
  const diagnostics: Diagnostic[] = ([] as Diagnostic[]).concat(
    loadDiagnostics,
    documents,
    checkIds(plan.entities, plan.index),
    checkReferences(plan.failed, plan.index, broken),
    thread.diagnostics,
    checkPeriods(plan),
    checkDates(plan.entities),
    checkContent(plan),
    checkCoverage(plan),
    checkFollowUps(plan),
    checkKolada(plan),
    checkEconomy(plan),
  );
  const final = sortDiagnostics(foldMisspelt(applyRules(broken.fold(diagnostics), plan), plan));
  // One diagnostic per place and code: two checks reaching the same conclusion say it once.
  const unique: Diagnostic[] = [];
  let last = "";
  for (const d of final) {
    const key = `${d.file}:${d.line}:${d.column}:${d.code}:${JSON.stringify(d.args)}`;
    if (key !== last) unique.push(d);
    last = key;
  }
  return { plan, diagnostics: unique, traces: thread.traces };
}
