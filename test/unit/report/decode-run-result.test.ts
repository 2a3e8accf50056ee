import { describe, expect, it } from 'vitest';
import { isMonitorSeries, isRunResult } from '../../../src/core/report/decode-run-result';
import { renderSummaryJson } from '../../../src/core/report/summary-json';
import { ALL_RUNS, monitoredRun, passingRun } from './fixtures';

describe('isRunResult', () => {
  it('accepts every fixture read back from summary.json', () => {
    for (const [name, run] of ALL_RUNS) expect(isRunResult(JSON.parse(renderSummaryJson(run()))), name).toBe(true);
  });

  it('rejects what is not a RunResult of schema version 1', () => {
    const good: unknown = JSON.parse(renderSummaryJson(passingRun()));
    const broken = (change: (value: Record<string, unknown>) => void): unknown => {
      const copy: unknown = JSON.parse(JSON.stringify(good));
      if (typeof copy === 'object' && copy !== null) change(copy as Record<string, unknown>);
      return copy;
    };
    expect(isRunResult(null)).toBe(false);
    expect(isRunResult([])).toBe(false);
    expect(isRunResult(broken((value) => (value.schemaVersion = 2)))).toBe(false);
    expect(isRunResult(broken((value) => (value.verdict = 'maybe')))).toBe(false);
    expect(isRunResult(broken((value) => (value.outcome = 'exploded')))).toBe(false);
    expect(isRunResult(broken((value) => delete value.totals))).toBe(false);
    expect(isRunResult(broken((value) => (value.timeline = [{ t: 0 }])))).toBe(false);
    expect(isRunResult(broken((value) => (value.targets = [{ metric: 'p99' }])))).toBe(false);
  });
});

describe('isRunResult with server monitors', () => {
  function readBack(change: (value: Record<string, unknown>) => void = () => undefined): unknown {
    const copy: unknown = JSON.parse(renderSummaryJson(monitoredRun()));
    if (typeof copy === 'object' && copy !== null) change(copy as Record<string, unknown>);
    return copy;
  }

  it('keeps monitors and the readings of each second through summary.json', () => {
    const run = monitoredRun();
    const decoded = readBack();
    expect(isRunResult(decoded)).toBe(true);
    if (!isRunResult(decoded)) return;
    expect(decoded).toEqual(run);
    expect(decoded.monitors?.map((series) => series.key)).toEqual(run.monitors?.map((series) => series.key));
    expect(decoded.monitors?.[2]?.problem).toBe('no reading for 2 s (0:30 to 0:31): the process did not answer');
    expect(decoded.timeline[30]?.monitors).toEqual({
      'demo target: database pool in use': 20,
      'demo target: waiting for a connection': 180,
      'app process: CPU': null,
      'app process: memory': null,
    });
  });

  it('still reads a summary.json written before monitors existed', () => {
    const old = JSON.parse(renderSummaryJson(passingRun())) as Record<string, unknown>;
    expect('monitors' in old).toBe(false);
    expect(isRunResult(old)).toBe(true);
  });

  it('rejects malformed monitors and readings', () => {
    const series = (change: (one: Record<string, unknown>) => void) =>
      readBack((value) => {
        const list = value.monitors;
        if (Array.isArray(list) && typeof list[0] === 'object' && list[0] !== null) change(list[0] as Record<string, unknown>);
      });
    expect(isRunResult(readBack((value) => (value.monitors = {})))).toBe(false);
    expect(isRunResult(readBack((value) => (value.monitors = null)))).toBe(false);
    expect(isRunResult(series((one) => (one.unit = 'percent')))).toBe(false);
    expect(isRunResult(series((one) => delete one.key))).toBe(false);
    expect(isRunResult(series((one) => (one.capacity = '20')))).toBe(false);
    expect(isRunResult(series((one) => (one.max = undefined)))).toBe(false);
    expect(isRunResult(series((one) => (one.problem = 42)))).toBe(false);
    expect(isRunResult(series((one) => (one.key = 'demo target: waiting for a connection')))).toBe(false);
    const reading = (monitors: unknown) =>
      readBack((value) => {
        const first = Array.isArray(value.timeline) ? value.timeline[0] : undefined;
        if (typeof first === 'object' && first !== null) (first as Record<string, unknown>).monitors = monitors;
      });
    expect(isRunResult(reading({ 'app process: CPU': '30' }))).toBe(false);
    expect(isRunResult(reading([30]))).toBe(false);
    expect(isRunResult(reading({ 'app process: CPU': null }))).toBe(true);
  });

  it('checks one series on its own, for the monitors run event', () => {
    expect(isMonitorSeries(monitoredRun().monitors?.[0])).toBe(true);
    expect(isMonitorSeries({ key: 'a: b', monitor: 'a', label: 'b', unit: 'count', capacity: null, samples: 0, min: null, avg: null, max: null })).toBe(true);
    expect(isMonitorSeries({ key: 'a: b', monitor: 'a', label: 'b', unit: 'count' })).toBe(false);
  });
});

describe('renderSummaryJson', () => {
  it('is the RunResult itself, pretty-printed with a final newline', () => {
    const run = passingRun();
    const text = renderSummaryJson(run);
    expect(JSON.parse(text)).toEqual(run);
    expect(text.startsWith('{\n  "schemaVersion": 1,\n')).toBe(true);
    expect(text.endsWith('}\n')).toBe(true);
  });
});
