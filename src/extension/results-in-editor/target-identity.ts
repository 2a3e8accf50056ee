// What makes a target the same target in the file being edited and in a run's result: its request (none for
// overall targets), metric, comparison and threshold. A changed threshold is another target: the old verdict says
// nothing about it. YAML keys are unique, so no two targets of one scenario share a key.
import type { TargetResult } from '../../core/results';
import type { Comparison, Target, TargetMetric } from '../../core/scenario/model';

interface TargetParts {
  metric: TargetMetric;
  request?: string;
  comparison: Comparison;
  threshold: number;
}

function keyOf(parts: TargetParts): string {
  return JSON.stringify([parts.request ?? null, parts.metric, parts.comparison, parts.threshold]);
}

/** The identity of a target as the scenario declares it. */
export function declaredTargetKey(target: Pick<Target, 'metric' | 'request' | 'comparison' | 'value'>): string {
  return keyOf({ metric: target.metric, ...(target.request === undefined ? {} : { request: target.request }), comparison: target.comparison, threshold: target.value });
}

/** The identity of a target as a run judged it. */
export function judgedTargetKey(result: Pick<TargetResult, 'metric' | 'request' | 'comparison' | 'threshold'>): string {
  return keyOf(result);
}
