// The demo target over real sockets (127.0.0.1, port 0), with plain Node HTTP requests.
import { request as httpRequest } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { runDemoTargetCli } from '../../../src/demo-target/main';
import { startDemoTarget, type DemoTarget } from '../../../src/demo-target/server';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
  elapsedMs: number;
}

function call(base: string, method: string, path: string, options: { token?: string; json?: unknown; raw?: string } = {}): Promise<Reply> {
  const started = performance.now();
  const payload = options.raw ?? (options.json === undefined ? undefined : JSON.stringify(options.json));
  return new Promise((resolve, reject) => {
    const req = httpRequest(new URL(path, base), { method, timeout: 10_000, headers: { ...(payload === undefined ? {} : { 'Content-Type': 'application/json' }), ...(options.token === undefined ? {} : { Authorization: `Bearer ${options.token}` }) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let body: unknown = text;
        try {
          body = JSON.parse(text);
        } catch {
          // Not JSON: keep the text.
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body, elapsedMs: performance.now() - started });
      });
    });
    req.on('timeout', () => req.destroy(new Error(`${method} ${path} timed out`)));
    req.on('error', reject);
    req.end(payload);
  });
}

function field(body: unknown, name: string): unknown {
  return typeof body === 'object' && body !== null ? (Reflect.get(body, name) as unknown) : undefined;
}

const started: DemoTarget[] = [];
async function start(options: Parameters<typeof startDemoTarget>[0] = {}): Promise<DemoTarget> {
  const target = await startDemoTarget({ port: 0, ...options });
  started.push(target);
  return target;
}

afterEach(async () => {
  await Promise.all(started.splice(0).map((target) => target.close()));
});

async function login(base: string, username = 'tester'): Promise<string> {
  const reply = await call(base, 'POST', '/api/auth/login', { json: { username, password: 'demo' } });
  const token = field(reply.body, 'access');
  if (reply.status !== 200 || typeof token !== 'string') throw new Error(`login failed: ${reply.status}`);
  return token;
}

describe('demo target over HTTP', () => {
  it('listens on 127.0.0.1 and serves the platform endpoints', async () => {
    const target = await start({ serviceTimeMs: 2, serviceJitterMs: 1 });
    expect(target.url).toBe(`http://127.0.0.1:${target.port}`);
    expect((await call(target.url, 'GET', '/healthz')).body).toEqual({ status: 'ok' });
    expect((await call(target.url, 'GET', '/api/deployments/1')).status).toBe(401);

    const token = await login(target.url);
    const created = await call(target.url, 'POST', '/api/deployments', { token, json: { app: 'app-1', version: '1.0.0', ring: 'pilot' } });
    expect(created.status).toBe(201);
    expect(created.headers['content-type']).toMatch(/application\/json/);
    const id = field(created.body, 'id');
    expect((await call(target.url, 'GET', `/api/deployments/${String(id)}`, { token })).status).toBe(200);
    expect((await call(target.url, 'GET', '/api/deployments/999', { token })).status).toBe(404);
    expect(field((await call(target.url, 'GET', '/api/deployments?limit=10', { token })).body, 'count')).toBe(1);

    const pending = await call(target.url, 'GET', '/api/cab/pending?order=random&limit=5', { token });
    const ids = field(pending.body, 'ids');
    expect(Array.isArray(ids) && ids.length === 5).toBe(true);
    const changeId = Array.isArray(ids) ? String(ids[0]) : '';
    expect((await call(target.url, 'POST', `/api/cab/${changeId}/approve`, { token })).status).toBe(200);
    expect((await call(target.url, 'POST', `/api/cab/${changeId}/reject`, { token })).status).toBe(409);
    expect((await call(target.url, 'POST', '/api/cab/1/approve', { token })).status).toBe(404);

    expect(field((await call(target.url, 'GET', '/api/planes', { token })).body, 'count')).toBe(5);
    expect((await call(target.url, 'POST', '/api/planes/ansible/connectors/scripts/publish', { token, json: {} })).status).toBe(202);
    expect((await call(target.url, 'POST', '/api/planes/mars/connectors/apps/publish', { token })).status).toBe(404);

    expect((await call(target.url, 'POST', '/api/deployments', { token, raw: '{not json' })).status).toBe(400);
    expect((await call(target.url, 'POST', '/api/deployments', { token, raw: 'x'.repeat(70_000) })).status).toBe(413);

    const stats = await call(target.url, 'GET', '/api/_stats');
    expect(stats.body).toMatchObject({ pool: { size: 20, inUse: 0, waiting: 0, capacityPerSecond: 10_000 }, logins: { accepted: 1 } });
  });

  it('answers 429 with Retry-After once logins exceed the rate', async () => {
    const target = await start({ loginRatePerSecond: 1, loginBurst: 3 });
    const replies = await Promise.all(Array.from({ length: 6 }, (_, i) => call(target.url, 'POST', '/api/auth/login', { json: { username: `user-${i}`, password: 'demo' } })));
    const throttled = replies.filter((r) => r.status === 429);
    expect(replies.filter((r) => r.status === 200)).toHaveLength(3);
    expect(throttled).toHaveLength(3);
    for (const reply of throttled) {
      expect(reply.headers['retry-after']).toBe('1');
      expect(field(reply.body, 'error')).toBe('too many login attempts');
    }
  });

  it('queues a burst beyond the pool, then answers 503 database pool timeout', async () => {
    // Capacity 2 / 50 ms = 40 requests/s; 24 at once cannot all be served within the 150 ms queue timeout.
    const target = await start({ poolSize: 2, serviceTimeMs: 50, serviceJitterMs: 0, queueTimeoutMs: 150 });
    const token = await login(target.url);
    const burst = await Promise.all(Array.from({ length: 24 }, () => call(target.url, 'POST', '/api/deployments', { token, json: { app: 'a', version: '1', ring: 'broad' } })));
    const served = burst.filter((r) => r.status === 201);
    const timedOut = burst.filter((r) => r.status === 503);
    expect(served.length + timedOut.length).toBe(24);
    expect(served.length).toBeGreaterThanOrEqual(4);
    expect(timedOut.length).toBeGreaterThanOrEqual(8);
    for (const reply of timedOut) {
      expect(field(reply.body, 'error')).toBe('database pool timeout');
      expect(reply.elapsedMs).toBeGreaterThanOrEqual(140);
    }
    // The served ones queued: the slowest waited for earlier pairs to finish.
    expect(Math.max(...served.map((r) => r.elapsedMs))).toBeGreaterThanOrEqual(95);
    expect(target.stats().pool).toMatchObject({ inUse: 0, waiting: 0, timedOut: timedOut.length });
    expect(target.stats().pool.maxWaiting).toBeGreaterThanOrEqual(timedOut.length);
  });

  it('stops waiting for the pool when the client goes away', async () => {
    const target = await start({ poolSize: 1, serviceTimeMs: 300, serviceJitterMs: 0, queueTimeoutMs: 5000 });
    const token = await login(target.url);
    const holder = call(target.url, 'GET', '/api/planes', { token });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const abandoned = httpRequest(new URL('/api/planes', target.url), { headers: { Authorization: `Bearer ${token}` } });
    abandoned.on('error', () => undefined);
    abandoned.end();
    await expect.poll(() => target.stats().pool.waiting, { timeout: 2000 }).toBe(1);
    abandoned.destroy();
    await expect.poll(() => target.stats().pool.cancelled, { timeout: 2000 }).toBe(1);
    expect((await holder).status).toBe(200);
  });

  it('closes cleanly while requests are still queued', async () => {
    const target = await startDemoTarget({ port: 0, poolSize: 1, serviceTimeMs: 200, serviceJitterMs: 0 });
    const token = await login(target.url);
    const inFlight = Array.from({ length: 3 }, () => call(target.url, 'GET', '/api/planes', { token }).catch((error: unknown) => error));
    await expect.poll(() => target.stats().pool.waiting, { timeout: 2000 }).toBe(2);
    await target.close();
    await Promise.all(inFlight);
    await expect(call(target.url, 'GET', '/healthz')).rejects.toThrow();
  });
});

describe('loadscope demo-target command', () => {
  it('prints the URL and capacity, and stops when asked', async () => {
    const lines: string[] = [];
    const stop = new AbortController();
    const exit = runDemoTargetCli(['--port', '0', '--pool', '4', '--service-time', '10'], {
      out: (line) => {
        lines.push(line);
        if (line.startsWith('Press Ctrl+C')) stop.abort();
      },
      err: (line) => lines.push(`ERR ${line}`),
      stop: stop.signal,
    });
    expect(await exit).toBe(0);
    expect(lines[0]).toMatch(/^Demo target listening on http:\/\/127\.0\.0\.1:\d+$/);
    expect(lines.join('\n')).toContain('4 connections x 10 ms (±10) = 400 requests/s');
    expect(lines.at(-1)).toBe('Demo target stopped.');
  });

  it('explains a busy port and suggests --port 0', async () => {
    const busy = await start();
    const errors: string[] = [];
    const code = await runDemoTargetCli(['--port', String(busy.port)], { out: () => undefined, err: (line) => errors.push(line) });
    expect(code).toBe(1);
    expect(errors.join('\n')).toMatch(/port \d+ on 127\.0\.0\.1 is already in use.*--port 0/);
  });

  it('refuses bad flags with exit code 2', async () => {
    const errors: string[] = [];
    const io = { out: () => undefined, err: (line: string) => errors.push(line) };
    expect(await runDemoTargetCli(['--pool', 'many'], io)).toBe(2);
    expect(await runDemoTargetCli(['--pool', '0'], io)).toBe(2);
    expect(errors).toHaveLength(2);
  });
});
