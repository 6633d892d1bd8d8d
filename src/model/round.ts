// Rounding of computed figures, one rule for every place that sums or divides plan values.

/**
 * `x` rounded to `digits` decimals. Sums of amounts use the default six: enough to hide
 * floating-point noise (0.1 + 0.2) in tkr and mnkr without hiding a real öre.
 */
export function round(x: number, digits = 6): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
