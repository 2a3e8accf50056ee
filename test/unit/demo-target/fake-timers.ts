// A hand-driven clock for the pool and the platform: time moves only when a test calls `advance`.
import type { PoolTimers } from '../../../src/demo-target/connection-pool';

export interface FakeTimers extends PoolTimers {
  /** Moves the clock forward, firing due timers in time order. */
  advance(ms: number): void;
  /** Timers still scheduled. */
  pending(): number;
}

export function createFakeTimers(): FakeTimers {
  let now = 0;
  let nextId = 1;
  const timers = new Map<number, { at: number; callback: () => void }>();
  return {
    now: () => now,
    setTimeout(callback, ms) {
      const id = nextId++;
      timers.set(id, { at: now + ms, callback });
      return id;
    },
    clearTimeout(handle) {
      if (typeof handle === 'number') timers.delete(handle);
    },
    advance(ms) {
      const end = now + ms;
      for (;;) {
        let due: [number, { at: number; callback: () => void }] | undefined;
        for (const entry of timers) if (entry[1].at <= end && (due === undefined || entry[1].at < due[1].at)) due = entry;
        if (due === undefined) break;
        timers.delete(due[0]);
        now = due[1].at;
        due[1].callback();
      }
      now = end;
    },
    pending: () => timers.size,
  };
}

/** Lets resolved promises run their callbacks. */
export async function flushPromises(): Promise<void> {
  for (let i = 0; i < 5; i += 1) await Promise.resolve();
}
