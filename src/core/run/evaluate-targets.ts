// Scenario targets → TargetResult: whether each held and by how much, in plain words.
//
// Pass/fail comes from k6's own threshold verdicts in the summary when there is one (they decide exit code 99,
// so the report and the exit code cannot disagree); without a summary (a killed run) the measured value decides.
// The actual value is k6's summary statistic when it has it (the number its verdict used), else our measurement.

import { K6_STATISTIC, type TargetThreshold } from '../compile/thresholds';
import { isLatencyMetric } from '../report/format';
import type { K6Summary } from '../k6/summary';
import type { RequestStats, TargetResult, Totals } from '../results';
import type { Comparison, Target, TargetMetric } from '../scenario/model';

export interface TargetEvaluationInput {
  /** `scenario.targets`. */
  targets: readonly Target[];
  /** Where the compiler put each target (`compiled.targets`). */
  thresholds: readonly TargetThreshold[];
  summary: K6Summary | undefined;
  totals: Totals;
  requests: readonly RequestStats[];
}

/** One result per target, in the scenario's order. */
export function evaluateTargets(input: TargetEvaluationInput): TargetResult[] {
  return input.targets.map((target, index) => {
    const mapping = input.thresholds.find((t) => t.index === index);
    const k6Metric = mapping ? input.summary?.metrics[mapping.metricKey] : undefined;
    const k6Verdict = mapping ? k6Metric?.thresholds[mapping.k6Expression] : undefined;
    const k6Value = k6Metric?.values[K6_STATISTIC[target.metric]];
    const actual = k6Value !== undefined ? fromK6(target.metric, k6Value) : measured(target, input.totals, input.requests);
    const passed = k6Verdict ?? (actual !== null && compare(actual, target.comparison, target.value));
    return {
      metric: target.metric,
      ...(target.request !== undefined ? { request: target.request } : {}),
      comparison: target.comparison,
      threshold: target.value,
      expression: target.expression,
      actual,
      passed,
      margin: onlyFailuresTimed(target, input.totals, input.requests)
        ? 'every request failed, so no response time to judge'
        : describeMargin(target.metric, target.comparison, target.value, actual, passed),
      abortOnFail: target.abortOnFail,
    };
  });
}

function fromK6(metric: TargetMetric, value: number): number {
  // k6 judges `success` on the failure rate; the target speaks of its complement.
  return metric === 'success' ? 1 - value : value;
}

/** A latency target over requests that all failed: k6 times a refused connection as 0 ms, which would read as
 * "far better" than any target. */
function onlyFailuresTimed(target: Target, totals: Totals, requests: readonly RequestStats[]): boolean {
  if (!isLatencyMetric(target.metric)) return false;
  const stats = target.request === undefined ? { count: totals.requests, failures: totals.failures } : requests.find((r) => r.name === target.request);
  return stats !== undefined && stats.count > 0 && stats.failures === stats.count;
}

/** Our own measurement of a target's metric; null when nothing was measured. */
function measured(target: Target, totals: Totals, requests: readonly RequestStats[]): number | null {
  const stats = target.request === undefined ? totals : requests.find((r) => r.name === target.request);
  if (!stats) return null;
  const count = 'count' in stats ? stats.count : stats.requests;
  if (count === 0) return target.metric === 'rps' ? 0 : null;
  switch (target.metric) {
    case 'median':
      return stats.p50;
    case 'avg':
      return stats.avg;
    case 'min':
      return stats.min;
    case 'max':
      return stats.max;
    case 'p90':
      return stats.p90;
    case 'p95':
      return stats.p95;
    case 'p99':
      return stats.p99;
    case 'errors':
      return stats.failures / count;
    case 'success':
      return 1 - stats.failures / count;
    case 'rps':
      return stats.rps;
  }
}

/** Whether `actual comparison threshold` holds. */
export function compare(actual: number, comparison: Comparison, threshold: number): boolean {
  switch (comparison) {
    case '<':
      return actual < threshold;
    case '<=':
      return actual <= threshold;
    case '>':
      return actual > threshold;
    case '>=':
      return actual >= threshold;
  }
}

/**
 * How far from the threshold, in plain words: "40x better" (5 ms against < 200 ms), "1.25x over" (250 against
 * < 200), "2.4x under" (rps 20 against >= 48); error and success rates in percentage points.
 */
export function describeMargin(metric: TargetMetric, comparison: Comparison, threshold: number, actual: number | null, passed: boolean): string {
  if (actual === null) return 'nothing measured';
  const upperBound = comparison === '<' || comparison === '<=';
  if (metric === 'errors' || metric === 'success') {
    const points = Math.abs(actual - threshold) * 100;
    if (points < 1e-9) return `${percent(actual)}, at the limit`;
    const side = actual < threshold ? 'under' : 'above';
    const shown = formatNumber(points);
    return `${percent(actual)}, ${shown} ${shown === '1' ? 'point' : 'points'} ${side} the limit`;
  }
  if (actual === threshold) return 'at the limit';
  const better = upperBound ? threshold / actual : actual / threshold;
  if (passed) return Number.isFinite(better) ? `${formatRatio(better)} better` : 'far better';
  const worse = upperBound ? actual / threshold : threshold / actual;
  if (!Number.isFinite(worse)) return upperBound ? 'far over' : 'far under';
  return `${formatRatio(worse)} ${upperBound ? 'over' : 'under'}`;
}

function formatRatio(ratio: number): string {
  return `${ratio >= 10 ? Math.round(ratio) : formatNumber(ratio)}x`;
}

function formatNumber(value: number): string {
  return String(Number(value.toFixed(value >= 10 ? 1 : value >= 1 ? 2 : 3)));
}

function percent(ratio: number): string {
  return `${formatNumber(ratio * 100)}%`;
}
