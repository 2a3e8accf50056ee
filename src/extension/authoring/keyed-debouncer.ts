// Runs the last call per key once its key has been quiet for a while: validation waits for a pause in typing,
// each document on its own clock.

/** Starts a timer and returns the function that cancels it; tests pass a fake. */
export type StartTimer = (callback: () => void, ms: number) => () => void;

const startNodeTimer: StartTimer = (callback, ms) => {
  const handle = setTimeout(callback, ms);
  return () => clearTimeout(handle);
};

/** Per-key debouncing of actions. */
export class KeyedDebouncer<Key> {
  private readonly pending = new Map<Key, () => void>();

  constructor(
    private readonly delayMs: number,
    private readonly startTimer: StartTimer = startNodeTimer,
  ) {}

  /** Runs `action` after `delayMs` without another schedule or cancel for `key`; replaces any pending action. */
  schedule(key: Key, action: () => void): void {
    this.cancel(key);
    const cancel = this.startTimer(() => {
      this.pending.delete(key);
      action();
    }, this.delayMs);
    this.pending.set(key, cancel);
  }

  /** Drops the pending action of `key`, if any. */
  cancel(key: Key): void {
    this.pending.get(key)?.();
    this.pending.delete(key);
  }

  /** True while `key` has an action waiting. */
  isPending(key: Key): boolean {
    return this.pending.has(key);
  }

  /** Drops every pending action. */
  dispose(): void {
    for (const cancel of this.pending.values()) cancel();
    this.pending.clear();
  }
}
