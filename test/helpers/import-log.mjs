// `node --import ./import-log.mjs …`: every module the program resolves, one `import <url>` line
// each on stderr, so a test can see what a command loads. The resolve hook runs on a thread of
// its own; what it writes there can be lost when the program exits at once (as `--version`
// does), so it posts each URL to this thread, which drains the port synchronously at exit.
// The hook does not see `require` (a package loaded lazily through createRequire): the files
// in the CommonJS cache are written at exit too.
import { createRequire, register } from "node:module";
import { pathToFileURL } from "node:url";
import { MessageChannel, receiveMessageOnPort } from "node:worker_threads";

const { port1, port2 } = new MessageChannel();
port1.unref();

register(
  "data:text/javascript," +
    encodeURIComponent(`let port;
    export function initialize(data) { port = data.port; }
    export async function resolve(spec, ctx, next) {
      const r = await next(spec, ctx);
      port.postMessage(r.url);
      return r;
    }`),
  { data: { port: port2 }, transferList: [port2] },
);

process.on("exit", () => {
  for (let m = receiveMessageOnPort(port1); m !== undefined; m = receiveMessageOnPort(port1)) process.stderr.write(`import ${m.message}\n`);
  for (const file of Object.keys(createRequire(import.meta.url).cache)) process.stderr.write(`import ${pathToFileURL(file).href}\n`);
});
