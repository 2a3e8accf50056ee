// Reading the server-side series of a run: which there are, their value in a second, and the second of peak load.

import type { MonitorSeries, RunResult, TimelinePoint } from '../results';

/** The run's monitored series; empty when the scenario had no monitors. */
export function monitorsOf(result: Pick<RunResult, 'monitors'>): readonly MonitorSeries[] {
  return result.monitors ?? [];
}

/** The reading of series `key` in that second; null when there was none. */
export function readingAt(point: TimelinePoint, key: string): number | null {
  return point.monitors?.[key] ?? null;
}

/** The second the reports read "at peak load" from: the last second at the most concurrent users, so a held peak
 * shows where it settled rather than where it was first reached. The run's final second is partial and left out
 * when an earlier second had the same load. Undefined for an empty timeline. */
export function peakLoadPoint(timeline: readonly TimelinePoint[]): TimelinePoint | undefined {
  const mostUsers = timeline.reduce((most, point) => Math.max(most, point.users), -Infinity);
  const atPeak = timeline.filter((point) => point.users === mostUsers);
  const last = atPeak[atPeak.length - 1];
  if (atPeak.length > 1 && last === timeline[timeline.length - 1]) return atPeak[atPeak.length - 2];
  return last;
}
