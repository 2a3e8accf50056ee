// How a monitored series is measured, from Prometheus naming conventions and the declared `# TYPE`:
// a counter only grows, so what is worth charting is its rate per second, not its running total.
import type { MonitorUnit } from '../results';
import { metricFamily, type MetricType } from './prometheus-text';

export interface SeriesMeasure {
  /** Charted as the change per second between readings (counters), not as read (gauges). */
  rate: boolean;
  /** Applied after the rate: 100 turns CPU seconds per second into percent of one core. */
  scale: number;
  unit: MonitorUnit;
}

/** How to chart the series named `metricName`; `types` are the `# TYPE` declarations once the endpoint was read. */
export function seriesMeasure(metricName: string, types: ReadonlyMap<string, MetricType> = new Map()): SeriesMeasure {
  if (isCounter(metricName, types)) {
    if (/cpu_seconds(?:_total)?$/.test(metricName)) return { rate: true, scale: 100, unit: 'cpu-percent' };
    return { rate: true, scale: 1, unit: 'per-second' };
  }
  if (metricName.endsWith('_bytes')) return { rate: false, scale: 1, unit: 'bytes' };
  if (metricName.endsWith('_seconds')) return { rate: false, scale: 1, unit: 'seconds' };
  return { rate: false, scale: 1, unit: 'count' };
}

function isCounter(metricName: string, types: ReadonlyMap<string, MetricType>): boolean {
  const { family, type } = metricFamily(metricName, types);
  if (type === 'counter') return true;
  // A histogram's buckets, sum and count are cumulative; a summary's quantiles (the family name itself) are not.
  if (type === 'histogram' || type === 'summary') return family !== metricName;
  if (type === 'gauge') return false;
  return metricName.endsWith('_total');
}
