// `plan schema [--vscode]`: where the schemas are, and the editor settings that use them.
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { mergeVscodeSettings, PLAN_FILE_GLOBS, SettingsSyntaxError, WORKSPACE_ENTRY } from "../format/editor-settings.js";
import { findPlanRoot } from "../load/find-root.js";
import { err, out, UsageError } from "./io.js";
import { writeFileAtomic } from "./write-file.js";
import { messageLang } from "./lang.js";

const SCHEMA_DIR = path.resolve(fileURLToPath(new URL("../../schemas/", import.meta.url)));
const ENTRY = "plan.schema.json";
/** Where the entry schema is when the plan repository has the package in its own node_modules. */

export interface SchemaOptions {
  dir?: string;
  vscode?: boolean;
}

const errorText = (e: unknown): string => {
  const { code, message } = e as NodeJS.ErrnoException;
  return code !== undefined && !message.startsWith(code) ? `${code} (${message})` : message;
};

/**
 * Without --vscode: the schemas folder and the entry schema, one path a line. With --vscode:
 * `yaml.schemas` in <plan root>/.vscode/settings.json maps the entry schema to the plan files.
 */
export function runSchema(o: SchemaOptions): number {
  const entry = path.join(SCHEMA_DIR, ENTRY);
  if (!o.vscode) {
    out(`${SCHEMA_DIR}\n${entry}\n`);
    return 0;
  }
  const root = findPlanRoot(process.cwd(), o.dir);
  // A path inside the repository works for every member of the team; the running package's does not.
  const local = existsSync(path.join(root, WORKSPACE_ENTRY));
  const schemaPath = local ? WORKSPACE_ENTRY : entry;
  const file = path.join(root, ".vscode", "settings.json");
  const shown = path.relative(process.cwd(), file) || file;
  let before: string | undefined;
  try {
    before = readFileSync(file, "utf8");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw new UsageError({ en: `cannot read ${shown}: ${errorText(e)}`, sv: `kan inte läsa ${shown}: ${errorText(e)}` });
  }
  let after: string;
  try {
    after = mergeVscodeSettings(before, schemaPath);
  } catch (e) {
    if (e instanceof SettingsSyntaxError) throw new UsageError({ en: `${shown}:${e.line}: ${e.message}; left unchanged`, sv: `${shown}:${e.line}: ${e.message}; lämnad orörd` });
    throw e;
  }
  if (after === before) {
    out(`${shown}: yaml.schemas already maps ${schemaPath} to the plan files\n`);
  } else {
    try {
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileAtomic(file, after);
    } catch (e) {
      throw new UsageError({ en: `cannot write ${shown}: ${errorText(e)}`, sv: `kan inte skriva ${shown}: ${errorText(e)}` });
    }
    out(`${shown}: yaml.schemas maps ${schemaPath} to ${PLAN_FILE_GLOBS.join(" ")}\n`);
  }
  if (!local) {
    err(
      messageLang() === "sv"
        ? `plan: obs: ${schemaPath} är en sökväg på den här datorn; installera rodtrad i planens repository (npm install --save-dev rodtrad) för en sökväg som fungerar för hela teamet`
        : `plan: note: ${schemaPath} is a path on this machine; install rodtrad in the plan repository (npm install --save-dev rodtrad) for a path that works for the whole team`,
    );
  }
  return 0;
}
