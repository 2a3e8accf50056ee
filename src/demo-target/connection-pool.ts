// A bounded pool of simulated database connections with a first-in, first-out wait queue.
// A request that cannot get a connection within the queue timeout fails, as a real pool does when exhausted.

/** Thrown by `acquire` when no connection came free within the queue timeout. */
export class PoolTimeoutError extends Error {
  constructor(readonly waitedMs: number) {
    super(`no database connection free after ${waitedMs} ms`);
    this.name = 'PoolTimeoutError';
  }
}

/** Thrown by `acquire` when the pool closed or the caller gave up (the client went away). */
export class PoolCancelledError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'PoolCancelledError';
  }
}

export interface PoolLease {
  /** Returns the connection; calling it twice is harmless. */
  release(): void;
}

export interface PoolStats {
  size: number;
  inUse: number;
  waiting: number;
  /** Most requests seen waiting at once since start. */
  maxWaiting: number;
  acquired: number;
  timedOut: number;
  cancelled: number;
}

/** Node's timer object, or a number from a test's clock. */
export type TimerHandle = ReturnType<typeof setTimeout> | number;

/** The timer functions the pool needs, so tests can drive time. */
export interface PoolTimers {
  setTimeout(callback: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
  now(): number;
}

/** Real time: Node's timers and a monotonic clock. */
export const systemTimers: PoolTimers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle),
  now: () => performance.now(),
};

interface Waiter {
  /** Set once the waiter timed out or gave up; it stays in the array until the head passes it. */
  gone: boolean;
  grant(lease: PoolLease): void;
  fail(error: Error): void;
  timer: TimerHandle;
  detachAbort(): void;
}

/** A fixed number of connections handed out in arrival order. */
export class ConnectionPool {
  private inUse = 0;
  // A plain array with a moving head: shift() on a queue of thousands would be quadratic.
  private queue: Waiter[] = [];
  private head = 0;
  private waitingCount = 0;
  private closed = false;
  private counters = { maxWaiting: 0, acquired: 0, timedOut: 0, cancelled: 0 };

  constructor(
    private readonly size: number,
    private readonly queueTimeoutMs: number,
    private readonly timers: PoolTimers = systemTimers,
  ) {}

  /** Resolves with a connection, at once if one is free, else when one is released (in arrival order). */
  acquire(signal?: AbortSignal): Promise<PoolLease> {
    if (this.closed) return Promise.reject(new PoolCancelledError('pool closed'));
    if (signal?.aborted === true) return Promise.reject(new PoolCancelledError('request abandoned'));
    if (this.inUse < this.size && this.waitingCount === 0) {
      this.inUse += 1;
      this.counters.acquired += 1;
      return Promise.resolve(this.newLease());
    }
    return new Promise<PoolLease>((resolve, reject) => {
      const startedAt = this.timers.now();
      const leave = (): void => {
        if (waiter.gone) return;
        waiter.gone = true;
        this.waitingCount -= 1;
        waiter.detachAbort();
        this.compact();
      };
      const onAbort = (): void => {
        if (waiter.gone) return;
        this.timers.clearTimeout(waiter.timer);
        leave();
        this.counters.cancelled += 1;
        reject(new PoolCancelledError('request abandoned'));
      };
      const waiter: Waiter = {
        gone: false,
        grant: (lease) => resolve(lease),
        fail: (error) => reject(error),
        timer: this.timers.setTimeout(() => {
          if (waiter.gone) return;
          leave();
          this.counters.timedOut += 1;
          reject(new PoolTimeoutError(Math.round(this.timers.now() - startedAt)));
        }, this.queueTimeoutMs),
        detachAbort: () => signal?.removeEventListener('abort', onAbort),
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.queue.push(waiter);
      this.waitingCount += 1;
      this.counters.maxWaiting = Math.max(this.counters.maxWaiting, this.waitingCount);
    });
  }

  /** Current use and totals since start. */
  stats(): PoolStats {
    return { size: this.size, inUse: this.inUse, waiting: this.waitingCount, ...this.counters };
  }

  /** Fails every waiting request; connections in use may still be released. */
  close(): void {
    this.closed = true;
    for (let i = this.head; i < this.queue.length; i += 1) {
      const waiter = this.queue[i];
      if (waiter === undefined || waiter.gone) continue;
      waiter.gone = true;
      this.timers.clearTimeout(waiter.timer);
      waiter.detachAbort();
      waiter.fail(new PoolCancelledError('pool closed'));
    }
    this.queue = [];
    this.head = 0;
    this.waitingCount = 0;
  }

  private newLease(): PoolLease {
    let released = false;
    return {
      release: () => {
        if (released) return;
        released = true;
        this.handOver();
      },
    };
  }

  // The released connection goes straight to the oldest waiter, so nobody can overtake the queue.
  private handOver(): void {
    while (this.head < this.queue.length) {
      const waiter = this.queue[this.head];
      this.head += 1;
      if (waiter === undefined || waiter.gone) continue;
      waiter.gone = true;
      this.waitingCount -= 1;
      this.timers.clearTimeout(waiter.timer);
      waiter.detachAbort();
      this.counters.acquired += 1;
      this.compact();
      waiter.grant(this.newLease());
      return;
    }
    this.inUse -= 1;
    this.compact();
  }

  private compact(): void {
    if (this.waitingCount === 0) {
      this.queue = [];
      this.head = 0;
    } else if (this.head > 1024 && this.head * 2 > this.queue.length) {
      this.queue = this.queue.slice(this.head);
      this.head = 0;
    }
  }
}
