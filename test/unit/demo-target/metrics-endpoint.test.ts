// GET /metrics of the demo platform, driven by a hand-moved clock and read back with the monitors' own parser.
import { describe, expect, it } from 'vitest';
import { parsePrometheusText, type ParsedExposition } from '../../../src/core/monitors/prometheus-text';
import { parseSeriesSelector, readSeries } from '../../../src/core/monitors/series-selector';
import { createDemoPlatform, type DemoResponse } from '../../../src/demo-target/demo-platform';
import { renderExposition } from '../../../src/demo-target/metrics-exposition';
import { resolveDemoTargetOptions, type DemoTargetOptions } from '../../../src/demo-target/options';
import { matchRoute, routePattern } from '../../../src/demo-target/routes';
import { createTokenIssuer } from '../../../src/demo-target/tokens';
import { createFakeTimers, flushPromises, type FakeTimers } from './fake-timers';

function platformWith(overrides: Partial<DemoTargetOptions>) {
  const timers = createFakeTimers();
  const platform = createDemoPlatform(resolveDemoTargetOptions({ serviceJitterMs: 0, ...overrides }), {
    timers,
    sleep: (ms) => new Promise((resolve) => timers.setTimeout(resolve, ms)),
    random: () => 0.5,
    wallClock: () => Date.UTC(2026, 0, 22),
    tokens: createTokenIssuer(Buffer.alloc(32, 7)),
    processUsage: () => ({ cpuSeconds: 1.25, rssBytes: 50_000_000, heapUsedBytes: 20_000_000 }),
  });
  const request = (method: string, path: string, options: { token?: string; json?: unknown } = {}): Promise<DemoResponse> => {
    const url = new URL(path, 'http://x');
    return platform.handle({
      method,
      pathname: url.pathname,
      query: url.searchParams,
      body: options.json === undefined ? { kind: 'none' } : { kind: 'json', value: options.json },
      ...(options.token === undefined ? {} : { authorization: `Bearer ${options.token}` }),
    });
  };
  const scrape = async (): Promise<ParsedExposition & { response: DemoResponse }> => {
    const response = await request('GET', '/metrics');
    return { ...parsePrometheusText(response.text ?? ''), response };
  };
  return { platform, timers, request, scrape };
}

// A granted connection starts its simulated query in a later microtask: move the clock in steps.
async function advanceUntilSettled<T>(timers: FakeTimers, pending: readonly Promise<T>[]): Promise<T[]> {
  let settled = false;
  const all = Promise.all(pending).finally(() => (settled = true));
  for (let i = 0; i < 200 && !settled; i += 1) {
    await flushPromises();
    if (!settled) timers.advance(10);
  }
  return all;
}

function read(exposition: ParsedExposition, selector: string): number | undefined {
  const parsed = parseSeriesSelector(selector);
  if (!parsed.ok) throw new Error(parsed.message);
  return readSeries(parsed.selector, exposition);
}

describe('demo target GET /metrics', () => {
  it('answers Prometheus text without a token, and shows the pool filling and draining while requests are in flight', async () => {
    const { timers, request, scrape } = platformWith({ poolSize: 2, serviceTimeMs: 50, queueTimeoutMs: 1000 });
    const first = await scrape();
    expect(first.response).toMatchObject({ status: 200, headers: { 'Content-Type': 'text/plain; version=0.0.4; charset=utf-8' } });
    expect(first.skippedLines).toBe(0);
    expect(read(first, 'demo_pool_connections_max')).toBe(2);
    expect(read(first, 'demo_pool_connections_in_use')).toBe(0);

    const login = await request('POST', '/api/auth/login', { json: { username: 'alice', password: 'demo' } });
    const body = login.body;
    const token = typeof body === 'object' && body !== null && 'access' in body && typeof body.access === 'string' ? body.access : '';
    const inFlight = Array.from({ length: 5 }, () => request('POST', '/api/deployments', { token, json: { app: 'a', version: '1', ring: 'broad' } }));
    await flushPromises();

    const busy = await scrape();
    expect(read(busy, 'demo_pool_connections_in_use')).toBe(2);
    expect(read(busy, 'demo_pool_waiting_requests')).toBe(3);

    timers.advance(50);
    await flushPromises();
    const draining = await scrape();
    expect(read(draining, 'demo_pool_connections_in_use')).toBe(2);
    expect(read(draining, 'demo_pool_waiting_requests')).toBe(1);

    await advanceUntilSettled(timers, inFlight);
    const idle = await scrape();
    expect(read(idle, 'demo_pool_connections_in_use')).toBe(0);
    expect(read(idle, 'demo_pool_waiting_requests')).toBe(0);
    expect(read(idle, 'demo_pool_acquired_total')).toBe(5);
    expect(read(idle, 'demo_http_requests_total{route="/api/deployments", method="POST", status="201"}')).toBe(5);
    // A request is counted once answered: the scrape in hand is not in its own numbers yet.
    expect(read(idle, 'demo_http_requests_total{route="/metrics"}')).toBe(3);
    expect(read(idle, 'process_cpu_seconds_total')).toBe(1.25);
    expect(read(idle, 'process_resident_memory_bytes')).toBe(50_000_000);
    expect(read(idle, 'nodejs_heap_used_bytes')).toBe(20_000_000);
    expect(Object.fromEntries(idle.types)).toMatchObject({
      demo_pool_connections_in_use: 'gauge',
      demo_pool_connections_max: 'gauge',
      demo_pool_waiting_requests: 'gauge',
      demo_pool_timeouts_total: 'counter',
      demo_login_rate_limited_total: 'counter',
      demo_http_requests_total: 'counter',
      process_cpu_seconds_total: 'counter',
      process_resident_memory_bytes: 'gauge',
      nodejs_heap_used_bytes: 'gauge',
    });
  });

  it('counts pool timeouts and throttled logins, with route patterns rather than raw paths as labels', async () => {
    const { timers, request, scrape } = platformWith({ poolSize: 1, serviceTimeMs: 100, queueTimeoutMs: 30, loginBurst: 1, loginRatePerSecond: 0.001 });
    const login = await request('POST', '/api/auth/login', { json: { username: 'alice', password: 'demo' } });
    expect(login.status).toBe(200);
    expect((await request('POST', '/api/auth/login', { json: { username: 'bob', password: 'demo' } })).status).toBe(429);
    const body = login.body;
    const token = typeof body === 'object' && body !== null && 'access' in body && typeof body.access === 'string' ? body.access : '';
    const replies = [request('GET', '/api/deployments/1', { token }), request('GET', '/api/deployments/2', { token }), request('GET', '/api/deployments/3', { token })];
    expect((await advanceUntilSettled(timers, replies)).map((r) => r.status)).toEqual([404, 503, 503]);
    await request('GET', '/no/such/path');

    const metrics = await scrape();
    expect(read(metrics, 'demo_pool_timeouts_total')).toBe(2);
    expect(read(metrics, 'demo_login_rate_limited_total')).toBe(1);
    expect(read(metrics, 'demo_http_requests_total{route="/api/deployments/:id"}')).toBe(3);
    expect(read(metrics, 'demo_http_requests_total{route="/api/deployments/:id", status="503"}')).toBe(2);
    expect(read(metrics, 'demo_http_requests_total{route="unmatched", status="404"}')).toBe(1);
    expect(read(metrics, 'demo_http_requests_total{route="/api/auth/login", status="429"}')).toBe(1);
    expect(metrics.samples.some((s) => s.labels.route === '/api/deployments/1')).toBe(false);
  });
});

describe('routes for metrics', () => {
  it('routes GET /metrics and names each route by its pattern', () => {
    expect(matchRoute('GET', '/metrics')).toEqual({ kind: 'route', route: 'metrics', params: {} });
    expect(routePattern('getDeployment')).toBe('/api/deployments/:id');
    expect(routePattern('publishConnector')).toBe('/api/planes/:plane/connectors/:connector/publish');
  });
});

describe('renderExposition', () => {
  it('escapes help text and label values so the parser reads them back', () => {
    const text = renderExposition([
      { name: 'x', help: 'a \\ b\nc', type: 'gauge', samples: [{ labels: { path: 'C:\\d "q"\nz' }, value: NaN }, { value: Infinity }, { value: -Infinity }] },
    ]);
    expect(text).toBe('# HELP x a \\\\ b\\nc\n# TYPE x gauge\nx{path="C:\\\\d \\"q\\"\\nz"} NaN\nx +Inf\nx -Inf\n');
    const parsed = parsePrometheusText(text);
    expect(parsed.samples.map((s) => [s.labels, s.value])).toEqual([
      [{ path: 'C:\\d "q"\nz' }, NaN],
      [{}, Infinity],
      [{}, -Infinity],
    ]);
  });
});
