// Decoding what crosses between host and webview (messages both ways, the webview's persisted state): each side
// trusts nothing it receives until one of these guards has checked its shape.

import { isFinding } from '../../core/findings/decode-finding';
import { isMonitorSeries, isRunResult } from '../../core/report/decode-run-result';
import { fieldsAre, isArrayOf, isBoolean, isFiniteNumber as isNumber, isObject, isOneOf, isRecordOf, isString, orNull, type Guard } from '../../core/type-guards';
import { CHART_PERCENTILES, type ChartPercentile } from '../run/setting-values';
import type {
  ChartPoint,
  HostMessage,
  LiveFigures,
  LiveRequestRow,
  LiveTargetState,
  PanelSnapshot,
  PersistedPanelState,
  ReportKind,
  ReportLinks,
  RunInfo,
  RunState,
  TargetSpec,
  WebviewMessage,
} from './messages';

const isNumberOrNull = orNull(isNumber);

const isMetric = isOneOf(['median', 'avg', 'min', 'p90', 'p95', 'p99', 'max', 'errors', 'success', 'rps'] as const);
const isComparison = isOneOf(['<', '<=', '>', '>='] as const);
const isVerdict = isOneOf(['pass', 'fail', 'stopped', 'error'] as const);
const isOutcome = isOneOf(['completed', 'thresholds-failed', 'stopped', 'killed', 'script-error', 'k6-crashed', 'k6-missing', 'invalid-config'] as const);
const isTargetStatus = isOneOf(['pass', 'fail', 'no-data', 'at-end'] as const);
const isLoadModel = isOneOf(['closed', 'open'] as const);
const isChartPercentile = isOneOf(CHART_PERCENTILES);

/** Every unit a monitored series is measured in. */

/** True for a report kind the panel may ask the host to open. */
export const isReportKind: Guard<ReportKind> = isOneOf(['html', 'markdown', 'folder'] as const);

function isTargetSpec(value: unknown): value is TargetSpec {
  return (
    isObject(value) &&
    isMetric(value.metric) &&
    (value.request === undefined || isString(value.request)) &&
    isComparison(value.comparison) &&
    isNumber(value.threshold) &&
    isString(value.expression) &&
    isNumber(value.line)
  );
}

function isRunInfo(value: unknown): value is RunInfo {
  return (
    isObject(value) &&
    fieldsAre(value, ['scenario', 'scenarioFile'], isString) &&
    (value.environment === undefined || isString(value.environment)) &&
    isNumber(value.plannedSeconds) &&
    isArrayOf(value.load, (load): load is RunInfo['load'][number] => isObject(load) && fieldsAre(load, ['group', 'description'], isString) && isLoadModel(load.model)) &&
    isArrayOf(value.requests, (request): request is RunInfo['requests'][number] => isObject(request) && fieldsAre(request, ['name', 'method', 'group'], isString)) &&
    isArrayOf(value.targets, isTargetSpec)
  );
}

/** True for a chart point as the feed produces it. */
export function isChartPoint(value: unknown): value is ChartPoint {
  return (
    isObject(value) &&
    fieldsAre(value, ['t', 'span', 'users', 'rps', 'failuresPerSecond'], isNumber) &&
    fieldsAre(value, ['p50', 'p90', 'p95', 'p99', 'max'], isNumberOrNull) &&
    isRecordOf(value.statuses, isNumber) &&
    isRecordOf(value.requestP95, isNumberOrNull) &&
    (value.monitors === undefined || isRecordOf(value.monitors, isNumberOrNull))
  );
}

function isRequestRow(value: unknown): value is LiveRequestRow {
  return (
    isObject(value) &&
    fieldsAre(value, ['name', 'method', 'group'], isString) &&
    fieldsAre(value, ['count', 'failures', 'rps'], isNumber) &&
    fieldsAre(value, ['p50', 'p95', 'p99'], isNumberOrNull)
  );
}

function isTargetState(value: unknown): value is LiveTargetState {
  return (
    isObject(value) &&
    fieldsAre(value, ['label', 'margin'], isString) &&
    isNumberOrNull(value.actual) &&
    isTargetStatus(value.status) &&
    fieldsAre(value, ['estimate', 'final'], isBoolean) &&
    isNumberOrNull(value.firstFailedAt)
  );
}

function isFigures(value: unknown): value is LiveFigures {
  return (
    isObject(value) &&
    fieldsAre(value, ['elapsedSeconds', 'users', 'peakUsers', 'requests', 'failures', 'rps', 'droppedIterations'], isNumber) &&
    fieldsAre(value, ['currentRps', 'currentP95', 'errorRate', 'p50', 'p95', 'p99'], isNumberOrNull) &&
    isArrayOf(value.perRequest, isRequestRow) &&
    isArrayOf(value.targets, isTargetState) &&
    isBoolean(value.final)
  );
}

function isReportLinks(value: unknown): value is ReportLinks {
  return isObject(value) && fieldsAre(value, ['folderLabel', 'folder', 'html', 'markdown'], isString);
}

function isReportLinksOrNull(value: unknown): value is ReportLinks | null {
  return value === null || isReportLinks(value);
}

function isRunState(value: unknown): value is RunState {
  if (!isObject(value)) return false;
  switch (value.kind) {
    case 'waiting':
      return true;
    case 'running':
      return fieldsAre(value, ['startedAt', 'k6Version'], isString);
    case 'stopping':
      return isBoolean(value.hard) && isString(value.reason);
    case 'finished':
      return isVerdict(value.verdict) && isOutcome(value.outcome) && isString(value.message) && isReportLinksOrNull(value.reports);
    case 'failed':
    case 'k6-missing':
      return isString(value.message) && isReportLinksOrNull(value.reports);
    case 'interrupted':
      return isString(value.message);
    default:
      return false;
  }
}

function isPanelSnapshot(value: unknown): value is PanelSnapshot {
  return (
    isObject(value) &&
    isRunInfo(value.run) &&
    isRunState(value.state) &&
    isArrayOf(value.points, isChartPoint) &&
    (value.figures === null || isFigures(value.figures)) &&
    (value.result === null || isRunResult(value.result)) &&
    (value.selectedRequests === null || isArrayOf(value.selectedRequests, isString)) &&
    isArrayOf(value.chartPercentiles, isChartPercentile) &&
    value.chartPercentiles.length > 0 &&
    isArrayOf(value.findings, isFinding) &&
    isArrayOf(value.monitors, isMonitorSeries)
  );
}

/** True for a message the host sends to the webview. */
export function isHostMessage(value: unknown): value is HostMessage {
  if (!isObject(value)) return false;
  switch (value.type) {
    case 'snapshot':
      return isPanelSnapshot(value.snapshot);
    case 'tick':
      return isChartPoint(value.point) && isFigures(value.figures);
    case 'state':
      return isRunState(value.state);
    case 'findings':
      return isArrayOf(value.findings, isFinding);
    case 'monitors':
      return isArrayOf(value.series, isMonitorSeries);
    case 'finished':
      return isRunResult(value.result);
    default:
      return false;
  }
}

/** True for a message the webview sends to the host. */
export function isWebviewMessage(value: unknown): value is WebviewMessage {
  if (!isObject(value)) return false;
  switch (value.type) {
    case 'ready':
    case 'openSetting':
      return true;
    case 'stop':
      return isBoolean(value.hard);
    case 'openReport':
      return isReportKind(value.report);
    case 'openFile':
      return isString(value.path) && isNumberOrNull(value.line);
    case 'selectRequests':
      return isArrayOf(value.names, isString);
    default:
      return false;
  }
}

/**
 * Panels saved by earlier versions: before the latency chart followed the setting (no choice of lines, no p90 or
 * max in the points), and before findings came live and server metrics were charted (the result's findings, no
 * series).
 */
function withEarlierDefaults(snapshot: Record<string, unknown>, chartPercentiles: readonly ChartPercentile[]): Record<string, unknown> {
  const points = Array.isArray(snapshot.points) ? snapshot.points.map((point: unknown) => (isObject(point) ? { p90: null, max: null, ...point } : point)) : snapshot.points;
  const resultFindings = isObject(snapshot.result) && Array.isArray(snapshot.result.findings) ? snapshot.result.findings : [];
  return {
    ...snapshot,
    points,
    chartPercentiles: snapshot.chartPercentiles ?? [...chartPercentiles],
    findings: snapshot.findings ?? resultFindings,
    monitors: snapshot.monitors ?? [],
  };
}

/**
 * The state a results webview persisted (what the serializer gets back after a reload), or undefined when it is
 * not usable. A state saved by an earlier version gets `chartPercentiles` for the lines it never chose, and the
 * findings and series it never kept.
 */
export function decodePersistedPanelState(value: unknown, chartPercentiles: readonly ChartPercentile[]): PersistedPanelState | undefined {
  if (!isObject(value) || value.version !== 1 || !isObject(value.snapshot)) return undefined;
  const snapshot = withEarlierDefaults(value.snapshot, chartPercentiles);
  return isPanelSnapshot(snapshot) ? { version: 1, snapshot } : undefined;
}

/** True for the panel's initial data (the `data-` attribute of its page). */
export function isInitialPanelData(value: unknown): value is PanelSnapshot {
  return isPanelSnapshot(value);
}
