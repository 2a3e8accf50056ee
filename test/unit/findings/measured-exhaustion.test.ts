import { describe, expect, it } from 'vitest';
import { findFindings } from '../../../src/core/findings/find-findings';
import { measuredExhaustionFinding } from '../../../src/core/findings/measured-exhaustion';
import { viewOf } from '../../../src/core/findings/run-view';
import type { MonitorSeries, TimelinePoint } from '../../../src/core/results';
import { inputOf, timelineOf } from './builders';

const IN_USE = 'demo target: pool in use';
const WAITING = 'demo target: waiting';

function series(key: string, capacity: number | null): MonitorSeries {
  const [monitor = '', label = ''] = key.split(': ');
  return { key, monitor, label, unit: 'count', capacity, samples: 16, min: 0, avg: 10, max: 20 };
}

const MONITORS = [series(IN_USE, 20), series(WAITING, null)];

/** The same burst as pool-exhaustion.test.ts, with the server's pool readings: full from 0:04. */
function burst(options: { inUse?: (t: number) => number } = {}): TimelinePoint[] {
  const inUse = options.inUse ?? ((t: number) => (t >= 4 ? 20 : 5 + t * 3));
  return timelineOf(16, (t) => {
    const piled = t >= 4;
    const failures = piled ? 100 : 0;
    return {
      users: Math.min(1000, (t + 1) * 200),
      rps: 400 + failures,
      failures,
      p50: piled ? 1950 : 50 + t * 10,
      p99: piled ? 2010 : 80 + t * 20,
      statuses: { '201': 400, ...(failures > 0 ? { '503': failures } : {}) },
    };
  }).map((point) => ({ ...point, monitors: { [IN_USE]: inUse(point.t), [WAITING]: point.t >= 4 ? 600 : 0 } }));
}

describe('measured exhaustion', () => {
  it('names the resource a monitor shows at its capacity while responses slow down', () => {
    const finding = measuredExhaustionFinding(viewOf(inputOf(burst(), { monitors: MONITORS })));
    expect(finding).toMatchObject({ kind: 'pool-exhaustion', severity: 'critical', atSeconds: 4, atUsers: 1000 });
    expect(finding?.message).toBe(
      'From 0:04, at 1,000 users, pool in use (demo target) was at its capacity of 20 while the median response went from 65 ms to 1,950 ms ' +
        'and 1,200 requests failed; waiting rose to 600: measured exhaustion of that resource, with throughput at about 400 requests/s.',
    );
    expect(finding?.evidence).toMatchObject({ fromSeconds: 4, toSeconds: 15, series: IN_USE, capacity: 20, secondsAtCapacity: 12, serverMetrics: true });
  });

  it('replaces the client-side estimate in the findings of the run', () => {
    const findings = findFindings(inputOf(burst(), { monitors: MONITORS }));
    const pool = findings.filter((finding) => finding.kind === 'pool-exhaustion');
    expect(pool).toHaveLength(1);
    expect(pool[0]?.evidence.serverMetrics).toBe(true);
  });

  it('says the monitored pool had room when the client-side pattern shows a wait elsewhere', () => {
    const findings = findFindings(inputOf(burst({ inUse: () => 12 }), { monitors: [{ ...series(IN_USE, 20), max: 12 }, series(WAITING, null)] }));
    const pool = findings.find((finding) => finding.kind === 'pool-exhaustion');
    expect(pool?.evidence.serverMetrics).toBe(false);
    expect(pool?.message).toContain('(estimated: the monitored pool in use peaked at 12 of 20, so the wait is elsewhere)');
  });

  it('does not call a full pool that keeps up exhaustion', () => {
    const busy = timelineOf(16, () => ({ users: 50, rps: 400, p50: 50, p99: 60 })).map((point) => ({ ...point, monitors: { [IN_USE]: 20 } }));
    expect(measuredExhaustionFinding(viewOf(inputOf(busy, { monitors: MONITORS })))).toBeUndefined();
  });

  it('needs the capacity held, not touched for a second', () => {
    const touched = burst({ inUse: (t) => (t === 6 || t === 11 ? 20 : 12) });
    expect(measuredExhaustionFinding(viewOf(inputOf(touched, { monitors: MONITORS })))).toBeUndefined();
  });

  it('ignores series without a capacity and runs without monitors', () => {
    expect(measuredExhaustionFinding(viewOf(inputOf(burst(), { monitors: [series(IN_USE, null)] })))).toBeUndefined();
    expect(measuredExhaustionFinding(viewOf(inputOf(burst())))).toBeUndefined();
  });
});

describe('the order of findings', () => {
  it('puts what server metrics measured first among findings as severe', () => {
    const findings = findFindings(inputOf(burst(), { monitors: MONITORS, targets: [] }));
    expect(findings[0]?.kind).toBe('pool-exhaustion');
    expect(findings[0]?.evidence.serverMetrics).toBe(true);
  });
});
