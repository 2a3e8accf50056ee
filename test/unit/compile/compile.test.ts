import { describe, expect, it } from 'vitest';
import { compileScenario } from '../../../src/core/compile/compile';
import type { K6RampingArrivalRateScenario, K6RampingVusScenario } from '../../../src/core/compile/k6-options';
import { closed, flow, group, json, mixRequest, open, request, scenario, target, tpl, v } from './scenario-builder';

describe('compileScenario: executors', () => {
  it('turns a closed group into ramping-vus with stages and graceful times', () => {
    const s = scenario({
      groups: [
        group('Shoppers', closed(100, 0, { startUsers: 5, gracefulStopSeconds: 30, stages: [{ durationSeconds: 10, users: 100 }, { durationSeconds: 290, users: 100 }] }), [
          mixRequest(request('home', 'GET', '/')),
        ]),
      ],
    });
    const { options, plan } = compileScenario(s);
    expect(options.scenarios).toEqual({
      g0: {
        executor: 'ramping-vus',
        startVUs: 5,
        stages: [
          { duration: '10s', target: 100 },
          { duration: '290s', target: 100 },
        ],
        gracefulRampDown: '30s',
        gracefulStop: '30s',
      },
    });
    expect(plan.groups[0]).toMatchObject({ id: 'g0', name: 'Shoppers' });
  });

  it('turns an open group into ramping-arrival-rate per second', () => {
    const s = scenario({
      groups: [group('Burst', open(200, 60, 500, { preAllocatedUsers: 50, startRate: 10, gracefulStopSeconds: 5 }), [mixRequest(request('home', 'GET', '/'))])],
    });
    expect(compileScenario(s).options.scenarios.g0).toEqual({
      executor: 'ramping-arrival-rate',
      startRate: 10,
      timeUnit: '1s',
      preAllocatedVUs: 50,
      maxVUs: 500,
      stages: [{ duration: '60s', target: 200 }],
      gracefulStop: '5s',
    });
  });

  it('keeps fractional rates exact by moving to a longer time unit', () => {
    const s = scenario({ groups: [group('Slow', open(200 / 60, 30, 10, { startRate: 0.5 }), [mixRequest(request('home', 'GET', '/'))])] });
    const g0 = compileScenario(s).options.scenarios.g0 as K6RampingArrivalRateScenario;
    expect(g0).toMatchObject({ timeUnit: '1m', startRate: 30, stages: [{ duration: '30s', target: 200 }] });
  });

  it('writes sub-second durations in milliseconds', () => {
    const s = scenario({ groups: [group('G', closed(2, 1.5, { gracefulStopSeconds: 0.25 }), [mixRequest(request('home', 'GET', '/'))])] });
    const g0 = compileScenario(s).options.scenarios.g0 as K6RampingVusScenario;
    expect(g0.stages[0]?.duration).toBe('1500ms');
    expect(g0.gracefulStop).toBe('250ms');
  });

  it('names k6 scenarios g0, g1... whatever the group names are', () => {
    const s = scenario({
      groups: [
        group('Readers: "hot" path', closed(3, 10), [mixRequest(request('read', 'GET', '/r'))]),
        group('writers {x}\nnew line', open(5, 10, 20), [mixRequest(request('write', 'POST', '/w'))]),
      ],
    });
    const { options, plan } = compileScenario(s);
    expect(Object.keys(options.scenarios)).toEqual(['g0', 'g1']);
    expect(options.scenarios.g0?.executor).toBe('ramping-vus');
    expect(options.scenarios.g1?.executor).toBe('ramping-arrival-rate');
    expect(plan.groups.map((g) => [g.id, g.name])).toEqual([
      ['g0', 'Readers: "hot" path'],
      ['g1', 'writers {x}\nnew line'],
    ]);
  });

  it('sets the global options the runner relies on and no top-level vus or duration', () => {
    const { options } = compileScenario(scenario());
    expect(options.summaryTrendStats).toEqual(['avg', 'min', 'med', 'max', 'p(90)', 'p(95)', 'p(99)', 'count']);
    expect(options.systemTags).toEqual(['status', 'method', 'name', 'group', 'scenario', 'error_code', 'expected_response', 'check']);
    expect(options.discardResponseBodies).toBe(true);
    expect(options.setupTimeout).toBe('60s');
    expect(options).not.toHaveProperty('vus');
    expect(options).not.toHaveProperty('duration');
  });
});

describe('compileScenario: overrides', () => {
  const twoGroups = scenario({
    groups: [
      group('A', closed(30, 0, { startUsers: 0, stages: [{ durationSeconds: 10, users: 30 }, { durationSeconds: 50, users: 30 }, { durationSeconds: 10, users: 0 }] }), [
        mixRequest(request('a', 'GET', '/a')),
      ]),
      group('B', open(20, 60, 10, { startRate: 4, preAllocatedUsers: 8 }), [mixRequest(request('b', 'GET', '/b'))]),
    ],
  });

  it('shares the users override among groups by peak concurrency and keeps the ramp shape', () => {
    const { options } = compileScenario(twoGroups, { users: 8 });
    expect(options.scenarios.g0).toMatchObject({ startVUs: 0, stages: [{ target: 6 }, { target: 6 }, { target: 0 }] });
    expect(options.scenarios.g1).toMatchObject({ maxVUs: 2, preAllocatedVUs: 2 });
  });

  it('scales open rates to the rate override and leaves closed groups alone', () => {
    const { options } = compileScenario(twoGroups, { ratePerSecond: 50 });
    expect(options.scenarios.g1).toMatchObject({ startRate: 10, timeUnit: '1s', stages: [{ target: 50 }] });
    expect(options.scenarios.g0).toEqual(compileScenario(twoGroups).options.scenarios.g0);
  });

  it('stretches every group to the duration override', () => {
    const { options } = compileScenario(twoGroups, { durationSeconds: 7 });
    expect((options.scenarios.g0 as K6RampingVusScenario).stages.map((s) => s.duration)).toEqual(['1s', '5s', '1s']);
    expect((options.scenarios.g1 as K6RampingArrivalRateScenario).stages.map((s) => s.duration)).toEqual(['7s']);
  });

  it('refuses nonsense overrides', () => {
    expect(() => compileScenario(twoGroups, { users: 0 })).toThrow(/users/);
    expect(() => compileScenario(twoGroups, { users: 1.5 })).toThrow(/users/);
    expect(() => compileScenario(twoGroups, { ratePerSecond: -1 })).toThrow(/rate/);
    expect(() => compileScenario(twoGroups, { durationSeconds: Number.NaN })).toThrow(/duration/);
  });
});

describe('compileScenario: thresholds', () => {
  const hostile = 'create "x"} : {rid:r0}\nDROP\u0000`${1}`';
  const s = scenario({
    groups: [
      group('G', closed(1, 1), [
        mixRequest(request(hostile, 'POST', '/x')),
        flow('f', [request('list', 'GET', '/l'), request('approve', 'POST', '/a')]),
      ], { onStart: [request('login', 'POST', '/login')] }),
    ],
    targets: [
      target('median', '<', 200),
      target('p99', '<', 500),
      target('p90', '<=', 300),
      target('avg', '<', 100),
      target('min', '>', 0),
      target('max', '<', 2000),
      target('errors', '<', 0.001),
      target('success', '>=', 0.99),
      target('rps', '>=', 50),
      target('p95', '<', 300, { request: hostile }),
      target('errors', '<', 0.01, { request: hostile, abortOnFail: true, abortGraceSeconds: 30 }),
      target('rps', '>', 1, { request: 'approve', abortOnFail: true }),
    ],
  });
  const compiled = compileScenario(s);

  it('maps every target to a metric key and expression', () => {
    expect(compiled.targets).toEqual([
      { index: 0, metricKey: 'http_req_duration', k6Expression: 'med<200' },
      { index: 1, metricKey: 'http_req_duration', k6Expression: 'p(99)<500' },
      { index: 2, metricKey: 'http_req_duration', k6Expression: 'p(90)<=300' },
      { index: 3, metricKey: 'http_req_duration', k6Expression: 'avg<100' },
      { index: 4, metricKey: 'http_req_duration', k6Expression: 'min>0' },
      { index: 5, metricKey: 'http_req_duration', k6Expression: 'max<2000' },
      { index: 6, metricKey: 'http_req_failed', k6Expression: 'rate<0.001' },
      { index: 7, metricKey: 'http_req_failed', k6Expression: 'rate<=0.01' },
      { index: 8, metricKey: 'http_reqs', k6Expression: 'rate>=50' },
      { index: 9, metricKey: 'http_req_duration{rid:r1}', k6Expression: 'p(95)<300' },
      { index: 10, metricKey: 'http_req_failed{rid:r1}', k6Expression: 'rate<0.01' },
      { index: 11, metricKey: 'http_reqs{rid:r3}', k6Expression: 'rate>1' },
    ]);
  });

  it('numbers requests in file order: onStart, mix, flow steps', () => {
    const g = compiled.plan.groups[0];
    expect(g?.onStart.map((r) => r.id)).toEqual(['r0']);
    const ids = g?.mix.flatMap((item) => (item.kind === 'request' ? [item.request.id] : item.steps.map((r) => r.id)));
    expect(ids).toEqual(['r1', 'r2', 'r3']);
  });

  it('never puts a request name in a threshold key', () => {
    for (const key of Object.keys(compiled.options.thresholds)) {
      expect(key).toMatch(/^(http_req_duration|http_req_failed|http_reqs)(\{rid:r\d+\})?$/);
    }
  });

  it('uses the object form for abortOnFail targets', () => {
    expect(compiled.options.thresholds['http_req_failed{rid:r1}']).toEqual([
      { threshold: 'rate<0.01', abortOnFail: true, delayAbortEval: '30s' },
      'rate>=0',
    ]);
    expect(compiled.options.thresholds['http_reqs{rid:r3}']).toEqual([{ threshold: 'rate>1', abortOnFail: true }, 'count>=0']);
  });

  it('adds harmless thresholds for every request so the summary has per-request submetrics', () => {
    for (const id of ['r0', 'r1', 'r2', 'r3']) {
      expect(compiled.options.thresholds[`http_req_duration{rid:${id}}`]).toContain('max>=0');
      expect(compiled.options.thresholds[`http_req_failed{rid:${id}}`]).toContain('rate>=0');
      expect(compiled.options.thresholds[`http_reqs{rid:${id}}`]).toContain('count>=0');
    }
  });

  it('rejects a target on a request that does not exist', () => {
    expect(() => compileScenario(scenario({ targets: [target('p95', '<', 1, { request: 'nope' })] }))).toThrow(/unknown request "nope"/);
  });
});

describe('compileScenario: plan', () => {
  const login = request('login', 'POST', '/login', {
    body: { kind: 'json', value: json({ user: tpl('u-', v('user')), n: 1 }) },
    expect: { status: [200], bodyContains: [], jsonPathExists: ['$.access'] },
    captures: [{ variable: 'token', from: 'json', path: '$.access' }],
  });
  const ping = request('ping', 'HEAD', '/ping', {
    expect: { status: [204, 404], bodyContains: [], jsonPathExists: [], maxDurationMs: 250 },
    captures: [{ variable: 'etag', from: 'header', header: 'ETag' }],
    timeoutSeconds: 2.5,
  });
  const s = scenario({
    data: [{ name: 'accounts', file: '/data/my accounts.csv', order: 'perUser', columns: ['email'] }],
    groups: [group('G', closed(1, 1), [mixRequest(ping)], { onStart: [login] })],
  });
  const compiled = compileScenario(s);

  it('keeps the body only for requests whose checks or captures read it', () => {
    const g = compiled.plan.groups[0];
    expect(g?.onStart[0]?.readsBody).toBe(true);
    const item = g?.mix[0];
    expect(item?.kind === 'request' && item.request.readsBody).toBe(false);
  });

  it('turns expectations into labelled checks and expected statuses', () => {
    const item = compiled.plan.groups[0]?.mix[0];
    if (item?.kind !== 'request') throw new Error('expected a request');
    expect(item.request.expectedStatuses).toEqual([204, 404]);
    expect(item.request.timeoutMs).toBe(2500);
    expect(item.request.checks).toEqual([
      { kind: 'status', label: 'ping: status is one of 204, 404', statuses: [204, 404] },
      { kind: 'maxDuration', label: 'ping: duration <= 250ms', ms: 250 },
    ]);
  });

  it('names data files safely and points the plan at them', () => {
    expect(compiled.dataFiles).toEqual([{ name: 'data-0-my_accounts.csv', sourcePath: '/data/my accounts.csv' }]);
    expect(compiled.plan.data).toEqual([{ name: 'accounts', file: 'data-0-my_accounts.csv', order: 'perUser', columns: ['email'] }]);
  });

  it('is plain JSON: a round trip changes nothing', () => {
    const text = JSON.stringify(compiled);
    expect(JSON.parse(text)).toEqual(compiled);
    expect(compiled.plan.version).toBe(1);
    expect(compiled.plan.options).toBe(compiled.options);
  });
});
