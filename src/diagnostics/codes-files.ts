// Codes about reading files: which files are read, and whether their bytes are YAML.
import type { Bilingual } from "./bilingual.js";
import { entry, q, type NoArgs } from "./entry.js";

/** What a path the tool will not read is (from src/load/read-file.ts and list-files.ts). */
const KIND_EN: Record<string, string> = {
  symlink: "a symbolic link",
  fifo: "a FIFO (named pipe)",
  socket: "a socket",
  device: "a device file",
  submodule: "a git submodule (or another repository)",
  folder: "a folder",
  other: "a special file",
};
const KIND_SV: Record<string, string> = {
  symlink: "en symbolisk länk",
  fifo: "en FIFO (namngiven pipe)",
  socket: "en socket",
  device: "en enhetsfil",
  submodule: "en git-undermodul (eller ett annat repository)",
  folder: "en mapp",
  other: "en specialfil",
};
const kindEn = (kind: string): string => (Object.hasOwn(KIND_EN, kind) ? KIND_EN[kind]! : kind);
const kindSv = (kind: string): string => (Object.hasOwn(KIND_SV, kind) ? KIND_SV[kind]! : kind);

/** What a refused path is, in words: "a symbolic link" / "en symbolisk länk". */
export const kindWords = (kind: string): Bilingual => ({ en: kindEn(kind), sv: kindSv(kind) });

/** The YAML parser's errors in Swedish, by its error code; an error without one keeps the parser's words. */
const YAML_SV: Record<string, string> = {
  TAB_AS_INDENT: "tabbtecken får inte användas som indrag; använd mellanslag",
  BAD_INDENT: "fel indrag: raden står inte i linje med det den hör till",
  MISSING_CHAR: "ett tecken saknas, t.ex. ett avslutande citattecken, } eller ]",
  MULTILINE_IMPLICIT_KEY: "en nyckel måste stå på en enda rad (saknas ett kolon eller ett mellanslag efter kolon?)",
  BLOCK_AS_IMPLICIT_KEY: "en lista eller mappning kan inte användas som nyckel",
  UNEXPECTED_TOKEN: "ett tecken som inte hör hemma här",
  BAD_DQ_ESCAPE: "en ogiltig \\-sekvens inom dubbla citattecken",
  BLOCK_IN_FLOW: "en rad med indrag inuti { } eller [ ]",
  BAD_SCALAR_START: "ett värde får inte börja med detta tecken; sätt det inom citattecken",
  BAD_ALIAS: "ett ogiltigt alias (*namn)",
  ALIAS_PROPS: "ett alias (*namn) får inte ha ankare eller tagg",
  MULTIPLE_ANCHORS: "mer än ett ankare (&namn) på samma värde",
  MULTIPLE_TAGS: "mer än en tagg (!tagg) på samma värde",
  BAD_PROP_ORDER: "ankare och tagg står på fel plats",
  BAD_DIRECTIVE: "ett ogiltigt direktiv (rad som börjar med %)",
  TAG_RESOLVE_FAILED: "en tagg (!tagg) som inte kan tolkas",
  KEY_OVER_1024_CHARS: "en nyckel som är längre än 1024 tecken",
  NON_STRING_KEY: "en nyckel som inte är text",
  DUPLICATE_KEY: "en nyckel som förekommer två gånger",
  BAD_COLLECTION_TYPE: "en samling av fel slag",
  // Not the parser's: src/load/yaml-values.ts refuses a key that is a mapping or a list.
  KEY_NOT_PLAIN: "en nyckel måste vara ett enkelt värde, inte en mappning eller lista",
};
const yamlReasonSv = (a: { detail: string; reason?: string }): string =>
  a.reason !== undefined && Object.hasOwn(YAML_SV, a.reason) ? YAML_SV[a.reason]! : a.detail;

type BadName = { kind: "not-utf8" } | { kind: "nfc-collision"; other: string };

export const FILE_CODES = {
  "yaml-syntax": entry({
    severity: "error",
    summary: { en: "The file is not valid YAML.", sv: "Filen är inte giltig YAML." },
    // `typ` is not worded: the kind a broken document names, so the checks know what it would define.
    // `reason`: the parser's code for the error, for the Swedish words (its own are English).
    en: (a: { detail: string; reason?: string; more?: number; typ?: string }) =>
      `YAML syntax error: ${a.detail}${a.more ? ` (not shown: ${a.more === 1 ? "1 later syntax error in this document, which most likely follows" : `${a.more} later syntax errors in this document, which most likely follow`} from this one)` : ""}`,
    sv: (a) =>
      `syntaxfel i YAML: ${yamlReasonSv(a)}${a.more ? ` (visas inte: ${a.more} senare syntaxfel i dokumentet, som troligen följer av detta)` : ""}`,
  }),
  "not-utf8": entry({
    severity: "error",
    summary: { en: "The file is not valid UTF-8 text.", sv: "Filen är inte giltig UTF-8-text." },
    en: (a: { offset: number; line: number; column: number }) =>
      `not valid UTF-8 text: the byte at offset ${a.offset} from the start of the file (line ${a.line}, column ${a.column}) is not UTF-8; save the file as UTF-8`,
    sv: (a) => `inte giltig UTF-8-text: byten på position ${a.offset} räknat från filens början (rad ${a.line}, kolumn ${a.column}) är inte UTF-8; spara filen som UTF-8`,
  }),
  "duplicate-key": entry({
    severity: "error",
    summary: { en: "A key appears twice in the same mapping.", sv: "En nyckel förekommer två gånger i samma mappning." },
    en: (a: { key: string }) => `the key ${q(a.key)} appears twice in this mapping; the first one counts`,
    sv: (a) => `nyckeln ${q(a.key)} förekommer två gånger i mappningen; den första gäller`,
  }),
  "yaml-too-deep": entry({
    severity: "error",
    summary: { en: "The YAML nests deeper than any plan needs; it is refused.", sv: "YAML-strukturen är djupare än någon plan behöver och vägras." },
    en: (a: { max: number }) => `the YAML nests deeper than ${a.max} levels; refused`,
    sv: (a) => `YAML-strukturen är djupare än ${a.max} nivåer och vägras`,
  }),
  "yaml-too-complex": entry({
    severity: "error",
    summary: {
      en: "A file the fast reader cannot take holds more YAML than any plan file needs; it is refused.",
      sv: "En fil som den snabba läsaren inte tar har mer YAML än någon planfil behöver och vägras.",
    },
    en: (a: { marks: number; max: number }) =>
      `the file holds ${a.marks} YAML marks (commas, colons, dashes, brackets, line breaks…), more than ${a.max} in a file written outside the plain style; refused: split it, or write it one value per line, without tabs, anchors or lines over 1,000 characters`,
    sv: (a) =>
      `filen har ${a.marks} YAML-tecken (kommatecken, kolon, streck, hakparenteser, radbrytningar …), fler än ${a.max} i en fil som inte är skriven i den enkla stilen; vägras: dela upp den, eller skriv den med ett värde per rad, utan tabbar, ankare eller rader över 1 000 tecken`,
  }),
  "yaml-alias-limit": entry({
    severity: "error",
    summary: {
      en: "YAML aliases expand to too much data, or refer to themselves; refused.",
      sv: "YAML-alias expanderar till för mycket data eller pekar på sig själva och vägras.",
    },
    en: (a: { max: number }) => `YAML aliases expand to more than ${a.max} values or refer to themselves; refused`,
    sv: (a) => `YAML-alias expanderar till mer än ${a.max} värden eller pekar på sig själva och vägras`,
  }),
  "not-regular-file": entry({
    severity: "error",
    summary: {
      en: "A plan file that is a symbolic link, FIFO, socket, device or submodule; it is not read.",
      sv: "En planfil som är en symbolisk länk, FIFO, socket, enhetsfil eller undermodul; den läses inte.",
    },
    en: (a: { kind: string }) => `${kindEn(a.kind)}, not a regular file: not read (plan files must be regular files; links are never followed)`,
    sv: (a) => `${kindSv(a.kind)}, inte en vanlig fil: läses inte (planfiler måste vara vanliga filer; länkar följs aldrig)`,
  }),
  "not-followed": entry({
    severity: "warning",
    summary: {
      en: "A symbolic link or git submodule in the plan folder; it is not followed, so plan files behind it are not read.",
      sv: "En symbolisk länk eller git-undermodul i planmappen; den följs inte, så planfiler bakom den läses inte.",
    },
    en: (a: { kind: string }) => `${kindEn(a.kind)}: not followed, so no plan file behind it is read (list it under ignorera to silence this)`,
    sv: (a) => `${kindSv(a.kind)}: följs inte, så ingen planfil bakom den läses (lägg den under ignorera för att tysta detta)`,
  }),
  "file-too-large": entry({
    severity: "error",
    summary: { en: "A plan file larger than the limit (10 MiB); it is not read.", sv: "En planfil som är större än gränsen (10 MiB); den läses inte." },
    en: (a: { size: number; max: number }) => `the file is ${a.size} bytes, above the limit of ${a.max}: not read`,
    sv: (a) => `filen är ${a.size} byte, över gränsen ${a.max}: läses inte`,
  }),
  "unreadable-path": entry({
    severity: "error",
    summary: {
      en: "A folder or plan file that cannot be read (permissions); its plan files are missing.",
      sv: "En mapp eller planfil som inte kan läsas (behörighet); dess planfiler saknas.",
    },
    en: (a: { detail: string }) => `cannot read this folder or file (${a.detail}): its plan files are missing`,
    sv: (a) => `kan inte läsa denna mapp eller fil (${a.detail}): dess planfiler saknas`,
  }),
  "bad-file-name": entry({
    severity: "error",
    summary: {
      en: "A file or folder name that is not UTF-8, or that is the same text as another after NFC normalisation.",
      sv: "Ett fil- eller mappnamn som inte är UTF-8, eller som är samma text som ett annat efter NFC-normalisering.",
    },
    en: (a: BadName) =>
      a.kind === "not-utf8"
        ? "the name is not valid UTF-8 (shown with \\x escapes): rename it, it is not read"
        : `the name is the same text as ${q(a.other)} after Unicode NFC normalisation (å typed two ways): this one is not read, rename or remove one`,
    sv: (a) =>
      a.kind === "not-utf8"
        ? "namnet är inte giltig UTF-8 (visas med \\x-koder): byt namn, det läses inte"
        : `namnet är samma text som ${q(a.other)} efter Unicode-NFC-normalisering (å skrivet på två sätt): detta läses inte, byt namn på eller ta bort det ena`,
  }),
  "ignore-bad-glob": entry({
    severity: "error",
    summary: {
      en: "A glob in ignorera that is too long or has too many {a,b} alternatives; it ignores nothing.",
      sv: "Ett mönster i ignorera som är för långt eller har för många {a,b}-alternativ; det ignorerar ingenting.",
    },
    en: (a: { glob: string; detail: string }) => `ignorera glob ${q(a.glob)} is refused (${a.detail}): it ignores nothing`,
    sv: (a) => `mönstret ${q(a.glob)} i ignorera vägras (${a.detail}): det ignorerar ingenting`,
  }),
  "ignore-plan-yaml": entry({
    severity: "warning",
    summary: { en: "A glob in ignorera matches plan.yaml, which is always read.", sv: "Ett mönster i ignorera matchar plan.yaml, som alltid läses." },
    en: (a: { glob: string }) => `ignorera glob ${q(a.glob)} matches plan.yaml, which is always read`,
    sv: (a) => `mönstret ${q(a.glob)} i ignorera matchar plan.yaml, som alltid läses`,
  }),
  "ignore-everything": entry({
    severity: "error",
    summary: { en: "ignorera leaves no plan file but plan.yaml.", sv: "ignorera lämnar ingen planfil utom plan.yaml." },
    en: (a: { ignored: number }) => `ignorera leaves no plan file but plan.yaml (${a.ignored} files or folders ignored)`,
    sv: (a) => `ignorera lämnar ingen planfil utom plan.yaml (${a.ignored} filer eller mappar ignoreras)`,
  }),
  "not-a-mapping": entry({
    severity: "error",
    summary: { en: "A plan document must be a mapping with keys such as typ and id.", sv: "Ett plandokument måste vara en mappning med nycklar som typ och id." },
    en: (_: NoArgs) => "a plan document must be a mapping (keys such as typ: and id:)",
    sv: () => "ett plandokument måste vara en mappning (nycklar som typ: och id:)",
  }),
};
