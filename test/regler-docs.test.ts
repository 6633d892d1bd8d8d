import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ALL_CODES, CODES } from "../src/diagnostics/index.js";

const doc = readFileSync(new URL("../docs/regler.md", import.meta.url), "utf8");
const documented = new Map<string, string>();
for (const m of doc.matchAll(/^### `([a-z0-9-]+)`\n\*(error|warning)\.\*/gmu)) documented.set(m[1]!, m[2]!);

describe("docs/regler.md", () => {
  it("documents every diagnostic code with its default severity", () => {
    const missing = ALL_CODES.filter((c) => !documented.has(c));
    expect(missing).toEqual([]);
    for (const code of ALL_CODES) expect(`${code}: ${documented.get(code)}`).toBe(`${code}: ${CODES[code].severity}`);
  });

  it("documents no code that does not exist", () => {
    expect([...documented.keys()].filter((c) => !(c in CODES))).toEqual([]);
  });
});
