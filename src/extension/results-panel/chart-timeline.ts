// The live charts' data over a long run, in bounded memory: the last minutes at one point a second, older seconds
// merged into aligned buckets that widen (10 s, 20 s, 40 s …) so their number stays under a budget. The host's
// feed and the webview use the same code, so a snapshot equals what the webview would have built itself.
//
// Merged buckets keep rates as the mean per second (areas stay honest), latencies as the worst second's (a spike
// stays visible instead of being averaged away) and users as the peak. Server-side readings keep their peak too:
// they are charted against a capacity, and a second at the limit must not be averaged away.

import type { TimelinePoint } from '../../core/results';
import type { ChartPoint } from './messages';

export interface DecimationOptions {
  /** Seconds at the end kept at one point a second. */
  fullResolutionSeconds: number;
  /** Most points allowed before the full-resolution window. */
  maxOlderPoints: number;
  /** Narrowest bucket for older points; wider ones are this times a power of two. */
  baseBucketSeconds: number;
}

/** For the live view: an hour is about 900 points a series (600 recent seconds, up to 300 older buckets, 60 s of slack). */
export const LIVE_DECIMATION: DecimationOptions = { fullResolutionSeconds: 600, maxOlderPoints: 300, baseBucketSeconds: 10 };

/** For the state a webview persists across window reloads: coarser, so it stays small. */
export const PERSISTED_DECIMATION: DecimationOptions = { fullResolutionSeconds: 120, maxOlderPoints: 120, baseBucketSeconds: 10 };

/** The chart's view of one closed second. */
export function chartPointOf(point: TimelinePoint): ChartPoint {
  const requestP95: Record<string, number | null> = {};
  for (const [name, stats] of Object.entries(point.requests)) requestP95[name] = stats.p95;
  return {
    t: point.t,
    span: 1,
    users: point.users,
    rps: point.rps,
    failuresPerSecond: point.failuresPerSecond,
    p50: point.p50,
    p90: point.p90,
    p95: point.p95,
    p99: point.p99,
    max: point.max,
    statuses: { ...point.statuses },
    requestP95,
    ...(point.monitors === undefined ? {} : { monitors: { ...point.monitors } }),
  };
}

function worst(values: readonly (number | null | undefined)[]): number | null {
  let result: number | null = null;
  for (const value of values) if (value !== null && value !== undefined && (result === null || value > result)) result = value;
  return result;
}

/** One bucket starting at `t` from points inside it: mean rates, worst latencies, peak users. */
export function mergeChartPoints(points: readonly ChartPoint[], t: number): ChartPoint {
  const span = points.reduce((sum, point) => sum + point.span, 0);
  const meanRate = (pick: (point: ChartPoint) => number) => (span === 0 ? 0 : points.reduce((sum, point) => sum + pick(point) * point.span, 0) / span);
  const statuses: Record<string, number> = {};
  const requestP95: Record<string, number | null> = {};
  let monitors: Record<string, number | null> | undefined;
  for (const point of points) {
    for (const [code, rate] of Object.entries(point.statuses)) statuses[code] = (statuses[code] ?? 0) + (rate * point.span) / span;
    for (const [name, p95] of Object.entries(point.requestP95)) requestP95[name] = worst([requestP95[name], p95]);
    if (point.monitors === undefined) continue;
    monitors ??= {};
    for (const [key, reading] of Object.entries(point.monitors)) monitors[key] = worst([monitors[key], reading]);
  }
  return {
    t,
    span,
    users: points.reduce((peak, point) => Math.max(peak, point.users), 0),
    rps: meanRate((point) => point.rps),
    failuresPerSecond: meanRate((point) => point.failuresPerSecond),
    p50: worst(points.map((point) => point.p50)),
    p90: worst(points.map((point) => point.p90)),
    p95: worst(points.map((point) => point.p95)),
    p99: worst(points.map((point) => point.p99)),
    max: worst(points.map((point) => point.max)),
    statuses,
    requestP95,
    ...(monitors === undefined ? {} : { monitors }),
  };
}

function bucketed(points: readonly ChartPoint[], width: number): ChartPoint[] {
  const buckets: ChartPoint[] = [];
  let members: ChartPoint[] = [];
  let start = Number.NaN;
  const close = () => {
    if (members.length === 0) return;
    const only = members[0];
    // A lone member already aligned to this width is that bucket: no need to rebuild it.
    buckets.push(members.length === 1 && only !== undefined && only.t === start ? only : mergeChartPoints(members, start));
    members = [];
  };
  for (const point of points) {
    const bucketStart = Math.floor(point.t / width) * width;
    if (bucketStart !== start) {
      close();
      start = bucketStart;
    }
    members.push(point);
  }
  close();
  return buckets;
}

/**
 * Keeps the last `fullResolutionSeconds` (before the newest point) as they are and merges older points into
 * buckets aligned to multiples of their width, doubling the width until at most `maxOlderPoints` remain.
 * Points must be in time order; buckets already made by an earlier call merge cleanly into wider ones.
 */
export function decimateTimeline(points: readonly ChartPoint[], options: DecimationOptions): ChartPoint[] {
  const last = points[points.length - 1];
  if (last === undefined) return [];
  const boundary = last.t - options.fullResolutionSeconds + 1;
  const split = points.findIndex((point) => point.t >= boundary);
  const older = split === -1 ? points : points.slice(0, split);
  const recent = split === -1 ? [] : points.slice(split);
  if (older.length === 0) return [...recent];
  let width = options.baseBucketSeconds;
  let merged = bucketed(older, width);
  while (merged.length > options.maxOlderPoints) {
    width *= 2;
    merged = bucketed(merged, width);
  }
  return [...merged, ...recent];
}

/**
 * The growing series of a live run. Appends are cheap; every `slackSeconds` past the full-resolution window the
 * whole series is decimated again, so callers redraw everything only then.
 */
export class LiveTimeline {
  private series: ChartPoint[];
  private recentSince: number;

  constructor(
    private readonly options: DecimationOptions = LIVE_DECIMATION,
    initial: readonly ChartPoint[] = [],
    private readonly slackSeconds = 60,
  ) {
    this.series = decimateTimeline(initial, options);
    this.recentSince = this.firstRecentT();
  }

  /** Adds the newest point; true when older points were merged (the series changed before its end). */
  append(point: ChartPoint): boolean {
    const previous = this.series[this.series.length - 1];
    if (previous !== undefined && point.t <= previous.t) {
      // A repeated or late second (should not happen): rebuild rather than break the time order.
      this.series = decimateTimeline([...this.series.filter((p) => p.t < point.t), point], this.options);
      this.recentSince = this.firstRecentT();
      return true;
    }
    this.series.push(point);
    if (point.t - this.recentSince < this.options.fullResolutionSeconds + this.slackSeconds) return false;
    this.series = decimateTimeline(this.series, this.options);
    this.recentSince = this.firstRecentT();
    return true;
  }

  /** The points to draw, oldest first (do not modify). */
  get points(): readonly ChartPoint[] {
    return this.series;
  }

  private firstRecentT(): number {
    const last = this.series[this.series.length - 1];
    return last === undefined ? 0 : Math.max(0, last.t - this.options.fullResolutionSeconds + 1);
  }
}
