// An answer longer than a JavaScript string can hold (SARIF for some 700,000 findings) is a
// limit, not a bug: one line that says so and what to do, exit 2, not "internal error".
import { afterEach, describe, expect, it, vi } from "vitest";
import { main } from "../src/cli/program.js";

describe("an answer longer than a string can hold", () => {
  afterEach(() => {
    vi.restoreAllMocks();
    process.exitCode = undefined;
  });

  it.each([
    ["en", "plan: the answer would be longer than a text can be (about 512 million characters): choose a shorter format (text or json), or fix the first findings first\n"],
    ["sv", "plan: svaret blir längre än en text kan vara (omkring 512 miljoner tecken): välj ett kortare format (text eller json) eller åtgärda de första felen först\n"],
  ])("%s: one line and exit 2", async (lang, line) => {
    // The string V8 refuses to make, as JSON.stringify of the whole answer meets it.
    vi.spyOn(JSON, "stringify").mockImplementationOnce(() => {
      throw new RangeError("Invalid string length");
    });
    const stderr: string[] = [];
    vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => (stderr.push(String(chunk)), true));
    vi.spyOn(process.stdout, "write").mockImplementation(() => true);
    await main(["regler", "--format", "json", "--lang", lang]);
    expect(process.exitCode).toBe(2);
    expect(stderr.join("")).toBe(line);
  });
});
