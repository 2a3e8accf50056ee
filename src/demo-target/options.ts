// Every knob of the demo target and its default, in one place.
//
// Capacity by construction: each data request holds one of `poolSize` database connections for
// `serviceTimeMs` (± `serviceJitterMs`), so the target serves at most poolSize / serviceTime requests per
// second: 20 connections / 50 ms = 400 requests/s with the defaults. Past that, requests queue first in,
// first out; one that has waited `queueTimeoutMs` gets 503 "database pool timeout". In a closed model
// (N users, no think time) the wait in the queue is about (N - poolSize) / capacity, so latency reaches the
// queue timeout once N > poolSize + capacity x queueTimeout = 20 + 400 x 2 s = 820 users: the burst
// scenario's 1000 users are past it, the 100- and 200-user scenarios (a few hundred requests/s at most)
// are well below it. 20 x 50 ms keeps that capacity far under what k6 and this server can push through two
// shared cores (several thousand requests/s), so the pool, not the CPU, is what saturates.
//
// Logins are throttled twice, like a platform with a global and a per-account login throttle: 250/s over all
// users (the burst scenario's 100-200 users started per second log in freely), and 6 a minute per username
// with 2 at once. A user who logs in once (onStart) never meets the per-user limit; the CAB scenario logs in on
// every round, every few seconds, and so meets 429 from its third round on, as the report's team did.

/** Settings of the demo target; every field has a default in `DEMO_TARGET_DEFAULTS`. */
export interface DemoTargetOptions {
  /** TCP port; 0 picks a free one. */
  port: number;
  /** Address to bind; loopback unless the user asks otherwise. */
  host: string;
  /** Database connections: requests served at once. */
  poolSize: number;
  /** Mean time a data request holds its connection. */
  serviceTimeMs: number;
  /** Service time varies uniformly by up to this much either way. */
  serviceJitterMs: number;
  /** Longest wait for a free connection before the request fails with 503. */
  queueTimeoutMs: number;
  /** The password every username logs in with. */
  password: string;
  /** Logins per second accepted over all users (token bucket refill rate). */
  loginRatePerSecond: number;
  /** Logins accepted at once over all users before the rate applies (token bucket size). */
  loginBurst: number;
  /** Logins per minute accepted for one username, like a per-account login throttle. */
  loginsPerUserPerMinute: number;
  /** Logins one username may make at once before its per-minute rate applies. */
  loginBurstPerUser: number;
  /** Pending CAB changes kept waiting: each decision submits a fresh change. */
  pendingChanges: number;
  /** Deployments (and decided changes) kept in memory; older ones are forgotten and then answer 404. */
  maxStoredRecords: number;
}

/** The defaults, chosen so the quick demo scenarios pass below capacity and the burst saturates the pool. */
export const DEMO_TARGET_DEFAULTS: Readonly<DemoTargetOptions> = Object.freeze({
  port: 8080,
  host: '127.0.0.1',
  poolSize: 20,
  serviceTimeMs: 50,
  serviceJitterMs: 10,
  queueTimeoutMs: 2000,
  password: 'demo',
  loginRatePerSecond: 250,
  loginBurst: 250,
  loginsPerUserPerMinute: 6,
  loginBurstPerUser: 2,
  pendingChanges: 100,
  maxStoredRecords: 50_000,
});

/** Requests per second the database pool can serve at most (poolSize / mean service time). */
export function poolCapacityPerSecond(options: Pick<DemoTargetOptions, 'poolSize' | 'serviceTimeMs'>): number {
  return options.serviceTimeMs > 0 ? (options.poolSize * 1000) / options.serviceTimeMs : Infinity;
}

const integerFields = ['port', 'poolSize', 'loginBurst', 'loginBurstPerUser', 'pendingChanges', 'maxStoredRecords'] as const;
const nonNegativeFields = ['serviceTimeMs', 'serviceJitterMs', 'queueTimeoutMs'] as const;
const positiveFields = ['loginRatePerSecond', 'loginsPerUserPerMinute'] as const;

/** Fills in defaults and rejects values the target cannot run with. */
export function resolveDemoTargetOptions(overrides: Partial<DemoTargetOptions> = {}): DemoTargetOptions {
  const defined = Object.fromEntries(Object.entries(overrides).filter(([, value]) => value !== undefined));
  const options: DemoTargetOptions = { ...DEMO_TARGET_DEFAULTS, ...defined };
  for (const field of integerFields) {
    if (!Number.isInteger(options[field]) || options[field] < 0) throw new RangeError(`${field} must be a whole number >= 0, got ${options[field]}`);
  }
  for (const field of nonNegativeFields) {
    if (!Number.isFinite(options[field]) || options[field] < 0) throw new RangeError(`${field} must be a number >= 0, got ${options[field]}`);
  }
  for (const field of positiveFields) {
    if (!Number.isFinite(options[field]) || options[field] <= 0) throw new RangeError(`${field} must be a number > 0, got ${options[field]}`);
  }
  if (options.port > 65535) throw new RangeError(`port must be at most 65535, got ${options.port}`);
  if (options.poolSize < 1) throw new RangeError('poolSize must be at least 1');
  if (options.loginBurst < 1 || options.loginBurstPerUser < 1) throw new RangeError('login bursts must be at least 1');
  if (options.serviceJitterMs > options.serviceTimeMs) throw new RangeError('serviceJitterMs must not exceed serviceTimeMs');
  if (options.pendingChanges < 1) throw new RangeError('pendingChanges must be at least 1');
  if (options.maxStoredRecords < 1) throw new RangeError('maxStoredRecords must be at least 1');
  if (typeof options.password !== 'string') throw new RangeError('password must be a string');
  if (typeof options.host !== 'string' || options.host === '') throw new RangeError('host must be a non-empty address');
  return options;
}
