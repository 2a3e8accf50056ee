// Opening what the panel links to: a report (HTML in the browser, Markdown as a preview), the report folder, the
// scenario at a line, the k6 setting. Failures become a message that says what could not be opened.

import path from 'node:path';
import * as vscode from 'vscode';
import type { ReportKind, ReportLinks } from './messages';

async function openHtmlReport(file: vscode.Uri): Promise<void> {
  // report.html is self-contained and meant for a browser; a remote window's browser cannot reach the file.
  if (vscode.env.remoteName === undefined && (await vscode.env.openExternal(file))) return;
  await vscode.window.showTextDocument(file, { preview: true });
}

async function openMarkdownReport(file: vscode.Uri): Promise<void> {
  try {
    await vscode.commands.executeCommand('markdown.showPreview', file);
  } catch {
    await vscode.window.showTextDocument(file, { preview: true });
  }
}

async function revealFolder(folder: vscode.Uri): Promise<void> {
  if (vscode.workspace.getWorkspaceFolder(folder) !== undefined) await vscode.commands.executeCommand('revealInExplorer', folder);
  else await vscode.commands.executeCommand('revealFileInOS', folder);
}

/** Opens a report file or the report folder. Only the files the run wrote: names are checked, not trusted. */
export async function openReport(links: ReportLinks, kind: ReportKind): Promise<void> {
  const inFolder = (file: string, name: string) => path.basename(file) === name && path.dirname(file) === links.folder;
  try {
    switch (kind) {
      case 'html':
        if (inFolder(links.html, 'report.html')) await openHtmlReport(vscode.Uri.file(links.html));
        return;
      case 'markdown':
        if (inFolder(links.markdown, 'report.md')) await openMarkdownReport(vscode.Uri.file(links.markdown));
        return;
      case 'folder':
        await revealFolder(vscode.Uri.file(links.folder));
        return;
    }
  } catch (error) {
    void vscode.window.showErrorMessage(`Loadscope could not open the ${kind === 'folder' ? 'report folder' : 'report'} in ${links.folder}: ${messageOf(error)}`);
  }
}

/** Opens a file in the first editor column, at a 1-based line when given. */
export async function openFileAt(file: string, line: number | null): Promise<void> {
  try {
    const position = new vscode.Position(Math.max(0, (line ?? 1) - 1), 0);
    await vscode.window.showTextDocument(vscode.Uri.file(file), { viewColumn: vscode.ViewColumn.One, selection: new vscode.Range(position, position) });
  } catch (error) {
    void vscode.window.showErrorMessage(`Loadscope could not open ${file}: ${messageOf(error)}`);
  }
}

/** Opens the Settings editor at one setting. */
export async function openSetting(settingId: string): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.openSettings', settingId);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
