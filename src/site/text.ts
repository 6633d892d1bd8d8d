// Plan text made fit for HTML: the code points no page may hold dropped, markup characters escaped.
import { escapeXml } from "../report/chart.js";

/** Code points HTML forbids (controls but tab, newline, form feed, carriage return; noncharacters): dropped, as the årshjul's SVG does. */
const FORBIDDEN = /[\u0000-\u0008\u000b\u000e-\u001f\u007f-\u009f\ufdd0-\ufdef\ufffe\uffff]/gu;

/** Plan text without the code points no HTML page may hold. */
export const clean = (s: string): string => s.replace(FORBIDDEN, "");

/** Plan text as HTML text or an attribute value. */
export const esc = (s: string): string => escapeXml(clean(s));
