// Every report of both examples, whole kommun and per nämnd, Markdown and HTML, as files
// under test/snapshots/report/ that are read at review (update: npx vitest run -u).
import { afterAll, describe, expect, it } from "vitest";
import { cleanupTemp, KATRINEHOLM, minimalWithHelår, PHASES, render } from "./report-helpers.js";

afterAll(cleanupTemp);

const ASCII = { månad: "manad", delår: "delar", årsredovisning: "arsredovisning" } as const;

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
            await expect(render(c.dir, phase, { format, ...(nämnd ? { nämnd } : {}) })).toMatchFileSnapshot(file);
          });
        }
      }
    }
  }
});
