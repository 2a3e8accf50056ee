import { describe, expect, it } from 'vitest';
import type { RunResult } from '../../../src/core/results';
import type { RunEvent } from '../../../src/core/run/run-events';
import type { HostMessage, ReportLinks, RunInfo } from '../../../src/extension/results-panel/messages';
import { RunFeed, stateForResult } from '../../../src/extension/results-panel/run-feed';
import { k6MissingRun, passingRun, scriptErrorRun, stoppedRun } from '../report/fixtures';
import { finding, monitorSeries, runInfo, second, totalsAfter } from './fixtures';

const LINKS: ReportLinks = {
  folderLabel: 'load-reports/checkout/2026-01-22T10-15-03',
  folder: '/reports/checkout/2026-01-22T10-15-03',
  html: '/reports/checkout/2026-01-22T10-15-03/report.html',
  markdown: '/reports/checkout/2026-01-22T10-15-03/report.md',
};

const started: RunEvent = { type: 'started', startedAt: '2026-01-22T10:15:03.000Z', pid: 42, k6Version: 'v2.2.0', scriptPath: 'test.js', args: ['run'] };

function tick(t: number, options: { rps?: number; failures?: number; p95?: number } = {}): RunEvent {
  return { type: 'tick', point: second(t, options), totals: totalsAfter(t + 1, options) };
}

/** The panel's frame for a result, with its targets in the same order. */
function infoFor(result: RunResult): RunInfo {
  return runInfo({
    scenario: result.scenario,
    targets: result.targets.map((target, index) => ({
      metric: target.metric,
      ...(target.request !== undefined ? { request: target.request } : {}),
      comparison: target.comparison,
      threshold: target.threshold,
      expression: target.expression,
      line: 10 + index,
    })),
  });
}

function types(messages: readonly HostMessage[]): string[] {
  return messages.map((message) => (message.type === 'state' ? `state:${message.state.kind}` : message.type));
}

describe('RunFeed', () => {
  it('turns a run into messages: started, a tick a second, stopping, finished, then the report links', () => {
    const feed = new RunFeed(runInfo());
    expect(feed.snapshot().state).toEqual({ kind: 'waiting' });
    expect(types(feed.apply(started))).toEqual(['state:running']);
    const first = feed.apply(tick(0));
    expect(types(first)).toEqual(['tick']);
    const message = first[0];
    if (message?.type !== 'tick') throw new Error('expected a tick');
    expect(message.point).toMatchObject({ t: 0, span: 1, rps: 20 });
    expect(message.figures).toMatchObject({ elapsedSeconds: 1, requests: 20, currentRps: 20, final: false });
    expect(message.figures.perRequest.map((row) => [row.name, row.count])).toEqual([
      ['login', 10],
      ['cart', 10],
    ]);
    expect(feed.apply({ type: 'log', line: 'level=info msg=hello', stream: 'stderr' })).toEqual([]);
    expect(types(feed.apply({ type: 'stopping', hard: false, reason: 'stop requested' }))).toEqual(['state:stopping']);
    const result = stoppedRun();
    expect(types(feed.apply({ type: 'finished', result }))).toEqual(['finished', 'state:finished']);
    expect(types(feed.reportsWritten(result, LINKS))).toEqual(['state:finished']);
    const snapshot = feed.snapshot();
    expect(snapshot.state).toMatchObject({ kind: 'finished', verdict: result.verdict, reports: LINKS });
    expect(snapshot.result?.timeline).toEqual([]);
    expect(snapshot.result?.totals).toEqual(result.totals);
    expect(snapshot.figures?.final).toBe(true);
    expect(snapshot.points).toHaveLength(1);
  });

  it('sends the result without its timeline', () => {
    const feed = new RunFeed(infoFor(passingRun()));
    const [finished] = feed.apply({ type: 'finished', result: passingRun() });
    expect(finished?.type === 'finished' && finished.result.timeline).toEqual([]);
  });

  it('turns a target red the second its live value crosses, and keeps the final verdict from the result', () => {
    const feed = new RunFeed(runInfo());
    feed.apply(started);
    const calm = feed.apply(tick(0, { p95: 200 }))[0];
    const spike = feed.apply(tick(1, { p95: 800 }))[0];
    if (calm?.type !== 'tick' || spike?.type !== 'tick') throw new Error('expected ticks');
    expect(calm.figures.targets[0]).toMatchObject({ status: 'pass' });
    expect(spike.figures.targets[0]).toMatchObject({ status: 'fail', actual: 800, firstFailedAt: 2 });
    // login's p95 per request: the request-weighted mean of its seconds' p95.
    expect(spike.figures.targets[2]).toMatchObject({ actual: 500, estimate: true, status: 'fail' });
    expect(spike.figures.targets[3]).toMatchObject({ status: 'at-end' });
  });

  it('shows k6 missing from the result alone, when no event came', () => {
    const feed = new RunFeed(infoFor(k6MissingRun()));
    const messages = feed.reportsWritten(k6MissingRun(), LINKS);
    expect(types(messages)).toEqual(['finished', 'state:k6-missing']);
    expect(feed.snapshot().state).toEqual({ kind: 'k6-missing', message: k6MissingRun().outcomeMessage, reports: LINKS });
    expect(feed.snapshot().figures?.targets.map((target) => target.status)).toEqual(['no-data', 'no-data', 'no-data']);
  });

  it("shows a failed run with k6's message", () => {
    expect(stateForResult(scriptErrorRun(), null)).toEqual({ kind: 'failed', message: scriptErrorRun().outcomeMessage, reports: null });
  });

  it('fails a run that never started and ignores anything after', () => {
    const feed = new RunFeed(runInfo());
    expect(types(feed.fail('The scenario has 2 errors.'))).toEqual(['state:failed']);
    expect(feed.apply(started)).toEqual([]);
    expect(feed.apply(tick(0))).toEqual([]);
    expect(feed.fail('again')).toEqual([]);
    expect(feed.snapshot().state).toEqual({ kind: 'failed', message: 'The scenario has 2 errors.', reports: null });
  });

  it('does not take back the report links when a late finished event comes', () => {
    const feed = new RunFeed(runInfo());
    feed.reportsWritten(stoppedRun(), LINKS);
    expect(types(feed.apply({ type: 'finished', result: stoppedRun() }))).toEqual([]);
    expect(feed.snapshot().state).toMatchObject({ reports: LINKS });
  });

  it('moves from a graceful to a hard stop, not back', () => {
    const feed = new RunFeed(runInfo());
    feed.apply(started);
    feed.apply({ type: 'stopping', hard: false, reason: 'stop requested' });
    expect(types(feed.apply({ type: 'stopping', hard: true, reason: 'second stop request' }))).toEqual(['state:stopping']);
    expect(feed.apply({ type: 'stopping', hard: false, reason: 'late' })).toEqual([]);
    expect(feed.currentState).toMatchObject({ hard: true });
  });

  it('remembers the charted requests, known names only', () => {
    const feed = new RunFeed(runInfo());
    feed.selectRequests(['cart', 'nope', 'cart', 'login']);
    expect(feed.snapshot().selectedRequests).toEqual(['cart', 'login']);
  });

  it('stays bounded over three hours of seconds', () => {
    const feed = new RunFeed(runInfo());
    feed.apply(started);
    for (let t = 0; t < 3 * 3600; t++) feed.apply(tick(t, { p95: 100 + (t % 50) }));
    const snapshot = feed.snapshot();
    expect(snapshot.points.length).toBeLessThanOrEqual(960);
    expect(snapshot.figures?.perRequest).toHaveLength(2);
    expect(snapshot.figures?.requests).toBe(20 * 3 * 3600);
    expect(JSON.stringify(snapshot).length).toBeLessThan(400_000);
  });

  it('restores a finished panel as it was, and marks a run that was still going as interrupted', () => {
    const finished = new RunFeed(runInfo());
    finished.reportsWritten(stoppedRun(), LINKS);
    expect(RunFeed.restore(finished.snapshot()).snapshot()).toEqual(finished.snapshot());

    const going = new RunFeed(runInfo());
    going.apply(started);
    going.apply(tick(0));
    const restored = RunFeed.restore(going.snapshot());
    expect(restored.currentState.kind).toBe('interrupted');
    expect(restored.snapshot().points).toEqual(going.snapshot().points);
    expect(restored.apply(tick(1))).toEqual([]);
  });

  it('passes on the findings so far, each list replacing the last, and takes the final ones from the result', () => {
    const feed = new RunFeed(runInfo());
    feed.apply(started);
    expect(feed.snapshot().findings).toEqual([]);
    const first = [finding('saturation', 40)];
    expect(feed.apply({ type: 'findings', findings: first })).toEqual([{ type: 'findings', findings: first }]);
    const second = [finding('errors', 45), finding('saturation', 40)];
    expect(feed.apply({ type: 'findings', findings: second })).toEqual([{ type: 'findings', findings: second }]);
    expect(feed.snapshot().findings).toEqual(second);
    const result = passingRun();
    feed.apply({ type: 'finished', result });
    expect(feed.snapshot().findings).toEqual(result.findings);
    expect(feed.apply({ type: 'findings', findings: first })).toEqual([]);
  });

  it('passes on the server-side series and their readings, and keeps them for a reloaded panel', () => {
    const feed = new RunFeed(runInfo());
    feed.apply(started);
    const series = [monitorSeries()];
    expect(feed.apply({ type: 'monitors', series })).toEqual([{ type: 'monitors', series }]);
    const [tickMessage] = feed.apply({ type: 'tick', point: { ...second(0), monitors: { 'api: db pool in use': 12 } }, totals: totalsAfter(1) });
    expect(tickMessage?.type === 'tick' && tickMessage.point.monitors).toEqual({ 'api: db pool in use': 12 });
    const restored = RunFeed.restore(feed.snapshot()).snapshot();
    expect(restored.monitors).toEqual(series);
    expect(restored.points[0]?.monitors).toEqual({ 'api: db pool in use': 12 });
  });

  it("takes the result's series at the end, and keeps the last ones sent when it has none", () => {
    const feed = new RunFeed(runInfo());
    feed.apply({ type: 'monitors', series: [monitorSeries({ capacity: null })] });
    feed.apply({ type: 'finished', result: { ...passingRun(), monitors: [monitorSeries()] } });
    expect(feed.snapshot().monitors).toEqual([monitorSeries()]);
    const without = new RunFeed(runInfo());
    without.apply({ type: 'monitors', series: [monitorSeries()] });
    without.apply({ type: 'finished', result: passingRun() });
    expect(without.snapshot().monitors).toEqual([monitorSeries()]);
  });
});
