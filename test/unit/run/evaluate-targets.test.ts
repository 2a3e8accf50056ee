import { describe, expect, it } from 'vitest';
import type { K6Summary } from '../../../src/core/k6/summary';
import { describeMargin, evaluateTargets } from '../../../src/core/run/evaluate-targets';
import { requestStats, target, totals } from './fixtures';

describe('describeMargin', () => {
  it('says how much better or worse a latency is, as the phase report did', () => {
    expect(describeMargin('median', '<', 200, 5, true)).toBe('40x better');
    expect(describeMargin('p99', '<', 500, 34, true)).toBe('15x better');
    expect(describeMargin('p99', '<', 200, 250, false)).toBe('1.25x over');
    expect(describeMargin('median', '<', 1000, 19_000, false)).toBe('19x over');
    expect(describeMargin('p95', '<=', 300, 300, true)).toBe('at the limit');
    expect(describeMargin('max', '<', 300, 0, true)).toBe('far better');
    expect(describeMargin('p95', '<', 300, null, false)).toBe('nothing measured');
  });

  it('turns round for lower bounds', () => {
    expect(describeMargin('rps', '>=', 50, 120, true)).toBe('2.4x better');
    expect(describeMargin('rps', '>=', 50, 40, false)).toBe('1.25x under');
    expect(describeMargin('rps', '>', 50, 0, false)).toBe('far under');
  });

  it('speaks of rates in percent', () => {
    expect(describeMargin('errors', '<', 0.001, 0, true)).toBe('0%, 0.1 points under the limit');
    expect(describeMargin('errors', '<', 0.01, 0.035, false)).toBe('3.5%, 2.5 points above the limit');
    expect(describeMargin('success', '>=', 0.999, 0.97, false)).toBe('97%, 2.9 points under the limit');
    expect(describeMargin('errors', '<=', 0.01, 0.01, true)).toBe('1%, at the limit');
  });
});

describe('evaluateTargets', () => {
  const targets = [
    target({ metric: 'median', comparison: '<', value: 200, expression: '< 200ms' }),
    target({ metric: 'p99', comparison: '<', value: 200, expression: '< 200ms', abortOnFail: true }),
    target({ metric: 'errors', comparison: '<', value: 0.01, expression: '< 1%', request: 'login' }),
    target({ metric: 'success', comparison: '>=', value: 0.99, expression: '>= 99%' }),
    target({ metric: 'rps', comparison: '>=', value: 5, expression: '>= 5/s' }),
  ];
  const thresholds = [
    { index: 0, metricKey: 'http_req_duration', k6Expression: 'med<200' },
    { index: 1, metricKey: 'http_req_duration', k6Expression: 'p(99)<200' },
    { index: 2, metricKey: 'http_req_failed{rid:r0}', k6Expression: 'rate<0.01' },
    { index: 3, metricKey: 'http_req_failed', k6Expression: 'rate<=0.01' },
    { index: 4, metricKey: 'http_reqs', k6Expression: 'rate>=5' },
  ];
  const measured = { totals: totals({ p50: 5, p99: 250, requests: 100, failures: 2, rps: 10 }), requests: [requestStats({ name: 'login', count: 10, failures: 1 })] };

  it('takes verdicts and values from k6 when its summary has them', () => {
    const summary: K6Summary = {
      testRunDurationMs: 10_000,
      metrics: {
        http_req_duration: { type: 'trend', values: { med: 5.1, 'p(99)': 251 }, thresholds: { 'med<200': true, 'p(99)<200': false } },
        'http_req_failed{rid:r0}': { type: 'rate', values: { rate: 0.1 }, thresholds: { 'rate<0.01': false } },
        http_req_failed: { type: 'rate', values: { rate: 0.02 }, thresholds: { 'rate<=0.01': false } },
        http_reqs: { type: 'counter', values: { count: 100, rate: 10 }, thresholds: { 'rate>=5': true } },
      },
    };
    const results = evaluateTargets({ targets, thresholds, summary, ...measured });
    expect(results.map((r) => [r.metric, r.request, r.actual, r.passed, r.margin])).toEqual([
      ['median', undefined, 5.1, true, '39x better'],
      ['p99', undefined, 251, false, '1.25x over'],
      ['errors', 'login', 0.1, false, '10%, 9 points above the limit'],
      ['success', undefined, 0.98, false, '98%, 1 point under the limit'],
      ['rps', undefined, 10, true, '2x better'],
    ]);
    expect(results[1]).toMatchObject({ comparison: '<', threshold: 200, expression: '< 200ms', abortOnFail: true });
  });

  it('judges by its own measurement when there is no summary (a killed run)', () => {
    const results = evaluateTargets({ targets, thresholds, summary: undefined, ...measured });
    expect(results.map((r) => [r.actual, r.passed])).toEqual([
      [5, true],
      [250, false],
      [0.1, false],
      [0.98, false],
      [10, true],
    ]);
  });

  it('reports nothing measured for a request that never ran', () => {
    const results = evaluateTargets({
      targets: [target({ metric: 'p95', comparison: '<', value: 100, expression: '< 100ms', request: 'login' })],
      thresholds: [],
      summary: undefined,
      totals: totals(),
      requests: [requestStats({ name: 'login', count: 0 })],
    });
    expect(results[0]).toMatchObject({ actual: null, passed: false, margin: 'nothing measured' });
  });
});
