// Getting a usable k6: the message when none is found (with its three ways out), the "Select k6 Binary" command
// that checks a binary before saving it, and the install instructions in the README.

import { existsSync } from 'node:fs';
import * as vscode from 'vscode';
import { locateK6, type K6Candidate } from '../../core/k6/locate';
import type { Config } from '../config';
import { registerFailableCommand } from '../commands';
import { COMMANDS } from './command-ids';
import { k6ProblemText } from './k6-problem-text';
import { SETTINGS } from './setting-values';

/** The README heading (as its anchor) that explains how to install k6. */
export const INSTALL_K6_ANCHOR = 'installing-k6';

const SELECT_K6 = 'Select k6 Binary';
const OPEN_SETTINGS = 'Open Settings';
const INSTALL_INSTRUCTIONS = 'Install Instructions';

export interface K6SetupDeps {
  config: Config;
  log: vscode.LogOutputChannel;
  extensionUri: vscode.Uri;
}

/** Shows why k6 cannot be used, with buttons to choose a binary, open the setting or read how to install it. */
export async function showK6Problem(deps: K6SetupDeps, fullMessage: string, tried: readonly K6Candidate[]): Promise<void> {
  deps.log.error(fullMessage);
  const text = tried.length > 0 ? k6ProblemText(tried) : fullMessage.split('\n')[0] ?? fullMessage;
  const choice = await vscode.window.showErrorMessage(text, SELECT_K6, OPEN_SETTINGS, INSTALL_INSTRUCTIONS);
  if (choice === SELECT_K6) await vscode.commands.executeCommand(COMMANDS.selectK6Binary);
  else if (choice === OPEN_SETTINGS) await vscode.commands.executeCommand('workbench.action.openSettings', SETTINGS.k6Path);
  else if (choice === INSTALL_INSTRUCTIONS) await openInstallInstructions(deps.extensionUri);
}

/** The extension's README: vsce packages README.md as readme.md, a checkout has README.md. */
function readmeUri(extensionUri: vscode.Uri): vscode.Uri {
  const names = ['README.md', 'readme.md'];
  const found = names.find((name) => existsSync(vscode.Uri.joinPath(extensionUri, name).fsPath)) ?? 'README.md';
  return vscode.Uri.joinPath(extensionUri, found);
}

/** Opens the README's "Installing k6" section as a Markdown preview (no network needed). */
export async function openInstallInstructions(extensionUri: vscode.Uri): Promise<void> {
  const readme = readmeUri(extensionUri).with({ fragment: INSTALL_K6_ANCHOR });
  try {
    await vscode.commands.executeCommand('markdown.showPreview', readme);
  } catch {
    // Without the built-in Markdown extension, the text itself still says it.
    await vscode.window.showTextDocument(readme.with({ fragment: '' }), { preview: true });
  }
}

/** Lets the user pick a k6 binary, checks it answers `k6 version` with v2, and only then saves the setting. */
async function selectK6Binary(deps: K6SetupDeps): Promise<void> {
  const current = deps.config.k6Path;
  const picked = await vscode.window.showOpenDialog({
    title: 'Select the k6 binary Loadscope runs',
    openLabel: 'Use this k6',
    canSelectFiles: true,
    canSelectFolders: false,
    canSelectMany: false,
    ...(current === undefined ? {} : { defaultUri: vscode.Uri.file(current) }),
  });
  const file = picked?.[0];
  if (file === undefined) return;
  const located = await locateK6({ explicitPath: file.fsPath, explicitLabel: 'the chosen file', env: {} });
  if (!located.ok) {
    const problem = located.tried[0]?.problem ?? 'it cannot be used';
    deps.log.warn(`Select k6 Binary: ${file.fsPath}: ${problem}`);
    const again = await vscode.window.showErrorMessage(`Loadscope cannot use ${file.fsPath} as k6: ${problem}. The setting was not changed.`, 'Choose Another');
    if (again === 'Choose Another') await selectK6Binary(deps);
    return;
  }
  await deps.config.setK6Path(located.k6.path);
  deps.log.info(`k6 ${located.k6.version} at ${located.k6.path} saved in ${SETTINGS.k6Path}.`);
  void vscode.window.showInformationMessage(`Loadscope will run k6 ${located.k6.version} from ${located.k6.path}.`);
}

/** Registers "Select k6 Binary". */
export function registerK6Commands(_context: vscode.ExtensionContext, deps: K6SetupDeps): vscode.Disposable {
  return registerFailableCommand(COMMANDS.selectK6Binary, () => selectK6Binary(deps), deps.log);
}
