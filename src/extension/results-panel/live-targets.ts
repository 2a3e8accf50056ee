// A verdict per target while the run goes, from the figures so far, judged with the same comparison the final
// evaluation uses; and the final verdicts (k6's own) once the run is over.

import { targetLabel } from '../../core/report/format';
import type { TargetResult, Totals } from '../../core/results';
import { compare, describeMargin } from '../../core/run/evaluate-targets';
import type { LiveTargetState, TargetSpec } from './messages';

/** A request's figures so far, from its per-second points. */
export interface RequestSoFar {
  count: number;
  failures: number;
  /** Request-weighted means of the per-second percentiles: estimates, the exact ones exist only at the end. */
  p50: number | null;
  p95: number | null;
  p99: number | null;
}

export interface LiveMeasurements {
  totals: Totals;
  requests: ReadonlyMap<string, RequestSoFar>;
  /** Seconds measured, for per-request rates. */
  elapsedSeconds: number;
}

type Reading = { actual: number | null; estimate: boolean } | 'at-end';

function overallReading(spec: TargetSpec, totals: Totals): Reading {
  if (totals.requests === 0) return { actual: spec.metric === 'rps' ? 0 : null, estimate: false };
  const value = (actual: number) => ({ actual, estimate: false });
  switch (spec.metric) {
    case 'median':
      return value(totals.p50);
    case 'avg':
      return value(totals.avg);
    case 'min':
      return value(totals.min);
    case 'max':
      return value(totals.max);
    case 'p90':
      return value(totals.p90);
    case 'p95':
      return value(totals.p95);
    case 'p99':
      return value(totals.p99);
    case 'errors':
      return value(totals.failures / totals.requests);
    case 'success':
      return value(1 - totals.failures / totals.requests);
    case 'rps':
      return value(totals.rps);
  }
}

function requestReading(spec: TargetSpec, request: RequestSoFar | undefined, elapsedSeconds: number): Reading {
  const count = request?.count ?? 0;
  if (spec.metric === 'rps') return { actual: elapsedSeconds > 0 ? count / elapsedSeconds : 0, estimate: false };
  if (request === undefined || count === 0) return { actual: null, estimate: false };
  switch (spec.metric) {
    case 'errors':
      return { actual: request.failures / count, estimate: false };
    case 'success':
      return { actual: 1 - request.failures / count, estimate: false };
    case 'median':
      return { actual: request.p50, estimate: true };
    case 'p95':
      return { actual: request.p95, estimate: true };
    case 'p99':
      return { actual: request.p99, estimate: true };
    case 'avg':
    case 'min':
    case 'max':
    case 'p90':
      return 'at-end';
  }
}

/** Each target judged on the figures so far; `previous` (same order) keeps when each first failed. */
export function liveTargetStates(specs: readonly TargetSpec[], measured: LiveMeasurements, previous: readonly LiveTargetState[] = []): LiveTargetState[] {
  return specs.map((spec, index) => {
    const label = targetLabel(spec);
    const reading = spec.request === undefined ? overallReading(spec, measured.totals) : requestReading(spec, measured.requests.get(spec.request), measured.elapsedSeconds);
    const firstFailedBefore = previous[index]?.firstFailedAt ?? null;
    if (reading === 'at-end') {
      return { label, actual: null, status: 'at-end', estimate: false, margin: 'judged at the end of the run', firstFailedAt: firstFailedBefore, final: false };
    }
    const { actual, estimate } = reading;
    const passed = actual !== null && compare(actual, spec.comparison, spec.threshold);
    const status = actual === null ? 'no-data' : passed ? 'pass' : 'fail';
    return {
      label,
      actual,
      status,
      estimate,
      margin: describeMargin(spec.metric, spec.comparison, spec.threshold, actual, passed),
      firstFailedAt: firstFailedBefore ?? (status === 'fail' ? measured.elapsedSeconds : null),
      final: false,
    };
  });
}

/** The finished run's verdicts (k6's own, as in the reports); targets the run never judged keep no data. */
export function finalTargetStates(specs: readonly TargetSpec[], results: readonly TargetResult[], previous: readonly LiveTargetState[] = []): LiveTargetState[] {
  return specs.map((spec, index) => {
    const result = results.length === specs.length ? results[index] : undefined;
    const firstFailedAt = previous[index]?.firstFailedAt ?? null;
    if (result === undefined) {
      return { label: targetLabel(spec), actual: null, status: 'no-data', estimate: false, margin: 'nothing measured', firstFailedAt, final: true };
    }
    const status = result.passed ? 'pass' : result.actual === null ? 'no-data' : 'fail';
    return { label: targetLabel(result), actual: result.actual, status, estimate: false, margin: result.margin, firstFailedAt, final: true };
  });
}
