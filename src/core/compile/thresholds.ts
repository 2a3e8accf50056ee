// Scenario targets → k6 thresholds.
//
// Latency targets use http_req_duration (median → med, p95 → p(95)...), `errors` the rate of
// http_req_failed, `rps` the rate of http_reqs. `success` is 1 - errors, so it is written on
// http_req_failed with the comparison turned round: `success >= 99%` becomes `rate<=0.01`.
// Per-request targets filter on the safe `rid` tag (`http_req_duration{rid:r0}`), never on the display
// name, which may hold any character.

import type { Comparison, Target, TargetMetric } from '../scenario/model';
import { formatK6Duration } from './k6-duration';
import type { K6Threshold } from './k6-options';

/** Where a scenario target went: the threshold key and expression k6 reports it under. */
export interface TargetThreshold {
  /** Index in `scenario.targets`. */
  index: number;
  metricKey: string;
  k6Expression: string;
}

/** The k6 statistic each target metric is judged on: trend stats of http_req_duration, or a rate. */
export const K6_STATISTIC: Readonly<Record<TargetMetric, string>> = {
  median: 'med',
  avg: 'avg',
  min: 'min',
  max: 'max',
  p90: 'p(90)',
  p95: 'p(95)',
  p99: 'p(99)',
  errors: 'rate',
  success: 'rate',
  rps: 'rate',
};

const INVERTED: Record<Comparison, Comparison> = { '<': '>', '<=': '>=', '>': '<', '>=': '<=' };

/** The metric key (with the request's tag filter) and the k6 expression for one target. */
export function thresholdForTarget(target: Target, requestId?: string): { metricKey: string; k6Expression: string } {
  const filter = requestId === undefined ? '' : `{rid:${requestId}}`;
  switch (target.metric) {
    case 'errors':
      return { metricKey: `http_req_failed${filter}`, k6Expression: `rate${target.comparison}${formatNumber(target.value)}` };
    case 'success':
      return { metricKey: `http_req_failed${filter}`, k6Expression: `rate${INVERTED[target.comparison]}${formatNumber(1 - target.value)}` };
    case 'rps':
      return { metricKey: `http_reqs${filter}`, k6Expression: `rate${target.comparison}${formatNumber(target.value)}` };
    default:
      return { metricKey: `http_req_duration${filter}`, k6Expression: `${K6_STATISTIC[target.metric]}${target.comparison}${formatNumber(target.value)}` };
  }
}

/**
 * k6 thresholds for every target, plus harmless ones on each request id (`max>=0`, `rate>=0`,
 * `count>=0`) so that k6's end-of-test summary holds per-request submetrics.
 */
export function buildThresholds(
  targets: readonly Target[],
  requestIds: ReadonlyMap<string, string>,
): { thresholds: Record<string, K6Threshold[]>; mapping: TargetThreshold[] } {
  // Two targets may become the same expression: one abort request makes it abort, the earliest delay wins.
  const entries = new Map<string, Map<string, { abort: boolean; delaySeconds?: number }>>();
  const add = (metricKey: string, expression: string, abort = false, delaySeconds?: number): void => {
    const forMetric = entries.get(metricKey) ?? new Map<string, { abort: boolean; delaySeconds?: number }>();
    entries.set(metricKey, forMetric);
    const existing = forMetric.get(expression);
    const delays = [existing?.delaySeconds, abort ? delaySeconds : undefined].filter((d): d is number => d !== undefined);
    forMetric.set(expression, {
      abort: abort || (existing?.abort ?? false),
      delaySeconds: delays.length > 0 ? Math.min(...delays) : undefined,
    });
  };

  const mapping = targets.map((target, index): TargetThreshold => {
    let requestId: string | undefined;
    if (target.request !== undefined) {
      requestId = requestIds.get(target.request);
      if (requestId === undefined) throw new Error(`Target on unknown request "${target.request}"`);
    }
    const { metricKey, k6Expression } = thresholdForTarget(target, requestId);
    add(metricKey, k6Expression, target.abortOnFail, target.abortGraceSeconds);
    return { index, metricKey, k6Expression };
  });

  for (const id of requestIds.values()) {
    add(`http_req_duration{rid:${id}}`, 'max>=0');
    add(`http_req_failed{rid:${id}}`, 'rate>=0');
    add(`http_reqs{rid:${id}}`, 'count>=0');
  }

  const thresholds: Record<string, K6Threshold[]> = {};
  for (const [metricKey, forMetric] of entries) {
    thresholds[metricKey] = [...forMetric].map(([expression, { abort, delaySeconds }]): K6Threshold => {
      if (!abort) return expression;
      if (delaySeconds === undefined) return { threshold: expression, abortOnFail: true };
      return { threshold: expression, abortOnFail: true, delayAbortEval: formatK6Duration(delaySeconds) };
    });
  }
  return { thresholds, mapping };
}

/** Threshold values without binary noise (`1 - 0.99` → `0.01`). */
export function formatNumber(value: number): string {
  return String(Number(value.toPrecision(12)));
}
