// The run commands: Run Scenario (optionally one group), Run Scenario With Overrides, Validate Scenario, Stop,
// Show Results and Open Last Report. Running is refused, with the reason, in an untrusted workspace; validating
// works everywhere.

import * as vscode from 'vscode';
import { loadDescriptions } from '../../core/run/failed-result';
import { hasErrors, type Diagnostic } from '../../core/scenario/diagnostics';
import { loadScenario } from '../../core/scenario/load';
import type { Scenario, UserGroup } from '../../core/scenario/model';
import { registerFailableCommand, UserFacingError } from '../commands';
import type { Config } from '../config';
import { openReport } from '../results-panel/open-report';
import type { ResultsPanels } from '../results-panel/register-results-panel';
import { COMMANDS } from './command-ids';
import { promptForOverrides } from './overrides-prompt';
import { describeProblems } from './problem-report';
import type { ReportHistory } from './report-history';
import { decodeRunOptions } from './run-argument';
import type { RunCommandResult, RunController } from './run-controller';
import { UNTRUSTED_MESSAGE } from './run-messages';
import { declaredEnvironment } from './scenario-outline';
import { saveIfDirty, scenarioText, scenarioUri } from './scenario-resource';
import type { SecretEnvironment } from './secret-environment';

export interface RunCommandDeps {
  config: Config;
  log: vscode.LogOutputChannel;
  runs: RunController;
  panels: ResultsPanels;
  history: ReportHistory;
  secrets: SecretEnvironment;
}

/** What Validate Scenario found, for callers that await it. */
export interface ValidationResult {
  valid: boolean;
  diagnostics: Diagnostic[];
}

/** False (after saying why, with a way to trust) in Restricted Mode. */
async function refuseUntrusted(): Promise<boolean> {
  if (vscode.workspace.isTrusted) return false;
  const choice = await vscode.window.showWarningMessage(UNTRUSTED_MESSAGE, 'Manage Workspace Trust');
  if (choice === 'Manage Workspace Trust') await vscode.commands.executeCommand('workbench.trust.manage');
  return true;
}

/** Loads the scenario as the editor has it, with the environment a run would apply. */
async function loadForRun(deps: RunCommandDeps, uri: vscode.Uri): Promise<{ scenario?: Scenario; diagnostics: Diagnostic[] }> {
  const text = await scenarioText(uri);
  const env = { ...process.env, ...(await deps.secrets.values()) };
  const environment = declaredEnvironment(text, deps.config.defaultEnvironment(uri));
  return loadScenario(text, uri.fsPath, { env, ...(environment === undefined ? {} : { environment }) });
}

async function runScenario(deps: RunCommandDeps, resource: unknown, options: unknown): Promise<RunCommandResult | undefined> {
  if (await refuseUntrusted()) return undefined;
  const uri = scenarioUri(resource);
  await saveIfDirty(uri);
  return deps.runs.run({ file: uri.fsPath, ...decodeRunOptions(options) });
}

async function runScenarioWithOverrides(deps: RunCommandDeps, resource: unknown): Promise<RunCommandResult | undefined> {
  if (await refuseUntrusted()) return undefined;
  const uri = scenarioUri(resource);
  await saveIfDirty(uri);
  const loaded = await loadForRun(deps, uri);
  if (loaded.scenario === undefined || hasErrors(loaded.diagnostics)) {
    void describeProblems(loaded.diagnostics, uri.fsPath, deps.log);
    return { kind: 'invalid', diagnostics: loaded.diagnostics };
  }
  const choice = await promptForOverrides(loaded.scenario, deps.config.defaultEnvironment(uri));
  if (choice === undefined) return undefined;
  return deps.runs.run({ file: uri.fsPath, overrides: choice.overrides, environment: choice.environment });
}

async function validateScenario(deps: RunCommandDeps, resource: unknown): Promise<ValidationResult> {
  const uri = scenarioUri(resource);
  const { scenario, diagnostics } = await loadForRun(deps, uri);
  if (scenario === undefined || hasErrors(diagnostics)) {
    void describeProblems(diagnostics, uri.fsPath, deps.log);
    return { valid: false, diagnostics };
  }
  const requests = new Set(scenario.groups.flatMap(requestNames));
  const load = loadDescriptions(scenario).map((group) => (scenario.groups.length > 1 ? `${group.group}: ${group.description}` : group.description));
  const warnings = diagnostics.length === 0 ? '' : ` ${diagnostics.length} warning${diagnostics.length === 1 ? '' : 's'} in the Problems view.`;
  const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  void vscode.window.showInformationMessage(
    `Loadscope: "${scenario.name}" is valid: ${load.join('; ')}; ${count(requests.size, 'request')}, ${count(scenario.targets.length, 'target')}.${warnings}`,
  );
  return { valid: true, diagnostics };
}

function requestNames(group: UserGroup): string[] {
  return [...group.onStart, ...group.mix.flatMap((item) => (item.kind === 'request' ? [item.request] : item.steps))].map((request) => request.name);
}

function stop(deps: RunCommandDeps): void {
  const how = deps.runs.stop();
  if (how === 'idle') void vscode.window.showInformationMessage('Loadscope: no load test is running.');
}

function showResults(deps: RunCommandDeps): void {
  if (!deps.panels.showLatest()) void vscode.window.showInformationMessage('Loadscope: no run to show yet. Run a scenario with its Run Scenario CodeLens or the Loadscope: Run Scenario command.');
}

async function openLastReport(deps: RunCommandDeps, resource: unknown): Promise<void> {
  const links = resource instanceof vscode.Uri ? deps.history.lastFor(resource.fsPath) : deps.history.last();
  if (links === undefined) throw new UserFacingError('Loadscope: there is no report yet (or its folder was deleted). Run the scenario first.');
  await openReport(links, 'html');
}

/** Registers the run commands. */
export function registerRunCommands(_context: vscode.ExtensionContext, deps: RunCommandDeps): vscode.Disposable {
  const { log } = deps;
  return vscode.Disposable.from(
    registerFailableCommand(COMMANDS.runScenario, (resource, options) => runScenario(deps, resource, options), log),
    registerFailableCommand(COMMANDS.runScenarioWithOverrides, (resource) => runScenarioWithOverrides(deps, resource), log),
    registerFailableCommand(COMMANDS.validateScenario, (resource) => validateScenario(deps, resource), log),
    registerFailableCommand(COMMANDS.stop, () => stop(deps), log),
    registerFailableCommand(COMMANDS.showResults, () => showResults(deps), log),
    registerFailableCommand(COMMANDS.openLastReport, (resource) => openLastReport(deps, resource), log),
  );
}
