// The load at which each latency target was crossed and stayed crossed, read from the per-second percentile the
// target names (a p99 target from each second's p99), so a ramp shows where the target stopped holding.

import { compare } from '../run/evaluate-targets';
import { formatMs, targetLabel } from '../report/format';
import type { TargetResult, TimelinePoint } from '../results';
import type { Finding } from './finding';
import { median, rounded } from './numbers';
import { clock, describeLoad, momentAt, type RunView } from './run-view';
import { LATENCY_RULE, stretchEnd, sustainedOnset } from './sustained';

type PerSecond = (point: TimelinePoint) => number | null;

/** The per-second reading of a target's metric, when the timeline keeps it. */
function perSecondReading(target: TargetResult): PerSecond | undefined {
  if (target.request !== undefined) {
    const name = target.request;
    const field = target.metric === 'median' ? 'p50' : target.metric === 'p95' || target.metric === 'p99' ? target.metric : undefined;
    return field === undefined ? undefined : (point) => point.requests[name]?.[field] ?? null;
  }
  switch (target.metric) {
    case 'median':
      return (point) => point.p50;
    case 'avg':
    case 'p90':
    case 'p95':
    case 'p99':
    case 'max': {
      const field = target.metric;
      return (point) => point[field];
    }
    default:
      return undefined;
  }
}

/** One finding per latency upper-bound target whose per-second value crossed it and stayed crossed. */
export function targetCrossedFindings(view: RunView): Finding[] {
  const findings: Finding[] = [];
  for (const target of view.input.targets) {
    if (target.comparison !== '<' && target.comparison !== '<=') continue;
    const read = perSecondReading(target);
    if (read === undefined) continue;
    const finding = crossing(view, target, read);
    if (finding !== undefined) findings.push(finding);
  }
  return findings;
}

function crossing(view: RunView, target: TargetResult, read: PerSecond): Finding | undefined {
  const measured: { index: number; value: number }[] = [];
  view.timeline.forEach((point, index) => {
    const value = read(point);
    if (value !== null && Number.isFinite(value)) measured.push({ index, value });
  });
  const flags = measured.map(({ value }) => !compare(value, target.comparison, target.threshold));
  const onset = sustainedOnset(flags, LATENCY_RULE);
  if (onset === undefined) return undefined;
  const end = stretchEnd(flags, onset, LATENCY_RULE);
  const first = measured[onset];
  const last = measured[end];
  if (first === undefined || last === undefined) return undefined;
  const startPoint = view.timeline[first.index];
  const endPoint = view.timeline[last.index];
  if (startPoint === undefined || endPoint === undefined) return undefined;

  const label = targetLabel(target);
  const name = target.metric === 'median' ? 'median' : target.metric;
  const typical = median(measured.slice(onset, end + 1).map(({ value }) => value));
  const load = view.load[first.index] ?? 0;
  const before = onset > 0 ? measured[onset - 1] : undefined;
  const loadBefore = before === undefined ? undefined : view.load[before.index];
  const toTheEnd = end === measured.length - 1;
  const fromTheStart = onset === 0;
  const held = toTheEnd ? 'to the end of the run' : `for ${Math.round(endPoint.t - startPoint.t + 1)} s, until ${clock(endPoint.t)}`;
  const when = fromTheStart ? `was over from the first measured second (${clock(startPoint.t)})` : `was crossed at ${clock(startPoint.t)}`;
  const message =
    `${label} ${when}, at ${describeLoad(view.loadUnit, load)} (${name} ${formatMs(first.value)} that second), ` +
    `and stayed over it ${held} (${name} ${formatMs(typical)} typical while over).`;
  const suggestion =
    fromTheStart || loadBefore === undefined
      ? 'The target does not hold even at the lowest load measured: time a single request of this path without load, then add load in small steps.'
      : `The target holds up to about ${describeLoad(view.loadUnit, loadBefore)}: rerun at that load to confirm, and read the saturation and error findings for what ran out beyond it.`;
  return {
    kind: 'target-crossed',
    severity: target.passed ? 'warning' : 'critical',
    message,
    ...momentAt(view, first.index),
    evidence: {
      fromSeconds: startPoint.t,
      toSeconds: endPoint.t,
      target: label,
      thresholdMs: target.threshold,
      valueAtOnsetMs: rounded(first.value),
      typicalWhileCrossedMs: rounded(typical),
      secondsOver: flags.slice(onset, end + 1).filter(Boolean).length,
      secondsMeasured: end - onset + 1,
      load: rounded(load),
      loadBefore: loadBefore === undefined ? null : rounded(loadBefore),
      loadUnit: view.loadUnit,
    },
    suggestion,
  };
}
