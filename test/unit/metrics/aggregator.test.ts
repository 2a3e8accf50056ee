import { describe, expect, it } from 'vitest';
import { MetricsAggregator } from '../../../src/core/metrics/aggregator';
import { RELATIVE_ACCURACY } from '../../../src/core/metrics/histogram';

const T0 = 1_800_000_000_000; // a whole second, in Unix ms
const plan = [
  { key: 'r0', name: 'create deployment', method: 'POST', group: 'Deployments' },
  { key: 'r1', name: 'get deployment', method: 'GET', group: 'Deployments' },
];

describe('MetricsAggregator', () => {
  it('closes a second only after the lateness has passed', () => {
    const agg = new MetricsAggregator({ requests: plan, latenessMs: 1500 });
    agg.users(T0, 5);
    agg.request(T0 + 100, 'r0', 10, 201, undefined, false);
    agg.request(T0 + 900, 'r1', 30, 200, undefined, false);
    expect(agg.advance(T0 + 2400)).toEqual([]);
    const [point] = agg.advance(T0 + 2500);
    expect(point).toMatchObject({ t: 0, time: T0 / 1000, users: 5, rps: 2, failuresPerSecond: 0, statuses: { '201': 1, '200': 1 } });
    expect(point?.requests['create deployment']).toMatchObject({ rps: 1, failuresPerSecond: 0 });
    expect(point?.p50).toBeCloseTo(20, 0);
    expect(point?.max).toBe(30);
    expect(point?.cumulative).toMatchObject({ requests: 2, failures: 0, min: 10, max: 30 });
  });

  it('emits empty seconds in gaps and carries the user count forward', () => {
    const agg = new MetricsAggregator({ requests: plan });
    agg.users(T0, 3);
    agg.request(T0 + 10, 'r0', 5, 201, undefined, false);
    agg.request(T0 + 3010, 'r0', 5, 201, undefined, false);
    const points = agg.finish().timeline;
    expect(points.map((p) => [p.t, p.rps, p.users, p.p50])).toEqual([
      [0, 1, 3, points[0]?.p50],
      [1, 0, 3, null],
      [2, 0, 3, null],
      [3, 1, 3, points[3]?.p50],
    ]);
  });

  it('counts failures by status, network error kind and error text', () => {
    const agg = new MetricsAggregator({ requests: plan });
    agg.request(T0, 'r0', 2, 429, 1429, true);
    agg.request(T0 + 1, 'r0', 2, 429, 1429, true);
    agg.request(T0 + 2, 'r1', 0, 0, 1212, true);
    agg.request(T0 + 3, 'r1', 30_000, 0, 1050, true);
    agg.request(T0 + 4, 'r1', 4, 503, 1503, true);
    agg.check(T0 + 5, 'r0', 'status is 201', false);
    agg.check(T0 + 6, 'r0', 'status is 201', true);
    const result = agg.finish();
    const [point] = result.timeline;
    expect(point?.statuses).toEqual({ '429': 2, '0': 2, '503': 1 });
    expect(point?.errors).toEqual({ refused: 1, timeout: 1 });
    expect(point?.failuresPerSecond).toBe(5);
    expect(result.errors.map((e) => [e.method, e.name, e.error, e.occurrences])).toEqual([
      ['POST', 'create deployment', 'HTTP 429', 2],
      ['POST', 'create deployment', 'check failed: status is 201', 1],
      ['GET', 'get deployment', 'HTTP 503', 1],
      ['GET', 'get deployment', 'connection refused', 1],
      ['GET', 'get deployment', 'timeout', 1],
    ]);
    expect(result.errors[0]?.firstSeen).toBe(new Date(T0).toISOString().replace('.000Z', 'Z'));
    expect(result.totals.checks).toEqual({ passes: 1, fails: 1 });
    expect(result.totals.errorRate).toBe(1);
  });

  it('builds totals and per-request statistics by merging histograms', () => {
    const agg = new MetricsAggregator({ requests: plan });
    const all: number[] = [];
    const create: number[] = [];
    for (let i = 0; i < 10_000; i++) {
      const second = Math.floor(i / 1000);
      const key = i % 4 === 0 ? 'r1' : 'r0';
      const duration = 1 + ((i * 7919) % 1000) / 10;
      all.push(duration);
      if (key === 'r0') create.push(duration);
      agg.request(T0 + second * 1000 + (i % 1000), key, duration, 200, undefined, i % 100 === 0);
      if (i % 2 === 0) agg.iteration(T0 + second * 1000);
      agg.dataReceived(T0 + second * 1000, 100);
    }
    agg.users(T0, 10);
    agg.users(T0 + 5000, 20);
    agg.droppedIterations(T0 + 3000, 4);
    const result = agg.finish(10);
    const exact = (values: number[], q: number): number => {
      const sorted = [...values].sort((a, b) => a - b);
      const rank = q * (sorted.length - 1);
      const lo = Math.floor(rank);
      return (sorted[lo] ?? 0) + ((sorted[lo + 1] ?? 0) - (sorted[lo] ?? 0)) * (rank - lo);
    };
    expect(result.totals.requests).toBe(10_000);
    expect(result.totals.failures).toBe(100);
    expect(result.totals.rps).toBe(1000);
    expect(result.totals.iterations).toBe(5000);
    expect(result.totals.maxUsers).toBe(20);
    expect(result.totals.droppedIterations).toBe(4);
    expect(result.totals.dataReceivedBytes).toBe(1_000_000);
    expect(result.totals.avgSize).toBe(100);
    for (const [q, p] of [[0.5, result.totals.p50], [0.95, result.totals.p95], [0.99, result.totals.p99]] as const) {
      expect(Math.abs(p - exact(all, q)) / exact(all, q)).toBeLessThanOrEqual(RELATIVE_ACCURACY);
    }
    const createStats = result.requests.find((r) => r.name === 'create deployment');
    expect(createStats).toMatchObject({ method: 'POST', group: 'Deployments', count: 7500 });
    expect(Math.abs((createStats?.p95 ?? 0) - exact(create, 0.95)) / exact(create, 0.95)).toBeLessThanOrEqual(RELATIVE_ACCURACY);
    expect(result.timeline).toHaveLength(10);
    expect(result.timeline[3]?.droppedIterations).toBe(4);
    expect(result.timeline[9]?.cumulative.requests).toBe(10_000);
  });

  it('counts late samples in the totals and in the closed second', () => {
    const agg = new MetricsAggregator({ requests: plan, latenessMs: 0 });
    agg.request(T0 + 100, 'r0', 10, 200, undefined, false);
    expect(agg.advance(T0 + 1000)).toHaveLength(1);
    agg.request(T0 + 500, 'r0', 20, 500, 1500, true);
    const result = agg.finish();
    expect(result.totals.requests).toBe(2);
    expect(result.totals.failures).toBe(1);
    expect(result.timeline[0]).toMatchObject({ rps: 2, failuresPerSecond: 1, statuses: { '200': 1, '500': 1 } });
    expect(result.requests[0]?.count).toBe(2);
  });

  it('accepts slightly out-of-order samples before the first second closes', () => {
    const agg = new MetricsAggregator();
    agg.request(T0 + 1200, 'a', 1, 200, undefined, false);
    agg.request(T0 + 900, 'a', 1, 200, undefined, false);
    const result = agg.finish();
    expect(result.timeline.map((p) => p.rps)).toEqual([1, 1]);
    expect(result.requests[0]).toMatchObject({ name: 'a', count: 2 });
  });

  it('lists planned requests that never ran, with zero counts', () => {
    const result = new MetricsAggregator({ requests: plan }).finish();
    expect(result.requests.map((r) => [r.name, r.count])).toEqual([
      ['create deployment', 0],
      ['get deployment', 0],
    ]);
    expect(result.totals.requests).toBe(0);
    expect(result.timeline).toEqual([]);
  });

  it('drops trailing empty seconds closed while k6 was shutting down', () => {
    const agg = new MetricsAggregator({ requests: plan, latenessMs: 0 });
    agg.request(T0 + 100, 'r0', 10, 200, undefined, false);
    expect(agg.advance(T0 + 5000)).toHaveLength(5);
    expect(agg.finish().timeline).toHaveLength(1);
  });
});

describe('MetricsAggregator check failures', () => {
  it('leaves the request name out of the check condition it already shows', () => {
    const agg = new MetricsAggregator({ requests: plan });
    agg.check(T0, 'r0', 'create deployment: status is 201', false);
    agg.check(T0, undefined, 'free-standing check', false);
    expect(agg.finish().errors.map((e) => [e.name, e.error])).toEqual([
      ['', 'check failed: free-standing check'],
      ['create deployment', 'check failed: status is 201'],
    ]);
  });
});

describe('MetricsAggregator users', () => {
  it('takes the level at the end of a second while users ramp up', () => {
    const agg = new MetricsAggregator({ requests: plan });
    agg.users(T0, 0);
    agg.request(T0 + 500, 'r0', 5, 200, undefined, false);
    agg.users(T0 + 1000, 4);
    agg.request(T0 + 1500, 'r0', 5, 200, undefined, false);
    agg.users(T0 + 2000, 8);
    agg.dataReceived(T0 + 600, 1000);
    const points = agg.finish().timeline;
    expect(points.map((p) => p.users)).toEqual([4, 8, 8]);
    expect(points[0]?.cumulative.avgSize).toBe(1000);
  });
});
