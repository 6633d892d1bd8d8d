// The colours of the text formats. chalk is loaded only by a run that colours its output: a
// run into a pipe, a file or CI, and every JSON or Markdown run, never needs it.
import { createRequire } from "node:module";
import type { ChalkInstance } from "chalk";

const require = createRequire(import.meta.url);

/** Text as it is, whatever colour or style is asked for (chalk's own behaviour at level 0). */
const PLAIN: ChalkInstance = new Proxy(((...text: unknown[]) => text.join(" ")) as unknown as ChalkInstance, {
  get: (_, key) => (key === "level" ? 0 : PLAIN),
});

/** chalk at level 1 when `color`, else the plain palette. */
export function palette(color: boolean): ChalkInstance {
  if (!color) return PLAIN;
  const { Chalk } = require("chalk") as typeof import("chalk");
  return new Chalk({ level: 1 });
}
