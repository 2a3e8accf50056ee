// End to end in the browser: the packaged extension installed into code-server, driven through the workbench UI.
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCodeServer, type CodeServer } from './harness/code-server';
import { screenshotFailures } from './harness/failure-screenshots';
import { packageExtension } from './harness/vsix';
import { Workbench } from './harness/workbench';
import { copyWorkspace, sampleWorkspaceSource } from './harness/workspace';

// The stub command's message; update it together with what loadscope.runScenario shows.
const RUN_SCENARIO_MESSAGE = /running scenarios from the editor is not built yet/;

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
    server = await startCodeServer({ label: 'workbench', vsixFiles: [vsix] });
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

  it('runs "Loadscope: Run Scenario" from the command palette and shows its notification', async () => {
    await workbench!.runCommand('Loadscope: Run Scenario');
    const message = await workbench!.waitForNotification(RUN_SCENARIO_MESSAGE);
    await workbench!.screenshot('run-scenario-notification');
    expect(message).toMatch(RUN_SCENARIO_MESSAGE);
  });
});
