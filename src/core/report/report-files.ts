// The files a run writes into its folder: one list, so the writer, the Markdown "Files" section and the docs agree.

import type { RunResult } from '../results';
import { monitorsOf } from './monitor-readings';

/** Paths of every file `writeReports` wrote, by role. */
export interface ReportFiles {
  folder: string;
  markdown: string;
  html: string;
  summaryJson: string;
  stats: string;
  statsHistory: string;
  /** Absent when the run had no monitors (no file is written). */
  monitors?: string;
  failures: string;
  exceptions: string;
  junit: string;
}

export type ReportFileRole = Exclude<keyof ReportFiles, 'folder'>;

export interface ReportFileEntry {
  role: ReportFileRole;
  fileName: string;
  description: string;
  /** Written only for a run whose scenario has monitors. */
  onlyWithMonitors?: true;
}

/** File name and a one-line description of each report file, in the order the Markdown lists them. */
export const REPORT_FILES: readonly ReportFileEntry[] = [
  { role: 'markdown', fileName: 'report.md', description: 'this summary' },
  { role: 'html', fileName: 'report.html', description: 'charts over time and the same tables, one self-contained page (no network)' },
  { role: 'summaryJson', fileName: 'summary.json', description: 'every figure of the run, machine-readable' },
  { role: 'stats', fileName: 'stats.csv', description: 'per-request statistics in Locust CSV format' },
  { role: 'statsHistory', fileName: 'stats_history.csv', description: 'one row per second in Locust CSV format' },
  { role: 'monitors', fileName: 'monitors.csv', description: 'server-side readings (monitors), one row per second', onlyWithMonitors: true },
  { role: 'failures', fileName: 'failures.csv', description: 'failures by request and error in Locust CSV format' },
  { role: 'exceptions', fileName: 'exceptions.csv', description: 'script exceptions in Locust CSV format' },
  { role: 'junit', fileName: 'junit.xml', description: 'one test case per target, for CI' },
];

/** The report files written for this run: all of them, monitors.csv only when the run had monitors. */
export function reportFilesOf(result: Pick<RunResult, 'monitors'>): readonly ReportFileEntry[] {
  const monitored = monitorsOf(result).length > 0;
  return REPORT_FILES.filter((file) => monitored || file.onlyWithMonitors !== true);
}
