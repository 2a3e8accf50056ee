// Turns k6's sample stream into one TimelinePoint per second and, at the end, Totals and per-request statistics.
// Memory grows with seconds × request names (one small point per second, one histogram per open second and per
// request), never with the number of requests: samples are folded into histograms as they arrive.
//
// k6 writes its samples in batches once a second, so a second is closed only `latenessMs` after it ended; a sample
// that still arrives for a closed second counts in the totals and in that second's counts, not its percentiles.

import type { ErrorStat, RequestStats, TimelinePoint, Totals } from '../results';
import { ErrorStatCollector } from './error-stats';
import { LogHistogram } from './histogram';
import { describeRequestFailure, networkErrorKind } from './network-errors';
import { percentilesOf } from './percentiles';
import type { SampleSink } from './sample-sink';

/** How a request key (the rid tag) maps to what reports show. */
export interface RequestIdentity {
  key: string;
  name: string;
  method: string;
  group: string;
}

export interface AggregatorOptions {
  /** The requests of the plan, in report order. Keys seen in samples but not listed are reported by their key. */
  requests?: readonly RequestIdentity[];
  /** How long after a second ends its samples may still arrive. Default 1500 ms (k6 flushes once a second). */
  latenessMs?: number;
}

/** Everything the run result needs from the samples. */
export interface AggregateResult {
  totals: Totals;
  requests: RequestStats[];
  timeline: TimelinePoint[];
  errors: ErrorStat[];
}

interface RequestSecond {
  count: number;
  failures: number;
  histogram: LogHistogram;
}

interface SecondBucket {
  requests: number;
  failures: number;
  histogram: LogHistogram;
  perRequest: Map<string, RequestSecond>;
  statuses: Map<number, number>;
  errors: Map<string, number>;
  users: number | undefined;
  dropped: number;
  received: number;
}

interface RequestTotal {
  identity: RequestIdentity;
  order: number;
  count: number;
  failures: number;
  histogram: LogHistogram;
  bodyBytes: number;
  bodies: number;
}

const DEFAULT_LATENESS_MS = 1500;

export class MetricsAggregator implements SampleSink {
  private readonly latenessMs: number;
  private readonly identities = new Map<string, RequestIdentity>();
  private readonly plannedKeys = new Set<string>();
  private readonly requestTotals = new Map<string, RequestTotal>();
  private readonly open = new Map<number, SecondBucket>();
  private readonly points: TimelinePoint[] = [];
  private readonly errorStats = new ErrorStatCollector();
  private readonly cumulative = new LogHistogram();

  private firstSecond: number | undefined;
  /** The next second to close; every earlier one is in `points`. */
  private nextSecond: number | undefined;
  private lastSampleMs = -Infinity;
  private lastUsers = 0;

  private requestCount = 0;
  private failureCount = 0;
  private iterations = 0;
  private dropped = 0;
  private maxUsers = 0;
  private received = 0;
  /** Bytes received in closed seconds, so the cumulative average size matches the closed request count. */
  private closedReceived = 0;
  private sent = 0;
  private bodyBytes = 0;
  private bodies = 0;
  private checkPasses = 0;
  private checkFails = 0;

  constructor(options: AggregatorOptions = {}) {
    this.latenessMs = options.latenessMs ?? DEFAULT_LATENESS_MS;
    for (const identity of options.requests ?? []) {
      this.identities.set(identity.key, identity);
      this.plannedKeys.add(identity.key);
      this.totalFor(identity.key);
    }
  }

  request(timeMs: number, requestKey: string, durationMs: number, status: number, errorCode: number | undefined, failed: boolean): void {
    const total = this.totalFor(requestKey);
    total.count++;
    if (failed) {
      total.failures++;
      this.errorStats.record(total.identity.method, total.identity.name, describeRequestFailure(status, errorCode), timeMs);
    }
    const bucket = this.bucketFor(timeMs);
    if (bucket === undefined) {
      // Late for its second: the totals still count it, the closed point gets its counts.
      total.histogram.add(durationMs);
      this.cumulative.add(durationMs);
      this.requestCount++;
      if (failed) this.failureCount++;
      this.patchClosedPoint(timeMs, requestKey, status, errorCode, failed);
      return;
    }
    bucket.requests++;
    bucket.histogram.add(durationMs);
    if (failed) bucket.failures++;
    bucket.statuses.set(status, (bucket.statuses.get(status) ?? 0) + 1);
    if (status === 0) {
      const kind = networkErrorKind(errorCode ?? 0);
      bucket.errors.set(kind, (bucket.errors.get(kind) ?? 0) + 1);
    }
    let perRequest = bucket.perRequest.get(requestKey);
    if (!perRequest) {
      perRequest = { count: 0, failures: 0, histogram: new LogHistogram() };
      bucket.perRequest.set(requestKey, perRequest);
    }
    perRequest.count++;
    if (failed) perRequest.failures++;
    perRequest.histogram.add(durationMs);
  }

  check(timeMs: number, requestKey: string | undefined, checkName: string, passed: boolean): void {
    this.touch(timeMs);
    if (passed) {
      this.checkPasses++;
      return;
    }
    this.checkFails++;
    const identity = requestKey === undefined ? undefined : this.identityOf(requestKey);
    // Compiled check names start with the request name, which the error row already shows.
    const prefix = identity ? `${identity.name}: ` : '';
    const condition = prefix && checkName.startsWith(prefix) ? checkName.slice(prefix.length) : checkName;
    this.errorStats.record(identity?.method ?? '', identity?.name ?? '', condition ? `check failed: ${condition}` : 'check failed', timeMs);
  }

  users(timeMs: number, count: number): void {
    if (count > this.maxUsers) this.maxUsers = count;
    const bucket = this.bucketFor(timeMs);
    if (bucket) bucket.users = bucket.users === undefined ? count : Math.max(bucket.users, count);
  }

  droppedIterations(timeMs: number, count: number): void {
    this.dropped += count;
    const bucket = this.bucketFor(timeMs);
    if (bucket) bucket.dropped += count;
    else this.patchClosedDropped(timeMs, count);
  }

  iteration(timeMs: number): void {
    this.touch(timeMs);
    this.iterations++;
  }

  dataReceived(timeMs: number, bytes: number): void {
    this.received += bytes;
    const bucket = this.bucketFor(timeMs);
    if (bucket) bucket.received += bytes;
    else this.closedReceived += bytes;
  }

  dataSent(timeMs: number, bytes: number): void {
    this.touch(timeMs);
    this.sent += bytes;
  }

  responseBytes(timeMs: number, requestKey: string, bytes: number): void {
    this.touch(timeMs);
    const total = this.totalFor(requestKey);
    total.bodyBytes += bytes;
    total.bodies++;
    this.bodyBytes += bytes;
    this.bodies++;
  }

  /** Closes every second that ended at least the lateness before `nowMs`; returns their points, oldest first. */
  advance(nowMs: number): TimelinePoint[] {
    if (this.nextSecond === undefined) return [];
    const closable = Math.floor((nowMs - this.latenessMs) / 1000) - 1;
    return this.closeThrough(closable);
  }

  /** Totals so far (closed seconds and late samples), with rates over `elapsedSeconds`. */
  totalsSoFar(elapsedSeconds?: number): Totals {
    return this.buildTotals(elapsedSeconds ?? this.points.length);
  }

  /** Seconds closed so far (the points of the timeline). */
  get closedSeconds(): number {
    return this.points.length;
  }

  /** The statistics of the closed seconds so far, without closing anything: what live analysis reads. */
  snapshot(): AggregateResult {
    const seconds = this.points.length;
    return { totals: this.buildTotals(seconds), requests: this.buildRequests(seconds), timeline: [...this.points], errors: this.errorStats.list() };
  }

  /** Closes every second up to the last sample and returns the points not yet returned by `advance`. */
  flush(): TimelinePoint[] {
    if (this.nextSecond === undefined) return [];
    return this.closeThrough(Math.floor(this.lastSampleMs / 1000));
  }

  /** Closes everything and returns the final statistics. Rates use `durationSeconds` (k6's own test duration when known). */
  finish(durationSeconds?: number): AggregateResult {
    this.flush();
    const duration = durationSeconds ?? this.measuredSeconds();
    // Live ticks may have closed empty seconds while k6 was shutting down; the result ends with the last sample.
    const lastSecond = Math.floor(this.lastSampleMs / 1000);
    return {
      totals: this.buildTotals(duration),
      requests: this.buildRequests(duration),
      timeline: this.points.filter((point) => point.time <= lastSecond),
      errors: this.errorStats.list(),
    };
  }

  /** Seconds between the first and the last sample (at least one), for rates when k6 gave no duration. */
  measuredSeconds(): number {
    if (this.firstSecond === undefined) return 0;
    return Math.max(1, Math.floor(this.lastSampleMs / 1000) - this.firstSecond + 1);
  }

  /** Seconds currently open (waiting for late samples); stays small during a run. */
  get openSeconds(): number {
    return this.open.size;
  }

  private touch(timeMs: number): void {
    if (timeMs > this.lastSampleMs) this.lastSampleMs = timeMs;
    if (this.firstSecond === undefined) {
      const second = Math.floor(timeMs / 1000);
      this.firstSecond = second;
      this.nextSecond = second;
    }
  }

  /** The open bucket of that second, or undefined when the second is already closed. */
  private bucketFor(timeMs: number): SecondBucket | undefined {
    this.touch(timeMs);
    const second = Math.floor(timeMs / 1000);
    if (this.nextSecond !== undefined && second < this.nextSecond) {
      // Samples of the first batch may come slightly out of order: before anything closed, move the start back.
      if (this.points.length > 0) return undefined;
      this.firstSecond = second;
      this.nextSecond = second;
    }
    let bucket = this.open.get(second);
    if (!bucket) {
      bucket = {
        requests: 0,
        failures: 0,
        histogram: new LogHistogram(),
        perRequest: new Map(),
        statuses: new Map(),
        errors: new Map(),
        users: undefined,
        dropped: 0,
        received: 0,
      };
      this.open.set(second, bucket);
    }
    return bucket;
  }

  private closeThrough(lastSecond: number): TimelinePoint[] {
    const closed: TimelinePoint[] = [];
    while (this.nextSecond !== undefined && this.nextSecond <= lastSecond) {
      closed.push(this.close(this.nextSecond));
      this.nextSecond++;
    }
    return closed;
  }

  private close(second: number): TimelinePoint {
    const bucket = this.open.get(second);
    this.open.delete(second);
    const requests: TimelinePoint['requests'] = {};
    if (bucket) {
      this.requestCount += bucket.requests;
      this.failureCount += bucket.failures;
      this.cumulative.merge(bucket.histogram);
      for (const [key, perRequest] of bucket.perRequest) {
        const total = this.totalFor(key);
        total.histogram.merge(perRequest.histogram);
        requests[total.identity.name] = {
          rps: perRequest.count,
          failuresPerSecond: perRequest.failures,
          p50: perRequest.histogram.quantile(0.5),
          p95: perRequest.histogram.quantile(0.95),
          p99: perRequest.histogram.quantile(0.99),
        };
      }
      this.closedReceived += bucket.received;
      // k6 samples the user count once a second, at the start of it: the next second's first sample is this
      // second's level at its end, which matters while users ramp up.
      const next = this.open.get(second + 1)?.users;
      const users = bucket.users === undefined ? next : next === undefined ? bucket.users : Math.max(bucket.users, next);
      if (users !== undefined) this.lastUsers = users;
    }
    const h = bucket?.histogram;
    const point: TimelinePoint = {
      t: second - (this.firstSecond ?? second),
      time: second,
      users: this.lastUsers,
      rps: bucket?.requests ?? 0,
      failuresPerSecond: bucket?.failures ?? 0,
      p50: h ? h.quantile(0.5) : null,
      p90: h ? h.quantile(0.9) : null,
      p95: h ? h.quantile(0.95) : null,
      p99: h ? h.quantile(0.99) : null,
      max: h ? h.max : null,
      avg: h ? h.mean : null,
      statuses: bucket ? countsByKey(bucket.statuses) : {},
      errors: bucket ? countsByKey(bucket.errors) : {},
      droppedIterations: bucket?.dropped ?? 0,
      requests,
      cumulative: {
        requests: this.requestCount,
        failures: this.failureCount,
        p50: this.cumulative.quantile(0.5),
        avg: this.cumulative.mean,
        min: this.cumulative.min,
        max: this.cumulative.max,
        avgSize: this.averageSize(this.requestCount, this.closedReceived),
      },
    };
    this.points.push(point);
    return point;
  }

  private patchClosedPoint(timeMs: number, requestKey: string, status: number, errorCode: number | undefined, failed: boolean): void {
    const point = this.pointAt(timeMs);
    if (!point) return;
    point.rps++;
    if (failed) point.failuresPerSecond++;
    point.statuses[String(status)] = (point.statuses[String(status)] ?? 0) + 1;
    if (status === 0) {
      const kind = networkErrorKind(errorCode ?? 0);
      point.errors[kind] = (point.errors[kind] ?? 0) + 1;
    }
    const name = this.identityOf(requestKey).name;
    const perRequest = point.requests[name];
    if (perRequest) {
      perRequest.rps++;
      if (failed) perRequest.failuresPerSecond++;
    } else {
      point.requests[name] = { rps: 1, failuresPerSecond: failed ? 1 : 0, p50: null, p95: null, p99: null };
    }
  }

  private patchClosedDropped(timeMs: number, count: number): void {
    const point = this.pointAt(timeMs);
    if (point) point.droppedIterations += count;
  }

  private pointAt(timeMs: number): TimelinePoint | undefined {
    if (this.firstSecond === undefined) return undefined;
    return this.points[Math.floor(timeMs / 1000) - this.firstSecond];
  }

  private identityOf(key: string): RequestIdentity {
    let identity = this.identities.get(key);
    if (!identity) {
      identity = { key, name: key, method: '', group: '' };
      this.identities.set(key, identity);
    }
    return identity;
  }

  private totalFor(key: string): RequestTotal {
    let total = this.requestTotals.get(key);
    if (!total) {
      total = { identity: this.identityOf(key), order: this.requestTotals.size, count: 0, failures: 0, histogram: new LogHistogram(), bodyBytes: 0, bodies: 0 };
      this.requestTotals.set(key, total);
    }
    return total;
  }

  /** Average response body size: measured bodies when the runtime reports them, else bytes received per request. */
  private averageSize(requests: number, received = this.received): number {
    if (this.bodies > 0) return this.bodyBytes / this.bodies;
    return requests > 0 ? received / requests : 0;
  }

  private buildTotals(durationSeconds: number): Totals {
    const perSecond = (n: number): number => (durationSeconds > 0 ? n / durationSeconds : 0);
    return {
      ...percentilesOf(this.cumulative),
      requests: this.requestCount,
      failures: this.failureCount,
      errorRate: this.requestCount > 0 ? this.failureCount / this.requestCount : 0,
      rps: perSecond(this.requestCount),
      failuresPerSecond: perSecond(this.failureCount),
      avgSize: this.averageSize(this.requestCount),
      iterations: this.iterations,
      droppedIterations: this.dropped,
      maxUsers: this.maxUsers,
      dataReceivedBytes: this.received,
      dataSentBytes: this.sent,
      checks: { passes: this.checkPasses, fails: this.checkFails },
    };
  }

  private buildRequests(durationSeconds: number): RequestStats[] {
    const perSecond = (n: number): number => (durationSeconds > 0 ? n / durationSeconds : 0);
    return [...this.requestTotals.values()]
      .filter((total) => total.count > 0 || this.plannedKeys.has(total.identity.key))
      .sort((a, b) => a.order - b.order)
      .map((total) => ({
        ...percentilesOf(total.histogram),
        name: total.identity.name,
        method: total.identity.method,
        group: total.identity.group,
        count: total.count,
        failures: total.failures,
        avgSize: total.bodies > 0 ? total.bodyBytes / total.bodies : 0,
        rps: perSecond(total.count),
        failuresPerSecond: perSecond(total.failures),
      }));
  }

  private isPlanned(key: string): boolean {
    const identity = this.identities.get(key);
    return identity !== undefined && identity.name !== key;
  }
}

function countsByKey<K extends string | number>(counts: Map<K, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [key, count] of counts) out[String(key)] = count;
  return out;
}
