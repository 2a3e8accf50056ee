import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { isRunResult } from '../../../src/core/report/decode-run-result';
import { escapeHtml, renderHtmlReport } from '../../../src/core/report/html';
import { REPORT_STYLE } from '../../../src/core/report/report-style';
import { jsonForScriptTag } from '../../../src/core/report/script-json';
import { ALL_RUNS, HOSTILE_NAMES, hostileRun, k6MissingRun, passingRun } from './fixtures';
import { buildReportPage } from './build-report-page';

const STUB_SCRIPT = 'document.title += "";';

/** The text of the embedded run-data block. */
function runDataText(html: string): string {
  const match = /<script type="application\/json" id="run-data">([\s\S]*?)<\/script>/.exec(html);
  if (match?.[1] === undefined) throw new Error('no run-data block');
  return match[1];
}

function sha256(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

describe('jsonForScriptTag', () => {
  it('escapes what could end or confuse a script element and stays the same JSON', () => {
    const value = { name: '</script><!-- & \u2028\u2029 >' };
    const text = jsonForScriptTag(value);
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    expect(text).toBe('{"name":"\\u003c/script\\u003e\\u003c!-- \\u0026 \\u2028\\u2029 \\u003e"}');
    expect(JSON.parse(text)).toEqual(value);
  });
});

describe('renderHtmlReport', () => {
  it('embeds the run so that it parses back to exactly the same data', () => {
    for (const [name, run] of ALL_RUNS) {
      const result = run();
      const parsed: unknown = JSON.parse(runDataText(renderHtmlReport(result, STUB_SCRIPT)));
      expect(parsed, name).toEqual(JSON.parse(JSON.stringify(result)));
      expect(isRunResult(parsed), name).toBe(true);
    }
  });

  it('keeps hostile names from breaking out of the data block or the markup', () => {
    const html = renderHtmlReport(hostileRun(), STUB_SCRIPT);
    expect(html.match(/<script\b/g)).toHaveLength(2);
    expect(html.match(/<\/script>/g)).toHaveLength(2);
    expect(html).not.toContain(HOSTILE_NAMES.img);
    expect(html).not.toContain('<b>co</b>');
    expect(html).not.toMatch(/[\u2028\u2029]/);
    expect(html).toContain('<h1><span class="scenario">Hostile &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &quot;names&quot; &amp; &lt;b&gt;co&lt;/b&gt; ]]&gt;</span> <span class="verdict">FAIL</span></h1>');
  });

  it('has a strict CSP whose hashes match the inline script and style', () => {
    const html = renderHtmlReport(passingRun(), STUB_SCRIPT);
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1] ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain(`script-src ${sha256(STUB_SCRIPT)}`);
    expect(csp).toContain(`style-src ${sha256(REPORT_STYLE)}`);
    expect(csp).not.toContain('unsafe');
    expect(html).toContain(`<script>${STUB_SCRIPT}</script>`);
    expect(html).toContain(`<style>${REPORT_STYLE}</style>`);
  });

  it('loads nothing from outside the file', () => {
    const html = renderHtmlReport(passingRun(), STUB_SCRIPT);
    expect(html).not.toMatch(/\b(src|href)\s*=/i);
    expect(html).not.toMatch(/@import|url\(/i);
  });

  it('shows the verdict and its reason without JavaScript, even with no data', () => {
    const html = renderHtmlReport(k6MissingRun(), STUB_SCRIPT);
    expect(html).toContain('<header class="verdict-error">');
    expect(html).toContain('<span class="verdict">ERROR</span>');
    expect(html).toContain('<p class="headline">The run did not take place: no usable k6.</p>');
    expect(html).toContain('<title>Concurrent deployments: ERROR</title>');
    expect(html).toContain('<noscript>');
  });

  it('refuses a page script that would end its script element', () => {
    expect(() => renderHtmlReport(passingRun(), 'var a = "</script>";')).toThrow(/cannot be inlined/);
    expect(() => renderHtmlReport(passingRun(), 'var a = "<!--";')).toThrow(/cannot be inlined/);
  });

  it('escapes HTML text and attributes', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });
});

describe('with the real page script', () => {
  let pageScript = '';

  beforeAll(async () => {
    pageScript = await buildReportPage();
  }, 60_000);

  it('inlines a bundle that is small, self-contained and safe to inline', () => {
    expect(pageScript.length).toBeLessThan(250_000);
    expect(pageScript).not.toMatch(/<\/script|<!--/i);
    expect(pageScript).not.toMatch(/\bfetch\(|XMLHttpRequest|\bimportScripts\b/);
    const html = renderHtmlReport(passingRun(), pageScript);
    expect(html).toContain(`script-src ${sha256(pageScript)}`);
    expect(JSON.parse(runDataText(html))).toEqual(JSON.parse(JSON.stringify(passingRun())));
  });

  it('sets page text only through text nodes and textContent', () => {
    expect(pageScript).not.toMatch(/\.innerHTML\s*=|insertAdjacentHTML|document\.write/);
  });
});
