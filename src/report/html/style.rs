//! The page's inline CSS: light by default, dark when the reader's system asks for it,
//! and an A4 landscape print with one block per page, each chart kept whole on its page
//! (a section's second chart starts a page), and tables small enough to fit its width
//! (7 pt, narrow padding: `scripts/render-html.sh` measures them). No font is fetched: the page uses the
//! reader's sans-serif.

/// The CSS of the HTML report. The charts' SVG comes from plotters with fixed colours; the
/// rules on `.chart` recolour its text and axes for the scheme (CSS overrides SVG's
/// presentation attributes), while the series' colours read on both backgrounds.
pub(super) const CSS: &str = r##":root {
  --bg: #ffffff; --fg: #1b1f24; --muted: #5b6570; --rule: #d0d7de;
  --ok: #1a7f37; --bad: #b42318; --stripe: #f3f5f7;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #15191e; --fg: #e6e9ed; --muted: #9aa5b1; --rule: #3a424b;
    --ok: #4ac26b; --bad: #ff7b72; --stripe: #1e242b;
  }
}
html { background: var(--bg); color: var(--fg); }
body { font-family: system-ui, sans-serif; margin: 1.5rem auto; max-width: 72rem;
  padding: 0 1rem; line-height: 1.4; }
h1 { margin: 0 0 .2rem; font-size: 1.7rem; }
h2 { font-size: 1.3rem; border-bottom: 1px solid var(--rule); padding-bottom: .2rem; }
h3 { font-size: 1.05rem; }
.day, .facts, figcaption, .legend { color: var(--muted); }
.figures.ok strong { color: var(--ok); }
.figures.bad { color: var(--bad); font-weight: 600; }
dl.headline { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; }
dl.headline dt { font-weight: 600; }
dl.headline dd { margin: 0; }
div.wide { overflow-x: auto; }
table { border-collapse: collapse; margin: .5rem 0 1rem; font-size: .9rem; }
th, td { border-bottom: 1px solid var(--rule); padding: .2rem .5rem; text-align: left; }
th.num, td.num { text-align: right; font-variant-numeric: tabular-nums; }
tbody tr:nth-child(even) { background: var(--stripe); }
tr.total td { font-weight: 700; }
figure { margin: .5rem 0 1rem; }
.chart svg { width: 100%; height: auto; max-height: 26rem; }
.chart text { fill: var(--fg); }
.chart line, .chart polyline[stroke="#000000"], .chart path[stroke="#000000"] { stroke: var(--muted); }
.legend span { margin-right: 1.2rem; white-space: nowrap; }
.swatch { display: inline-block; width: .9em; height: .9em; margin-right: .3em;
  vertical-align: -.1em; border-radius: 2px; }
ul.files { columns: 2; }
p.missing { border-left: 3px solid var(--muted); padding-left: .6rem; font-style: italic; }
@media print {
  @page { size: A4 landscape; margin: 12mm; }
  :root {
    --bg: #ffffff; --fg: #000000; --muted: #444c56; --rule: #b0b7be;
    --ok: #1a7f37; --bad: #b42318; --stripe: #f3f5f7;
  }
  div.wide { overflow: visible; }
  table { font-size: 7pt; }
  th, td { padding: .1rem .2rem; }
  th { hyphens: auto; }
  html { background: #ffffff; color: #000000; }
  body { margin: 0; max-width: none; font-size: 10pt; }
  .block { break-inside: avoid; page-break-inside: avoid; }
  section.block.chart-block { break-before: page; page-break-before: always; }
  figure.chart { break-inside: avoid; page-break-inside: avoid; }
  figure.chart + figure.chart { break-before: page; page-break-before: always; }
  .chart svg { max-height: 110mm; }
  .chart text { fill: #000000; }
}
"##;
