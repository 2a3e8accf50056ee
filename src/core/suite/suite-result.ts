// suite.json: the verdict matrix of a suite run, one row per scenario, each pointing at its own report folder.

import type { LoadOverrides } from '../compile/load-overrides';
import type { Verdict } from '../results';

/** A run's verdict, or why there was no run: the scenario was invalid, or the suite was stopped before it. */
export type SuiteRowVerdict = Verdict | 'invalid' | 'skipped';

/** A whole-run latency with the scenario's own target for it, if it set one. */
export interface FigureAgainstTarget {
  /** Milliseconds; null when nothing was measured. */
  value: number | null;
  /** The target as written, e.g. "< 500ms". */
  target?: string;
  passed?: boolean;
}

export interface SuiteRow {
  /** The scenario file as the suite names it. */
  file: string;
  /** The scenario's name (its file when it could not be read). */
  scenario: string;
  verdict: SuiteRowVerdict;
  /** The load as run, e.g. "30 users, ramp 10/s, 20s". */
  load: string;
  environment?: string;
  overrides: LoadOverrides;
  /** The first finding when the run has findings, else the sentence the verdict rests on. */
  keyFinding: string;
  requests: number | null;
  p50: FigureAgainstTarget;
  p99: FigureAgainstTarget;
  /** The run's report folder relative to the suite report folder, with forward slashes. */
  reportFolder?: string;
  /** The comparison with the scenario's baseline, when one is pinned. */
  baseline?: string;
}

export interface SuiteResult {
  schemaVersion: 1;
  suite: string;
  suiteFile: string;
  startedAt: string;
  endedAt: string;
  durationSeconds: number;
  /** The worst of the rows: error (or invalid) > stopped > fail > pass. */
  verdict: Verdict;
  /** True when Ctrl+C (or a stop request) ended the suite early; the rest of the scenarios were skipped. */
  stopped: boolean;
  rows: SuiteRow[];
}
