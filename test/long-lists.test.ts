// Lists longer than a call takes arguments: a spread into Math.max or push fails with "Maximum
// call stack size exceeded" past about 125,000 items. A plan file of 500,000 empty documents
// gave as many findings, and `plan validate` ended in an internal error instead of the list.
import { describe, expect, it } from "vitest";
import { diagnostic, type Diagnostic } from "../src/diagnostics/index.js";
import { ARSHJUL_FORMATTERS } from "../src/format/arshjul.js";
import { DIAGNOSTICS_FORMATTERS } from "../src/format/diagnostics.js";
import type { DiagnosticsFormat } from "../src/format/names.js";
import { unifiedDiff } from "../src/kolada/diff.js";
import { DEFAULT_ÅRSHJUL } from "../src/model/arshjul.js";
import { fulfilmentChart, sparkline } from "../src/report/chart.js";
import type { FasStatus, ÅrshjulStatus } from "../src/status/arshjul.js";

const N = 150_000;

describe("lists longer than a call takes arguments", () => {
  it("every format of plan validate writes 150,000 findings", () => {
    const found: Diagnostic[] = Array.from({ length: N }, (_, i) => diagnostic("unknown-typ", { file: "many.yaml", line: i + 1, column: 1 }, { value: "", allowed: ["budget"] }));
    for (const format of Object.keys(DIAGNOSTICS_FORMATTERS) as DiagnosticsFormat[]) {
      const out = DIAGNOSTICS_FORMATTERS[format]({ diagnostics: found, files: ["many.yaml"] }, { lang: "sv", color: false, gitPrefix: "", version: "0", failOn: "error" });
      expect(out, format).toContain(String(N));
    }
  });

  it("årshjul names 150,000 late phases, a line each", () => {
    const faser: FasStatus[] = Array.from({ length: N }, (_, i) => ({ fas: { ...DEFAULT_ÅRSHJUL[1]!, id: `f${i}`, namn: `Fas ${i}` }, senast: "2026-01-31", läge: "sen", dokumentÅr: 2026, saknas: [] }));
    const status: ÅrshjulStatus = { år: 2026, idag: "2026-12-31", faser: [], sena: faser };
    for (const lang of ["sv", "en"] as const) expect(ARSHJUL_FORMATTERS.text({ kommun: "Ekby", status }, { lang, color: false })).toContain(`Fas ${N - 1} `);
  });

  it("plan kolada shows a new follow-up of 150,000 rows as one diff", () => {
    const text = Array.from({ length: N }, (_, i) => `  - { avser: A${i}, utfall: ${i} }\n`).join("");
    const diff = unifiedDiff("uppfoljning/ny.yaml", undefined, [{ start: 0, end: 0, text }]);
    expect(diff.split("\n").filter((l) => l.startsWith("+  - ")).length).toBe(N);
  });

  it("the charts scale to 150,000 bars and points", () => {
    const counts = { uppfyllt: 1, delvis_uppfyllt: 0, ej_uppfyllt: 0, ej_bedömd: 0 };
    const legend = { uppfyllt: "●", delvis_uppfyllt: "◐", ej_uppfyllt: "○", ej_bedömd: "–" };
    const bars = fulfilmentChart(Array.from({ length: N }, (_, i) => ({ label: `R${i}`, counts: { ...counts, uppfyllt: i } })), { id: "c", title: "t", desc: "d", legend, segment: () => "" } as unknown as Parameters<typeof fulfilmentChart>[1]);
    expect(bars).toContain("<svg");
    expect(sparkline(Array.from({ length: N }, (_, i) => ({ year: 2000 + i, value: i })), 5, { id: "s", title: "t" })).toContain("<svg");
  });
});
