// Validation waits for a pause in typing, per document.
import { describe, expect, it } from 'vitest';
import { KeyedDebouncer, type StartTimer } from '../../../src/extension/authoring/keyed-debouncer';

/** Timers that fire only when the test says so. */
function manualTimers() {
  const timers: { callback: () => void; ms: number; cancelled: boolean }[] = [];
  const start: StartTimer = (callback, ms) => {
    const timer = { callback, ms, cancelled: false };
    timers.push(timer);
    return () => {
      timer.cancelled = true;
    };
  };
  const fireAll = (): void => {
    for (const timer of timers.splice(0)) if (!timer.cancelled) timer.callback();
  };
  return { start, fireAll, timers };
}

describe('keyed debouncer', () => {
  it('runs only the last action of a burst, once, after the delay', () => {
    const clock = manualTimers();
    const debouncer = new KeyedDebouncer<string>(300, clock.start);
    const runs: string[] = [];
    debouncer.schedule('a', () => runs.push('a1'));
    debouncer.schedule('a', () => runs.push('a2'));
    debouncer.schedule('a', () => runs.push('a3'));
    expect(clock.timers.map((timer) => timer.ms)).toEqual([300, 300, 300]);
    expect(debouncer.isPending('a')).toBe(true);
    clock.fireAll();
    expect(runs).toEqual(['a3']);
    expect(debouncer.isPending('a')).toBe(false);
  });

  it('keeps each key on its own clock', () => {
    const clock = manualTimers();
    const debouncer = new KeyedDebouncer<string>(300, clock.start);
    const runs: string[] = [];
    debouncer.schedule('a', () => runs.push('a'));
    debouncer.schedule('b', () => runs.push('b'));
    clock.fireAll();
    expect(runs.sort()).toEqual(['a', 'b']);
  });

  it('drops a cancelled action (a closed document) and every action on dispose', () => {
    const clock = manualTimers();
    const debouncer = new KeyedDebouncer<string>(300, clock.start);
    const runs: string[] = [];
    debouncer.schedule('a', () => runs.push('a'));
    debouncer.schedule('b', () => runs.push('b'));
    debouncer.cancel('a');
    debouncer.cancel('missing');
    expect(debouncer.isPending('a')).toBe(false);
    debouncer.schedule('c', () => runs.push('c'));
    debouncer.dispose();
    clock.fireAll();
    expect(runs).toEqual([]);
  });

  it('works with real timers', async () => {
    const debouncer = new KeyedDebouncer<string>(5);
    const ran = new Promise<string>((resolve) => debouncer.schedule('a', () => resolve('ran')));
    await expect(ran).resolves.toBe('ran');
  });
});
