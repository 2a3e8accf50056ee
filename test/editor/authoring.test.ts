// Writing a scenario in the browser workbench with the packaged extension: "New Scenario" from the palette, the
// scenario language and its template highlighting, completion as you type, a squiggle and its quick fix.
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCodeServer, type CodeServer } from './harness/code-server';
import { screenshotFailures } from './harness/failure-screenshots';
import { packageExtension } from './harness/vsix';
import { Workbench } from './harness/workbench';
import { copyWorkspace, sampleWorkspaceSource } from './harness/workspace';

const EDITOR = '.editor-group-container.active .monaco-editor';
// The first command activates the extension, which takes a few seconds on a busy machine.
const UI = { timeout: 30_000 };

describe('authoring a scenario in the workbench', () => {
  let workspace = '';
  let server: CodeServer | undefined;
  let workbench: Workbench | undefined;
  screenshotFailures(() => workbench);

  beforeAll(async () => {
    workspace = copyWorkspace(sampleWorkspaceSource(), 'authoring');
    // Plain YAML that is no scenario: it stays YAML, and still gets the template highlighting.
    writeFileSync(path.join(workspace, 'templates.yaml'), 'greeting: "hello {{ user }} from ${env:HOSTNAME:-here}"\n');
    server = await startCodeServer({ label: 'authoring', vsixFiles: [packageExtension()] });
    workbench = await Workbench.open(server, { folder: workspace, screenshotPrefix: 'authoring' });
  });

  afterAll(async () => {
    await workbench?.close();
    await server?.stop();
    if (workspace && !process.env.LOADSCOPE_KEEP_EDITOR_DATA) rmSync(workspace, { recursive: true, force: true });
  });

  it('creates new.scenario.yaml with "Loadscope: New Scenario", after asking for the name', async () => {
    const page = workbench!.page;
    const input = page.locator('.quick-input-widget input');
    // Not Workbench.runCommand: the palette closes and our name box opens in the same widget.
    await page.keyboard.press('F1');
    await input.fill('>Loadscope: New Scenario');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Loadscope: New Scenario' }).first().waitFor({ state: 'visible' });
    await input.press('Enter');
    await expect.poll(() => input.inputValue(), UI).toBe('new.scenario.yaml');
    await workbench!.screenshot('name-asked');
    await input.press('Enter');
    await page.locator('.tab.active', { hasText: 'new.scenario.yaml' }).waitFor({ state: 'visible' });
    await expect.poll(() => workbench!.editorText(), UI).toContain('scenario: New scenario');
  });

  it('opens it in the Loadscope Scenario language', async () => {
    await workbench!.page.locator('.statusbar-item', { hasText: 'Loadscope Scenario' }).first().waitFor({ state: 'visible' });
    await workbench!.screenshot('language');
  });

  it('colours the parts of {{ }} and ${env:...} apart from the string around them', async () => {
    const line = workbench!.page.locator(`${EDITOR} .view-line`, { hasText: 'user-{{ user }}' });
    const classOf = async (text: RegExp): Promise<string> => (await line.locator('span > span', { hasText: text }).first().getAttribute('class')) ?? '';
    await expect.poll(() => classOf(/^user$/), UI).toMatch(/mtk\d+/);
    const builtinName = await classOf(/^user$/);
    const envName = await classOf(/^LOAD_PASSWORD$/);
    const stringStart = await classOf(/user-$/);
    expect(stringStart).toMatch(/mtk\d+/);
    expect(builtinName).not.toBe(stringStart);
    expect(envName).not.toBe(stringStart);
    await workbench!.screenshot('highlighting');
  });

  it('highlights templates in plain YAML too, which stays YAML', async () => {
    await workbench!.openFile('templates.yaml');
    await workbench!.page.locator('.statusbar-item', { hasText: /^YAML$/ }).first().waitFor({ state: 'visible' });
    const line = workbench!.page.locator(`${EDITOR} .view-line`, { hasText: 'hello {{ user }}' });
    const classOf = async (text: RegExp): Promise<string> => (await line.locator('span > span', { hasText: text }).first().getAttribute('class')) ?? '';
    await expect.poll(() => classOf(/^user$/), UI).toMatch(/mtk\d+/);
    expect(await classOf(/^user$/)).not.toBe(await classOf(/hello/));
    expect(await classOf(/^HOSTNAME$/)).not.toBe(await classOf(/hello/));
    await workbench!.screenshot('yaml-highlighting');
    await workbench!.openFile('new.scenario.yaml');
  });

  it('suggests the keys that may come next as you type, and squiggles a misspelt one with a quick fix', async () => {
    const page = workbench!.page;
    await page.locator(`${EDITOR} .view-lines`).click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('varia');
    const suggestion = page.locator('.suggest-widget .monaco-list-row', { hasText: 'variables' }).first();
    await suggestion.waitFor({ state: 'visible' });
    await workbench!.screenshot('completion');
    await page.keyboard.press('Escape');
    await page.keyboard.type('blez: { tenant: acme }');
    await expect.poll(() => workbench!.editorText(), UI).toContain('variablez: { tenant: acme }');
    await page.locator(`${EDITOR} .squiggly-error`).first().waitFor({ state: 'visible' });
    await workbench!.screenshot('squiggle');
    await page.keyboard.press('Home');
    await page.keyboard.press('Control+.');
    const fix = page.locator('.action-widget .monaco-list-row', { hasText: "Change to 'variables'" }).first();
    await fix.waitFor({ state: 'visible' });
    await workbench!.screenshot('quick-fix');
    await fix.click();
    await expect.poll(() => workbench!.editorText(), UI).toContain('variables: { tenant: acme }');
    await page.locator(`${EDITOR} .squiggly-error`).first().waitFor({ state: 'detached' });
    await workbench!.screenshot('fixed');
  });
});
