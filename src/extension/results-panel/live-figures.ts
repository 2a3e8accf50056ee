// The tiles', table's and verdicts' figures: built up tick by tick while k6 runs, and from the result at the end.
// The tick brings overall totals; per-request totals are summed here from the per-second points.

import type { RunResult, TimelinePoint, Totals } from '../../core/results';
import { finalTargetStates, liveTargetStates, type RequestSoFar } from './live-targets';
import type { LiveFigures, LiveRequestRow, LiveTargetState, RunInfo } from './messages';

interface RequestTally {
  name: string;
  method: string;
  group: string;
  count: number;
  failures: number;
  /** Sums of percentile × requests, and the requests they cover, for the weighted means. */
  weighted: { p50: number; p95: number; p99: number; weight: number };
  last: { rps: number; p50: number | null; p95: number | null; p99: number | null };
}

const QUIET_SECOND = { rps: 0, p50: null, p95: null, p99: null };

/** Accumulates ticks into LiveFigures. Memory grows with request names only. */
export class LiveTally {
  private readonly tallies = new Map<string, RequestTally>();
  private targets: LiveTargetState[] = [];
  private peakUsers = 0;

  constructor(private readonly run: RunInfo) {
    for (const request of run.requests) this.tallyFor(request.name, request.method, request.group);
  }

  /** Figures after one more closed second. */
  add(point: TimelinePoint, totals: Totals): LiveFigures {
    for (const tally of this.tallies.values()) tally.last = QUIET_SECOND;
    for (const [name, second] of Object.entries(point.requests)) {
      const tally = this.tallyFor(name, '', '');
      tally.count += second.rps;
      tally.failures += second.failuresPerSecond;
      if (second.p50 !== null && second.p95 !== null && second.p99 !== null && second.rps > 0) {
        tally.weighted.p50 += second.p50 * second.rps;
        tally.weighted.p95 += second.p95 * second.rps;
        tally.weighted.p99 += second.p99 * second.rps;
        tally.weighted.weight += second.rps;
      }
      tally.last = { rps: second.rps, p50: second.p50, p95: second.p95, p99: second.p99 };
    }
    this.peakUsers = Math.max(this.peakUsers, point.users, totals.maxUsers);
    const elapsedSeconds = point.t + 1;
    this.targets = liveTargetStates(this.run.targets, { totals, requests: this.soFar(), elapsedSeconds }, this.targets);
    const measured = totals.requests > 0;
    return {
      elapsedSeconds,
      users: point.users,
      peakUsers: this.peakUsers,
      currentRps: point.rps,
      currentP95: point.p95,
      requests: totals.requests,
      failures: totals.failures,
      errorRate: measured ? totals.failures / totals.requests : null,
      rps: totals.rps,
      p50: measured ? totals.p50 : null,
      p95: measured ? totals.p95 : null,
      p99: measured ? totals.p99 : null,
      droppedIterations: totals.droppedIterations,
      perRequest: [...this.tallies.values()].map((tally) => ({
        name: tally.name,
        method: tally.method,
        group: tally.group,
        count: tally.count,
        failures: tally.failures,
        ...tally.last,
      })),
      targets: this.targets,
      final: false,
    };
  }

  /** Verdicts so far, so final ones can keep when each target first failed. */
  get targetStates(): readonly LiveTargetState[] {
    return this.targets;
  }

  private soFar(): Map<string, RequestSoFar> {
    const result = new Map<string, RequestSoFar>();
    for (const tally of this.tallies.values()) {
      const { weight } = tally.weighted;
      const mean = (sum: number) => (weight > 0 ? sum / weight : null);
      result.set(tally.name, { count: tally.count, failures: tally.failures, p50: mean(tally.weighted.p50), p95: mean(tally.weighted.p95), p99: mean(tally.weighted.p99) });
    }
    return result;
  }

  private tallyFor(name: string, method: string, group: string): RequestTally {
    let tally = this.tallies.get(name);
    if (tally === undefined) {
      tally = { name, method, group, count: 0, failures: 0, weighted: { p50: 0, p95: 0, p99: 0, weight: 0 }, last: QUIET_SECOND };
      this.tallies.set(name, tally);
    }
    return tally;
  }
}

/** The finished run's figures: exact per-request statistics and k6's target verdicts. */
export function finalFigures(run: RunInfo, result: RunResult, previousTargets: readonly LiveTargetState[] = []): LiveFigures {
  const totals = result.totals;
  const measured = totals.requests > 0;
  const perRequest: LiveRequestRow[] = result.requests.map((request) => {
    const ran = request.count > 0;
    return {
      name: request.name,
      method: request.method,
      group: request.group,
      count: request.count,
      failures: request.failures,
      rps: request.rps,
      p50: ran ? request.p50 : null,
      p95: ran ? request.p95 : null,
      p99: ran ? request.p99 : null,
    };
  });
  return {
    elapsedSeconds: result.durationSeconds,
    users: 0,
    peakUsers: totals.maxUsers,
    currentRps: null,
    currentP95: null,
    requests: totals.requests,
    failures: totals.failures,
    errorRate: measured ? totals.errorRate : null,
    rps: totals.rps,
    p50: measured ? totals.p50 : null,
    p95: measured ? totals.p95 : null,
    p99: measured ? totals.p99 : null,
    droppedIterations: totals.droppedIterations,
    perRequest,
    targets: finalTargetStates(run.targets, result.targets, previousTargets),
    final: true,
  };
}
