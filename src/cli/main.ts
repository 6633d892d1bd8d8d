// The `plan` command's entry. `plan --version` is answered here, before anything is loaded
// (commander alone would double its cost); everything else goes to program.ts, which
// declares the commands and loads each command's module only when it runs.
import { guardStreams, out } from "./io.js";
import { packageVersion } from "./version.js";

guardStreams();
const argv = process.argv.slice(2);
// Commander prints the version as soon as it meets the option, whatever follows: the same here.
if (argv[0] === "--version" || argv[0] === "-V") out(`${packageVersion()}\n`);
else await (await import("./program.js")).main(argv);
