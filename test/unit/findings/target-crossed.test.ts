import { describe, expect, it } from 'vitest';
import { viewOf } from '../../../src/core/findings/run-view';
import { targetCrossedFindings } from '../../../src/core/findings/target-crossed';
import { inputOf, latencyTarget, noise, openLoad, timelineOf } from './builders';

// p99 grows with the users: 10 ms per user, so a < 500ms target is crossed from 50 users on.
const rising = (seconds: number, spikeAt?: number) =>
  timelineOf(seconds, (t) => {
    const users = 10 + t * 2;
    const p99 = t === spikeAt ? 900 : users * 10;
    return { users, rps: users * 3, p50: users * 2, p99 };
  });

describe('target-crossed', () => {
  it('names the load at which a p99 target was crossed for good, ignoring an earlier lone spike', () => {
    const timeline = rising(40, 5);
    const [finding, ...rest] = targetCrossedFindings(viewOf(inputOf(timeline, { targets: [latencyTarget('p99', 500, 880)] })));
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ kind: 'target-crossed', severity: 'critical', atSeconds: 20, atUsers: 50, atRps: 150 });
    expect(finding?.message).toBe(
      'p99 < 500ms was crossed at 0:20, at 50 users (p99 500 ms that second), and stayed over it to the end of the run (p99 690 ms typical while over).',
    );
    expect(finding?.evidence).toMatchObject({ fromSeconds: 20, toSeconds: 39, thresholdMs: 500, load: 50, loadBefore: 48, loadUnit: 'users' });
    expect(finding?.suggestion).toContain('holds up to about 48 users');
  });

  it('keeps a crossing through one quiet second', () => {
    const timeline = timelineOf(20, (t) => ({ users: 10, rps: 30, p50: 100, p99: t >= 5 && t !== 8 ? 700 : 300 }));
    const [finding] = targetCrossedFindings(viewOf(inputOf(timeline, { targets: [latencyTarget('p99', 500, 700)] })));
    expect(finding?.atSeconds).toBe(5);
    expect(finding?.evidence).toMatchObject({ secondsMeasured: 15, secondsOver: 14 });
  });

  it('says how long a crossing lasted when the latency came back under the target', () => {
    const timeline = timelineOf(40, (t) => ({ users: t < 25 ? 10 + t : 35 - (t - 25) * 2, rps: 30, p50: 100, p99: t >= 10 && t < 25 ? 700 : 200 }));
    const [finding] = targetCrossedFindings(viewOf(inputOf(timeline, { targets: [latencyTarget('p99', 500, 400)] })));
    expect(finding?.severity).toBe('warning');
    expect(finding?.message).toContain('and stayed over it for 15 s, until 0:24');
  });

  it('reads per-request targets from the per-request percentiles', () => {
    const timeline = timelineOf(20, (t) => ({
      users: 5 + t,
      rps: 20,
      p50: 10,
      p99: 50,
      requests: { login: { rps: 10, failuresPerSecond: 0, p50: 10, p95: t >= 8 ? 400 : 100, p99: 500 }, home: { rps: 10, failuresPerSecond: 0, p50: 5, p95: 20, p99: 30 } },
    }));
    const targets = [latencyTarget('p95', 300, 400, { request: 'login' }), latencyTarget('p95', 300, 20, { request: 'home' })];
    const findings = targetCrossedFindings(viewOf(inputOf(timeline, { targets })));
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).toMatch(/^login: p95 < 300ms was crossed at 0:08, at 13 users/);
  });

  it('speaks of the arrival rate in an open model', () => {
    const timeline = timelineOf(20, (t) => ({ users: 10, rps: 10 * t, p50: t >= 10 ? 300 : 20, p99: 400 }));
    const loads = [openLoad([{ durationSeconds: 20, ratePerSecond: 200 }])];
    const [finding] = targetCrossedFindings(viewOf(inputOf(timeline, { loads, targets: [latencyTarget('median', 200, 250)] })));
    expect(finding?.message).toMatch(/^median < 200ms was crossed at 0:10, at an arrival rate of 100\/s \(median 300 ms that second\)/);
  });

  it('says when a target was over from the first second', () => {
    const timeline = timelineOf(10, () => ({ users: 100, rps: 50, p50: 900, p99: 1500 }));
    const [finding] = targetCrossedFindings(viewOf(inputOf(timeline, { targets: [latencyTarget('p99', 1000, 1500)] })));
    expect(finding?.message).toMatch(/^p99 < 1000ms was over from the first measured second \(0:00\), at 100 users/);
    expect(finding?.suggestion).toContain('does not hold even at the lowest load measured');
  });

  it('finds nothing for a noisy run that stays under its target, a short run, or targets the timeline cannot judge', () => {
    const wobble = noise(3);
    const noisy = timelineOf(60, () => ({ users: 20, rps: 40, p50: 50, p99: 380 + 150 * wobble() }));
    // The odd second over 500 ms never lasts 4 seconds out of 5.
    expect(targetCrossedFindings(viewOf(inputOf(noisy, { targets: [latencyTarget('p99', 500, 480)] })))).toEqual([]);
    const short = timelineOf(4, () => ({ users: 20, rps: 40, p50: 50, p99: 900 }));
    expect(targetCrossedFindings(viewOf(inputOf(short, { targets: [latencyTarget('p99', 500, 900)] })))).toEqual([]);
    const slow = timelineOf(20, () => ({ users: 20, rps: 40, p50: 900, p99: 900 }));
    const unjudged = [latencyTarget('min', 500, 900), latencyTarget('p90', 500, 900, { request: 'login' }), { ...latencyTarget('p99', 500, 900), comparison: '>' as const }];
    expect(targetCrossedFindings(viewOf(inputOf(slow, { targets: unjudged })))).toEqual([]);
  });
});
