// Which seconds of a run to compare. A ramp-up measures a lighter load than the rest of the run, and the first
// and last seconds are partial; the steady part (users at 90 % of their peak or more) is what the two runs share.
// Open models hold an arrival rate whatever the user count, so every whole second of theirs is comparable.

import type { RunResult, TimelinePoint } from '../results';
import type { SampleWindow } from './comparison';

const STEADY_SHARE_OF_PEAK = 0.9;

export interface WindowedSeconds {
  points: TimelinePoint[];
  window: SampleWindow;
}

function windowOf(points: readonly TimelinePoint[], kind: SampleWindow['kind']): WindowedSeconds {
  const first = points[0];
  const last = points[points.length - 1];
  return {
    points: [...points],
    window: { fromSeconds: first?.t ?? 0, toSeconds: last === undefined ? 0 : last.t + 1, seconds: points.length, kind },
  };
}

/** The seconds of `result` to compare: its steady part when it has at least `minSeconds` of one, else every whole second. */
export function sampleWindow(result: RunResult, minSeconds: number): WindowedSeconds {
  const timeline = result.timeline;
  // The first and last seconds are cut short by the start and the stop: fewer requests, other latency.
  const whole = timeline.length > 2 ? timeline.slice(1, -1) : [...timeline];
  const measured = whole.filter((point) => point.rps > 0);
  const closed = result.load.length > 0 && result.load.every((group) => group.model === 'closed');
  if (!closed) return windowOf(measured, 'whole-run');
  const peak = Math.max(0, ...measured.map((point) => point.users));
  const steady = measured.filter((point) => point.users >= STEADY_SHARE_OF_PEAK * peak);
  return steady.length >= minSeconds ? windowOf(steady, 'steady') : windowOf(measured, 'whole-run');
}
