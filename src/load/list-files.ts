import { readdirSync, realpathSync, statSync } from "node:fs";
import path from "node:path";
import { PlanIoError } from "./errors.js";

/** A glob of `ignorera:` as a regular expression: `**` crosses folders, `*` and `?` do not. */
export function globToRegExp(glob: string): RegExp {
  let re = "";
  const g = glob.replace(/^\.\//u, "");
  for (let i = 0; i < g.length; i++) {
    const c = g[i]!;
    if (c === "*") {
      if (g[i + 1] === "*") {
        i++;
        if (g[i + 1] === "/") {
          i++;
          re += "(?:.*/)?";
        } else {
          re += ".*";
        }
      } else {
        re += "[^/]*";
      }
    } else if (c === "?") {
      re += "[^/]";
    } else {
      re += c.replace(/[.+^${}()|[\]\\]/gu, "\\$&");
    }
  }
  // A glob naming a folder ignores what lies inside it too.
  return new RegExp(`^${re}(?:/.*)?$`, "u");
}

const byNfc = (a: string, b: string): number => {
  const x = a.normalize("NFC");
  const y = b.normalize("NFC");
  return x < y ? -1 : x > y ? 1 : 0;
};

/**
 * The plan files among a list of relative paths (a git revision's tree): the same rules as
 * on disk, for folders starting with `.`, node_modules and ignored paths.
 */
export function selectPlanFiles(paths: readonly string[], ignore: readonly string[] = []): string[] {
  const patterns = ignore.map(globToRegExp);
  return paths
    .filter((p) => {
      if (!/\.ya?ml$/u.test(p)) return false;
      const parts = p.split("/");
      if (parts.slice(0, -1).some((d) => d.startsWith(".") || d === "node_modules")) return false;
      for (let i = 1; i <= parts.length; i++) if (patterns.some((re) => re.test(parts.slice(0, i).join("/")))) return false;
      return true;
    })
    .sort(byNfc);
}

/**
 * Every plan file below `root` as a path relative to it (forward slashes, as on disk),
 * sorted by the NFC form so the order never depends on the file system. Folders starting with `.`,
 * node_modules and ignored paths are skipped; symbolic links to folders are not followed,
 * and a link to a file outside the root is not read.
 */
export function listPlanFiles(root: string, ignore: readonly string[] = []): string[] {
  const patterns = ignore.map(globToRegExp);
  const realRoot = realpathSync(root);
  const out: string[] = [];
  const walk = (rel: string): void => {
    const abs = rel === "" ? root : path.join(root, rel);
    let entries;
    try {
      entries = readdirSync(abs, { withFileTypes: true });
    } catch (e) {
      if (rel === "") throw new PlanIoError(`cannot read the plan folder: ${(e as Error).message}`);
      return;
    }
    for (const entry of entries) {
      const name = entry.name;
      const childRel = rel === "" ? name : `${rel}/${name}`;
      if (patterns.some((p) => p.test(childRel))) continue;
      if (entry.isDirectory()) {
        if (name.startsWith(".") || name === "node_modules") continue;
        walk(childRel);
      } else if (/\.ya?ml$/u.test(name)) {
        if (entry.isSymbolicLink()) {
          try {
            const target = realpathSync(path.join(root, childRel));
            if (!target.startsWith(realRoot + path.sep) || !statSync(target).isFile()) continue;
          } catch {
            continue;
          }
        } else if (!entry.isFile()) {
          continue;
        }
        out.push(childRel);
      }
    }
  };
  walk("");
  return out.sort(byNfc);
}
