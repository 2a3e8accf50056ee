// "Loadscope: Set Secret": a named value kept in VS Code's secret storage, given to every run as `${env:NAME}`.
// Only the name is ever shown or logged.

import * as vscode from 'vscode';
import { registerFailableCommand } from '../commands';
import { COMMANDS } from './command-ids';
import type { SecretEnvironment } from './secret-environment';
import { secretNameProblem } from './secret-names';

export interface SecretCommandDeps {
  secrets: SecretEnvironment;
  log: vscode.LogOutputChannel;
}

async function setSecret(deps: SecretCommandDeps): Promise<void> {
  const known = deps.secrets.names;
  const name = await vscode.window.showInputBox({
    title: 'Loadscope: Set Secret (1/2)',
    prompt: `The environment variable the scenario reads as \${env:NAME}.${known.length > 0 ? ` Stored: ${known.join(', ')}.` : ''}`,
    placeHolder: 'LOAD_PASSWORD',
    ignoreFocusOut: true,
    validateInput: secretNameProblem,
  });
  if (name === undefined) return;
  const trimmed = name.trim();
  const value = await vscode.window.showInputBox({
    title: `Loadscope: Set Secret (2/2): ${trimmed}`,
    prompt: `The value of ${trimmed}, kept in VS Code's secret storage and never shown in logs or reports. Leave empty to remove it.`,
    password: true,
    ignoreFocusOut: true,
  });
  if (value === undefined) return;
  await deps.secrets.set(trimmed, value);
  deps.log.info(value === '' ? `Secret ${trimmed} removed.` : `Secret ${trimmed} stored; runs get it as \${env:${trimmed}}.`);
  void vscode.window.showInformationMessage(
    value === '' ? `Loadscope: secret ${trimmed} removed.` : `Loadscope: secret ${trimmed} stored. Runs read it as \${env:${trimmed}}; its value is hidden in logs and reports.`,
  );
}

/** Registers "Set Secret". */
export function registerSecretCommands(_context: vscode.ExtensionContext, deps: SecretCommandDeps): vscode.Disposable {
  return registerFailableCommand(COMMANDS.setSecret, () => setSecret(deps), deps.log);
}
