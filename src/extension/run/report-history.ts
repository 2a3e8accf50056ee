// The last report of each scenario file and of the workspace, kept in workspace state so "Open Report" and "Open
// Last Report" still work after a window reload. Entries whose folder was deleted are treated as absent.

import { existsSync } from 'node:fs';
import * as vscode from 'vscode';
import type { ReportFiles } from '../../core/report/report-files';
import type { ReportLinks } from '../results-panel/messages';

const BY_FILE_KEY = 'loadscope.lastReports';
const LAST_KEY = 'loadscope.lastReport';

interface StoredReport {
  folder: string;
  html: string;
  markdown: string;
}

function isStoredReport(value: unknown): value is StoredReport {
  return (
    typeof value === 'object' &&
    value !== null &&
    ['folder', 'html', 'markdown'].every((field) => typeof Reflect.get(value, field) === 'string')
  );
}

function storedByFile(value: unknown): Record<string, StoredReport> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, StoredReport] => isStoredReport(entry[1])));
}

export class ReportHistory implements vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<void>();
  /** Fires when a run has recorded its reports. */
  readonly onDidChange = this.changeEmitter.event;

  constructor(private readonly state: vscode.Memento) {}

  /** Remembers the reports of a run of `scenarioFile`. */
  async record(scenarioFile: string, files: ReportFiles): Promise<void> {
    const report: StoredReport = { folder: files.folder, html: files.html, markdown: files.markdown };
    await this.state.update(BY_FILE_KEY, { ...storedByFile(this.state.get<unknown>(BY_FILE_KEY)), [scenarioFile]: report });
    await this.state.update(LAST_KEY, report);
    this.changeEmitter.fire();
  }

  /** The last report of one scenario file, if it still exists. */
  lastFor(scenarioFile: string): ReportLinks | undefined {
    return links(storedByFile(this.state.get<unknown>(BY_FILE_KEY))[scenarioFile]);
  }

  /** The last report written in this workspace, if it still exists. */
  last(): ReportLinks | undefined {
    const stored: unknown = this.state.get<unknown>(LAST_KEY);
    return isStoredReport(stored) ? links(stored) : undefined;
  }

  dispose(): void {
    this.changeEmitter.dispose();
  }
}

/** The links the results panel's opener takes, for a run's report files. */
export function reportLinks(report: StoredReport): ReportLinks {
  return { folder: report.folder, html: report.html, markdown: report.markdown, folderLabel: vscode.workspace.asRelativePath(report.folder, false) };
}

function links(report: StoredReport | undefined): ReportLinks | undefined {
  return report === undefined || !existsSync(report.folder) ? undefined : reportLinks(report);
}
