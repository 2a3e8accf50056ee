import { describe, expect, it } from 'vitest';
import { isFinding } from '../../../src/core/findings/decode-finding';
import { evidenceText, findingKindLabel } from '../../../src/core/findings/finding-text';
import { isRunResult } from '../../../src/core/report/decode-run-result';
import { renderMarkdownReport } from '../../../src/core/report/markdown';
import { renderSummaryJson } from '../../../src/core/report/summary-json';
import { burstRun, hostileRun, k6MissingRun, passingRun, stoppedRun } from '../report/fixtures';

function section(markdown: string, title: string): string {
  const start = markdown.indexOf(`## ${title}`);
  const end = markdown.indexOf('\n## ', start + 1);
  return markdown.slice(start, end < 0 ? undefined : end).trim();
}

describe('findings in report.md', () => {
  it('lists each finding with its severity, kind, suggestion and evidence, after the targets', () => {
    const markdown = renderMarkdownReport(burstRun());
    expect(markdown.indexOf('## Findings')).toBeGreaterThan(markdown.indexOf('## Targets'));
    expect(markdown.indexOf('## Findings')).toBeLessThan(markdown.indexOf('## Requests'));
    const findings = section(markdown, 'Findings');
    expect(findings).toContain('- **Critical, pool exhaustion.** From 0:20, at 1,050 users, responses piled up at about 27,000 ms');
    expect(findings).toContain('  - Suggestion: Look for a pool or queue that gives up after about 27 s');
    expect(findings).toContain('  - Evidence: 0:20 to 3:59; ceilingMs 27000; p50Ms 19000; p99Ms 27000;');
    expect(findings.match(/^- \*\*/gm)).toHaveLength(burstRun().findings.length);
  });

  it('says why there are none', () => {
    expect(section(renderMarkdownReport(k6MissingRun()), 'Findings')).toBe('## Findings\n\nNo findings: nothing was measured.');
    expect(section(renderMarkdownReport(stoppedRun()), 'Findings')).toContain('No findings: nothing stood out');
    expect(section(renderMarkdownReport(passingRun()), 'Findings')).toContain('- **Info, healthy.** Passed with room to spare: p99 34 ms against \\< 500ms at 100 users (15x margin)');
  });

  it('escapes what a finding quotes from the scenario', () => {
    const findings = section(renderMarkdownReport(hostileRun()), 'Findings');
    expect(findings).not.toMatch(/(?<!\\)<img/);
    expect(findings).toContain('\\<img src=x onerror=alert(1)>');
    expect(findings).not.toMatch(/line one\nline two/);
  });
});

describe('findings in summary.json', () => {
  it('round-trip through the decoder', () => {
    for (const run of [burstRun(), passingRun(), hostileRun()]) {
      const decoded: unknown = JSON.parse(renderSummaryJson(run));
      expect(isRunResult(decoded)).toBe(true);
      expect(decoded).toEqual(run);
    }
  });

  it('are required, and each must have the shape of a finding', () => {
    const { findings: _dropped, ...withoutFindings } = burstRun();
    expect(isRunResult(withoutFindings)).toBe(false);
    const finding = burstRun().findings[0];
    expect(isFinding(finding)).toBe(true);
    expect(isFinding({ ...finding, kind: 'slowness' })).toBe(false);
    expect(isFinding({ ...finding, severity: 'fatal' })).toBe(false);
    expect(isFinding({ ...finding, atSeconds: '3' })).toBe(false);
    expect(isFinding({ ...finding, evidence: { toSeconds: 3 } })).toBe(false);
    expect(isFinding({ ...finding, evidence: { fromSeconds: 1, toSeconds: 3, f: () => 1 } })).toBe(false);
    let deep: unknown = 1;
    for (let depth = 0; depth < 10; depth += 1) deep = [deep];
    expect(isFinding({ ...finding, evidence: { fromSeconds: 1, toSeconds: 3, deep } })).toBe(false);
  });
});

describe('finding text', () => {
  it('writes evidence on one line, naming listed requests', () => {
    const finding = burstRun().findings[0];
    if (finding === undefined) throw new Error('fixture has findings');
    expect(evidenceText(finding)).toBe(
      '0:03 to 0:14; errors HTTP 429; occurrences 2142; shareOfRequests 0.1279; sustained yes; load 450; loadUnit users; requests create deployment',
    );
    expect(evidenceText({ ...finding, evidence: { fromSeconds: 5, toSeconds: 5, value: null } })).toBe('at 0:05; value n/a');
    expect(findingKindLabel('coordinated-omission')).toBe('coordinated omission');
  });
});
