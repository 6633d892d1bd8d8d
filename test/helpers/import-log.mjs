// `node --import ./import-log.mjs …`: every module the program resolves, one `import <url>` line
// each on stderr, so a test can see what a command loads.
import { register } from "node:module";

register(
  "data:text/javascript," +
    encodeURIComponent(`export async function resolve(spec, ctx, next) {
      const r = await next(spec, ctx);
      process.stderr.write("import " + r.url + "\\n");
      return r;
    }`),
);
