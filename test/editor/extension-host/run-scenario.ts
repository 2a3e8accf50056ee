// Running scenarios inside the real extension host: the commands exist, the CodeLenses sit where they should, and
// Run Scenario drives the real k6 against a demo target started here, leaving a report folder in the workspace.
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import { startDemoTarget, type DemoTarget } from '../../../src/demo-target/server';
import { COMMANDS } from '../../../src/extension/run/command-ids';
import { LENS_TITLES, runGroupTitle } from '../../../src/extension/run/lens-plan';
import type { ExtensionHostTest } from './extension-host-test';
import { codeLenses, field, lensTitles, quickScenario, workspaceRoot } from './host-helpers';

/** Two requests and an error target, so the run's report has a table per request and a verdict per target. */
const RUN_PARTS = { requests: ['{ name: health, GET: /healthz }', '{ name: stats, GET: /api/_stats }'], targets: ['errors: < 1%'] };

const EXTENSION_ID = 'loadscope.loadscope';

function writeScenario(name: string, text: string): vscode.Uri {
  const file = path.join(workspaceRoot(), name);
  writeFileSync(file, text);
  return vscode.Uri.file(file);
}

// The demo target lives as long as the run tests; started by the first test that needs it.
let demo: DemoTarget | undefined;
async function demoTarget(): Promise<DemoTarget> {
  demo ??= await startDemoTarget({ port: 0 });
  return demo;
}

function finishedFolder(result: unknown): string {
  assert.equal(field(result, 'kind'), 'finished', `the run finished: ${JSON.stringify(result)}`);
  const folder = field(result, 'folder');
  assert.ok(typeof folder === 'string');
  return folder;
}

/** Tests of the run commands, CodeLenses and a real run. */
export const runScenarioTests: ExtensionHostTest[] = [
  {
    name: 'every run command is registered',
    run: async () => {
      await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
      const registered = new Set(await vscode.commands.getCommands(true));
      const missing = Object.values(COMMANDS).filter((id) => !registered.has(id));
      assert.deepEqual(missing, []);
    },
  },
  {
    name: 'a scenario shows Run Scenario and Validate above `scenario:`, and a run lens per group',
    run: async () => {
      const quick = vscode.Uri.file(path.join(workspaceRoot(), 'quick', 'deployments.scenario.yaml'));
      const titles = await lensTitles(quick);
      assert.deepEqual(titles.slice(0, 2), [LENS_TITLES.run, LENS_TITLES.validate]);
      const groups = writeScenario(
        'two-groups.scenario.yaml',
        `scenario: Two groups
target: http://127.0.0.1:9
groups:
  - name: readers
    load: { users: 1, duration: 1s }
    requests: [{ name: read, GET: /healthz }]
  - name: watchers
    load: { users: 1, duration: 1s }
    requests: [{ name: watch, GET: /api/_stats }]
`,
      );
      const document = await vscode.workspace.openTextDocument(groups);
      const lenses = await codeLenses(groups);
      const byTitle = new Map(lenses.map((lens) => [lens.command?.title ?? '', lens]));
      assert.equal(byTitle.get(LENS_TITLES.run)?.range.start.line, 0);
      const watchers = byTitle.get(runGroupTitle('watchers'));
      assert.ok(watchers, `a lens for the watchers group among ${[...byTitle.keys()].join(', ')}`);
      assert.equal(document.lineAt(watchers.range.start.line).text.trim(), '- name: watchers');
      assert.deepEqual(watchers.command?.arguments?.[1], { group: 'watchers' });
    },
  },
  {
    name: 'Validate Scenario reports a valid scenario, and an invalid one with its line',
    run: async () => {
      const valid = await vscode.commands.executeCommand<unknown>(COMMANDS.validateScenario, vscode.Uri.file(path.join(workspaceRoot(), 'quick', 'deployments.scenario.yaml')));
      assert.equal(field(valid, 'valid'), true);
      const broken = writeScenario('broken.scenario.yaml', 'scenario: Broken\ntarget: http://127.0.0.1:9\nload: { users: 1, duration: 90 }\nrequests: [{ name: a, GET: / }]\n');
      const invalid = await vscode.commands.executeCommand<unknown>(COMMANDS.validateScenario, broken);
      assert.equal(field(invalid, 'valid'), false);
      const diagnostics = field(invalid, 'diagnostics');
      assert.ok(Array.isArray(diagnostics) && diagnostics.some((diagnostic) => field(diagnostic, 'line') === 3 && field(diagnostic, 'code') === 'bad-duration'), JSON.stringify(diagnostics));
    },
  },
  {
    name: 'Run Scenario runs k6 against a local server and writes a report folder in the workspace',
    run: async () => {
      const target = await demoTarget();
      const uri = writeScenario('ext-host-run.scenario.yaml', quickScenario('Extension host run', target.url, 3, RUN_PARTS));
      const result = await vscode.commands.executeCommand<unknown>(COMMANDS.runScenario, uri);
      const folder = finishedFolder(result);
      assert.equal(field(result, 'verdict'), 'pass', `verdict of ${folder}`);
      assert.ok(folder.startsWith(path.join(workspaceRoot(), 'load-reports', 'extension-host-run') + path.sep), folder);
      for (const file of ['report.html', 'report.md', 'summary.json', 'junit.xml']) assert.ok(existsSync(path.join(folder, file)), `${file} in ${folder}`);
      assert.match(readFileSync(path.join(folder, 'report.md'), 'utf8'), /PASS/);
      assert.ok((await lensTitles(uri)).includes(LENS_TITLES.openReport), 'Open Report appears after a run');
    },
  },
  {
    name: 'a second run waits for the first, and Stop ends the first gracefully with its reports marked STOPPED',
    run: async () => {
      const target = await demoTarget();
      const uri = writeScenario('ext-host-stop.scenario.yaml', quickScenario('Extension host stop', target.url, 20, RUN_PARTS));
      const first = vscode.commands.executeCommand<unknown>(COMMANDS.runScenario, uri);
      // Stop only once k6 is running: the lens turns into Stop Run then.
      const deadline = Date.now() + 15_000;
      while (!(await lensTitles(uri)).includes(LENS_TITLES.stop)) {
        assert.ok(Date.now() < deadline, 'the Stop Run lens appears while the scenario runs');
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      const second = await vscode.commands.executeCommand<unknown>(COMMANDS.runScenario, uri);
      assert.deepEqual(second, { kind: 'not-started', reason: 'busy' });
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await vscode.commands.executeCommand(COMMANDS.stop);
      const result = await first;
      const folder = finishedFolder(result);
      assert.equal(field(result, 'verdict'), 'stopped');
      assert.match(readFileSync(path.join(folder, 'report.md'), 'utf8'), /STOPPED/);
      // Stopped midway: k6 had made requests, and the run ended well before its 20 seconds.
      const summary: unknown = JSON.parse(readFileSync(path.join(folder, 'summary.json'), 'utf8'));
      assert.ok(Number(field(field(summary, 'totals'), 'requests')) > 0, 'requests were made before the stop');
      assert.ok(Number(field(summary, 'durationSeconds')) < 15, `stopped early, after ${String(field(summary, 'durationSeconds'))} s`);
    },
  },
  {
    name: 'Run Group runs only that group',
    run: async () => {
      const target = await demoTarget();
      const uri = writeScenario(
        'ext-host-groups.scenario.yaml',
        `scenario: Extension host groups
target: ${target.url}
groups:
  - name: readers
    load: { users: 1, duration: 2s }
    requests: [{ name: read, GET: /healthz }]
  - name: watchers
    load: { users: 1, duration: 2s }
    requests: [{ name: watch, GET: /api/_stats }]
`,
      );
      try {
        const result = await vscode.commands.executeCommand<unknown>(COMMANDS.runScenario, uri, { group: 'watchers' });
        const summary: unknown = JSON.parse(readFileSync(path.join(finishedFolder(result), 'summary.json'), 'utf8'));
        const load = field(summary, 'load');
        assert.ok(Array.isArray(load));
        assert.deepEqual(load.map((group) => field(group, 'group')), ['watchers']);
      } finally {
        await demo?.close();
        demo = undefined;
        rmSync(uri.fsPath, { force: true });
      }
    },
  },
];
