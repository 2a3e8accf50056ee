// Groups failures by request and by what went wrong, the way Locust's failures table does: a bounded number of
// rows (request names × kinds of error), however many requests fail.

import type { ErrorStat } from '../results';

interface ErrorRow {
  method: string;
  name: string;
  error: string;
  occurrences: number;
  firstSeenMs: number;
  lastSeenMs: number;
}

/** Collects failures into ErrorStat rows keyed by (method, name, error). */
export class ErrorStatCollector {
  private readonly rows = new Map<string, ErrorRow>();

  /** Counts one failure seen at `timeMs` (Unix milliseconds). */
  record(method: string, name: string, error: string, timeMs: number, occurrences = 1): void {
    const key = `${method}\u0000${name}\u0000${error}`;
    const row = this.rows.get(key);
    if (row) {
      row.occurrences += occurrences;
      if (timeMs < row.firstSeenMs) row.firstSeenMs = timeMs;
      if (timeMs > row.lastSeenMs) row.lastSeenMs = timeMs;
      return;
    }
    this.rows.set(key, { method, name, error, occurrences, firstSeenMs: timeMs, lastSeenMs: timeMs });
  }

  /** Rows, most frequent first (then by name and error, so the order is stable). */
  list(): ErrorStat[] {
    return [...this.rows.values()]
      .sort((a, b) => b.occurrences - a.occurrences || byText(a.name, b.name) || byText(a.error, b.error))
      .map((row) => ({
        method: row.method,
        name: row.name,
        error: row.error,
        occurrences: row.occurrences,
        firstSeen: isoSeconds(row.firstSeenMs),
        lastSeen: isoSeconds(row.lastSeenMs),
      }));
  }

  get size(): number {
    return this.rows.size;
  }
}

// Code-unit order rather than the locale's, so the same run gives the same rows everywhere.
function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** ISO-8601 UTC without milliseconds, as Locust writes First Seen / Last Seen. */
function isoSeconds(timeMs: number): string {
  return new Date(Math.floor(timeMs / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}
