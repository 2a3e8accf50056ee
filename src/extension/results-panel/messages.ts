// Everything that crosses between the extension host and the results panel's webview, declared once for both
// sides. Type-only: the guards that decode these live in message-guards.ts.
//
// The conversation: the webview says `ready`; the host answers with a full `snapshot` (so a reloaded or restored
// panel redraws everything), then sends `tick`s, `state` changes, `findings` and `monitors` as they change, and one
// `finished` as the run goes.

import type { Finding, MonitorSeries, RunOutcome, RunResult, Verdict } from '../../core/results';
import type { Comparison, TargetMetric } from '../../core/scenario/model';
import type { ChartPercentile } from '../run/setting-values';

/** A target as the scenario states it, with the line it is written on (for "open at the target"). */
export interface TargetSpec {
  metric: TargetMetric;
  /** Per-request target when set. */
  request?: string;
  comparison: Comparison;
  /** In the metric's unit: ms, a ratio 0..1, or requests per second. */
  threshold: number;
  expression: string;
  line: number;
}

/** What the panel knows about a run before k6 starts: enough to draw its frame. */
export interface RunInfo {
  scenario: string;
  /** Absolute path of the scenario file. */
  scenarioFile: string;
  environment?: string;
  /** Longest group's planned duration, after overrides. */
  plannedSeconds: number;
  load: RunResult['load'];
  /** Every request name of the plan, in plan order. */
  requests: { name: string; method: string; group: string }[];
  targets: TargetSpec[];
}

/**
 * One point of the live charts. Recent points cover one second each; older ones are merged into wider buckets
 * (see chart-timeline.ts): rates are the bucket's mean per second, latencies the worst second's, users the peak.
 */
export interface ChartPoint {
  /** Seconds since the test started, at the start of the bucket. */
  t: number;
  /** Seconds the point covers (1 for a recent point). */
  span: number;
  users: number;
  rps: number;
  failuresPerSecond: number;
  p50: number | null;
  p90: number | null;
  p95: number | null;
  p99: number | null;
  max: number | null;
  /** Responses per second by status code ("0" for network errors). */
  statuses: Record<string, number>;
  /** p95 of each request name that had responses. */
  requestP95: Record<string, number | null>;
  /** Server-side readings by `MonitorSeries.key` (a merged bucket keeps each one's peak); absent without monitors. */
  monitors?: Record<string, number | null>;
}

/** One row of the per-request table. */
export interface LiveRequestRow {
  name: string;
  method: string;
  group: string;
  count: number;
  failures: number;
  /** Last second while running; the whole run's average once final. */
  rps: number;
  /** Last second while running; the whole run's once final. */
  p50: number | null;
  p95: number | null;
  p99: number | null;
}

/**
 * How a target stands: `pass`/`fail` from the value so far, `no-data` before anything was measured, `at-end` for
 * a metric that can only be judged from the whole run (a per-request min, max, avg or p90).
 */
export type LiveTargetStatus = 'pass' | 'fail' | 'no-data' | 'at-end';

export interface LiveTargetState {
  label: string;
  /** Measured value in the target's unit; null when there is none yet. */
  actual: number | null;
  status: LiveTargetStatus;
  /** The value is estimated from per-second percentiles (per-request latency while running). */
  estimate: boolean;
  /** Plain words on the distance to the threshold. */
  margin: string;
  /** Seconds since start when the live value first crossed the threshold; null if it never did. */
  firstFailedAt: number | null;
  /** The final verdict from the finished run (k6's own), not a live reading. */
  final: boolean;
}

/** The figures for tiles, the table and the target verdicts. */
export interface LiveFigures {
  /** Seconds measured so far (the whole run's duration once final). */
  elapsedSeconds: number;
  /** Users in the last second (0 once final). */
  users: number;
  peakUsers: number;
  /** Requests in the last second (null once final). */
  currentRps: number | null;
  /** Last second's p95 (null once final). */
  currentP95: number | null;
  requests: number;
  failures: number;
  /** failures / requests; null before any request. */
  errorRate: number | null;
  /** Average requests per second so far. */
  rps: number;
  p50: number | null;
  p95: number | null;
  p99: number | null;
  droppedIterations: number;
  perRequest: LiveRequestRow[];
  targets: LiveTargetState[];
  /** Figures of the finished run rather than live ones. */
  final: boolean;
}

/** Where the reports went. The paths let a panel restored after a reload still open them. */
export interface ReportLinks {
  /** The report folder as shown: relative to the workspace when inside it. */
  folderLabel: string;
  folder: string;
  html: string;
  markdown: string;
}

/** Which report file (or its folder) to open. */
export type ReportKind = 'html' | 'markdown' | 'folder';

export type RunState =
  /** The scenario is valid; k6 is being located and started. */
  | { kind: 'waiting' }
  /** k6 is running. */
  | { kind: 'running'; startedAt: string; k6Version: string }
  /** A stop was requested; `hard` ends k6 at once. */
  | { kind: 'stopping'; hard: boolean; reason: string }
  /** k6 ended and measured something; `reports` is null while they are being written. */
  | { kind: 'finished'; verdict: Verdict; outcome: RunOutcome; message: string; reports: ReportLinks | null }
  /** k6 could not run the test (script error, crash, refused options) or the run could not start. */
  | { kind: 'failed'; message: string; reports: ReportLinks | null }
  /** No usable k6: the message says what was tried and what to do. */
  | { kind: 'k6-missing'; message: string; reports: ReportLinks | null }
  /** A panel restored after a window reload whose run was still going: the run ended with the old window. */
  | { kind: 'interrupted'; message: string };

/** Everything needed to draw the panel from nothing. */
export interface PanelSnapshot {
  run: RunInfo;
  state: RunState;
  /** Already decimated. */
  points: ChartPoint[];
  figures: LiveFigures | null;
  /** The finished run, without its timeline (the charts have it, decimated). */
  result: RunResult | null;
  /** Request names charted by latency; null for the default choice. */
  selectedRequests: string[] | null;
  /** Overall latency lines charted, in chart order: the setting when the run's panel opened. */
  chartPercentiles: ChartPercentile[];
  /** The findings so far while the run goes; the result's once it has one. */
  findings: Finding[];
  /** The server-side series known so far (the result's once it has one); empty without monitors. */
  monitors: MonitorSeries[];
}

/** What the webview keeps with `setState`, so the panel can be restored after a window reload. */
export interface PersistedPanelState {
  version: 1;
  snapshot: PanelSnapshot;
}

export type HostMessage =
  /** Host, in answer to every `ready` (a webview reloads each time it is hidden and shown again). */
  | { type: 'snapshot'; snapshot: PanelSnapshot }
  /** Host, once a second while k6 runs: the closed second and the figures up to it. */
  | { type: 'tick'; point: ChartPoint; figures: LiveFigures }
  /** Host, when the run changes state (started, stopping, reports written, failed). */
  | { type: 'state'; state: RunState }
  /** Host, whenever the findings so far change: the whole list, replacing the one shown. */
  | { type: 'findings'; findings: Finding[] }
  /** Host, when a server-side series appears or its capacity changes: every series known so far. */
  | { type: 'monitors'; series: MonitorSeries[] }
  /** Host, once, when k6 has ended: the run's result without its timeline; its findings replace the live ones. */
  | { type: 'finished'; result: RunResult };

export type WebviewMessage =
  /** Webview, once its script has loaded and it can draw: asks for the snapshot. */
  | { type: 'ready' }
  /** Webview, from the Stop button: graceful first; `hard` from "Stop now" while stopping. */
  | { type: 'stop'; hard: boolean }
  /** Webview, from a report link of a finished run. */
  | { type: 'openReport'; report: ReportKind }
  /** Webview, from the scenario link or a target row; the host opens only the run's scenario file. */
  | { type: 'openFile'; path: string; line: number | null }
  /** Webview, from the k6-missing state: open the k6 path setting. */
  | { type: 'openSetting' }
  /** Webview, when the user picks which request names to chart by latency; remembered for reloads. */
  | { type: 'selectRequests'; names: string[] };
