// The errors that end a command with one line on stderr (no plan root, a period the plan does
// not have, a bad --år) are thrown where they are found, before the language may be known:
// each carries its line in both languages, and src/cli picks one when it prints it.
import type { Lang } from "./entry.js";

/** One line in each language. */
export type Bilingual = Readonly<Record<Lang, string>>;

/** An error with a message in each language; `message` is the English one (for logs and stacks). */
export class BilingualError extends Error {
  readonly texts: Bilingual;

  constructor(texts: Bilingual | string) {
    const t = typeof texts === "string" ? { en: texts, sv: texts } : texts;
    super(t.en);
    this.texts = t;
  }

  /** The line in `lang`. */
  in(lang: Lang): string {
    return this.texts[lang];
  }
}
