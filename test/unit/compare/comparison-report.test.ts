import { describe, expect, it } from 'vitest';
import { compareRuns } from '../../../src/core/compare/compare-runs';
import { renderComparisonJson } from '../../../src/core/compare/comparison-json';
import { figureCell, renderComparisonMarkdown } from '../../../src/core/compare/comparison-markdown';
import type { FigureComparison } from '../../../src/core/compare/comparison';
import { describeChange, formatChange, formatRelativeChange, formatValuePair } from '../../../src/core/compare/format-change';
import { isRunResult } from '../../../src/core/report/decode-run-result';
import { renderMarkdownReport } from '../../../src/core/report/markdown';
import type { RunResult } from '../../../src/core/results';
import { HOSTILE_NAMES, k6MissingRun, passingRun } from '../report/fixtures';
import { DEFAULT_REQUESTS, syntheticRun } from './synthetic-runs';

function figure(extra: Partial<FigureComparison>): FigureComparison {
  return { figure: 'p95', a: 212, b: 292, change: 80, relativeChange: 80 / 212, verdict: 'worse', test: 'trimmed-means', pValue: 0.0001, adjustedPValue: 0.001, samples: { a: 54, b: 54 }, reason: '', ...extra };
}

describe('change wording', () => {
  it('says the change the way the pull request comment shows it', () => {
    expect(describeChange('create deployment', figure({}))).toBe('p95 of create deployment +38 % (212 → 292 ms)');
    expect(formatRelativeChange(-0.042)).toBe('-4.2 %');
    expect(formatRelativeChange(0.0031)).toBe('+0.31 %');
    expect(formatChange({ figure: 'errorRate', change: 0.012, relativeChange: null })).toBe('+1.2 points');
    expect(formatChange({ figure: 'errorRate', change: -0.0005, relativeChange: -0.5 })).toBe('-0.05 points');
    expect(formatChange({ figure: 'errorRate', change: 0.01, relativeChange: null })).toBe('+1 point');
    expect(formatValuePair('rps', 230, 202.4)).toBe('230 → 202.4/s');
    expect(formatValuePair('errorRate', 0, 0.012)).toBe('0% → 1.2%');
    expect(formatValuePair('p50', 0.42, 12)).toBe('0.42 → 12 ms');
    expect(formatValuePair('p50', null, 12)).toBe('n/a → 12 ms');
  });

  it('marks the direction, and names the verdict only when it is not "unchanged"', () => {
    expect(figureCell(figure({}))).toBe('212 → 292 ms ▲ +38 % **worse**');
    expect(figureCell(figure({ b: 150, change: -62, relativeChange: -62 / 212, verdict: 'better' }))).toBe('212 → 150 ms ▼ -29 % **better**');
    expect(figureCell(figure({ b: 214, change: 2, relativeChange: 2 / 212, verdict: 'unchanged' }))).toBe('212 → 214 ms ▲ +0.94 %');
    expect(figureCell(figure({ b: 212, change: 0, relativeChange: 0, verdict: 'unchanged' }))).toBe('212 → 212 ms');
    expect(figureCell(figure({ a: null, change: null, relativeChange: null, verdict: 'not-comparable' }))).toBe('n/a → 292 ms (not comparable)');
  });
});

describe('comparison.md', () => {
  const a = syntheticRun({ seed: 1 });
  const b = syntheticRun({ seed: 2, latencyFactor: 1.4 });
  const comparison = compareRuns(a, b);

  it('leads with the one-line summary, then the runs and a table per request', () => {
    const markdown = renderComparisonMarkdown(comparison, { labelA: 'load-reports/x/2026-01-22T10-00-01Z', labelB: 'load-reports/x/2026-01-22T10-00-02Z' });
    const lines = markdown.split('\n');
    expect(lines[0]).toBe('# Comparison: Synthetic deployments');
    expect(lines[2]).toBe(`**${comparison.summary.headline}**`);
    expect(markdown).toContain('| A | load-reports/x/2026-01-22T10-00-01Z | 2026-01-22 10:00:01 UTC | PASS | default: 30 users, 60s |');
    expect(markdown).toContain('| Request | p50 | p95 | p99 | Error rate | Requests/s |');
    expect(markdown).toMatch(/\| \*\*All requests\*\* \| [\d.]+ → [\d.]+ ms ▲ \+\d+ % \*\*worse\*\* \|/);
    expect(markdown).toMatch(/\| POST create deployment \| /);
    expect(markdown).toContain('Holm-adjusted p < 0.05 over the 20 figures tested');
    expect(markdown).toContain('at least 5 % and 2 ms for latency, 5 % and 0.1 point for the error rate, 5 % and 0.5/s for requests/s');
    expect(markdown).toContain('Seconds compared: A 0:05–0:59 (54 s, steady load), B 0:05–0:59 (54 s, steady load).');
    expect(markdown).toContain('<details><summary>Every figure with its test</summary>');
    expect(markdown).toMatch(/\| all requests \| p95 \| [\d.]+ → [\d.]+ ms \| \+\d+ % \| worse \| trimmed-means, 54 \/ 54 s \| p < 0\.001 \| /);
    expect(markdown).toContain('| all requests | error rate | 0% → 0% | 0 points | unchanged |  |  | no failure in either run |');
  });

  it('shows only the reason when the runs cannot be compared', () => {
    const markdown = renderComparisonMarkdown(compareRuns(passingRun(), k6MissingRun()));
    expect(markdown).toContain('**Not comparable: run B has no data: the run did not take place (no usable k6).**');
    expect(markdown).not.toContain('| Request |');
  });

  it('escapes names from the scenario and shows the warnings as notes', () => {
    const hostile: RunResult = { ...syntheticRun({ seed: 3, requests: [{ ...(DEFAULT_REQUESTS[1] ?? { rps: 1, medianMs: 1 }), name: HOSTILE_NAMES.pipeAndTicks }] }), scenario: HOSTILE_NAMES.img };
    const markdown = renderComparisonMarkdown(compareRuns(syntheticRun({ seed: 4, users: 5 }), hostile));
    expect(markdown).not.toMatch(/(?<!\\)<img/);
    expect(markdown).toContain('pipe \\| and \\`ticks\\`');
    expect(markdown).toContain('> **Note:** The runs are of different scenarios');
  });

  it('writes comparison.json that reads back to the same comparison', () => {
    expect(JSON.parse(renderComparisonJson(comparison))).toEqual(JSON.parse(JSON.stringify(comparison)));
  });
});

describe('the run report with a baseline', () => {
  const compared: RunResult = {
    ...passingRun(),
    comparison: {
      baseline: '2026-01-21T09-00-00Z',
      summary: { comparable: true, worse: 1, better: 0, unchanged: 24, notComparable: 0, headline: '1 figure worse: p95 of create deployment +38 % (212 → 292 ms)', warnings: ['The load differs.'] },
    },
  };

  it('gets a "Compared with the baseline" section with the summary, a link and the notes', () => {
    const markdown = renderMarkdownReport(compared);
    expect(markdown).toContain(
      '## Compared with the baseline\n\n**1 figure worse: p95 of create deployment +38 % (212 → 292 ms)**\n\n' +
        'Baseline: the run [2026-01-21T09-00-00Z](../2026-01-21T09-00-00Z/report.md) of this scenario.\n\n' +
        'Every figure, with the change and its verdict: `comparison.md` (and `comparison.json`) in this folder.\n\n> **Note:** The load differs.',
    );
    expect(renderMarkdownReport(passingRun())).not.toContain('Compared with the baseline');
  });

  it('round-trips through summary.json, and the guard refuses a malformed comparison', () => {
    expect(isRunResult(JSON.parse(JSON.stringify(compared)))).toBe(true);
    expect(isRunResult({ ...JSON.parse(JSON.stringify(compared)), comparison: { baseline: 'x', summary: { headline: 3 } } })).toBe(false);
    expect(isRunResult({ ...JSON.parse(JSON.stringify(compared)), comparison: undefined })).toBe(true);
  });
});
