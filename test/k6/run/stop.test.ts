// Stopping a run: the first request stops k6 gracefully (summary written, outcome 'stopped'), a second one kills
// it (outcome 'killed', partial data from the live samples). Both through SIGINT and through k6's REST API.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRunControl } from '../../../src/core/run/run-control';
import { runScenario, type RunEvent } from '../../../src/core/run/run-scenario';
import type { StopMethod } from '../../../src/core/run/stop-k6';
import { readK6Summary, scenarioFromYaml, startTargetServer, tempWorkDir, testK6, type TargetServer } from './harness';

const LONG_RUN = (url: string): string => `
scenario: Long run
target: ${url}
load: { users: 4, duration: 60s }
requests:
  - name: spread
    GET: /spread
targets:
  p99: < 1000ms
`;

describe('stopping a run', () => {
  let server: TargetServer;
  beforeAll(async () => {
    server = await startTargetServer();
  });
  afterAll(() => server.close());

  /** Runs the long scenario and calls `stop` once `ticks` seconds have been reported. */
  async function runAndStop(ticks: number, stop: (control: ReturnType<typeof createRunControl>) => void, stopMethod?: StopMethod) {
    const work = tempWorkDir('stop');
    const control = createRunControl();
    const events: RunEvent[] = [];
    const started = Date.now();
    let seen = 0;
    const result = await runScenario({
      scenario: scenarioFromYaml(LONG_RUN(server.url), work.dir),
      k6: await testK6(),
      workDir: work.dir,
      signal: control.signal,
      killSignal: control.killSignal,
      ...(stopMethod ? { stopMethod } : {}),
      onEvent: (event) => {
        events.push(event);
        if (event.type === 'tick' && ++seen === ticks) stop(control);
      },
    });
    const summary = readK6Summary(work.dir);
    work.remove();
    return { result, events, summary, seconds: (Date.now() - started) / 1000 };
  }

  it('stops gracefully on the first request: summary written, outcome stopped', async () => {
    const { result, events, summary, seconds } = await runAndStop(2, (control) => control.stop());
    expect(result.outcome, result.outcomeMessage).toBe('stopped');
    expect(result.verdict).toBe('stopped');
    expect(result.k6.exitCode).toBe(105);
    expect(seconds).toBeLessThan(30);
    expect(summary).toBeDefined();
    expect(result.totals.requests).toBe(summary?.metrics.http_reqs?.values.count);
    expect(result.totals.requests).toBeGreaterThan(0);
    expect(result.targets[0]?.passed).toBe(true);
    expect(events.filter((e) => e.type === 'stopping')).toEqual([{ type: 'stopping', hard: false, reason: 'stop requested' }]);
    expect(result.outcomeMessage).toContain('stopped on request');
  });

  it('kills on the second request: outcome killed, partial data kept', async () => {
    const { result, events, summary } = await runAndStop(2, (control) => {
      control.stop();
      control.stop();
    });
    expect(result.outcome).toBe('killed');
    expect(result.verdict).toBe('stopped');
    expect(result.k6.exitCode).toBeNull();
    expect(summary).toBeUndefined();
    expect(result.totals.requests).toBeGreaterThan(0);
    expect(result.timeline.length).toBeGreaterThanOrEqual(2);
    expect(result.targets[0]).toMatchObject({ passed: true });
    expect(events.filter((e) => e.type === 'stopping').map((e) => e.type === 'stopping' && e.hard)).toEqual([false, true]);
  });

  it('stops a run that is still starting', async () => {
    const work = tempWorkDir('early');
    const control = createRunControl();
    const result = await runScenario({
      scenario: scenarioFromYaml(LONG_RUN(server.url), work.dir),
      k6: await testK6(),
      workDir: work.dir,
      signal: control.signal,
      onEvent: (event) => {
        if (event.type === 'started') control.stop();
      },
    });
    work.remove();
    expect(result.outcome, result.outcomeMessage).toBe('stopped');
    expect(result.verdict).toBe('stopped');
  });

  it('stops through the REST API as on Windows', async () => {
    const { result, summary } = await runAndStop(2, (control) => control.stop(), 'rest');
    expect(result.outcome, result.outcomeMessage).toBe('stopped');
    expect(result.k6.exitCode).toBe(103);
    expect(summary?.metrics.http_reqs?.values.count).toBe(result.totals.requests);
  });

  it('kills when a graceful stop takes longer than the grace time', async () => {
    const work = tempWorkDir('grace');
    const control = createRunControl();
    const stopping: RunEvent[] = [];
    let seen = 0;
    const result = await runScenario({
      scenario: scenarioFromYaml(LONG_RUN(server.url), work.dir),
      k6: await testK6(),
      workDir: work.dir,
      signal: control.signal,
      // Far too short for k6 to finish its summary: the timeout fires first.
      stopGraceMs: 1,
      onEvent: (event) => {
        if (event.type === 'stopping') stopping.push(event);
        if (event.type === 'tick' && ++seen === 2) control.stop();
      },
    });
    work.remove();
    expect(result.outcome).toBe('killed');
    expect(stopping).toEqual([
      { type: 'stopping', hard: false, reason: 'stop requested' },
      { type: 'stopping', hard: true, reason: 'k6 did not stop within the grace time' },
    ]);
    expect(result.totals.requests).toBeGreaterThan(0);
  });
});
