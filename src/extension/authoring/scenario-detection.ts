// YAML files that are plainly scenarios whatever their name (see scenario-content.ts) are switched to the scenario
// language when they are shown or saved. Then exactly one tool serves each document: our providers serve the
// scenario language, and Red Hat's YAML extension, which serves the `yaml` language, lets go of it. Each document
// is switched at most once per session: if the user sets it back to YAML, that choice stands.
import * as vscode from 'vscode';
import type { AuthoringLog } from './authoring-log';
import { looksLikeScenario } from './scenario-content';
import { isScenarioFileName, SCENARIO_LANGUAGE_ID } from './scenario-language';

/** Watches shown and saved YAML documents and gives the scenario language to those that are scenarios. */
export function registerScenarioDetection(log: AuthoringLog): vscode.Disposable {
  const switched = new Set<string>();

  const consider = (document: vscode.TextDocument): void => {
    if (document.languageId !== 'yaml') return;
    const key = document.uri.toString();
    // A `NAME.scenario.yaml` still in YAML was put there on purpose (the language picker, files.associations).
    if (switched.has(key) || isScenarioFileName(document.fileName)) return;
    if (!looksLikeScenario(document.getText())) return;
    switched.add(key);
    vscode.languages.setTextDocumentLanguage(document, SCENARIO_LANGUAGE_ID).then(
      () => log.info(`${key} reads as a scenario: opened in the ${SCENARIO_LANGUAGE_ID} language (choose YAML in the status bar to undo).`),
      (error: unknown) => log.warn(`Could not open ${key} as a scenario: ${error instanceof Error ? error.message : String(error)}`),
    );
  };

  for (const editor of vscode.window.visibleTextEditors) consider(editor.document);
  return vscode.Disposable.from(
    // Shown, not merely opened: other extensions open YAML documents they only read.
    vscode.window.onDidChangeVisibleTextEditors((editors) => editors.forEach((editor) => consider(editor.document))),
    vscode.workspace.onDidSaveTextDocument(consider),
  );
}
