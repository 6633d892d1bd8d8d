// What a site may list on the nämnder's pages and in their data files. An åtagande for `alla`
// stands on every nämnd's page and in every nämnd's file, once per follow-up in the files: a
// plan of a few hundred kilobytes (1,000 nämnder, 10,000 such åtaganden) would make a site of
// many gigabytes, built in memory before a byte is written. Refused instead, before that is built.
import { PlanIoError } from "../load/errors.js";

/**
 * The most rows of åtaganden the nämnder's pages, or their data files, may hold together: a
 * city of 50 nämnder with 50 åtaganden for all of them and ten years of follow-ups holds about
 * 100,000 in its files.
 */
export const MAX_NAMND_ROWS = 300_000;

/** Refuse a site whose nämnder's pages (`where`: pages) or files (files) would hold more than MAX_NAMND_ROWS rows of åtaganden. */
export function checkNamndRows(rows: number, where: "pages" | "files"): void {
  if (rows <= MAX_NAMND_ROWS) return;
  const sv = where === "pages" ? "på nämndernas sidor" : "i nämndernas datafiler";
  const en = where === "pages" ? "on the nämnder's pages" : "in the nämnder's data files";
  throw new PlanIoError({
    en: `the site would list ${rows} åtaganden ${en} (an åtagande for alla is listed for every nämnd): more than ${MAX_NAMND_ROWS} are refused`,
    sv: `webbplatsen skulle lista ${rows} åtaganden ${sv} (ett åtagande för alla listas för varje nämnd): fler än ${MAX_NAMND_ROWS} vägras`,
  });
}
