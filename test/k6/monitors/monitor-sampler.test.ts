// MonitorSampler against real endpoints on 127.0.0.1: a small server this test starts (changing gauges and a
// counter), a port nobody listens on, this process, and the demo target's /metrics under load.
import { createServer, request as httpRequest, type Server } from 'node:http';
import { once } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { MonitorSampler } from '../../../src/core/monitors/monitor-sampler';
import { resolveMonitors, type ResolvedMonitor } from '../../../src/core/monitors/resolve-monitors';
import type { MonitorSeries } from '../../../src/core/results';
import type { Monitor, Template } from '../../../src/core/scenario/model';
import { startDemoTarget, type DemoTarget } from '../../../src/demo-target/server';

const text = (value: string): Template => [{ kind: 'text', text: value }];

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function listen(server: Server): Promise<number> {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  cleanups.push(() => new Promise((resolve) => server.close(() => resolve())));
  return portOf(server);
}

function portOf(server: Server): number {
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the server has no TCP port');
  return address.port;
}

/** A port that refuses connections: opened by this test, then closed. */
async function closedPort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const port = portOf(server);
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function resolved(monitors: Monitor[], target?: string): ResolvedMonitor[] {
  const result = resolveMonitors(monitors, target, {});
  expect(result.problems).toEqual([]);
  return result.monitors;
}

async function waitFor(condition: () => boolean, what: string, timeoutMs = 8000): Promise<void> {
  const started = performance.now();
  while (!condition()) {
    if (performance.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

function seriesOf(list: readonly MonitorSeries[], key: string): MonitorSeries {
  const found = list.find((s) => s.key === key);
  if (found === undefined) throw new Error(`no series ${key} in ${list.map((s) => s.key).join(', ')}`);
  return found;
}

describe('MonitorSampler', () => {
  it('reads gauges, turns a counter into a rate, reads capacity by selector, and reports an endpoint that refuses', async () => {
    let scrapes = 0;
    const startedAt = Date.now();
    const server = createServer((_request, response) => {
      scrapes += 1;
      const elapsed = (Date.now() - startedAt) / 1000;
      // The counter grows at 100/s in total, split over two labels; it is declared without `_total`.
      const body = [
        '# TYPE test_in_use gauge',
        `test_in_use ${scrapes}`,
        '# TYPE test_max gauge',
        'test_max 10',
        '# TYPE test_jobs counter',
        `test_jobs{kind="a"} ${(60 * elapsed).toFixed(3)}`,
        `test_jobs{kind="b"} ${(40 * elapsed).toFixed(3)}`,
        'junk line here',
      ].join('\n');
      response.writeHead(200, { 'Content-Type': 'text/plain; version=0.0.4' });
      response.end(body);
    });
    const port = await listen(server);
    const refused = await closedPort();

    const monitors = resolved([
      {
        kind: 'prometheus',
        name: 'app',
        url: text('/metrics'),
        series: [
          { selector: 'test_in_use', label: 'in use', capacity: 'test_max' },
          { selector: 'test_jobs', label: 'jobs' },
          { selector: 'test_absent', label: 'absent' },
        ],
      },
      { kind: 'prometheus', name: 'down', url: text(`http://127.0.0.1:${refused}/metrics`), series: [{ selector: 'up', label: 'up', capacity: 1 }] },
      { kind: 'process', name: 'self', pid: text(String(process.pid)) },
    ], `http://127.0.0.1:${port}/`);
    const problems: string[] = [];
    const changes: MonitorSeries[][] = [];
    const sampler = new MonitorSampler(monitors, { onProblem: (message) => problems.push(message), onSeriesChange: (series) => changes.push(series) });
    cleanups.push(() => sampler.stop());
    const initial = sampler.series();
    expect(initial.map((s) => [s.key, s.unit, s.capacity])).toEqual([
      ['app: in use', 'count', null],
      ['app: jobs', 'count', null],
      ['app: absent', 'count', null],
      ['down: up', 'count', 1],
      ['self: CPU', 'cpu-percent', null],
      ['self: memory', 'bytes', null],
    ]);

    sampler.start();
    await waitFor(() => scrapes >= 4, 'four scrapes');
    await sampler.stop();

    const series = sampler.series();
    // The endpoint declares test_jobs a counter: once read, it is a rate per second, and listeners hear of it.
    expect(seriesOf(series, 'app: jobs').unit).toBe('per-second');
    expect(seriesOf(series, 'app: in use').capacity).toBe(10);
    expect(changes.length).toBeGreaterThanOrEqual(1);
    expect(seriesOf(changes[0] ?? [], 'app: in use').capacity).toBe(10);

    const inUse = seriesOf(series, 'app: in use');
    expect(inUse.samples).toBeGreaterThanOrEqual(4);
    expect(inUse.problem).toBeUndefined();
    expect(inUse.min).toBe(1);

    const jobs = seriesOf(series, 'app: jobs');
    expect(jobs.samples).toBeGreaterThanOrEqual(3);
    expect(jobs.avg).toBeGreaterThan(70);
    expect(jobs.avg).toBeLessThan(130);

    // Each reading is stamped with its own unix second: consecutive seconds hold consecutive gauge values.
    const firstSecond = Math.floor(startedAt / 1000);
    const timeline = Array.from({ length: 12 }, (_, i) => sampler.readingsAt(firstSecond + i));
    const gauges = timeline.map((r) => r['app: in use']).filter((v): v is number => typeof v === 'number');
    expect(gauges.slice(0, 4)).toEqual([1, 2, 3, 4]);
    const withRate = timeline.find((r) => typeof r['app: jobs'] === 'number');
    expect(withRate).toBeDefined();
    expect(Object.keys(withRate ?? {})).toEqual(['app: in use', 'app: jobs', 'app: absent', 'down: up', 'self: CPU', 'self: memory']);
    expect(withRate?.['down: up']).toBeNull();
    expect(withRate?.['app: absent']).toBeNull();

    const down = seriesOf(series, 'down: up');
    expect(down.samples).toBe(0);
    expect(down.problem).toMatch(new RegExp(`^no reading for [4-9] of [4-9] seconds: connect ECONNREFUSED 127\\.0\\.0\\.1:${refused}$`));
    expect(seriesOf(series, 'app: absent').problem).toMatch(/^no reading for \d of \d seconds: no series matches test_absent$/);

    // Once per monitor per distinct problem, however many seconds it lasted.
    expect(problems).toHaveLength(2);
    expect(problems).toContain(`monitor "down": connect ECONNREFUSED 127.0.0.1:${refused} (http://127.0.0.1:${refused}/metrics)`);
    expect(problems).toContain(`monitor "app": no series matches test_absent at http://127.0.0.1:${port}/metrics`);

    const memory = seriesOf(series, 'self: memory');
    expect(memory.samples).toBeGreaterThanOrEqual(4);
    expect(memory.min).toBeGreaterThan(1024 * 1024);
    const cpu = seriesOf(series, 'self: CPU');
    expect(cpu.samples).toBeGreaterThanOrEqual(3);
    expect(cpu.max).toBeGreaterThanOrEqual(0);
  });

  it('stops: no reading after stop, and a scrape in flight is waited for', async () => {
    let scrapes = 0;
    const server = createServer((_request, response) => {
      scrapes += 1;
      // Answer slowly, so that stop finds a scrape in flight.
      setTimeout(() => response.end(`slow ${scrapes}\n`), 150);
    });
    const port = await listen(server);
    const sampler = new MonitorSampler(resolved([{ kind: 'prometheus', name: 'slow', url: text(`http://127.0.0.1:${port}/metrics`), series: [{ selector: 'slow', label: 'slow' }] }]), { intervalMs: 200, timeoutMs: 500 });
    sampler.start();
    sampler.start();
    await waitFor(() => scrapes >= 3, 'three scrapes');
    await sampler.stop();
    const after = scrapes;
    // The scrape in flight at stop was awaited, so the latest value the server gave is in.
    expect(sampler.series()[0]?.max).toBe(after);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(scrapes).toBe(after);
    sampler.start();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(scrapes).toBe(after);
  });

  it('sees the demo target pool fill to its capacity while requests queue', async () => {
    const target: DemoTarget = await startDemoTarget({ port: 0, poolSize: 2, serviceTimeMs: 700, serviceJitterMs: 0, queueTimeoutMs: 3000 });
    cleanups.push(() => target.close());
    const contentType = await new Promise<string | undefined>((resolve, reject) => {
      httpRequest(`${target.url}/metrics`, (response) => {
        response.resume();
        resolve(response.headers['content-type']);
      })
        .on('error', reject)
        .end();
    });
    expect(contentType).toBe('text/plain; version=0.0.4; charset=utf-8');

    const sampler = new MonitorSampler(
      resolved(
        [
          {
            kind: 'prometheus',
            name: 'demo',
            url: text('/metrics'),
            series: [
              { selector: 'demo_pool_connections_in_use', label: 'pool in use', capacity: 'demo_pool_connections_max' },
              { selector: 'demo_pool_waiting_requests', label: 'waiting' },
            ],
          },
        ],
        target.url,
      ),
      { intervalMs: 200 },
    );
    cleanups.push(() => sampler.stop());

    const login = await post(target.url, '/api/auth/login', undefined, { username: 'watcher', password: 'demo' });
    const token = typeof login === 'object' && login !== null && 'access' in login && typeof login.access === 'string' ? login.access : undefined;
    expect(token).toBeDefined();
    const inFlight = Array.from({ length: 5 }, () => post(target.url, '/api/deployments', token, { app: 'a', version: '1', ring: 'broad' }));
    sampler.start();
    await waitFor(() => (sampler.series()[1]?.max ?? 0) >= 2, 'a reading with requests waiting');
    const series = sampler.series();
    expect(series[0]).toMatchObject({ key: 'demo: pool in use', capacity: 2, max: 2 });
    expect(series[1]?.max).toBeGreaterThanOrEqual(2);
    await sampler.stop();
    await Promise.all(inFlight);
  });
});

function post(base: string, path: string, token: string | undefined, body: unknown): Promise<unknown> {
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${base}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...(token === undefined ? {} : { Authorization: `Bearer ${token}` }) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        try {
          resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      });
    });
    req.on('error', reject);
    req.end(payload);
  });
}
