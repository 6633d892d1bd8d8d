// What `--help` ends with: two or three real command lines per command, and where the
// documentation is. Text only (help stays cheap: this module imports nothing).

const EXAMPLES: Readonly<Record<string, readonly string[]>> = {
  validate: ["plan validate -C examples/katrineholm --format github", "plan validate --format sarif > plan.sarif", "plan validate --fail-on warning --format junit > plan-junit.xml"],
  trace: ["plan trace BIF-AK01 --år 2012", "plan trace --år 2012 --format md > tråd.md", "plan trace --år 2012 --målområde ORT --djup 3 --format mermaid > ort.mmd"],
  stats: ["plan stats", "plan stats --år 2012 --lang sv", "plan stats --format json"],
  status: ["plan status", "plan status --period 2012-08 --nämnd BIN", "plan status --format md --lang sv"],
  diff: ["plan diff origin/main", "plan diff HEAD~1 HEAD --format md", "plan diff origin/main --fail-on none"],
  report: ["plan report delår -o delar.html", "plan report budget --år 2012 -o budget.html", "plan report namndplan --nämnd BIN --lang en"],
  site: ["plan site -o site", "plan site --ar 2012 --lang en -o site-en", "plan site -C plan -o public --bas-url https://plan.example.se/"],
  "nytt-år": ["plan nytt-år 2027", "plan nytt-ar 2027 -C plan", "plan nytt-år 2027 --lang en"],
  årshjul: ["plan årshjul --idag 2026-12-01 --format md", "plan arshjul --ar 2026 --format ics > arshjul.ics", "plan årshjul --format svg > arshjul.svg"],
  kolada: ["plan kolada --torrt", "plan kolada --period 2012-08 --skriv-över", "plan kolada --historik 2019-2023 --jamfor"],
  regler: ["plan regler", "plan regler --format json --lang sv"],
  init: ['plan init ekby-plan --namn "Ekby kommun" --kommunkod 1234', "plan init --ar 2027", "plan init ekby-plan --force"],
  schema: ["plan schema", "plan schema --vscode", "plan schema --vscode -C plan"],
};

/** The examples that end `plan <command> --help` ("" for a command without any). */
export function examplesFor(command: string): string {
  const list = EXAMPLES[command];
  return list ? `\nExamples:\n${list.map((l) => `  $ ${l}`).join("\n")}` : "";
}

/** What ends `plan --help`: a first session, and where the documentation is. */
export const ROOT_HELP = `
Examples:
  $ plan init ekby-plan --namn "Ekby kommun" --kommunkod 1234
  $ plan validate -C examples/katrineholm
  $ plan trace --år 2012
  $ plan report delår -o delar.html

Language: --lang, else språk: in plan.yaml, else the locale (LC_ALL, LC_MESSAGES, LANG
starting with sv), else Swedish for reports and English for everything else.

Documentation (in Swedish), shipped in the package (node_modules/rodtrad/):
  README.md         installation, the commands, the yearly cycle
  docs/format.md    the plan file format: every file, every key, with examples
  docs/json.md      the JSON output of every command
  docs/val.md       the choices behind the commands and the checks
  docs/site.md      the website that plan site writes`;
