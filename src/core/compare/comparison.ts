// What `compareRuns` answers: every figure of two runs side by side, with a verdict that ignores run-to-run noise.
// comparison.json is this, pretty-printed; the Markdown table and the one-line summary are drawn from it.

import type { ComparisonSummary, RunOutcome, RunResult, Verdict } from '../results';

/** The figures compared for every request and for all requests together. */
export type FigureName = 'p50' | 'p95' | 'p99' | 'errorRate' | 'rps';

export const FIGURE_NAMES: readonly FigureName[] = ['p50', 'p95', 'p99', 'errorRate', 'rps'];

/** `worse` and `better` only when the change is both beyond noise and large enough to matter. */
export type FigureVerdict = 'better' | 'worse' | 'unchanged' | 'not-comparable';

export interface FigureComparison {
  figure: FigureName;
  /** Whole-run values (ms, ratio 0..1, requests/s); null when that run did not measure it. */
  a: number | null;
  b: number | null;
  /** b - a, in the figure's unit. */
  change: number | null;
  /** (b - a) / a; null when a is 0 or missing. */
  relativeChange: number | null;
  verdict: FigureVerdict;
  /** Which test judged the noise: per-second series (Yuen's trimmed means) or request counts (two proportions). */
  test: 'trimmed-means' | 'two-proportions' | 'none';
  /** The test's own two-sided p-value, and after Holm's correction over the figures tested; null when untested. */
  pValue: number | null;
  adjustedPValue: number | null;
  /** Samples each side contributed: seconds for the series tests, requests for the error rate. */
  samples: { a: number; b: number };
  /** Why the verdict, in words: "within noise (p = 0.41)", "below the minimum change that counts (5 % and 2 ms)". */
  reason: string;
}

export interface RequestComparison {
  name: string;
  method: string;
  /** `added`: only run B made it; `removed`: only run A did. */
  presence: 'both' | 'added' | 'removed';
  figures: FigureComparison[];
}

/** The seconds of a run whose per-second figures were compared. */
export interface SampleWindow {
  fromSeconds: number;
  toSeconds: number;
  seconds: number;
  /** `steady`: only the seconds at (nearly) full load; `whole-run`: there was no long enough steady stretch. */
  kind: 'steady' | 'whole-run';
}

/** Enough about each run to say what was compared. */
export interface ComparedRun {
  scenario: string;
  scenarioFile: string;
  environment?: string;
  startedAt: string;
  durationSeconds: number;
  verdict: Verdict;
  outcome: RunOutcome;
  load: RunResult['load'];
  requests: number;
}

/** Thresholds of the verdicts; the defaults are in `DEFAULT_COMPARISON_SETTINGS`. */
export interface ComparisonSettings {
  /** Chance of any false alarm over the whole comparison (Holm). */
  alpha: number;
  /** Smallest change that counts, relative to run A (latency, requests/s, error rate). */
  minRelativeChange: number;
  /** Smallest latency change that counts, in ms. */
  minLatencyMs: number;
  /** Smallest error-rate change that counts, as a ratio (0.001 = 0.1 percentage point). */
  minErrorRateChange: number;
  /** Smallest requests/s change that counts. */
  minRps: number;
  /** Fewest per-second samples on each side for a latency or throughput verdict. */
  minSeconds: number;
}

export const DEFAULT_COMPARISON_SETTINGS: Readonly<ComparisonSettings> = Object.freeze({
  alpha: 0.05,
  minRelativeChange: 0.05,
  minLatencyMs: 2,
  minErrorRateChange: 0.001,
  minRps: 0.5,
  minSeconds: 5,
});

export interface RunComparison {
  schemaVersion: 1;
  a: ComparedRun;
  b: ComparedRun;
  /** False when either run has nothing to compare (it never ran, or made no request); `reason` says which. */
  comparable: boolean;
  reason?: string;
  /** Differences that make the comparison less fair: other load, other environment, a stopped run. */
  warnings: string[];
  settings: ComparisonSettings;
  windows: { a: SampleWindow; b: SampleWindow };
  overall: FigureComparison[];
  requests: RequestComparison[];
  summary: ComparisonSummary;
}
