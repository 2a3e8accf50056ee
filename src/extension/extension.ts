// The VS Code shell over the core. It only collects registrations; each feature lives in its own module.
import * as vscode from 'vscode';

export function activate(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('loadscope.runScenario', () =>
      vscode.window.showInformationMessage('Loadscope: running scenarios from the editor is not built yet; use the `loadscope run FILE` command line meanwhile.'),
    ),
  );
}

export function deactivate(): void {}
