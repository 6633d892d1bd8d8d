// The running footer of printed reports carries plan text inside <style>: it must stay a CSS string.
import { describe, expect, it } from "vitest";
import { cssString } from "../src/report/render.js";

describe("cssString", () => {
  it("keeps letters, digits and spaces and escapes everything else", () => {
    expect(cssString("Delår 2012 – Katrineholm")).toBe('"Delår 2012 \\2013  Katrineholm"');
  });

  it("cannot end the string, the rule or the <style> element", () => {
    const hostile = `"; } </style><script>alert(1)</script> \\ \n`;
    const css = cssString(hostile);
    expect(css.slice(1, -1)).not.toMatch(/["<>;{}\n]/u);
    expect(css).not.toContain("</style>");
    // Every backslash starts a hex escape ended by one space.
    expect(css.slice(1, -1).replace(/\\[0-9a-f]{1,6} /gu, "")).not.toContain("\\");
  });
});
