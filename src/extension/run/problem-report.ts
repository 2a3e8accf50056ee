// An invalid scenario that was asked to run: the first problem at file:line:column in a message, with a button to
// go there. While typing, the authoring diagnostics already list every problem in the Problems view.

import path from 'node:path';
import * as vscode from 'vscode';
import { formatDiagnostic, type Diagnostic } from '../../core/scenario/diagnostics';
import { invalidScenarioMessage } from './run-messages';

/** Shows why the scenario did not run; resolves when the message is dismissed. */
export async function describeProblems(diagnostics: readonly Diagnostic[], file: string, log: vscode.LogOutputChannel): Promise<void> {
  const shown = vscode.workspace.asRelativePath(file, false) || path.basename(file);
  for (const diagnostic of diagnostics) log.warn(formatDiagnostic({ ...diagnostic, file: shown }));
  const first = diagnostics.find((diagnostic) => diagnostic.severity === 'error');
  const choice = await vscode.window.showErrorMessage(invalidScenarioMessage(diagnostics, shown), ...(first === undefined ? [] : ['Go to Problem']));
  if (choice !== 'Go to Problem' || first === undefined) return;
  const start = new vscode.Position(first.line - 1, first.column - 1);
  const end = new vscode.Position(first.endLine - 1, first.endColumn - 1);
  await vscode.window.showTextDocument(vscode.Uri.file(file), { selection: new vscode.Range(start, end) });
}
