// The built-in templates and a plan's own: one built-in template serves the delårsrapport and
// the årsredovisning, yet a plan's mallar/ overrides each by its own name; the Markdown status
// partial is `status-badge` as in HTML, and its old name `status` still works. In-process.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { computeStatus } from "../src/status/engine.js";
import { cleanupTemp, copyPlan, MINIMAL, planAt, render, ROOT } from "./report-helpers.js";

afterAll(cleanupTemp);

const withHelår = (): string => copyPlan(MINIMAL, "report-minimal-helar");
const write = (file: string, text: string): void => {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
};

describe("one built-in template for delår and årsredovisning", () => {
  it("has no arsredovisning.hbs of its own, and the årsredovisning is still the full report", () => {
    for (const format of ["html", "md"]) {
      expect(existsSync(path.join(ROOT, "templates", format, "delar.hbs"))).toBe(true);
      expect(existsSync(path.join(ROOT, "templates", format, "arsredovisning.hbs"))).toBe(false);
    }
    const md = render(withHelår(), "årsredovisning", { format: "md" });
    expect(md).toMatch(/^# Årsredovisning/u);
    expect(md).toContain("Den nya förskoleavdelningen i centrum öppnade i augusti."); // an avsnitt
  });

  it("a plan's own arsredovisning.hbs overrides the årsredovisning only", () => {
    const dir = withHelår();
    write(path.join(dir, "mallar/md/arsredovisning.hbs"), "{{#> layout}}EGEN ÅRSREDOVISNING{{/layout}}");
    expect(render(dir, "årsredovisning", { format: "md" })).toContain("EGEN ÅRSREDOVISNING");
    expect(render(dir, "delår", { format: "md", period: "2026-08" })).not.toContain("EGEN ÅRSREDOVISNING");
  });

  it("a plan's own delar.hbs overrides the delårsrapport only, as before", () => {
    const dir = withHelår();
    write(path.join(dir, "mallar/md/delar.hbs"), "{{#> layout}}EGEN DELÅRSRAPPORT{{/layout}}");
    expect(render(dir, "delår", { format: "md", period: "2026-08" })).toContain("EGEN DELÅRSRAPPORT");
    const år = render(dir, "årsredovisning", { format: "md" });
    expect(år).not.toContain("EGEN DELÅRSRAPPORT");
    expect(år).toContain("Den nya förskoleavdelningen i centrum öppnade i augusti.");
  });
});

describe("the status partial: status-badge in both formats", () => {
  const builtIn = readFileSync(path.join(ROOT, "templates/md/partials/fulfilment-table.hbs"), "utf8");

  it("Markdown has status-badge and no partial named status", () => {
    expect(existsSync(path.join(ROOT, "templates/md/partials/status-badge.hbs"))).toBe(true);
    expect(existsSync(path.join(ROOT, "templates/md/partials/status.hbs"))).toBe(false);
    expect(builtIn).toContain("{{> status-badge status}}");
  });

  it("a plan's own md partial by the old name replaces the status everywhere", () => {
    const dir = withHelår();
    write(path.join(dir, "mallar/md/partials/status.hbs"), "[{{word}}]");
    for (const phase of ["delår", "årsredovisning"] as const) {
      const md = render(dir, phase, { format: "md", ...(phase === "delår" ? { period: "2026-08" } : {}) });
      expect(md, phase).toContain("| [Uppfyllt] |");
    }
  });

  it("a plan's own template that calls the old name {{> status}} renders as before", () => {
    const plain = render(withHelår(), "delår", { format: "md", period: "2026-08" });
    const dir = withHelår();
    write(path.join(dir, "mallar/md/partials/fulfilment-table.hbs"), builtIn.replaceAll("{{> status-badge ", "{{> status "));
    expect(render(dir, "delår", { format: "md", period: "2026-08" })).toBe(plain);
  });
});

describe("avsnitt keys are the plan's words, whatever they are", () => {
  it("an avsnitt named __proto__ is kept, not swallowed by the object's prototype", () => {
    const dir = withHelår();
    const file = path.join(dir, "uppfoljning/2026-12-helar.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace("avsnitt:\n", "avsnitt:\n  __proto__: Ett avsnitt med ett olyckligt namn.\n"));
    const m = computeStatus(planAt(dir), { period: "2026-12" });
    expect(Object.keys(m.avsnitt)).toContain("__proto__");
    expect(m.avsnitt["__proto__"]).toBe("Ett avsnitt med ett olyckligt namn.");
    expect(render(dir, "årsredovisning", { format: "md" })).toContain("Ett avsnitt med ett olyckligt namn.");
  });
});

describe("code points no HTML page may hold", () => {
  it("are dropped from every HTML report, plan text and Markdown alike, and the text around them stays", () => {
    const dir = copyPlan(MINIMAL, "report-minimal-helar");
    const edit = (rel: string, from: string, to: string): void => {
      const file = path.join(dir, rel);
      const text = readFileSync(file, "utf8");
      expect(text).toContain(from);
      writeFileSync(file, text.replace(from, to));
    };
    // A bell, a C1 control and a noncharacter, as YAML escapes in a name and in a Markdown comment.
    edit("plan.yaml", "namn: Exempelby kommun", 'namn: "Exempelby\\a kommun\\x85\\uFFFE"');
    edit("uppfoljning/2026-08-delar.yaml", "analys: |", 'analys: "Analys\\aen **fet**\\uFDD0 text"\nx-gammal-analys: |');
    for (const phase of ["månad", "delår", "årsredovisning"] as const) {
      const html = render(dir, phase, { format: "html" });
      expect(html, phase).not.toMatch(/[\u0000-\u0008\u000b\u000e-\u001f\u007f-\u009f\ufdd0-\ufdef\ufffe\uffff]/u);
      expect(html, phase).toContain("Exempelby kommun");
    }
    expect(render(dir, "delår", { format: "html" })).toContain("Analysen <strong>fet</strong> text");
  });
});
