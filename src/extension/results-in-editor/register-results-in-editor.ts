// Results in the editor: after a run, each request of the scenario shows its percentiles and error rate at the end
// of its line, each target its verdict, and a request's hover its table and the report. Fed by the run controller.
import * as vscode from 'vscode';
import type { AuthoringLog } from '../authoring/authoring-log';
import { SCENARIO_SELECTOR } from '../authoring/scenario-language';
import type { RunController } from '../run/run-controller';
import { EditorResults } from './editor-results';
import { RequestResultsHover } from './request-results-hover';

/** Reads what the editors show, for the extension-host tests (registered outside production only). */
export const SHOWN_RESULTS_COMMAND = 'loadscope.test.shownResults';

export interface ResultsInEditorDeps {
  runs: Pick<RunController, 'onDidFinishRun'>;
  log: AuthoringLog;
  /** The environment a run would see. */
  env: () => Readonly<Record<string, string | undefined>>;
  /** Quiet time after typing before figures are matched again. Default 300 ms. */
  debounceMs?: number;
}

const DEFAULT_DEBOUNCE_MS = 300;

/** Registers the results shown in scenario editors; disposing the result removes them. */
export function registerResultsInEditor(context: vscode.ExtensionContext, deps: ResultsInEditorDeps): vscode.Disposable {
  const results = new EditorResults({ log: deps.log, env: deps.env, debounceMs: deps.debounceMs ?? DEFAULT_DEBOUNCE_MS });
  const registrations: vscode.Disposable[] = [
    results,
    deps.runs.onDidFinishRun((run) => results.show(run)),
    vscode.languages.registerHoverProvider(SCENARIO_SELECTOR, new RequestResultsHover(results)),
  ];
  if (context.extensionMode !== vscode.ExtensionMode.Production) {
    registrations.push(
      vscode.commands.registerCommand(SHOWN_RESULTS_COMMAND, (uri: unknown) => (uri instanceof vscode.Uri ? results.shownIn(uri) : [])),
    );
  }
  return vscode.Disposable.from(...registrations);
}
