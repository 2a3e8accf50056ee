// Which scenario a command acts on: the URI it was given (CodeLens, editor title, explorer) or the active editor's
// file. Unsaved changes are saved first, since k6 runs what is on disk.

import * as vscode from 'vscode';
import { looksLikeScenario } from '../authoring/scenario-content';
import { isScenarioFileName, SCENARIO_LANGUAGE_ID } from '../authoring/scenario-language';
import { UserFacingError } from '../commands';

/** Where the run CodeLenses apply: the scenario language, and scenario file names whatever language they are in. */
export const RUNNABLE_SCENARIOS: vscode.DocumentSelector = [
  { scheme: 'file', language: SCENARIO_LANGUAGE_ID },
  { scheme: 'file', pattern: '**/*.scenario.{yaml,yml}' },
];

/** True for a document that is a scenario: by language, by file name, or (for YAML) by content. */
export function isScenarioDocument(document: vscode.TextDocument): boolean {
  if (document.languageId === SCENARIO_LANGUAGE_ID || isScenarioFileName(document.fileName)) return true;
  return document.languageId === 'yaml' && looksLikeScenario(document.getText());
}

/** The scenario file a command was invoked on. */
export function scenarioUri(resource: unknown): vscode.Uri {
  if (resource instanceof vscode.Uri) return checkedScheme(resource);
  const document = vscode.window.activeTextEditor?.document;
  if (document !== undefined && isScenarioDocument(document)) return checkedScheme(document.uri);
  throw new UserFacingError('Loadscope: open a scenario file (such as deployments.scenario.yaml) first, or use the Run Scenario CodeLens above its `scenario:` line.');
}

/** Saves the scenario's editor when it has unsaved changes, so the run uses what the user sees. */
export async function saveIfDirty(uri: vscode.Uri): Promise<void> {
  const document = vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === uri.toString());
  if (document?.isDirty === true && !(await document.save())) {
    throw new UserFacingError(`Loadscope: ${vscode.workspace.asRelativePath(uri, false)} could not be saved, so it was not run.`);
  }
}

/** The text of the scenario as the editor has it (unsaved changes included), or as on disk. */
export async function scenarioText(uri: vscode.Uri): Promise<string> {
  return (await vscode.workspace.openTextDocument(uri)).getText();
}

function checkedScheme(uri: vscode.Uri): vscode.Uri {
  if (uri.scheme === 'file') return uri;
  if (uri.scheme === 'untitled') throw new UserFacingError('Loadscope: save the scenario to a file first; k6 runs a scenario from disk.');
  throw new UserFacingError(`Loadscope runs scenarios from files on this machine; ${uri.toString()} is not one.`);
}
