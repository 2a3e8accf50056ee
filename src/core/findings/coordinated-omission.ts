// Coordinated omission: in a closed model each user waits for its response before sending the next request, so
// when the system slows the load slows with it, and the latency measured leaves out the waiting that users
// arriving on their own schedule would have met. Worth saying whenever latency got high under a closed model,
// with an arrival rate to rerun at.

import { formatCount, formatMs, formatRate } from '../report/format';
import type { Finding } from './finding';
import { median, rounded } from './numbers';
import { clock, describeThroughput, momentAt, type RunView } from './run-view';
import { LATENCY_RULE, sustainedOnset } from './sustained';

/** Latency past which a closed model's self-throttling matters. */
const HIGH_P95_MS = 1000;

export interface OmissionContext {
  /** Capacity from the saturation fit, when it found one. */
  capacity?: number;
  /** Timeline index of the knee, when saturation was found. */
  kneeIndex?: number;
  /** Seconds since the start of the first latency-target crossing, when one was found. */
  crossedAtSeconds?: number;
}

/** The coordinated-omission warning for a closed model under high latency, with an arrival rate to rerun at. */
export function coordinatedOmissionFinding(view: RunView, context: OmissionContext): Finding | undefined {
  if (!view.hasClosedGroup || view.timeline.length === 0) return undefined;
  const totals = view.input.totals;
  const slowOverall = totals.requests > totals.failures && totals.p95 > HIGH_P95_MS;
  const slowFrom = sustainedOnset(
    view.timeline.map((point) => point.p95 !== null && point.p95 > HIGH_P95_MS),
    LATENCY_RULE,
  );
  const crossedAt = context.crossedAtSeconds;
  const crossedIndex = crossedAt === undefined ? undefined : view.timeline.findIndex((point) => point.t >= crossedAt);
  const moments = [slowFrom, context.kneeIndex, crossedIndex].filter((index): index is number => index !== undefined && index >= 0);
  if (!slowOverall && moments.length === 0) return undefined;
  const onset = moments.length > 0 ? Math.min(...moments) : 0;

  const measuredCapacity = context.capacity ?? highestSustainedThroughput(view);
  const iterationsPerRequest = totals.iterations > 0 && totals.requests > 0 ? Math.min(1, totals.iterations / totals.requests) : 1;
  const rate = measuredCapacity * iterationsPerRequest;
  const basis = context.capacity !== undefined ? 'the measured capacity' : 'the highest throughput measured';
  const rateWords = iterationsPerRequest < 0.95 ? `${formatCount(Math.round(rate))} iterations/s (about ${describeThroughput(measuredCapacity)})` : formatRate(Math.round(rate));
  const p95 = view.timeline[onset]?.p95;
  const at = clock(view.timeline[onset]?.t ?? 0);
  let slowed: string;
  if (moments.length === 0) slowed = `once responses slowed (p95 ${formatMs(totals.p95)} over the run)`;
  else if (onset === slowFrom && p95 !== null && p95 !== undefined) slowed = `once responses slowed (p95 ${formatMs(p95)} at ${at})`;
  else if (onset === context.kneeIndex) slowed = `once throughput levelled off (at ${at}; p95 ${formatMs(totals.p95)} over the run)`;
  else slowed = `once responses slowed past a target (at ${at}; p95 ${formatMs(totals.p95)} over the run)`;
  const message =
    `The users of this closed model wait for each response before sending the next request, so ${slowed} they sent less: ` +
    'the measured latency leaves out the queueing that users arriving on their own schedule would meet (coordinated omission).';
  const suggestion =
    `Rerun with an arrival rate (an open model, load: rate) climbing to about ${rateWords}, ${basis}, and a little past it, ` +
    'to see the latency at a given rate without the users\' waiting hiding it.';
  return {
    kind: 'coordinated-omission',
    severity: 'warning',
    message,
    ...momentAt(view, onset),
    evidence: {
      fromSeconds: view.timeline[onset]?.t ?? 0,
      toSeconds: view.timeline[view.timeline.length - 1]?.t ?? 0,
      p95Ms: rounded(totals.p95),
      suggestedArrivalRate: Math.round(rate),
      throughputBasis: rounded(measuredCapacity),
      basis: context.capacity !== undefined ? 'saturation capacity' : 'highest throughput',
      iterationsPerRequest: rounded(iterationsPerRequest),
    },
    suggestion,
  };
}

/** The best 5-second median of successful throughput: what the system sustained, not one lucky second. */
function highestSustainedThroughput(view: RunView): number {
  let best = 0;
  for (let start = 0; start < view.goodput.length; start += 1) {
    const window = view.goodput.slice(start, start + 5);
    if (window.length < Math.min(5, view.goodput.length)) break;
    best = Math.max(best, median(window));
  }
  return best;
}
