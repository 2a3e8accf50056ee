// The server metrics area without a browser: which charts, which lines and capacities, and what they say.
import { describe, expect, it } from 'vitest';
import { largestReading, monitorChartPlans, monitorChartSummary } from '../../../webview/panel/server-metrics';
import { chartPoint, monitorSeries } from './fixtures';

describe('monitorChartPlans', () => {
  it('charts nothing without series', () => {
    expect(monitorChartPlans([])).toEqual([]);
  });

  it('makes one chart per unit, in the order units first appear, with a line per series and its capacity', () => {
    const series = [
      monitorSeries({ label: 'memory', unit: 'bytes', capacity: null }),
      monitorSeries({ label: 'db pool in use' }),
      monitorSeries({ label: 'requests', unit: 'per-second', capacity: null }),
      monitorSeries({ label: 'db pool waiting', capacity: null }),
      monitorSeries({ label: 'cpu', unit: 'cpu-percent', capacity: 200 }),
    ];
    const plans = monitorChartPlans(series);
    expect(plans.map((plan) => plan.unit)).toEqual(['bytes', 'count', 'per-second', 'cpu-percent']);
    expect(plans.map((plan) => plan.id)).toEqual(['server-bytes', 'server-count', 'server-per-second', 'server-cpu-percent']);
    expect(plans.map((plan) => plan.title)).toEqual(['Memory and sizes (bytes)', 'Levels (count)', 'Rates (per second)', 'CPU (% of one core)']);
    expect(plans[1]?.lines).toEqual([
      { key: 'api: db pool in use', label: 'api: db pool in use', colourIndex: 1, capacity: 20, capacityLabel: 'capacity' },
      { key: 'api: db pool waiting', label: 'api: db pool waiting', colourIndex: 3, capacity: null, capacityLabel: 'capacity' },
    ]);
    expect(plans[3]?.axisTitle).toBe('% of one core');
  });

  it('names the series of each capacity when a chart has several', () => {
    const [levels] = monitorChartPlans([monitorSeries({ label: 'db pool in use' }), monitorSeries({ label: 'workers busy', capacity: 8 })]);
    expect(levels?.lines.map((line) => line.capacityLabel)).toEqual(['capacity of db pool in use', 'capacity of workers busy']);
  });

  it('keeps each series its colour when more series appear', () => {
    const first = monitorChartPlans([monitorSeries({ label: 'a' }), monitorSeries({ label: 'b', unit: 'bytes' })]);
    const later = monitorChartPlans([monitorSeries({ label: 'a' }), monitorSeries({ label: 'b', unit: 'bytes' }), monitorSeries({ label: 'c' })]);
    expect(first.find((plan) => plan.unit === 'bytes')?.lines[0]?.colourIndex).toBe(later.find((plan) => plan.unit === 'bytes')?.lines[0]?.colourIndex);
    expect(later.find((plan) => plan.unit === 'count')?.lines.map((line) => line.colourIndex)).toEqual([0, 2]);
  });
});

describe('monitorChartSummary', () => {
  const [pool] = monitorChartPlans([monitorSeries(), monitorSeries({ label: 'db pool waiting', capacity: null })]);
  if (pool === undefined) throw new Error('expected a chart');

  it('reads the last point in the unit, against the capacity', () => {
    const last = chartPoint(9, { monitors: { 'api: db pool in use': 20, 'api: db pool waiting': 3.5 } });
    expect(monitorChartSummary(pool, last)).toBe('Last: api: db pool in use 20 of 20 (at capacity), api: db pool waiting 3.5.');
    expect(monitorChartSummary(pool, chartPoint(9, { monitors: { 'api: db pool in use': null } }))).toBe('Last: api: db pool in use n/a of 20, api: db pool waiting n/a.');
    expect(monitorChartSummary(pool, undefined)).toBe('No readings yet.');
  });

  it('formats bytes, seconds and CPU as the reports do', () => {
    const plans = monitorChartPlans([
      monitorSeries({ label: 'memory', unit: 'bytes', capacity: null }),
      monitorSeries({ label: 'gc', unit: 'seconds', capacity: null }),
      monitorSeries({ label: 'cpu', unit: 'cpu-percent', capacity: null }),
    ]);
    const last = chartPoint(1, { monitors: { 'api: memory': 48 * 1024 * 1024, 'api: gc': 0.012, 'api: cpu': 87.4 } });
    expect(plans.map((plan) => monitorChartSummary(plan, last))).toEqual(['Last: api: memory 48 MiB.', 'Last: api: gc 12 ms.', 'Last: api: cpu 87 %.']);
  });
});

describe('largestReading', () => {
  it('reaches the highest reading or capacity, whichever is higher, ignoring gaps', () => {
    const points = [chartPoint(0, { monitors: { a: 5, b: null } }), chartPoint(1, { monitors: { a: 12 } }), chartPoint(2)];
    expect(largestReading([{ key: 'a', capacity: null }], points)).toBe(12);
    expect(largestReading([{ key: 'a', capacity: 20 }, { key: 'b', capacity: null }], points)).toBe(20);
    expect(largestReading([{ key: 'b', capacity: null }], points)).toBe(0);
  });
});
