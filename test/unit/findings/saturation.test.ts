import { describe, expect, it } from 'vitest';
import { viewOf } from '../../../src/core/findings/run-view';
import { fitSaturation, saturationFinding } from '../../../src/core/findings/saturation';
import { closedLoad, closedRamp, inputOf, noise, openLoad, timelineOf } from './builders';

// A pool of 8 connections x 40 ms: 200 requests/s; one user with no think time makes 25 requests/s.
const POOL = { capacity: 200, perUser: 25, serviceMs: 40 };
const ramp = (from: number, to: number, seconds: number) => (t: number) => Math.round(from + ((to - from) * Math.min(t, seconds)) / seconds);

describe('saturation', () => {
  it('finds the capacity and the knee of a clean closed ramp past the limit', () => {
    const timeline = closedRamp({ seconds: 22, users: ramp(1, 24, 20), ...POOL });
    const view = viewOf(inputOf(timeline));
    const fit = fitSaturation(view);
    expect(fit).toBeDefined();
    expect(fit?.capacity).toBeCloseTo(200, 0);
    expect(fit?.knee).toBe('measured');
    expect(fit?.kneeLoad).toBeGreaterThanOrEqual(7);
    expect(fit?.kneeLoad).toBeLessThanOrEqual(9);
    const finding = fit === undefined ? undefined : saturationFinding(view, fit);
    expect(finding?.kind).toBe('saturation');
    expect(finding?.message).toMatch(/^Throughput levelled at about 200 requests\/s from 0:\d\d, at 8 users, while the load grew to 24 users: by Little's law the 1\d users past 8, at 200 responses\/s, add \d\d ms of waiting to each request \(measured average 1\d\d ms, against 40 ms before the knee\)\.$/);
    expect(finding?.atUsers).toBeGreaterThanOrEqual(8);
    expect(finding?.atUsers).toBeLessThanOrEqual(9);
    expect(finding?.evidence).toMatchObject({ capacityPerSecond: 200, knee: 'measured', topLoad: 24, loadUnit: 'users', averageBeforeKneeMs: 40 });
  });

  it('names the capacity of a noisy plateau within a few per cent', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const timeline = closedRamp({ seconds: 22, users: ramp(1, 24, 20), ...POOL, jitter: 0.15, seed });
      const fit = fitSaturation(viewOf(inputOf(timeline)));
      expect(fit, `seed ${seed}`).toBeDefined();
      expect(Math.abs((fit?.capacity ?? 0) - 200) / 200, `seed ${seed}`).toBeLessThan(0.08);
    }
  });

  it('stays quiet on a server far from its limit, even with noise', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const timeline = closedRamp({ seconds: 22, users: ramp(1, 24, 20), capacity: 5000, perUser: 25, serviceMs: 40, jitter: 0.15, seed });
      expect(fitSaturation(viewOf(inputOf(timeline))), `seed ${seed}`).toBeUndefined();
    }
  });

  it('stays quiet on a flat, healthy run (a short ramp, then a held load)', () => {
    const wobble = noise(11);
    const timeline = timelineOf(30, (t) => {
      const users = Math.min(30, (t + 1) * 10);
      return { users, rps: Math.round(users * 2.2 * (1 + 0.2 * wobble())), p50: 5, p99: 30 };
    });
    expect(fitSaturation(viewOf(inputOf(timeline)))).toBeUndefined();
  });

  it('stays quiet when the load climbs to the limit and holds there: nothing grew past it', () => {
    const timeline = closedRamp({ seconds: 30, users: ramp(1, 8, 8), ...POOL, jitter: 0.05 });
    expect(fitSaturation(viewOf(inputOf(timeline)))).toBeUndefined();
  });

  it('stays quiet on throughput that grows more slowly than the load but keeps growing', () => {
    // Elasticity 0.6: slowing down, not yet levelled.
    const timeline = timelineOf(22, (t) => {
      const users = 1 + t;
      return { users, rps: Math.round(25 * users ** 0.6), p50: 40, p99: 60 };
    });
    expect(fitSaturation(viewOf(inputOf(timeline)))).toBeUndefined();
  });

  it('leaves a collapse at a held load to the pool-exhaustion finding', () => {
    // Throughput kept up while users ramped, then fell to a tenth at the same load: not a capacity reached.
    const timeline = timelineOf(60, (t) => {
      const users = Math.min(1000, (t + 1) * 100);
      return { users, rps: t < 20 ? Math.min(users, 300) : 30, p50: t < 20 ? 100 : 19000, p99: t < 20 ? 300 : 27000 };
    });
    expect(fitSaturation(viewOf(inputOf(timeline)))).toBeUndefined();
  });

  it('says nothing on a run too short to fit', () => {
    const timeline = closedRamp({ seconds: 6, users: ramp(1, 24, 5), ...POOL });
    expect(fitSaturation(viewOf(inputOf(timeline)))).toBeUndefined();
  });

  it('reports a run already level at its lowest load as a bound, not a knee', () => {
    // The quick burst: 200 users a second up to 1000, against a pool of 400/s, with logins on top while users start.
    const timeline = timelineOf(16, (t) => {
      const users = Math.min(1000, (t + 1) * 200);
      const logins = t < 5 ? 200 : 0;
      return { users, rps: 400 + logins, p50: 1900, p99: 2000, avg: 1900 };
    });
    const view = viewOf(inputOf(timeline, { loads: [closedLoad(1000, 5, 10)] }));
    const fit = fitSaturation(view);
    expect(fit?.knee).toBe('below');
    expect(fit?.capacity).toBe(400);
    const finding = fit === undefined ? undefined : saturationFinding(view, fit);
    expect(finding?.message).toContain('already at the lowest load measured (400 users, 0:01)');
    expect(finding?.message).toContain('while the load grew to 1,000 users');
  });

  it('reads an open model by its arrival rate', () => {
    const load = openLoad([
      { durationSeconds: 12, ratePerSecond: 600 },
      { durationSeconds: 8, ratePerSecond: 600 },
    ]);
    const timeline = timelineOf(20, (t) => {
      const rate = Math.min(600, (600 * t) / 12);
      const rps = Math.round(Math.min(rate, 400));
      return { users: Math.round(rate / 10), rps, p50: rate < 400 ? 50 : 1500, p99: rate < 400 ? 80 : 1900, avg: rate < 400 ? 50 : 1500 };
    });
    const view = viewOf(inputOf(timeline, { loads: [load] }));
    const fit = fitSaturation(view);
    expect(fit?.capacity).toBe(400);
    expect(fit?.kneeLoad).toBeGreaterThan(360);
    expect(fit?.kneeLoad).toBeLessThan(440);
    const finding = fit === undefined ? undefined : saturationFinding(view, fit);
    expect(finding?.message).toMatch(/at an arrival rate of 4\d\d(\.\d)?\/s, while the load grew to an arrival rate of 600\/s: the extra load only queues \(measured average 1,500 ms, against 50 ms before the knee\)\./);
    expect(finding?.evidence.littleLawMsPerRequest).toBeNull();
  });

  it('uses successful responses, so fast failures do not pass for capacity', () => {
    const timeline = timelineOf(22, (t) => {
      const users = 1 + t;
      const served = Math.min(users * 25, 200);
      const rejected = Math.max(0, users * 25 - 200);
      return { users, rps: served + rejected, failures: rejected, p50: 40, p99: 60 };
    });
    const fit = fitSaturation(viewOf(inputOf(timeline)));
    expect(fit?.capacity).toBe(200);
  });
  it('stays quiet when the users past the level spend their time on fast failures, not waiting (a login throttle)', () => {
    // 50 reviewers with about 2 s between requests: 25 requests/s, of which more and more are 429s and the 401s
    // after them, answered in 28 ms. Successful throughput levels at 20/s, but nobody waits at the server.
    const timeline = timelineOf(30, (t) => {
      const users = Math.min(50, 5 * (t + 1));
      const rps = users / 2;
      const failures = Math.max(0, rps - 20);
      return { users, rps, failures, p50: 20, p99: 60, avg: 28, statuses: { '200': rps - failures, ...(failures > 0 ? { '429': failures } : {}) } };
    });
    expect(fitSaturation(viewOf(inputOf(timeline)))).toBeUndefined();
  });
});
