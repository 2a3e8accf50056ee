// The progress shown while a run goes: one live line on a terminal, a plain line every few seconds in CI.

import { formatClock, formatMs } from '../core/report/format';

export interface ProgressFigures {
  elapsedSeconds: number;
  plannedSeconds: number;
  users: number;
  rps: number;
  p95: number | null;
  /** Failures over requests since the start, 0..1. */
  errorRate: number;
}

/** `0:12 / 0:30  users 50  412.3 req/s  p95 23 ms  errors 0.00%` */
export function formatProgress(f: ProgressFigures): string {
  const remaining = Math.max(0, f.plannedSeconds - f.elapsedSeconds);
  return [
    `${formatClock(f.elapsedSeconds)} / ${formatClock(f.plannedSeconds)} (${formatClock(remaining)} left)`,
    `users ${f.users}`,
    `${f.rps.toFixed(1)} req/s`,
    `p95 ${f.p95 === null ? '-' : formatMs(f.p95)}`,
    `errors ${(f.errorRate * 100).toFixed(2)}%`,
  ].join('  ');
}

/** Writes progress: rewrites one line on a terminal, prints a line every `plainEverySeconds` otherwise. */
export class ProgressPrinter {
  private lastPlain = -Infinity;
  private live = false;

  constructor(
    private readonly write: (text: string) => void,
    private readonly interactive: boolean,
    private readonly plainEverySeconds = 5,
  ) {}

  update(f: ProgressFigures): void {
    const line = formatProgress(f);
    if (this.interactive) {
      this.write(`\r\x1b[2K${line}`);
      this.live = true;
    } else if (f.elapsedSeconds - this.lastPlain >= this.plainEverySeconds) {
      this.write(`${line}\n`);
      this.lastPlain = f.elapsedSeconds;
    }
  }

  /** Ends the live line so that the next output starts on a fresh line. */
  finish(): void {
    if (this.live) this.write('\n');
    this.live = false;
  }
}
