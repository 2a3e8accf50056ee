// Writing scenarios with the editor's help: recognition, completion, hover, diagnostics while typing, quick
// fixes and "New Scenario". Each part is a thin adapter over the core's language service and loader.
import * as vscode from 'vscode';
import type { AuthoringLog } from './authoring-log';
import { COMPLETION_TRIGGER_CHARACTERS } from './completion-items';
import { ScenarioCompletionProvider } from './completion-provider';
import { ScenarioHoverProvider } from './hover-provider';
import { registerNewScenarioCommand } from './new-scenario-command';
import { ScenarioQuickFixProvider } from './quick-fix-provider';
import { ScenarioDiagnostics } from './scenario-diagnostics';
import { registerScenarioDetection } from './scenario-detection';
import { SCENARIO_SELECTOR } from './scenario-language';

/** What the extension may hand to the authoring features; everything has a default. */
export interface AuthoringDeps {
  /** The extension's one log channel; without it, authoring opens its own "Loadscope" log. */
  log?: AuthoringLog;
  /** The environment a run would see, for `${env:NAME}` checks and completion. Default: the extension host's. */
  env?: () => Readonly<Record<string, string | undefined>>;
  /** Quiet time after typing before a document is validated. Default 300 ms. */
  debounceMs?: number;
}

const DEFAULT_DEBOUNCE_MS = 300;

/** Registers every authoring feature for scenario documents; disposing the result removes them all. */
export function registerAuthoring(_context: vscode.ExtensionContext, deps: AuthoringDeps = {}): vscode.Disposable {
  const owned: vscode.Disposable[] = [];
  let log = deps.log;
  if (!log) {
    const channel = vscode.window.createOutputChannel('Loadscope', { log: true });
    owned.push(channel);
    log = channel;
  }
  const env = deps.env ?? (() => process.env);
  const diagnostics = new ScenarioDiagnostics({ log, env, debounceMs: deps.debounceMs ?? DEFAULT_DEBOUNCE_MS });
  return vscode.Disposable.from(
    diagnostics,
    registerScenarioDetection(log),
    vscode.languages.registerCompletionItemProvider(SCENARIO_SELECTOR, new ScenarioCompletionProvider(log, env), ...COMPLETION_TRIGGER_CHARACTERS),
    vscode.languages.registerHoverProvider(SCENARIO_SELECTOR, new ScenarioHoverProvider(log)),
    vscode.languages.registerCodeActionsProvider(SCENARIO_SELECTOR, new ScenarioQuickFixProvider(diagnostics), ScenarioQuickFixProvider.metadata),
    registerNewScenarioCommand(log),
    // Last, so nothing disposed before it can still write to it.
    ...owned,
  );
}
