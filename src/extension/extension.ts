// The VS Code shell over the core. `activate` builds the services once, hands them to each feature, and only
// collects the registrations; no feature keeps state at module level.
import path from 'node:path';
import * as vscode from 'vscode';
import { registerAuthoring } from './authoring/register-authoring';
import { registerCompareCommands } from './compare/register-compare';
import { Config } from './config';
import { registerResultsInEditor } from './results-in-editor/register-results-in-editor';
import { registerResultsPanel } from './results-panel/register-results-panel';
import { registerK6Commands } from './run/k6-setup';
import { ReportHistory } from './run/report-history';
import { registerRunCodeLens } from './run/run-code-lens';
import { registerRunCommands } from './run/run-commands';
import { registerRunContext } from './run/run-context';
import { RunController } from './run/run-controller';
import { registerSecretCommands } from './run/secret-commands';
import { SecretEnvironment } from './run/secret-environment';
import { SETTINGS } from './run/setting-values';
import { registerTesting } from './testing/register-testing';

/** Starts the extension: authoring, running, the results panel, results in the editor, the Testing view. */
export function activate(context: vscode.ExtensionContext): void {
  const started = performance.now();
  const log = vscode.window.createOutputChannel('Loadscope', { log: true });
  const config = new Config();
  const panels = registerResultsPanel(context, { k6PathSetting: SETTINGS.k6Path, chartPercentiles: () => config.chartPercentiles });
  const secrets = new SecretEnvironment(context.secrets, context.globalState);
  const history = new ReportHistory(context.workspaceState);
  // A development checkout keeps the k6 that `npm run setup` built; an installed extension has no such folder.
  const toolDir = context.extensionMode === vscode.ExtensionMode.Production ? undefined : path.join(context.extensionUri.fsPath, '.tools', 'bin');
  const runs = new RunController({
    config,
    log,
    panels,
    secrets,
    history,
    extensionUri: context.extensionUri,
    toolDir,
  });
  const services = { config, log, panels, secrets, history, runs, extensionUri: context.extensionUri };
  // What scenarios are loaded against when matched to runs: the environment a run would see.
  const runEnv = () => ({ ...process.env, ...secrets.lastKnown });

  context.subscriptions.push(
    registerAuthoring(context, { log, env: () => ({ ...process.env, ...secrets.lastKnown }) }),
    registerRunCommands(context, services),
    registerRunCodeLens(context, services),
    registerRunContext(context, services),
    registerK6Commands(context, services),
    registerSecretCommands(context, services),
    registerResultsInEditor(context, { runs, log, env: runEnv }),
    registerTesting(context, { runs, log, env: runEnv }),
    registerCompareCommands({ config, log, runs, secrets, history }),
    runs,
    history,
    secrets,
    panels,
    // Last: everything above may still log while it is disposed.
    log,
  );
  log.info(`Loadscope activated (activate took ${Math.round(performance.now() - started)} ms).`);
}

export function deactivate(): void {}
