// The words shown at the end of a scenario's lines after a run: short enough to sit beside the YAML, with the
// figures people look for first (the percentiles and the error rate; a target's verdict, value and margin).
import { formatMs, formatPercent, formatTargetValue } from '../../core/report/format';
import type { RequestStats, TargetResult } from '../../core/results';

/** A request's latency percentiles and error rate: "p50 12 ms · p95 34 ms · p99 56 ms · 0% errors". */
export function requestFigures(stats: Pick<RequestStats, 'count' | 'failures' | 'p50' | 'p95' | 'p99'>): string {
  if (stats.count === 0) return 'no responses in the last run';
  return `p50 ${formatMs(stats.p50)} · p95 ${formatMs(stats.p95)} · p99 ${formatMs(stats.p99)} · ${formatPercent(stats.failures / stats.count)} errors`;
}

/** A target's verdict with the measured value and the margin: "✓ passed: 34 ms, 15x better". */
export function targetVerdict(result: Pick<TargetResult, 'metric' | 'actual' | 'passed' | 'margin'>): string {
  const verdict = result.passed ? '✓ passed' : '✗ failed';
  const margin = result.margin.trim();
  // Rate margins already start with the measured rate ("0.2%, 0.8 points under the limit").
  if (result.actual === null || result.metric === 'errors' || result.metric === 'success') return `${verdict}: ${margin === '' ? 'nothing measured' : margin}`;
  const value = formatTargetValue(result.metric, result.actual);
  return margin === '' ? `${verdict}: ${value}` : `${verdict}: ${value}, ${margin}`;
}
