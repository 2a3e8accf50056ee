// Synthetic runs for the detectors' tests: a timeline from a per-second shape, totals that agree with it, and the
// load models, errors and targets a detector reads.

import type { FindingsInput } from '../../../src/core/findings/find-findings';
import type { ErrorStat, RequestStats, TargetResult, TimelinePoint, Totals } from '../../../src/core/results';
import type { ClosedLoad, OpenLoad } from '../../../src/core/scenario/model';

const START = Date.UTC(2026, 0, 22, 10, 0, 0) / 1000;

export interface Second {
  users: number;
  rps: number;
  failures?: number;
  p50: number | null;
  p95?: number | null;
  p99: number | null;
  avg?: number | null;
  max?: number | null;
  statuses?: Record<string, number>;
  errors?: Record<string, number>;
  dropped?: number;
  requests?: TimelinePoint['requests'];
}

/** A deterministic noise source in [-1, 1], so "noisy" tests fail the same way every time. */
export function noise(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return (state / 0xffffffff) * 2 - 1;
  };
}

/** One point a second for `seconds` seconds. */
export function timelineOf(seconds: number, shape: (t: number) => Second): TimelinePoint[] {
  const points: TimelinePoint[] = [];
  let requests = 0;
  let failures = 0;
  for (let t = 0; t < seconds; t += 1) {
    const s = shape(t);
    const failed = s.failures ?? 0;
    requests += s.rps;
    failures += failed;
    points.push({
      t,
      time: START + t,
      users: s.users,
      rps: s.rps,
      failuresPerSecond: failed,
      p50: s.p50,
      p90: s.p99 === null ? null : (s.p95 ?? s.p99) * 0.95,
      p95: s.p95 === undefined ? (s.p50 === null || s.p99 === null ? null : (s.p50 + s.p99) / 2) : s.p95,
      p99: s.p99,
      max: s.max === undefined ? s.p99 : s.max,
      avg: s.avg === undefined ? s.p50 : s.avg,
      statuses: s.statuses ?? (s.rps > 0 ? { '200': s.rps - failed, ...(failed > 0 ? { '500': failed } : {}) } : {}),
      errors: s.errors ?? {},
      droppedIterations: s.dropped ?? 0,
      requests: s.requests ?? {},
      cumulative: { requests, failures, p50: s.p50, avg: s.avg ?? s.p50, min: null, max: null, avgSize: null },
    });
  }
  return points;
}

export function iso(t: number): string {
  return new Date((START + t) * 1000).toISOString();
}

export function errorStat(name: string, error: string, occurrences: number, firstT: number, lastT: number, method = 'POST'): ErrorStat {
  return { method, name, error, occurrences, firstSeen: iso(firstT), lastSeen: iso(lastT) };
}

export function requestStat(name: string, count: number, failures = 0, method = 'POST'): RequestStats {
  const zero = { p50: 0, p66: 0, p75: 0, p80: 0, p90: 0, p95: 0, p98: 0, p99: 0, p999: 0, p9999: 0, max: 0, min: 0, avg: 0 };
  return { ...zero, name, method, group: 'main', count, failures, avgSize: 0, rps: 0, failuresPerSecond: 0 };
}

export function latencyTarget(metric: TargetResult['metric'], threshold: number, actual: number | null, extra: Partial<TargetResult> = {}): TargetResult {
  const passed = actual !== null && actual < threshold;
  return { metric, comparison: '<', threshold, expression: `< ${threshold}ms`, actual, passed, margin: '', abortOnFail: false, ...extra };
}

export function closedLoad(peak: number, rampSeconds: number, holdSeconds: number, startUsers = 0): ClosedLoad {
  return { kind: 'closed', startUsers, stages: [{ durationSeconds: rampSeconds, users: peak }, { durationSeconds: holdSeconds, users: peak }], gracefulStopSeconds: 30 };
}

export function openLoad(stages: OpenLoad['stages'], maxUsers = 1000, startRate = 0): OpenLoad {
  return { kind: 'open', startRate, stages, preAllocatedUsers: Math.min(100, maxUsers), maxUsers, gracefulStopSeconds: 30 };
}

function totalsOf(timeline: readonly TimelinePoint[], overrides: Partial<Totals>): Totals {
  const requests = timeline.reduce((sum, point) => sum + point.rps, 0);
  const failures = timeline.reduce((sum, point) => sum + point.failuresPerSecond, 0);
  const p95s = timeline.map((point) => point.p95).filter((value): value is number => value !== null).sort((a, b) => a - b);
  const p99s = timeline.map((point) => point.p99).filter((value): value is number => value !== null).sort((a, b) => a - b);
  const at = (values: number[], share: number) => values[Math.min(values.length - 1, Math.floor(values.length * share))] ?? 0;
  return {
    p50: 0,
    p66: 0,
    p75: 0,
    p80: 0,
    p90: 0,
    p95: at(p95s, 0.95),
    p98: 0,
    p99: at(p99s, 0.99),
    p999: 0,
    p9999: 0,
    max: 0,
    min: 0,
    avg: 0,
    requests,
    failures,
    errorRate: requests > 0 ? failures / requests : 0,
    rps: timeline.length > 0 ? requests / timeline.length : 0,
    failuresPerSecond: 0,
    avgSize: 0,
    iterations: requests,
    droppedIterations: timeline.reduce((sum, point) => sum + point.droppedIterations, 0),
    maxUsers: Math.max(0, ...timeline.map((point) => point.users)),
    dataReceivedBytes: 0,
    dataSentBytes: 0,
    checks: { passes: 0, fails: 0 },
    ...overrides,
  };
}

/** A FindingsInput over `timeline`; a pass with no targets, errors or requests unless given. */
export function inputOf(timeline: TimelinePoint[], extra: Partial<Omit<FindingsInput, 'totals'>> & { totals?: Partial<Totals> } = {}): FindingsInput {
  const { totals, ...rest } = extra;
  return {
    timeline,
    requests: [],
    targets: [],
    errors: [],
    verdict: 'pass',
    outcome: 'completed',
    loads: [closedLoad(Math.max(1, ...timeline.map((point) => point.users)), 10, 10)],
    ...rest,
    totals: totalsOf(timeline, totals ?? {}),
  };
}

/** A closed ramp against a server of `capacity` requests/s, where one user alone makes `perUser` requests/s. */
export function closedRamp(options: { seconds: number; users: (t: number) => number; capacity: number; perUser: number; serviceMs: number; jitter?: number; seed?: number }): TimelinePoint[] {
  const wobble = noise(options.seed ?? 7);
  return timelineOf(options.seconds, (t) => {
    // As the runner records it: users at the end of the second, throughput from the users during it.
    const users = options.users(t);
    const during = t > 0 ? (options.users(t - 1) + users) / 2 : users;
    const ideal = Math.min(during * options.perUser, options.capacity);
    const rps = Math.max(0, Math.round(ideal * (1 + (options.jitter ?? 0) * wobble())));
    // Little's law: what a user waits per request when the server is the only place time goes.
    const avg = rps > 0 ? Math.max(options.serviceMs, (1000 * during) / Math.max(ideal, 1)) : null;
    return { users, rps, p50: avg, avg, p99: avg === null ? null : avg * 1.6 };
  });
}
