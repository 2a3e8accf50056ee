// Roll-ups of what went wrong, shared by the Markdown writer and the HTML page script.

import type { ErrorStat, RunResult } from '../results';

export interface ErrorKindSummary {
  error: string;
  occurrences: number;
  /** Share of all requests, 0..1; null when no request was made. */
  shareOfRequests: number | null;
  /** Request names that hit this error, in first-seen order. */
  requests: string[];
  firstSeen: string;
  lastSeen: string;
}

function earlier(a: string, b: string): string {
  return a !== '' && (b === '' || a < b) ? a : b;
}

function later(a: string, b: string): string {
  return a > b ? a : b;
}

/** Errors grouped by what went wrong ("HTTP 429", "timeout"), most frequent first. */
export function errorsByKind(errors: readonly ErrorStat[], totalRequests: number): ErrorKindSummary[] {
  const byKind = new Map<string, ErrorKindSummary>();
  for (const stat of errors) {
    const existing = byKind.get(stat.error);
    if (existing === undefined) {
      byKind.set(stat.error, {
        error: stat.error,
        occurrences: stat.occurrences,
        shareOfRequests: null,
        requests: [stat.name],
        firstSeen: stat.firstSeen,
        lastSeen: stat.lastSeen,
      });
      continue;
    }
    existing.occurrences += stat.occurrences;
    if (!existing.requests.includes(stat.name)) existing.requests.push(stat.name);
    existing.firstSeen = earlier(existing.firstSeen, stat.firstSeen);
    existing.lastSeen = later(existing.lastSeen, stat.lastSeen);
  }
  const kinds = [...byKind.values()];
  for (const kind of kinds) kind.shareOfRequests = totalRequests > 0 ? kind.occurrences / totalRequests : null;
  return kinds.sort((a, b) => b.occurrences - a.occurrences || compareCodePoints(a.error, b.error));
}

export interface StatusCount {
  status: string;
  responses: number;
  /** Share of all responses in the timeline, 0..1. */
  share: number;
}

/** Responses by status code summed over the timeline, in code order ("0" = network error first). */
export function statusTotals(timeline: RunResult['timeline']): StatusCount[] {
  const sums = new Map<string, number>();
  for (const point of timeline) {
    for (const [status, count] of Object.entries(point.statuses)) sums.set(status, (sums.get(status) ?? 0) + count);
  }
  const all = [...sums.values()].reduce((total, count) => total + count, 0);
  return [...sums.entries()]
    .filter(([, responses]) => responses > 0)
    .sort(([a], [b]) => Number(a) - Number(b) || compareCodePoints(a, b))
    .map(([status, responses]) => ({ status, responses, share: all > 0 ? responses / all : 0 }));
}

/** Orders strings by UTF-16 code units, like Python's and Locust's sort, never by locale. */
export function compareCodePoints(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
