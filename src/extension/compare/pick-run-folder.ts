// Picking a run's report folder: a quick pick of the run folders under each workspace folder's report folder
// (newest first), with a folder dialog for runs elsewhere.

import * as vscode from 'vscode';
import { SUMMARY_FILE } from '../../core/compare/read-run';
import type { Config } from '../config';
import { reportBaseFolder } from '../run/report-location';
import { runFolderChoices } from './run-folder-choices';

const BROWSE = 'Browse…';
/** Enough for any pick; a report folder with more runs than this is better browsed. */
const MAX_SUMMARIES = 2000;

async function summaryFiles(config: Config): Promise<string[]> {
  const found: string[] = [];
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    const base = reportBaseFolder(config.reportFolder(folder.uri), folder.uri.fsPath, folder.uri.fsPath);
    const pattern = new vscode.RelativePattern(vscode.Uri.file(base), `*/*/${SUMMARY_FILE}`);
    found.push(...(await vscode.workspace.findFiles(pattern, null, MAX_SUMMARIES)).map((uri) => uri.fsPath));
  }
  return found;
}

async function browse(title: string): Promise<string | undefined> {
  const picked = await vscode.window.showOpenDialog({ title, canSelectFiles: false, canSelectFolders: true, canSelectMany: false, openLabel: 'Select Run Folder' });
  return picked?.[0]?.fsPath;
}

/** A run folder the user picks, or undefined when they cancel; `exclude` leaves one out (the first of two). */
export async function pickRunFolder(config: Config, title: string, exclude?: string): Promise<string | undefined> {
  const choices = runFolderChoices(await summaryFiles(config)).filter((choice) => choice.folder !== exclude);
  if (choices.length === 0) return browse(title);
  const items: (vscode.QuickPickItem & { folder?: string })[] = [
    ...choices.map((choice) => ({ label: choice.run, description: choice.scenario, detail: vscode.workspace.asRelativePath(choice.folder, false), folder: choice.folder })),
    { label: BROWSE, description: 'a run folder outside the report folder' },
  ];
  const picked = await vscode.window.showQuickPick(items, { title, placeHolder: 'A run folder (newest first)', matchOnDescription: true, matchOnDetail: true });
  if (picked === undefined) return undefined;
  return picked.folder ?? browse(title);
}
