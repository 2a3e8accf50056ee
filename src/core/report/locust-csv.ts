// The four CSV files Locust writes (stats, stats_history, failures, exceptions), so that tools and habits built
// around Locust's output read ours. Headers and row order follow Locust; differences are listed in docs/reports.md.

import type { ErrorStat, Percentiles, RunResult, TimelinePoint } from '../results';
import { compareCodePoints } from './error-summary';
import { csvRow } from './csv';
import type { CsvValue } from './csv';

const PERCENTILE_HEADERS = ['50%', '66%', '75%', '80%', '90%', '95%', '98%', '99%', '99.9%', '99.99%', '100%'];
const NOT_AVAILABLE = 'N/A';

export const STATS_HEADER = [
  'Type',
  'Name',
  'Request Count',
  'Failure Count',
  'Median Response Time',
  'Average Response Time',
  'Min Response Time',
  'Max Response Time',
  'Average Content Size',
  'Requests/s',
  'Failures/s',
  ...PERCENTILE_HEADERS,
];

export const STATS_HISTORY_HEADER = [
  'Timestamp',
  'User Count',
  'Type',
  'Name',
  'Requests/s',
  'Failures/s',
  ...PERCENTILE_HEADERS,
  'Total Request Count',
  'Total Failure Count',
  'Total Median Response Time',
  'Total Average Response Time',
  'Total Min Response Time',
  'Total Max Response Time',
  'Total Average Content Size',
];

// First Seen / Last Seen come from newer Locust; kept last so readers of the classic four columns still work.
export const FAILURES_HEADER = ['Method', 'Name', 'Error', 'Occurrences', 'First Seen', 'Last Seen'];

export const EXCEPTIONS_HEADER = ['Count', 'Message', 'Traceback', 'Nodes'];

// Locust prints percentiles as whole milliseconds; k6's are exact, so rounding is all we need.
function wholeMs(value: number | null): number {
  return value === null || !Number.isFinite(value) ? 0 : Math.round(value);
}

function percentileColumns(stats: Percentiles, count: number): CsvValue[] {
  if (count <= 0) return PERCENTILE_HEADERS.map(() => NOT_AVAILABLE);
  return [stats.p50, stats.p66, stats.p75, stats.p80, stats.p90, stats.p95, stats.p98, stats.p99, stats.p999, stats.p9999, stats.max].map(wholeMs);
}

interface StatsRowSource extends Percentiles {
  count: number;
  failures: number;
  avgSize: number;
  rps: number;
  failuresPerSecond: number;
}

function statsRow(type: string, name: string, source: StatsRowSource): string {
  const measured = source.count > 0;
  return csvRow([
    type,
    name,
    source.count,
    source.failures,
    measured ? wholeMs(source.p50) : 0,
    measured ? source.avg : 0,
    measured ? source.min : 0,
    measured ? source.max : 0,
    source.avgSize,
    source.rps,
    source.failuresPerSecond,
    ...percentileColumns(source, source.count),
  ]);
}

/** stats.csv: one row per (method, name) sorted by name then method, then the `Aggregated` row. */
export function renderStatsCsv(result: RunResult): string {
  const rows = [...result.requests].sort((a, b) => compareCodePoints(a.name, b.name) || compareCodePoints(a.method, b.method));
  const totals = result.totals;
  return (
    csvRow(STATS_HEADER) +
    rows.map((request) => statsRow(request.method, request.name, request)).join('') +
    statsRow('', 'Aggregated', { ...totals, count: totals.requests })
  );
}

function historyPercentiles(point: TimelinePoint): CsvValue[] {
  if (point.p50 === null) return PERCENTILE_HEADERS.map(() => NOT_AVAILABLE);
  // The timeline keeps p50/p90/p95/p99/max per second; the other Locust columns are not measured per second.
  const known: Record<string, number | null> = { '50%': point.p50, '90%': point.p90, '95%': point.p95, '99%': point.p99, '100%': point.max };
  return PERCENTILE_HEADERS.map((header) => {
    const value = known[header];
    return value === undefined || value === null ? NOT_AVAILABLE : wholeMs(value);
  });
}

/** stats_history.csv: one `Aggregated` row per second of the timeline, Timestamp in Unix seconds. */
export function renderStatsHistoryCsv(result: RunResult): string {
  const rows = result.timeline.map((point) => {
    const total = point.cumulative;
    return csvRow([
      Math.floor(point.time),
      point.users,
      '',
      'Aggregated',
      point.rps,
      point.failuresPerSecond,
      ...historyPercentiles(point),
      total.requests,
      total.failures,
      wholeMs(total.p50),
      total.avg ?? 0,
      total.min ?? 0,
      total.max ?? 0,
      total.avgSize ?? 0,
    ]);
  });
  return csvRow(STATS_HISTORY_HEADER) + rows.join('');
}

// Locust's own format for these columns: %Y-%m-%dT%H:%M:%SZ.
function locustUtc(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toISOString().replace(/\.\d+Z$/, 'Z');
}

function compareFailures(a: ErrorStat, b: ErrorStat): number {
  return compareCodePoints(a.name, b.name) || compareCodePoints(a.method, b.method) || compareCodePoints(a.error, b.error);
}

/** failures.csv: one row per (method, name, error), sorted by name, method, error. */
export function renderFailuresCsv(result: RunResult): string {
  const rows = [...result.errors]
    .sort(compareFailures)
    .map((failure) => csvRow([failure.method, failure.name, failure.error, failure.occurrences, locustUtc(failure.firstSeen), locustUtc(failure.lastSeen)]));
  return csvRow(FAILURES_HEADER) + rows.join('');
}

/** exceptions.csv: the script exception when k6 could not run the script, else the header alone. */
export function renderExceptionsCsv(result: RunResult): string {
  // RunResult carries no per-iteration exceptions yet; the one exception we know of is the script error itself.
  const rows = result.outcome === 'script-error' ? csvRow([1, result.outcomeMessage, '', 'local']) : '';
  return csvRow(EXCEPTIONS_HEADER) + rows;
}
