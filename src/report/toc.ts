// The table of contents at the top of an HTML report: in-page links only.

export interface TocEntry {
  href: string;
  text: string;
  children: TocEntry[];
}

/** Entries as [anchor, text, shown?, children?]; the hidden ones are left out. */
export function tocOf(entries: readonly (readonly [string, string, boolean, TocEntry[]?])[]): TocEntry[] {
  return entries.filter(([, , shown]) => shown).map(([id, text, , children]) => ({ href: `#${id}`, text, children: children ?? [] }));
}
