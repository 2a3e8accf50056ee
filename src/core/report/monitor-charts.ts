// What the "Server metrics" charts of report.html draw, without any chart library: one chart per unit, so bytes
// and connection counts never share an axis, each series a line over the run's seconds, capacities as flat lines.

import type { MonitorSeries, MonitorUnit, RunResult } from '../results';
import { monitorsOf, readingAt } from './monitor-readings';

/** A reading at a second since the start; null draws a gap. */
export interface MonitorPoint {
  x: number;
  y: number | null;
}

export interface MonitorChartLine {
  key: string;
  /** Legend label: the series key ("demo target: pool in use"). */
  label: string;
  points: MonitorPoint[];
  /** The capacity as a line over the same seconds, to draw dashed; null when the series has none. */
  capacity: { label: string; value: number; points: MonitorPoint[] } | null;
}

export interface MonitorChart {
  unit: MonitorUnit;
  title: string;
  axisTitle: string;
  /** For screen readers: what the chart shows. */
  description: string;
  lines: MonitorChartLine[];
  /** Distance between value-axis ticks that lands them on round binary sizes (bytes); undefined lets the chart
   * choose, which for bytes would give ticks such as 47.7 MiB. */
  tickStep: number | undefined;
}

/** The title and axis title of the chart of each unit, shared by report.html and the live panel. */
export const MONITOR_CHART_TITLES: Readonly<Record<MonitorUnit, { title: string; axis: string }>> = {
  count: { title: 'Levels (count)', axis: 'count' },
  'per-second': { title: 'Rates (per second)', axis: 'per second' },
  bytes: { title: 'Memory and sizes (bytes)', axis: 'bytes' },
  seconds: { title: 'Durations (seconds)', axis: 'seconds' },
  'cpu-percent': { title: 'CPU (% of one core)', axis: '% of one core' },
};

/** The capacity line's legend label: "capacity", naming its series when the chart has several capacities. */
export function capacityLabel(series: Pick<MonitorSeries, 'label'>, capacitiesInChart: number): string {
  return capacitiesInChart > 1 ? `capacity of ${series.label}` : 'capacity';
}

function capacityLine(series: MonitorSeries, seconds: readonly number[], capacitiesInChart: number): MonitorChartLine['capacity'] {
  const value = series.capacity;
  if (value === null) return null;
  return { label: capacityLabel(series, capacitiesInChart), value, points: seconds.map((x) => ({ x, y: value })) };
}

// Between 1 and 1024 of a unit, a sixth lies between 0.17 and 171. Quarters and halves of a unit are round binary
// sizes (256 MiB, 512 MiB), where tenths would not be.
const ROUND_STEPS = [0.25, 0.5, 1, 2, 5, 10, 20, 50, 100, 200];
const TICKS_WANTED = 6;

/** A tick step of a quarter, a half, or 1, 2 or 5 times a power of ten of the binary unit (B, KiB, MiB …) the
 * largest value is shown in. */
export function binaryTickStep(largest: number): number | undefined {
  if (!Number.isFinite(largest) || largest <= 0) return undefined;
  let unit = 1;
  while (largest / unit >= 1024) unit *= 1024;
  const wanted = largest / unit / TICKS_WANTED;
  const step = ROUND_STEPS.find((candidate) => candidate >= wanted) ?? 200;
  return step * unit;
}

function largestValue(lines: readonly MonitorChartLine[]): number {
  let largest = 0;
  for (const line of lines) {
    for (const point of line.points) if (point.y !== null && point.y > largest) largest = point.y;
    if (line.capacity !== null && line.capacity.value > largest) largest = line.capacity.value;
  }
  return largest;
}

function chartOf(unit: MonitorUnit, members: readonly MonitorSeries[], result: Pick<RunResult, 'timeline'>): MonitorChart {
  const seconds = result.timeline.map((point) => point.t);
  const capacities = members.filter((series) => series.capacity !== null).length;
  const lines = members.map((series) => ({
    key: series.key,
    label: series.key,
    points: result.timeline.map((point) => ({ x: point.t, y: readingAt(point, series.key) })),
    capacity: capacityLine(series, seconds, capacities),
  }));
  const names = members.map((series) => series.key).join(', ');
  const withCapacity = capacities > 0 ? ', with the capacity as a dashed line' : '';
  return {
    unit,
    title: MONITOR_CHART_TITLES[unit].title,
    axisTitle: MONITOR_CHART_TITLES[unit].axis,
    description: `${names} each second${withCapacity}, and dashed lines where findings began.`,
    lines,
    tickStep: unit === 'bytes' ? binaryTickStep(largestValue(lines)) : undefined,
  };
}

/** The Server metrics charts of a run, one per unit in the order units first appear; none without monitors. */
export function monitorCharts(result: Pick<RunResult, 'monitors' | 'timeline'>): MonitorChart[] {
  const byUnit = new Map<MonitorUnit, MonitorSeries[]>();
  for (const series of monitorsOf(result)) byUnit.set(series.unit, [...(byUnit.get(series.unit) ?? []), series]);
  return [...byUnit.entries()].map(([unit, members]) => chartOf(unit, members, result));
}
