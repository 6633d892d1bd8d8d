// `plan validate --format sarif`: SARIF 2.1.0, as GitHub code scanning and other tools read it.
// One run; the rules table holds every code (not only those found), each with its summary,
// help and where its section of docs/regler.md is; results point at files relative to the
// repository root through the base id %SRCROOT%.
import { ALL_CODES, CODES, formatMessage, type Code, type Diagnostic, type Lang } from "../diagnostics/index.js";
import { fingerprints, repoPath } from "./ci.js";

/**
 * The documentation of a code: its section of docs/regler.md in the package of the version
 * that found it. The project has no web address of its own yet, so the rule names the file
 * (a relative reference), not a URL: no helpUri, no informationUri.
 */
const ruleDoc = (version: string, code: Code): string => `docs/regler.md#${code} (rodtrad ${version})`;

const SRCROOT = "%SRCROOT%";

const WORDS = {
  en: { more: "Cause and fix", root: "The root of the repository that holds the plan." },
  sv: { more: "Orsak och åtgärd", root: "Roten av det repository som håller planen." },
} satisfies Record<Lang, Record<string, string>>;

/** A path as a relative URI: each segment percent-encoded (å, spaces, `#` and `?` included). */
const uriOf = (file: string): string => file.split("/").map(encodeURIComponent).join("/");

function rule(code: Code, lang: Lang, version: string) {
  const { severity, summary } = CODES[code];
  const doc = ruleDoc(version, code);
  return {
    id: code,
    shortDescription: { text: summary[lang] },
    fullDescription: { text: summary[lang] },
    help: { text: `${summary[lang]} ${WORDS[lang].more}: ${doc}`, markdown: `${summary[lang]} ${WORDS[lang].more}: \`${doc}\`` },
    defaultConfiguration: { level: severity },
  };
}

export interface SarifOptions {
  lang: Lang;
  /** The tool's version, from package.json. */
  version: string;
  /** The plan root relative to the repository root ("" when they are the same). */
  gitPrefix: string;
}

export function formatSarif(diagnostics: readonly Diagnostic[], o: SarifOptions): string {
  const index = new Map(ALL_CODES.map((code, i) => [code, i]));
  const prints = fingerprints(diagnostics);
  const sarif = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "Rödtråd",
            version: o.version,
            semanticVersion: o.version,
            rules: ALL_CODES.map((code) => rule(code, o.lang, o.version)),
          },
        },
        originalUriBaseIds: { [SRCROOT]: { description: { text: WORDS[o.lang].root } } },
        language: o.lang === "sv" ? "sv-SE" : "en-US",
        columnKind: "utf16CodeUnits",
        results: diagnostics.map((d, i) => ({
          ruleId: d.code,
          ruleIndex: index.get(d.code)!,
          level: d.severity,
          message: { text: formatMessage(d, o.lang) },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: uriOf(repoPath(o.gitPrefix, d.file)), uriBaseId: SRCROOT },
                region: { startLine: Math.max(1, d.line), startColumn: Math.max(1, d.column) },
              },
              ...(d.id !== undefined ? { logicalLocations: [{ name: d.id }] } : {}),
            },
          ],
          partialFingerprints: { "rodtrad/v1": prints[i]! },
        })),
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
