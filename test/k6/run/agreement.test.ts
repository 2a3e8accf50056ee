// A real ~5 s run: our numbers (live CSV samples folded into histograms) must agree with k6's own end-of-test
// summary: request counts exactly, p50/p95/p99 within 1 %, overall and per request.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunResult } from '../../../src/core/results';
import { runScenario, type RunEvent } from '../../../src/core/run/run-scenario';
import { expectClose, readK6Summary, scenarioFromYaml, startTargetServer, tempWorkDir, testK6, type TargetServer } from './harness';

describe('runScenario against a local server', () => {
  let server: TargetServer;
  let work: { dir: string; remove(): void };
  let result: RunResult;
  const events: RunEvent[] = [];

  beforeAll(async () => {
    server = await startTargetServer();
    work = tempWorkDir('agreement');
    const scenario = scenarioFromYaml(
      `
scenario: Agreement
target: ${server.url}
load:
  users: 8
  rampUp: 1s
  duration: 5s
requests:
  - name: get item
    weight: 2
    GET: /spread?kind=get
  - name: create item, "quoted"
    POST: /spread?kind=create
    json: { name: x }
  - name: limited
    weight: 1
    GET: /limited
    expect: { status: 200 }
targets:
  p99: < 1000ms
  median: < 1ms
  requests:
    get item: { p95: < 500ms }
`,
      work.dir,
    );
    result = await runScenario({ scenario, k6: await testK6(), workDir: work.dir, onEvent: (e) => events.push(e) });
  });

  afterAll(async () => {
    await server.close();
    work.remove();
  });

  it('ends with thresholds failed on the median target, as k6 judged it', () => {
    expect(result.outcome, result.outcomeMessage).toBe('thresholds-failed');
    expect(result.k6.exitCode).toBe(99);
    expect(result.verdict).toBe('fail');
    expect(result.targets.map((t) => [t.metric, t.request, t.passed])).toEqual([
      ['p99', undefined, true],
      ['median', undefined, false],
      ['p95', 'get item', true],
    ]);
    expect(result.targets[1]?.margin).toMatch(/x over$/);
    expect(result.outcomeMessage).toContain('Failed target: median < 1ms');
  });

  it('counts exactly what k6 counted', () => {
    const summary = readK6Summary(work.dir);
    expect(summary).toBeDefined();
    const count = (key: string): number | undefined => summary?.metrics[key]?.values.count;
    expect(result.totals.requests).toBe(count('http_reqs'));
    expect(result.totals.requests).toBe(server.count());
    expect(result.totals.iterations).toBe(count('iterations'));
    expect(result.requests.map((r) => r.name)).toEqual(['get item', 'create item, "quoted"', 'limited']);
    result.requests.forEach((r, i) => expect(r.count, r.name).toBe(count(`http_reqs{rid:r${i}}`)));
    const limited = result.requests[2];
    expect(limited?.failures).toBe(limited?.count);
    expect(result.totals.failures).toBe(limited?.count);
    expect(result.totals.checks.fails).toBe(limited?.count);
  });

  it('agrees with k6 on percentiles overall and per request', () => {
    const summary = readK6Summary(work.dir);
    const overall = summary?.metrics.http_req_duration?.values;
    expectClose(result.totals.p50, overall?.med, 'overall p50');
    expectClose(result.totals.p95, overall?.['p(95)'], 'overall p95');
    expectClose(result.totals.p99, overall?.['p(99)'], 'overall p99');
    expectClose(result.totals.max, overall?.max, 'overall max');
    expectClose(result.totals.avg, overall?.avg, 'overall avg');
    result.requests.forEach((r, i) => {
      const values = summary?.metrics[`http_req_duration{rid:r${i}}`]?.values;
      expectClose(r.p50, values?.med, `${r.name} p50`);
      expectClose(r.p95, values?.['p(95)'], `${r.name} p95`);
      expectClose(r.p99, values?.['p(99)'], `${r.name} p99`);
    });
  });

  it('streamed one tick a second while k6 ran, adding up to the totals', () => {
    const ticks = events.filter((e): e is Extract<RunEvent, { type: 'tick' }> => e.type === 'tick');
    expect(events[0]?.type).toBe('started');
    expect(events.at(-1)?.type).toBe('finished');
    expect(ticks.length).toBeGreaterThanOrEqual(5);
    expect(ticks.map((t) => t.point.t)).toEqual(ticks.map((_, i) => i));
    const timelineTotal = result.timeline.reduce((sum, p) => sum + p.rps, 0);
    expect(timelineTotal).toBe(result.totals.requests);
    const busy = result.timeline.filter((p) => p.rps > 0);
    expect(busy.some((p) => (p.statuses['429'] ?? 0) > 0 && (p.statuses['200'] ?? 0) > 0)).toBe(true);
    expect(Math.max(...result.timeline.map((p) => p.users))).toBe(8);
    // The last second may hold only a few requests; every full one has them all.
    expect(busy.slice(0, -1).every((p) => p.requests['get item'] !== undefined && p.requests.limited !== undefined)).toBe(true);
    expect(result.timeline.at(-1)?.cumulative.requests).toBe(result.totals.requests);
  });

  it('collects failures by request and error', () => {
    expect(result.errors.map((e) => [e.method, e.name, e.error])).toEqual([
      ['GET', 'limited', 'HTTP 429'],
      ['GET', 'limited', 'check failed: status is 200'],
    ]);
    expect(result.errors[0]?.occurrences).toBe(result.requests[2]?.count);
  });

  it('describes the run', () => {
    expect(result.load).toEqual([{ group: 'Agreement', description: '8 users, ramp 8/s, hold to 5s', model: 'closed' }]);
    expect(result.durationSeconds).toBeGreaterThan(4.5);
    expect(result.totals.maxUsers).toBe(8);
    expect(result.totals.dataReceivedBytes).toBeGreaterThan(0);
  });
});
