// Run Suite in the real extension host, with the real k6 against a demo target started here: a suite takes the
// window's one run lock like a run (a scenario run or a second suite meanwhile is refused), each scenario is fed to
// the results beside it and the Testing view as a run alone is, and Stop ends the running scenario and skips the rest.
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import { startDemoTarget } from '../../../src/demo-target/server';
import { COMPARE_COMMANDS } from '../../../src/extension/compare/compare-command-ids';
import { SHOWN_RESULTS_COMMAND } from '../../../src/extension/results-in-editor/register-results-in-editor';
import type { LineAnnotation } from '../../../src/extension/results-in-editor/run-annotations';
import { COMMANDS } from '../../../src/extension/run/command-ids';
import { LENS_TITLES } from '../../../src/extension/run/lens-plan';
import { SCENARIO_TESTS_COMMAND, type InspectedTestItem } from '../../../src/extension/testing/register-testing';
import type { ExtensionHostTest } from './extension-host-test';
import { field, lensTitles, quickScenario, waitUntil, workspaceRoot } from './host-helpers';

const EXTENSION_ID = 'loadscope.loadscope';
// At the workspace's top, where the Testing view's file watcher sees new files at once.
const FILES = ['ext-host-suite-first.scenario.yaml', 'ext-host-suite-long.scenario.yaml', 'ext-host-suite-never.scenario.yaml', 'ext-host.suite.yaml'] as const;

function write(name: (typeof FILES)[number], text: string): vscode.Uri {
  const file = path.join(workspaceRoot(), name);
  writeFileSync(file, text);
  return vscode.Uri.file(file);
}

async function testItem(uri: vscode.Uri): Promise<InspectedTestItem | undefined> {
  return (await vscode.commands.executeCommand<InspectedTestItem[]>(SCENARIO_TESTS_COMMAND)).find((item) => item.id === uri.toString());
}

export const runSuiteTests: readonly ExtensionHostTest[] = [
  {
    name: 'Run Suite holds the run lock, feeds each scenario to the editor, and Stop ends the running scenario and skips the rest',
    run: async () => {
      await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
      const demo = await startDemoTarget({ port: 0 });
      const first = write('ext-host-suite-first.scenario.yaml', quickScenario('Suite first', demo.url, 2));
      const long = write('ext-host-suite-long.scenario.yaml', quickScenario('Suite long', demo.url, 30));
      write('ext-host-suite-never.scenario.yaml', quickScenario('Suite never', demo.url, 2));
      const suite = write('ext-host.suite.yaml', `suite: Extension host suite\nscenarios:\n${FILES.slice(0, 3).map((file) => `  - ${file}\n`).join('')}`);
      try {
        // Results beside a scenario are painted in the editors that show it.
        await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(first));
        await waitUntil('the first scenario in the Testing view', () => testItem(first), 10_000);
        const running = vscode.commands.executeCommand<unknown>(COMPARE_COMMANDS.runSuite, suite);

        // The second scenario runs once the first is over: its lens turns into Stop Run.
        await waitUntil('the long scenario to run', async () => ((await lensTitles(long)).includes(LENS_TITLES.stop) ? true : undefined), 30_000);
        assert.deepEqual(await vscode.commands.executeCommand<unknown>(COMMANDS.runScenario, first), { kind: 'not-started', reason: 'busy' }, 'a scenario run waits for the suite');
        assert.deepEqual(await vscode.commands.executeCommand<unknown>(COMPARE_COMMANDS.runSuite, suite), { kind: 'not-started', reason: 'busy' }, 'a second suite waits too');

        // The first scenario's run reached the editor and the Testing view as a run alone does.
        const shown = await waitUntil(
          "the first scenario's results in its editor",
          async () => {
            const lines = await vscode.commands.executeCommand<LineAnnotation[]>(SHOWN_RESULTS_COMMAND, first);
            return lines.some((line) => line.tone === 'passed') ? lines : undefined;
          },
          5_000,
        ).catch((error: unknown) => {
          throw new Error(`${String(error)}; visible: ${vscode.window.visibleTextEditors.map((editor) => editor.document.uri.toString()).join(', ')}`);
        });
        assert.ok(shown.length > 0);
        assert.deepEqual((await testItem(first))?.outcome, { state: 'passed' });
        assert.ok((await lensTitles(first)).includes(LENS_TITLES.openReport), 'the first scenario has a report to open');

        await new Promise((resolve) => setTimeout(resolve, 1500));
        await vscode.commands.executeCommand(COMMANDS.stop);
        const ended = await running;
        assert.equal(field(ended, 'kind'), 'finished', JSON.stringify(ended));
        const result = field(ended, 'result');
        assert.equal(field(result, 'stopped'), true);
        assert.equal(field(result, 'verdict'), 'stopped');
        const rows = field(result, 'rows');
        assert.ok(Array.isArray(rows));
        assert.deepEqual(
          rows.map((row) => field(row, 'verdict')),
          ['pass', 'stopped', 'skipped'],
        );
        const markdown = field(field(ended, 'files'), 'markdown');
        assert.ok(typeof markdown === 'string' && existsSync(markdown), `suite.md is written: ${String(markdown)}`);
        assert.match(readFileSync(markdown, 'utf8'), /Suite long/);
        // Stopped midway, well before its 30 seconds, and the window is free again.
        assert.ok(Number(field(result, 'durationSeconds')) < 25, `stopped early, after ${String(field(result, 'durationSeconds'))} s`);
        assert.ok(!(await lensTitles(long)).includes(LENS_TITLES.stop), 'nothing runs after the suite');
      } finally {
        await vscode.commands.executeCommand(COMMANDS.stop);
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
        await demo.close();
        for (const file of FILES) rmSync(path.join(workspaceRoot(), file), { force: true });
      }
    },
  },
];
