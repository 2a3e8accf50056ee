// The CodeLenses of scenario files (see lens-plan.ts for which ones), refreshed when a run starts or ends, when a
// report is written and when the workspace becomes trusted.

import * as vscode from 'vscode';
import { COMMANDS } from './command-ids';
import { scenarioLenses, type LensSpec } from './lens-plan';
import type { ReportHistory } from './report-history';
import type { RunController } from './run-controller';
import { scenarioOutline } from './scenario-outline';
import { isScenarioDocument, RUNNABLE_SCENARIOS } from './scenario-resource';

export interface RunCodeLensDeps {
  runs: RunController;
  history: ReportHistory;
}

function commandFor(spec: LensSpec, uri: vscode.Uri): vscode.Command {
  const title = spec.title;
  switch (spec.action) {
    case 'run':
      return { title, command: COMMANDS.runScenario, arguments: [uri], tooltip: 'Run this scenario with k6 and watch it live' };
    case 'runGroup':
      return { title, command: COMMANDS.runScenario, arguments: [uri, { group: spec.group }], tooltip: `Run only the user group "${spec.group ?? ''}"` };
    case 'validate':
      return { title, command: COMMANDS.validateScenario, arguments: [uri], tooltip: 'Check the scenario without running it' };
    case 'openReport':
      return { title, command: COMMANDS.openLastReport, arguments: [uri], tooltip: "Open this scenario's last report" };
    case 'stop':
      return { title, command: COMMANDS.stop, tooltip: 'Stop gracefully (the reports are still written); again to end k6 at once' };
    case 'showResults':
      return { title, command: COMMANDS.showResults, tooltip: 'Show the live results panel' };
    case 'trust':
      return { title, command: 'workbench.trust.manage', tooltip: 'Loadscope runs load tests only in trusted workspaces; editing and validating work here' };
  }
}

/** Registers the scenario CodeLens provider. */
export function registerRunCodeLens(_context: vscode.ExtensionContext, deps: RunCodeLensDeps): vscode.Disposable {
  const changed = new vscode.EventEmitter<void>();
  const provider: vscode.CodeLensProvider = {
    onDidChangeCodeLenses: changed.event,
    provideCodeLenses(document) {
      if (document.uri.scheme !== 'file' || !isScenarioDocument(document)) return [];
      const outline = scenarioOutline(document.getText());
      if (outline === undefined) return [];
      const current = deps.runs.current;
      const specs = scenarioLenses(outline, {
        trusted: vscode.workspace.isTrusted,
        running: current === undefined ? 'none' : current.file === document.uri.fsPath ? 'this' : 'other',
        hasReport: deps.history.lastFor(document.uri.fsPath) !== undefined,
      });
      return specs.map((spec) => {
        const line = Math.min(Math.max(0, spec.line - 1), document.lineCount - 1);
        return new vscode.CodeLens(document.lineAt(line).range, commandFor(spec, document.uri));
      });
    },
  };
  return vscode.Disposable.from(
    changed,
    vscode.languages.registerCodeLensProvider(RUNNABLE_SCENARIOS, provider),
    deps.runs.onDidChange(() => changed.fire()),
    deps.history.onDidChange(() => changed.fire()),
    vscode.workspace.onDidGrantWorkspaceTrust(() => changed.fire()),
  );
}
