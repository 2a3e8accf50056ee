import { describe, expect, it } from 'vitest';
import type { TargetResult } from '../../../src/core/results';
import { finalTargetStates, liveTargetStates, type RequestSoFar } from '../../../src/extension/results-panel/live-targets';
import type { TargetSpec } from '../../../src/extension/results-panel/messages';
import { totals } from './fixtures';

const p95: TargetSpec = { metric: 'p95', comparison: '<', threshold: 500, expression: '< 500ms', line: 3 };
const errors: TargetSpec = { metric: 'errors', comparison: '<=', threshold: 0.01, expression: '<= 1%', line: 4 };
const rps: TargetSpec = { metric: 'rps', comparison: '>=', threshold: 50, expression: '>= 50/s', line: 5 };
const loginP95: TargetSpec = { metric: 'p95', request: 'login', comparison: '<', threshold: 300, expression: '< 300ms', line: 6 };
const loginMax: TargetSpec = { metric: 'max', request: 'login', comparison: '<', threshold: 2000, expression: '< 2s', line: 7 };
const loginErrors: TargetSpec = { metric: 'errors', request: 'login', comparison: '<', threshold: 0.05, expression: '< 5%', line: 8 };

function requests(login?: RequestSoFar): Map<string, RequestSoFar> {
  return new Map(login === undefined ? [] : [['login', login]]);
}

describe('liveTargetStates', () => {
  it('passes and fails on the totals so far, with the final comparison', () => {
    const [latency, errorRate, rate] = liveTargetStates([p95, errors, rps], {
      totals: totals({ requests: 1000, failures: 10, p95: 620, rps: 50 }),
      requests: requests(),
      elapsedSeconds: 20,
    });
    expect(latency).toMatchObject({ label: 'p95 < 500ms', actual: 620, status: 'fail', estimate: false, firstFailedAt: 20, final: false });
    expect(latency?.margin).toBe('1.24x over');
    // 1% against <= 1%: exactly at the limit still holds.
    expect(errorRate).toMatchObject({ actual: 0.01, status: 'pass', firstFailedAt: null });
    expect(rate).toMatchObject({ actual: 50, status: 'pass' });
  });

  it('remembers when a target first failed after it recovers', () => {
    const failing = liveTargetStates([p95], { totals: totals({ p95: 700 }), requests: requests(), elapsedSeconds: 12 });
    const later = liveTargetStates([p95], { totals: totals({ p95: 480 }), requests: requests(), elapsedSeconds: 40 }, failing);
    expect(later[0]).toMatchObject({ status: 'pass', firstFailedAt: 12 });
  });

  it('has no data before the first request, except a rate, which is zero', () => {
    const states = liveTargetStates([p95, rps], { totals: totals({ requests: 0, rps: 0 }), requests: requests(), elapsedSeconds: 3 });
    expect(states[0]).toMatchObject({ actual: null, status: 'no-data', margin: 'nothing measured' });
    expect(states[1]).toMatchObject({ actual: 0, status: 'fail' });
  });

  it('estimates per-request percentiles, counts per-request errors exactly and leaves the rest to the end', () => {
    const [latency, max, errorRate] = liveTargetStates([loginP95, loginMax, loginErrors], {
      totals: totals(),
      requests: requests({ count: 200, failures: 20, p50: 80, p95: 320, p99: 400 }),
      elapsedSeconds: 10,
    });
    expect(latency).toMatchObject({ actual: 320, status: 'fail', estimate: true });
    expect(max).toMatchObject({ actual: null, status: 'at-end' });
    expect(errorRate).toMatchObject({ actual: 0.1, status: 'fail', estimate: false });
  });

  it('has no data for a request that has not run', () => {
    expect(liveTargetStates([loginP95], { totals: totals(), requests: requests(), elapsedSeconds: 10 })[0]?.status).toBe('no-data');
  });
});

describe('finalTargetStates', () => {
  const result = (overrides: Partial<TargetResult>): TargetResult => ({
    metric: 'p95',
    comparison: '<',
    threshold: 500,
    expression: '< 500ms',
    actual: 450,
    passed: true,
    margin: '1.11x better',
    abortOnFail: false,
    ...overrides,
  });

  it("takes k6's verdicts and keeps when a target failed live", () => {
    const live = liveTargetStates([p95], { totals: totals({ p95: 900 }), requests: requests(), elapsedSeconds: 7 });
    expect(finalTargetStates([p95], [result({})], live)[0]).toMatchObject({ status: 'pass', actual: 450, final: true, firstFailedAt: 7, margin: '1.11x better' });
    expect(finalTargetStates([p95], [result({ passed: false, actual: 510 })])[0]?.status).toBe('fail');
  });

  it('shows no data when the run judged nothing (k6 missing)', () => {
    expect(finalTargetStates([p95, errors], [])).toEqual([
      expect.objectContaining({ status: 'no-data', final: true, label: 'p95 < 500ms' }),
      expect.objectContaining({ status: 'no-data', final: true, label: 'errors <= 1%' }),
    ]);
  });
});
