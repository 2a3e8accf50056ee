// The overall lines of the live latency chart: the percentiles the run's panel was opened with (the
// `loadscope.chart.percentiles` setting), always listed in the same order and each in its own colour, so a
// percentile looks the same whichever others are drawn.

import { formatMs } from '../../src/core/report/format';
import type { TargetMetric } from '../../src/core/scenario/model';
import type { ChartPoint } from '../../src/extension/results-panel/messages';

/** The latency figures every chart point carries, in chart order. */
export const LATENCY_LINES = ['p50', 'p90', 'p95', 'p99', 'max'] as const;
export type LatencyLine = (typeof LATENCY_LINES)[number];

/** One colour per line. */
export type LatencyColours = Readonly<Record<LatencyLine, string>>;

export interface LatencySeries {
  key: LatencyLine;
  label: string;
  colour: string;
  value: (point: ChartPoint) => number | null;
}

/** The chosen lines, each once and in chart order, with their colours. */
export function latencySeries(chosen: readonly LatencyLine[], colours: LatencyColours): LatencySeries[] {
  return LATENCY_LINES.filter((line) => chosen.includes(line)).map((line) => ({ key: line, label: line, colour: colours[line], value: (point) => point[line] }));
}

const METRIC_LINES: Partial<Record<TargetMetric, LatencyLine>> = { median: 'p50', p90: 'p90', p95: 'p95', p99: 'p99', max: 'max' };

/** A latency target's colour: its percentile's when that line is charted, else `neutral` (also for avg and min). */
export function latencyTargetColour(metric: TargetMetric, charted: readonly LatencyLine[], colours: LatencyColours, neutral: string): string {
  const line = METRIC_LINES[metric];
  return line !== undefined && charted.includes(line) ? colours[line] : neutral;
}

/** The charted lines' values at one point, for the chart's spoken summary: "p50 50 ms, p99 150 ms". */
export function latencyReading(series: readonly LatencySeries[], point: ChartPoint): string {
  return series.map((line) => `${line.label} ${formatMs(line.value(point))}`).join(', ');
}
