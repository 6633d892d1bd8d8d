import { statSync } from "node:fs";
import path from "node:path";
import { PlanIoError } from "./errors.js";
import { entryKind, MAX_PLAN_FILE_BYTES, readRegularFile, refusalLine } from "./read-file.js";

const KOMMUN_LINE = /^typ\s*:\s*["']?kommun["']?\s*(#.*)?$/mu;

/**
 * Whether `dir` holds the plan.yaml of a kommun. A plan.yaml that is there but is not a
 * regular file (a link, a FIFO) stops the search with one line: it is read the same way as
 * by the loader, and a plan further up would not be the one the user meant.
 */
function isPlanRoot(dir: string): boolean {
  const r = readRegularFile(path.join(dir, "plan.yaml"), MAX_PLAN_FILE_BYTES);
  if (r === undefined) return false;
  if ("refused" in r) {
    if (r.refused.kind === "folder" || r.refused.kind === "unreadable") return false;
    throw new PlanIoError(refusalLine(path.join(dir, "plan.yaml"), r.refused));
  }
  // A cheap look is enough here: the loader parses the file properly afterwards.
  return KOMMUN_LINE.test(Buffer.from(r.bytes).toString("utf8").replace(/^\uFEFF/u, "").normalize("NFC"));
}

/**
 * The plan root: `dir` itself when given (it must hold plan.yaml), else the nearest folder
 * from `cwd` upwards whose plan.yaml says `typ: kommun`, as git finds `.git`.
 */
export function findPlanRoot(cwd: string, dir?: string): string {
  if (dir !== undefined) {
    const root = path.resolve(cwd, dir);
    let isDir = false;
    try {
      isDir = statSync(root).isDirectory();
    } catch {
      throw new PlanIoError({ en: `no such folder: ${dir}`, sv: `mappen finns inte: ${dir}` });
    }
    if (!isDir) throw new PlanIoError({ en: `not a folder: ${dir}`, sv: `inte en mapp: ${dir}` });
    // The loader decides what a plan.yaml that is not a regular file means; here it is only looked for.
    if (entryKind(path.join(root, "plan.yaml")) === undefined) {
      throw new PlanIoError({ en: `no plan.yaml in ${dir}: a plan root holds plan.yaml with typ: kommun`, sv: `ingen plan.yaml i ${dir}: planens rot har en plan.yaml med typ: kommun` });
    }
    return root;
  }
  let current = path.resolve(cwd);
  for (;;) {
    if (isPlanRoot(current)) return current;
    const up = path.dirname(current);
    if (up === current) {
      throw new PlanIoError({
        en: "no plan found: no plan.yaml with typ: kommun in this folder or any above it (use -C DIR)",
        sv: "ingen plan hittades: ingen plan.yaml med typ: kommun i den här mappen eller någon ovanför (använd -C MAPP)",
      });
    }
    current = up;
  }
}

/** The git work tree that holds `dir`, or undefined outside git. */
export function findGitRoot(dir: string): string | undefined {
  let current = path.resolve(dir);
  for (;;) {
    try {
      statSync(path.join(current, ".git"));
      return current;
    } catch {
      const up = path.dirname(current);
      if (up === current) return undefined;
      current = up;
    }
  }
}
