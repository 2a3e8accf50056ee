// The "Server metrics" table, shared by report.md and report.html: one row per monitored series, in words.

import type { MonitorSeries, RunResult } from '../results';
import { formatClock, formatCount, formatMonitorValue } from './format';
import { monitorsOf, peakLoadPoint, readingAt } from './monitor-readings';

export interface MonitorSummaryRow {
  monitor: string;
  series: string;
  min: string;
  avg: string;
  max: string;
  /** "–" when the series has no capacity. */
  capacity: string;
  atPeakLoad: string;
  /** Why seconds lack a reading; "" when none do. */
  problem: string;
}

export interface MonitorSummary {
  /** Header of the at-peak column, naming the moment: "At peak load (1,050 users, 3:58)". */
  atPeakLoadHeader: string;
  /** One sentence on how the table was read. */
  explanation: string;
  rows: MonitorSummaryRow[];
  /** True when some series has a problem, so the table needs that column. */
  anyProblem: boolean;
}

/** Shown for a series without a capacity. */
export const NO_CAPACITY = '–';

// Reaching the capacity is the point of declaring one: say so next to the number.
function withCapacityMark(series: MonitorSeries, value: number | null): string {
  const text = formatMonitorValue(series.unit, value);
  return value !== null && series.capacity !== null && value >= series.capacity ? `${text} (at capacity)` : text;
}

/** The table of a run's server-side series; undefined when the run had no monitors. */
export function monitorSummary(result: Pick<RunResult, 'monitors' | 'timeline'>): MonitorSummary | undefined {
  const monitors = monitorsOf(result);
  if (monitors.length === 0) return undefined;
  const peak = peakLoadPoint(result.timeline);
  const moment = peak === undefined ? undefined : `${formatCount(peak.users)} users, ${formatClock(peak.t)}`;
  const rows = monitors.map((series) => ({
    monitor: series.monitor,
    series: series.label,
    min: formatMonitorValue(series.unit, series.min),
    avg: formatMonitorValue(series.unit, series.avg),
    max: withCapacityMark(series, series.max),
    capacity: series.capacity === null ? NO_CAPACITY : formatMonitorValue(series.unit, series.capacity),
    atPeakLoad: peak === undefined ? 'n/a' : withCapacityMark(series, readingAt(peak, series.key)),
    problem: series.problem ?? '',
  }));
  const cpu = monitors.some((series) => series.unit === 'cpu-percent') ? ' CPU is in percent of one core.' : '';
  const explanation =
    moment === undefined
      ? `Read once a second by the monitors of the scenario.${cpu} Nothing was measured over time, so there is no reading at peak load.`
      : `Read once a second by the monitors of the scenario.${cpu} "At peak load" is the reading in the last second at the most users (${moment}).`;
  return {
    atPeakLoadHeader: moment === undefined ? 'At peak load' : `At peak load (${moment})`,
    explanation,
    rows,
    anyProblem: rows.some((row) => row.problem !== ''),
  };
}
