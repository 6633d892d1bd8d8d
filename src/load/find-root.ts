import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { PlanIoError } from "./errors.js";

const KOMMUN_LINE = /^typ\s*:\s*["']?kommun["']?\s*(#.*)?$/mu;

function isPlanRoot(dir: string): boolean {
  const file = path.join(dir, "plan.yaml");
  try {
    if (!statSync(file).isFile()) return false;
    // A cheap look is enough here: the loader parses the file properly afterwards.
    return KOMMUN_LINE.test(readFileSync(file, "utf8").replace(/^\uFEFF/u, "").normalize("NFC"));
  } catch {
    return false;
  }
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
      throw new PlanIoError(`no such folder: ${dir}`);
    }
    if (!isDir) throw new PlanIoError(`not a folder: ${dir}`);
    try {
      statSync(path.join(root, "plan.yaml"));
    } catch {
      throw new PlanIoError(`no plan.yaml in ${dir}: a plan root holds plan.yaml with typ: kommun`);
    }
    return root;
  }
  let current = path.resolve(cwd);
  for (;;) {
    if (isPlanRoot(current)) return current;
    const up = path.dirname(current);
    if (up === current) {
      throw new PlanIoError(
        "no plan found: no plan.yaml with typ: kommun in this folder or any above it (use -C DIR)",
      );
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
