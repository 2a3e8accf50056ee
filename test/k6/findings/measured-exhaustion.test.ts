// Server metrics turning the pool-exhaustion estimate into a measurement: real k6 runs against the demo target with
// the scenario's monitors reading its /metrics once a second. A pool of 4 connections under 40 users with no think
// time must be reported as measured exhaustion of that pool, live while the run goes and in the result; a load far
// below a large pool must not be.

import { afterAll, describe, expect, it } from 'vitest';
import type { Finding, RunResult } from '../../../src/core/results';
import { runScenario, type RunEvent } from '../../../src/core/run/run-scenario';
import { startDemoTarget, type DemoTarget, type DemoTargetOptions } from '../../../src/demo-target/server';
import { scenarioFromYaml, tempWorkDir, testK6 } from '../run/harness';

const started: DemoTarget[] = [];
const folders: { remove(): void }[] = [];

afterAll(async () => {
  await Promise.all(started.map((target) => target.close()));
  for (const folder of folders) folder.remove();
});

const POOL_IN_USE = 'demo target: pool in use';

async function runWithMonitors(demo: Partial<DemoTargetOptions>, users: number, thinkTime: string): Promise<{ result: RunResult; events: RunEvent[] }> {
  const target = await startDemoTarget({ port: 0, serviceJitterMs: 0, ...demo });
  started.push(target);
  const work = tempWorkDir('measured');
  folders.push(work);
  const yaml = `
scenario: Pool under load
target: ${target.url}
load: { users: ${users}, spawnRate: ${users * 2}/s, duration: 12s }
${thinkTime}
onStart:
  - { name: login, POST: /api/auth/login, json: { username: "pool-{{ user }}", password: demo }, expect: { status: 200 }, capture: { token: $.access } }
requests:
  - name: list deployments
    GET: /api/deployments
    query: { limit: 1 }
    headers: { Authorization: "Bearer {{ token }}" }
    expect: { status: 200 }
targets:
  median: < 200ms
monitors:
  - name: demo target
    prometheus: /metrics
    series:
      - { name: demo_pool_connections_in_use, label: pool in use, capacity: demo_pool_connections_max }
      - { name: demo_pool_waiting_requests, label: waiting }
      - { name: process_cpu_seconds_total, label: CPU }
`;
  const events: RunEvent[] = [];
  const result = await runScenario({ scenario: scenarioFromYaml(yaml, work.dir), k6: await testK6(), workDir: work.dir, onEvent: (event) => events.push(event) });
  return { result, events };
}

const described = (findings: readonly Finding[]) => findings.map((finding) => `${finding.severity} ${finding.kind}: ${finding.message}`).join('\n');

describe('measured pool exhaustion', () => {
  it('names the pool a monitor shows at its capacity, live and at the end', async () => {
    // 4 connections x 50 ms = 80 requests/s; 40 users with no pause queue about 0.5 s, past the 300 ms timeout.
    const { result, events } = await runWithMonitors({ poolSize: 4, serviceTimeMs: 50, queueTimeoutMs: 300 }, 40, '');
    expect(result.outcome, result.outcomeMessage).toBe('thresholds-failed');

    const inUse = result.monitors?.find((series) => series.key === POOL_IN_USE);
    expect(inUse, JSON.stringify(result.monitors)).toMatchObject({ unit: 'count', capacity: 4, max: 4 });
    expect(result.monitors?.find((series) => series.label === 'CPU')?.unit).toBe('cpu-percent');
    const readings = result.timeline.map((point) => point.monitors?.[POOL_IN_USE] ?? null);
    expect(readings.filter((value) => value === 4).length, JSON.stringify(readings)).toBeGreaterThanOrEqual(6);

    const pool = result.findings.find((finding) => finding.kind === 'pool-exhaustion');
    expect(pool, described(result.findings)).toBeDefined();
    expect(pool?.evidence).toMatchObject({ serverMetrics: true, series: POOL_IN_USE, capacity: 4 });
    expect(pool?.message).toMatch(/^From 0:0\d, at \d+ users, pool in use \(demo target\) was at its capacity of 4 while/);

    expect(events.some((event) => event.type === 'monitors' && event.series.some((series) => series.key === POOL_IN_USE))).toBe(true);
    const live = events.flatMap((event) => (event.type === 'findings' ? event.findings : []));
    expect(live.some((finding) => finding.kind === 'pool-exhaustion' && finding.evidence.serverMetrics === true), described(live)).toBe(true);
    expect(live.some((finding) => finding.kind === 'healthy')).toBe(false);
  });

  it('reports no exhaustion when the monitored pool keeps room to spare', async () => {
    const { result } = await runWithMonitors({ poolSize: 40, serviceTimeMs: 20 }, 10, 'thinkTime: 200ms..300ms');
    expect(result.outcome, result.outcomeMessage).toBe('completed');
    const inUse = result.monitors?.find((series) => series.key === POOL_IN_USE);
    expect(inUse?.capacity).toBe(40);
    expect(inUse?.max ?? Infinity).toBeLessThan(20);
    expect(result.findings.map((finding) => finding.kind), described(result.findings)).not.toContain('pool-exhaustion');
  });
});
