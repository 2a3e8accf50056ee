// What the server metrics area charts, without drawing anything: one chart per unit the run's series are measured
// in (a pool's connections and a CPU percentage share no axis), a line per series, a capacity line for each
// series that has one, and the words a screen reader hears. Built from the series known so far, so the charts
// grow as series appear during the run.

import { formatMonitorValue } from '../../src/core/report/format';
import { capacityLabel, MONITOR_CHART_TITLES } from '../../src/core/report/monitor-charts';
import type { MonitorSeries, MonitorUnit } from '../../src/core/results';
import type { ChartPoint } from '../../src/extension/results-panel/messages';


export interface MonitorLine {
  /** The series' key in each chart point's `monitors`; also its legend label, as in the report. */
  key: string;
  label: string;
  /** The series' place among all of the run's series, so its colour does not change when others appear. */
  colourIndex: number;
  capacity: number | null;
  /** The capacity line's legend label: "capacity", naming the series when its chart has several capacities. */
  capacityLabel: string;
}

export interface MonitorChartPlan {
  unit: MonitorUnit;
  /** The chart's id in the page (`data-chart`). */
  id: string;
  title: string;
  axisTitle: string;
  lines: MonitorLine[];
}

/** One chart per unit that has series, in the order units first appear (as the report orders them); none without series. */
export function monitorChartPlans(series: readonly MonitorSeries[]): MonitorChartPlan[] {
  const units = [...new Set(series.map((one) => one.unit))];
  return units.map((unit) => {
    const members = series.flatMap((one, colourIndex) => (one.unit === unit ? [{ one, colourIndex }] : []));
    const capacities = members.filter(({ one }) => one.capacity !== null).length;
    const lines = members.map(({ one, colourIndex }) => ({
      key: one.key,
      label: one.key,
      colourIndex,
      capacity: one.capacity,
      capacityLabel: capacityLabel(one, capacities),
    }));
    return { unit, id: `server-${unit}`, title: MONITOR_CHART_TITLES[unit].title, axisTitle: MONITOR_CHART_TITLES[unit].axis, lines };
  });
}

/** The reading of a line in one chart point; null when the monitor had none. */
export function monitorReading(point: ChartPoint, key: string): number | null {
  return point.monitors?.[key] ?? null;
}

/** The largest reading or capacity of `lines` over `points`: what the value axis must reach. */
export function largestReading(lines: readonly Pick<MonitorLine, 'key' | 'capacity'>[], points: readonly ChartPoint[]): number {
  let largest = 0;
  for (const line of lines) {
    if (line.capacity !== null && line.capacity > largest) largest = line.capacity;
    for (const point of points) {
      const value = monitorReading(point, line.key);
      if (value !== null && value > largest) largest = value;
    }
  }
  return largest;
}

/** What the chart shows in its last point, for screen readers: "Last: db pool in use 20 of 20 (at capacity), waiting 3." */
export function monitorChartSummary(plan: MonitorChartPlan, last: ChartPoint | undefined): string {
  if (last === undefined) return 'No readings yet.';
  const parts = plan.lines.map((line) => {
    const value = monitorReading(last, line.key);
    const text = `${line.label} ${formatMonitorValue(plan.unit, value)}`;
    if (line.capacity === null) return text;
    const full = value !== null && value >= line.capacity ? ' (at capacity)' : '';
    return `${text} of ${formatMonitorValue(plan.unit, line.capacity)}${full}`;
  });
  return `Last: ${parts.join(', ')}.`;
}
