// plan init: a new plan repository that `plan validate` accepts at once. It never overwrites a
// file unless told to (--force), and then it keeps a copy of what it replaces. The scaffold and
// what this command says are Swedish, the language of the plan it writes.
import { constants, copyFileSync, lstatSync, mkdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { initFiles, mandatePeriod, type InitValues } from "./init-files.js";
import { cannotWrite, out, UsageError } from "./io.js";
import { writeFileAtomic } from "./write-file.js";
import { setMessageLang } from "./lang.js";

export interface InitOptions {
  dir?: string;
  namn?: string;
  kommunkod?: string;
  år?: string;
  force?: boolean;
}

const WORKFLOW = new URL("../../examples/github-actions/plan.yml", import.meta.url);

function values(o: InitOptions): InitValues {
  if (o.kommunkod !== undefined && !/^[0-9]{4}$/u.test(o.kommunkod)) {
    throw new UsageError({ en: `--kommunkod must be four digits, such as 0483, not "${o.kommunkod}"`, sv: `--kommunkod ska vara fyra siffror, t.ex. 0483 (fick "${o.kommunkod}")` });
  }
  if (o.år !== undefined && !/^[0-9]{4}$/u.test(o.år)) throw new UsageError({ en: `--år must be a year such as 2026, not "${o.år}"`, sv: `--år ska vara ett årtal med fyra siffror, t.ex. 2026 (fick "${o.år}")` });
  const namn = (o.namn ?? "Ny kommun").trim();
  if (namn === "" || /[\u0000-\u001f\u007f]/u.test(namn)) throw new UsageError({ en: `--namn must be the kommun's name on one line, such as "Ekby kommun"`, sv: `--namn ska vara kommunens namn på en rad, t.ex. "Ekby kommun"` });
  return { namn, år: o.år !== undefined ? Number(o.år) : new Date().getFullYear(), ...(o.kommunkod !== undefined ? { kommunkod: o.kommunkod } : {}) };
}

/** `file.bak`, or `file.bak.1`, `.bak.2`, … when that exists: a backup never replaces another. */
function backupName(file: string): string {
  if (!lstatSync(`${file}.bak`, { throwIfNoEntry: false })) return `${file}.bak`;
  for (let n = 1; ; n++) if (!lstatSync(`${file}.bak.${n}`, { throwIfNoEntry: false })) return `${file}.bak.${n}`;
}

type Outcome = { path: string; how: "skrev" | "oförändrad" | "hoppade över" | "ersatte"; note?: string };

/** What is at `file` now: nothing, a regular file's text, or something init leaves alone. */
function inspect(file: string, rel: string): { kind: "none" } | { kind: "file"; text: string } | { kind: "other"; note: string } {
  try {
    if (!lstatSync(file, { throwIfNoEntry: false })) return { kind: "none" };
    if (!statSync(file, { throwIfNoEntry: false })?.isFile()) return { kind: "other", note: "finns redan och är inte en vanlig fil" };
    return { kind: "file", text: readFileSync(file, "utf8") };
  } catch (e) {
    // A folder on the way is a file (.github as a file): that file is the user's, left alone.
    if ((e as NodeJS.ErrnoException).code === "ENOTDIR") return { kind: "other", note: "en mapp på vägen är en fil" };
    throw cannotWrite(rel, e);
  }
}

function writeOne(root: string, rel: string, text: string, force: boolean): Outcome {
  const file = path.join(root, ...rel.split("/"));
  const now = inspect(file, rel);
  if (now.kind === "other") return { path: rel, how: "hoppade över", note: now.note };
  if (now.kind === "file") {
    if (now.text === text) return { path: rel, how: "oförändrad" };
    if (!force) return { path: rel, how: "hoppade över", note: "finns redan" };
    const backup = backupName(file);
    try {
      copyFileSync(file, backup, constants.COPYFILE_EXCL);
      writeFileAtomic(file, text);
    } catch (e) {
      throw cannotWrite(rel, e);
    }
    return { path: rel, how: "ersatte", note: `den gamla finns i ${path.relative(root, backup).split(path.sep).join("/")}` };
  }
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileAtomic(file, text);
  } catch (e) {
    throw cannotWrite(rel, e);
  }
  return { path: rel, how: "skrev" };
}

function nextSteps(o: InitOptions, v: InitValues, dir: string): string[] {
  const { från, till } = mandatePeriod(v.år);
  const steps = [
    ...(dir !== "." ? [`cd ${/^[\w./-]+$/u.test(dir) ? dir : JSON.stringify(dir)}`] : []),
    "plan validate                    # kontrollera planen (inga fel från början)",
    "plan trace BUF-AK01              # den röda tråden från aktiviteten till visionen",
  ];
  const todo = [
    ...(o.namn === undefined ? ["Skriv kommunens namn i plan.yaml (namn)."] : []),
    ...(o.kommunkod === undefined ? ["Skriv kommunkoden i plan.yaml (kommunkod, fyra siffror)."] : []),
    "Ändra organisationen i plan.yaml: era nämnder och förvaltningar.",
    `Skriv visionen i plan.yaml och målområdena i kommunplan/${från}-${till}.yaml.`,
    `Skriv resultatmål, åtaganden och ramar i budget/${v.år}.yaml; exemplets siffror är påhittade.`,
    "Byt teamen i .github/CODEOWNERS och ta bort # framför raderna.",
    "Tills rodtrad finns i npm: lägg tar-filen från npm pack i verktyg/, så installerar CI-kontrollen den.",
    "Läs README.md: filerna, året och kommandona. Formatet: docs/format.md i paketet rodtrad.",
    'git init && git add . && git commit -m "Planen skapad med plan init"',
  ];
  return ["", "Nästa steg:", ...steps.map((s) => `  ${s}`), ...todo.map((s, i) => `  ${i + 1}. ${s}`)];
}

export function runInit(o: InitOptions): number {
  // The new plan says `språk: sv`: what init says, on stdout and stderr alike, is Swedish too.
  setMessageLang("sv");
  const v = values(o);
  const dir = o.dir ?? ".";
  const root = path.resolve(dir);
  const there = statSync(root, { throwIfNoEntry: false });
  if (there && !there.isDirectory()) throw new UsageError({ en: `${dir} exists and is not a folder`, sv: `${dir} finns redan och är inte en mapp` });
  const workflow = readFileSync(WORKFLOW, "utf8");
  const outcomes = initFiles(v, workflow).map((f) => writeOne(root, f.path, f.text, o.force === true));
  const width = Math.max(...outcomes.map((r) => r.how.length));
  const lines = [
    `Ny plan för ${v.namn} (${v.år}) i ${root}:`,
    ...outcomes.map((r) => `  ${r.how.padEnd(width)}  ${r.path}${r.note !== undefined ? ` (${r.note})` : ""}`),
  ];
  if (outcomes.some((r) => r.how === "hoppade över" && r.note === "finns redan")) lines.push("", "Filer som finns skrivs inte över; --force ersätter dem och sparar en kopia (.bak).");
  out(`${[...lines, ...nextSteps(o, v, dir)].join("\n")}\n`);
  return 0;
}
