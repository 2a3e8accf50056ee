// k6 can log one line per failed request ("Request Failed"): thousands a second when a target is down. The
// failures are already counted in the error table, so the log passes at most a few lines a second and says how
// many it held back.

export type LogStream = 'stdout' | 'stderr';

/** Passes at most `perSecond` lines a second to `emit`, then one line saying how many were held back. */
export class LogThrottle {
  private windowStart = 0;
  private passed = 0;
  private held = 0;

  constructor(
    private readonly emit: (line: string, stream: LogStream) => void,
    private readonly perSecond = 10,
    private readonly now: () => number = Date.now,
  ) {}

  line(text: string, stream: LogStream): void {
    const now = this.now();
    if (now - this.windowStart >= 1000) {
      this.flush();
      this.windowStart = now;
      this.passed = 0;
    }
    if (this.passed < this.perSecond) {
      this.passed++;
      this.emit(text, stream);
    } else {
      this.held++;
    }
  }

  /** Reports lines held back so far. */
  flush(): void {
    if (this.held === 0) return;
    const count = this.held;
    this.held = 0;
    this.emit(`… ${count.toLocaleString('en-US')} more k6 log ${count === 1 ? 'line' : 'lines'} not shown`, 'stderr');
  }
}
