// `plan regler`: the table of diagnostic codes, as aligned text or JSON.
import { CODES, type Code } from "../check/codes.js";
import type { Lang } from "../model/types.js";
import type { Formatter, FormatOptions } from "./formatter.js";
import type { RulesFormat } from "./names.js";

export function rulesJson(codes: readonly Code[], lang: Lang): string {
  const list = codes.map((code) => ({ code, severity: CODES[code].severity, description: CODES[code][lang] }));
  return `${JSON.stringify(list, null, 2)}\n`;
}

export function rulesText(codes: readonly Code[], lang: Lang): string {
  const width = Math.max(...codes.map((c) => c.length));
  const sev = { en: { error: "error", warning: "warning" }, sv: { error: "fel", warning: "varning" } }[lang];
  const lines = codes.map((code) => `${code.padEnd(width)}  ${sev[CODES[code].severity].padEnd(7)}  ${CODES[code][lang]}`);
  return `${lines.join("\n")}\n`;
}

export const RULES_FORMATTERS: Record<RulesFormat, Formatter<readonly Code[], Pick<FormatOptions, "lang">>> = {
  text: (codes, o) => rulesText(codes, o.lang),
  json: (codes, o) => rulesJson(codes, o.lang),
};
