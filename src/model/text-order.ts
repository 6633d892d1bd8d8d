// Text in code-unit order: the same on every machine and locale, and no collator to load.

/** -1, 0 or 1 as `a` sorts before, with or after `b`, code unit by code unit. */
export const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
