// Headless Chromium for tests that need a real browser (Mermaid's parser needs a DOM).
// Debian's chromium, driven by playwright-core with `executablePath`. Without the browser
// a test skips with a message, except under CI, where a missing browser is a failure.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";

const CHROMIUM = process.env.RODTRAD_CHROMIUM ?? "/usr/bin/chromium";
const MERMAID_JS = fileURLToPath(new URL("../../node_modules/mermaid/dist/mermaid.min.js", import.meta.url));

/** CI=true (or any value but "", "0", "false") turns a missing browser into a failure. */
export const IN_CI = ((v) => v !== undefined && v !== "" && v !== "0" && v.toLowerCase() !== "false")(process.env.CI);

/** Why browser tests must skip, or undefined when they must run (the browser is there, or we are in CI). */
export function browserSkipReason(): string | undefined {
  if (IN_CI || existsSync(CHROMIUM)) return undefined;
  return `${CHROMIUM} not found: browser tests skipped (install Debian's chromium; with CI=true they fail instead)`;
}

const LAUNCH_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`no browser at ${CHROMIUM} (CI=${process.env.CI ?? ""}): install Debian's chromium`);
  const { chromium } = await import("playwright-core");
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: LAUNCH_ARGS });
}

/** A blank page with mermaid.min.js loaded, and the global `mermaid` ready. */
export async function mermaidPage(browser: Browser): Promise<Page> {
  const page = await browser.newPage();
  await page.setContent("<html><body></body></html>");
  await page.addScriptTag({ path: MERMAID_JS });
  await page.evaluate(() => (globalThis as unknown as { mermaid: { initialize(c: object): void } }).mermaid.initialize({ startOnLoad: false }));
  return page;
}

/** Mermaid's own parser: `{ ok: true }`, or `{ ok: false, error }` with its message. */
export async function mermaidParse(page: Page, src: string): Promise<{ ok: true } | { ok: false; error: string }> {
  return page.evaluate(async (s) => {
    try {
      await (globalThis as unknown as { mermaid: { parse(t: string): Promise<unknown> } }).mermaid.parse(s);
      return { ok: true as const };
    } catch (e) {
      return { ok: false as const, error: String(e instanceof Error ? e.message : e) };
    }
  }, src);
}

/** Render to SVG in the page (mermaid.render), returning the SVG markup. */
export async function mermaidRender(page: Page, src: string, id = "diagram"): Promise<string> {
  return page.evaluate(
    async ([s, i]) => (await (globalThis as unknown as { mermaid: { render(id: string, t: string): Promise<{ svg: string }> } }).mermaid.render(i!, s!)).svg,
    [src, id],
  );
}
