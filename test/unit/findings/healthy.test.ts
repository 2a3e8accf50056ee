import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../src/core/findings/finding';
import { healthyFinding } from '../../../src/core/findings/healthy';
import { viewOf } from '../../../src/core/findings/run-view';
import { inputOf, latencyTarget, noise, timelineOf } from './builders';

const wobble = noise(5);
const ramped = timelineOf(60, (t) => {
  const users = Math.min(100, (t + 1) * 10);
  return { users, rps: Math.round(users * 2.3 * (1 + 0.05 * wobble())), p50: 5, p99: 34 };
});
const targets = [latencyTarget('median', 200, 5), latencyTarget('p99', 500, 34), latencyTarget('p95', 300, 17, { request: 'create deployment' })];
const warning: Finding = { kind: 'errors', severity: 'warning', message: '', atSeconds: 1, atUsers: 1, atRps: 1, evidence: { fromSeconds: 1, toSeconds: 2 }, suggestion: '' };

describe('healthy', () => {
  it('says a run passed with wide margins, naming the tightest target, the load and how throughput followed it', () => {
    const finding = healthyFinding(viewOf(inputOf(ramped, { targets, totals: { p99: 34 } })), []);
    expect(finding).toMatchObject({ kind: 'healthy', severity: 'info', atSeconds: 9, atUsers: 100 });
    expect(finding?.message).toMatch(/^Passed with room to spare: p99 34 ms against < 500ms at 100 users \(15x margin\), no errors, and throughput grew with the load \(\d+ to 2\d\d requests\/s as the load went from \d+ to 100 users\)\.$/);
    expect(finding?.evidence).toMatchObject({ tightestTarget: 'p99 < 500ms', tightestMargin: 14.7, peakLoad: 100 });
  });

  it('says throughput held steady when the load did not grow', () => {
    const flat = timelineOf(30, () => ({ users: 20, rps: 48, p50: 12, p99: 40 }));
    const finding = healthyFinding(viewOf(inputOf(flat, { totals: { p99: 40 } })), []);
    expect(finding?.message).toBe('Passed with room to spare: p99 40 ms at 20 users (no latency target set), no errors, and throughput held steady at about 48 requests/s.');
  });

  it('does not read a ramp of two seconds as throughput growing with the load', () => {
    const quick = timelineOf(16, (t) => {
      const users = Math.min(30, (t + 1) * 10);
      return { users, rps: [40, 55, 67, 62, 64][t % 5] ?? 60, p50: 50, p99: 120 };
    });
    const finding = healthyFinding(viewOf(inputOf(quick, { targets: [latencyTarget('median', 200, 51)] })), []);
    expect(finding?.message).toBe('Passed with room to spare: median 51 ms against < 200ms at 30 users (3.9x margin), no errors, and throughput held steady at about 62 requests/s.');
  });

  it('stays quiet when a margin is narrow, something else was found, the run failed or was short', () => {
    const view = (extra: Parameters<typeof inputOf>[1]) => viewOf(inputOf(ramped, { targets, ...extra }));
    expect(healthyFinding(view({ targets: [latencyTarget('p99', 500, 300)] }), [])).toBeUndefined();
    expect(healthyFinding(view({}), [warning])).toBeUndefined();
    expect(healthyFinding(view({ verdict: 'fail' }), [])).toBeUndefined();
    expect(healthyFinding(view({ verdict: 'stopped', outcome: 'stopped' }), [])).toBeUndefined();
    expect(healthyFinding(view({ totals: { failures: 20, errorRate: 0.01 } }), [])).toBeUndefined();
    expect(healthyFinding(viewOf(inputOf(ramped.slice(0, 4), { targets })), [])).toBeUndefined();
  });

  it('lets an info finding (a stray error) stand beside it', () => {
    expect(healthyFinding(viewOf(inputOf(ramped, { targets })), [{ ...warning, severity: 'info' }])).toBeDefined();
  });
});
