// The timeout pattern of an exhausted pool or queue: most responses take about the same long time (p50 close to
// p99, half a second or more: requests waiting for a slot until the pool's or queue's timeout), throughput flat or
// falling, and server errors or timeouts appearing at the same time. This is an inference from the client side,
// and the finding says so; a monitor that shows the resource at its capacity replaces it (measured-exhaustion.ts).

import { formatMonitorValue, formatMs } from '../report/format';
import type { Finding } from './finding';
import { resourcesWithRoom } from './measured-exhaustion';
import { indexRange, median, present, rounded } from './numbers';
import { clock, describeLoad, describeThroughput, momentAt, type RunView } from './run-view';
import { stretchEnd, sustainedOnset, type SustainRule } from './sustained';

/** Waits shorter than this are ordinary slowness, not requests held until a timeout. */
const MIN_CEILING_MS = 500;
/** p50 at least this share of p99: the bulk of responses at one ceiling rather than a long tail. */
const MIN_MEDIAN_TO_P99 = 0.6;
const PILED_RULE: SustainRule = { window: 5, need: 4 };
/** The ceiling: p99 within this band around where it settled, for most of the stretch. */
const CEILING_REACHED = 0.85;
const CEILING_OVERSHOOT = 1.2;
const MIN_SHARE_AT_CEILING = 0.8;
/** Throughput "flat" when it grew by less than this over the seconds before the pile-up. */
const FLAT_GROWTH = 1.15;
const FELL_SHARE = 0.8;

/** The pool-exhaustion finding, when the run shows the pattern; `capacity` is the saturation fit's, if it found one. */
export function poolExhaustionFinding(view: RunView, capacity: number | undefined): Finding | undefined {
  const timeline = view.timeline;
  const piled = timeline.map((point) => point.p50 !== null && point.p99 !== null && point.p50 >= MIN_CEILING_MS && point.p50 >= MIN_MEDIAN_TO_P99 * point.p99);
  const piledFrom = sustainedOnset(piled, PILED_RULE);
  if (piledFrom === undefined) return undefined;
  const end = stretchEnd(piled, piledFrom, PILED_RULE);
  // Queues grow with p50 close to p99 too; the pattern is the ceiling they reach: where the latency settled in
  // the second half of the stretch, reached at `onset` and held (not still climbing) from there on.
  const p99Of = (index: number) => timeline[index]?.p99 ?? null;
  const ceiling = median(present(indexRange(Math.floor((piledFrom + end) / 2), end).map(p99Of)));
  const onset = indexRange(piledFrom, end).find((index) => (p99Of(index) ?? 0) >= ceiling * CEILING_REACHED) ?? piledFrom;
  const during = indexRange(onset, end);
  if (during.length < PILED_RULE.window) return undefined;
  const atCeiling = during.filter((index) => {
    const p99 = p99Of(index);
    return p99 !== null && p99 >= ceiling * CEILING_REACHED && p99 <= ceiling * CEILING_OVERSHOOT;
  });
  if (atCeiling.length < during.length * MIN_SHARE_AT_CEILING) return undefined;
  const before = indexRange(Math.max(0, onset - 5), onset - 1);

  const serverErrors = during.map((index) => {
    const statuses = timeline[index]?.statuses ?? {};
    return Object.entries(statuses).reduce((sum, [code, count]) => sum + (Number(code) >= 500 && Number(code) < 600 ? count : 0), 0);
  });
  const timeouts = during.map((index) => timeline[index]?.errors.timeout ?? 0);
  const secondsWithErrors = during.filter((_, position) => (serverErrors[position] ?? 0) + (timeouts[position] ?? 0) > 0).length;
  if (secondsWithErrors < Math.min(3, during.length)) return undefined;

  const goodputDuring = median(during.map((index) => view.goodput[index] ?? 0));
  const goodputBefore = before.length > 0 ? median(before.map((index) => view.goodput[index] ?? 0)) : Number.NaN;
  // The saturation fit is the better judge of "stopped growing"; without it, compare with the best second before
  // (a collapse after a ramp is not a plateau, so the fit does not see it).
  const bestBefore = Math.max(0, ...before.map((index) => view.goodput[index] ?? 0));
  const flat = capacity !== undefined || (before.length > 0 && goodputDuring <= bestBefore * FLAT_GROWTH);
  if (!flat) return undefined;
  const atCapacity = capacity !== undefined && goodputDuring >= capacity * FELL_SHARE;
  const fell = !atCapacity && Number.isFinite(goodputBefore) && goodputDuring <= goodputBefore * FELL_SHARE;

  const p50 = median(present(during.map((index) => timeline[index]?.p50)));
  const p99 = median(present(during.map((index) => timeline[index]?.p99)));
  const earlier = median(present(indexRange(0, onset - 1).map((index) => timeline[index]?.p50)));
  const start = timeline[onset];
  const load = view.load[onset] ?? 0;
  const serverTotal = serverErrors.reduce((a, b) => a + b, 0);
  const timeoutTotal = timeouts.reduce((a, b) => a + b, 0);
  const errorWords = [serverTotal > 0 ? 'server errors (5xx)' : '', timeoutTotal > 0 ? 'timeouts' : ''].filter((word) => word !== '').join(' and ');
  const throughput = fell
    ? `throughput fell from ${describeThroughput(goodputBefore)} to ${describeThroughput(goodputDuring)}`
    : `throughput stayed at about ${describeThroughput(goodputDuring)}`;
  const wasBefore = Number.isFinite(earlier) ? `, against ${formatMs(earlier)} before` : '';
  const seconds = roundSeconds(ceiling);
  const roomy = resourcesWithRoom(view);
  const basis =
    roomy.length > 0
      ? `estimated: the monitored ${roomy.map((one) => `${one.series.label} peaked at ${formatMonitorValue(one.series.unit, one.peak)} of ${formatMonitorValue(one.series.unit, one.capacity)}`).join(', ')}, so the wait is elsewhere`
      : 'estimated: no server metrics';
  const message =
    `From ${clock(start?.t ?? 0)}, at ${describeLoad(view.loadUnit, load)}, responses piled up at about ${formatMs(ceiling)} ` +
    `(p50 ${formatMs(p50)}, p99 ${formatMs(p99)}${wasBefore}) while ${throughput} and ${errorWords} appeared: ` +
    `consistent with an exhausted connection pool or queue that gives up after about ${seconds} (${basis}).`;
  const suggestion =
    `Look for a pool or queue that gives up after about ${seconds} (database connections, worker threads, an upstream client) ` +
    `and compare its size with the concurrency at ${clock(start?.t ?? 0)}: raise it, make each request hold it for less time, or shed load earlier with a fast 503. ` +
    'Monitoring its use against its size (`monitors:` with a `capacity`) would turn this estimate into a measurement.';
  return {
    kind: 'pool-exhaustion',
    severity: 'critical',
    message,
    ...momentAt(view, onset),
    evidence: {
      fromSeconds: start?.t ?? 0,
      toSeconds: timeline[end]?.t ?? 0,
      ceilingMs: rounded(ceiling),
      p50Ms: rounded(p50),
      p99Ms: rounded(p99),
      p50BeforeMs: Number.isFinite(earlier) ? rounded(earlier) : null,
      throughputBefore: Number.isFinite(goodputBefore) ? rounded(goodputBefore) : null,
      throughputDuring: rounded(goodputDuring),
      serverErrors: serverTotal,
      timeouts: timeoutTotal,
      secondsWithErrors,
      load: rounded(load),
      loadUnit: view.loadUnit,
      serverMetrics: false,
    },
    suggestion,
  };
}


/** A ceiling in words people say about timeouts: "2 s", "1.5 s", "30 s". */
function roundSeconds(ms: number): string {
  const seconds = ms / 1000;
  const shown = seconds >= 10 ? Math.round(seconds) : Math.round(seconds * 10) / 10;
  return `${shown} s`;
}
