// The shape of a finished (or stopped, or failed) run: what every report writer reads and what
// `summary.json` holds. Times are milliseconds, rates per second, timestamps ISO-8601 UTC.

import type { Comparison, TargetMetric } from './scenario/model';
import type { Finding } from './findings/finding';

export type { EvidenceValue, Finding, FindingEvidence, FindingKind, FindingSeverity } from './findings/finding';

export type Verdict = 'pass' | 'fail' | 'stopped' | 'error';

/** How the k6 process ended, in plain words. */
export type RunOutcome =
  | 'completed' // ran to the end
  | 'thresholds-failed' // ran to the end (or aborted by a target), some target failed
  | 'stopped' // the user stopped it gracefully; summary still produced
  | 'killed' // ended hard (second signal, kill): partial data only
  | 'script-error' // k6 could not run the script
  | 'k6-crashed' // k6 died unexpectedly
  | 'k6-missing' // no usable k6
  | 'invalid-config'; // k6 refused the options

export interface Percentiles {
  p50: number;
  p66: number;
  p75: number;
  p80: number;
  p90: number;
  p95: number;
  p98: number;
  p99: number;
  p999: number;
  p9999: number;
  max: number;
  min: number;
  avg: number;
}

export interface RequestStats extends Percentiles {
  /** Request name from the scenario. */
  name: string;
  method: string;
  group: string;
  count: number;
  failures: number;
  /** Average response body size in bytes. */
  avgSize: number;
  rps: number;
  failuresPerSecond: number;
}

export interface Totals extends Percentiles {
  requests: number;
  failures: number;
  errorRate: number;
  rps: number;
  failuresPerSecond: number;
  avgSize: number;
  iterations: number;
  droppedIterations: number;
  maxUsers: number;
  dataReceivedBytes: number;
  dataSentBytes: number;
  checks: { passes: number; fails: number };
}

export interface TargetResult {
  metric: TargetMetric;
  request?: string;
  comparison: Comparison;
  /** Threshold in the metric's unit (ms, ratio, req/s). */
  threshold: number;
  expression: string;
  /** Measured value in the same unit; null when there was nothing to measure. */
  actual: number | null;
  passed: boolean;
  /** Plain words, e.g. "40x better" or "1.25x over". */
  margin: string;
  abortOnFail: boolean;
}

/** One point a second. Counts are for that second; percentiles over that second's responses. */
export interface TimelinePoint {
  /** Seconds since the test started. */
  t: number;
  /** Unix time in seconds. */
  time: number;
  users: number;
  rps: number;
  failuresPerSecond: number;
  p50: number | null;
  p90: number | null;
  p95: number | null;
  p99: number | null;
  max: number | null;
  avg: number | null;
  /** Responses by status code ("0" for network errors). */
  statuses: Record<string, number>;
  /** Network errors by kind (timeout, refused, reset, dns, tls, other). */
  errors: Record<string, number>;
  droppedIterations: number;
  /** Per request name. */
  requests: Record<string, { rps: number; failuresPerSecond: number; p50: number | null; p95: number | null; p99: number | null }>;
  /** Totals so far, for the Locust history CSV. */
  cumulative: { requests: number; failures: number; p50: number | null; avg: number | null; min: number | null; max: number | null; avgSize: number | null };
  /** Server-side readings of that second by `MonitorSeries.key`; null when the monitor had no reading. Absent without monitors. */
  monitors?: Record<string, number | null>;
}

/** How a monitored series is measured: counters are turned into rates per second. */
export type MonitorUnit = 'count' | 'per-second' | 'bytes' | 'seconds' | 'cpu-percent';

/** One series a monitor sampled, and what it read over the run. */
export interface MonitorSeries {
  /** Key in each timeline point's `monitors`, unique in the run: "<monitor>: <label>". */
  key: string;
  /** The monitor's name from the scenario. */
  monitor: string;
  label: string;
  unit: MonitorUnit;
  /** The series' capacity (declared, or the last reading of its capacity series); null when it has none. */
  capacity: number | null;
  /** Seconds with a reading. */
  samples: number;
  min: number | null;
  avg: number | null;
  max: number | null;
  /** Why some seconds have no reading, in plain words (endpoint down, series absent); absent when every second was read. */
  problem?: string;
}

export interface ErrorStat {
  method: string;
  name: string;
  /** What went wrong: "HTTP 429", "HTTP 503", "timeout", "connection refused", "check failed: status is 201". */
  error: string;
  occurrences: number;
  firstSeen: string;
  lastSeen: string;
}

export interface RunResult {
  /** Format version of summary.json. */
  schemaVersion: 1;
  scenario: string;
  scenarioFile: string;
  environment?: string;
  /** Plain description of the load, e.g. "100 users, ramp 10/s, 5m" per group. */
  load: { group: string; description: string; model: 'closed' | 'open' }[];
  verdict: Verdict;
  outcome: RunOutcome;
  /** Plain words on how the run ended (k6's exit code explained, the error message). */
  outcomeMessage: string;
  k6: { version: string; exitCode: number | null };
  startedAt: string;
  endedAt: string;
  durationSeconds: number;
  totals: Totals;
  requests: RequestStats[];
  targets: TargetResult[];
  errors: ErrorStat[];
  timeline: TimelinePoint[];
  /** The server-side series sampled during the run; absent when the scenario has no monitors. */
  monitors?: MonitorSeries[];
  /** What the measurements say about where the system stopped coping (or that it coped), most pressing first. */
  findings: Finding[];
  /** How this run compares with the baseline pinned for its scenario; absent when none is pinned. */
  comparison?: BaselineComparison;
}

/** The counts and the one-line verdict of a comparison of two runs (the full table is in comparison.json). */
export interface ComparisonSummary {
  /** False when the runs could not be compared (no data, unreadable baseline); `headline` says why. */
  comparable: boolean;
  worse: number;
  better: number;
  unchanged: number;
  notComparable: number;
  /** One line, e.g. "2 figures worse: p95 of create deployment +38 % (212 → 292 ms), …". */
  headline: string;
  /** What makes the comparison less fair: other load, other environment, a stopped run. */
  warnings: string[];
}

/** A run compared with the baseline pinned for its scenario (`loadscope baseline`). */
export interface BaselineComparison {
  /** The baseline's run folder, relative to the scenario's report folder, e.g. "2026-01-22T10-15-03Z". */
  baseline: string;
  summary: ComparisonSummary;
}
