// The example scenarios, compiled and run by the real k6 against the demo target: the quick deployments
// pass, and the burst saturates the database pool. Loads are scaled down to a few seconds.
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileScenario, type LoadOverrides } from '../../../src/core/compile/compile';
import { writeK6Test } from '../../../src/core/compile/write-test';
import { loadScenario } from '../../../src/core/scenario/load';
import { startDemoTarget, type DemoTarget, type DemoTargetOptions } from '../../../src/demo-target/server';
import { assertRuntimeBuilt, metricValues, REPO_ROOT, runK6, tempDir, thresholdOk, type K6Run } from '../compile/harness';

const dirs: string[] = [];
const targets: DemoTarget[] = [];

beforeAll(() => assertRuntimeBuilt());
afterAll(async () => {
  await Promise.all(targets.map((t) => t.close()));
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

async function runAgainstDemoTarget(file: string, overrides: LoadOverrides, demoOptions: Partial<DemoTargetOptions>): Promise<{ run: K6Run; target: DemoTarget }> {
  const absolute = path.join(REPO_ROOT, 'scenarios', file);
  const loaded = loadScenario(readFileSync(absolute, 'utf8'), absolute, { env: {} });
  if (loaded.scenario === undefined) throw new Error(`${file} does not load: ${loaded.diagnostics.map((d) => d.message).join('; ')}`);
  const dir = tempDir('demo-target');
  dirs.push(dir);
  writeK6Test(dir, compileScenario(loaded.scenario, overrides));
  const target = await startDemoTarget({ port: 0, ...demoOptions });
  targets.push(target);
  const run = await runK6(dir, { TARGET_URL: target.url }, 40_000);
  return { run, target };
}

describe('example scenarios against the demo target', () => {
  it('quick deployments: every target passes well below the pool capacity', async () => {
    const { run, target } = await runAgainstDemoTarget('quick/deployments.scenario.yaml', { users: 10, durationSeconds: 4 }, {});
    expect(run.exitCode, run.stderr).toBe(0);
    expect(thresholdOk(run.summary, 'http_req_duration', 'med<200')).toBe(true);
    expect(thresholdOk(run.summary, 'http_req_duration', 'p(99)<500')).toBe(true);
    expect(thresholdOk(run.summary, 'http_req_failed', 'rate<0.001')).toBe(true);
    const stats = target.stats();
    expect(stats.logins.accepted).toBe(10);
    expect(stats.deployments).toBeGreaterThan(10);
    expect(stats.pool.timedOut).toBe(0);
    expect(Object.keys(stats.requests.byStatus).sort()).toEqual(['200', '201']);
  });

  it('quick burst: the pool saturates, requests wait until the queue timeout and fail with 503', async () => {
    // A small pool (2 x 50 ms = 40 requests/s, 1.5 s queue timeout) so 80 users saturate it in a few seconds,
    // as 1000 users saturate the default pool.
    const { run, target } = await runAgainstDemoTarget('quick/burst.scenario.yaml', { users: 80, durationSeconds: 5 }, { poolSize: 2, serviceTimeMs: 50, serviceJitterMs: 0, queueTimeoutMs: 1500 });
    expect(run.exitCode, run.stderr).toBe(99);
    expect(thresholdOk(run.summary, 'http_req_duration', 'p(99)<1000')).toBe(false);
    const duration = metricValues(run.summary, 'http_req_duration');
    expect(typeof duration?.['p(99)'] === 'number' ? duration['p(99)'] : 0).toBeGreaterThanOrEqual(1400);
    const stats = target.stats();
    expect(stats.pool.timedOut).toBeGreaterThan(0);
    expect(stats.requests.byStatus['503']).toBe(stats.pool.timedOut);
    expect(stats.pool.maxWaiting).toBeGreaterThan(50);
  });
});
