// The k6 runtime interpreting compiled plans in the real k6: captures, onStart, weights, data, checks,
// expected statuses, env values, thresholds and abortOnFail.

import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileScenario, type CompiledTest } from '../../../src/core/compile/compile';
import { writeK6Test } from '../../../src/core/compile/write-test';
import { closed, env, flow, group, json, mixRequest, open, request, scenario, target, tpl, v } from '../../unit/compile/scenario-builder';
import {
  assertRuntimeBuilt,
  checkCounts,
  metricValues,
  runK6,
  startRecordingServer,
  tempDir,
  thresholdOk,
  withIterations,
  type K6Run,
  type RecordedRequest,
  type RecordingServer,
} from './harness';

const dirs: string[] = [];
const servers: RecordingServer[] = [];

beforeAll(() => assertRuntimeBuilt());
afterAll(async () => {
  for (const s of servers) await s.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

async function server(reply?: Parameters<typeof startRecordingServer>[0]): Promise<RecordingServer> {
  const s = await startRecordingServer(reply);
  servers.push(s);
  return s;
}

function writeTest(compiled: CompiledTest, name: string): string {
  const dir = tempDir(name);
  dirs.push(dir);
  writeK6Test(dir, compiled);
  return dir;
}

const pathOf = (r: RecordedRequest): string => new URL(r.url, 'http://x').pathname;
const queryOf = (r: RecordedRequest): URLSearchParams => new URL(r.url, 'http://x').searchParams;

describe('a full workload', () => {
  const ACCOUNTS = 'email,name\n"a,1@x.test","Ann ""A"""\nb2@x.test,"Bob\nTwo"\nc3@x.test,Cy\n';
  const accountRows = [
    { email: 'a,1@x.test', name: 'Ann "A"' },
    { email: 'b2@x.test', name: 'Bob\nTwo' },
    { email: 'c3@x.test', name: 'Cy' },
  ];
  let srv: RecordingServer;
  let run: K6Run;
  let compiled: CompiledTest;

  beforeAll(async () => {
    srv = await server((r) => {
      const p = pathOf(r);
      if (p === '/login') {
        const user = String(JSON.parse(r.body.toString('utf8')).user);
        const n = 100 + Number(user.replace('u-', ''));
        return { headers: { 'Content-Type': 'application/json', 'X-Session': `sess-${user}` }, body: JSON.stringify({ access: `tok-${user}`, note: `id=${n};` }) };
      }
      if (p === '/missing') return { status: 404 };
      if (p === '/check') return { body: 'hello world' };
      return {};
    });
    const dataDir = tempDir('runtime-data');
    dirs.push(dataDir);
    writeFileSync(path.join(dataDir, 'accounts.csv'), ACCOUNTS);
    writeFileSync(path.join(dataDir, 'items.csv'), 'sku\ns0\ns1\ns2\ns3\n');

    const login = request('login', 'POST', '/login', {
      body: { kind: 'json', value: json({ user: tpl('u-', v('user')), email: tpl(v('accounts', 'email')), name: tpl(v('accounts', 'name')) }) },
      expect: { status: [200], bodyContains: [], jsonPathExists: ['$.access'] },
      captures: [
        { variable: 'token', from: 'json', path: '$.access' },
        { variable: 'session', from: 'header', header: 'x-session' },
        { variable: 'num', from: 'regex', pattern: 'id=(\\d+);', group: 1 },
      ],
    });
    const use = request('use', 'GET', '/use', {
      query: [
        ['t', tpl(v('token'))],
        ['s', tpl(v('session'))],
        ['n', tpl(v('num'))],
        ['sku', tpl(v('items', 'sku'))],
        ['u', tpl(v('user'))],
        ['i', tpl(v('iteration'))],
        ['g', tpl(v('group'))],
      ],
      headers: [{ name: 'Authorization', value: tpl('Bearer ', v('token')) }],
      expect: { status: [200], bodyContains: [], jsonPathExists: [] },
    });
    const missing = request('missing', 'GET', '/missing', { expect: { status: [404], bodyContains: [], jsonPathExists: [] } });
    const envRequest = request('env', 'GET', '/env', {
      headers: [
        { name: 'X-Set', value: tpl(env('LS_SET')) },
        { name: 'X-Default', value: tpl(env('LS_UNSET', 'fallback')) },
      ],
    });
    const checked = request('check body', 'POST', '/check', { expect: { status: [], bodyContains: ['never-there', 'hello'], jsonPathExists: [] } });

    const s = scenario({
      target: tpl(env('LS_TARGET')),
      data: [
        { name: 'accounts', file: path.join(dataDir, 'accounts.csv'), order: 'perUser', columns: ['email', 'name'] },
        { name: 'items', file: path.join(dataDir, 'items.csv'), order: 'sequential', columns: ['sku'] },
      ],
      groups: [
        group('Flow users', closed(1, 1), [flow('use', [use, missing, envRequest, checked])], { onStart: [login] }),
        group('Weighted', closed(1, 1), [mixRequest(request('heavy', 'GET', '/w/heavy'), 3), mixRequest(request('light', 'GET', '/w/light'), 1)]),
      ],
    });
    compiled = withIterations(compileScenario(s), { g0: { vus: 2, iterations: 3 }, g1: { vus: 1, iterations: 200 } });
    run = await runK6(writeTest(compiled, 'runtime-full'), { LS_TARGET: srv.baseUrl, LS_SET: 'from-env' });
  });

  const byPath = (p: string): RecordedRequest[] => srv.requests.filter((r) => pathOf(r) === p);

  it('ends cleanly and writes the summary data instead of the text summary', () => {
    expect(run.exitCode, run.stderr).toBe(0);
    expect(run.summary).toBeDefined();
    expect(run.stdout).not.toContain('THRESHOLDS');
  });

  it('runs onStart once per user', () => {
    const users = byPath('/login').map((r) => JSON.parse(r.body.toString('utf8')).user);
    expect(users).toHaveLength(2);
    expect(new Set(users).size).toBe(2);
  });

  it('uses the CSV row of each user (perUser), quotes and line breaks intact', () => {
    for (const r of byPath('/login')) {
      const body = JSON.parse(r.body.toString('utf8'));
      const row = accountRows[(Number(String(body.user).replace('u-', '')) - 1) % accountRows.length];
      expect({ email: body.email, name: body.name }).toEqual(row);
    }
  });

  it('takes sequential rows one per iteration, shared by the users', () => {
    const skus = byPath('/use').map((r) => queryOf(r).get('sku'));
    expect(skus.sort()).toEqual(['s0', 's0', 's1', 's1', 's2', 's3']);
  });

  it('flows JSON, header and regex captures into later requests of the same user', () => {
    const uses = byPath('/use');
    expect(uses).toHaveLength(6);
    for (const r of uses) {
      const q = queryOf(r);
      const user = `u-${q.get('u')}`;
      expect(q.get('t')).toBe(`tok-${user}`);
      expect(q.get('s')).toBe(`sess-${user}`);
      expect(q.get('n')).toBe(String(100 + Number(q.get('u'))));
      expect(q.get('g')).toBe('Flow users');
      expect(r.headers.authorization).toBe(`Bearer tok-${user}`);
    }
    const iterationsByUser = new Map<string, string[]>();
    for (const r of uses) {
      const q = queryOf(r);
      iterationsByUser.set(q.get('u') ?? '', [...(iterationsByUser.get(q.get('u') ?? '') ?? []), q.get('i') ?? '']);
    }
    expect([...iterationsByUser.values()].map((i) => i.sort())).toEqual([
      ['0', '1', '2'],
      ['0', '1', '2'],
    ]);
  });

  it('resolves ${env:X} and ${env:X:-default} from the run environment', () => {
    for (const r of byPath('/env')) {
      expect(r.headers['x-set']).toBe('from-env');
      expect(r.headers['x-default']).toBe('fallback');
    }
    expect(byPath('/env')).toHaveLength(6);
  });

  it('counts an expected 404 as a success', () => {
    const missingId = compiled.plan.groups[0]?.mix[0]?.kind === 'flow' ? compiled.plan.groups[0].mix[0].steps[1]?.id : undefined;
    expect(missingId).toBe('r2');
    expect(byPath('/missing')).toHaveLength(6);
    expect(metricValues(run.summary, 'http_req_failed{rid:r2}')).toMatchObject({ passes: 0, fails: 6 });
    expect(metricValues(run.summary, 'http_req_failed')).toMatchObject({ passes: 0 });
  });

  it('records checks by label, failing the ones that do not hold', () => {
    const checks = checkCounts(run.summary);
    expect(checks.get('login: status is 200')).toEqual({ passes: 2, fails: 0 });
    expect(checks.get('login: $.access exists')).toEqual({ passes: 2, fails: 0 });
    expect(checks.get('use: status is 200')).toEqual({ passes: 6, fails: 0 });
    expect(checks.get('missing: status is 404')).toEqual({ passes: 6, fails: 0 });
    expect(checks.get('check body: body contains "hello"')).toEqual({ passes: 6, fails: 0 });
    expect(checks.get('check body: body contains "never-there"')).toEqual({ passes: 0, fails: 6 });
  });

  it('picks mix items by weight', () => {
    const heavy = byPath('/w/heavy').length;
    const light = byPath('/w/light').length;
    expect(heavy + light).toBe(200);
    // Expected 150 heavy (sd ≈ 6): a wide band that still catches a broken weighting.
    expect(heavy).toBeGreaterThan(120);
    expect(heavy).toBeLessThan(180);
  });
});

describe('targets', () => {
  it('makes k6 exit 99 when a threshold is crossed, and reports each target', async () => {
    const srv = await server(() => ({ delayMs: 40 }));
    const s = scenario({
      target: tpl(srv.baseUrl),
      groups: [group('G', closed(1, 1), [mixRequest(request('slow', 'GET', '/slow'))])],
      targets: [target('p95', '<', 5, { request: 'slow' }), target('errors', '<', 0.5), target('median', '<', 10_000), target('success', '>=', 0.99)],
    });
    const compiled = withIterations(compileScenario(s), { g0: { vus: 1, iterations: 3 } });
    // The plan may live elsewhere than the script: LOADSCOPE_PLAN names it, data files sit beside it.
    const dir = writeTest(compiled, 'runtime-thresholds');
    mkdirSync(path.join(dir, 'elsewhere'));
    renameSync(path.join(dir, 'plan.json'), path.join(dir, 'elsewhere', 'plan.json'));
    const run = await runK6(dir, { LOADSCOPE_PLAN: path.join(dir, 'elsewhere', 'plan.json') });

    expect(run.exitCode, run.stderr).toBe(99);
    expect(srv.requests).toHaveLength(3);
    const verdicts = compiled.targets.map((t) => thresholdOk(run.summary, t.metricKey, t.k6Expression));
    expect(verdicts).toEqual([false, true, true, true]);
  });

  it('stops the run early when an abortOnFail target fails', async () => {
    const srv = await server(() => ({ status: 500 }));
    const s = scenario({
      target: tpl(srv.baseUrl),
      groups: [group('G', closed(1, 30, { startUsers: 1 }), [mixRequest(request('fail', 'GET', '/fail'))], { thinkTime: { minSeconds: 0.05, maxSeconds: 0.05 } })],
      targets: [target('errors', '<', 0.01, { abortOnFail: true, abortGraceSeconds: 1 })],
    });
    const compiled = compileScenario(s);
    expect(compiled.options.thresholds.http_req_failed).toEqual([{ threshold: 'rate<0.01', abortOnFail: true, delayAbortEval: '1s' }]);
    const run = await runK6(writeTest(compiled, 'runtime-abort'));

    expect(run.exitCode, run.stderr).toBe(99);
    expect(run.elapsedMs).toBeLessThan(15_000);
    expect(srv.requests.length).toBeGreaterThan(0);
    expect(thresholdOk(run.summary, 'http_req_failed', 'rate<0.01')).toBe(false);
  });
});

describe('compiled executors', () => {
  it('run closed and open groups side by side, with the text summary when no summary file is asked for', async () => {
    const srv = await server();
    const s = scenario({
      target: tpl(srv.baseUrl),
      groups: [
        group('Closed', closed(2, 2), [mixRequest(request('closed req', 'GET', '/closed'))], { thinkTime: { minSeconds: 0.1, maxSeconds: 0.2 } }),
        group('Open', open(5, 2, 3), [mixRequest(request('open req', 'GET', '/open'))]),
      ],
      targets: [target('errors', '<', 0.01)],
    });
    const run = await runK6(writeTest(compileScenario(s), 'runtime-executors'), { LOADSCOPE_SUMMARY: '' });

    expect(run.exitCode, run.stderr).toBe(0);
    expect(srv.requests.filter((r) => pathOf(r) === '/closed').length).toBeGreaterThan(0);
    // 5/s for 2 s: about 10 arrivals.
    const opened = srv.requests.filter((r) => pathOf(r) === '/open').length;
    expect(opened).toBeGreaterThanOrEqual(8);
    expect(opened).toBeLessThanOrEqual(12);
    expect(run.summary).toBeUndefined();
    expect(run.stdout).toContain('THRESHOLDS');
    expect(run.stdout).toContain('http_req_duration{rid:r0}');
  });
});
