// Plan text made fit for HTML: the code points no page may hold dropped, markup characters escaped.
import { withoutNonHtml as clean } from "../format/text.js";
import { escapeXml } from "../report/chart.js";

export { clean };

/** Plan text as HTML text or an attribute value. */
export const esc = (s: string): string => escapeXml(clean(s));
