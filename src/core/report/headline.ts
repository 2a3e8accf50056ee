// The one sentence under the title of every report: what the verdict rests on.

import type { RunResult } from '../results';
import { formatCount, formatDuration, formatTargetValue, isOutcomeWithoutData, outcomeLabel, targetLabel } from './format';

// The runner also fails a run that met its targets when no request was made or every request failed.
function failureWithoutMissedTarget(result: RunResult): string {
  const { requests, failures } = result.totals;
  if (requests === 0) return 'No request was made.';
  if (failures >= requests) return requests === 1 ? 'The only request failed.' : `All ${formatCount(requests)} requests failed.`;
  return `Judged a failure: ${outcomeLabel(result.outcome)}.`;
}

/** A factual sentence explaining the verdict, e.g. "2 of 4 targets missed: p99 < 500ms (27,000 ms), …". */
export function verdictHeadline(result: RunResult): string {
  const missed = result.targets.filter((target) => !target.passed);
  const measuredMissed = missed.filter((target) => target.actual !== null);
  const missedList = measuredMissed.map((target) => `${targetLabel(target)} (${formatTargetValue(target.metric, target.actual)})`).join(', ');
  const total = result.targets.length;
  switch (result.verdict) {
    case 'pass':
      return total === 0 ? 'Ran to the end; no targets were set.' : `All ${total} target${total === 1 ? '' : 's'} met.`;
    case 'fail':
      if (missed.length === 0) return failureWithoutMissedTarget(result);
      return `${missed.length} of ${total} target${total === 1 ? '' : 's'} missed${missedList === '' ? '' : `: ${missedList}`}.`;
    case 'stopped': {
      const partial = `Stopped after ${formatDuration(result.durationSeconds)} (${outcomeLabel(result.outcome)}): the figures cover only the part that ran.`;
      return measuredMissed.length === 0 ? partial : `${partial} Missed so far: ${missedList}.`;
    }
    case 'error':
      return isOutcomeWithoutData(result.outcome)
        ? `The run did not take place: ${outcomeLabel(result.outcome)}.`
        : `The run ended in error: ${outcomeLabel(result.outcome)}.`;
  }
}
