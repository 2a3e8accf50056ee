// What loadScenario builds: the model the compiler, the runner and the reports read.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LoadModel, Scenario } from '../../../src/core/scenario/model';
import { BASE, codes, load, SCENARIO_FILE } from './helpers';

function scenarioOf(text: string, options: Parameters<typeof load>[1] = {}): Scenario {
  const result = load(text, options);
  if (!result.scenario) throw new Error(`no scenario: ${codes(result.diagnostics).join(', ')} ${result.diagnostics.map((d) => d.message).join(' | ')}`);
  return result.scenario;
}

function loadOf(loadText: string, extra = ''): LoadModel {
  const group = scenarioOf(BASE.replace('{ users: 10, duration: 1m }', loadText) + extra).groups[0];
  if (!group) throw new Error('no group');
  return group.load;
}

describe('closed load', () => {
  it('ramps at the spawn rate, then holds until the duration', () => {
    expect(loadOf('{ users: 100, spawnRate: 10/s, duration: 5m }')).toEqual({
      kind: 'closed',
      startUsers: 0,
      stages: [
        { durationSeconds: 10, users: 100 },
        { durationSeconds: 290, users: 100 },
      ],
      gracefulStopSeconds: 30,
    });
  });

  it('ramps over rampUp and adds a ramp-down after the duration', () => {
    expect(loadOf('{ users: 20, rampUp: 30s, duration: 2m, rampDown: 15s, gracefulStop: 5s }')).toEqual({
      kind: 'closed',
      startUsers: 0,
      stages: [
        { durationSeconds: 30, users: 20 },
        { durationSeconds: 90, users: 20 },
        { durationSeconds: 15, users: 0 },
      ],
      gracefulStopSeconds: 5,
    });
  });

  it('starts every user at once without a ramp', () => {
    expect(loadOf('{ users: 10, duration: 1m }')).toEqual({ kind: 'closed', startUsers: 10, stages: [{ durationSeconds: 60, users: 10 }], gracefulStopSeconds: 30 });
  });

  it('leaves out the hold when the ramp fills the whole test', () => {
    expect(loadOf('{ users: 60, spawnRate: 1/s, duration: 1m }')).toMatchObject({ startUsers: 0, stages: [{ durationSeconds: 60, users: 60 }] });
  });

  it('takes explicit stages from zero', () => {
    expect(loadOf('{ stages: [{ duration: 1m, users: 50 }, { duration: 30s, users: 0 }] }')).toEqual({
      kind: 'closed',
      startUsers: 0,
      stages: [
        { durationSeconds: 60, users: 50 },
        { durationSeconds: 30, users: 0 },
      ],
      gracefulStopSeconds: 30,
    });
  });
});

describe('open load', () => {
  it('holds a rate with defaults for the user pool, and says so', () => {
    const result = load(BASE.replace('{ users: 10, duration: 1m }', '{ rate: 200/s, duration: 2m }'));
    expect(result.scenario?.groups[0]?.load).toEqual({ kind: 'open', startRate: 200, stages: [{ durationSeconds: 120, ratePerSecond: 200 }], preAllocatedUsers: 200, maxUsers: 2000, gracefulStopSeconds: 30 });
    expect(codes(result.diagnostics, 'info')).toEqual(['default-max-users@3:9']);
  });

  it('keeps at least 100 users for slow rates and never pre-allocates more than the cap', () => {
    expect(loadOf('{ rate: 600/m, duration: 1m }')).toMatchObject({ maxUsers: 100, preAllocatedUsers: 10 });
    expect(loadOf('{ rate: 50/s, duration: 1m, maxUsers: 20 }')).toMatchObject({ maxUsers: 20, preAllocatedUsers: 20 });
  });

  it('pre-allocates for the think time too', () => {
    expect(loadOf('{ rate: 10/s, duration: 1m, maxUsers: 500 }', 'thinkTime: 1s..3s\n')).toMatchObject({ preAllocatedUsers: 30 });
  });

  it('ramps the rate up and down', () => {
    expect(loadOf('{ rate: 100/s, rampUp: 20s, duration: 1m, rampDown: 10s, maxUsers: 300, preAllocatedUsers: 40 }')).toEqual({
      kind: 'open',
      startRate: 0,
      stages: [
        { durationSeconds: 20, ratePerSecond: 100 },
        { durationSeconds: 40, ratePerSecond: 100 },
        { durationSeconds: 10, ratePerSecond: 0 },
      ],
      preAllocatedUsers: 40,
      maxUsers: 300,
      gracefulStopSeconds: 30,
    });
  });

  it('takes rate stages', () => {
    expect(loadOf('{ stages: [{ duration: 1m, rate: 60/m }, { duration: 1m, rate: 5/s }], maxUsers: 50 }')).toEqual({
      kind: 'open',
      startRate: 0,
      stages: [
        { durationSeconds: 60, ratePerSecond: 1 },
        { durationSeconds: 60, ratePerSecond: 5 },
      ],
      preAllocatedUsers: 5,
      maxUsers: 50,
      gracefulStopSeconds: 30,
    });
  });
});

describe('requests', () => {
  const requestOf = (request: string, extra = ''): Scenario['groups'][number]['mix'][number] => {
    const item = scenarioOf(BASE.replace('{ name: home, GET: / }', request) + extra).groups[0]?.mix[0];
    if (!item) throw new Error('no item');
    return item;
  };

  it('fills the documented defaults', () => {
    expect(requestOf('{ GET: /items }')).toEqual({
      kind: 'request',
      weight: 1,
      request: {
        name: 'GET /items',
        method: 'GET',
        path: [{ kind: 'text', text: '/items' }],
        query: [],
        headers: [],
        timeoutSeconds: 60,
        expect: { status: [], bodyContains: [], jsonPathExists: [] },
        captures: [],
        range: { line: 5, column: 5, endLine: 5, endColumn: 18 },
      },
    });
  });

  it('reads every part of a request', () => {
    const item = requestOf(
      `name: create
    POST: /items
    weight: 2.5
    query: { page: 2 }
    headers: { X-Trace: "{{ uuid() }}" }
    json: { n: "{{ randomInt(1, 5) }}", tags: [a, 1, true, null] }
    timeout: 5s
    thinkTime: 2s
    expect: { status: [201, 202], bodyContains: created, jsonPath: $.id, maxDuration: 300ms }
    capture:
      id: $.id
      location: { header: Location }
      code: { regex: 'code=(\\w+)' }`.replace(/^/, '\n    '),
    );
    expect(item.kind === 'request' && item.weight).toBe(2.5);
    if (item.kind !== 'request') return;
    const request = item.request;
    expect(request).toMatchObject({
      name: 'create',
      method: 'POST',
      query: [['page', [{ kind: 'text', text: '2' }]]],
      headers: [{ name: 'X-Trace', value: [{ kind: 'expr', expr: { kind: 'call', fn: 'uuid', args: [] } }] }],
      timeoutSeconds: 5,
      thinkTime: { minSeconds: 2, maxSeconds: 2 },
      expect: { status: [201, 202], bodyContains: ['created'], jsonPathExists: ['$.id'], maxDurationMs: 300 },
      captures: [
        { variable: 'id', from: 'json', path: '$.id' },
        { variable: 'location', from: 'header', header: 'Location' },
        { variable: 'code', from: 'regex', pattern: 'code=(\\w+)', group: 1 },
      ],
    });
    expect(request.body).toEqual({
      kind: 'json',
      value: {
        kind: 'object',
        entries: [
          ['n', { kind: 'template', template: [{ kind: 'expr', expr: { kind: 'call', fn: 'randomInt', args: [{ kind: 'literal', value: 1 }, { kind: 'literal', value: 5 }] } }] }],
          ['tags', { kind: 'array', items: [{ kind: 'template', template: [{ kind: 'text', text: 'a' }] }, { kind: 'literal', value: 1 }, { kind: 'literal', value: true }, { kind: 'literal', value: null }] }],
        ],
      },
    });
  });

  it('reads form and raw bodies', () => {
    const form = requestOf('{ name: f, POST: /f, form: { user: "u{{ user }}" } }');
    expect(form.kind === 'request' && form.request.body).toEqual({ kind: 'form', fields: [['user', [{ kind: 'text', text: 'u' }, { kind: 'expr', expr: { kind: 'var', path: ['user'] } }]]] });
    const raw = requestOf('{ name: r, POST: /r, body: "<a/>", contentType: application/xml }');
    expect(raw.kind === 'request' && raw.request.body).toEqual({ kind: 'raw', text: [{ kind: 'text', text: '<a/>' }], contentType: 'application/xml' });
  });

  it('builds flows with their steps', () => {
    const item = requestOf('{ flow: checkout, weight: 2, steps: [{ name: cart, GET: /cart }, { name: pay, POST: /pay }] }');
    expect(item).toMatchObject({ kind: 'flow', weight: 2, name: 'checkout', steps: [{ name: 'cart', method: 'GET' }, { name: 'pay', method: 'POST' }] });
  });

  it('keeps the source text of plain numbers in templates', () => {
    const item = requestOf('{ name: v, GET: /v, headers: { X-Version: 1.10 } }');
    expect(item.kind === 'request' && item.request.headers[0]?.value).toEqual([{ kind: 'text', text: '1.10' }]);
  });
});

describe('the scenario', () => {
  const environments = `${BASE}description: Checks the home page.
environments:
  staging: { target: "https://staging.example.com", headers: { X-Env: staging, accept: text/html }, variables: { tenant: beta } }
headers: { Accept: application/json, X-Team: core }
variables: { tenant: acme, size: 3 }
`;

  it('has one group named after the scenario when there are no groups', () => {
    const scenario = scenarioOf(BASE);
    expect(scenario).toMatchObject({ name: 'Test', file: SCENARIO_FILE, target: [{ kind: 'text', text: 'http://127.0.0.1:8080' }], environmentNames: [], data: [], targets: [] });
    expect(scenario.groups.map((group) => group.name)).toEqual(['Test']);
    expect(scenario.environment).toBeUndefined();
  });

  it('keeps the top-level target, headers and variables without --env', () => {
    const scenario = scenarioOf(environments);
    expect(scenario.description).toBe('Checks the home page.');
    expect(scenario.environmentNames).toEqual(['staging']);
    expect(scenario.headers.map((header) => header.name)).toEqual(['Accept', 'X-Team']);
    expect(scenario.variables).toEqual([
      ['tenant', { kind: 'template', template: [{ kind: 'text', text: 'acme' }] }],
      ['size', { kind: 'literal', value: 3 }],
    ]);
  });

  it('applies the environment chosen with --env', () => {
    const scenario = scenarioOf(environments, { environment: 'staging' });
    expect(scenario.environment).toBe('staging');
    expect(scenario.target).toEqual([{ kind: 'text', text: 'https://staging.example.com' }]);
    // Header names match case-insensitively, as in HTTP; the environment's wins.
    expect(scenario.headers.map((header) => header.name)).toEqual(['X-Team', 'X-Env', 'accept']);
    expect(scenario.variables.map(([name]) => name)).toEqual(['size', 'tenant']);
    expect(scenario.variables[1]?.[1]).toEqual({ kind: 'template', template: [{ kind: 'text', text: 'beta' }] });
  });

  it('takes the target from the environment when the file has none', () => {
    const text = BASE.replace('target: http://127.0.0.1:8080\n', '') + 'environments: { local: { target: "http://127.0.0.1:9" } }\n';
    expect(codes(load(text).diagnostics)).toEqual(['missing-target@1:1']);
    expect(load(text).diagnostics[0]?.message).toContain('--env local');
    expect(scenarioOf(text, { environment: 'local' }).target).toEqual([{ kind: 'text', text: 'http://127.0.0.1:9' }]);
  });

  it('resolves data files next to the scenario and reads their columns', () => {
    const scenario = scenarioOf(`${BASE}data: { accounts: { file: data/accounts.csv }, ids: { file: ids.csv, order: random } }\n`, {
      files: { 'data/accounts.csv': 'email,password\na,b\n', 'ids.csv': 'id\n1\n' },
    });
    expect(scenario.data).toEqual([
      { name: 'accounts', file: path.resolve(path.dirname(SCENARIO_FILE), 'data/accounts.csv'), order: 'sequential', columns: ['email', 'password'] },
      { name: 'ids', file: path.resolve(path.dirname(SCENARIO_FILE), 'ids.csv'), order: 'random', columns: ['id'] },
    ]);
  });

  it('builds several groups with their own workload and load', () => {
    const scenario = scenarioOf(`scenario: Two
target: http://127.0.0.1:1
headers: { Accept: "*/*" }
groups:
  - name: a
    load: { users: 2, duration: 10s }
    thinkTime: 1s
    headers: { X-Group: a }
    onStart: [{ name: login, POST: /login }]
    requests: [{ name: ra, GET: /a }]
  - name: b
    load: { rate: 1/s, duration: 10s, maxUsers: 5 }
    requests: [{ name: rb, GET: /b }]
`);
    expect(scenario.groups).toHaveLength(2);
    expect(scenario.groups[0]).toMatchObject({ name: 'a', thinkTime: { minSeconds: 1, maxSeconds: 1 }, headers: [{ name: 'X-Group' }], onStart: [{ name: 'login' }] });
    expect(scenario.groups[1]).toMatchObject({ name: 'b', headers: [], onStart: [], load: { kind: 'open', maxUsers: 5 } });
    expect(scenario.headers.map((header) => header.name)).toEqual(['Accept']);
  });

  it('reports two groups with one name', () => {
    const text = `scenario: Two\ntarget: http://127.0.0.1:1\ngroups:\n  - { name: a, load: { users: 1, duration: 1s }, requests: [{ name: x, GET: / }] }\n  - { name: a, load: { users: 1, duration: 1s }, requests: [{ name: y, GET: / }] }\n`;
    expect(codes(load(text).diagnostics)).toEqual(['duplicate-name@5:13']);
  });

  it('reads targets in the units of their metric', () => {
    const scenario = scenarioOf(`${BASE}targets:
  median: < 200ms
  p99: <= 1.5s
  errors: < 0.1%
  success: '> 99.9%'
  rps: '>= 600/m'
  requests:
    home: { max: { threshold: < 2s, abort: true, abortAfter: 30s } }
`);
    expect(scenario.targets.map(({ range: _range, ...target }) => target)).toEqual([
      { metric: 'median', comparison: '<', value: 200, expression: '< 200ms', abortOnFail: false },
      { metric: 'p99', comparison: '<=', value: 1500, expression: '<= 1.5s', abortOnFail: false },
      { metric: 'errors', comparison: '<', value: 0.001, expression: '< 0.1%', abortOnFail: false },
      { metric: 'success', comparison: '>', value: 0.999, expression: '> 99.9%', abortOnFail: false },
      { metric: 'rps', comparison: '>=', value: 10, expression: '>= 600/m', abortOnFail: false },
      { metric: 'max', request: 'home', comparison: '<', value: 2000, expression: '< 2s', abortOnFail: true, abortGraceSeconds: 30 },
    ]);
    expect(scenario.targets[0]?.range).toEqual({ line: 7, column: 3, endLine: 7, endColumn: 18 });
  });

  it('does not return a scenario when any diagnostic is an error, and does with warnings', () => {
    expect(load(`${BASE}colour: blue\n`).scenario).toBeUndefined();
    const warned = load(BASE.replace('GET: /', 'GET: items'));
    expect(warned.diagnostics.map((d) => d.severity)).toEqual(['warning']);
    expect(warned.scenario).toBeDefined();
  });

  it('supports YAML anchors and merge keys', () => {
    const scenario = scenarioOf(`scenario: Anchors
target: http://127.0.0.1:1
load: { users: 1, duration: 1s }
x-common: &common { expect: { status: 200 }, timeout: 5s }
requests:
  - { <<: *common, name: a, GET: /a }
  - { <<: *common, name: b, GET: /b, timeout: 9s }
`.replace('x-common: &common { expect: { status: 200 }, timeout: 5s }\n', 'variables: { common: &common { expect: { status: 200 }, timeout: 5s } }\n'));
    const [a, b] = scenario.groups[0]?.mix ?? [];
    expect(a?.kind === 'request' && [a.request.timeoutSeconds, a.request.expect.status]).toEqual([5, [200]]);
    expect(b?.kind === 'request' && b.request.timeoutSeconds).toBe(9);
  });
});
