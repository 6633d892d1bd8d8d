// Every report of both examples, whole kommun and per nämnd, Markdown and HTML, as files
// under test/snapshots/report/ that are read at review (update: npx vitest run -u). Beside each
// snapshot, what must hold whatever the review accepts: the phase's title, the nämnd of a cut.
import { afterAll, describe, expect, it } from "vitest";
import { cleanupTemp, KATRINEHOLM, minimalWithHelår, PHASES, render } from "./report-helpers.js";

afterAll(cleanupTemp);

const ASCII = { månad: "manad", delår: "delar", årsredovisning: "arsredovisning" } as const;
const TITLE = { månad: "Månadsrapport", delår: "Delårsrapport", årsredovisning: "Årsredovisning" } as const;
const NÄMND: Record<string, string> = { BIN: "Bildningsnämnden", KS: "Kommunstyrelsen", BUN: "Barn- och utbildningsnämnden" };

describe("report snapshots", () => {
  const minimal = minimalWithHelår();
  const cases = [
    { name: "katrineholm", dir: KATRINEHOLM, nämnder: [undefined, "BIN"] },
    { name: "minimal", dir: minimal, nämnder: [undefined, "KS", "BUN"] },
  ];
  for (const c of cases) {
    for (const nämnd of c.nämnder) {
      for (const phase of PHASES) {
        for (const format of ["md", "html"] as const) {
          const file = `snapshots/report/${c.name}-${nämnd ?? "kommun"}-${ASCII[phase]}.${format}`;
          it(file, async () => {
            const text = render(c.dir, phase, { format, ...(nämnd ? { nämnd } : {}) });
            const title = format === "md" ? /^# (.*)$/mu.exec(text)?.[1] : /<h1>([^<]*)<\/h1>/u.exec(text)?.[1];
            expect(title).toMatch(new RegExp(`^${TITLE[phase]} `, "u"));
            if (nämnd) {
              expect(title).toMatch(new RegExp(` – ${NÄMND[nämnd]}$`, "u"));
              expect(text).toContain(format === "md" ? `- Nämnd: ${NÄMND[nämnd]} (\`${nämnd}\`)` : `<dt>Nämnd</dt><dd>${NÄMND[nämnd]} (${nämnd})</dd>`);
            } else {
              expect(title).not.toContain(" – ");
              expect(text).not.toMatch(/Nämnd: |<dt>Nämnd<\/dt>/u);
            }
            if (format === "html") expect(text).toMatch(/^<!DOCTYPE html>\n<html lang="sv">/u);
            await expect(text).toMatchFileSnapshot(file);
          });
        }
      }
    }
  }
});
