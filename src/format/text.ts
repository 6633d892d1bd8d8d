/** Shorten a text to at most `max` characters (code points, so no character is split), ending in … */
export function clip(s: string, max: number): string {
  const chars = Array.from(s);
  return chars.length > max ? `${chars.slice(0, max - 1).join("")}…` : s;
}
