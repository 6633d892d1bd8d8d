import { codeList, severityWord, type Lang } from "../diagnostics/index.js";
import { out } from "./io.js";

/** `plan regler`: every diagnostic code, its default severity and what it means. */
export function runRegler(opts: { format: "text" | "json"; lang: Lang }): number {
  if (opts.format === "json") {
    out(`${JSON.stringify(codeList(opts.lang), null, 2)}\n`);
    return 0;
  }
  const list = codeList(opts.lang);
  const width = Math.max(...list.map((c) => c.code.length));
  const lines = list.map((c) => `${c.code.padEnd(width)}  ${severityWord(c.severity, opts.lang).padEnd(7)}  ${c.description}`);
  out(`${lines.join("\n")}\n`);
  return 0;
}
