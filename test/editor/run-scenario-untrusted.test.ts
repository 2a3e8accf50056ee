// Restricted Mode: scenarios can be validated but not run. The lens explains instead of running, the editor title
// has no Run button, and the command refuses with the reason.
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCodeServer, type CodeServer } from './harness/code-server';
import { screenshotFailures } from './harness/failure-screenshots';
import { packageExtension } from './harness/vsix';
import { Workbench } from './harness/workbench';
import { copyWorkspace, sampleWorkspaceSource } from './harness/workspace';

describe('running in an untrusted workspace', () => {
  let workspace = '';
  let server: CodeServer | undefined;
  let workbench: Workbench | undefined;
  screenshotFailures(() => workbench);

  beforeAll(async () => {
    workspace = copyWorkspace(sampleWorkspaceSource(), 'run-untrusted');
    server = await startCodeServer({
      label: 'run-untrusted',
      workspaceTrust: true,
      settings: { 'security.workspace.trust.startupPrompt': 'never' },
      vsixFiles: [packageExtension()],
    });
    workbench = await Workbench.open(server, { folder: workspace, screenshotPrefix: 'run-untrusted' });
  });

  afterAll(async () => {
    await workbench?.close();
    await server?.stop();
    if (workspace && !process.env.LOADSCOPE_KEEP_EDITOR_DATA) rmSync(workspace, { recursive: true, force: true });
  });

  it('shows why it cannot run instead of a Run Scenario lens, and no Run button', async () => {
    await workbench!.openFile('deployments.scenario.yaml');
    await workbench!.waitForCodeLens('Running needs a trusted workspace');
    await workbench!.waitForCodeLens('Validate');
    expect(await workbench!.page.locator('.codelens-decoration a', { hasText: /^Run Scenario$/ }).count()).toBe(0);
    expect(await workbench!.page.locator('.editor-actions [aria-label*="Run Scenario"]').count()).toBe(0);
    await workbench!.screenshot('lenses');
  });

  it('refuses Run Scenario from the palette with the reason', async () => {
    await workbench!.runCommand('Loadscope: Run Scenario');
    const message = await workbench!.waitForNotification(/does not run load tests in an untrusted workspace/);
    expect(message).toMatch(/Editing and validating scenarios still work/);
    await workbench!.screenshot('refused');
  });

  it('still validates', async () => {
    await workbench!.clickCodeLens('Validate');
    const message = await workbench!.waitForNotification(/is valid/);
    expect(message).toMatch(/"Concurrent deployments( \(quick\))?" is valid: \d+ users/);
    await workbench!.screenshot('validated');
  });
});
