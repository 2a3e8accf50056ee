import { describe, expect, it } from 'vitest';
import { coordinatedOmissionFinding } from '../../../src/core/findings/coordinated-omission';
import { droppedIterationsFinding } from '../../../src/core/findings/dropped-iterations';
import { viewOf } from '../../../src/core/findings/run-view';
import { closedLoad, inputOf, openLoad, timelineOf } from './builders';

const slowClosed = timelineOf(20, (t) => ({ users: 50 + t * 10, rps: 200, p50: 900 + t * 50, p95: 1200 + t * 50, p99: 1500 + t * 50 }));

describe('coordinated omission', () => {
  it('warns a closed model under high latency and suggests the measured capacity as an arrival rate', () => {
    const input = inputOf(slowClosed, { totals: { iterations: 2000, requests: 4000 } });
    const finding = coordinatedOmissionFinding(viewOf(input), { capacity: 200, kneeIndex: 3 });
    expect(finding).toMatchObject({ kind: 'coordinated-omission', severity: 'warning', atSeconds: 0 });
    expect(finding?.message).toBe(
      'The users of this closed model wait for each response before sending the next request, so once responses slowed (p95 1,200 ms at 0:00) they sent less: ' +
        'the measured latency leaves out the queueing that users arriving on their own schedule would meet (coordinated omission).',
    );
    // Two requests an iteration: 200 requests/s is 100 iterations/s.
    expect(finding?.suggestion).toBe(
      'Rerun with an arrival rate (an open model, load: rate) climbing to about 100 iterations/s (about 200 requests/s), the measured capacity, and a little past it, ' +
        "to see the latency at a given rate without the users' waiting hiding it.",
    );
    expect(finding?.evidence).toMatchObject({ suggestedArrivalRate: 100, basis: 'saturation capacity', iterationsPerRequest: 0.5 });
  });

  it('falls back on the highest sustained throughput when no capacity was fitted', () => {
    const finding = coordinatedOmissionFinding(viewOf(inputOf(slowClosed)), {});
    expect(finding?.evidence).toMatchObject({ suggestedArrivalRate: 200, basis: 'highest throughput' });
    expect(finding?.suggestion).toContain('the highest throughput measured');
  });

  it('speaks of the whole run when only the overall p95 was high', () => {
    // Slow seconds now and then: never 4 in 5, yet p95 over the run above a second.
    const spiky = timelineOf(20, (t) => ({ users: 50, rps: 200, p50: 100, p95: t % 3 === 0 ? 3000 : 200, p99: 4000 }));
    const finding = coordinatedOmissionFinding(viewOf(inputOf(spiky, { totals: { p95: 2500 } })), {});
    expect(finding?.message).toContain('so once responses slowed (p95 2,500 ms over the run) they sent less');
  });

  it('stays quiet for fast closed runs and for open models', () => {
    const fast = timelineOf(20, () => ({ users: 50, rps: 200, p50: 20, p99: 80 }));
    expect(coordinatedOmissionFinding(viewOf(inputOf(fast)), {})).toBeUndefined();
    const open = inputOf(slowClosed, { loads: [openLoad([{ durationSeconds: 20, ratePerSecond: 200 }])] });
    expect(coordinatedOmissionFinding(viewOf(open), { capacity: 200 })).toBeUndefined();
  });

  it('speaks up after a latency target was crossed even when the overall p95 is low', () => {
    const fast = timelineOf(20, () => ({ users: 50, rps: 200, p50: 20, p99: 80 }));
    const finding = coordinatedOmissionFinding(viewOf(inputOf(fast, { loads: [closedLoad(50, 5, 15)] })), { crossedAtSeconds: 12 });
    expect(finding?.atSeconds).toBe(12);
  });
});

describe('dropped iterations', () => {
  it('counts them and says when and from what arrival rate', () => {
    const timeline = timelineOf(16, (t) => ({ users: t < 5 ? 100 : 300, rps: Math.min(400, 40 * (t + 1)), p50: 50, p99: 900, dropped: t >= 6 ? 20 : 0 }));
    const loads = [openLoad([{ durationSeconds: 15, ratePerSecond: 600 }], 300)];
    const finding = droppedIterationsFinding(viewOf(inputOf(timeline, { loads })));
    expect(finding).toMatchObject({ kind: 'dropped-iterations', severity: 'warning', atSeconds: 6 });
    expect(finding?.message).toBe(
      '200 iterations (4.17%) were dropped between 0:06 and 0:15, from an arrival rate of 240/s: all 300 users k6 may use were busy, so the planned arrival rate was not kept and the target received less load than asked.',
    );
    expect(finding?.evidence).toMatchObject({ droppedIterations: 200, maxUsers: 300, fromSeconds: 6, toSeconds: 15 });
  });

  it('finds nothing when none were dropped', () => {
    expect(droppedIterationsFinding(viewOf(inputOf(slowClosed)))).toBeUndefined();
  });
});
