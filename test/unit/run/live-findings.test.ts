import { describe, expect, it } from 'vitest';
import { LiveFindings } from '../../../src/core/run/live-findings';
import { closedLoad, inputOf, timelineOf } from '../findings/builders';

// A closed ramp to 1000 users against 400 requests/s: healthy for 6 seconds, then responses pile up at 2 s.
const run = timelineOf(20, (t) => {
  const piled = t >= 6;
  return { users: Math.min(1000, (t + 1) * 100), rps: 400, failures: piled ? 50 : 0, p50: piled ? 1950 : 50, p99: piled ? 2010 : 80 };
});

function measuredUntil(seconds: number) {
  const { timeline, requests, errors, totals } = inputOf(run.slice(0, seconds));
  return [seconds, () => ({ measured: { timeline: [...timeline], requests: [...requests], errors: [...errors], totals }, monitors: [] })] as const;
}

describe('live findings', () => {
  const live = () => new LiveFindings([], [], { loads: [closedLoad(1000, 10, 10)], oneOffRequests: [] });

  it('waits for a few seconds of timeline between analyses', () => {
    const findings = live();
    expect(findings.update(...measuredUntil(4))).toBeUndefined();
    expect(findings.update(...measuredUntil(5))).toEqual([]);
    expect(findings.update(...measuredUntil(8))).toBeUndefined();
  });

  it('returns the findings only when they changed, and never calls a run healthy before its end', () => {
    const findings = live();
    const early = findings.update(...measuredUntil(5));
    expect(early?.map((finding) => finding.kind)).not.toContain('healthy');
    const later = findings.update(...measuredUntil(20));
    expect(later?.map((finding) => finding.kind)).toContain('pool-exhaustion');
  });
});
