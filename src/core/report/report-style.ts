// The stylesheet inlined into report.html: light and dark by the reader's preference, and print-friendly.

/** CSS for report.html; the page script draws charts with matching colours (webview/report/palette.ts). */
export const REPORT_STYLE = `
:root {
  color-scheme: light dark;
  --bg: #ffffff; --fg: #1f2328; --muted: #59636e; --border: #d1d9e0; --panel: #f6f8fa;
  --pass: #1a7f37; --fail: #cf222e; --stopped: #9a6700; --error: #8250df;
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, Ubuntu, sans-serif;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #0d1117; --fg: #e6edf3; --muted: #9198a1; --border: #3d444d; --panel: #151b23;
    --pass: #3fb950; --fail: #f85149; --stopped: #d29922; --error: #ab7df8;
  }
}
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--fg); }
header, main, footer { max-width: 1200px; margin: 0 auto; padding: 0 24px; }
header { padding-top: 24px; }
h1 { font-size: 1.6em; margin: 0 0 8px; overflow-wrap: anywhere; }
h2 { font-size: 1.2em; margin: 32px 0 8px; border-bottom: 1px solid var(--border); padding-bottom: 4px; }
.verdict { display: inline-block; padding: 2px 10px; border-radius: 6px; color: #fff; font-size: 0.8em; vertical-align: middle; }
.verdict-pass .verdict { background: var(--pass); }
.verdict-fail .verdict { background: var(--fail); }
.verdict-stopped .verdict { background: var(--stopped); }
.verdict-error .verdict { background: var(--error); }
.headline { font-size: 1.1em; margin: 4px 0; overflow-wrap: anywhere; }
.muted, .when, footer { color: var(--muted); }
footer { padding-top: 32px; padding-bottom: 24px; font-size: 0.9em; }
.tiles { display: grid; grid-template-columns: repeat(auto-fill, minmax(130px, 1fr)); gap: 8px; }
.tile { background: var(--panel); border: 1px solid var(--border); border-radius: 6px; padding: 8px 12px; }
.tile .label { color: var(--muted); font-size: 0.85em; }
.tile .value { font-size: 1.3em; font-variant-numeric: tabular-nums; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid var(--border); vertical-align: top; }
th { color: var(--muted); font-weight: 600; }
td { overflow-wrap: break-word; white-space: pre-wrap; }
td.num, th.num { text-align: right; white-space: nowrap; }
td.pass { color: var(--pass); font-weight: 600; }
td.fail { color: var(--fail); font-weight: 600; }
td.not-measured { color: var(--muted); }
pre.outcome { background: var(--panel); border: 1px solid var(--border); border-radius: 6px; padding: 8px 12px; white-space: pre-wrap; overflow-wrap: anywhere; }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(460px, 1fr)); gap: 16px; }
.table-wrap + .charts { margin-top: 16px; }
figure { margin: 0; }
figcaption { font-weight: 600; margin-bottom: 4px; }
.chart { position: relative; height: 280px; }
.chart.tall { height: 400px; }
@media print {
  :root { --bg: #ffffff; --fg: #000000; --muted: #444c56; --border: #bbbbbb; --panel: #ffffff; }
  header, main, footer { max-width: none; padding: 0; }
  .charts { display: block; }
  figure { break-inside: avoid; margin-bottom: 12px; }
  .chart, .chart.tall { height: 240px; }
  canvas { max-width: 100% !important; height: auto !important; }
  .table-wrap { overflow: visible; }
  table { font-size: 0.85em; }
  tr, .tile { break-inside: avoid; }
  h2 { break-after: avoid; }
}
`;
