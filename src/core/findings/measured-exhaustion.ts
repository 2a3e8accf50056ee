// Exhaustion measured on the server: a monitored series with a capacity (connections in use against the pool's
// size) held at that capacity while the responses slowed down or failed. This is what the client-side pattern in
// pool-exhaustion.ts can only infer; when a monitor shows it, the finding says which resource ran out and when.

import { formatMonitorValue, formatMs } from '../report/format';
import type { MonitorSeries } from '../results';
import type { Finding } from './finding';
import { indexRange, median, present, rounded } from './numbers';
import { clock, describeLoad, describeThroughput, momentAt, type RunView } from './run-view';
import { stretchEnd, sustainedOnset, type SustainRule } from './sustained';

/** "At capacity": within this share of it (a gauge read once a second rarely shows the exact top). */
const AT_CAPACITY = 0.95;
const HELD_RULE: SustainRule = { window: 5, need: 4 };
/** Responses "slowed down" when their median grew by this factor over the seconds before the pool filled up. */
const SLOWED = 2;

interface Exhaustion {
  series: MonitorSeries;
  capacity: number;
  onset: number;
  end: number;
  p50Before: number;
  p50During: number;
  failuresDuring: number;
}

/** The measured exhaustion finding for the resource that ran out first, when a monitor shows one. */
export function measuredExhaustionFinding(view: RunView): Finding | undefined {
  const exhausted = (view.input.monitors ?? [])
    .map((series) => exhaustionOf(view, series))
    .filter((found): found is Exhaustion => found !== undefined)
    .sort((a, b) => a.onset - b.onset);
  const first = exhausted[0];
  return first === undefined ? undefined : findingOf(view, first);
}

/** The monitored resources with a capacity that never reached it: evidence that the bottleneck is elsewhere. */
export function resourcesWithRoom(view: RunView): { series: MonitorSeries; peak: number; capacity: number }[] {
  return (view.input.monitors ?? []).flatMap((series) => {
    const capacity = series.capacity;
    if (capacity === null || !(capacity > 0) || series.max === null || series.max >= capacity * AT_CAPACITY) return [];
    return [{ series, peak: series.max, capacity }];
  });
}

function exhaustionOf(view: RunView, series: MonitorSeries): Exhaustion | undefined {
  const capacity = series.capacity;
  if (capacity === null || !(capacity > 0)) return undefined;
  const readings = view.timeline.map((point) => point.monitors?.[series.key] ?? null);
  const full = readings.map((value) => value !== null && value >= capacity * AT_CAPACITY);
  const onset = sustainedOnset(full, HELD_RULE);
  if (onset === undefined) return undefined;
  const end = stretchEnd(full, onset, HELD_RULE);
  const during = indexRange(onset, end);
  const p50Before = median(present(indexRange(0, onset - 1).map((index) => view.timeline[index]?.p50)));
  const p50During = median(present(during.map((index) => view.timeline[index]?.p50)));
  const failuresDuring = during.reduce((sum, index) => sum + (view.timeline[index]?.failuresPerSecond ?? 0), 0);
  // A pool can run full and still keep up (every request finds a connection in time): that is good use, not exhaustion.
  const slowed = Number.isFinite(p50Before) ? p50During >= p50Before * SLOWED : false;
  if (!slowed && failuresDuring === 0) return undefined;
  return { series, capacity, onset, end, p50Before, p50During, failuresDuring };
}

function findingOf(view: RunView, found: Exhaustion): Finding {
  const { series, capacity, onset, end } = found;
  const during = indexRange(onset, end);
  const start = view.timeline[onset];
  const load = view.load[onset] ?? 0;
  const goodput = median(during.map((index) => view.goodput[index] ?? 0));
  const slowedWords = Number.isFinite(found.p50Before)
    ? `the median response went from ${formatMs(found.p50Before)} to ${formatMs(found.p50During)}`
    : `the median response was ${formatMs(found.p50During)}`;
  const failures = Math.round(found.failuresDuring);
  const failureWords = failures > 0 ? ` and ${failures.toLocaleString('en-US')} requests failed` : '';
  const queue = growingNeighbours(view, series, onset, end);
  const queueWords = queue.length > 0 ? `; ${queue.map((other) => `${other.series.label} rose to ${formatMonitorValue(other.series.unit, other.peak)}`).join(', ')}` : '';
  const message =
    `From ${clock(start?.t ?? 0)}, at ${describeLoad(view.loadUnit, load)}, ${series.label} (${series.monitor}) was at its capacity of ${formatMonitorValue(series.unit, capacity)} ` +
    `while ${slowedWords}${failureWords}${queueWords}: measured exhaustion of that resource, with throughput at about ${describeThroughput(goodput)}.`;
  const suggestion =
    `Requests wait for ${series.label} once all ${formatMonitorValue(series.unit, capacity)} are taken: raise the capacity (and what stands behind it, such as the database's connection limit), ` +
    'make each request hold it for less time, or turn excess load away early with a fast 503 instead of a long wait.';
  return {
    kind: 'pool-exhaustion',
    severity: 'critical',
    message,
    ...momentAt(view, onset),
    evidence: {
      fromSeconds: start?.t ?? 0,
      toSeconds: view.timeline[end]?.t ?? 0,
      series: series.key,
      capacity: rounded(capacity),
      secondsAtCapacity: during.length,
      p50BeforeMs: Number.isFinite(found.p50Before) ? rounded(found.p50Before) : null,
      p50DuringMs: rounded(found.p50During),
      failures,
      throughputDuring: rounded(goodput),
      load: rounded(load),
      loadUnit: view.loadUnit,
      rising: queue.map((other) => ({ series: other.series.key, peak: rounded(other.peak) })),
      serverMetrics: true,
    },
    suggestion,
  };
}

/** Other counts of the same monitor that grew while the resource was full: the queue in front of it, usually. */
function growingNeighbours(view: RunView, full: MonitorSeries, onset: number, end: number): { series: MonitorSeries; peak: number }[] {
  return (view.input.monitors ?? []).flatMap((series) => {
    if (series.key === full.key || series.monitor !== full.monitor || series.unit !== 'count') return [];
    const read = (index: number) => view.timeline[index]?.monitors?.[series.key] ?? null;
    const before = median(present(indexRange(0, onset - 1).map(read)));
    const peak = Math.max(...present(indexRange(onset, end).map(read)));
    const grew = Number.isFinite(peak) && peak > 0 && (!Number.isFinite(before) || peak >= Math.max(1, before) * SLOWED);
    return grew ? [{ series, peak }] : [];
  });
}
