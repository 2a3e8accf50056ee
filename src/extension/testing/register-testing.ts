// The Testing view: scenarios as tests, their targets as child tests, run through the run controller.
import * as vscode from 'vscode';
import type { AuthoringLog } from '../authoring/authoring-log';
import type { RunController } from '../run/run-controller';
import { ScenarioTestRunner } from './scenario-test-runner';
import { ScenarioTestTree } from './scenario-test-tree';
import type { TestOutcome } from './target-outcomes';

/** Reads the Testing view's items and their last outcomes, for the extension-host tests (outside production only). */
export const SCENARIO_TESTS_COMMAND = 'loadscope.test.scenarioTests';

/** A test item as the inspection command reports it. */
export interface InspectedTestItem {
  id: string;
  label: string;
  description?: string;
  /** Zero-based line of the item's range. */
  line?: number;
  error?: string;
  outcome?: TestOutcome;
  children: InspectedTestItem[];
}

export interface TestingDeps {
  runs: Pick<RunController, 'run' | 'stop' | 'current' | 'onDidFinishRun'>;
  log: AuthoringLog;
  /** The environment a run would see. */
  env: () => Readonly<Record<string, string | undefined>>;
  /** Quiet time after typing before an edited scenario's items are rebuilt. Default 500 ms. */
  debounceMs?: number;
}

const DEFAULT_DEBOUNCE_MS = 500;

/** Registers the Loadscope test controller; disposing the result removes it. */
export function registerTesting(context: vscode.ExtensionContext, deps: TestingDeps): vscode.Disposable {
  const controller = vscode.tests.createTestController('loadscope', 'Loadscope');
  const tree = new ScenarioTestTree(controller, { log: deps.log, env: deps.env, debounceMs: deps.debounceMs ?? DEFAULT_DEBOUNCE_MS });
  const runner = new ScenarioTestRunner({ controller, tree, runs: deps.runs, log: deps.log });
  void tree.discover();
  const registrations: vscode.Disposable[] = [runner, tree, controller];
  if (context.extensionMode !== vscode.ExtensionMode.Production) {
    registrations.push(
      vscode.commands.registerCommand(SCENARIO_TESTS_COMMAND, async () => {
        await tree.discovered();
        return inspect(controller.items, runner);
      }),
    );
  }
  return vscode.Disposable.from(...registrations);
}

function inspect(collection: vscode.TestItemCollection, runner: ScenarioTestRunner): InspectedTestItem[] {
  const items: InspectedTestItem[] = [];
  collection.forEach((item) => {
    const error = typeof item.error === 'string' ? item.error : item.error?.value;
    const outcome = runner.lastOutcomeOf(item);
    items.push({
      id: item.id,
      label: item.label,
      ...(item.description === undefined ? {} : { description: item.description }),
      ...(item.range === undefined ? {} : { line: item.range.start.line }),
      ...(error === undefined ? {} : { error }),
      ...(outcome === undefined ? {} : { outcome }),
      children: inspect(item.children, runner),
    });
  });
  return items;
}
