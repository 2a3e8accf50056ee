// Small builders for run tests: a Totals, a RequestStats and a Target with sensible defaults.
import type { RequestStats, Totals } from '../../../src/core/results';
import type { Target } from '../../../src/core/scenario/model';

const zeroPercentiles = { p50: 0, p66: 0, p75: 0, p80: 0, p90: 0, p95: 0, p98: 0, p99: 0, p999: 0, p9999: 0, max: 0, min: 0, avg: 0 };

export function totals(overrides: Partial<Totals> = {}): Totals {
  return {
    ...zeroPercentiles,
    requests: 100,
    failures: 0,
    errorRate: 0,
    rps: 10,
    failuresPerSecond: 0,
    avgSize: 0,
    iterations: 100,
    droppedIterations: 0,
    maxUsers: 5,
    dataReceivedBytes: 0,
    dataSentBytes: 0,
    checks: { passes: 0, fails: 0 },
    ...overrides,
  };
}

export function requestStats(overrides: Partial<RequestStats> = {}): RequestStats {
  return { ...zeroPercentiles, name: 'login', method: 'POST', group: 'main', count: 10, failures: 0, avgSize: 0, rps: 1, failuresPerSecond: 0, ...overrides };
}

export function target(overrides: Partial<Target> & Pick<Target, 'metric' | 'comparison' | 'value' | 'expression'>): Target {
  return { abortOnFail: false, range: { line: 1, column: 1, endLine: 1, endColumn: 2 }, ...overrides };
}
