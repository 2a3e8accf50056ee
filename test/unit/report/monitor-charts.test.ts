import { describe, expect, it } from 'vitest';
import { binaryTickStep, monitorCharts } from '../../../src/core/report/monitor-charts';
import { burstRun, monitoredRun, PROCESS_GAP_SECONDS } from './fixtures';

describe('monitorCharts', () => {
  it('draws one chart per unit, in the order the units first appear', () => {
    const charts = monitorCharts(monitoredRun());
    expect(charts.map((chart) => [chart.unit, chart.title, chart.axisTitle])).toEqual([
      ['count', 'Levels (count)', 'count'],
      ['cpu-percent', 'CPU (% of one core)', '% of one core'],
      ['bytes', 'Memory and sizes (bytes)', 'bytes'],
    ]);
    expect(charts[0]?.lines.map((line) => line.label)).toEqual(['demo target: database pool in use', 'demo target: waiting for a connection']);
  });

  it('gives each series a point per second of the run, with gaps where there was no reading', () => {
    const run = monitoredRun();
    const cpu = monitorCharts(run)[1]?.lines[0];
    expect(cpu?.points).toHaveLength(run.timeline.length);
    expect(cpu?.points[0]).toEqual({ x: 0, y: 30 });
    for (const second of PROCESS_GAP_SECONDS) expect(cpu?.points[second]).toEqual({ x: second, y: null });
  });

  it('draws a capacity as a flat line labelled "capacity", naming its series when a chart has several', () => {
    const run = monitoredRun();
    const [pool, waiting] = monitorCharts(run)[0]?.lines ?? [];
    expect(pool?.capacity?.label).toBe('capacity');
    expect(pool?.capacity?.value).toBe(20);
    expect(new Set(pool?.capacity?.points.map((point) => point.y))).toEqual(new Set([20]));
    expect(pool?.capacity?.points).toHaveLength(run.timeline.length);
    expect(waiting?.capacity).toBeNull();
    expect(monitorCharts(run)[0]?.description).toContain('with the capacity as a dashed line');

    const both = (run.monitors ?? []).map((series) => (series.unit === 'count' ? { ...series, capacity: 200 } : series));
    expect(monitorCharts({ ...run, monitors: both })[0]?.lines.map((line) => line.capacity?.label)).toEqual([
      'capacity of database pool in use',
      'capacity of waiting for a connection',
    ]);
  });

  it('has no chart without monitors', () => {
    expect(monitorCharts(burstRun())).toEqual([]);
    expect(monitorCharts({ ...burstRun(), monitors: [] })).toEqual([]);
  });
});

describe('binaryTickStep', () => {
  it('steps bytes by round binary sizes, about six ticks up to the largest value', () => {
    const run = monitoredRun();
    expect(monitorCharts(run)[2]?.tickStep).toBe(50 * 1024 * 1024);
    expect(monitorCharts(run)[0]?.tickStep).toBeUndefined();
    expect(binaryTickStep(300 * 1024 * 1024)).toBe(50 * 1024 * 1024);
    expect(binaryTickStep(3 * 1024 ** 3)).toBe(512 * 1024 * 1024);
    expect(binaryTickStep(1.2 * 1024 ** 3)).toBe(256 * 1024 * 1024);
    expect(binaryTickStep(900)).toBe(200);
    expect(binaryTickStep(0)).toBeUndefined();
  });
});
