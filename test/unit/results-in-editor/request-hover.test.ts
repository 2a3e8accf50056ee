// A request's hover after a run: its figures as a table, its targets' verdicts and the report link.
import { describe, expect, it } from 'vitest';
import { requestHoverMarkdown } from '../../../src/extension/results-in-editor/request-hover';
import { annotateRun, targetsOfRequest } from '../../../src/extension/results-in-editor/run-annotations';
import { CHECKOUT, checkoutTargets, requestStats, scenarioOf } from './fixtures';

const LINK = 'command:loadscope.openLastReport?%5B%5D';
const pay = requestStats({ name: 'pay', method: 'POST', count: 1_200, failures: 3, p50: 60, p95: 120, p99: 300, max: 2_400, rps: 40 });

describe('request hover', () => {
  it('has the request, its figures as a table row, and the link to report.html', () => {
    const markdown = requestHoverMarkdown({ stats: pay, targets: [], startedAt: '2026-01-22T10:15:03.000Z', reportLink: LINK });
    expect(markdown.split('\n')).toEqual([
      '**pay** · POST · last run 2026-01-22 10:15:03 UTC',
      '',
      '| requests | errors | p50 | p95 | p99 | max | req/s |',
      '|---:|---:|---:|---:|---:|---:|---:|',
      '| 1,200 | 0.25% (3) | 60 ms | 120 ms | 300 ms | 2,400 ms | 40/s |',
      '',
      `[Open report.html](${LINK})`,
    ]);
  });

  it('lists the verdicts of the request’s own targets', () => {
    const targets = targetsOfRequest(annotateRun(scenarioOf(CHECKOUT), { requests: [pay], targets: checkoutTargets() }), 'pay');
    const markdown = requestHoverMarkdown({ stats: pay, targets, startedAt: '2026-01-22T10:15:03.000Z', reportLink: LINK });
    expect(markdown).toContain('- pay: p95 \\< 300ms: ✓ passed: 120 ms, 2.5x better\n- pay: max \\< 2s: ✗ failed: 2,400 ms, 1.2x over\n');
  });

  it('keeps a hostile request name from turning into Markdown or breaking out of the bold', () => {
    const markdown = requestHoverMarkdown({ stats: { ...pay, name: '**[x](command:evil)** | <b>' }, targets: [], startedAt: '2026-01-22T10:15:03.000Z', reportLink: LINK });
    expect(markdown.split('\n')[0]).toBe('**\\*\\*\\[x\\](command:evil)\\*\\* \\| \\<b\\>** · POST · last run 2026-01-22 10:15:03 UTC');
  });

  it('shows no error rate for a request with no responses', () => {
    const markdown = requestHoverMarkdown({ stats: { ...pay, count: 0, failures: 0 }, targets: [], startedAt: '2026-01-22T10:15:03.000Z', reportLink: LINK });
    expect(markdown).toContain('| 0 | n/a |');
  });
});
