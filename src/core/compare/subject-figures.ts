// The figures of one subject (all requests, or one request by name) in one run: whole-run values for the table,
// per-second series for the noise tests.

import type { RequestStats, RunResult, TimelinePoint } from '../results';
import type { FigureName } from './comparison';
import type { CountSample } from './statistics/two-proportions';

export type SeriesFigure = Exclude<FigureName, 'errorRate'>;

export interface SubjectFigures {
  values: Record<FigureName, number | null>;
  requests: number;
  failures: number;
  /** Per-second values over the compared window; seconds that measured nothing are left out of the latencies. */
  series: Record<SeriesFigure, number[]>;
  /** Requests and failures of every second of the run, for the error-rate test's dispersion. */
  seconds: CountSample[];
}

function present(values: readonly (number | null | undefined)[]): number[] {
  return values.filter((value): value is number => typeof value === 'number' && Number.isFinite(value));
}

/** All requests together. */
export function overallFigures(result: RunResult, window: readonly TimelinePoint[]): SubjectFigures {
  const totals = result.totals;
  const measured = totals.requests > 0;
  return {
    values: {
      p50: measured ? totals.p50 : null,
      p95: measured ? totals.p95 : null,
      p99: measured ? totals.p99 : null,
      errorRate: measured ? totals.failures / totals.requests : null,
      rps: measured ? totals.rps : null,
    },
    requests: totals.requests,
    failures: totals.failures,
    series: {
      p50: present(window.map((point) => point.p50)),
      p95: present(window.map((point) => point.p95)),
      p99: present(window.map((point) => point.p99)),
      rps: window.map((point) => point.rps),
    },
    seconds: result.timeline.map((point) => ({ requests: point.rps, failures: point.failuresPerSecond })),
  };
}

/** Every request of the run by name, in the run's order. The timeline keys requests by name, so the
 * comparison does too; a name used in two groups is one subject. */
export function requestsByName(result: RunResult): Map<string, RequestStats[]> {
  const byName = new Map<string, RequestStats[]>();
  for (const request of result.requests) byName.set(request.name, [...(byName.get(request.name) ?? []), request]);
  return byName;
}

/** One request name; its percentiles are the busiest entry's when the name appears in several groups. */
export function requestFigures(result: RunResult, entries: readonly RequestStats[], window: readonly TimelinePoint[]): SubjectFigures {
  const name = entries[0]?.name ?? '';
  const busiest = [...entries].sort((x, y) => y.count - x.count)[0];
  const requests = entries.reduce((sum, entry) => sum + entry.count, 0);
  const failures = entries.reduce((sum, entry) => sum + entry.failures, 0);
  const measured = busiest !== undefined && requests > 0;
  return {
    values: {
      p50: measured ? busiest.p50 : null,
      p95: measured ? busiest.p95 : null,
      p99: measured ? busiest.p99 : null,
      errorRate: measured ? failures / requests : null,
      rps: measured ? entries.reduce((sum, entry) => sum + entry.rps, 0) : null,
    },
    requests,
    failures,
    series: {
      p50: present(window.map((point) => point.requests[name]?.p50)),
      p95: present(window.map((point) => point.requests[name]?.p95)),
      p99: present(window.map((point) => point.requests[name]?.p99)),
      rps: window.map((point) => point.requests[name]?.rps ?? 0),
    },
    seconds: result.timeline.map((point) => ({ requests: point.requests[name]?.rps ?? 0, failures: point.requests[name]?.failuresPerSecond ?? 0 })),
  };
}
