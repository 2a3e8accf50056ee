// Seeded synthetic runs for the comparison tests: every second draws its requests' latencies from a log-normal
// distribution whose median drifts slowly (AR(1)), as real runs do, and fills the timeline with the percentiles of
// exactly those draws, so the whole-run and per-second figures agree like a real collector's.

import type { Percentiles, RequestStats, RunResult, TimelinePoint } from '../../../src/core/results';

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function standardNormal(random: () => number): number {
  const u = Math.max(random(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

function poisson(random: () => number, mean: number): number {
  // Normal approximation is plenty for the tens of requests a second used here.
  return Math.max(0, Math.round(mean + Math.sqrt(mean) * standardNormal(random)));
}

function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return 0;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[index] ?? 0;
}

function percentilesOf(values: readonly number[]): Percentiles {
  const sorted = [...values].sort((x, y) => x - y);
  const q = (p: number) => quantile(sorted, p);
  const avg = sorted.length === 0 ? 0 : sorted.reduce((s, v) => s + v, 0) / sorted.length;
  return { p50: q(0.5), p66: q(0.66), p75: q(0.75), p80: q(0.8), p90: q(0.9), p95: q(0.95), p98: q(0.98), p99: q(0.99), p999: q(0.999), p9999: q(0.9999), max: sorted[sorted.length - 1] ?? 0, min: sorted[0] ?? 0, avg };
}

export interface SyntheticRequest {
  name: string;
  method?: string;
  /** Requests a second at full load. */
  rps: number;
  medianMs: number;
  /** Spread of the log-normal latency. */
  sigma?: number;
  errorRate?: number;
}

export interface SyntheticRunOptions {
  seed: number;
  seconds?: number;
  /** Seconds of ramp-up (users and requests rising linearly) before the steady part. */
  rampSeconds?: number;
  users?: number;
  requests?: readonly SyntheticRequest[];
  /** Multiplies every latency: a build slowed on purpose. */
  latencyFactor?: number;
  /** Multiplies every request rate. */
  rpsFactor?: number;
  /** Added to every request's error rate. */
  extraErrorRate?: number;
  /** How strongly one second's latency level follows the previous one (0 = independent). */
  drift?: number;
  /** Standard deviation of that level, relative to the median (0.05 = latency wanders by about 5 %). */
  driftSpread?: number;
  loadDescription?: string;
  model?: 'closed' | 'open';
}

export const DEFAULT_REQUESTS: readonly SyntheticRequest[] = [
  { name: 'login', method: 'POST', rps: 5, medianMs: 9 },
  { name: 'create deployment', method: 'POST', rps: 40, medianMs: 55 },
  { name: 'get deployment', method: 'GET', rps: 30, medianMs: 52 },
  { name: 'list deployments', method: 'GET', rps: 15, medianMs: 70 },
];

/** A run of `seconds` seconds with the requests' latencies drawn afresh from `seed`. */
export function syntheticRun(options: SyntheticRunOptions): RunResult {
  const random = seededRandom(options.seed);
  const seconds = options.seconds ?? 60;
  const ramp = options.rampSeconds ?? 5;
  const users = options.users ?? 30;
  const requests = options.requests ?? DEFAULT_REQUESTS;
  const factor = options.latencyFactor ?? 1;
  const drift = options.drift ?? 0.6;
  const driftSpread = options.driftSpread ?? 0.05;
  const start = Date.UTC(2026, 0, 22, 10, 0, 0) / 1000 + options.seed;
  const all = new Map<string, number[]>(requests.map((r) => [r.name, []]));
  const failures = new Map<string, number>(requests.map((r) => [r.name, 0]));
  const everything: number[] = [];
  const timeline: TimelinePoint[] = [];
  let level = 0;
  let cumulativeRequests = 0;
  let cumulativeFailures = 0;
  for (let t = 0; t < seconds; t++) {
    level = drift * level + Math.sqrt(1 - drift * drift) * driftSpread * standardNormal(random);
    const share = t < ramp ? (t + 1) / (ramp + 1) : 1;
    const point: TimelinePoint = {
      t,
      time: start + t,
      users: Math.round(users * share),
      rps: 0,
      failuresPerSecond: 0,
      p50: null, p90: null, p95: null, p99: null, max: null, avg: null,
      statuses: {},
      errors: {},
      droppedIterations: 0,
      requests: {},
      cumulative: { requests: 0, failures: 0, p50: null, avg: null, min: null, max: null, avgSize: null },
    };
    const thisSecond: number[] = [];
    for (const request of requests) {
      const count = poisson(random, request.rps * share * (options.rpsFactor ?? 1));
      const latencies: number[] = [];
      let failed = 0;
      const errorRate = (request.errorRate ?? 0) + (options.extraErrorRate ?? 0);
      for (let i = 0; i < count; i++) {
        latencies.push(request.medianMs * factor * Math.exp(level + (request.sigma ?? 0.25) * standardNormal(random)));
        if (random() < errorRate) failed++;
      }
      all.get(request.name)?.push(...latencies);
      failures.set(request.name, (failures.get(request.name) ?? 0) + failed);
      thisSecond.push(...latencies);
      const p = percentilesOf(latencies);
      point.requests[request.name] = { rps: count, failuresPerSecond: failed, p50: count > 0 ? p.p50 : null, p95: count > 0 ? p.p95 : null, p99: count > 0 ? p.p99 : null };
      point.rps += count;
      point.failuresPerSecond += failed;
    }
    everything.push(...thisSecond);
    const p = percentilesOf(thisSecond);
    if (thisSecond.length > 0) Object.assign(point, { p50: p.p50, p90: p.p90, p95: p.p95, p99: p.p99, max: p.max, avg: p.avg });
    point.statuses = { '200': point.rps - point.failuresPerSecond, ...(point.failuresPerSecond > 0 ? { '503': point.failuresPerSecond } : {}) };
    cumulativeRequests += point.rps;
    cumulativeFailures += point.failuresPerSecond;
    point.cumulative = { ...point.cumulative, requests: cumulativeRequests, failures: cumulativeFailures };
    timeline.push(point);
  }
  const stats: RequestStats[] = requests.map((request) => {
    const values = all.get(request.name) ?? [];
    const failed = failures.get(request.name) ?? 0;
    return { name: request.name, method: request.method ?? 'GET', group: 'default', count: values.length, failures: failed, avgSize: 100, rps: values.length / seconds, failuresPerSecond: failed / seconds, ...percentilesOf(values) };
  });
  const total = everything.length;
  const failed = stats.reduce((s, r) => s + r.failures, 0);
  return {
    schemaVersion: 1,
    scenario: 'Synthetic deployments',
    scenarioFile: 'scenarios/synthetic.scenario.yaml',
    load: [{ group: 'default', description: options.loadDescription ?? `${users} users, ${seconds}s`, model: options.model ?? 'closed' }],
    verdict: 'pass',
    outcome: 'completed',
    outcomeMessage: 'The test ran to the end.',
    k6: { version: 'v2.2.0', exitCode: 0 },
    startedAt: new Date(start * 1000).toISOString(),
    endedAt: new Date((start + seconds) * 1000).toISOString(),
    durationSeconds: seconds,
    totals: {
      ...percentilesOf(everything),
      requests: total,
      failures: failed,
      errorRate: total > 0 ? failed / total : 0,
      rps: total / seconds,
      failuresPerSecond: failed / seconds,
      avgSize: 100,
      iterations: total,
      droppedIterations: 0,
      maxUsers: users,
      dataReceivedBytes: 0,
      dataSentBytes: 0,
      checks: { passes: 0, fails: 0 },
    },
    requests: stats,
    targets: [],
    errors: [],
    findings: [],
    timeline,
  };
}
