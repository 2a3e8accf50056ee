// The one place where a command's failure becomes a message for the user. Expected refusals (a scenario that
// cannot run, a missing file) are UserFacingErrors shown as they are; anything else is a bug of ours: it goes to
// the log with its stack, and the message says where to look.

import * as vscode from 'vscode';

/** A failure whose message already says what went wrong and what to do. */
export class UserFacingError extends Error {}

/** Registers a command whose errors are shown to the user instead of being lost in the extension host. */
export function registerFailableCommand(id: string, handler: (...args: unknown[]) => unknown, log: vscode.LogOutputChannel): vscode.Disposable {
  return vscode.commands.registerCommand(id, async (...args: unknown[]) => {
    try {
      return await handler(...args);
    } catch (error) {
      reportCommandError(id, error, log);
      return undefined;
    }
  });
}

function reportCommandError(id: string, error: unknown, log: vscode.LogOutputChannel): void {
  if (error instanceof UserFacingError) {
    log.warn(`${id}: ${error.message}`);
    void vscode.window.showErrorMessage(error.message);
    return;
  }
  const message = error instanceof Error ? error.message : String(error);
  log.error(`${id} failed:`, error instanceof Error ? (error.stack ?? message) : message);
  void vscode.window.showErrorMessage(`Loadscope: ${id} failed: ${message}. The Loadscope log has the details.`, 'Show Log').then((choice) => {
    if (choice === 'Show Log') log.show(true);
  });
}
