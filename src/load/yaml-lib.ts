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

type JsYamlLib = typeof import("js-yaml");
let jsLib: JsYamlLib | undefined;

/**
 * js-yaml, loaded when first needed: only for a file the block reader (block-reader.ts) leaves
 * and that keeps to the plan subset, as no file of the examples or of the benchmark corpus
 * does. Bundled, it made every start compile 100 kB that it did not run.
 */
export function jsYaml(): JsYamlLib {
  return (jsLib ??= require("js-yaml") as JsYamlLib);
}
