// The command as it runs: the compiled modules of dist/ (tsc) bundled into a few files in
// dist/run/, one for what every start needs and one for each command, loaded when it runs.
// Node finding, reading and linking about 80 modules one by one was a good part of a short run.
// dist/run/ lies as deep as dist/<layer>/, so every path a module finds from its own place
// (`../../schemas/`, `../../templates/`) stays the same. The packages are loaded from
// node_modules as before (loaded when needed, some through require()), except commander,
// which every command line needs: bundled, node does not find, read and wrap its seven files.
// dist/run/modules.json tells which source module went into which file (test/cli-startup.test.ts).
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "rolldown";

const DIST = path.resolve("dist");

/** Every module's path relative to dist/, by the file of dist/run/ that holds it. */
const manifest = {
  name: "modules-manifest",
  generateBundle(_options, bundle) {
    const files = {};
    for (const [name, chunk] of Object.entries(bundle).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      if (chunk.type !== "chunk") continue;
      files[name] = chunk.moduleIds
        .map((id) => (id.startsWith(DIST + path.sep) ? path.relative(DIST, id).split(path.sep).join("/") : id.replace(/^.*[/\\]node_modules[/\\]((?:@[^/\\]+[/\\])?[^/\\]+).*$/u, "$1")))
        .sort();
    }
    this.emitFile({ type: "asset", fileName: "modules.json", source: `${JSON.stringify(files, null, 2)}\n` });
  },
};

const config = {
  input: { main: "dist/cli/main.js", "parse-worker": "dist/load/parse-worker.js" },
  platform: "node",
  // Packages stay packages (loaded when needed, some through require()), except commander.
  external: (id) => id.startsWith("node:") || /^(yaml|js-yaml|ajv|ajv-formats|chalk|handlebars|cli-table3|markdown-it)(\/|$)/u.test(id),
  output: { dir: "dist/run", format: "esm", entryFileNames: "[name].js", chunkFileNames: "[name]-[hash].js", cleanDir: true },
  plugins: [manifest],
  logLevel: "warn",
};

export default config;

// `node rolldown.config.mjs` (the build) bundles without the CLI's listing of every file.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await build(config);
