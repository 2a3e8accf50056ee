// Writes every report file of a run into its folder, each atomically.

import path from 'node:path';
import type { RunResult } from '../results';
import { writeFileAtomic } from './atomic-write';
import { renderHtmlReport } from './html';
import { renderJunitXml } from './junit';
import { renderExceptionsCsv, renderFailuresCsv, renderStatsCsv, renderStatsHistoryCsv } from './locust-csv';
import { renderMarkdownReport } from './markdown';
import { renderMonitorsCsv } from './monitor-csv';
import { reportFilesOf } from './report-files';
import type { ReportFileRole, ReportFiles } from './report-files';
import { loadReportPageScript } from './report-page-script';
import { renderSummaryJson } from './summary-json';

export interface WriteReportsOptions {
  /** The bundled page script to inline into report.html; read from dist/report-page.js when absent. */
  reportPageScript?: string;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Writes report.md, report.html, summary.json, the Locust CSVs, monitors.csv (for a run with monitors) and junit.xml
 * into `folder` and returns their paths. When report.html cannot be produced, every other file is still written
 * before the error is thrown. */
export async function writeReports(folder: string, result: RunResult, options: WriteReportsOptions = {}): Promise<ReportFiles> {
  const contents: Partial<Record<ReportFileRole, string>> = {
    markdown: renderMarkdownReport(result),
    summaryJson: renderSummaryJson(result),
    stats: renderStatsCsv(result),
    statsHistory: renderStatsHistoryCsv(result),
    monitors: renderMonitorsCsv(result),
    failures: renderFailuresCsv(result),
    exceptions: renderExceptionsCsv(result),
    junit: renderJunitXml(result),
  };
  let htmlFailure: unknown;
  try {
    contents.html = renderHtmlReport(result, options.reportPageScript ?? loadReportPageScript());
  } catch (error) {
    htmlFailure = error;
  }

  const files: ReportFiles = { folder, markdown: '', html: '', summaryJson: '', stats: '', statsHistory: '', failures: '', exceptions: '', junit: '' };
  await Promise.all(
    reportFilesOf(result).map(async ({ role, fileName }) => {
      const content = contents[role];
      if (content === undefined) return;
      const filePath = path.join(folder, fileName);
      await writeFileAtomic(filePath, content);
      files[role] = filePath;
    }),
  );
  if (htmlFailure !== undefined) {
    throw new Error(`Wrote the other reports in ${folder}, but not report.html: ${errorMessage(htmlFailure)}`, { cause: htmlFailure });
  }
  return files;
}
