// docs/sakerhet.md tells the kommun's IT security officer the limits the code enforces: each
// figure in its table must be the one in the code, so the two cannot drift apart.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { MAX_GLOB_ALTERNATIVES, MAX_GLOB_LENGTH } from "../src/load/glob.js";
import { MAX_ALIAS_VALUES, MAX_DEPTH } from "../src/load/yaml-values.js";
import {
  MAX_PLAN_BYTES,
  MAX_PLAN_FILE_BYTES,
  MAX_PLAN_FILES,
  MAX_TEMPLATE_BYTES,
  MAX_TEMPLATE_FILES,
  MAX_TEMPLATES_BYTES,
} from "../src/load/read-file.js";
import { LONGEST } from "../src/model/similar.js";
import { MAX_CHAINS, TREE_DEPTH, TREE_ROWS, TREE_ROWS_PER_ENTITY } from "../src/model/thread.js";

const doc = readFileSync(new URL("../docs/sakerhet.md", import.meta.url), "utf8");
/** The table row that starts with `what`, by its first cell. */
const row = (what: string): string => doc.split("\n").find((l) => l.startsWith(`| ${what} |`)) ?? "";
const mib = (bytes: number): string => `${bytes / (1024 * 1024)} MiB`;
/** Swedish thousands: a space every three digits (100 000). */
const tal = (n: number): string => String(n).replace(/\B(?=(\d{3})+$)/gu, " ");
const words: Record<number, string> = { 3: "tre" };

describe("docs/sakerhet.md states the limits the code enforces", () => {
  it.each([
    ["en planfil", [mib(MAX_PLAN_FILE_BYTES)]],
    ["alla planfiler tillsammans", [mib(MAX_PLAN_BYTES), `${tal(MAX_PLAN_FILES)} filer`]],
    ["en mall", [mib(MAX_TEMPLATE_BYTES)]],
    ["mallar per rapport", [`${tal(MAX_TEMPLATE_FILES)} filer`, mib(MAX_TEMPLATES_BYTES)]],
    ["YAML-nästling", [`${MAX_DEPTH} nivåer`]],
    ["YAML-alias", [`${tal(MAX_ALIAS_VALUES)} värden`]],
    ["ett mönster i `ignorera`", [`${tal(MAX_GLOB_LENGTH)} tecken`, `${MAX_GLOB_ALTERNATIVES} alternativ`]],
    ["`plan trace`, kedjor uppåt", [`${MAX_CHAINS} kedjor`]],
    ["`plan trace`, trädet nedåt", [`${TREE_DEPTH} nivåer`, `${tal(TREE_ROWS)} rader`, `${words[TREE_ROWS_PER_ENTITY] ?? TREE_ROWS_PER_ENTITY} rader per entitet`]],
    ["förslag \"menade du …?\"", [`längre än ${LONGEST} tecken`]],
  ])("%s", (what, figures) => {
    const line = row(what);
    expect(line, `no table row for ${what}`).not.toBe("");
    for (const f of figures) expect(line).toContain(f);
  });

  it("every diagnostic code it names exists", async () => {
    const { CODES } = await import("../src/diagnostics/index.js");
    const named = [...doc.matchAll(/`([a-z]+(?:-[a-z0-9]+)+)`/gu)].map((m) => m[1]!).filter((c) => !c.startsWith("persist") && !c.startsWith("pull"));
    expect(named.length).toBeGreaterThan(5);
    for (const code of named) expect(Object.keys(CODES), code).toContain(code);
  });
});
