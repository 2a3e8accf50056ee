// "Loadscope: New Scenario": writes the commented starter file into a folder of the workspace, under a name the
// user confirms (never over an existing file), and opens it. Without a workspace folder it opens an untitled
// scenario instead.
import path from 'node:path';
import * as vscode from 'vscode';
import type { AuthoringLog } from './authoring-log';
import { checkScenarioFileName, DEFAULT_SCENARIO_FILE_NAME, numberedScenarioFileName } from './scenario-file-name';
import { SCENARIO_LANGUAGE_ID } from './scenario-language';
import { STARTER_SCENARIO } from './starter-scenario';

/** The command's id, as contributed in package.json. */
export const NEW_SCENARIO_COMMAND = 'loadscope.newScenario';

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

async function isFolder(uri: vscode.Uri): Promise<boolean> {
  try {
    return ((await vscode.workspace.fs.stat(uri)).type & vscode.FileType.Directory) !== 0;
  } catch {
    return false;
  }
}

/** The folder to create in: the one clicked in the explorer, else the active file's workspace folder, else the first. */
async function targetFolder(clicked: vscode.Uri | undefined): Promise<vscode.Uri | undefined> {
  if (clicked) return (await isFolder(clicked)) ? clicked : vscode.Uri.joinPath(clicked, '..');
  const active = vscode.window.activeTextEditor?.document.uri;
  return (active && vscode.workspace.getWorkspaceFolder(active)?.uri) ?? vscode.workspace.workspaceFolders?.[0]?.uri;
}

async function firstFreeName(folder: vscode.Uri): Promise<string> {
  for (let n = 1; n < 100; n++) {
    const name = numberedScenarioFileName(DEFAULT_SCENARIO_FILE_NAME, n);
    if (!(await exists(vscode.Uri.joinPath(folder, name)))) return name;
  }
  return DEFAULT_SCENARIO_FILE_NAME;
}

/** The file to create for `input` in `folder`, or why there is none (a bad name, an existing file). */
async function fileFor(folder: vscode.Uri, input: string): Promise<{ uri: vscode.Uri } | { problem: string }> {
  const checked = checkScenarioFileName(input);
  if (!checked.ok) return { problem: checked.message };
  const uri = vscode.Uri.joinPath(folder, checked.relativePath);
  return (await exists(uri)) ? { problem: `${checked.relativePath} already exists: choose another name.` } : { uri };
}

/** The folder as the user knows it: `workspace` or `workspace/sub/folder`, else its path. */
function folderLabel(folder: vscode.Uri): string {
  const root = vscode.workspace.getWorkspaceFolder(folder);
  if (!root) return folder.fsPath;
  const inside = path.posix.relative(root.uri.path, folder.path);
  return inside === '' ? root.name : `${root.name}/${inside}`;
}

async function askFileName(folder: vscode.Uri): Promise<string | undefined> {
  const suggested = await firstFreeName(folder);
  return vscode.window.showInputBox({
    title: 'Loadscope: New Scenario',
    prompt: `File name, relative to ${folderLabel(folder)}`,
    value: suggested,
    // Select the part before `.scenario.yaml`, so typing replaces only the name.
    valueSelection: [0, suggested.indexOf('.scenario.')],
    validateInput: async (input) => {
      const file = await fileFor(folder, input);
      return 'problem' in file ? file.problem : undefined;
    },
  });
}

/**
 * Creates the starter scenario and opens it; resolves to its URI, or undefined when cancelled or refused.
 * Arguments (all optional, for the explorer context menu and for tests): a folder (or a file in it) and a file name.
 */
async function newScenario(log: AuthoringLog, clicked?: vscode.Uri, givenName?: string): Promise<vscode.Uri | undefined> {
  const folder = await targetFolder(clicked);
  if (!folder) {
    const document = await vscode.workspace.openTextDocument({ language: SCENARIO_LANGUAGE_ID, content: STARTER_SCENARIO });
    await vscode.window.showTextDocument(document);
    return document.uri;
  }
  const name = givenName ?? (await askFileName(folder));
  if (name === undefined) return undefined;
  const file = await fileFor(folder, name);
  if ('problem' in file) {
    void vscode.window.showErrorMessage(`Loadscope: cannot create the scenario: ${file.problem}`);
    return undefined;
  }
  const { uri } = file;
  // A workspace edit that refuses to overwrite: a file created meanwhile is left alone, not replaced.
  const edit = new vscode.WorkspaceEdit();
  edit.createFile(uri, { overwrite: false, ignoreIfExists: false, contents: new TextEncoder().encode(STARTER_SCENARIO) });
  if (!(await vscode.workspace.applyEdit(edit))) {
    void vscode.window.showErrorMessage(`Loadscope: could not create ${vscode.workspace.asRelativePath(uri)}; it may exist already, or the folder is read-only.`);
    return undefined;
  }
  log.info(`Created ${uri.toString()}`);
  await vscode.window.showTextDocument(uri);
  return uri;
}

/** Registers loadscope.newScenario; an unexpected failure becomes one error message (and a log entry). */
export function registerNewScenarioCommand(log: AuthoringLog): vscode.Disposable {
  return vscode.commands.registerCommand(NEW_SCENARIO_COMMAND, async (clicked?: unknown, givenName?: unknown) => {
    try {
      return await newScenario(log, clicked instanceof vscode.Uri ? clicked : undefined, typeof givenName === 'string' ? givenName : undefined);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      log.error(`New Scenario failed: ${error instanceof Error ? (error.stack ?? message) : message}`);
      void vscode.window.showErrorMessage(`Loadscope: could not create the scenario: ${message}. The Loadscope log has the details.`);
      return undefined;
    }
  });
}
