import { describe, expect, it } from 'vitest';
import { peakLoadPoint } from '../../../src/core/report/monitor-readings';
import { monitorSummary } from '../../../src/core/report/monitor-summary';
import type { TimelinePoint } from '../../../src/core/results';
import { burstRun, monitoredRun, passingRun } from './fixtures';

function usersOver(users: readonly number[]): TimelinePoint[] {
  const template = passingRun().timeline[0];
  if (template === undefined) throw new Error('fixture without a timeline');
  return users.map((count, t) => ({ ...template, t, users: count }));
}

describe('peakLoadPoint', () => {
  it('takes the last second at the most users, leaving out the final partial second', () => {
    expect(peakLoadPoint(usersOver([10, 50, 100, 100, 100, 100]))?.t).toBe(4);
    expect(peakLoadPoint(usersOver([10, 50, 100, 100, 40, 0]))?.t).toBe(3);
  });

  it('keeps the final second when it alone had the most users', () => {
    expect(peakLoadPoint(usersOver([10, 50, 100]))?.t).toBe(2);
    expect(peakLoadPoint(usersOver([7]))?.t).toBe(0);
  });

  it('has none for an empty timeline', () => {
    expect(peakLoadPoint([])).toBeUndefined();
  });
});

describe('monitorSummary', () => {
  it('formats each series by its unit and marks readings at capacity', () => {
    const summary = monitorSummary(monitoredRun());
    expect(summary?.atPeakLoadHeader).toBe('At peak load (1,050 users, 3:58)');
    expect(summary?.anyProblem).toBe(true);
    expect(summary?.rows[0]).toEqual({
      monitor: 'demo target',
      series: 'database pool in use',
      min: '2',
      avg: '19.2',
      max: '20 (at capacity)',
      capacity: '20',
      atPeakLoad: '20 (at capacity)',
      problem: '',
    });
    expect(summary?.rows[3]?.max).toBe('300 MiB');
  });

  it('says n/a for a series that was never read', () => {
    const run = monitoredRun();
    const never = { key: 'db: locks', monitor: 'db', label: 'locks', unit: 'count' as const, capacity: 5, samples: 0, min: null, avg: null, max: null, problem: 'series absent' };
    const row = monitorSummary({ ...run, monitors: [never] })?.rows[0];
    expect([row?.min, row?.avg, row?.max, row?.capacity, row?.atPeakLoad]).toEqual(['n/a', 'n/a', 'n/a', '5', 'n/a']);
  });

  it('is undefined for a run without monitors', () => {
    expect(monitorSummary(burstRun())).toBeUndefined();
    expect(monitorSummary({ ...burstRun(), monitors: [] })).toBeUndefined();
  });
});
