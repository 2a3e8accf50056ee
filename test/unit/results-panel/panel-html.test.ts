import { describe, expect, it } from 'vitest';
import { isInitialPanelData } from '../../../src/extension/results-panel/message-guards';
import { INITIAL_DATA_ATTRIBUTE, panelCsp, panelHtml, panelTitle } from '../../../src/extension/results-panel/panel-html';
import { RunFeed } from '../../../src/extension/results-panel/run-feed';
import { runInfo } from './fixtures';

const CSP_SOURCE = 'https://file+.vscode-resource.vscode-cdn.net';
const NONCE = 'q1w2e3r4t5y6u7i8o9p0AA==';
const HOSTILE = `"></script><script>alert(1)</script><img src=x onerror=alert(2)> ' & \u2028 {{x}}`;

function page(scenario = HOSTILE) {
  const snapshot = new RunFeed(runInfo({ scenario, requests: [{ name: HOSTILE, method: 'GET', group: 'g' }] })).snapshot();
  const html = panelHtml({
    cspSource: CSP_SOURCE,
    nonce: NONCE,
    scriptUri: `${CSP_SOURCE}/ext/dist/webview.js`,
    styleUri: `${CSP_SOURCE}/ext/dist/webview.css`,
    title: `Results: ${scenario}`,
    initialData: snapshot,
  });
  return { html, snapshot };
}

function decodeAttribute(value: string): string {
  return value
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)))
    .replace(/&amp;/g, '&');
}

describe('panelCsp', () => {
  it('allows nothing but our bundle by nonce, our styles and images from our folders', () => {
    expect(panelCsp(CSP_SOURCE, NONCE)).toBe(
      `default-src 'none'; script-src 'nonce-${NONCE}'; style-src ${CSP_SOURCE} 'nonce-${NONCE}'; img-src ${CSP_SOURCE} data:; font-src ${CSP_SOURCE}; base-uri 'none'; form-action 'none'`,
    );
  });
});

describe('panelHtml', () => {
  it('puts the policy in a meta tag and loads one script, by nonce, with no inline script', () => {
    const { html } = page();
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html);
    expect(meta?.[1] !== undefined && decodeAttribute(meta[1])).toBe(panelCsp(CSP_SOURCE, NONCE));
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts).toHaveLength(1);
    expect(scripts[0]?.[1]).toContain(`src="${CSP_SOURCE}/ext/dist/webview.js"`);
    expect(scripts[0]?.[1]).toContain(`nonce="${NONCE}"`);
    expect(scripts[0]?.[2]).toBe('');
    expect(html).toContain(`<link rel="stylesheet" href="${CSP_SOURCE}/ext/dist/webview.css" nonce="${NONCE}">`);
    // Only the page's own elements: nothing from the data became markup.
    const tags = [...html.matchAll(/<([a-z]+)[\s>]/g)].map((match) => match[1]);
    expect(tags).toEqual(['html', 'head', 'meta', 'meta', 'meta', 'link', 'title', 'body', 'main', 'p', 'script']);
  });

  it('escapes the initial data so it reads back exactly, whatever the names hold', () => {
    const { html, snapshot } = page();
    expect(html).not.toContain('<img');
    expect(html).not.toContain('alert(1)</script>');
    const attribute = new RegExp(`<body ${INITIAL_DATA_ATTRIBUTE}="([^"]*)">`).exec(html);
    expect(attribute).not.toBeNull();
    const data: unknown = JSON.parse(decodeAttribute(attribute?.[1] ?? ''));
    expect(data).toEqual(JSON.parse(JSON.stringify(snapshot)));
    expect(isInitialPanelData(data)).toBe(true);
    expect(html).toContain(`<title>Results: &quot;&gt;&lt;/script&gt;`);
  });

  it('refuses a nonce too short or with characters that need quoting', () => {
    const options = { cspSource: CSP_SOURCE, scriptUri: 's', styleUri: 'c', title: 't', initialData: null };
    expect(() => panelHtml({ ...options, nonce: 'abc' })).toThrow(/nonce/);
    expect(() => panelHtml({ ...options, nonce: `${NONCE}' 'unsafe-inline` })).toThrow(/nonce/);
  });
});

describe('panelTitle', () => {
  it('names the scenario and what the run is doing', () => {
    expect(panelTitle('Checkout', { kind: 'waiting' })).toBe('Checkout (starting)');
    expect(panelTitle('Checkout', { kind: 'running', startedAt: '', k6Version: '' })).toBe('Checkout (running)');
    expect(panelTitle('Checkout', { kind: 'finished', verdict: 'fail', outcome: 'thresholds-failed', message: '', reports: null })).toBe('Checkout: FAIL');
    expect(panelTitle('Checkout', { kind: 'k6-missing', message: '', reports: null })).toBe('Checkout (no k6)');
  });
});
