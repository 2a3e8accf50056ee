// report.html: one self-contained page (no network) holding the run as JSON and the page script that draws it.

import { createHash } from 'node:crypto';
import type { RunResult } from '../results';
import { formatDuration, formatUtc, verdictLabel } from './format';
import { verdictHeadline } from './headline';
import { REPORT_STYLE } from './report-style';
import { RUN_DATA_ELEMENT_ID } from './run-data-id';
import { jsonForScriptTag } from './script-json';

/** Escapes text for HTML content and quoted attributes; control characters (which HTML forbids) become U+FFFD. */
export function escapeHtml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g, '\ufffd')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
    .replace(/[\u2028\u2029]/g, (char) => `&#x${char.charCodeAt(0).toString(16)};`);
}

function cspHash(source: string): string {
  return `'sha256-${createHash('sha256').update(source, 'utf8').digest('base64')}'`;
}

// The page script is inlined verbatim (its CSP hash must match), so it must not contain what would end or
// confuse the script element. esbuild already escapes these inside strings; anything left is a build problem.
function assertInlinable(pageScript: string): void {
  const hazard = /<\/script|<!--/i.exec(pageScript);
  if (hazard !== null) {
    throw new Error(`The report page script contains "${hazard[0]}" at offset ${hazard.index}, which cannot be inlined into report.html; rebuild it with scripts/build.mjs.`);
  }
}

/** report.html for a run, given the bundled page script (dist/report-page.js). */
export function renderHtmlReport(result: RunResult, pageScript: string): string {
  assertInlinable(pageScript);
  const verdict = verdictLabel(result.verdict);
  const csp = [
    "default-src 'none'",
    `script-src ${cspHash(pageScript)}`,
    `style-src ${cspHash(REPORT_STYLE)}`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; '); // only keywords and base64 hashes: nothing to escape inside the double-quoted attribute
  const when = [`${formatUtc(result.startedAt)}`, formatDuration(result.durationSeconds), ...(result.environment === undefined ? [] : [`environment ${result.environment}`])].join(' · ');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta name="generator" content="Loadscope">
<title>${escapeHtml(result.scenario)}: ${verdict}</title>
<style>${REPORT_STYLE}</style>
</head>
<body>
<header class="verdict-${result.verdict}">
<h1><span class="scenario">${escapeHtml(result.scenario)}</span> <span class="verdict">${verdict}</span></h1>
<p class="headline">${escapeHtml(verdictHeadline(result))}</p>
<p class="when">${escapeHtml(when)}</p>
</header>
<noscript><main><p>The charts and tables of this page need JavaScript. The same figures are in report.md, summary.json and the CSV files next to it.</p></main></noscript>
<main id="report"></main>
<footer>Loadscope report. Everything on this page comes from the JSON embedded in it (the same as summary.json); it loads nothing from the network.</footer>
<script type="application/json" id="${RUN_DATA_ELEMENT_ID}">${jsonForScriptTag(result)}</script>
<script>${pageScript}</script>
</body>
</html>
`;
}
