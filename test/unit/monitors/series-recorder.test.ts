import { describe, expect, it } from 'vitest';
import { SeriesRecorder } from '../../../src/core/monitors/series-recorder';

const second = 1_770_000_000;
const at = (s: number, ms = 100): number => (second + s) * 1000 + ms;

describe('SeriesRecorder', () => {
  it('keeps gauge readings by the unix second they were taken in, with statistics', () => {
    const recorder = new SeriesRecorder('app: pool', 'app', 'pool', { rate: false, scale: 1, unit: 'count' }, 20);
    recorder.record(at(0), 4);
    recorder.record(at(1), 20);
    recorder.record(at(2, 950), 12);
    expect([0, 1, 2].map((s) => recorder.readingAt(second + s))).toEqual([4, 20, 12]);
    expect(recorder.summary()).toEqual({ key: 'app: pool', monitor: 'app', label: 'pool', unit: 'count', capacity: 20, samples: 3, min: 4, avg: 12, max: 20 });
  });

  it('turns a counter into a rate attached to the later second, and skips a reset', () => {
    const recorder = new SeriesRecorder('app: cpu', 'app', 'cpu', { rate: true, scale: 100, unit: 'cpu-percent' });
    recorder.record(at(0), 10);
    recorder.record(at(1), 10.5);
    recorder.record(at(3), 11.5);
    recorder.record(at(4), 2);
    recorder.record(at(5), 2.25);
    expect(recorder.readingAt(second)).toBeNull();
    expect(recorder.readingAt(second + 1)).toBe(50);
    expect(recorder.readingAt(second + 3)).toBe(50);
    expect(recorder.readingAt(second + 5)).toBe(25);
    expect(recorder.summary()).toMatchObject({ samples: 3, min: 25, max: 50 });
    expect(recorder.summary().problem).toBeUndefined();
  });

  it('lends a second without a reading the one before, never older, and gives a failed second null', () => {
    const recorder = new SeriesRecorder('k', 'm', 'l', { rate: false, scale: 1, unit: 'count' });
    recorder.record(at(0), 1);
    expect(recorder.readingAt(second + 1)).toBe(1);
    expect(recorder.readingAt(second + 2)).toBeNull();
    recorder.miss(at(1), 'connect ECONNREFUSED 127.0.0.1:9');
    expect(recorder.readingAt(second + 1)).toBeNull();
  });

  it('says how many seconds had no reading and why', () => {
    const recorder = new SeriesRecorder('k', 'm', 'l', { rate: false, scale: 1, unit: 'count' });
    for (let s = 0; s < 60; s += 1) {
      if (s >= 10 && s < 13) recorder.miss(at(s), s === 12 ? 'connect ECONNREFUSED 127.0.0.1:9' : 'no answer within 800 ms');
      else recorder.record(at(s), s);
    }
    recorder.record(at(59, 900), 59);
    expect(recorder.summary()).toMatchObject({ samples: 57, problem: 'no reading for 3 of 60 seconds: connect ECONNREFUSED 127.0.0.1:9' });
  });

  it('counts a non-finite reading as a missed second', () => {
    const recorder = new SeriesRecorder('k', 'm', 'l', { rate: false, scale: 1, unit: 'count' });
    recorder.record(at(0), NaN);
    expect(recorder.summary()).toMatchObject({ samples: 0, min: null, avg: null, problem: 'no reading for 1 of 1 second: the series read NaN' });
  });

  it('settles its measure before the first reading only, and reports changes of measure and capacity', () => {
    const recorder = new SeriesRecorder('k', 'm', 'l', { rate: false, scale: 1, unit: 'count' });
    expect(recorder.settleMeasure({ rate: false, scale: 1, unit: 'count' })).toBe(false);
    expect(recorder.settleMeasure({ rate: true, scale: 1, unit: 'per-second' })).toBe(true);
    recorder.record(at(0), 5);
    expect(recorder.settleMeasure({ rate: false, scale: 1, unit: 'count' })).toBe(false);
    expect(recorder.unit).toBe('per-second');
    expect(recorder.setCapacity(10)).toBe(true);
    expect(recorder.setCapacity(10)).toBe(false);
  });
});
