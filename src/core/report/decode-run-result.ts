// Type guards for a RunResult read back from JSON (summary.json, the data block of report.html).

import { isFinding } from '../findings/decode-finding';
import type { BaselineComparison, ComparisonSummary, ErrorStat, MonitorSeries, MonitorUnit, Percentiles, RequestStats, RunResult, TargetResult, TimelinePoint, Totals } from '../results';
import { fieldsAre as hasFields, isArrayOf, isBoolean, isNumber, isObject, isOneOf, isRecordOf, isString, orNull } from '../type-guards';

const isNumberOrNull = orNull(isNumber);

const PERCENTILE_FIELDS: readonly (keyof Percentiles)[] = ['p50', 'p66', 'p75', 'p80', 'p90', 'p95', 'p98', 'p99', 'p999', 'p9999', 'max', 'min', 'avg'];
const VERDICTS: readonly string[] = ['pass', 'fail', 'stopped', 'error'];
const OUTCOMES: readonly string[] = ['completed', 'thresholds-failed', 'stopped', 'killed', 'script-error', 'k6-crashed', 'k6-missing', 'invalid-config'];
const METRICS: readonly string[] = ['median', 'avg', 'min', 'p90', 'p95', 'p99', 'max', 'errors', 'success', 'rps'];
const COMPARISONS: readonly string[] = ['<', '<=', '>', '>='];
const MONITOR_UNITS: readonly MonitorUnit[] = ['count', 'per-second', 'bytes', 'seconds', 'cpu-percent'];
const isMonitorUnit = isOneOf(MONITOR_UNITS);

function isRequestStats(value: unknown): value is RequestStats {
  return (
    isObject(value) &&
    hasFields(value, PERCENTILE_FIELDS, isNumber) &&
    hasFields(value, ['name', 'method', 'group'], isString) &&
    hasFields(value, ['count', 'failures', 'avgSize', 'rps', 'failuresPerSecond'], isNumber)
  );
}

function isTotals(value: unknown): value is Totals {
  return (
    isObject(value) &&
    hasFields(value, PERCENTILE_FIELDS, isNumber) &&
    hasFields(
      value,
      ['requests', 'failures', 'errorRate', 'rps', 'failuresPerSecond', 'avgSize', 'iterations', 'droppedIterations', 'maxUsers', 'dataReceivedBytes', 'dataSentBytes'],
      isNumber,
    ) &&
    isObject(value.checks) &&
    hasFields(value.checks, ['passes', 'fails'], isNumber)
  );
}

function isTargetResult(value: unknown): value is TargetResult {
  return (
    isObject(value) &&
    isString(value.metric) &&
    METRICS.includes(value.metric) &&
    (value.request === undefined || isString(value.request)) &&
    isString(value.comparison) &&
    COMPARISONS.includes(value.comparison) &&
    isNumber(value.threshold) &&
    isString(value.expression) &&
    isNumberOrNull(value.actual) &&
    isBoolean(value.passed) &&
    isString(value.margin) &&
    isBoolean(value.abortOnFail)
  );
}

function isErrorStat(value: unknown): value is ErrorStat {
  return isObject(value) && hasFields(value, ['method', 'name', 'error', 'firstSeen', 'lastSeen'], isString) && isNumber(value.occurrences);
}

function isRequestPoint(value: unknown): value is TimelinePoint['requests'][string] {
  return isObject(value) && hasFields(value, ['rps', 'failuresPerSecond'], isNumber) && hasFields(value, ['p50', 'p95', 'p99'], isNumberOrNull);
}

function isCumulative(value: unknown): value is TimelinePoint['cumulative'] {
  return isObject(value) && hasFields(value, ['requests', 'failures'], isNumber) && hasFields(value, ['p50', 'avg', 'min', 'max', 'avgSize'], isNumberOrNull);
}

function isTimelinePoint(value: unknown): value is TimelinePoint {
  return (
    isObject(value) &&
    hasFields(value, ['t', 'time', 'users', 'rps', 'failuresPerSecond', 'droppedIterations'], isNumber) &&
    hasFields(value, ['p50', 'p90', 'p95', 'p99', 'max', 'avg'], isNumberOrNull) &&
    isRecordOf(value.statuses, isNumber) &&
    isRecordOf(value.errors, isNumber) &&
    isRecordOf(value.requests, isRequestPoint) &&
    isCumulative(value.cumulative) &&
    (value.monitors === undefined || isRecordOf(value.monitors, isNumberOrNull))
  );
}

/** True when `value` has the shape of one monitored series (`RunResult.monitors[]`, the `monitors` run event). */
export function isMonitorSeries(value: unknown): value is MonitorSeries {
  return (
    isObject(value) &&
    hasFields(value, ['key', 'monitor', 'label'], isString) &&
    isMonitorUnit(value.unit) &&
    isNumber(value.samples) &&
    hasFields(value, ['capacity', 'min', 'avg', 'max'], isNumberOrNull) &&
    (value.problem === undefined || isString(value.problem))
  );
}

// Keys name the CSV columns and the readings of each second: two series under one key could not be told apart.
function isMonitorList(value: unknown): value is MonitorSeries[] {
  return isArrayOf(value, isMonitorSeries) && new Set(value.map((series) => series.key)).size === value.length;
}

function isLoadEntry(value: unknown): value is RunResult['load'][number] {
  return isObject(value) && isString(value.group) && isString(value.description) && (value.model === 'closed' || value.model === 'open');
}

function isComparisonSummary(value: unknown): value is ComparisonSummary {
  return (
    isObject(value) &&
    isBoolean(value.comparable) &&
    hasFields(value, ['worse', 'better', 'unchanged', 'notComparable'], isNumber) &&
    isString(value.headline) &&
    isArrayOf(value.warnings, isString)
  );
}

function isBaselineComparison(value: unknown): value is BaselineComparison {
  return isObject(value) && isString(value.baseline) && isComparisonSummary(value.summary);
}

/** True when `value` has the shape of a RunResult of schema version 1. */
export function isRunResult(value: unknown): value is RunResult {
  return (
    isObject(value) &&
    value.schemaVersion === 1 &&
    hasFields(value, ['scenario', 'scenarioFile', 'outcomeMessage', 'startedAt', 'endedAt'], isString) &&
    (value.environment === undefined || isString(value.environment)) &&
    isArrayOf(value.load, isLoadEntry) &&
    isString(value.verdict) &&
    VERDICTS.includes(value.verdict) &&
    isString(value.outcome) &&
    OUTCOMES.includes(value.outcome) &&
    isObject(value.k6) &&
    isString(value.k6.version) &&
    isNumberOrNull(value.k6.exitCode) &&
    isNumber(value.durationSeconds) &&
    isTotals(value.totals) &&
    isArrayOf(value.requests, isRequestStats) &&
    isArrayOf(value.targets, isTargetResult) &&
    isArrayOf(value.errors, isErrorStat) &&
    isArrayOf(value.timeline, isTimelinePoint) &&
    isArrayOf(value.findings, isFinding) &&
    (value.monitors === undefined || isMonitorList(value.monitors)) &&
    (value.comparison === undefined || isBaselineComparison(value.comparison))
  );
}
