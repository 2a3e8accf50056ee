// End to end in the browser: the packaged extension installed into code-server, driven through the workbench UI.
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCodeServer, type CodeServer } from './harness/code-server';
import { screenshotFailures } from './harness/failure-screenshots';
import { packageExtension } from './harness/vsix';
import { Workbench } from './harness/workbench';
import { copyWorkspace, sampleWorkspaceSource } from './harness/workspace';

// What loadscope.runScenario says when its k6 cannot be used: what was tried, and the ways out as buttons.
const K6_MISSING_MESSAGE = /no usable k6 v2\.x was found\. Tried: .*no-such-k6 \(loadscope\.k6Path setting\): no such file/;

/** The first top-level names in the explorer's default order (folders first, then files, by name). */
function firstExplorerNames(folder: string, count: number): string[] {
  const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
  const entries = readdirSync(folder).map((name) => ({ name, isFolder: statSync(path.join(folder, name)).isDirectory() }));
  entries.sort((a, b) => Number(b.isFolder) - Number(a.isFolder) || collator.compare(a.name, b.name));
  return entries.slice(0, count).map((entry) => entry.name);
}

describe('workbench with the packaged extension', () => {
  let workspace = '';
  let server: CodeServer | undefined;
  let workbench: Workbench | undefined;
  screenshotFailures(() => workbench);

  beforeAll(async () => {
    const vsix = packageExtension();
    workspace = copyWorkspace(sampleWorkspaceSource(), 'workbench');
    // A k6 path that does not exist, so Run Scenario says so whatever k6 this machine has.
    server = await startCodeServer({ label: 'workbench', vsixFiles: [vsix], machineSettings: { 'loadscope.k6Path': path.join(workspace, 'no-such-k6') } });
    workbench = await Workbench.open(server, { folder: workspace, screenshotPrefix: 'workbench' });
  });

  afterAll(async () => {
    await workbench?.close();
    await server?.stop();
    if (workspace && !process.env.LOADSCOPE_KEEP_EDITOR_DATA) rmSync(workspace, { recursive: true, force: true });
  });

  it('lists the workspace files in the explorer', async () => {
    const shown = await workbench!.explorerItems();
    await workbench!.screenshot('explorer');
    expect(shown).toEqual(expect.arrayContaining(firstExplorerNames(workspace, 8)));
  });

  it('opens a scenario file in an editor', async () => {
    const scenario = readdirSync(workspace).find((name) => name.endsWith('.scenario.yaml'));
    expect(scenario, 'the workspace has a *.scenario.yaml file').toBeDefined();
    await workbench!.openFile(scenario!);
    const firstLine = readFileSync(path.join(workspace, scenario!), 'utf8').split('\n')[0]!.trimEnd();
    await expect.poll(() => workbench!.editorText()).toContain(firstLine);
    await workbench!.screenshot('scenario-open');
  });

  it('runs "Loadscope: Run Scenario" from the command palette and says what to do when k6 cannot be used', async () => {
    await workbench!.runCommand('Loadscope: Run Scenario');
    const message = await workbench!.waitForNotification(K6_MISSING_MESSAGE);
    await workbench!.screenshot('run-scenario-k6-missing');
    expect(message).toMatch(K6_MISSING_MESSAGE);
    const toast = workbench!.page.locator('.notifications-toasts .notification-list-item', { hasText: K6_MISSING_MESSAGE });
    const buttons = (await toast.locator('.monaco-button').allInnerTexts()).map((text) => text.trim());
    expect(buttons).toEqual(expect.arrayContaining(['Select k6 Binary', 'Open Settings', 'Install Instructions']));
  });

  it('opens the install instructions from that message, without any network', async () => {
    const toast = workbench!.page.locator('.notifications-toasts .notification-list-item', { hasText: K6_MISSING_MESSAGE });
    await toast.locator('.monaco-button', { hasText: 'Install Instructions' }).click();
    const preview = workbench!.webviewFrame();
    await preview.locator('h3', { hasText: 'Installing k6' }).waitFor({ state: 'visible' });
    await workbench!.screenshot('install-instructions');
  });
});
