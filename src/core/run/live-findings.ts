// Findings while the run goes: the same detectors as at the end, run over the seconds closed so far, so the live
// view can say where the system stops coping as it happens. Targets are judged on the measurements so far (k6's
// verdicts come only with its summary), and "healthy" waits for the end: a run is not healthy until it is over.

import type { TargetThreshold } from '../compile/thresholds';
import { findFindings, type FindingsInput } from '../findings/find-findings';
import type { AggregateResult } from '../metrics/aggregator';
import type { Finding, MonitorSeries } from '../results';
import type { Target } from '../scenario/model';
import { evaluateTargets } from './evaluate-targets';

/** What the findings need beyond the measurements: the load as it ran and the requests made once per user. */
export type FindingsContext = Pick<FindingsInput, 'loads' | 'oneOffRequests'>;

/** Seconds of new timeline between two analyses: each is cheap, but the list should not flicker every second. */
const EVERY_SECONDS = 5;

export class LiveFindings {
  private analysedAt = 0;
  private shown = '';

  constructor(
    private readonly targets: readonly Target[],
    private readonly thresholds: readonly TargetThreshold[],
    private readonly context: FindingsContext,
  ) {}

  /**
   * The findings so far when they changed since the last call that returned some; undefined otherwise. `measure`
   * is only called when `closedSeconds` says an analysis is due, since building the statistics is the costly part.
   */
  update(closedSeconds: number, measure: () => { measured: AggregateResult; monitors: readonly MonitorSeries[] }): Finding[] | undefined {
    if (closedSeconds < this.analysedAt + EVERY_SECONDS) return undefined;
    this.analysedAt = closedSeconds;
    const { measured, monitors } = measure();
    const targets = evaluateTargets({ targets: this.targets, thresholds: this.thresholds, summary: undefined, totals: measured.totals, requests: measured.requests });
    const verdict = targets.every((target) => target.passed) ? 'pass' : 'fail';
    const findings = findFindings({ ...measured, targets, verdict, outcome: 'completed', ...this.context, monitors }).filter((finding) => finding.kind !== 'healthy');
    const key = JSON.stringify(findings.map((finding) => [finding.kind, finding.severity, finding.message]));
    if (key === this.shown) return undefined;
    this.shown = key;
    return findings;
  }
}
