// The fixed percentile set of every statistics row (Locust's columns), read from a histogram.

import type { Percentiles } from '../results';
import type { LogHistogram } from './histogram';

/** All the percentiles a report shows; zeros when the histogram is empty (no requests to measure). */
export function percentilesOf(histogram: LogHistogram): Percentiles {
  const q = (p: number): number => histogram.quantile(p) ?? 0;
  return {
    p50: q(0.5),
    p66: q(0.66),
    p75: q(0.75),
    p80: q(0.8),
    p90: q(0.9),
    p95: q(0.95),
    p98: q(0.98),
    p99: q(0.99),
    p999: q(0.999),
    p9999: q(0.9999),
    max: histogram.max ?? 0,
    min: histogram.min ?? 0,
    avg: histogram.mean ?? 0,
  };
}
