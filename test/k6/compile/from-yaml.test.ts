// From YAML text to a k6 run: the loader, the compiler and the runtime together, and every example
// scenario in scenarios/ compiled into options that k6 accepts.

import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileScenario } from '../../../src/core/compile/compile';
import { writeK6Test } from '../../../src/core/compile/write-test';
import { loadScenario } from '../../../src/core/scenario/load';
import { assertRuntimeBuilt, inspectK6, REPO_ROOT, runK6, startRecordingServer, tempDir, thresholdOk, type RecordingServer, type Reply } from './harness';

const dirs: string[] = [];
let server: RecordingServer | undefined;

beforeAll(() => assertRuntimeBuilt());
afterAll(async () => {
  await server?.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const YAML = `
scenario: Shop smoke
target: \${env:LS_TARGET}
headers: { X-Suite: "smoke {{ group }}" }
data:
  skus: { file: skus.csv, order: sequential }
load: { users: 5, rampUp: 5s, duration: 1m }
thinkTime: 100ms..200ms
onStart:
  - name: login
    POST: /login
    json: { user: "u-{{ user }}", secret: "\${env:LS_SECRET:-none}" }
    expect: { status: 200, jsonPath: $.access }
    capture: { token: $.access }
requests:
  - flow: 'buy "now": {fast}'
    steps:
      - name: 'add "item": {sku}'
        POST: /cart
        headers: { Authorization: "Bearer {{ token }}" }
        json: { sku: "{{ skus.sku }}", qty: "{{ randomInt(1, 1) }}" }
        expect: { status: 201 }
        capture: { cartId: { header: X-Cart } }
      - name: checkout
        POST: /cart/{{ cartId }}/checkout
        form: { note: "a&b=c" }
        expect: { status: [200, 409], bodyContains: ok }
targets:
  errors: < 1%
  requests:
    'add "item": {sku}': { p95: < 5s }
`;

describe('a scenario written in YAML', () => {
  it('runs in k6 with the requests the file describes', async () => {
    server = await startRecordingServer((r): Reply => {
      const pathname = new URL(r.url, 'http://x').pathname;
      if (pathname === '/login') return { headers: { 'Content-Type': 'application/json' }, body: '{"access":"T-1"}' };
      if (pathname === '/cart') return { status: 201, headers: { 'X-Cart': 'c42' } };
      return { status: 409, body: 'ok, already done' };
    });
    const source = tempDir('yaml-source');
    dirs.push(source);
    writeFileSync(path.join(source, 'skus.csv'), 'sku\n"A,1"\nB-2\n');
    const loaded = loadScenario(YAML, path.join(source, 'shop.scenario.yaml'), { env: {} });
    expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    if (!loaded.scenario) throw new Error('not loaded');

    const compiled = compileScenario(loaded.scenario, { users: 2, durationSeconds: 2 });
    const out = tempDir('yaml-out');
    dirs.push(out);
    writeK6Test(out, compiled);
    const run = await runK6(out, { LS_TARGET: server.baseUrl, LS_SECRET: 's3cret' });

    expect(run.exitCode, run.stderr).toBe(0);
    const requests = server.requests;
    const logins = requests.filter((r) => r.url === '/login');
    expect(logins.length).toBeGreaterThanOrEqual(1);
    expect(logins.length).toBeLessThanOrEqual(2);
    expect(JSON.parse(logins[0]?.body.toString('utf8') ?? '')).toMatchObject({ secret: 's3cret' });
    const carts = requests.filter((r) => r.url === '/cart');
    expect(carts.length).toBeGreaterThan(0);
    for (const r of carts) {
      expect(r.headers.authorization).toBe('Bearer T-1');
      expect(r.headers['x-suite']).toBe('smoke Shop smoke');
      const body = JSON.parse(r.body.toString('utf8'));
      expect(['A,1', 'B-2']).toContain(body.sku);
      expect(body.qty).toBe(1);
    }
    const checkouts = requests.filter((r) => r.url === '/cart/c42/checkout');
    expect(checkouts.length).toBeGreaterThan(0);
    expect(checkouts[0]?.body.toString('utf8')).toBe('note=a%26b%3Dc');
    for (const t of compiled.targets) expect(thresholdOk(run.summary, t.metricKey, t.k6Expression), t.metricKey).toBe(true);
  });
});

describe('the example scenarios', () => {
  const files = ['scenarios', path.join('scenarios', 'quick')].flatMap((dir) => {
    const full = path.join(REPO_ROOT, dir);
    try {
      return readdirSync(full)
        .filter((f) => f.endsWith('.scenario.yaml'))
        .map((f) => path.join(full, f));
    } catch {
      return [];
    }
  });

  it.each(files.map((f) => [path.relative(REPO_ROOT, f), f]))('%s compiles into options k6 accepts', async (_name, file) => {
    const loaded = loadScenario(readFileSync(file, 'utf8'), file);
    if (!loaded.scenario) return; // the loader's own tests report invalid examples
    const out = tempDir('example');
    dirs.push(out);
    writeK6Test(out, compileScenario(loaded.scenario));
    const inspected = await inspectK6(out);
    expect(inspected.exitCode, inspected.output).toBe(0);
  });
});
