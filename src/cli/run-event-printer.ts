// How `run` and `suite` show a running load test: the progress line, k6's log on stderr, and the stop notices.

import type { RunEvent } from '../core/run/run-events';
import type { CliIo } from './command';
import { ProgressPrinter } from './progress';

export class RunEventPrinter {
  private readonly progress: ProgressPrinter;
  private plannedSeconds = 0;
  private stopping = false;

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
}
