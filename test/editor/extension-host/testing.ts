// The Testing view in the real extension host: scenarios listed with their targets, new files picked up, and
// runs started from the Testing view (VS Code's own "Run Tests in Current File" and "Cancel Test Run") that
// drive the real k6 against a demo target started here.
import * as assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import { startDemoTarget, type DemoTarget } from '../../../src/demo-target/server';
import { SHOWN_RESULTS_COMMAND } from '../../../src/extension/results-in-editor/register-results-in-editor';
import type { LineAnnotation } from '../../../src/extension/results-in-editor/run-annotations';
import { LENS_TITLES } from '../../../src/extension/run/lens-plan';
import { SCENARIO_TESTS_COMMAND, type InspectedTestItem } from '../../../src/extension/testing/register-testing';
import type { ExtensionHostTest } from './extension-host-test';
import { field, lensTitles, lineOf, quickScenario, waitUntil, workspaceRoot } from './host-helpers';

// A target no local server can meet, so a run's verdict is a failure the Testing view shows.
const UNREACHABLE_TARGET = { targets: ['rps: ">= 100000/s"'] };

const EXTENSION_ID = 'loadscope.loadscope';

async function testItems(): Promise<InspectedTestItem[]> {
  return vscode.commands.executeCommand<InspectedTestItem[]>(SCENARIO_TESTS_COMMAND);
}

async function itemOf(uri: vscode.Uri): Promise<InspectedTestItem | undefined> {
  return (await testItems()).find((item) => item.id === uri.toString());
}

function writeScenario(relativePath: string, text: string): vscode.Uri {
  const file = path.join(workspaceRoot(), relativePath);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  return vscode.Uri.file(file);
}

/**
 * Runs the file's tests through VS Code's "Run Tests in Current File" (given the file), resolving when the test run
 * ends. VS Code learns of new test items from the extension host a moment after they are created; until then the
 * command finds no tests in the file and resolves at once without a completion time, so it is asked again.
 */
function runTestsInFile(uri: vscode.Uri, timeoutMs: number): Promise<unknown> {
  return waitUntil(
    'VS Code to run the tests of the file',
    async () => {
      const result = await vscode.commands.executeCommand<unknown>('testing.runCurrentFile', [uri]);
      return field(result, 'completedAt') === undefined ? undefined : result;
    },
    timeoutMs,
  );
}

// Started by the first test that runs k6, closed by the last.
let demo: DemoTarget | undefined;

/** Tests of the Testing view. */
export const testingTests: ExtensionHostTest[] = [
  {
    name: 'the Testing view lists each scenario of the workspace, its targets as children on their lines',
    run: async () => {
      await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
      const items = await testItems();
      const deployments = items.find((item) => item.description === 'deployments.scenario.yaml');
      assert.ok(deployments, `deployments.scenario.yaml is listed among ${JSON.stringify(items.map((item) => item.description))}`);
      assert.equal(deployments.label, 'Concurrent deployments');
      assert.deepEqual(
        deployments.children.map((child) => child.label),
        ['median < 200ms', 'p99 < 500ms', 'errors < 0.1%', 'create deployment: p95 < 300ms'],
      );
      const document = await vscode.workspace.openTextDocument(vscode.Uri.file(path.join(workspaceRoot(), 'deployments.scenario.yaml')));
      assert.equal(deployments.line, lineOf(document, 'scenario: Concurrent deployments'));
      assert.deepEqual(
        deployments.children.map((child) => child.line),
        [lineOf(document, 'median: < 200ms'), lineOf(document, 'p99: < 500ms'), lineOf(document, 'errors: < 0.1%'), lineOf(document, 'create deployment: { p95')],
      );
      assert.ok(items.some((item) => item.description === 'quick/deployments.scenario.yaml'), 'scenarios in subfolders are listed');
    },
  },
  {
    name: 'scenario files created or deleted are picked up; report folders and node_modules are not searched',
    run: async () => {
      const created = writeScenario('ext-host-new.scenario.yaml', quickScenario('Created while open', 'http://127.0.0.1:9', 1, UNREACHABLE_TARGET));
      const inReports = writeScenario(path.join('load-reports', 'copy', 'old.scenario.yaml'), quickScenario('In a report folder', 'http://127.0.0.1:9', 1, UNREACHABLE_TARGET));
      const inPackages = writeScenario(path.join('node_modules', 'pkg', 'pkg.scenario.yaml'), quickScenario('In a package', 'http://127.0.0.1:9', 1, UNREACHABLE_TARGET));
      try {
        const item = await waitUntil('the new scenario to be listed', () => itemOf(created));
        assert.equal(item.label, 'Created while open');
        assert.deepEqual(item.children.map((child) => child.label), ['p99 < 1s', 'rps >= 100000/s']);
        await vscode.commands.executeCommand('testing.refreshTests');
        const listed = (await testItems()).map((candidate) => candidate.id);
        assert.ok(!listed.includes(inReports.toString()) && !listed.includes(inPackages.toString()), JSON.stringify(listed));
        rmSync(created.fsPath);
        await waitUntil('the deleted scenario to go', async () => ((await itemOf(created)) === undefined ? true : undefined));
      } finally {
        rmSync(created.fsPath, { force: true });
        rmSync(path.join(workspaceRoot(), 'load-reports', 'copy'), { recursive: true, force: true });
        rmSync(path.join(workspaceRoot(), 'node_modules'), { recursive: true, force: true });
      }
    },
  },
  {
    name: 'editing a scenario updates its target items, and a file that does not load shows its error',
    run: async () => {
      const uri = writeScenario('ext-host-edit.scenario.yaml', quickScenario('Edited', 'http://127.0.0.1:9', 1, UNREACHABLE_TARGET));
      try {
        await waitUntil('the scenario to be listed', () => itemOf(uri));
        const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
        const edit = new vscode.WorkspaceEdit();
        edit.insert(uri, new vscode.Position(lineOf(editor.document, 'p99: < 1s'), 0), '  median: < 200ms\n');
        assert.ok(await vscode.workspace.applyEdit(edit));
        const item = await waitUntil('the new target item', async () => {
          const found = await itemOf(uri);
          return found?.children.length === 3 ? found : undefined;
        });
        assert.deepEqual(item.children.map((child) => [child.label, child.line]), [
          ['median < 200ms', lineOf(editor.document, 'median: < 200ms')],
          ['p99 < 1s', lineOf(editor.document, 'p99: < 1s')],
          ['rps >= 100000/s', lineOf(editor.document, 'rps:')],
        ]);
        const broken = new vscode.WorkspaceEdit();
        broken.replace(uri, editor.document.lineAt(lineOf(editor.document, 'load:')).range, 'load: { users: 2, duration: 1 }');
        assert.ok(await vscode.workspace.applyEdit(broken));
        const failing = await waitUntil('the error on the item', async () => {
          const found = await itemOf(uri);
          return found?.error === undefined ? undefined : found;
        });
        assert.match(failing.error ?? '', /^Line 3: /);
        assert.equal(failing.children.length, 3, 'the targets stay listed while the file does not load');
      } finally {
        await vscode.commands.executeCommand('workbench.action.files.revert');
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
        rmSync(uri.fsPath, { force: true });
      }
    },
  },
  {
    name: 'Run Tests in Current File runs the scenario with k6 and marks each target passed or failed',
    run: async () => {
      demo ??= await startDemoTarget({ port: 0 });
      const uri = writeScenario('ext-host-testing.scenario.yaml', quickScenario('Testing view run', demo.url, 3, UNREACHABLE_TARGET));
      try {
        await waitUntil('the scenario to be listed', () => itemOf(uri));
        await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
        await runTestsInFile(uri, 25_000);
        const item = await itemOf(uri);
        assert.ok(item, 'the scenario is still listed');
        assert.equal(item.outcome?.state, 'failed');
        assert.match(item.outcome.state === 'failed' ? item.outcome.message : '', /Failed target: rps >= 100000\/s/);
        const [p99, rps] = item.children;
        assert.deepEqual(p99?.outcome, { state: 'passed' });
        assert.equal(rps?.outcome?.state, 'failed');
        assert.match(rps?.outcome?.state === 'failed' ? rps.outcome.message : '', /^[\d.,]+\/s rps against >= 100000\/s: /);
        // The same run's figures are in the scenario's editor too.
        const shown = await vscode.commands.executeCommand<LineAnnotation[]>(SHOWN_RESULTS_COMMAND, uri);
        assert.deepEqual(shown.map((line) => line.tone), ['figures', 'passed', 'failed']);
      } finally {
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
        rmSync(uri.fsPath, { force: true });
      }
    },
  },
  {
    name: 'Cancel Test Run stops the scenario gracefully and skips its targets',
    run: async () => {
      demo ??= await startDemoTarget({ port: 0 });
      const uri = writeScenario('ext-host-testing-cancel.scenario.yaml', quickScenario('Testing view cancel', demo.url, 20, UNREACHABLE_TARGET));
      try {
        await waitUntil('the scenario to be listed', () => itemOf(uri));
        await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
        const started = Date.now();
        const running = runTestsInFile(uri, 25_000);
        await waitUntil('k6 to be running (the Stop Run lens)', async () => ((await lensTitles(uri)).includes(LENS_TITLES.stop) ? true : undefined), 15_000);
        await vscode.commands.executeCommand('testing.cancelRun');
        await running;
        const item = await itemOf(uri);
        assert.ok(item, 'the scenario is still listed');
        assert.deepEqual(item.outcome, { state: 'skipped' });
        assert.deepEqual(item.children.map((child) => child.outcome), [{ state: 'skipped' }, { state: 'skipped' }]);
        assert.ok(Date.now() - started < 18_000, `stopped well before its 20 seconds (${Date.now() - started} ms)`);
        // Graceful: the reports were still written, marked STOPPED.
        const reports = path.join(workspaceRoot(), 'load-reports', 'testing-view-cancel');
        const runs = readdirSync(reports).sort();
        assert.match(readFileSync(path.join(reports, runs.at(-1) ?? '', 'report.md'), 'utf8'), /STOPPED/);
      } finally {
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
        rmSync(uri.fsPath, { force: true });
        await demo?.close();
        demo = undefined;
      }
    },
  },
];
