// Runs that cannot do their job must say why in plain words: a target that refuses connections, a script that
// fails, a k6 that is not there.

import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { locateK6 } from '../../../src/core/k6/locate';
import { runScenario } from '../../../src/core/run/run-scenario';
import { closedPort, scenarioFromYaml, tempWorkDir, testK6 } from './harness';

const QUICK = (url: string): string => `
scenario: Quick
target: ${url}
load: { users: 2, duration: 2s }
requests:
  - name: home
    GET: /
`;

describe('runs that fail', () => {
  let work: { dir: string; remove(): void };
  beforeAll(() => {
    work = tempWorkDir('failures');
  });
  afterAll(() => work.remove());

  it('says every request was refused, and where', async () => {
    const port = await closedPort();
    const url = `http://127.0.0.1:${port}`;
    const result = await runScenario({ scenario: scenarioFromYaml(QUICK(url), work.dir), k6: await testK6(), workDir: work.dir });
    expect(result.outcome).toBe('completed');
    expect(result.verdict).toBe('fail');
    expect(result.totals.requests).toBeGreaterThan(0);
    expect(result.totals.failures).toBe(result.totals.requests);
    expect(result.outcomeMessage).toContain(`requests failed: connection refused at ${url}/.`);
    expect(result.outcomeMessage).toContain('Is the target running');
    expect(result.errors[0]).toMatchObject({ method: 'GET', name: 'home', error: 'connection refused' });
    expect(result.timeline.some((p) => (p.errors.refused ?? 0) > 0 && (p.statuses['0'] ?? 0) > 0)).toBe(true);
  });

  it('reports a script error with k6’s own words', async () => {
    const port = await closedPort();
    const result = await runScenario({
      scenario: scenarioFromYaml(QUICK(`http://127.0.0.1:${port}`), work.dir),
      k6: await testK6(),
      workDir: work.dir,
      // The runtime reads its plan at init: a plan that is not there is a script error.
      env: { LOADSCOPE_PLAN: path.join(work.dir, 'no-such-plan.json') },
    });
    expect(result.outcome, result.outcomeMessage).toBe('script-error');
    expect(result.verdict).toBe('error');
    expect(result.k6.exitCode).toBe(107);
    expect(result.outcomeMessage).toContain('The test script failed with an error (k6 exit code 107).');
    expect(result.outcomeMessage).toContain('k6 said:');
    expect(result.outcomeMessage).toContain('no-such-plan.json');
  });

  it('reports a k6 that cannot be started', async () => {
    const port = await closedPort();
    const missing = path.join(work.dir, 'no-k6-here');
    const result = await runScenario({
      scenario: scenarioFromYaml(QUICK(`http://127.0.0.1:${port}`), work.dir),
      k6: { path: missing, version: 'v2.2.0' },
      workDir: work.dir,
    });
    expect(result.outcome).toBe('k6-missing');
    expect(result.verdict).toBe('error');
    expect(result.outcomeMessage).toContain('k6 could not be started');
  });

  it('explains how to get k6 when none is found', async () => {
    const located = await locateK6({ env: { PATH: work.dir }, toolDir: path.join(work.dir, 'tools') });
    expect(located.ok).toBe(false);
    if (located.ok) return;
    expect(located.message).toContain('No usable k6 (v2.x) was found.');
    expect(located.message).toContain('npm run setup');
    expect(located.message).toContain('https://github.com/grafana/k6/releases');
  });

  it('finds the real k6 and reads its version', async () => {
    const k6 = await testK6();
    expect(k6.version).toMatch(/^v2\.\d+\.\d+/);
  });
});
