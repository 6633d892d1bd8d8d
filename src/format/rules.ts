// `plan regler`: the table of diagnostic codes, as aligned text or JSON.
import { codeList, severityWord, type Code, type Lang } from "../diagnostics/index.js";
import type { Formatter, FormatOptions } from "./formatter.js";
import type { RulesFormat } from "./names.js";

/** The codes given, in that order, with severity and description in `lang`. */
const listOf = (codes: readonly Code[], lang: Lang): ReturnType<typeof codeList> => {
  const byCode = new Map(codeList(lang).map((c) => [c.code, c]));
  return codes.map((code) => byCode.get(code)!);
};

function rulesJson(codes: readonly Code[], lang: Lang): string {
  return `${JSON.stringify(listOf(codes, lang), null, 2)}\n`;
}

function rulesText(codes: readonly Code[], lang: Lang): string {
  const list = listOf(codes, lang);
  const width = Math.max(...list.map((c) => c.code.length));
  const lines = list.map((c) => `${c.code.padEnd(width)}  ${severityWord(c.severity, lang).padEnd(7)}  ${c.description}`);
  return `${lines.join("\n")}\n`;
}

export const RULES_FORMATTERS: Record<RulesFormat, Formatter<readonly Code[], Pick<FormatOptions, "lang">>> = {
  text: (codes, o) => rulesText(codes, o.lang),
  json: (codes, o) => rulesJson(codes, o.lang),
};
