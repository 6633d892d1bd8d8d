// Where each page lives: ASCII paths derived from IDs, stable between builds. A plain ID
// (ASCII letters, digits, `.`, `_`, `-`) is its own file name; any other ID, and IDs that would
// share a name on a case-insensitive file system (macOS, Windows), get a short hash of the ID.
// The hash depends only on the ID, so a page keeps its address when others come and go.

/** The folder of each kind of page and of its data files: ASCII, so any file system and shell takes it. */
export const FOLDER = { målområde: "malomrade", resultatmål: "resultatmal", åtagande: "atagande", nämnd: "namnd" } as const;
export type FolderKind = keyof typeof FOLDER;

const PLAIN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/u;

/** FNV-1a over the UTF-16 code units: 8 hex digits, the same on every machine. */
function hash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, "0");
}

/** The ID folded to ASCII: diacritics dropped (å → a), anything else a `-`. */
function fold(id: string): string {
  const ascii = id
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/gu, "")
    .replace(/[^A-Za-z0-9._-]+/gu, "-")
    .replace(/^[^A-Za-z0-9]+/u, "")
    .slice(0, 60);
  return ascii === "" ? "id" : ascii;
}

/**
 * File names (without `.html`) for the IDs of one folder. Names are unique even when compared
 * without case; the result maps every ID given.
 */
export function fileNames(ids: Iterable<string>): Map<string, string> {
  const unique = [...new Set(ids)].sort();
  const plainByKey = new Map<string, number>();
  for (const id of unique) if (PLAIN.test(id)) plainByKey.set(id.toLowerCase(), (plainByKey.get(id.toLowerCase()) ?? 0) + 1);
  const out = new Map<string, string>();
  const taken = new Set<string>();
  for (const id of unique) {
    let name = PLAIN.test(id) && plainByKey.get(id.toLowerCase()) === 1 ? id : `${fold(id)}-${hash(id)}`;
    // A plain ID may look like another's folded name with its hash: count up until free.
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${fold(id)}-${hash(id)}-${n}`;
    taken.add(name.toLowerCase());
    out.set(id, name);
  }
  return out;
}
