import { describe, expect, it } from 'vitest';
import { createDemoPlatform, type DemoPlatform, type DemoRequest, type DemoResponse } from '../../../src/demo-target/demo-platform';
import { resolveDemoTargetOptions, type DemoTargetOptions } from '../../../src/demo-target/options';
import { createTokenIssuer } from '../../../src/demo-target/tokens';
import { createFakeTimers, flushPromises, type FakeTimers } from './fake-timers';

interface Harness {
  platform: DemoPlatform;
  timers: FakeTimers;
  send(method: string, path: string, options?: { token?: string; json?: unknown; body?: DemoRequest['body'] }): Promise<DemoResponse>;
  login(username?: string): Promise<string>;
}

// The simulated query takes `serviceTimeMs` on the fake clock; tests move the clock to let it finish.
function harness(overrides: Partial<DemoTargetOptions> = {}): Harness {
  const timers = createFakeTimers();
  const options = resolveDemoTargetOptions({ serviceJitterMs: 0, ...overrides });
  const platform = createDemoPlatform(options, {
    timers,
    sleep: (ms) => new Promise((resolve) => timers.setTimeout(resolve, ms)),
    random: () => 0.5,
    wallClock: () => Date.UTC(2026, 0, 22),
    tokens: createTokenIssuer(Buffer.alloc(32, 7)),
  });
  const send: Harness['send'] = async (method, path, options = {}) => {
    const url = new URL(path, 'http://x');
    const body: DemoRequest['body'] = options.body ?? (options.json === undefined ? { kind: 'none' } : { kind: 'json', value: options.json });
    const pending = platform.handle({ method, pathname: url.pathname, query: url.searchParams, body, ...(options.token === undefined ? {} : { authorization: `Bearer ${options.token}` }) });
    let settled: DemoResponse | undefined;
    void pending.then((response) => (settled = response));
    for (let i = 0; i < 100 && settled === undefined; i += 1) {
      await flushPromises();
      if (settled === undefined) timers.advance(10);
    }
    return pending;
  };
  const login = async (username = 'alice'): Promise<string> => {
    const response = await send('POST', '/api/auth/login', { json: { username, password: 'demo' } });
    const body = response.body;
    if (typeof body !== 'object' || body === null || !('access' in body) || typeof body.access !== 'string') throw new Error(`login failed: ${JSON.stringify(body)}`);
    return body.access;
  };
  return { platform, timers, send, login };
}

describe('demo platform: auth and login throttling', () => {
  it('logs in with the configured password and refuses a wrong one', async () => {
    const { send } = harness();
    expect(await send('POST', '/api/auth/login', { json: { username: 'alice', password: 'demo' } })).toMatchObject({ status: 200, body: { tokenType: 'Bearer', username: 'alice' } });
    expect(await send('POST', '/api/auth/login', { json: { username: 'bob', password: 'nope' } })).toMatchObject({ status: 401 });
    expect(await send('POST', '/api/auth/login', { json: { username: 'bob' } })).toMatchObject({ status: 400 });
    expect(await send('POST', '/api/auth/login', { body: { kind: 'invalid', reason: 'bad json' } })).toMatchObject({ status: 400 });
  });

  it('requires a valid bearer token everywhere but login, health and stats', async () => {
    const { send, login } = harness();
    expect(await send('GET', '/healthz')).toMatchObject({ status: 200, body: { status: 'ok' } });
    expect(await send('GET', '/api/_stats')).toMatchObject({ status: 200 });
    const missing = await send('GET', '/api/planes');
    expect(missing).toMatchObject({ status: 401, headers: { 'WWW-Authenticate': 'Bearer' } });
    expect(await send('GET', '/api/planes', { token: 'forged.token' })).toMatchObject({ status: 401, body: { error: 'invalid bearer token' } });
    const token = await login();
    expect(await send('GET', '/api/planes', { token })).toMatchObject({ status: 200 });
  });

  it('answers 429 with Retry-After past the overall login rate', async () => {
    const { send } = harness({ loginRatePerSecond: 2, loginBurst: 2 });
    const statuses: number[] = [];
    const retryAfter: string[] = [];
    for (let i = 0; i < 4; i += 1) {
      // Different usernames: only the overall bucket can refuse these.
      const response = await send('POST', '/api/auth/login', { json: { username: `user-${i}`, password: 'demo' } });
      statuses.push(response.status);
      if (response.headers?.['Retry-After'] !== undefined) retryAfter.push(response.headers['Retry-After']);
    }
    expect(statuses).toEqual([200, 200, 429, 429]);
    expect(retryAfter).toEqual(['1', '1']);
  });

  it('throttles one username that logs in on every round, but not users who log in once', async () => {
    const { send, timers, platform } = harness();
    const rounds: number[] = [];
    for (let round = 0; round < 6; round += 1) {
      rounds.push((await send('POST', '/api/auth/login', { json: { username: 'reviewer', password: 'demo' } })).status);
      timers.advance(3000);
    }
    // 6 a minute with 2 at once: logins every 3 s pass twice, then mostly fail.
    expect(rounds.slice(0, 2)).toEqual([200, 200]);
    expect(rounds.filter((s) => s === 429).length).toBeGreaterThanOrEqual(3);
    for (let user = 0; user < 50; user += 1) expect((await send('POST', '/api/auth/login', { json: { username: `once-${user}`, password: 'demo' } })).status).toBe(200);
    expect(platform.stats().logins.throttled).toBe(rounds.filter((s) => s === 429).length);
  });
});

describe('demo platform: data endpoints', () => {
  it('creates, reads and lists deployments', async () => {
    const { send, login } = harness();
    const token = await login();
    const created = await send('POST', '/api/deployments', { token, json: { app: 'app-7', version: '1.1.0', ring: 'canary' } });
    expect(created).toMatchObject({ status: 201, body: { id: 1, app: 'app-7', ring: 'canary', createdBy: 'alice' }, headers: { Location: '/api/deployments/1' } });
    expect(await send('GET', '/api/deployments/1', { token })).toMatchObject({ status: 200, body: { version: '1.1.0' } });
    expect(await send('GET', '/api/deployments/2', { token })).toMatchObject({ status: 404 });
    expect(await send('GET', '/api/deployments/abc', { token })).toMatchObject({ status: 404 });
    expect(await send('GET', '/api/deployments?limit=5', { token })).toMatchObject({ status: 200, body: { count: 1, total: 1 } });
    expect(await send('GET', '/api/deployments?limit=500', { token })).toMatchObject({ status: 400 });
    expect(await send('POST', '/api/deployments', { token, json: { app: 'x', version: '1', ring: 'moon' } })).toMatchObject({ status: 400, body: { field: 'ring' } });
    expect(await send('POST', '/api/deployments', { token, body: { kind: 'invalid', reason: 'request body is not valid JSON' } })).toMatchObject({ status: 400 });
  });

  it('lists pending CAB changes and approves or rejects each once', async () => {
    const { send, login } = harness({ pendingChanges: 3 });
    const token = await login();
    const pending = await send('GET', '/api/cab/pending', { token });
    expect(pending).toMatchObject({ status: 200, body: { count: 3, total: 3, ids: [1001, 1002, 1003] } });
    expect(await send('POST', '/api/cab/1002/approve', { token })).toMatchObject({ status: 200, body: { decision: 'approved' } });
    expect(await send('POST', '/api/cab/1002/reject', { token })).toMatchObject({ status: 409 });
    expect(await send('POST', '/api/cab/1003/reject', { token })).toMatchObject({ status: 200, body: { decision: 'rejected' } });
    expect(await send('POST', '/api/cab/77/approve', { token })).toMatchObject({ status: 404 });
    expect(await send('GET', '/api/cab/pending?limit=2', { token })).toMatchObject({ body: { count: 2, total: 3, ids: [1001, 1004] } });
    const shuffled = await send('GET', '/api/cab/pending?order=random', { token });
    expect(shuffled).toMatchObject({ status: 200, body: { total: 3 } });
    expect(await send('GET', '/api/cab/pending?order=newest', { token })).toMatchObject({ status: 400 });
  });

  it('lists five planes and publishes to their connectors', async () => {
    const { send, login } = harness();
    const token = await login();
    expect(await send('GET', '/api/planes', { token })).toMatchObject({ status: 200, body: { count: 5 } });
    expect(await send('POST', '/api/planes/intune/connectors/patches/publish', { token, json: { package: 'p' } })).toMatchObject({ status: 202, body: { plane: 'intune', status: 'queued' } });
    expect(await send('POST', '/api/planes/nowhere/connectors/apps/publish', { token })).toMatchObject({ status: 404 });
    expect(await send('POST', '/api/planes/jamf/connectors/fax/publish', { token })).toMatchObject({ status: 404 });
  });

  it('answers unknown paths with 404 and wrong methods with 405', async () => {
    const { send } = harness();
    expect(await send('GET', '/nope')).toMatchObject({ status: 404 });
    expect(await send('PUT', '/api/deployments')).toMatchObject({ status: 405, headers: { Allow: 'POST, GET' } });
  });
});

describe('demo platform: database pool', () => {
  it('holds a connection for the service time on data requests only', async () => {
    const { platform, timers, login } = harness({ poolSize: 1, serviceTimeMs: 50 });
    const token = await login();
    const url = new URL('http://x/api/planes');
    const request: DemoRequest = { method: 'GET', pathname: url.pathname, query: url.searchParams, body: { kind: 'none' }, authorization: `Bearer ${token}` };
    let done = false;
    void platform.handle(request).then(() => (done = true));
    await flushPromises();
    expect(platform.stats().pool).toMatchObject({ inUse: 1, capacityPerSecond: 20 });
    timers.advance(49);
    await flushPromises();
    expect(done).toBe(false);
    timers.advance(1);
    await flushPromises();
    expect(done).toBe(true);
    expect(platform.stats().pool.inUse).toBe(0);
  });

  it('queues a burst beyond the pool, then fails the oldest waiters with 503 database pool timeout', async () => {
    const { platform, timers, login } = harness({ poolSize: 2, serviceTimeMs: 50, queueTimeoutMs: 120 });
    const token = await login();
    const url = new URL('http://x/api/deployments');
    const responses: DemoResponse[] = [];
    for (let i = 0; i < 10; i += 1) {
      void platform
        .handle({ method: 'POST', pathname: url.pathname, query: url.searchParams, authorization: `Bearer ${token}`, body: { kind: 'json', value: { app: 'a', version: '1', ring: 'pilot' } } })
        .then((response) => responses.push(response));
    }
    await flushPromises();
    expect(platform.stats().pool).toMatchObject({ inUse: 2, waiting: 8 });
    for (let t = 0; t < 300; t += 10) {
      timers.advance(10);
      await flushPromises();
    }
    // 2 connections x 50 ms: 2 served at once, 2 more after 50 ms, 2 more after 100 ms; the rest wait 120 ms and fail.
    expect(responses.filter((r) => r.status === 201)).toHaveLength(6);
    const timedOut = responses.filter((r) => r.status === 503);
    expect(timedOut).toHaveLength(4);
    expect(timedOut[0]?.body).toEqual({ error: 'database pool timeout', waitedMs: 120 });
    expect(platform.stats()).toMatchObject({ pool: { timedOut: 4, maxWaiting: 8 }, requests: { byStatus: { '201': 6, '503': 4 } } });
  });

  it('does not make logins, health checks or refused requests wait for the pool', async () => {
    const { platform, send } = harness({ poolSize: 1, serviceTimeMs: 1000, queueTimeoutMs: 5000 });
    const token = await send('POST', '/api/auth/login', { json: { username: 'a', password: 'demo' } });
    expect(token.status).toBe(200);
    expect((await send('GET', '/healthz')).status).toBe(200);
    expect((await send('GET', '/api/planes')).status).toBe(401);
    expect(platform.stats().pool.acquired).toBe(0);
  });

  it('reports pool use and request counts in stats', async () => {
    const { platform, send, login } = harness();
    const token = await login();
    await send('GET', '/api/planes', { token });
    expect(platform.stats()).toMatchObject({
      pool: { size: 20, inUse: 0, waiting: 0, acquired: 1, serviceTimeMs: 50, queueTimeoutMs: 2000, capacityPerSecond: 400 },
      requests: { total: 2, byStatus: { '200': 2 }, byRoute: { login: 1, listPlanes: 1 } },
      logins: { accepted: 1, throttled: 0, refused: 0 },
      cab: { pending: 100, decided: 0 },
    });
  });
});
