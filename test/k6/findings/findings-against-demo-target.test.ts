// The findings of real k6 runs against the demo target, whose capacity is known by construction (pool size /
// service time): a closed ramp well past it must name that capacity within 20 %, a ramp far below it must not
// report saturation, and logins throttled with 429 must be named as rate limiting of the login request.

import { afterAll, describe, expect, it } from 'vitest';
import type { Finding, RunResult } from '../../../src/core/results';
import { runScenario } from '../../../src/core/run/run-scenario';
import { poolCapacityPerSecond, startDemoTarget, type DemoTarget, type DemoTargetOptions } from '../../../src/demo-target/server';
import { scenarioFromYaml, tempWorkDir, testK6 } from '../run/harness';

const started: DemoTarget[] = [];
const folders: { remove(): void }[] = [];

afterAll(async () => {
  await Promise.all(started.map((target) => target.close()));
  for (const folder of folders) folder.remove();
});

async function runAgainst(demo: Partial<DemoTargetOptions>, yaml: (url: string) => string): Promise<{ result: RunResult; target: DemoTarget }> {
  const target = await startDemoTarget({ port: 0, serviceJitterMs: 0, ...demo });
  started.push(target);
  const work = tempWorkDir('findings');
  folders.push(work);
  const result = await runScenario({ scenario: scenarioFromYaml(yaml(target.url), work.dir), k6: await testK6(), workDir: work.dir });
  return { result, target };
}

const of = (result: RunResult, kind: Finding['kind']) => result.findings.filter((finding) => finding.kind === kind);
const described = (result: RunResult) => result.findings.map((finding) => `${finding.severity} ${finding.kind}: ${finding.message}`).join('\n');

describe('findings against the demo target', () => {
  it('names the capacity of a pool of 8 x 40 ms (200 requests/s) from a closed ramp to 24 users with no think time', async () => {
    const pool = { poolSize: 8, serviceTimeMs: 40 };
    const capacity = poolCapacityPerSecond(pool);
    expect(capacity).toBe(200);
    const { result, target } = await runAgainst(
      pool,
      (url) => `
scenario: Ramp past the pool
target: ${url}
load:
  stages:
    - { duration: 18s, users: 24 }
    - { duration: 2s, users: 24 }
onStart:
  - name: login
    POST: /api/auth/login
    json: { username: "ramp-{{ user }}", password: demo }
    expect: { status: 200 }
    capture: { token: $.access }
requests:
  - name: list deployments
    GET: /api/deployments
    query: { limit: 1 }
    headers: { Authorization: "Bearer {{ token }}" }
    expect: { status: 200 }
`,
    );
    expect(result.outcome, result.outcomeMessage).toBe('completed');
    expect(target.stats().pool.timedOut).toBe(0);
    const [saturation] = of(result, 'saturation');
    expect(saturation, described(result)).toBeDefined();
    const named = Number(saturation?.evidence.capacityPerSecond);
    expect(Math.abs(named - capacity) / capacity, saturation?.message).toBeLessThanOrEqual(0.2);
    // The knee is where 8 users fill 8 connections; the ramp reaches 24.
    expect(Number(saturation?.evidence.kneeLoad), saturation?.message).toBeGreaterThanOrEqual(5);
    expect(Number(saturation?.evidence.kneeLoad), saturation?.message).toBeLessThanOrEqual(12);
    expect(saturation?.message).toMatch(/^Throughput levelled at about \d+ requests\/s/);
    // A closed model at its limit: the users' waiting hides the queue, so an arrival rate at the capacity is suggested.
    const [omission] = of(result, 'coordinated-omission');
    expect(omission?.message, described(result)).toContain('once throughput levelled off');
    expect(Math.abs(Number(omission?.evidence.throughputBasis) - capacity) / capacity).toBeLessThanOrEqual(0.2);
    expect(of(result, 'healthy')).toEqual([]);
  });

  it('reports no saturation on a ramp far below the capacity (up to about 140 requests/s against 2,000)', async () => {
    const pool = { poolSize: 40, serviceTimeMs: 20 };
    expect(poolCapacityPerSecond(pool)).toBe(2000);
    const { result } = await runAgainst(
      pool,
      (url) => `
scenario: Ramp far below the pool
target: ${url}
load:
  stages:
    - { duration: 10s, users: 30 }
    - { duration: 2s, users: 30 }
thinkTime: 150ms..250ms
onStart:
  - name: login
    POST: /api/auth/login
    json: { username: "calm-{{ user }}", password: demo }
    expect: { status: 200 }
    capture: { token: $.access }
requests:
  - name: list deployments
    GET: /api/deployments
    query: { limit: 1 }
    headers: { Authorization: "Bearer {{ token }}" }
    expect: { status: 200 }
targets:
  p99: < 1000ms
`,
    );
    expect(result.outcome, result.outcomeMessage).toBe('completed');
    expect(of(result, 'saturation'), described(result)).toEqual([]);
    expect(of(result, 'pool-exhaustion'), described(result)).toEqual([]);
    const [healthy] = of(result, 'healthy');
    expect(healthy?.message, described(result)).toMatch(/^Passed with room to spare: p99 .* at 30 users .*, no errors, and throughput grew with the load/);
  });

  it('names 429s at login as rate limiting of the login request', async () => {
    const { result, target } = await runAgainst(
      { loginsPerUserPerMinute: 6, loginBurstPerUser: 2 },
      (url) => `
scenario: Logging in every round
target: ${url}
load:
  users: 5
  rampUp: 1s
  duration: 8s
thinkTime: 200ms..400ms
requests:
  - flow: review
    steps:
      - name: login
        POST: /api/auth/login
        json: { username: "reviewer-{{ user }}", password: demo }
        expect: { status: 200 }
        capture: { token: $.access }
      - name: list pending
        GET: /api/cab/pending
        query: { limit: 5 }
        headers: { Authorization: "Bearer {{ token }}" }
        expect: { status: 200 }
`,
    );
    expect(target.stats().logins.throttled).toBeGreaterThan(0);
    const [limited, ...more] = of(result, 'rate-limited');
    expect(more).toEqual([]);
    expect(limited?.message, described(result)).toMatch(/^HTTP 429 \(rate limited\) on login from 0:0\d, at \d users: \d+ responses, \d+(\.\d+)?% of login requests\.$/);
    expect(limited?.evidence.requests).toEqual([expect.objectContaining({ name: 'login', method: 'POST' })]);
    expect(limited?.atUsers).toBeGreaterThan(0);
    expect(limited?.suggestion).toContain('log in once per user (onStart)');
  });
});
