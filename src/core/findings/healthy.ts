// A run that passed with room to spare gets that said, with the numbers: the tightest latency target and its
// margin at the top load, the errors, and whether throughput kept up with the load.

import { formatMs, formatPercent } from '../report/format';
import type { TargetResult } from '../results';
import type { Finding } from './finding';
import { elasticity, median, rounded } from './numbers';
import { climbIndices, describeLoad, describeLoadRange, describeThroughput, momentAt, type RunView } from './run-view';

/** A latency target is passed "with room" when the measurement is at most half the limit. */
const MIN_MARGIN = 2;
const MIN_SECONDS = 5;
const MAX_ERROR_RATE = 0.001;
const GROWN_LOAD = 1.5;
const MIN_RAMP_SECONDS = 3;
const KEPT_UP = 0.7;

function isUpperLatencyTarget(target: TargetResult): boolean {
  return ['median', 'avg', 'min', 'p90', 'p95', 'p99', 'max'].includes(target.metric) && (target.comparison === '<' || target.comparison === '<=');
}

/** The healthy finding, when the run passed every target with a wide margin and nothing else was found. */
export function healthyFinding(view: RunView, others: readonly Finding[]): Finding | undefined {
  const { input } = view;
  if (input.verdict !== 'pass' || input.outcome !== 'completed') return undefined;
  if (others.some((finding) => finding.severity !== 'info')) return undefined;
  const measuredSeconds = view.timeline.filter((point) => point.rps > 0).length;
  if (input.totals.requests === 0 || measuredSeconds < MIN_SECONDS || input.totals.errorRate >= MAX_ERROR_RATE) return undefined;
  if (input.targets.some((target) => !target.passed)) return undefined;
  const latency = input.targets.filter(isUpperLatencyTarget);
  if (latency.some((target) => target.actual === null || target.actual * MIN_MARGIN > target.threshold)) return undefined;

  const tightest = [...latency].sort((a, b) => margin(a) - margin(b))[0];
  const peak = Math.max(...view.load);
  const peakIndex = Math.max(0, view.load.findIndex((load) => load >= peak * 0.98));
  const atLoad = `at ${describeLoad(view.loadUnit, peak)}`;
  const latencyWords =
    tightest === undefined
      ? `p99 ${formatMs(input.totals.p99)} ${atLoad} (no latency target set)`
      : `${tightest.request === undefined ? '' : `${tightest.request}: `}${tightest.metric} ${formatMs(tightest.actual)} against ${tightest.expression} ${atLoad} (${formatMargin(margin(tightest))} margin)`;
  const errorWords = input.totals.failures === 0 ? 'no errors' : `${formatPercent(input.totals.errorRate)} errors`;
  const message = `Passed with room to spare: ${latencyWords}, ${errorWords}, and ${throughputWords(view)}.`;
  return {
    kind: 'healthy',
    severity: 'info',
    message,
    ...momentAt(view, peakIndex),
    evidence: {
      fromSeconds: view.timeline[0]?.t ?? 0,
      toSeconds: view.timeline[view.timeline.length - 1]?.t ?? 0,
      peakLoad: rounded(peak),
      loadUnit: view.loadUnit,
      tightestTarget: tightest === undefined ? null : `${tightest.request === undefined ? '' : `${tightest.request}: `}${tightest.metric} ${tightest.expression}`,
      tightestMargin: tightest === undefined ? null : rounded(margin(tightest)),
      p99Ms: rounded(input.totals.p99),
      errorRate: input.totals.errorRate,
      throughput: rounded(input.totals.rps),
    },
    suggestion: `Nothing to fix at this load. To find the limit, rerun with a ramp well past ${describeLoad(view.loadUnit, peak)} and read where the findings place the knee.`,
  };
}

function margin(target: TargetResult): number {
  return target.actual !== null && target.actual > 0 ? target.threshold / target.actual : Number.POSITIVE_INFINITY;
}

function formatMargin(ratio: number): string {
  if (!Number.isFinite(ratio)) return 'a wide';
  return `${ratio >= 10 ? Math.round(ratio) : Math.round(ratio * 10) / 10}x`;
}

/** "throughput grew with the load (23 to 230 requests/s as the load went from 10 to 100 users)" or "held steady at …". */
function throughputWords(view: RunView): string {
  const climb = climbIndices(view).map((index) => ({ load: view.loadDuring[index] ?? 0, throughput: view.goodput[index] ?? 0 }));
  const peak = Math.max(0, ...climb.map((pair) => pair.load));
  // Only a real ramp (a few seconds on the way up, from well below the top) shows how throughput follows load.
  const ramp = climb.filter((pair) => pair.load < peak * 0.9).sort((a, b) => a.load - b.load);
  const top = climb.filter((pair) => pair.load >= peak * 0.9);
  const answer = ramp.length >= MIN_RAMP_SECONDS ? elasticity(climb, GROWN_LOAD) : undefined;
  if (answer === undefined || top.length === 0) {
    const steady = median(view.timeline.slice(1, -1).map((point) => point.rps));
    return `throughput held steady at about ${describeThroughput(Number.isFinite(steady) ? steady : view.input.totals.rps)}`;
  }
  const low = ramp.slice(0, Math.max(1, Math.floor(ramp.length / 3)));
  const range = `${Math.round(median(low.map((pair) => pair.throughput)))} to ${describeThroughput(median(top.map((pair) => pair.throughput)))}`;
  const loads = describeLoadRange(view.loadUnit, median(low.map((pair) => pair.load)), median(top.map((pair) => pair.load)));
  // Users starting up (a first request without a pause, a login) swell the first seconds of a short ramp, so
  // a ramp that reads less than proportional says too little to claim anything but where throughput got to.
  return answer >= KEPT_UP ? `throughput grew with the load (${range} as the load went ${loads})` : `throughput reached about ${describeThroughput(median(top.map((pair) => pair.throughput)))}`;
}
