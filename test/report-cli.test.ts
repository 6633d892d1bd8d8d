// `plan report`: the command in-process for what it prints (`report`), and the built CLI in a
// child process (`plan`) for what only the CLI does: exit status and streams, -o, --ar, --format.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { plan, type Run } from "./helpers/exec.js";
import { planInProcess } from "./helpers/in-process.js";
import { cleanupTemp, copyPlan, KATRINEHOLM, MINIMAL, tempDir } from "./report-helpers.js";

afterAll(cleanupTemp);

const K = ["-C", KATRINEHOLM];
const oneLine = (s: string): void => expect(s.trimEnd().split("\n")).toHaveLength(1);

/** `report` in-process, for what the command prints (see helpers/in-process.ts). */
const report = (args: string[]): Run => planInProcess(args);

describe("plan report: phases and periods", () => {
  it("takes the three phases, also spelled in ASCII", () => {
    for (const [fas, title] of [["månad", "# Månadsrapport"], ["manad", "# Månadsrapport"], ["delår", "# Delårsrapport"], ["delar", "# Delårsrapport"], ["årsredovisning", "# Årsredovisning 2012"], ["arsredovisning", "# Årsredovisning 2012"]]) {
      // The ASCII spellings are normalizeArgv's, which the in-process runner applies as the CLI
      // does; one of them goes through the built CLI to show that the CLI applies it.
      const r = (fas === "manad" ? plan : report)(["report", fas!, ...K]);
      expect(r.stderr, fas).toBe("");
      expect(r.status, fas).toBe(0);
      expect(r.stdout.split("\n")[0], fas).toContain(title);
    }
  });

  it("refuses an unknown phase with one line that lists the phases (exit 2)", () => {
    // The phase is the command's to check (commander takes any <fas>): in-process.
    const r = report(["report", "kvartal", ...K]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    oneLine(r.stderr);
    expect(r.stderr).toContain("månad, delår, årsredovisning");
  });

  it("picks the period: delår the newest delår, årsredovisning the newest helår, månad the newest månad", () => {
    const period = (args: string[], how: (args: string[]) => Run = report): string => /Period: .* \((\d{4})\\?-(\d\d)\)/u.exec(how(["report", ...args, ...K]).stdout)?.slice(1).join("-") ?? "";
    expect(period(["delår"])).toBe("2012-08");
    expect(period(["årsredovisning"])).toBe("2012-12");
    // uppfoljning/: 2012-08 delår, 2012-10 månad, 2012-12 helår: the month report is October's.
    expect(period(["månad"])).toBe("2012-10");
    expect(period(["månad", "--år", "2012"])).toBe("2012-10");
    expect(report(["report", "månad", ...K]).stdout.split("\n")[0]).toContain("# Månadsrapport januari–oktober 2012");
    expect(period(["delår", "--ar", "2012"], plan)).toBe("2012-08");
    expect(report(["report", "månad", "--period", "2012-10", ...K]).stdout).toContain("# Månadsrapport januari–oktober 2012");
    // delår falls back to the newest period when no follow-up says rapport: delår; månad too.
    expect(report(["report", "delår", "-C", copyPlanWithout(KATRINEHOLM, "delar")]).stdout).toMatch(/\(2012\\?-12\)/u);
    expect(report(["report", "månad", "-C", copyPlanWithout(KATRINEHOLM, "manad")]).stdout).toMatch(/\(2012\\?-12\)/u);
  });

  it("månad takes the newest of several månad follow-ups, not a newer helår or delår one", () => {
    const dir = copyPlan(KATRINEHOLM);
    const oct = readFileSync(path.join(dir, "uppfoljning/2012-10-manad.yaml"), "utf8");
    // An earlier month (September) and a delår follow-up for November besides the helår one.
    writeFileSync(path.join(dir, "uppfoljning/2012-09-manad.yaml"), oct.replace("id: UF2012-10", "id: UF2012-09").replace("period: 2012-10", "period: 2012-09"));
    writeFileSync(path.join(dir, "uppfoljning/2012-11-delar.yaml"), oct.replace("id: UF2012-10", "id: UF2012-11").replace("period: 2012-10", "period: 2012-11").replace("rapport: månad", "rapport: delår"));
    const period = (fas: string): string | undefined => /Period: .* \((\d{4})\\?-(\d\d)\)/u.exec(report(["report", fas, "-C", dir]).stdout)?.slice(1).join("-");
    expect(period("månad")).toBe("2012-10");
    expect(period("delår")).toBe("2012-11");
  });

  it("exits 2 with one line when no period fits", () => {
    const cases = [
      ["report", "årsredovisning", "-C", MINIMAL],
      ["report", "årsredovisning", "--period", "2012-08", ...K],
      ["report", "delår", "--period", "2012-08", "--år", "2013", ...K],
      ["report", "delår", "--år", "2013", ...K],
      ["report", "delår", "--period", "2012-09", ...K],
      ["report", "delår", "--nämnd", "XYZ", ...K],
      ["report", "delår", "--datum", "2012-02-30", ...K],
      ["report", "delår", "--format", "pdf", ...K],
    ];
    for (const args of cases) {
      // --format is commander's choice; the rest are the command's own checks, run in-process.
      const r = args.includes("--format") ? plan(args) : report(args);
      expect(r.status, args.join(" ")).toBe(2);
      expect(r.stdout, args.join(" ")).toBe("");
      oneLine(r.stderr);
    }
    expect(report(cases[0]!).stderr).toMatch(/årsredovisning needs a helår follow-up/u);
  });
});

/** A copy of a plan without the follow-up files whose names contain `part`. */
function copyPlanWithout(dir: string, part: string): string {
  const out = copyPlan(dir);
  for (const f of readdirSync(path.join(out, "uppfoljning"))) if (f.includes(part)) writeFileSync(path.join(out, "uppfoljning", f), "");
  return out;
}

describe("plan report: language, date, format", () => {
  it("writes Swedish by default, English with --lang en, and follows plan.yaml språk", () => {
    expect(report(["report", "delår", ...K]).stdout).toMatch(/^# Delårsrapport/u);
    expect(report(["report", "delår", "--lang", "en", ...K]).stdout).toMatch(/^# Interim report January–August 2012/u);
    const en = copyPlan(MINIMAL);
    const yaml = readFileSync(path.join(en, "plan.yaml"), "utf8");
    writeFileSync(path.join(en, "plan.yaml"), yaml.replace("namn: Exempelby kommun", "namn: Exempelby kommun\nspråk: en"));
    expect(report(["report", "delår", "-C", en]).stdout).toMatch(/^# Interim report/u);
    expect(report(["report", "delår", "--lang", "sv", "-C", en]).stdout).toMatch(/^# Delårsrapport/u);
  });

  it("holds no date unless --datum gives one", () => {
    const without = report(["report", "delår", "--format", "html", ...K]).stdout;
    expect(without).not.toMatch(/20[2-9]\d-\d\d-\d\d/u);
    const withDate = report(["report", "delår", "--format", "html", "--datum", "2012-09-20", ...K]).stdout;
    expect(withDate).toContain("<dt>Datum</dt><dd>2012-09-20</dd>");
  });

  it("writes HTML for --format html, and when -o ends in .html", () => {
    expect(report(["report", "delår", "--format", "html", ...K]).stdout).toMatch(/^<!DOCTYPE html>/u);
    const dir = tempDir();
    expect(plan(["report", "delår", "-o", path.join(dir, "r.html"), ...K]).status).toBe(0);
    expect(readFileSync(path.join(dir, "r.html"), "utf8")).toMatch(/^<!DOCTYPE html>/u);
  });
});

describe("plan report -o", () => {
  it("writes the same text as stdout, atomically: no temporary file is left", () => {
    const dir = tempDir();
    const file = path.join(dir, "delår.md");
    const r = plan(["report", "delår", "-o", file, ...K]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe("");
    expect(readFileSync(file, "utf8")).toBe(report(["report", "delår", ...K]).stdout);
    expect(readdirSync(dir)).toEqual(["delår.md"]);
  });

  it("replaces an existing file whole", () => {
    const dir = tempDir();
    const file = path.join(dir, "r.md");
    writeFileSync(file, "old");
    expect(plan(["report", "månad", "-o", file, ...K]).status).toBe(0);
    expect(readFileSync(file, "utf8")).toMatch(/^# Månadsrapport/u);
    expect(readdirSync(dir)).toEqual(["r.md"]);
  });

  it("exits 2 with one line and writes nothing when the folder does not exist", () => {
    const dir = tempDir();
    const r = plan(["report", "delår", "-o", path.join(dir, "saknas", "r.md"), ...K]);
    expect(r.status).toBe(2);
    oneLine(r.stderr);
    expect(r.stderr).toContain("saknas");
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe("plan report: templates from mallar/ and --mallar", () => {
  it("uses the plan's mallar/ first, --mallar before that, the built-in ones for the rest", () => {
    const p = copyPlan(MINIMAL);
    mkdirSync(path.join(p, "mallar/md/partials"), { recursive: true });
    writeFileSync(path.join(p, "mallar/md/partials/status.hbs"), "[{{word}}]");
    let r = report(["report", "delår", "-C", p]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("| [Uppfyllt] |");
    expect(r.stdout).toMatch(/^# Delårsrapport/u);

    const own = tempDir();
    mkdirSync(path.join(own, "md"), { recursive: true });
    writeFileSync(path.join(own, "md/delar.hbs"), "{{#> layout}}Egen: {{kommun}}{{/layout}}");
    r = report(["report", "delår", "-C", p, "--mallar", own]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("Egen: Exempelby kommun");
    expect(r.stdout).toMatch(/^# Delårsrapport/u);
  });

  it("reports a broken template in one line (exit 2)", () => {
    const own = tempDir();
    mkdirSync(path.join(own, "html"), { recursive: true });
    writeFileSync(path.join(own, "html/delar.hbs"), "{{#if}}");
    // Template errors are the command's (runReport turns them into usage errors): in-process.
    const r = report(["report", "delår", "--format", "html", "--mallar", own, ...K]);
    expect(r.status).toBe(2);
    oneLine(r.stderr);
    expect(r.stderr).toContain("delar.hbs");
    const missing = report(["report", "delår", "--mallar", path.join(own, "saknas"), ...K]);
    expect(missing.status).toBe(2);
    oneLine(missing.stderr);
  });

  it("a template that names a missing value fails loudly instead of printing nothing", () => {
    const own = tempDir();
    mkdirSync(path.join(own, "md"), { recursive: true });
    writeFileSync(path.join(own, "md/delar.hbs"), "{{stavfel}}");
    const r = report(["report", "delår", "--mallar", own, ...K]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("stavfel");
    expect(existsSync(path.join(own, "md/delar.hbs"))).toBe(true);
  });
});
