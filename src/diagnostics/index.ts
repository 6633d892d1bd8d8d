// The bottom of the house: the Diagnostic type, severities, languages, the code table with
// typed arguments, and the words of every message. It imports nothing from the rest of src.
export { ALL_CODES, CODES, isCode, isFileCode, type ArgsOf, type Code } from "./codes.js";
export type { DecidedChange } from "./codes-content.js";
export { codeList, diagnostic, formatMessage, messageOf, type Diagnostic, type Place } from "./diagnostic.js";
export { severityWord, type Lang } from "./entry.js";
export { decidedChangeLine, decidedChangeMarkdown } from "./governance.js";
export { BilingualError, type Bilingual } from "./bilingual.js";
export { kindWords } from "./codes-files.js";
