// monitors.csv: the server-side readings of each second, one column per monitored series, beside stats_history.csv.

import type { RunResult } from '../results';
import { csvRow } from './csv';
import type { CsvValue } from './csv';
import { monitorsOf, readingAt } from './monitor-readings';

/** The columns before the series, which follow in the order of `monitors` under their keys. */
export const MONITORS_CSV_LEADING_HEADER = ['Timestamp', 'Seconds Since Start'] as const;

// Values stay in the unit of summary.json (bytes, seconds, percent of a core), unformatted for spreadsheets and
// scripts. The Locust CSVs' two decimals would turn a 4 ms wait (0.004 s) or a small ratio gauge into 0, so
// readings keep six.
function readingText(value: number | null): CsvValue {
  if (value === null || !Number.isFinite(value)) return '';
  const rounded = Number(value.toFixed(6));
  return Object.is(rounded, -0) ? '0' : String(rounded);
}

/** monitors.csv for a run: Timestamp (Unix seconds), seconds since the start, then each series' reading that
 * second (empty when there was none); undefined when the run had no monitors, so no file is written. */
export function renderMonitorsCsv(result: Pick<RunResult, 'monitors' | 'timeline'>): string | undefined {
  const monitors = monitorsOf(result);
  if (monitors.length === 0) return undefined;
  const rows = result.timeline.map((point) =>
    csvRow([Math.floor(point.time), point.t, ...monitors.map((series) => readingText(readingAt(point, series.key)))]),
  );
  return csvRow([...MONITORS_CSV_LEADING_HEADER, ...monitors.map((series) => series.key)]) + rows.join('');
}
