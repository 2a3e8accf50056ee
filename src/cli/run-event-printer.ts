// How `run` and `suite` show a running load test: the progress line, k6's log on stderr, the stop notices, what is
// monitored on the server, and each finding as it first appears.

import type { Finding, FindingSeverity, MonitorSeries } from '../core/results';
import { FINDING_SEVERITIES } from '../core/findings/finding';
import { formatMonitorValue } from '../core/report/format';
import type { RunEvent } from '../core/run/run-events';
import type { CliIo } from './command';
import { ProgressPrinter } from './progress';

/** "demo target: pool in use (capacity 20), waiting; app process: CPU, memory": series grouped by monitor. */
export function describeMonitoredSeries(series: readonly MonitorSeries[]): string {
  const byMonitor = new Map<string, string[]>();
  for (const one of series) {
    const capacity = one.capacity === null ? '' : ` (capacity ${formatMonitorValue(one.unit, one.capacity)})`;
    byMonitor.set(one.monitor, [...(byMonitor.get(one.monitor) ?? []), `${one.label}${capacity}`]);
  }
  return [...byMonitor.entries()].map(([monitor, labels]) => `${monitor}: ${labels.join(', ')}`).join('; ');
}

// A finding is re-sent every second while the run goes, its numbers updated and even its onset re-estimated (a
// saturation knee moves as the plateau grows). What stays put is its kind and what it is about: the target crossed,
// or the class of its errors (HTTP 5xx, a network error). Keyed on those, an update is not news; printing again on
// a moved onset would repeat one finding every few seconds.
function findingIdentity(finding: Finding): string {
  const { target, errors } = finding.evidence;
  const firstError = Array.isArray(errors) && typeof errors[0] === 'string' ? errors[0].replace(/^HTTP (\d)\d\d$/, 'HTTP $1xx') : '';
  return `${finding.kind}:${typeof target === 'string' ? target : firstError}`;
}

function rank(severity: FindingSeverity): number {
  return FINDING_SEVERITIES.indexOf(severity);
}

export class RunEventPrinter {
  private readonly progress: ProgressPrinter;
  private plannedSeconds = 0;
  private stopping = false;
  private readonly shownSeries = new Set<string>();
  /** The most severe level each finding was printed at. */
  private readonly shownFindings = new Map<string, FindingSeverity>();

  /** `gracefulStopNotice` is what a first Ctrl+C means for this command. */
  constructor(
    private readonly io: CliIo,
    private readonly gracefulStopNotice: string,
  ) {
    this.progress = new ProgressPrinter(io.out, io.interactive);
  }

  /** A new run begins (a suite prints several). */
  begin(plannedSeconds: number): void {
    this.plannedSeconds = plannedSeconds;
    this.stopping = false;
    this.shownSeries.clear();
    this.shownFindings.clear();
  }

  readonly handle = (event: RunEvent): void => {
    switch (event.type) {
      case 'started':
        this.io.out(`k6 ${event.k6Version} started\n`);
        break;
      case 'tick':
        this.progress.update({
          elapsedSeconds: event.point.t + 1,
          plannedSeconds: this.plannedSeconds,
          users: event.point.users,
          rps: event.point.rps,
          p95: event.point.p95,
          errorRate: event.totals.errorRate,
        });
        break;
      case 'monitors':
        this.printNewSeries(event.series);
        break;
      case 'findings':
        this.printNewFindings(event.findings);
        break;
      case 'log':
        if (event.stream === 'stderr') {
          this.progress.finish();
          this.io.err(`k6: ${event.line}\n`);
        }
        break;
      case 'stopping':
        if (!this.stopping || event.hard) {
          this.progress.finish();
          this.io.out(event.hard ? 'Stopping k6 now (no summary)…\n' : `${this.gracefulStopNotice} Ctrl+C again to stop at once.\n`);
        }
        this.stopping = true;
        break;
      case 'finished':
        this.progress.finish();
        break;
    }
  };

  /** Ends a live progress line so that what follows starts on a fresh line. */
  finish(): void {
    this.progress.finish();
  }

  // The event repeats the whole list whenever a series appears or a capacity changes: only new series are news.
  private printNewSeries(series: readonly MonitorSeries[]): void {
    const fresh = series.filter((one) => !this.shownSeries.has(one.key));
    if (fresh.length === 0) return;
    const lead = this.shownSeries.size === 0 ? 'Monitoring' : 'Also monitoring';
    for (const one of fresh) this.shownSeries.add(one.key);
    this.progress.finish();
    this.io.out(`${lead}: ${describeMonitoredSeries(fresh)}\n`);
  }

  // New findings, most severe first; a known one again only when it became more severe (a warning turned critical).
  private printNewFindings(findings: readonly Finding[]): void {
    const news: { finding: Finding; escalated: boolean }[] = [];
    for (const finding of findings) {
      const identity = findingIdentity(finding);
      const shown = this.shownFindings.get(identity);
      if (shown !== undefined && rank(finding.severity) >= rank(shown)) continue;
      this.shownFindings.set(identity, finding.severity);
      news.push({ finding, escalated: shown !== undefined });
    }
    if (news.length === 0) return;
    this.progress.finish();
    news.sort((a, b) => rank(a.finding.severity) - rank(b.finding.severity));
    for (const { finding, escalated } of news) this.io.out(`Finding (${escalated ? 'now ' : ''}${finding.severity}): ${finding.message}\n`);
  }
}
