// Builders for the results panel's tests: seconds of a run, its totals, and the panel's frame for it.

import path from 'node:path';
import type { Finding, MonitorSeries, TimelinePoint, Totals } from '../../../src/core/results';
import type { ChartPoint, RunInfo } from '../../../src/extension/results-panel/messages';
import { totals } from '../run/fixtures';

export { totals };

/** The frame of a run with two requests, an overall p95 target and per-request targets. */
export function runInfo(overrides: Partial<RunInfo> = {}): RunInfo {
  return {
    scenario: 'Checkout',
    scenarioFile: path.resolve('test-scenarios', 'checkout.scenario.yaml'),
    plannedSeconds: 300,
    load: [{ group: 'Checkout', description: '10 users for 5m', model: 'closed' }],
    requests: [
      { name: 'login', method: 'POST', group: 'Checkout' },
      { name: 'cart', method: 'GET', group: 'Checkout' },
    ],
    targets: [
      { metric: 'p95', comparison: '<', threshold: 500, expression: '< 500ms', line: 20 },
      { metric: 'errors', comparison: '<', threshold: 0.01, expression: '< 1%', line: 21 },
      { metric: 'p95', request: 'login', comparison: '<', threshold: 300, expression: '< 300ms', line: 23 },
      { metric: 'max', request: 'cart', comparison: '<', threshold: 2000, expression: '< 2s', line: 24 },
    ],
    ...overrides,
  };
}

/** One closed second: `rps` requests split over login and cart, latencies around `p95`. */
export function second(t: number, options: { rps?: number; failures?: number; p95?: number; users?: number; statuses?: Record<string, number> } = {}): TimelinePoint {
  const rps = options.rps ?? 20;
  const failures = options.failures ?? 0;
  const p95 = options.p95 ?? 100;
  const half = Math.floor(rps / 2);
  return {
    t,
    time: 1_800_000_000 + t,
    users: options.users ?? 10,
    rps,
    failuresPerSecond: failures,
    p50: p95 / 2,
    p90: p95 * 0.9,
    p95,
    p99: p95 * 1.5,
    max: p95 * 2,
    avg: p95 / 2,
    statuses: options.statuses ?? { '200': rps - failures, ...(failures > 0 ? { '503': failures } : {}) },
    errors: {},
    droppedIterations: 0,
    requests: {
      login: { rps: half, failuresPerSecond: failures, p50: p95 / 2, p95, p99: p95 * 1.5 },
      cart: { rps: rps - half, failuresPerSecond: 0, p50: p95 / 4, p95: p95 / 2, p99: p95 },
    },
    cumulative: { requests: 0, failures: 0, p50: null, avg: null, min: null, max: null, avgSize: null },
  };
}

/** Totals after `seconds` seconds of `second(...)` with the given figures. */
export function totalsAfter(seconds: number, options: { rps?: number; failures?: number; p95?: number } = {}): Totals {
  const rps = options.rps ?? 20;
  const failures = (options.failures ?? 0) * seconds;
  const requests = rps * seconds;
  const p95 = options.p95 ?? 100;
  return totals({ requests, failures, errorRate: requests > 0 ? failures / requests : 0, rps, p50: p95 / 2, p95, p99: p95 * 1.5, maxUsers: 10 });
}

/** A one-second chart point with the given values. */
export function chartPoint(t: number, overrides: Partial<ChartPoint> = {}): ChartPoint {
  return { t, span: 1, users: 10, rps: 20, failuresPerSecond: 0, p50: 50, p90: 90, p95: 100, p99: 150, max: 200, statuses: { '200': 20 }, requestP95: { login: 100 }, ...overrides };
}

/** A server-side series of the "api" monitor: a pool's connections in use, with a capacity of 20. */
export function monitorSeries(overrides: Partial<MonitorSeries> = {}): MonitorSeries {
  const label = overrides.label ?? 'db pool in use';
  const monitor = overrides.monitor ?? 'api';
  return { key: `${monitor}: ${label}`, monitor, label, unit: 'count', capacity: 20, samples: 10, min: 2, avg: 11, max: 20, ...overrides };
}

/** A finding of `kind` that began at `atSeconds`, with evidence beyond the seconds it covers. */
export function finding(kind: Finding['kind'], atSeconds: number | null, overrides: Partial<Finding> = {}): Finding {
  return {
    kind,
    severity: 'warning',
    message: `${kind} from ${atSeconds ?? 'the start'}`,
    atSeconds,
    atUsers: 10,
    atRps: 20,
    evidence: { fromSeconds: atSeconds ?? 0, toSeconds: (atSeconds ?? 0) + 5 },
    suggestion: 'look into it',
    ...overrides,
  };
}
