// The `loadscope.running` context key, for the manifest's `when` clauses (Stop in the editor title while a run goes).

import * as vscode from 'vscode';
import type { RunController } from './run-controller';

export const RUNNING_CONTEXT_KEY = 'loadscope.running';

/** Keeps `loadscope.running` true while a run goes. */
export function registerRunContext(_context: vscode.ExtensionContext, deps: { runs: RunController }): vscode.Disposable {
  const update = () => void vscode.commands.executeCommand('setContext', RUNNING_CONTEXT_KEY, deps.runs.current !== undefined);
  update();
  return deps.runs.onDidChange(update);
}
