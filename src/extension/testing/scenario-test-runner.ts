// Running scenarios from the Testing view, and showing every run there. A test run goes through the same
// RunController as Run Scenario (one load test at a time, the results panel, the report); cancelling it stops
// the run gracefully, so the reports are still written. A run started elsewhere (CodeLens, palette) gets a test
// run of its own when it ends, so the Testing view always shows each scenario's last verdicts.
import * as vscode from 'vscode';
import { verdictLabel } from '../../core/report/format';
import type { Diagnostic } from '../../core/scenario/diagnostics';
import type { AuthoringLog } from '../authoring/authoring-log';
import { toEditorRange } from '../authoring/editor-range';
import { toVscodeRange } from '../authoring/vscode-range';
import type { FinishedRun, RunController, RunRequest } from '../run/run-controller';
import { busyMessage, UNTRUSTED_MESSAGE } from '../run/run-messages';
import { saveIfDirty } from '../run/scenario-resource';
import type { ScenarioTestTree } from './scenario-test-tree';
import { scenarioOutcomes, type TestOutcome } from './target-outcomes';

export interface ScenarioTestRunnerDeps {
  controller: vscode.TestController;
  tree: ScenarioTestTree;
  runs: Pick<RunController, 'run' | 'stop' | 'current' | 'onDidFinishRun'>;
  log: AuthoringLog;
}

/** Where an item's last outcome is kept: the scenario's id, and the target's id under it. */
function outcomeKey(item: vscode.TestItem): string {
  return item.parent === undefined ? item.id : `${item.parent.id} ${item.id}`;
}

/** Runs scenario test items and records each run's verdicts on the items. */
export class ScenarioTestRunner implements vscode.Disposable {
  private readonly ownRuns = new Set<RunRequest>();
  private readonly ownFinished = new Map<RunRequest, FinishedRun>();
  private readonly lastOutcomes = new Map<string, TestOutcome>();
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly deps: ScenarioTestRunnerDeps) {
    this.subscriptions = [
      deps.controller.createRunProfile('Run', vscode.TestRunProfileKind.Run, (request, token) => this.runTests(request, token), true),
      deps.runs.onDidFinishRun((run) => this.finished(run)),
    ];
  }

  /** The outcome last recorded for an item, if any (for the extension-host tests). */
  lastOutcomeOf(item: vscode.TestItem): TestOutcome | undefined {
    return this.lastOutcomes.get(outcomeKey(item));
  }

  /** Runs the scenarios of the requested items one after another; a target item runs its whole scenario. */
  async runTests(request: vscode.TestRunRequest, token: vscode.CancellationToken): Promise<void> {
    await this.deps.tree.discovered();
    const run = this.deps.controller.createTestRun(request);
    try {
      for (const scenario of this.scenariosOf(request)) {
        if (token.isCancellationRequested) this.record(run, scenario, { state: 'skipped' });
        else await this.runScenario(run, scenario, token);
      }
    } finally {
      run.end();
    }
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    this.lastOutcomes.clear();
  }

  private scenariosOf(request: vscode.TestRunRequest): vscode.TestItem[] {
    const excluded = new Set((request.exclude ?? []).map((item) => item.id));
    const requested: vscode.TestItem[] = [];
    if (request.include === undefined) this.deps.controller.items.forEach((item) => void requested.push(item));
    else requested.push(...request.include.map((item) => item.parent ?? item));
    const unique = new Map(requested.filter((item) => !excluded.has(item.id)).map((item) => [item.id, item]));
    return [...unique.values()];
  }

  private async runScenario(run: vscode.TestRun, scenario: vscode.TestItem, token: vscode.CancellationToken): Promise<void> {
    const uri = scenario.uri;
    if (uri === undefined) return;
    if (!vscode.workspace.isTrusted) {
      this.recordAll(run, scenario, { state: 'errored', message: UNTRUSTED_MESSAGE });
      return;
    }
    run.started(scenario);
    scenario.children.forEach((child) => run.started(child));
    const request: RunRequest = { file: uri.fsPath };
    this.ownRuns.add(request);
    const stopOnCancel = token.onCancellationRequested(() => {
      if (this.deps.runs.current?.file === request.file) this.deps.runs.stop();
    });
    try {
      await saveIfDirty(uri);
      const ended = await this.deps.runs.run(request);
      const finished = this.ownFinished.get(request);
      if (ended.kind === 'finished' && finished !== undefined) this.show(run, scenario, finished);
      else if (ended.kind === 'invalid') this.recordInvalid(run, scenario, ended.diagnostics);
      else if (ended.kind === 'not-started') this.recordAll(run, scenario, { state: 'errored', message: this.notStartedMessage(ended.reason) });
    } catch (error) {
      this.recordAll(run, scenario, { state: 'errored', message: `The run failed: ${error instanceof Error ? error.message : String(error)}` });
    } finally {
      stopOnCancel.dispose();
      this.ownRuns.delete(request);
      this.ownFinished.delete(request);
    }
  }

  private notStartedMessage(reason: 'busy' | 'k6-missing'): string {
    if (reason === 'k6-missing') return 'No usable k6 was found: run Loadscope: Select k6 Binary…, or see the Loadscope log for where it was searched.';
    const current = this.deps.runs.current;
    return busyMessage(current?.scenario ?? 'another scenario', current?.suite);
  }

  private finished(finished: FinishedRun): void {
    if (this.ownRuns.has(finished.request)) {
      this.ownFinished.set(finished.request, finished);
      return;
    }
    const scenario = this.deps.tree.itemOf(finished.request.file);
    if (scenario === undefined) return;
    const origin = finished.suite === undefined ? 'Run Scenario' : `suite ${finished.suite}`;
    const run = this.deps.controller.createTestRun(new vscode.TestRunRequest([scenario]), `${finished.result.scenario} (${origin})`, true);
    try {
      this.show(run, scenario, finished);
    } finally {
      run.end();
    }
  }

  private show(run: vscode.TestRun, scenario: vscode.TestItem, { result, files }: FinishedRun): void {
    const entry = this.deps.tree.entryOf(scenario);
    const outcomes = scenarioOutcomes(entry?.targets ?? [], result);
    const durationMs = Math.round(result.durationSeconds * 1000);
    for (const spec of entry?.specs ?? []) {
      const child = scenario.children.get(spec.id);
      const outcome = outcomes.targets.get(spec.key);
      if (child !== undefined && outcome !== undefined) this.record(run, child, outcome, durationMs);
    }
    this.record(run, scenario, outcomes.scenario, durationMs);
    run.appendOutput(`${verdictLabel(result.verdict)}: ${result.scenario}: ${result.outcomeMessage}\r\nReport: ${files.html}\r\n`, undefined, scenario);
  }

  private recordInvalid(run: vscode.TestRun, scenario: vscode.TestItem, diagnostics: readonly Diagnostic[]): void {
    const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
    const messages = errors.map((diagnostic) => {
      const message = new vscode.TestMessage(`Line ${diagnostic.line}: ${diagnostic.message}`);
      if (scenario.uri !== undefined) message.location = new vscode.Location(scenario.uri, toVscodeRange(toEditorRange(diagnostic)));
      return message;
    });
    run.errored(scenario, messages.length > 0 ? messages : new vscode.TestMessage('The scenario does not load.'));
    this.lastOutcomes.set(outcomeKey(scenario), { state: 'errored', message: errors[0]?.message ?? 'The scenario does not load.' });
    scenario.children.forEach((child) => this.record(run, child, { state: 'skipped' }));
  }

  private recordAll(run: vscode.TestRun, scenario: vscode.TestItem, outcome: TestOutcome): void {
    scenario.children.forEach((child) => this.record(run, child, outcome));
    this.record(run, scenario, outcome);
  }

  private record(run: vscode.TestRun, item: vscode.TestItem, outcome: TestOutcome, durationMs?: number): void {
    this.lastOutcomes.set(outcomeKey(item), outcome);
    switch (outcome.state) {
      case 'passed':
        run.passed(item, durationMs);
        return;
      case 'failed':
        run.failed(item, this.messageAt(item, outcome.message), durationMs);
        return;
      case 'errored':
        run.errored(item, this.messageAt(item, outcome.message), durationMs);
        return;
      case 'skipped':
        run.skipped(item);
        return;
    }
  }

  private messageAt(item: vscode.TestItem, text: string): vscode.TestMessage {
    const message = new vscode.TestMessage(text);
    if (item.uri !== undefined && item.range !== undefined) message.location = new vscode.Location(item.uri, item.range);
    return message;
  }
}
