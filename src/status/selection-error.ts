import { BilingualError } from "../diagnostics/bilingual.js";

/**
 * A period or nämnd asked for that the plan does not have; the message says what it has.
 * src/cli ends the command with it as a usage error (exit 2, one line). A module of its own so
 * that the command line can recognise it without loading the status code.
 */
export class SelectionError extends BilingualError {
  override name = "SelectionError";
}
