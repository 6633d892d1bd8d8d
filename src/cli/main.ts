// The `plan` command's entry. `plan --version` is answered here, before anything is loaded
// (commander alone would double its cost); everything else goes to program.ts, which
// declares the commands and loads each command's module only when it runs.
import { guardStreams, out } from "./io.js";
import { packageVersion } from "./version.js";

guardStreams();
const argv = process.argv.slice(2);
// Commander prints the version as soon as it meets the option, whatever follows: the same here.
if (argv[0] === "--version" || argv[0] === "-V") out(`${packageVersion()}\n`);
else {
  await (await import("./program.js")).main(argv);
  // Done: once what is pending has run (an error event of a write, say), end here. Left to end
  // by itself, node lets the garbage collector finish with a heap it is about to drop (10–20 ms
  // on a city-sized plan). Output a slow pipe has not taken yet is left to drain first.
  await new Promise((resolve) => setImmediate(resolve));
  if (process.stdout.writableLength === 0 && process.stderr.writableLength === 0) process.exit();
}
