// Results in the editor, in the real extension host: a real k6 run against a demo target started here leaves its
// figures at the end of the scenario's lines and in a request's hover, and edits move or drop them.
import * as assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import { startDemoTarget, type DemoTarget } from '../../../src/demo-target/server';
import { SHOWN_RESULTS_COMMAND } from '../../../src/extension/results-in-editor/register-results-in-editor';
import type { LineAnnotation } from '../../../src/extension/results-in-editor/run-annotations';
import { COMMANDS } from '../../../src/extension/run/command-ids';
import { SCENARIO_TESTS_COMMAND, type InspectedTestItem } from '../../../src/extension/testing/register-testing';
import type { ExtensionHostTest } from './extension-host-test';
import { lineOf, waitUntil, workspaceRoot } from './host-helpers';

const EXTENSION_ID = 'loadscope.loadscope';
const FILE_NAME = 'ext-host-results.scenario.yaml';

/** Two requests, a target that holds and one that cannot (no local server answers 100,000 requests a second). */
function scenarioText(target: string): string {
  return `scenario: Results in the editor
target: ${target}
load: { users: 2, duration: 3s }
thinkTime: 100ms
requests:
  - name: health
    GET: /healthz
  - { name: stats, GET: /api/_stats }
targets:
  p99: < 1s
  rps: ">= 100000/s"
  requests:
    health: { errors: < 1% }
`;
}

async function shownIn(uri: vscode.Uri): Promise<LineAnnotation[]> {
  return vscode.commands.executeCommand<LineAnnotation[]>(SHOWN_RESULTS_COMMAND, uri);
}

function hoverText(hovers: readonly vscode.Hover[]): string {
  return hovers.flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : content.value))).join('\n---\n');
}

async function replaceLine(document: vscode.TextDocument, snippet: string, text: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, document.lineAt(lineOf(document, snippet)).range, text);
  assert.ok(await vscode.workspace.applyEdit(edit), `replaced the line holding ${snippet}`);
}

// The file and its demo target live across this file's tests, which build on the first one's run.
let demo: DemoTarget | undefined;
let scenarioUri: vscode.Uri | undefined;

function runScenarioUri(): vscode.Uri {
  assert.ok(scenarioUri, 'the first test ran the scenario');
  return scenarioUri;
}

/** Tests of the figures a run leaves in the scenario's editor. */
export const resultsInEditorTests: ExtensionHostTest[] = [
  {
    name: 'a finished run shows each request’s percentiles and error rate, and each target’s verdict, at the end of its line',
    run: async () => {
      await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
      demo = await startDemoTarget({ port: 0 });
      const file = path.join(workspaceRoot(), FILE_NAME);
      writeFileSync(file, scenarioText(demo.url));
      scenarioUri = vscode.Uri.file(file);
      const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(scenarioUri));
      assert.deepEqual(await shownIn(scenarioUri), [], 'nothing is shown before a run');

      const result = await vscode.commands.executeCommand<unknown>(COMMANDS.runScenario, scenarioUri);
      assert.equal(typeof result === 'object' && result !== null ? Reflect.get(result, 'kind') : undefined, 'finished', JSON.stringify(result));

      const document = editor.document;
      const shown = new Map((await shownIn(scenarioUri)).map((annotation) => [annotation.line, annotation]));
      const figures = /^p50 [\d.,]+ ms · p95 [\d.,]+ ms · p99 [\d.,]+ ms · 0% errors$/;
      assert.match(shown.get(lineOf(document, '- name: health'))?.text ?? '', figures);
      assert.equal(shown.get(lineOf(document, '- name: health'))?.tone, 'figures');
      assert.match(shown.get(lineOf(document, 'name: stats'))?.text ?? '', figures);
      assert.match(shown.get(lineOf(document, 'p99: < 1s'))?.text ?? '', /^✓ passed: [\d.,]+ ms, /);
      assert.equal(shown.get(lineOf(document, 'p99: < 1s'))?.tone, 'passed');
      assert.match(shown.get(lineOf(document, 'rps:'))?.text ?? '', /^✗ failed: [\d.,]+\/s, /);
      assert.equal(shown.get(lineOf(document, 'rps:'))?.tone, 'failed');
      assert.match(shown.get(lineOf(document, 'health: { errors'))?.text ?? '', /^✓ passed: 0%/);
      assert.equal(shown.size, 5, JSON.stringify([...shown.values()]));
    },
  },
  {
    name: 'hovering a request after a run shows its figures as a table and a link to its report',
    run: async () => {
      const uri = runScenarioUri();
      const document = await vscode.workspace.openTextDocument(uri);
      const position = new vscode.Position(lineOf(document, 'GET: /healthz'), 8);
      const text = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position));
      assert.match(text, /\*\*health\*\* · GET · last run /);
      assert.match(text, /\| requests \| errors \| p50 \| p95 \| p99 \| max \| req\/s \|/);
      assert.match(text, /- health: errors \\< 1%: ✓ passed: 0%/);
      assert.ok(text.includes(`[Open report.html](command:${COMMANDS.openLastReport}?`), text);
      const outside = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(lineOf(document, 'p99: < 1s'), 3)));
      assert.ok(!outside.includes('Open report.html'), 'no run figures away from requests');
    },
  },
  {
    name: 'a run started with Run Scenario also shows its verdicts in the Testing view',
    run: async () => {
      const uri = runScenarioUri();
      const items = await vscode.commands.executeCommand<InspectedTestItem[]>(SCENARIO_TESTS_COMMAND);
      const item = items.find((candidate) => candidate.id === uri.toString());
      assert.ok(item, `the scenario is listed: ${JSON.stringify(items.map((candidate) => candidate.id))}`);
      assert.equal(item.outcome?.state, 'failed');
      const outcomes = Object.fromEntries(item.children.map((child) => [child.label, child.outcome?.state]));
      assert.deepEqual(outcomes, { 'p99 < 1s': 'passed', 'rps >= 100000/s': 'failed', 'health: errors < 1%': 'passed' });
    },
  },
  {
    name: 'editing the scenario moves the figures with their requests and drops what no longer matches',
    run: async () => {
      const uri = runScenarioUri();
      const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
      const { document } = editor;
      try {
        await replaceLine(document, 'thinkTime: 100ms', 'thinkTime: 100ms\n# Health first.\nheaders: { Accept: application/json }');
        const moved = [lineOf(document, '- name: health'), lineOf(document, 'name: stats')];
        await waitUntil('the figures of both requests to move down two lines', async () => {
          const figures = (await shownIn(uri)).filter((line) => line.tone === 'figures').map((line) => line.line);
          return moved.every((line) => figures.includes(line)) ? true : undefined;
        });

        await replaceLine(document, 'name: stats', '  - { name: statistics, GET: /api/_stats }');
        await waitUntil('the figures of the renamed request to go', async () => {
          const shown = await shownIn(uri);
          return shown.some((line) => line.line === lineOf(document, 'name: statistics')) ? undefined : shown;
        });
        await replaceLine(document, 'p99: < 1s', '  p99: < 2s');
        await waitUntil('the verdict of the changed target to go', async () => ((await shownIn(uri)).some((line) => line.line === lineOf(document, 'p99: < 2s')) ? undefined : true));
        const remaining = await shownIn(uri);
        assert.deepEqual(
          remaining.map((line) => line.line),
          [lineOf(document, '- name: health'), lineOf(document, 'rps:'), lineOf(document, 'health: { errors')],
        );

        await replaceLine(document, 'load: { users', 'load: { users: 2, duration: 3s');
        await waitUntil('nothing shown while the file does not load', async () => ((await shownIn(uri)).length === 0 ? true : undefined));
        await replaceLine(document, 'load: { users', 'load: { users: 2, duration: 3s }');
        await waitUntil('the figures back once it loads', async () => ((await shownIn(uri)).length === 3 ? true : undefined));
      } finally {
        await vscode.commands.executeCommand('workbench.action.files.revert');
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
        rmSync(uri.fsPath, { force: true });
        await demo?.close();
        demo = undefined;
      }
    },
  },
];
