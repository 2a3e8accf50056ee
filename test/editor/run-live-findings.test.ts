// In the browser: a scenario that exhausts a small pool of the demo target, run from its CodeLens. While k6 still
// runs, the results panel names the pool as measured from the demo target's /metrics, marks the finding as new
// and draws it on the charts; the final result keeps it.
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoTarget, type DemoTarget } from '../../src/demo-target/server';
import { startCodeServer, type CodeServer } from './harness/code-server';
import { screenshotFailures } from './harness/failure-screenshots';
import { projectK6 } from './harness/paths';
import { packageExtension } from './harness/vsix';
import { Workbench } from './harness/workbench';
import { copyWorkspace, sampleWorkspaceSource } from './harness/workspace';

const RUN_TIMEOUT_MS = 60_000;
const FILE = 'pool.scenario.yaml';

// 4 connections x 50 ms serve 80 requests/s; 40 users with no pause wait about half a second, past the 300 ms
// queue timeout: the pool is full from the first seconds and stays full for the 20 seconds of the run.
const SCENARIO = `scenario: Small pool
target: \${env:TARGET_URL}
load: { users: 40, spawnRate: 40/s, duration: 20s }
onStart:
  - { name: login, POST: /api/auth/login, json: { username: "pool-{{ user }}", password: demo }, expect: { status: 200 }, capture: { token: $.access } }
requests:
  - { name: list deployments, GET: /api/deployments, query: { limit: 1 }, headers: { Authorization: "Bearer {{ token }}" }, expect: { status: 200 } }
targets:
  median: < 200ms
monitors:
  - name: demo target
    prometheus: /metrics
    series:
      - { name: demo_pool_connections_in_use, label: pool in use, capacity: demo_pool_connections_max }
      - { name: demo_pool_waiting_requests, label: waiting }
`;

describe('findings while the run goes', () => {
  let demo: DemoTarget | undefined;
  let workspace = '';
  let server: CodeServer | undefined;
  let workbench: Workbench | undefined;
  screenshotFailures(() => workbench);

  beforeAll(async () => {
    demo = await startDemoTarget({ port: 0, poolSize: 4, serviceTimeMs: 50, serviceJitterMs: 0, queueTimeoutMs: 300 });
    const vsix = packageExtension();
    workspace = copyWorkspace(sampleWorkspaceSource(), 'run-live-findings');
    writeFileSync(path.join(workspace, FILE), SCENARIO);
    server = await startCodeServer({
      label: 'run-live-findings',
      vsixFiles: [vsix],
      env: { TARGET_URL: demo.url, K6_NO_USAGE_REPORT: 'true', K6_AUTO_EXTENSION_RESOLUTION: 'false' },
      machineSettings: { 'loadscope.k6Path': projectK6 },
    });
    workbench = await Workbench.open(server, { folder: workspace, screenshotPrefix: 'run-live-findings' });
  });

  afterAll(async () => {
    await workbench?.close();
    await server?.stop();
    await demo?.close();
    if (workspace && !process.env.LOADSCOPE_KEEP_EDITOR_DATA) rmSync(workspace, { recursive: true, force: true });
  });

  it('names the exhausted pool in the panel before the run ends, as new, and keeps it in the result', async () => {
    await workbench!.openFile(FILE);
    await workbench!.waitForCodeLens('Run Scenario');
    await workbench!.clickCodeLens('Run Scenario');
    const frame = workbench!.webviewFrame();
    const measured = frame.locator('.findings .finding[data-kind="pool-exhaustion"]', { hasText: 'pool in use (demo target) was at its capacity of 4' });
    await measured.waitFor({ state: 'visible', timeout: RUN_TIMEOUT_MS });
    // Still running: the finding came from the live analysis, not the result.
    await expect.poll(() => frame.locator('.state-badge').textContent()).toMatch(/running/);
    expect(await measured.getAttribute('class')).toContain('finding-new');
    await measured.scrollIntoViewIfNeeded();
    await workbench!.screenshot('live-finding');

    const verdict = await frame.locator('.state-banner .verdict').textContent({ timeout: RUN_TIMEOUT_MS });
    expect(verdict).toMatch(/^FAIL/);
    await expect.poll(() => measured.isVisible()).toBe(true);
    await workbench!.screenshot('final-findings');
  });
});
