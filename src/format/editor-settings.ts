// The editor settings that connect plan files to the entry schema: VS Code's `yaml.schemas`
// (read by the YAML extension, i.e. yaml-language-server). Pure: text in, text out; the CLI
// reads and writes the file. VS Code's settings.json is JSONC (comments, trailing commas), so
// it is edited in place, never re-serialised: every other setting and every comment stays.

/**
 * The files the entry schema applies to: every YAML file of the plan root, as the loader reads
 * them (src/load/list-files.ts leaves out folders starting with `.` and node_modules). The
 * language server puts `**\/` before each pattern and drops those starting with `!`.
 */
export const PLAN_FILE_GLOBS: readonly string[] = ["**/*.yaml", "**/*.yml", "!.github/**", "!.vscode/**", "!node_modules/**"];

/** The entry schema where a plan repository has rodtrad installed: the path every team member shares. */
export const WORKSPACE_ENTRY = "./node_modules/rodtrad/schemas/plan.schema.json";

/** The `yaml.schemas` entry for the entry schema at `schemaPath` (relative to the workspace, or absolute). */
export function yamlSchemasEntry(schemaPath: string): Record<string, string[]> {
  return { [schemaPath]: [...PLAN_FILE_GLOBS] };
}

/** settings.json could not be read as JSONC: where and why. */
export class SettingsSyntaxError extends Error {
  override name = "SettingsSyntaxError";
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

interface Node {
  kind: "object" | "array" | "string" | "other";
  start: number;
  end: number;
  /** An object's members, in order, with the key's decoded text. */
  members?: { key: string; value: Node }[];
}

/** A small JSONC reader that keeps offsets: strings, comments, trailing commas, nothing more. */
function parseJsonc(text: string): Node {
  let i = 0;
  const fail = (what: string): never => {
    throw new SettingsSyntaxError(what, text.slice(0, i).split("\n").length);
  };
  const skip = (): void => {
    for (;;) {
      const c = text[i];
      if (c === " " || c === "\t" || c === "\n" || c === "\r" || c === "\uFEFF") i++;
      else if (text.startsWith("//", i)) {
        const nl = text.indexOf("\n", i);
        i = nl < 0 ? text.length : nl;
      } else if (text.startsWith("/*", i)) {
        const close = text.indexOf("*/", i + 2);
        if (close < 0) fail("a comment that is not closed");
        i = close + 2;
      } else return;
    }
  };
  const string = (): Node => {
    const start = i++;
    for (;;) {
      const c = text[i];
      if (c === undefined || c === "\n") fail("a string that is not closed");
      if (c === "\\") i += 2;
      else if (c === '"') break;
      else i++;
    }
    i++;
    return { kind: "string", start, end: i };
  };
  const value = (): Node => {
    skip();
    const start = i;
    const c = text[i];
    if (c === undefined) fail("the text ends too early");
    if (c === '"') return string();
    if (c === "{" || c === "[") {
      const isObject = c === "{";
      const members: { key: string; value: Node }[] = [];
      i++;
      for (;;) {
        skip();
        if (text[i] === (isObject ? "}" : "]")) break;
        if (isObject) {
          if (text[i] !== '"') fail("a key that is not a string");
          const k = string();
          skip();
          if (text[i] !== ":") fail("a key without ':'");
          i++;
          members.push({ key: JSON.parse(text.slice(k.start, k.end)) as string, value: value() });
        } else value();
        skip();
        if (text[i] === ",") i++;
        else if (text[i] !== (isObject ? "}" : "]")) fail(`a missing ',' or '${isObject ? "}" : "]"}'`);
      }
      i++;
      return isObject ? { kind: "object", start, end: i, members } : { kind: "array", start, end: i };
    }
    const m = /^(?:true|false|null|-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)/u.exec(text.slice(i));
    if (!m) fail("a value that is not JSON");
    i += m![0].length;
    return { kind: "other", start, end: i };
  };
  const root = value();
  skip();
  if (i < text.length) fail("text after the settings object");
  if (root.kind !== "object") throw new SettingsSyntaxError("the settings are not an object", 1);
  return root;
}

interface Edit {
  at: number;
  remove: number;
  insert: string;
}

/** An edit that adds `key: valueText` as the last member of `obj`, with a comma after the member before it if needed. */
function addMember(text: string, obj: Node, key: string, valueText: string, indent: string): Edit[] {
  const closing = obj.end - 1;
  // Before the closing brace, skipping only whitespace: a comment on the last line stays on it.
  let at = closing;
  while (at > obj.start + 1 && /\s/u.test(text[at - 1]!)) at--;
  const last = obj.members?.at(-1);
  const needsComma = last !== undefined && !/^\s*(?:(?:\/\/[^\n]*|\/\*[\s\S]*?\*\/)\s*)*,/u.test(text.slice(last.value.end, closing));
  const closingIndent = indent.slice(0, Math.max(0, indent.length - unit(text).length));
  const lineBreakBeforeClose = text.slice(at, closing).includes("\n");
  const member = `\n${indent}${JSON.stringify(key)}: ${valueText}${lineBreakBeforeClose ? "" : `\n${closingIndent}`}`;
  // The comma goes right after the last value (a comment after it stays after it), unless that is where the member goes.
  if (needsComma && last.value.end === at) return [{ at, remove: 0, insert: `,${member}` }];
  return [...(needsComma ? [{ at: last.value.end, remove: 0, insert: "," }] : []), { at, remove: 0, insert: member }];
}

/** The file's indentation unit: that of its first indented line, else two spaces. */
function unit(text: string): string {
  return /\n([ \t]+)\S/u.exec(text)?.[1] ?? "  ";
}

const globsText = (): string => `[${PLAN_FILE_GLOBS.map((g) => JSON.stringify(g)).join(", ")}]`;

/**
 * The text of .vscode/settings.json after making `yaml.schemas` map `schemaPath` to the plan
 * file globs (`text` undefined: no file yet). Only that entry changes; the result equals `text`
 * when it was already there. Throws SettingsSyntaxError when the text is not a JSONC object, or
 * when `yaml.schemas` is there but not an object.
 */
export function mergeVscodeSettings(text: string | undefined, schemaPath: string): string {
  const entryLine = (indent: string): string => `${JSON.stringify(schemaPath)}: ${globsText()}`.replace(/^/u, indent);
  if (text === undefined || text.trim() === "") {
    return `{\n  "yaml.schemas": {\n${entryLine("    ")}\n  }\n}\n`;
  }
  const root = parseJsonc(text);
  const step = unit(text);
  const schemas = root.members?.filter((m) => m.key === "yaml.schemas").at(-1)?.value;
  let edits: Edit[];
  if (!schemas) {
    const inner = `{\n${entryLine(step + step)}\n${step}}`;
    edits = addMember(text, root, "yaml.schemas", inner, step);
  } else if (schemas.kind !== "object") {
    throw new SettingsSyntaxError("yaml.schemas is not an object", text.slice(0, schemas.start).split("\n").length);
  } else {
    const mine = schemas.members?.filter((m) => m.key === schemaPath).at(-1)?.value;
    if (mine) {
      const same = mine.kind === "array" && sameGlobs(text.slice(mine.start, mine.end));
      edits = same ? [] : [{ at: mine.start, remove: mine.end - mine.start, insert: globsText() }];
    } else {
      edits = addMember(text, schemas, schemaPath, globsText(), step + step);
    }
  }
  let out = text;
  for (const e of [...edits].sort((a, b) => b.at - a.at)) out = out.slice(0, e.at) + e.insert + out.slice(e.at + e.remove);
  return out;
}

/** Whether an array's text (comments allowed) lists exactly the plan file globs. */
function sameGlobs(arrayText: string): boolean {
  const strings = [...arrayText.matchAll(/"((?:[^"\\]|\\.)*)"/gu)].map((m) => JSON.parse(`"${m[1]}"`) as string);
  return strings.length === PLAN_FILE_GLOBS.length && strings.every((s, k) => s === PLAN_FILE_GLOBS[k]);
}
