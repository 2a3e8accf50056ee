// What a run reports while it goes, in order: started, then ticks and log lines, maybe stopping, then finished.
// The CLI prints them; the extension forwards them to the live view.

import type { Finding, MonitorSeries, RunResult, TimelinePoint, Totals } from '../results';

export type RunEvent =
  /** k6 was spawned. */
  | { type: 'started'; startedAt: string; pid: number | undefined; k6Version: string; scriptPath: string; args: readonly string[] }
  /** One closed second, with the totals up to it. */
  | { type: 'tick'; point: TimelinePoint; totals: Totals }
  /** The server-side series known so far (sent when they first appear or their capacity changes). */
  | { type: 'monitors'; series: readonly MonitorSeries[] }
  /** The findings of the run so far, whenever they change; the final ones are in the result. */
  | { type: 'findings'; findings: readonly Finding[] }
  /** A line k6 wrote that is not metrics data (its log on stderr, text on stdout). */
  | { type: 'log'; line: string; stream: 'stdout' | 'stderr' }
  /** A stop was requested: `hard` ends k6 at once (partial data, no summary). */
  | { type: 'stopping'; hard: boolean; reason: string }
  /** The run is over; the same result the promise resolves to. */
  | { type: 'finished'; result: RunResult };
