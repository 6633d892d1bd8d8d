// The Kolada client against the local test server: pages by next_page and next_url, null
// values, the total of a gender split, retries on 429 and 5xx, the timeout, batches of at most
// 25, and hostile answers, each a one-line error. No test touches the internet.
import { afterAll, describe, expect, it } from "vitest";
import { fetchGroupMembers, fetchValues, KoladaError, MAX_PER_REQUEST } from "../src/kolada/client.js";
import { FAST_NET, startKoladaServer, type Data, type KoladaServer } from "./helpers/kolada-server.js";

const servers: KoladaServer[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

async function serve(...args: Parameters<typeof startKoladaServer>): Promise<KoladaServer> {
  const s = await startKoladaServer(...args);
  servers.push(s);
  return s;
}

const DATA: Data = {
  N00001: { "0483": { 2023: 1.5, 2024: 2.5, 2025: null }, "0480": { 2024: 3 } },
  N00002: { "0483": { 2024: { T: 50, K: 60, M: 40 } } },
  N00003: { "0483": { 2023: 7, 2024: 8, 2025: 9 } },
};

const years = [2023, 2024, 2025];
const asObject = (m: ReadonlyMap<number, number | null> | undefined): Record<number, number | null> => Object.fromEntries(m ?? []);

describe("fetchValues", () => {
  for (const paging of ["next_page", "next_page_url", "next_url"] as const) {
    it(`follows every page (${paging}), keeps null as no value, and takes the total of a gender split`, async () => {
      const s = await serve({ data: DATA, pageSize: 2, paging });
      const r = await fetchValues(new URL(s.url), ["N00001", "N00002", "N00003"], ["0483", "0480"], years, FAST_NET);
      expect(r.failed.size).toBe(0);
      expect(asObject(r.values.get("N00001")!.get("0483"))).toEqual({ 2023: 1.5, 2024: 2.5, 2025: null });
      expect(asObject(r.values.get("N00001")!.get("0480"))).toEqual({ 2024: 3 });
      expect(asObject(r.values.get("N00002")!.get("0483"))).toEqual({ 2024: 50 });
      expect(asObject(r.values.get("N00003")!.get("0483"))).toEqual({ 2023: 7, 2024: 8, 2025: 9 });
      // 8 rows in pages of 2: four requests, the later ones asking for their page.
      expect(s.requests).toHaveLength(4);
      expect(s.requests.slice(1).every((q) => /[?&]page=\d/u.test(q))).toBe(true);
    });
  }

  it("asks for at most 25 KPIs, municipalities and years in one request, and finds every value", async () => {
    const kpis = Array.from({ length: 60 }, (_, i) => `N${String(10000 + i)}`);
    const munis = Array.from({ length: 30 }, (_, i) => String(1000 + i).padStart(4, "0"));
    const ys = Array.from({ length: 30 }, (_, i) => 1996 + i);
    const data: Data = Object.fromEntries(kpis.map((k, i) => [k, { [munis[i % 30]!]: { [ys[i % 30]!]: i } }]));
    const s = await serve({ data, pageSize: 1000 });
    const r = await fetchValues(new URL(s.url), kpis, munis, ys, FAST_NET);
    expect(r.failed.size).toBe(0);
    kpis.forEach((k, i) => expect(r.values.get(k)!.get(munis[i % 30]!)!.get(ys[i % 30]!)).toBe(i));
    for (const q of s.requests) {
      const [, k, m, y] = /\/kpi\/([^/]+)\/municipality\/([^/]+)\/year\/([^/?]+)/u.exec(q)!;
      for (const list of [k!, m!, y!]) expect(decodeURIComponent(list).split(",").length).toBeLessThanOrEqual(MAX_PER_REQUEST);
    }
    // 60 KPIs in 3 batches × 30 municipalities in 2 × 30 years in 2.
    expect(s.requests).toHaveLength(12);
  });

  it("retries a 429 and then succeeds", async () => {
    const s = await serve({ data: DATA, behaviour: { N00003: "429-once" } });
    const r = await fetchValues(new URL(s.url), ["N00003"], ["0483"], years, FAST_NET);
    expect(r.failed.size).toBe(0);
    expect(asObject(r.values.get("N00003")!.get("0483"))).toEqual({ 2023: 7, 2024: 8, 2025: 9 });
    expect(s.requests).toHaveLength(2);
  });

  it("honours a Retry-After, but waits no longer than the cap", async () => {
    const s = await serve({ data: DATA, behaviour: { N00003: "429-long" } });
    const started = Date.now();
    const r = await fetchValues(new URL(s.url), ["N00003"], ["0483"], years, { ...FAST_NET, backoffMs: 1, maxWaitMs: 300 });
    const took = Date.now() - started;
    expect(r.failed.size).toBe(0);
    // The server asked for 120 s; the cap is 0.3 s, and the backoff alone (1 ms) would not wait it.
    expect(took).toBeGreaterThanOrEqual(250);
    expect(took).toBeLessThan(5000);
    expect(s.requests).toHaveLength(2);
  });

  it("gives up on a 500 after the retries; the other KPIs of its batch are fetched one by one", async () => {
    const s = await serve({ data: DATA, behaviour: { N00002: "500" } });
    const r = await fetchValues(new URL(s.url), ["N00001", "N00002", "N00003"], ["0483"], years, { ...FAST_NET, retries: 2 });
    expect([...r.failed.keys()]).toEqual(["N00002"]);
    const e = r.failed.get("N00002")!;
    expect(e.kind).toBe("http");
    expect(e.in("en")).toBe("the server answered 500 Internal Server Error (after 2 retries)");
    expect(e.in("sv")).toBe("servern svarade 500 Internal Server Error (efter 2 nya försök)");
    expect(asObject(r.values.get("N00003")!.get("0483"))).toEqual({ 2023: 7, 2024: 8, 2025: 9 });
    // The batch 3 times, then each KPI alone: N00002 3 times more, the two others once each.
    expect(s.requests).toHaveLength(3 + 3 + 2);
  });

  it("ends a slow answer at the timeout with one line", async () => {
    const s = await serve({ data: DATA, behaviour: { N00001: "slow" }, slowMs: 3000 });
    const started = Date.now();
    const r = await fetchValues(new URL(s.url), ["N00001"], ["0483"], years, { ...FAST_NET, timeoutMs: 200 });
    expect(Date.now() - started).toBeLessThan(2500);
    const e = r.failed.get("N00001")!;
    expect(e.kind).toBe("timeout");
    expect(e.in("en")).toMatch(/^no answer from 127\.0\.0\.1:\d+ within 0\.2 s$/u);
    expect(e.in("sv")).toMatch(/^inget svar från 127\.0\.0\.1:\d+ inom 0,2 s$/u);
  });

  it("says so in one line when nothing answers", async () => {
    const s = await serve({ data: DATA });
    await s.close();
    const r = await fetchValues(new URL(s.url), ["N00001"], ["0483"], years, FAST_NET);
    expect(r.failed.get("N00001")!.kind).toBe("network");
    expect(r.failed.get("N00001")!.in("en")).toMatch(/^cannot reach 127\.0\.0\.1:\d+: ECONNREFUSED$/u);
  });

  const hostile = [
    ["not-json", /^the answer is not JSON$/u],
    ["nan", /^the answer is not JSON$/u],
    ["huge", /^the answer is larger than 32 MB$/u],
    ["string-value", /^N00009 0483 20\d\d: the value "\d+" is not a number$/u],
    ["bad-shape", /^the answer has no list "values"$/u],
    ["foreign-next", /^the next-page link leads to another server \(example\.invalid\)$/u],
  ] as const;
  for (const [behaviour, message] of hostile) {
    it(`a hostile answer (${behaviour}) fails its KPI alone, with one line`, async () => {
      const data: Data = { ...DATA, N00009: { "0483": { 2023: 1, 2024: 2, 2025: 3 } } };
      const s = await serve({ data, pageSize: 2, behaviour: { N00009: behaviour } });
      // A generous timeout: reading 32 MB on a busy machine must end at the cap, not the clock.
      const r = await fetchValues(new URL(s.url), ["N00001", "N00009"], ["0483"], years, { ...FAST_NET, timeoutMs: 20_000 });
      expect([...r.failed.keys()]).toEqual(["N00009"]);
      const e = r.failed.get("N00009")!;
      expect(e).toBeInstanceOf(KoladaError);
      expect(e.in("en")).toMatch(message);
      expect(e.in("sv")).not.toContain("\n");
      expect(asObject(r.values.get("N00001")!.get("0483"))).toEqual({ 2023: 1.5, 2024: 2.5, 2025: null });
    });
  }

  it("keeps the base URL's path (…/v3) in every request", async () => {
    const s = await serve({ data: DATA });
    await fetchValues(new URL(`${s.url}/`), ["N00003"], ["0483"], [2024], FAST_NET);
    expect(s.requests).toEqual(["/v3/data/kpi/N00003/municipality/0483/year/2024"]);
  });
});

describe("fetchGroupMembers", () => {
  it("reads the members of a municipality group, sorted, once each", async () => {
    const s = await serve({ data: DATA, groups: { G12345: ["0484", "0480", "0483", "0480"] } });
    expect(await fetchGroupMembers(new URL(s.url), "G12345", FAST_NET)).toEqual(["0480", "0483", "0484"]);
    expect(s.requests).toEqual(["/v3/municipality_groups/G12345"]);
  });

  it("an unknown group is a one-line error", async () => {
    const s = await serve({ data: DATA, groups: {} });
    await expect(fetchGroupMembers(new URL(s.url), "G999", FAST_NET)).rejects.toThrow(/^the server answered 404 Not Found$/u);
  });
});
