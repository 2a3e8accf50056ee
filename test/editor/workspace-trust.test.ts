// Workspace Trust left on: the folder opens in Restricted Mode, where the extension only has limited support.
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCodeServer, type CodeServer } from './harness/code-server';
import { screenshotFailures } from './harness/failure-screenshots';
import { packageExtension } from './harness/vsix';
import { Workbench } from './harness/workbench';
import { copyWorkspace, sampleWorkspaceSource } from './harness/workspace';

describe('untrusted workspace', () => {
  let workspace = '';
  let server: CodeServer | undefined;
  let workbench: Workbench | undefined;
  screenshotFailures(() => workbench);

  beforeAll(async () => {
    workspace = copyWorkspace(sampleWorkspaceSource(), 'untrusted');
    server = await startCodeServer({
      label: 'untrusted',
      workspaceTrust: true,
      // No modal question (code-server does not ask by default either): the folder simply opens untrusted.
      settings: { 'security.workspace.trust.startupPrompt': 'never' },
      vsixFiles: [packageExtension()],
    });
    workbench = await Workbench.open(server, { folder: workspace, screenshotPrefix: 'untrusted' });
  });

  afterAll(async () => {
    await workbench?.close();
    await server?.stop();
    if (workspace && !process.env.LOADSCOPE_KEEP_EDITOR_DATA) rmSync(workspace, { recursive: true, force: true });
  });

  it('opens the folder in Restricted Mode', async () => {
    await workbench!.page.locator('.statusbar-item', { hasText: 'Restricted Mode' }).waitFor({ state: 'visible' });
    await workbench!.screenshot('restricted-mode');
  });

  it('still offers Loadscope: Run Scenario (limited support)', async () => {
    await workbench!.runCommand('Loadscope: Run Scenario');
    const message = await workbench!.waitForNotification(/Loadscope/);
    await workbench!.screenshot('run-scenario-restricted');
    expect(message).toMatch(/Loadscope/);
  });
});
