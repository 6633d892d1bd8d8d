// The yaml package, loaded when first needed: a plan that the fast path reads whole and that
// has no finding to place never needs it, and loading it is a good part of a start.
import { createRequire } from "node:module";

type YamlLib = typeof import("yaml");

const require = createRequire(import.meta.url);
let lib: YamlLib | undefined;

/** The yaml package (the same module a static import gives). */
export function yaml(): YamlLib {
  return (lib ??= require("yaml") as YamlLib);
}
