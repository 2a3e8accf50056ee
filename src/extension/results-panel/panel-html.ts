// The results panel's page: a strict CSP (nothing but our own bundle, by nonce, and our own styles), the initial
// data in an escaped attribute rather than in inline script.

import { verdictLabel } from '../../core/report/format';
import { escapeHtml } from '../../core/report/html';
import type { RunState } from './messages';

export interface PanelHtmlOptions {
  /** `webview.cspSource`: the origin our bundled files are served from. */
  cspSource: string;
  /** Fresh per page, from a cryptographic source. */
  nonce: string;
  /** `asWebviewUri` of dist/webview.js and dist/webview.css. */
  scriptUri: string;
  styleUri: string;
  title: string;
  /** Data the page can draw before the host answers `ready` (JSON-serialisable). */
  initialData: unknown;
}

/** The attribute on `<body>` that holds the initial data as JSON. */
export const INITIAL_DATA_ATTRIBUTE = 'data-initial';

/** The page's Content-Security-Policy. */
export function panelCsp(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${cspSource} 'nonce-${nonce}'`,
    `img-src ${cspSource} data:`,
    `font-src ${cspSource}`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** The whole HTML of a results panel. */
export function panelHtml(options: PanelHtmlOptions): string {
  if (!/^[A-Za-z0-9+/=_-]{16,}$/.test(options.nonce)) throw new Error('The panel nonce must be at least 16 base64 characters.');
  const nonce = escapeHtml(options.nonce);
  const json = JSON.stringify(options.initialData) ?? 'null';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(panelCsp(options.cspSource, options.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${escapeHtml(options.styleUri)}" nonce="${nonce}">
<title>${escapeHtml(options.title)}</title>
</head>
<body ${INITIAL_DATA_ATTRIBUTE}="${escapeHtml(json)}">
<main id="panel" aria-busy="true"><p>Loading the results panel…</p></main>
<script src="${escapeHtml(options.scriptUri)}" nonce="${nonce}"></script>
</body>
</html>
`;
}

/** The panel's tab title: the scenario and what the run is doing or how it ended. */
export function panelTitle(scenario: string, state: RunState): string {
  switch (state.kind) {
    case 'waiting':
      return `${scenario} (starting)`;
    case 'running':
      return `${scenario} (running)`;
    case 'stopping':
      return `${scenario} (stopping)`;
    case 'finished':
      return `${scenario}: ${verdictLabel(state.verdict)}`;
    case 'failed':
      return `${scenario} (failed)`;
    case 'k6-missing':
      return `${scenario} (no k6)`;
    case 'interrupted':
      return `${scenario} (interrupted)`;
  }
}
