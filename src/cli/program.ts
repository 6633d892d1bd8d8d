// The `plan` command line: commands, options, exit statuses, nothing else. Each command's
// module is imported when the command runs, so `plan --help` loads no validator, YAML parser
// or template engine; the format choices come from format/names.ts, not from the formatters.
// Commander is bundled into this file (rolldown.config.mjs).
import { Command, CommanderError, Option } from "commander";
import {
  ARSHJUL_FORMATS,
  DIAGNOSTICS_ALIASES,
  DIAGNOSTICS_FORMATS,
  DIFF_FORMATS,
  REPORT_FORMATS,
  resolveFormat,
  RULES_FORMATS,
  STATS_FORMATS,
  STATUS_FORMATS,
  TRACE_FORMATS,
  type DiagnosticsFormat,
  type RulesFormat,
  type StatsFormat,
  type StatusFormat,
} from "../format/names.js";
import { terminalSafe } from "../format/text.js";
import { PlanIoError } from "../load/errors.js";
import { SelectionError } from "../status/selection-error.js";
import { normalizeArgv } from "./argv.js";
import { examplesFor, ROOT_HELP } from "./help-texts.js";
import { err, UsageError } from "./io.js";
import { chooseLang, flagInArgv, messageLang, setMessageLang } from "./lang.js";
import { usageErrorSv } from "./usage-sv.js";
import type { ArshjulOptions } from "./arshjul.js";
import type { DiffOptions } from "./diff.js";
import type { InitOptions } from "./init.js";
import type { KoladaOptions } from "./kolada.js";
import type { ReportCliOptions } from "./report.js";
import type { SchemaOptions } from "./schema.js";
import type { SiteOptions } from "./site.js";
import type { TraceOptions } from "./trace.js";
import { packageVersion } from "./version.js";


// No default here: the language is chosen once, in lang.ts (--lang, plan.yaml språk, locale, default).
const langOption = (): Option => new Option("--lang <lang>", "language of the output (default: plan.yaml språk, else the locale, else en)").choices(["en", "sv"]);
const yearOption = (): Option => new Option("--år <år>", "the budget year (default: this year if it has a budget, else the newest)");
const periodOption = (): Option => new Option("--period <YYYY-MM>", "the follow-up period (default: the newest)");
const namndOption = (): Option => new Option("--nämnd <id>", "cut to one nämnd: its åtaganden, aktiviteter and economy");
const cacheOption = (): Option => new Option("--cache", "keep what parsing each file gave, and parse only the files changed since the last run (the checks across files always run)");
const cacheLocationOption = (): Option =>
  new Option("--cache-location <path>", "the cache file, or a folder for it (default: node_modules/.cache/rodtrad of the plan when that node_modules exists, else $XDG_CACHE_HOME/rodtrad or ~/.cache/rodtrad); implies --cache");
const dirOption = (): Option => new Option("-C, --dir <dir>", "the plan root (default: found from the current folder upwards)");

function program(setStatus: (n: number) => void): Command {
  const cmd = new Command("plan")
    .description("Rödtråd: the red thread of a municipality's strategic plan, kept as YAML in git")
    .version(packageVersion(), "-V, --version")
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      // Commander echoes arguments in its errors: their control characters are shown escaped.
      writeErr: (s) => process.stderr.write(terminalSafe(s)),
      // One line per error: commander puts its "(Did you mean …?)" on a line of its own; in Swedish when the language is.
      outputError: (s, write) => {
        const line = s.replace(/\n(?=\(Did you mean)/gu, " ");
        write(messageLang() === "sv" ? usageErrorSv(line) : line);
      },
    })
    .addHelpText("after", ROOT_HELP);

  cmd
    .command("validate")
    .description("check the plan files against the schemas and the red thread")
    .addOption(dirOption())
    .addOption(
      new Option(
        "--format <format>",
        `output format: github annotations (and the job summary when $GITHUB_STEP_SUMMARY is set), sarif for code scanning, gitlab Code Quality, junit XML (${[...DIAGNOSTICS_ALIASES].map(([alias, name]) => `${alias}: the old name of ${name}`).join("; ")})`,
      )
        .choices([...DIAGNOSTICS_FORMATS, ...DIAGNOSTICS_ALIASES.keys()])
        .default("text"),
    )
    .addOption(new Option("--fail-on <severity>", "exit 1 when a diagnostic reaches this severity").choices(["error", "warning"]).default("error"))
    .addOption(langOption())
    .addOption(cacheOption())
    .addOption(cacheLocationOption())
    .action(async (o: { dir?: string; format: string; failOn: "error" | "warning"; lang?: "en" | "sv"; cache?: boolean; cacheLocation?: string }) => {
      const { runValidate } = await import("./validate.js");
      const format = resolveFormat<DiagnosticsFormat>(o.format, DIAGNOSTICS_ALIASES);
      setStatus(runValidate({ ...o, format }));
    });

  cmd
    .command("trace")
    .description("print the red thread: from an entity up to the vision and below it, or the whole year")
    .argument("[id]", "any entity: aktivitet, åtagande, resultatmål, målområde, the vision, …")
    .addOption(dirOption())
    .addOption(yearOption())
    .addOption(new Option("--format <format>", "output format").choices(TRACE_FORMATS).default("text"))
    .option("--orphans", "only what does not trace to a målområde")
    .option("--gaps", "only coverage gaps going down")
    .addOption(new Option("--målområde <id>", "the whole year cut to one målområde (ASCII: --malomrade)"))
    .addOption(new Option("--djup <n>", "levels drawn below each målområde, with --format mermaid or md"))
    .addOption(langOption())
    .addOption(cacheOption())
    .addOption(cacheLocationOption())
    .action(async (id: string | undefined, o: Omit<TraceOptions, "id">) => {
      const { runTrace } = await import("./trace.js");
      setStatus(runTrace({ ...o, ...(id !== undefined ? { id } : {}) }));
    });

  cmd
    .command("stats")
    .description("the plan's figures: åtaganden per nämnd and målområde, aktiviteter, coverage")
    .addOption(dirOption())
    .addOption(yearOption())
    .addOption(new Option("--format <format>", "output format").choices(STATS_FORMATS).default("text"))
    .addOption(langOption())
    .addOption(cacheOption())
    .addOption(cacheLocationOption())
    .action(async (o: { dir?: string; år?: string; format: StatsFormat; lang?: "en" | "sv"; cache?: boolean; cacheLocation?: string }) => {
      const { runStats } = await import("./stats.js");
      setStatus(runStats(o));
    });

  cmd
    .command("status")
    .description("goal fulfilment for a follow-up period: åtaganden, resultatmål, målområden")
    .addOption(dirOption())
    .addOption(periodOption())
    .addOption(namndOption())
    .addOption(new Option("--format <format>", "output format").choices(STATUS_FORMATS).default("text"))
    .addOption(langOption())
    .addOption(cacheOption())
    .addOption(cacheLocationOption())
    .action(async (o: { dir?: string; period?: string; nämnd?: string; format: StatusFormat; lang?: "en" | "sv"; cache?: boolean; cacheLocation?: string }) => {
      const { runStatus } = await import("./status.js");
      setStatus(runStatus(o));
    });

  cmd
    .command("diff")
    .description("what a change does to the goals: added, changed, removed, and what it breaks")
    .argument("<base>", "the revision to compare from, e.g. origin/main")
    .argument("[head]", "the revision to compare to (default: the working tree, uncommitted changes included)")
    .addOption(dirOption())
    .addOption(new Option("--format <format>", "output format").choices(DIFF_FORMATS).default("text"))
    .addOption(
      new Option("--fail-on <what>", "exit 1 when the change introduces errors (errors), also when it removes entities (removed), or never (none)")
        .choices(["errors", "removed", "none"])
        .default("errors"),
    )
    .addOption(langOption())
    .addOption(cacheOption())
    .addOption(cacheLocationOption())
    .action(async (base: string, head: string | undefined, o: Omit<DiffOptions, "base" | "head">) => {
      const { runDiff } = await import("./diff.js");
      setStatus(runDiff({ ...o, base, ...(head !== undefined ? { head } : {}) }));
    });

  // plan report: the follow-up reports (månad, delår, årsredovisning) by period and the
  // planning reports (budget, nämndplan) by year, in Markdown or HTML.
  cmd
    .command("report")
    .description("a report as Markdown or HTML: follow-up (månad, delår, årsredovisning) or planning (budget, nämndplan, planeringsdirektiv, verksamhetsplan, underlag)")
    .argument("<fas>", "månad | delår | årsredovisning | budget | nämndplan | planeringsdirektiv, verksamhetsplan, underlag (ASCII: manad, delar, arsredovisning, namndplan)")
    .addOption(dirOption())
    .addOption(new Option("--år <år>", "the year (default: the newest year with a suitable follow-up; for budget and nämndplan as plan stats picks it)"))
    .addOption(new Option("--period <YYYY-MM>", "the follow-up period (default: the newest suitable one)"))
    .addOption(namndOption())
    .addOption(new Option("--format <format>", "output format (default: html when -o ends in .html, else md)").choices(REPORT_FORMATS))
    .addOption(new Option("-o, --output <file>", "write the report to this file (atomically) instead of stdout; .html is HTML, .pdf a PDF (Chromium), .docx Word (pandoc)"))
    .addOption(new Option("--lang <lang>", "language of the report (default: plan.yaml språk, else the locale, else sv)").choices(["sv", "en"]))
    .addOption(cacheOption())
    .addOption(cacheLocationOption())
    .addOption(new Option("--mallar <dir>", "a folder of templates that override the built-in ones and the plan's mallar/"))
    .addOption(new Option("--datum <YYYY-MM-DD>", "the report's date (default: none, so the output depends only on the plan)"))
    .action(async (fas: string, o: ReportCliOptions) => {
      const { runReport } = await import("./report.js");
      setStatus(runReport(fas, o));
    });

  cmd
    .command("site")
    .description("the plan and its follow-up as a static website (HTML and CSS, no script) for any web server")
    .addOption(dirOption())
    .addOption(new Option("-o, --output <dir>", "the site's folder (default: site); a folder already there is replaced only when plan site made it"))
    .addOption(new Option("--år <år>", "the budget year (default: the newest with a follow-up, else the newest; never today's date, so the site depends only on the files)"))
    .addOption(new Option("--bas-url <url>", "the site's public address, e.g. https://plan.example.se/: canonical links and sitemap.xml"))
    .addOption(new Option("--lang <lang>", "language of the site (default: plan.yaml språk, else the locale, else sv)").choices(["sv", "en"]))
    .addOption(cacheOption())
    .addOption(cacheLocationOption())
    .action(async (o: SiteOptions) => {
      const { runSite } = await import("./site.js");
      setStatus(runSite(o));
    });

  cmd
    .command("nytt-år")
    .description("start planning year Y from the budget of Y−1: a planeringsdirektiv and an underlag per nämnd (new files only)")
    .argument("<år>", "the new planning year, e.g. 2027")
    .addOption(dirOption())
    .addOption(langOption())
    .addOption(cacheOption())
    .addOption(cacheLocationOption())
    .action(async (år: string, o: { dir?: string; lang?: "en" | "sv"; cache?: boolean; cacheLocation?: string }) => {
      const { runNyttAr } = await import("./nytt-ar.js");
      setStatus(runNyttAr(år, o));
    });

  cmd
    .command("kolada")
    .description("fill the follow-ups' utfall from Kolada, the national KPI database: every nyckeltal with a kolada ID")
    .addOption(dirOption())
    .addOption(new Option("--period <YYYY-MM>", "the follow-up (for the whole kommun) to fill (default: the newest)"))
    .addOption(new Option("--år <år>", "the newest follow-up of this year (ASCII: --ar)"))
    .addOption(new Option("--historik <FROM-TO>", "instead: the helår follow-ups of these years, e.g. 2019-2023 (made when missing)"))
    .option("--torrt", "print what would change, as a diff, and write nothing")
    .option("--skriv-över", "replace an utfall that differs from Kolada's (default: keep it and say so; ASCII: --skriv-over)")
    .option("--jämför", "also fetch the comparison municipalities of plan.yaml's kolada.jämförelse into kolada/jamforelse-<år>.yaml (ASCII: --jamfor)")
    .addOption(new Option("--url <url>", "the API's base URL (default: plan.yaml kolada.url, else https://api.kolada.se/v3)"))
    .addOption(langOption())
    .addOption(cacheOption())
    .addOption(cacheLocationOption())
    .action(async (o: KoladaOptions) => {
      const { runKolada } = await import("./kolada.js");
      setStatus(await runKolada(o));
    });

  cmd
    .command("årshjul")
    .description("the yearly cycle: each phase with its months, who decides, its document; what is late and due next")
    .addOption(dirOption())
    .addOption(new Option("--år <år>", "the year of the cycle (default: the year of --idag)"))
    .addOption(new Option("--idag <YYYY-MM-DD>", "the day to judge lateness on (default: today)"))
    .addOption(new Option("--format <format>", "output format").choices(ARSHJUL_FORMATS).default("text"))
    .addOption(langOption())
    .addOption(cacheOption())
    .addOption(cacheLocationOption())
    .action(async (o: ArshjulOptions) => {
      const { runArshjul } = await import("./arshjul.js");
      setStatus(runArshjul(o));
    });

  cmd
    .command("regler")
    .description("list every diagnostic code with its default severity")
    .addOption(new Option("--format <format>", "output format").choices(RULES_FORMATS).default("text"))
    .addOption(langOption())
    .action(async (o: { format: RulesFormat; lang?: "en" | "sv" }) => {
      const { runRegler } = await import("./regler.js");
      setStatus(runRegler(o));
    });

  cmd
    .command("schema")
    .description("print the paths of the JSON Schemas; with --vscode, connect them to the plan files in VS Code")
    .option("--vscode", "write or merge .vscode/settings.json in the plan root (yaml.schemas), keeping other settings and comments")
    .addOption(dirOption())
    .action(async (o: SchemaOptions) => {
      const { runSchema } = await import("./schema.js");
      setStatus(runSchema(o));
    });

  cmd
    .command("init")
    .description("start a new plan repository: plan.yaml, kommunplan, budget, README, CODEOWNERS, CI, editor settings")
    .argument("[dir]", "the folder of the new plan (default: the current folder); created if missing")
    .addOption(new Option("--namn <namn>", 'the kommun\'s name, e.g. "Ekby kommun"'))
    .addOption(new Option("--kommunkod <kod>", "the kommunkod, four digits, e.g. 0483"))
    .addOption(new Option("--år <år>", "the budget year of the skeleton (default: this year)"))
    .option("--force", "replace existing files, keeping a copy of each (<file>.bak)")
    .action(async (dir: string | undefined, o: Omit<InitOptions, "dir">) => {
      const { runInit } = await import("./init.js");
      setStatus(runInit({ ...o, ...(dir !== undefined ? { dir } : {}) }));
    });

  for (const sub of cmd.commands) sub.exitOverride().showSuggestionAfterError(true).addHelpText("after", examplesFor(sub.name()));
  return cmd;
}

/** Run the command line `argv` (without node and the script); sets process.exitCode. */
export async function main(argv: string[]): Promise<void> {
  let status = 0;
  // Until a command has read plan.yaml, its messages follow --lang and the locale.
  setMessageLang(chooseLang(flagInArgv(argv), undefined, process.env));
  const cmd = program((n) => (status = n));
  try {
    await cmd.parseAsync(normalizeArgv(argv), { from: "user" });
  } catch (e) {
    if (e instanceof CommanderError) {
      // Commander has printed its one line already; help and version are not failures.
      const help = e.code === "commander.helpDisplayed" || e.code === "commander.version" || e.code === "commander.help";
      status = help && argv.length > 0 ? 0 : 2;
    } else if (e instanceof PlanIoError || e instanceof UsageError || e instanceof SelectionError) {
      err(`plan: ${e.in(messageLang())}`);
      status = 2;
    } else if (e instanceof RangeError && e.message === "Invalid string length") {
      // No bug, a limit: the answer is longer than a JavaScript string can hold (about 512 M
      // characters), as SARIF for some 700,000 findings is.
      err(
        messageLang() === "sv"
          ? "plan: svaret blir längre än en text kan vara (omkring 512 miljoner tecken): välj ett kortare format (text eller json) eller åtgärda de första felen först"
          : "plan: the answer would be longer than a text can be (about 512 million characters): choose a shorter format (text or json), or fix the first findings first",
      );
      status = 2;
    } else {
      const message = e instanceof Error ? e.message : String(e);
      err(
        messageLang() === "sv"
          ? `plan: internt fel: ${message} (en bugg: rapportera den med kommandot du körde)`
          : `plan: internal error: ${message} (a bug: please report it with the command you ran)`,
      );
      if (process.env.RODTRAD_DEBUG && e instanceof Error && e.stack) for (const line of e.stack.split("\n")) err(line);
      status = 2;
    }
  }
  process.exitCode = status;
}
