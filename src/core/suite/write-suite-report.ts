// Writes a suite's report folder: <report-dir>/suites/<suite slug>/<time>/ with suite.md and suite.json.

import path from 'node:path';
import { writeFileAtomic } from '../report/atomic-write';
import { createRunFolder } from '../report/run-folder';
import { renderSuiteMarkdown } from './suite-markdown';
import type { SuiteResult } from './suite-result';

export const SUITES_FOLDER = 'suites';

export interface SuiteReportFiles {
  folder: string;
  markdown: string;
  json: string;
}

/** A new, empty folder for a suite run's report, never reusing one. */
export function createSuiteFolder(reportDir: string, suiteName: string, startedAt: Date): string {
  return createRunFolder(path.join(reportDir, SUITES_FOLDER), suiteName, startedAt);
}

/** Writes suite.md and suite.json into `folder`, each atomically. */
export async function writeSuiteReport(folder: string, result: SuiteResult): Promise<SuiteReportFiles> {
  const markdown = path.join(folder, 'suite.md');
  const json = path.join(folder, 'suite.json');
  await writeFileAtomic(markdown, renderSuiteMarkdown(result));
  await writeFileAtomic(json, JSON.stringify(result, null, 2) + '\n');
  return { folder, markdown, json };
}
