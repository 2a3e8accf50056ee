// The demo target's behaviour without sockets: a request in, a response out. The HTTP server only
// translates between Node's request objects and these plain values.
import { ConnectionPool, PoolTimeoutError, systemTimers, type PoolStats, type PoolTimers } from './connection-pool';
import { demoMetricFamilies, readOwnProcess, type ProcessReadings, type RequestCount } from './demo-metrics';
import { EXPOSITION_CONTENT_TYPE, renderExposition } from './metrics-exposition';
import { poolCapacityPerSecond, type DemoTargetOptions } from './options';
import { CONNECTORS, EXECUTION_PLANES, PlatformState, parseDeploymentInput } from './platform-state';
import { matchRoute, routePattern, type RouteMatch, type RouteName } from './routes';
import { KeyedTokenBuckets, TokenBucket } from './token-bucket';
import { bearerToken, createTokenIssuer, type TokenIssuer } from './tokens';

export type RequestBody = { kind: 'none' } | { kind: 'json'; value: unknown } | { kind: 'invalid'; reason: string };

export interface DemoRequest {
  method: string;
  pathname: string;
  query: URLSearchParams;
  authorization?: string;
  body: RequestBody;
  /** Aborted when the client goes away, so a queued request stops waiting for the pool. */
  signal?: AbortSignal;
}

export interface DemoResponse {
  status: number;
  headers?: Record<string, string>;
  /** Sent as JSON, unless `text` is set. */
  body: unknown;
  /** Sent as is instead of `body`, with the Content-Type of `headers` (the Prometheus text of `/metrics`). */
  text?: string;
}

export interface DemoPlatformStats {
  uptimeSeconds: number;
  pool: PoolStats & { serviceTimeMs: number; queueTimeoutMs: number; capacityPerSecond: number };
  requests: { total: number; byStatus: Record<string, number>; byRoute: Record<string, number> };
  logins: { accepted: number; throttled: number; refused: number };
  deployments: number;
  cab: { pending: number; decided: number };
  publications: Record<string, number>;
}

export interface DemoPlatform {
  handle(request: DemoRequest): Promise<DemoResponse>;
  stats(): DemoPlatformStats;
  /** Fails every request still waiting for the pool. */
  close(): void;
}

/** What the platform needs from the outside world, replaceable in tests. */
export interface DemoPlatformDeps {
  timers: PoolTimers;
  /** Waits for the simulated query to finish. */
  sleep(ms: number): Promise<void>;
  /** Uniform in [0, 1), for service-time jitter. */
  random(): number;
  /** Wall clock (ms since the epoch) for timestamps in the data. */
  wallClock(): number;
  tokens: TokenIssuer;
  /** This process's CPU time and memory, for `/metrics`. */
  processUsage(): ProcessReadings;
}

const defaultDeps = (): DemoPlatformDeps => ({
  timers: systemTimers,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: Math.random,
  wallClock: Date.now,
  tokens: createTokenIssuer(),
  processUsage: readOwnProcess,
});

const json = (status: number, body: unknown, headers?: Record<string, string>): DemoResponse => (headers === undefined ? { status, body } : { status, body, headers });
const problem = (status: number, error: string, extra: Record<string, unknown> = {}, headers?: Record<string, string>): DemoResponse => json(status, { error, ...extra }, headers);

/** Builds the platform: routing, auth, login throttles, the database pool and the data. */
export function createDemoPlatform(options: DemoTargetOptions, overrides: Partial<DemoPlatformDeps> = {}): DemoPlatform {
  const deps: DemoPlatformDeps = { ...defaultDeps(), ...overrides };
  const startedAt = deps.timers.now();
  const pool = new ConnectionPool(options.poolSize, options.queueTimeoutMs, deps.timers);
  const state = new PlatformState(options, deps.wallClock);
  const loginBucket = new TokenBucket(options.loginRatePerSecond, options.loginBurst, startedAt);
  const userLoginBuckets = new KeyedTokenBuckets(options.loginsPerUserPerMinute / 60, options.loginBurstPerUser);
  const counts = { total: 0, byStatus: new Map<number, number>(), byRoute: new Map<string, number>(), loginsAccepted: 0, loginsThrottled: 0, loginsRefused: 0 };
  const requestCounts = new Map<string, RequestCount>();

  const serviceTime = (): number => Math.max(0, options.serviceTimeMs + (deps.random() * 2 - 1) * options.serviceJitterMs);

  function login(body: RequestBody): DemoResponse {
    if (body.kind !== 'json' || !isRecord(body.value) || typeof body.value.username !== 'string' || body.value.username === '' || typeof body.value.password !== 'string') {
      return problem(400, 'expected a JSON body with username and password');
    }
    const { username, password } = body.value;
    const now = deps.timers.now();
    const overall = loginBucket.take(now);
    const perUser = overall.allowed ? userLoginBuckets.take(username, now) : overall;
    if (!perUser.allowed) {
      counts.loginsThrottled += 1;
      const retryAfter = String(perUser.retryAfterSeconds);
      return problem(429, 'too many login attempts', { retryAfterSeconds: perUser.retryAfterSeconds }, { 'Retry-After': retryAfter });
    }
    if (password !== options.password) {
      counts.loginsRefused += 1;
      return problem(401, 'invalid username or password');
    }
    counts.loginsAccepted += 1;
    return json(200, { access: deps.tokens.issue(username), tokenType: 'Bearer', username });
  }

  // Everything below runs while holding a pool connection, after the simulated query time.
  function dataOperation(route: RouteName, params: Readonly<Record<string, string>>, request: DemoRequest, user: string): DemoResponse {
    switch (route) {
      case 'createDeployment': {
        if (request.body.kind === 'invalid') return problem(400, request.body.reason);
        const input = parseDeploymentInput(request.body.kind === 'json' ? request.body.value : undefined);
        if (!input.ok) return problem(400, input.message, { field: input.field });
        const deployment = state.createDeployment({ app: input.app, version: input.version, ring: input.ring }, user);
        return json(201, deployment, { Location: `/api/deployments/${deployment.id}` });
      }
      case 'getDeployment': {
        const id = parseId(params.id);
        const deployment = id === undefined ? undefined : state.getDeployment(id);
        return deployment === undefined ? problem(404, `no deployment with id ${params.id ?? ''}`) : json(200, deployment);
      }
      case 'listDeployments': {
        const limit = parseLimit(request.query.get('limit'));
        if (limit === undefined) return problem(400, 'limit must be a whole number from 1 to 100');
        const items = state.listDeployments(limit);
        return json(200, { count: items.length, total: state.deploymentCount, items });
      }
      case 'listPendingChanges': {
        const limit = parseLimit(request.query.get('limit'));
        if (limit === undefined) return problem(400, 'limit must be a whole number from 1 to 100');
        const order = request.query.get('order') ?? 'oldest';
        if (order !== 'oldest' && order !== 'random') return problem(400, 'order must be oldest or random');
        const pending = state.pendingChanges();
        const items = (order === 'random' ? shuffled(pending, deps.random) : pending).slice(0, limit);
        return json(200, { count: items.length, total: pending.length, ids: items.map((c) => c.id), items });
      }
      case 'approveChange':
      case 'rejectChange': {
        const id = parseId(params.id);
        const result = id === undefined ? { kind: 'notFound' as const } : state.decideChange(id, route === 'approveChange' ? 'approved' : 'rejected', user);
        if (result.kind === 'notFound') return problem(404, `no pending change with id ${params.id ?? ''}`);
        if (result.kind === 'alreadyDecided') return problem(409, `change ${result.change.id} was already ${result.change.decision ?? 'decided'}`, { change: result.change });
        return json(200, result.change);
      }
      case 'listPlanes':
        return json(200, { count: EXECUTION_PLANES.length, items: EXECUTION_PLANES.map((plane) => ({ ...plane, connectors: CONNECTORS })) });
      case 'publishConnector': {
        const result = state.publish(params.plane ?? '', params.connector ?? '', user);
        if (result.kind === 'unknownPlane') return problem(404, `no execution plane ${params.plane ?? ''}; planes: ${EXECUTION_PLANES.map((p) => p.id).join(', ')}`);
        if (result.kind === 'unknownConnector') return problem(404, `no connector ${params.connector ?? ''}; connectors: ${CONNECTORS.join(', ')}`);
        return json(202, result.publication);
      }
      default:
        return problem(500, `route ${route} has no handler`);
    }
  }

  async function route(request: DemoRequest, match: RouteMatch): Promise<DemoResponse> {
    if (match.kind === 'notFound') return problem(404, `no route for ${request.method} ${request.pathname}`);
    if (match.kind === 'wrongMethod') return problem(405, `use ${match.allowed.join(' or ')} for ${request.pathname}`, {}, { Allow: match.allowed.join(', ') });
    counts.byRoute.set(match.route, (counts.byRoute.get(match.route) ?? 0) + 1);
    if (match.route === 'healthz') return json(200, { status: 'ok' });
    if (match.route === 'stats') return json(200, stats());
    if (match.route === 'metrics') return { status: 200, body: null, text: metricsText(), headers: { 'Content-Type': EXPOSITION_CONTENT_TYPE } };
    // Login, health, stats and metrics need neither a token nor the database; every other route needs both.
    if (match.route === 'login') return login(request.body);

    const token = bearerToken(request.authorization);
    const user = token === undefined ? undefined : deps.tokens.verify(token);
    if (user === undefined) {
      return problem(401, token === undefined ? 'missing bearer token: log in at POST /api/auth/login' : 'invalid bearer token', {}, { 'WWW-Authenticate': 'Bearer' });
    }

    let lease;
    try {
      lease = await pool.acquire(request.signal);
    } catch (error) {
      if (error instanceof PoolTimeoutError) return problem(503, 'database pool timeout', { waitedMs: error.waitedMs });
      return problem(503, 'request cancelled');
    }
    try {
      await deps.sleep(serviceTime());
      return dataOperation(match.route, match.params, request, user);
    } finally {
      lease.release();
    }
  }

  function stats(): DemoPlatformStats {
    return {
      uptimeSeconds: Math.round(deps.timers.now() - startedAt) / 1000,
      pool: { ...pool.stats(), serviceTimeMs: options.serviceTimeMs, queueTimeoutMs: options.queueTimeoutMs, capacityPerSecond: poolCapacityPerSecond(options) },
      requests: {
        total: counts.total,
        byStatus: Object.fromEntries([...counts.byStatus].map(([status, n]) => [String(status), n])),
        byRoute: Object.fromEntries(counts.byRoute),
      },
      logins: { accepted: counts.loginsAccepted, throttled: counts.loginsThrottled, refused: counts.loginsRefused },
      deployments: state.deploymentCount,
      cab: { pending: state.pendingChanges().length, decided: state.decidedCount },
      publications: state.publications(),
    };
  }

  function metricsText(): string {
    const usage = deps.processUsage();
    return renderExposition(demoMetricFamilies({ pool: pool.stats(), loginsThrottled: counts.loginsThrottled, requests: requestCounts.values(), process: usage }));
  }

  function countRequest(method: string, match: RouteMatch, status: number): void {
    // Labels by route pattern, and only common methods, so a client cannot grow the label set without bound.
    const routeLabel = match.kind === 'route' ? routePattern(match.route) : 'unmatched';
    const methodLabel = standardMethods.has(method) ? method : 'other';
    const key = `${methodLabel} ${routeLabel} ${status}`;
    const entry = requestCounts.get(key);
    if (entry === undefined) requestCounts.set(key, { method: methodLabel, route: routeLabel, status, count: 1 });
    else entry.count += 1;
  }

  return {
    async handle(request) {
      const match = matchRoute(request.method, request.pathname);
      const response = await route(request, match);
      counts.total += 1;
      counts.byStatus.set(response.status, (counts.byStatus.get(response.status) ?? 0) + 1);
      countRequest(request.method, match, response.status);
      return response;
    },
    stats,
    close: () => pool.close(),
  };
}

const standardMethods: ReadonlySet<string> = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseId(text: string | undefined): number | undefined {
  if (text === undefined || !/^\d{1,15}$/.test(text)) return undefined;
  return Number(text);
}

function parseLimit(text: string | null): number | undefined {
  if (text === null) return 20;
  if (!/^\d{1,3}$/.test(text)) return undefined;
  const limit = Number(text);
  return limit >= 1 && limit <= 100 ? limit : undefined;
}

function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    const a = copy[i];
    const b = copy[j];
    if (a === undefined || b === undefined) continue;
    copy[i] = b;
    copy[j] = a;
  }
  return copy;
}
