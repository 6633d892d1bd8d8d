import { ALL_CODES, CODES } from "../check/codes.js";
import type { Lang } from "../model/types.js";
import { out } from "./io.js";

/** `plan regler`: every diagnostic code, its default severity and what it means. */
export function runRegler(opts: { format: "text" | "json"; lang: Lang }): number {
  if (opts.format === "json") {
    const list = ALL_CODES.map((code) => ({ code, severity: CODES[code].severity, description: CODES[code][opts.lang] }));
    out(`${JSON.stringify(list, null, 2)}\n`);
    return 0;
  }
  const width = Math.max(...ALL_CODES.map((c) => c.length));
  const sev = { en: { error: "error", warning: "warning" }, sv: { error: "fel", warning: "varning" } }[opts.lang];
  const lines = ALL_CODES.map((code) => `${code.padEnd(width)}  ${sev[CODES[code].severity].padEnd(7)}  ${CODES[code][opts.lang]}`);
  out(`${lines.join("\n")}\n`);
  return 0;
}
