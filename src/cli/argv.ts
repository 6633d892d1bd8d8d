// Command lines arrive NFC-normalised, and every Swedish word answers to its ASCII spelling.
// The aliases are Maps: an argument is user text, and `constructor` or `__proto__` must find
// nothing (a plain object would answer with Object.prototype's members).

/** ASCII spellings of options → the Swedish option. */
const OPTION_ALIASES: ReadonlyMap<string, string> = new Map([
  ["--ar", "--år"],
  ["--namnd", "--nämnd"],
  ["--malomrade", "--målområde"],
  ["--skriv-over", "--skriv-över"],
  ["--jamfor", "--jämför"],
]);

/** ASCII spellings of commands and phases → the Swedish word. */
const WORD_ALIASES: ReadonlyMap<string, string> = new Map([
  ["delar", "delår"],
  ["manad", "månad"],
  ["arsredovisning", "årsredovisning"],
  ["arshjul", "årshjul"],
  ["namndplan", "nämndplan"],
  ["uppfoljning", "uppföljning"],
  ["nytt-ar", "nytt-år"],
]);

export function normalizeArgv(args: readonly string[]): string[] {
  let afterDashes = false;
  return args.map((raw) => {
    const arg = raw.normalize("NFC");
    if (afterDashes) return arg;
    if (arg === "--") {
      afterDashes = true;
      return arg;
    }
    if (arg.startsWith("--")) {
      const eq = arg.indexOf("=");
      const name = eq >= 0 ? arg.slice(0, eq) : arg;
      const alias = OPTION_ALIASES.get(name);
      if (alias) return eq >= 0 ? alias + arg.slice(eq) : alias;
      return arg;
    }
    return WORD_ALIASES.get(arg) ?? arg;
  });
}
