// A report shows, next to an åtagande's status, the status at the previous follow-up when it changed.
// The commands run in-process: what they print does not depend on the process.
import { describe, expect, it } from "vitest";
import { planInProcess as plan } from "./helpers/in-process.js";
import { KATRINEHOLM } from "./report-helpers.js";

interface StatusJson {
  åtaganden: { id: string; status: string }[];
}

const WORD: Record<string, string> = { uppfyllt: "Uppfyllt", delvis_uppfyllt: "Delvis uppfyllt", ej_uppfyllt: "Ej uppfyllt", ej_bedömd: "Ej bedömd" };

describe("status at the previous follow-up", () => {
  it("is noted exactly for the åtaganden whose status changed since 2012-10", () => {
    const before = JSON.parse(plan(["status", "-C", KATRINEHOLM, "--period", "2012-10", "--format", "json"]).stdout) as StatusJson;
    const now = JSON.parse(plan(["status", "-C", KATRINEHOLM, "--period", "2012-12", "--format", "json"]).stdout) as StatusJson;
    const was = new Map(before.åtaganden.map((a) => [a.id, a.status]));
    const changed = now.åtaganden.filter((a) => was.has(a.id) && was.get(a.id) !== a.status);
    expect(changed.length).toBeGreaterThan(0);

    const md = plan(["report", "årsredovisning", "-C", KATRINEHOLM, "--format", "md"]);
    expect(md.status).toBe(0);
    const rows = md.stdout.split("\n").filter((l) => /^\| `[A-ZÅÄÖ]+-A\d+` /u.test(l));
    const noted = new Map<string, string>();
    for (const row of rows) {
      const m = /^\| `([^`]+)` .*\*\(tidigare \(2012-10\): [●◐○–] ([^)]+)\)\*/u.exec(row);
      if (m) noted.set(m[1]!, m[2]!);
    }
    expect([...noted.keys()].sort()).toEqual(changed.map((a) => a.id).sort());
    for (const a of changed) expect(noted.get(a.id)).toBe(WORD[was.get(a.id)!]);
  });

  it("is absent where no earlier follow-up exists", () => {
    const md = plan(["report", "delår", "-C", KATRINEHOLM, "--period", "2012-08", "--format", "md"]);
    expect(md.status).toBe(0);
    expect(md.stdout).not.toContain("tidigare (");
  });
});
