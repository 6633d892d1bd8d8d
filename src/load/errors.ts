import { BilingualError } from "../diagnostics/bilingual.js";

/** A failure that ends a command with exit 2 and one line on stderr (no plan root, unreadable folder). */
export class PlanIoError extends BilingualError {
  override name = "PlanIoError";
}
