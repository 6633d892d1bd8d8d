// The language of everything a command prints, chosen once, in one place, in this order:
//   1. --lang,
//   2. språk: in plan.yaml (for the commands that open a plan),
//   3. the locale: the first of LC_ALL, LC_MESSAGES, LANG that is set; one starting with "sv" means sv,
//   4. the default: Swedish for reports, English for the command line's messages and tables.
// Why that default: a report is a document for the kommun's politicians and is Swedish by nature,
// while the command line's help is English, CI runners run with LANG=C, and a kommun that wants
// Swedish everywhere says so once with `språk: sv` in plan.yaml (which `plan init` writes).
// A locale that is not Swedish (en_US is common among Swedish developers) decides nothing.
// Loaded by `plan --help`: it imports no code.
import type { Lang } from "../diagnostics/index.js";

/** What is printed: a report, or the command line's messages, tables and lists. */
export type Output = "report" | "cli";

const DEFAULT: Record<Output, Lang> = { report: "sv", cli: "en" };

/** The locale's choice: sv when the first locale variable that is set starts with "sv", else none. */
function localeLang(env: Readonly<Record<string, string | undefined>>): Lang | undefined {
  const locale = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v !== undefined && v !== "");
  return locale?.toLowerCase().startsWith("sv") ? "sv" : undefined;
}

/** The language of a command's output; `planSpråk` is plan.yaml's språk (undefined before a plan is read). */
export function chooseLang(flag: string | undefined, planSpråk: unknown, env: Readonly<Record<string, string | undefined>>, output: Output = "cli"): Lang {
  if (flag === "en" || flag === "sv") return flag;
  if (planSpråk === "en" || planSpråk === "sv") return planSpråk;
  return localeLang(env) ?? DEFAULT[output];
}

/**
 * The language of the one error line a command may end with. It is the flag's and the locale's
 * until the command has read plan.yaml, then the command's own choice: main() starts it, and the
 * command settles it (a module variable, as main() runs one command at a time).
 */
let messages: Lang = "en";

export function setMessageLang(lang: Lang): void {
  messages = lang;
}

export function messageLang(): Lang {
  return messages;
}

/** --lang as it stands in the raw arguments, for the errors met before commander has parsed them. */
export function flagInArgv(argv: readonly string[]): string | undefined {
  let found: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--") break;
    if (a === "--lang") found = argv[i + 1];
    else if (a.startsWith("--lang=")) found = a.slice("--lang=".length);
  }
  return found;
}
