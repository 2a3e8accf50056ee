// The files a run writes into its folder: one list, so the writer, the Markdown "Files" section and the docs agree.

/** Paths of every file `writeReports` wrote, by role. */
export interface ReportFiles {
  folder: string;
  markdown: string;
  html: string;
  summaryJson: string;
  stats: string;
  statsHistory: string;
  failures: string;
  exceptions: string;
  junit: string;
}

export type ReportFileRole = Exclude<keyof ReportFiles, 'folder'>;

/** File name and a one-line description of each report file, in the order the Markdown lists them. */
export const REPORT_FILES: readonly { role: ReportFileRole; fileName: string; description: string }[] = [
  { role: 'markdown', fileName: 'report.md', description: 'this summary' },
  { role: 'html', fileName: 'report.html', description: 'charts over time and the same tables, one self-contained page (no network)' },
  { role: 'summaryJson', fileName: 'summary.json', description: 'every figure of the run, machine-readable' },
  { role: 'stats', fileName: 'stats.csv', description: 'per-request statistics in Locust CSV format' },
  { role: 'statsHistory', fileName: 'stats_history.csv', description: 'one row per second in Locust CSV format' },
  { role: 'failures', fileName: 'failures.csv', description: 'failures by request and error in Locust CSV format' },
  { role: 'exceptions', fileName: 'exceptions.csv', description: 'script exceptions in Locust CSV format' },
  { role: 'junit', fileName: 'junit.xml', description: 'one test case per target, for CI' },
];
