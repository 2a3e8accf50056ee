import { describe, expect, it } from 'vitest';
import { decodePersistedPanelState, isHostMessage, isInitialPanelData, isWebviewMessage } from '../../../src/extension/results-panel/message-guards';
import type { HostMessage, WebviewMessage } from '../../../src/extension/results-panel/messages';
import { RunFeed } from '../../../src/extension/results-panel/run-feed';
import { hostileRun, passingRun } from '../report/fixtures';
import { finding, monitorSeries, runInfo, second, totalsAfter } from './fixtures';

/** What actually arrives on the other side: JSON, not the objects that were sent. */
function sent(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value));
}

function feedMessages(): HostMessage[] {
  const feed = new RunFeed(runInfo({ environment: 'staging' }));
  const result = passingRun();
  return [
    { type: 'snapshot', snapshot: feed.snapshot() },
    ...feed.apply({ type: 'started', startedAt: '2026-01-22T10:15:03.000Z', pid: 1, k6Version: 'v2.2.0', scriptPath: 'test.js', args: [] }),
    ...feed.apply({ type: 'tick', point: second(0), totals: totalsAfter(1) }),
    ...feed.apply({ type: 'monitors', series: [monitorSeries(), monitorSeries({ label: 'cpu', unit: 'cpu-percent', capacity: null, min: null, avg: null, max: null, problem: 'endpoint down' })] }),
    ...feed.apply({ type: 'tick', point: { ...second(1, { rps: 0 }), monitors: { 'api: db pool in use': 20, 'api: cpu': null } }, totals: totalsAfter(2) }),
    ...feed.apply({ type: 'findings', findings: [finding('pool-exhaustion', 1, { evidence: { fromSeconds: 1, toSeconds: 1, series: 'api: db pool in use', readings: [20, 20] } })] }),
    ...feed.apply({ type: 'stopping', hard: false, reason: 'stop requested' }),
    ...feed.apply({ type: 'finished', result }),
    ...feed.reportsWritten(result, { folderLabel: 'r', folder: '/r', html: '/r/report.html', markdown: '/r/report.md' }),
    { type: 'snapshot', snapshot: feed.snapshot() },
    { type: 'state', state: { kind: 'interrupted', message: 'gone' } },
    { type: 'finished', result: { ...hostileRun(), timeline: [] } },
  ];
}

describe('isHostMessage', () => {
  it('accepts every message the feed sends, after the trip through JSON', () => {
    const messages = feedMessages();
    expect(messages.map((message) => message.type)).toEqual(['snapshot', 'state', 'tick', 'monitors', 'tick', 'findings', 'state', 'finished', 'state', 'state', 'snapshot', 'state', 'finished']);
    for (const message of messages) expect(isHostMessage(sent(message)), message.type).toBe(true);
  });

  it('rejects what is not a host message', () => {
    const tick = feedMessages().find((message) => message.type === 'tick');
    if (tick?.type !== 'tick') throw new Error('expected a tick');
    const snapshot = new RunFeed(runInfo()).snapshot();
    const cases: unknown[] = [
      null,
      'tick',
      [],
      { type: 'ready' },
      { type: 'tick' },
      { ...tick, point: { ...tick.point, rps: '20' } },
      { ...tick, point: { ...tick.point, statuses: { '200': null } } },
      { ...tick, figures: { ...tick.figures, targets: [{ label: 'x' }] } },
      { ...tick, figures: { ...tick.figures, final: 'no' } },
      { type: 'state', state: { kind: 'exploded' } },
      { type: 'state', state: { kind: 'finished', verdict: 'maybe', outcome: 'completed', message: '', reports: null } },
      { type: 'state', state: { kind: 'failed', message: 'x', reports: { folder: '/r' } } },
      { type: 'finished', result: { scenario: 'x' } },
      { type: 'snapshot', snapshot: { run: runInfo(), state: { kind: 'waiting' }, points: 'many', figures: null, result: null, selectedRequests: null, chartPercentiles: ['p95'] } },
      { type: 'snapshot', snapshot: { ...snapshot, chartPercentiles: undefined } },
      { type: 'snapshot', snapshot: { ...snapshot, chartPercentiles: [] } },
      { type: 'snapshot', snapshot: { ...snapshot, chartPercentiles: ['p42'] } },
      { ...tick, point: { ...tick.point, max: undefined } },
      { ...tick, point: { ...tick.point, monitors: { 'api: db pool in use': '20' } } },
      { ...tick, point: { ...tick.point, monitors: [20] } },
      { type: 'monitors', series: [{ ...monitorSeries(), unit: 'furlongs' }] },
      { type: 'monitors', series: [{ ...monitorSeries(), capacity: undefined }] },
      { type: 'monitors', series: [{ ...monitorSeries(), problem: 3 }] },
      { type: 'monitors', series: monitorSeries() },
      { type: 'findings', findings: [{ ...finding('errors', 3), kind: 'doom' }] },
      { type: 'findings', findings: [{ ...finding('errors', 3), evidence: { toSeconds: 4 } }] },
      { type: 'findings' },
      { type: 'finished', result: { ...passingRun(), timeline: [], monitors: [{ key: 'x' }] } },
      { type: 'snapshot', snapshot: { ...snapshot, findings: undefined } },
      { type: 'snapshot', snapshot: { ...snapshot, monitors: [{ key: 'x' }] } },
    ];
    for (const value of cases) expect(isHostMessage(value), JSON.stringify(value)).toBe(false);
  });

  it('accepts a result with its server-side series', () => {
    expect(isHostMessage(sent({ type: 'finished', result: { ...passingRun(), timeline: [], monitors: [monitorSeries()] } }))).toBe(true);
  });
});

describe('isWebviewMessage', () => {
  it('accepts each message the page sends', () => {
    const messages: WebviewMessage[] = [
      { type: 'ready' },
      { type: 'stop', hard: false },
      { type: 'stop', hard: true },
      { type: 'openReport', report: 'html' },
      { type: 'openReport', report: 'markdown' },
      { type: 'openReport', report: 'folder' },
      { type: 'openFile', path: 'a.scenario.yaml', line: 3 },
      { type: 'openFile', path: 'a.scenario.yaml', line: null },
      { type: 'openSetting' },
      { type: 'selectRequests', names: ['login', 'cart'] },
    ];
    for (const message of messages) expect(isWebviewMessage(sent(message)), JSON.stringify(message)).toBe(true);
  });

  it('rejects what the page never sends', () => {
    const cases: unknown[] = [
      undefined,
      { command: 'stop' },
      { type: 'stop' },
      { type: 'openReport', report: 'summary.json' },
      { type: 'openReport', report: '../../etc/passwd' },
      { type: 'openFile', path: 3, line: null },
      { type: 'openFile', path: 'x' },
      { type: 'selectRequests', names: 'login' },
      { type: 'selectRequests', names: ['login', 2] },
      { type: 'runCommand', command: 'rm' },
    ];
    for (const value of cases) expect(isWebviewMessage(value), JSON.stringify(value)).toBe(false);
  });
});

describe('persisted state', () => {
  const fallback = ['p50', 'p95', 'p99'] as const;

  it('accepts what a page saves and nothing of another version', () => {
    const snapshot = sent(new RunFeed(runInfo(), ['p99']).snapshot());
    expect(decodePersistedPanelState({ version: 1, snapshot }, fallback)).toEqual({ version: 1, snapshot });
    expect(isInitialPanelData(snapshot)).toBe(true);
    expect(decodePersistedPanelState({ version: 2, snapshot }, fallback)).toBeUndefined();
    expect(decodePersistedPanelState(snapshot, fallback)).toBeUndefined();
    expect(decodePersistedPanelState(undefined, fallback)).toBeUndefined();
  });

  it('keeps the saved choice of latency lines and rejects a broken one', () => {
    const snapshot = sent(new RunFeed(runInfo(), ['p50', 'p99']).snapshot());
    expect(decodePersistedPanelState({ version: 1, snapshot }, fallback)?.snapshot.chartPercentiles).toEqual(['p50', 'p99']);
    expect(decodePersistedPanelState({ version: 1, snapshot: { ...new RunFeed(runInfo()).snapshot(), chartPercentiles: 'p95' } }, fallback)).toBeUndefined();
  });

  it('gives a state saved before the chart followed the setting the fallback lines, and its points no p90 or max', () => {
    const feed = new RunFeed(runInfo());
    feed.apply({ type: 'tick', point: second(0), totals: totalsAfter(1) });
    const { chartPercentiles, points, ...rest } = feed.snapshot();
    expect(chartPercentiles).toEqual(['p50', 'p95', 'p99']);
    const earlier = { ...rest, points: points.map((point) => ({ ...point, p90: undefined, max: undefined })) };
    const decoded = decodePersistedPanelState(sent({ version: 1, snapshot: earlier }), ['p95']);
    expect(decoded?.snapshot.chartPercentiles).toEqual(['p95']);
    expect(decoded?.snapshot.points).toEqual([{ ...points[0], p90: null, max: null }]);
  });

  it('gives a state saved before live findings and server metrics the result\'s findings and no series', () => {
    const feed = new RunFeed(runInfo());
    feed.reportsWritten(passingRun(), { folderLabel: 'r', folder: '/r', html: '/r/report.html', markdown: '/r/report.md' });
    const { findings, monitors, ...earlier } = feed.snapshot();
    expect(monitors).toEqual([]);
    const decoded = decodePersistedPanelState(sent({ version: 1, snapshot: earlier }), fallback);
    expect(decoded?.snapshot.findings).toEqual(findings);
    expect(decoded?.snapshot.findings).toEqual(passingRun().findings);
    expect(decoded?.snapshot.monitors).toEqual([]);
  });
});
