// The site's one stylesheet: readable on a phone and a desktop, a visible focus, status in
// colour only on top of its symbol and word, and print styles for every page. Colours keep
// at least 4.5:1 against their background (WCAG 1.4.3).
export const SITE_CSS = `:root {
  --text: #1a1a1a;
  --muted: #4a5560;
  --link: #0b4f8a;
  --line: #c9d1d9;
  --band: #f3f6f9;
  --focus: #b34700;
}
*, *::before, *::after { box-sizing: border-box; }
html { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; line-height: 1.5; color: var(--text); background: #ffffff; }
body { margin: 0; }
a { color: var(--link); text-underline-offset: 0.15em; }
a:hover { text-decoration-thickness: 2px; }
a:focus-visible, main:focus-visible, [tabindex]:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.skip { position: absolute; left: 0.5rem; top: -3rem; background: #ffffff; padding: 0.5rem 1rem; border: 2px solid var(--focus); z-index: 1; }
.skip:focus { top: 0.5rem; }
header.site { background: var(--band); border-bottom: 1px solid var(--line); padding: 0.75rem 1rem; }
header.site .site-name { margin: 0; font-weight: 700; font-size: 1.1rem; }
header.site .site-name a { color: var(--text); text-decoration: none; }
.site-nav ul { list-style: none; margin: 0.5rem 0 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0.25rem 1.25rem; }
.site-nav a[aria-current="page"] { font-weight: 700; }
.crumbs { padding: 0.5rem 1rem 0; max-width: 60rem; margin: 0 auto; }
.crumbs ol { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; font-size: 0.95rem; }
.crumbs li + li::before { content: "›"; padding: 0 0.5rem; color: var(--muted); }
main { display: block; max-width: 60rem; margin: 0 auto; padding: 0.5rem 1rem 2rem; }
h1 { font-size: 1.8rem; line-height: 1.25; margin: 0.75rem 0 0.25rem; }
h2 { font-size: 1.35rem; margin: 2rem 0 0.5rem; border-bottom: 1px solid var(--line); padding-bottom: 0.25rem; }
h3 { font-size: 1.15rem; margin: 1.5rem 0 0.5rem; }
h4, h5, h6 { font-size: 1rem; margin: 1rem 0 0.25rem; }
.kind { color: var(--muted); margin-top: 0; }
.note { color: var(--muted); font-size: 0.95rem; }
.vision-name { font-weight: 700; font-size: 1.1rem; }
.table-wrap { overflow-x: auto; margin: 0.75rem 0 1rem; }
table { border-collapse: collapse; min-width: 50%; }
caption { text-align: left; font-weight: 600; padding: 0.25rem 0; }
th, td { border-bottom: 1px solid var(--line); padding: 0.35rem 0.75rem 0.35rem 0; text-align: left; vertical-align: top; }
thead th { border-bottom: 2px solid var(--text); }
th[scope="row"] { font-weight: 400; }
thead th { hyphens: auto; }
.id { white-space: nowrap; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
.status { white-space: nowrap; font-weight: 600; }
.status-uppfyllt { color: #1b5e20; }
.status-delvis-uppfyllt { color: #7a4f00; }
.status-ej-uppfyllt { color: #b71c1c; }
.status-ej-bedomd { color: var(--muted); }
.now { font-size: 1.1rem; }
figure { margin: 1rem 0; }
figure svg { max-width: 100%; height: auto; }
figure.chart svg { width: 100%; max-width: 24rem; height: auto; }
dl.comments dt { font-weight: 600; margin-top: 0.75rem; }
dl.comments dd { margin-left: 0; }
.text p:first-child { margin-top: 0; }
footer.site { border-top: 1px solid var(--line); padding: 1rem; color: var(--muted); font-size: 0.95rem; }
footer.site p { max-width: 60rem; margin: 0 auto; }
@media (max-width: 30rem) {
  th, td { padding-right: 0.4rem; font-size: 0.95rem; }
}
@media (min-width: 48rem) {
  header.site { padding: 1rem 2rem; }
  h1 { font-size: 2.1rem; }
}
@media print {
  html { font-size: 11pt; }
  .skip, .site-nav, .crumbs { display: none; }
  header.site, footer.site { background: none; border: 0; padding: 0; }
  main { max-width: none; padding: 0; }
  a { color: inherit; text-decoration: none; }
  .table-wrap { overflow: visible; }
  table, figure { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
  .status { color: #000000; }
}
`;
