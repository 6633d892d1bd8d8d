#!/usr/bin/env node
// A local server that answers like Kolada's API v3, for the tests of plan kolada and for a demo
// without the internet:
//
//   node test/tools/kolada-demo-server.mjs            (prints its URL, e.g. http://127.0.0.1:41234/v3)
//   plan kolada -C examples/katrineholm --url http://127.0.0.1:41234/v3 --torrt
//
// It listens on 127.0.0.1 on a free port, under /v3 and without it. Data answers have the shape of Kolada's:
// {"count", "values": [{"kpi", "municipality", "period", "values": [{"gender", "status", "value", "count"}]}]}
// in pages of a few rows, linked by next_page (a page number, or a URL) or next_url. Some KPI
// IDs behave badly on purpose (see `behaviour`), and every request is recorded.
import http from "node:http";
import { fileURLToPath } from "node:url";

/**
 * @typedef {number | null | { T: number | null, K?: number | null, M?: number | null }} Cell
 * @typedef {Record<string, Record<string, Record<string, Cell>>>} Data  kpi → kommunkod → year → value
 * @typedef {"429-once" | "429-long" | "500" | "slow" | "not-json" | "nan" | "huge" | "string-value" | "bad-shape" | "foreign-next"} Behaviour
 * @typedef {{ data: Data, pageSize?: number, paging?: "next_page" | "next_page_url" | "next_url", behaviour?: Record<string, Behaviour>, groups?: Record<string, string[]>, slowMs?: number }} ServerOptions
 */

/** The rows of `data` for the KPIs, municipalities and years asked for, in Kolada's shape. */
function rowsFor(data, kpis, munis, years, stringValues) {
  const rows = [];
  for (const kpi of kpis) {
    for (const m of munis) {
      for (const y of years) {
        const cell = data[kpi]?.[m]?.[y];
        if (cell === undefined) continue;
        const split = cell !== null && typeof cell === "object" ? cell : { T: cell };
        const values = Object.entries(split).map(([gender, value]) => ({
          gender,
          status: "",
          value: stringValues && value !== null ? String(value) : value,
          count: 1,
        }));
        rows.push({ kpi, municipality: m, period: Number(y), values });
      }
    }
  }
  return rows;
}

/** @param {ServerOptions} o */
export function startKoladaServer(o) {
  /** @type {string[]} */
  const requests = [];
  const seen429 = new Set();
  const pageSize = o.pageSize ?? 3;
  const sockets = new Set();
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", `http://${req.headers.host}`);
    requests.push(url.pathname + url.search);
    const json = (status, body, headers = {}) => {
      res.writeHead(status, { "content-type": "application/json", ...headers });
      res.end(typeof body === "string" ? body : JSON.stringify(body));
    };
    const group = /^(?:\/v3)?\/municipality_groups\/([^/]+)$/u.exec(url.pathname);
    if (group) {
      const id = decodeURIComponent(group[1]);
      const members = o.groups?.[id];
      if (!members) return json(404, { error: "not found" });
      return json(200, { count: 1, values: [{ id, title: `Grupp ${id}`, members: members.map((m) => ({ id: m, title: `Kommun ${m}` })) }] });
    }
    const m = /^(?:\/v3)?\/data\/kpi\/([^/]+)\/municipality\/([^/]+)\/year\/([^/]+)$/u.exec(url.pathname);
    if (!m) return json(404, { error: "not found" });
    const [kpis, munis, years] = [m[1], m[2], m[3]].map((s) => decodeURIComponent(s).split(","));
    const bad = kpis.map((k) => o.behaviour?.[k]).filter((b) => b !== undefined);
    if (bad.includes("500")) return json(500, { error: "internal" });
    for (const [behaviour, wait] of [["429-once", "0"], ["429-long", "120"]]) {
      const key = `${behaviour} ${kpis.join(",")}`;
      if (bad.includes(behaviour) && !seen429.has(key)) {
        seen429.add(key);
        return json(429, { error: "too many requests" }, { "retry-after": wait });
      }
    }
    if (bad.includes("not-json")) return json(200, "<html><body>Kolada är nere för underhåll</body></html>");
    if (bad.includes("nan")) return json(200, `{"values": [{"kpi": "${kpis[0]}", "municipality": "${munis[0]}", "period": ${years[0]}, "values": [{"gender": "T", "value": NaN}]}]}`);
    if (bad.includes("bad-shape")) return json(200, { values: { kpi: kpis[0] } });
    if (bad.includes("huge")) {
      // An answer that never ends: the client must stop reading.
      res.writeHead(200, { "content-type": "application/json" });
      const chunk = Buffer.alloc(1 << 16, 0x20);
      const more = () => {
        while (!res.destroyed && res.write(chunk));
        if (!res.destroyed) res.once("drain", more);
      };
      res.write('{"values": [');
      more();
      return;
    }
    const all = rowsFor(o.data, kpis, munis, years, bad.includes("string-value"));
    const page = Number(url.searchParams.get("page") ?? "1");
    const values = all.slice((page - 1) * pageSize, page * pageSize);
    const body = { count: all.length, values };
    if (page * pageSize < all.length) {
      const next = new URL(url);
      next.searchParams.set("page", String(page + 1));
      if (bad.includes("foreign-next")) body.next_url = `http://example.invalid${next.pathname}${next.search}`;
      else if (o.paging === "next_url") body.next_url = next.href;
      else if (o.paging === "next_page_url") body.next_page = next.pathname + next.search;
      else body.next_page = page + 1;
    } else {
      body[o.paging === "next_url" ? "next_url" : "next_page"] = null;
    }
    const send = () => json(200, body);
    if (bad.includes("slow")) setTimeout(send, o.slowMs ?? 2000).unref();
    else send();
  });
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      const { port } = /** @type {import("node:net").AddressInfo} */ (server.address());
      resolve({
        url: `http://127.0.0.1:${port}/v3`,
        requests,
        close: () =>
          new Promise((done) => {
            for (const s of sockets) s.destroy();
            server.close(() => done(undefined));
          }),
      });
    });
  });
}

/**
 * Values for the Kolada IDs of examples/katrineholm (budget 2012), made up but plausible: for
 * Katrineholm (0483) and three comparison municipalities, 2008–2012, with gaps (null) and
 * gender splits, so that the demo shows a new value, a value of an earlier year and no value.
 * @type {Data}
 */
export const KATRINEHOLM = {
  N01951: { "0483": { 2010: 32303, 2011: 32358, 2012: 32496 }, "0480": { 2012: 54000 }, "0482": { 2012: 11200 }, "0484": { 2012: 103000 } },
  N00914: { "0483": { 2010: 16.8, 2011: { T: 17.2, K: 15.9, M: 18.4 }, 2012: null }, "0480": { 2011: 14.1 }, "0482": { 2011: 12.3 }, "0484": { 2011: null } },
  N07906: { "0483": { 2011: 52, 2012: 71 }, "0480": { 2012: 210 }, "0482": { 2012: 14 }, "0484": { 2012: 380 } },
  N03101: { "0483": { 2011: 2.1, 2012: 1.4 }, "0480": { 2012: 1.9 }, "0482": { 2012: 0.8 }, "0484": { 2012: 2.4 } },
  N15419: { "0483": { 2011: 76.5, 2012: { T: 74.2, K: 78.0, M: 70.6 } }, "0480": { 2012: 81.0 }, "0482": { 2012: 79.5 }, "0484": { 2012: 83.1 } },
  N15505: { "0483": { 2011: 207 }, "0480": { 2011: 214 }, "0482": { 2011: 209 }, "0484": { 2011: 219 } },
  N31816: { "0483": { 2012: null } },
};

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const server = await startKoladaServer({ data: KATRINEHOLM, groups: { G12345: ["0480", "0482", "0483", "0484"] } });
  process.stdout.write(`${server.url}\n`);
  process.stderr.write("Kolada test server: answers /v3/data/kpi/… and /v3/municipality_groups/G12345; Ctrl-C stops it\n");
}
