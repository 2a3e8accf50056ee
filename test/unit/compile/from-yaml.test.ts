// The loader's output compiles as the language guide promises: YAML text → Scenario → k6 options and plan.

import { describe, expect, it } from 'vitest';
import { compileScenario } from '../../../src/core/compile/compile';
import { loadScenario } from '../../../src/core/scenario/load';

const YAML = `
scenario: Checkout
target: \${env:TARGET_URL:-http://127.0.0.1:9}
headers: { Accept: application/json }
groups:
  - name: Browsers
    load: { users: 20, spawnRate: 10/s, duration: 1m }
    thinkTime: 1s..2s
    onStart:
      - name: login
        POST: /login
        json: { user: "u-{{ user }}" }
        expect: { status: 200 }
        capture: { token: $.access }
    requests:
      - name: 'view "cart": {all}'
        weight: 3
        GET: /cart
        headers: { Authorization: "Bearer {{ token }}" }
      - flow: pay
        steps:
          - { name: start payment, POST: /pay, capture: { payId: $.id } }
          - { name: confirm, POST: "/pay/{{ payId }}/confirm", expect: { status: [200, 409] } }
  - name: Bots
    load: { rate: 30/m, duration: 1m, maxUsers: 5 }
    requests:
      - { name: robots, GET: /robots.txt }
targets:
  p95: < 500ms
  success: ">= 99%"
  requests:
    'view "cart": {all}': { p99: { threshold: < 800ms, abort: true, abortAfter: 10s } }
`;

describe('YAML → compiled test', () => {
  const loaded = loadScenario(YAML, '/virtual/checkout.scenario.yaml', { env: {} });

  it('loads without errors', () => {
    expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(loaded.scenario).toBeDefined();
  });

  it('compiles groups, targets and requests', () => {
    if (!loaded.scenario) throw new Error('not loaded');
    const compiled = compileScenario(loaded.scenario);
    expect(compiled.options.scenarios.g0).toMatchObject({ executor: 'ramping-vus', stages: [{ duration: '2s', target: 20 }, { duration: '58s', target: 20 }] });
    expect(compiled.options.scenarios.g1).toMatchObject({ executor: 'ramping-arrival-rate', timeUnit: '1m', maxVUs: 5 });
    expect(compiled.plan.groups.map((g) => g.name)).toEqual(['Browsers', 'Bots']);
    expect(compiled.targets).toEqual([
      { index: 0, metricKey: 'http_req_duration', k6Expression: 'p(95)<500' },
      { index: 1, metricKey: 'http_req_failed', k6Expression: 'rate<=0.01' },
      { index: 2, metricKey: 'http_req_duration{rid:r1}', k6Expression: 'p(99)<800' },
    ]);
    expect(compiled.options.thresholds['http_req_duration{rid:r1}']).toEqual([
      { threshold: 'p(99)<800', abortOnFail: true, delayAbortEval: '10s' },
      'max>=0',
    ]);
    const confirm = compiled.plan.groups[0]?.mix[1];
    expect(confirm?.kind === 'flow' && confirm.steps[1]).toMatchObject({ id: 'r3', expectedStatuses: [200, 409] });
  });

  it('overrides shrink the whole run for a smoke test', () => {
    if (!loaded.scenario) throw new Error('not loaded');
    const { options } = compileScenario(loaded.scenario, { users: 3, durationSeconds: 6 });
    expect(options.scenarios.g0).toMatchObject({ stages: [{ duration: '200ms', target: 2 }, { duration: '5800ms', target: 2 }] });
    expect(options.scenarios.g1).toMatchObject({ maxVUs: 1, stages: [{ duration: '6s' }] });
  });
});
