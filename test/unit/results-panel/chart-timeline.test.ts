import { describe, expect, it } from 'vitest';
import {
  chartPointOf,
  decimateTimeline,
  LIVE_DECIMATION,
  LiveTimeline,
  mergeChartPoints,
  PERSISTED_DECIMATION,
  type DecimationOptions,
} from '../../../src/extension/results-panel/chart-timeline';
import type { ChartPoint } from '../../../src/extension/results-panel/messages';
import { chartPoint, second } from './fixtures';

const SMALL: DecimationOptions = { fullResolutionSeconds: 10, maxOlderPoints: 4, baseBucketSeconds: 2 };

function seconds(count: number, make: (t: number) => ChartPoint = (t) => chartPoint(t, { rps: t % 7, p95: 100 + (t % 13) })): ChartPoint[] {
  return Array.from({ length: count }, (_, t) => make(t));
}

/** Requests in a series: rate × seconds covered, which merging must keep. */
function area(points: readonly ChartPoint[]): number {
  return points.reduce((sum, point) => sum + point.rps * point.span, 0);
}

describe('chartPointOf', () => {
  it('keeps what the charts draw from a closed second', () => {
    const point = chartPointOf(second(4, { rps: 30, failures: 2, p95: 250, users: 7 }));
    expect(point).toEqual({
      t: 4,
      span: 1,
      users: 7,
      rps: 30,
      failuresPerSecond: 2,
      p50: 125,
      p90: 225,
      p95: 250,
      p99: 375,
      max: 500,
      statuses: { '200': 28, '503': 2 },
      requestP95: { login: 250, cart: 125 },
    });
  });
});

describe('server-side readings', () => {
  it('go into the chart point as they were read, and only when the run has monitors', () => {
    expect(chartPointOf({ ...second(2), monitors: { 'api: pool': 7, 'api: cpu': null } }).monitors).toEqual({ 'api: pool': 7, 'api: cpu': null });
    expect('monitors' in chartPointOf(second(2))).toBe(false);
  });

  it('keep their peak when seconds are merged, so a second at capacity stays visible', () => {
    const merged = mergeChartPoints(
      [
        chartPoint(10, { monitors: { 'api: pool': 4, 'api: cpu': null } }),
        chartPoint(11, { monitors: { 'api: pool': 20, 'api: cpu': 50 } }),
        chartPoint(12, { monitors: { 'api: pool': 9 } }),
      ],
      10,
    );
    expect(merged.monitors).toEqual({ 'api: pool': 20, 'api: cpu': 50 });
    expect('monitors' in mergeChartPoints([chartPoint(0), chartPoint(1)], 0)).toBe(false);
  });

  it('survive decimation of a long run', () => {
    const points = seconds(400, (t) => chartPoint(t, { monitors: { 'api: pool': t === 37 ? 20 : 5 } }));
    const decimated = decimateTimeline(points, SMALL);
    expect(decimated.length).toBeLessThan(points.length);
    expect(Math.max(...decimated.map((point) => point.monitors?.['api: pool'] ?? 0))).toBe(20);
  });
});

describe('mergeChartPoints', () => {
  it('averages rates over the seconds, keeps the worst latency and the peak users', () => {
    const merged = mergeChartPoints(
      [
        chartPoint(10, { rps: 10, failuresPerSecond: 0, p95: 100, users: 5, statuses: { '200': 10 }, requestP95: { login: 90 } }),
        chartPoint(11, { rps: 30, failuresPerSecond: 4, p95: 900, max: null, users: 8, statuses: { '200': 26, '429': 4 }, requestP95: { login: null, cart: 40 } }),
      ],
      10,
    );
    expect(merged).toMatchObject({ t: 10, span: 2, rps: 20, failuresPerSecond: 2, p95: 900, max: 200, users: 8 });
    expect(merged.statuses).toEqual({ '200': 18, '429': 2 });
    expect(merged.requestP95).toEqual({ login: 90, cart: 40 });
  });

  it('weights merged buckets by the seconds they cover', () => {
    const merged = mergeChartPoints([chartPoint(0, { span: 3, rps: 10 }), chartPoint(3, { span: 1, rps: 50 })], 0);
    expect(merged.span).toBe(4);
    expect(merged.rps).toBe(20);
  });

  it('leaves latency empty when no second had any', () => {
    expect(mergeChartPoints([chartPoint(0, { p50: null, p95: null, p99: null })], 0).p95).toBeNull();
  });
});

describe('decimateTimeline', () => {
  it('keeps everything when the run is shorter than the full-resolution window', () => {
    const points = seconds(10);
    expect(decimateTimeline(points, SMALL)).toEqual(points);
    expect(decimateTimeline([], SMALL)).toEqual([]);
  });

  it('keeps the last seconds as they are and merges older ones into aligned buckets', () => {
    const points = seconds(16);
    const result = decimateTimeline(points, SMALL);
    // 6..15 stay; 0..5 become buckets of 2 s starting at 0, 2, 4.
    expect(result.map((point) => [point.t, point.span])).toEqual([[0, 2], [2, 2], [4, 2], ...points.slice(6).map((point) => [point.t, 1])]);
    expect(result.slice(3)).toEqual(points.slice(6));
    expect(area(result)).toBeCloseTo(area(points), 9);
  });

  it('doubles the bucket width until the older points fit the budget', () => {
    const result = decimateTimeline(seconds(60), SMALL);
    const older = result.filter((point) => point.span > 1);
    expect(older.length).toBeLessThanOrEqual(SMALL.maxOlderPoints);
    // 50 older seconds: 2 s → 25 buckets, 4 → 13, 8 → 7, 16 → 4.
    expect(older.map((point) => point.t)).toEqual([0, 16, 32, 48]);
    expect(older.map((point) => point.span)).toEqual([16, 16, 16, 2]);
  });

  it('gives the same result when applied again, so decimating as the run goes is stable', () => {
    const once = decimateTimeline(seconds(500), SMALL);
    expect(decimateTimeline(once, SMALL)).toEqual(once);
  });

  it('keeps an hour of seconds to under 900 points with the live settings, and the whole area', () => {
    const hour = seconds(3600);
    const result = decimateTimeline(hour, LIVE_DECIMATION);
    expect(result.length).toBeLessThanOrEqual(LIVE_DECIMATION.fullResolutionSeconds + LIVE_DECIMATION.maxOlderPoints);
    expect(result.slice(-600)).toEqual(hour.slice(-600));
    expect(area(result)).toBeCloseTo(area(hour), 6);
    expect(Math.max(...result.map((point) => point.p95 ?? 0))).toBe(Math.max(...hour.map((point) => point.p95 ?? 0)));
  });

  it('keeps a one-second spike visible in an old bucket', () => {
    const points = seconds(2000, (t) => chartPoint(t, { p95: t === 100 ? 5000 : 100 }));
    const result = decimateTimeline(points, LIVE_DECIMATION);
    const bucket = result.find((point) => point.t <= 100 && 100 < point.t + point.span);
    expect(bucket?.span).toBeGreaterThan(1);
    expect(bucket?.p95).toBe(5000);
  });

  it('keeps the persisted copy small', () => {
    expect(decimateTimeline(seconds(3600), PERSISTED_DECIMATION).length).toBeLessThanOrEqual(240);
  });
});

describe('LiveTimeline', () => {
  it('only appends until the window plus its slack is full, then merges', () => {
    const timeline = new LiveTimeline(SMALL, [], 5);
    const merged = seconds(40).map((point) => timeline.append(point));
    expect(merged.slice(0, 15).every((value) => !value)).toBe(true);
    expect(merged[15]).toBe(true);
    expect(timeline.points.length).toBeLessThanOrEqual(SMALL.fullResolutionSeconds + SMALL.maxOlderPoints + 5);
  });

  it('keeps what decimating the whole series at once keeps: the recent seconds, the area, the worst latency', () => {
    const points = seconds(5000);
    const timeline = new LiveTimeline(LIVE_DECIMATION);
    for (const point of points) timeline.append(point);
    const live = decimateTimeline(timeline.points, LIVE_DECIMATION);
    expect(live.slice(-600)).toEqual(points.slice(-600));
    expect(live.length).toBeLessThanOrEqual(900);
    expect(area(live)).toBeCloseTo(area(points), 6);
    expect(Math.max(...live.map((point) => point.p95 ?? 0))).toBe(Math.max(...points.map((point) => point.p95 ?? 0)));
    // Buckets merged earlier may be wider than later ones, never out of order or overlapping.
    live.slice(1).forEach((point, index) => expect(point.t).toBeGreaterThanOrEqual((live[index]?.t ?? 0) + (live[index]?.span ?? 0)));
  });

  it('stays bounded over a day of seconds', () => {
    const timeline = new LiveTimeline(LIVE_DECIMATION);
    let most = 0;
    for (let t = 0; t < 86_400; t++) {
      timeline.append(chartPoint(t));
      most = Math.max(most, timeline.points.length);
    }
    expect(most).toBeLessThanOrEqual(LIVE_DECIMATION.fullResolutionSeconds + LIVE_DECIMATION.maxOlderPoints + 60);
  });

  it('starts from restored points and keeps time order when a second repeats', () => {
    const timeline = new LiveTimeline(SMALL, seconds(12));
    expect(timeline.append(chartPoint(11, { rps: 99 }))).toBe(true);
    const ts = timeline.points.map((point) => point.t);
    expect(ts).toEqual([...ts].sort((a, b) => a - b));
    expect(timeline.points[timeline.points.length - 1]).toMatchObject({ t: 11, rps: 99 });
  });
});
