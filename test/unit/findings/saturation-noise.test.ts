// How often the saturation detector is wrong on noisy runs, over many seeded timelines: it must not invent a
// plateau on a server far from its limit, and should still find one that is there. Uniform noise of ±10 %, ±20 %
// and ±30 % a second is about the Poisson noise of 300, 75 and 35 responses a second.

import { describe, expect, it } from 'vitest';
import { viewOf, type FindingsInput } from '../../../src/core/findings/run-view';
import { fitSaturation } from '../../../src/core/findings/saturation';
import { closedRamp, inputOf, noise, openLoad, timelineOf } from './builders';

const SEEDS = 200;
const ramp = (from: number, to: number, seconds: number) => (t: number) => Math.round(from + ((to - from) * Math.min(t, seconds)) / seconds);

/** The quick open burst: arrivals climb to 600/s in 5 s and hold for 10, against `capacity`. */
function openBurst(seed: number, jitter: number, capacity: number): FindingsInput {
  const wobble = noise(seed);
  const timeline = timelineOf(18, (t) => {
    const rate = t <= 5 ? 120 * t : t <= 15 ? 600 : 0;
    const served = Math.min(rate, capacity) * (1 + jitter * wobble());
    return { users: Math.round(rate / 2), rps: Math.max(0, Math.round(served)), p50: 50, p99: 90 };
  });
  return inputOf(timeline, { loads: [openLoad([{ durationSeconds: 5, ratePerSecond: 600 }, { durationSeconds: 10, ratePerSecond: 600 }])] });
}

const farBelow: Record<string, (seed: number, jitter: number) => FindingsInput> = {
  'a closed ramp': (seed, jitter) => inputOf(closedRamp({ seconds: 22, users: ramp(1, 24, 20), capacity: 1e9, perUser: 10, serviceMs: 40, jitter, seed })),
  'a closed ramp and hold': (seed, jitter) => inputOf(closedRamp({ seconds: 30, users: ramp(2, 30, 10), capacity: 1e9, perUser: 5, serviceMs: 40, jitter, seed })),
  'a short ramp and hold': (seed, jitter) => inputOf(closedRamp({ seconds: 16, users: (t) => Math.min(30, (t + 1) * 10), capacity: 1e9, perUser: 2, serviceMs: 40, jitter, seed })),
  'an open burst': (seed, jitter) => openBurst(seed, jitter, 1e9),
};

function found(make: (seed: number) => FindingsInput): number {
  let count = 0;
  for (let seed = 1; seed <= SEEDS; seed += 1) if (fitSaturation(viewOf(make(seed))) !== undefined) count += 1;
  return count;
}

describe('saturation under noise', () => {
  for (const [name, make] of Object.entries(farBelow)) {
    it(`invents no plateau on ${name} far from the limit`, () => {
      expect(found((seed) => make(seed, 0.1))).toBe(0);
      expect(found((seed) => make(seed, 0.2))).toBe(0);
      expect(found((seed) => make(seed, 0.3))).toBeLessThanOrEqual(SEEDS * 0.025);
    });
  }

  it('finds the plateau of a closed ramp past the limit in nearly every noisy run', () => {
    for (const jitter of [0.1, 0.2]) {
      expect(found((seed) => inputOf(closedRamp({ seconds: 22, users: ramp(1, 24, 20), capacity: 200, perUser: 25, serviceMs: 40, jitter, seed })))).toBeGreaterThanOrEqual(SEEDS * 0.95);
      expect(found((seed) => inputOf(closedRamp({ seconds: 30, users: ramp(2, 40, 10), capacity: 200, perUser: 10, serviceMs: 40, jitter, seed })))).toBeGreaterThanOrEqual(SEEDS * 0.95);
    }
  });

  it('finds the plateau of the open burst most of the time, though it only goes 1.5 times past the limit', () => {
    expect(found((seed) => openBurst(seed, 0.1, 400))).toBeGreaterThanOrEqual(SEEDS * 0.85);
    expect(found((seed) => openBurst(seed, 0.2, 400))).toBeGreaterThanOrEqual(SEEDS * 0.6);
  });
});
