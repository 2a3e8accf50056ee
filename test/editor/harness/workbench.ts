// Drives the VS Code workbench that code-server serves, in Debian's Chromium through playwright-core.
// Selectors are the ones seen working with VS Code 1.139 (see the team's vscode-e2e notes).
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { chromium, type BrowserContext, type FrameLocator, type Locator, type Page } from 'playwright-core';
import type { CodeServer } from './code-server';
import { findEditorTools } from './editor-tools';
import { screenshotsDir } from './paths';
import { waitFor } from './wait-for';

/** How to open the workbench. */
export interface WorkbenchOptions {
  /** Folder to open, on the server's file system. */
  folder: string;
  /** VS Code's `payload` URL parameter (extension development and tests paths). */
  payload?: ReadonlyArray<readonly [string, string]>;
  /** Prefix of this test's screenshot files. */
  screenshotPrefix: string;
  /** Wait until the workbench is restored and the explorer shows (false for a window that its tests close). Default true. */
  waitUntilReady?: boolean;
}

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const UI_TIMEOUT_MS = 30_000;
const QUICK_INPUT_ATTEMPT_MS = 3_000;

/** A browser page showing the workbench, with helpers that wait on what they need. */
export class Workbench {
  /** Every console message of the page, as `type: text`, for error messages. */
  readonly consoleMessages: string[] = [];
  private screenshotCount = 0;

  private constructor(
    readonly server: CodeServer,
    private readonly context: BrowserContext,
    readonly page: Page,
    private readonly screenshotPrefix: string,
  ) {
    page.on('console', (message) => this.consoleMessages.push(`${message.type()}: ${message.text()}`));
    page.on('pageerror', (error) => this.consoleMessages.push(`pageerror: ${error.message}`));
  }

  /** Launches Chromium with a fresh profile inside the server's temp folder and opens the workbench on a folder. */
  static async open(server: CodeServer, options: WorkbenchOptions): Promise<Workbench> {
    const tools = findEditorTools();
    const profiles = path.join(server.dataDir, 'chromium');
    mkdirSync(profiles, { recursive: true });
    const context = await chromium.launchPersistentContext(mkdtempSync(path.join(profiles, 'p-')), {
      executablePath: tools.chromium,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1280, height: 800 },
      timeout: UI_TIMEOUT_MS,
    });
    context.setDefaultTimeout(UI_TIMEOUT_MS);
    const page = context.pages()[0] ?? (await context.newPage());
    const workbench = new Workbench(server, context, page, options.screenshotPrefix);
    workbench.removeOldScreenshots();
    try {
      await workbench.openFolder(options.folder, options);
    } catch (error) {
      await workbench.close();
      throw error;
    }
    return workbench;
  }

  /** Loads the workbench on `folder` and waits until it is usable. */
  async openFolder(folder: string, options: Pick<WorkbenchOptions, 'payload' | 'waitUntilReady'> = {}): Promise<void> {
    await this.page.goto(this.server.workbenchUrl(folder, options.payload));
    await this.page.locator('.monaco-workbench .part.statusbar').waitFor({ state: 'visible' });
    if (options.waitUntilReady === false) return;
    // VS Code's own startup marks: the workbench is restored (keys are handled, views filled) and the extensions
    // are known (their commands are in the palette). Internal names, but stable across many releases.
    await this.page.waitForFunction(() =>
      ['code/didStartWorkbench', 'code/didLoadExtensions'].every((mark) => performance.getEntriesByName(mark, 'mark').length > 0),
      undefined,
      { polling: 250 },
    );
    await this.page.locator('.explorer-folders-view').waitFor({ state: 'visible' });
  }

  /** Names of the rows the explorer shows now (top-level entries until folders are expanded). */
  async explorerItems(): Promise<string[]> {
    const rows = this.page.locator('.explorer-folders-view .monaco-list-row');
    await rows.first().waitFor({ state: 'visible' });
    return (await rows.allInnerTexts()).map((text) => text.trim());
  }

  /** Opens a workspace file by name through Quick Open and waits for its editor tab to be active. */
  async openFile(name: string): Promise<void> {
    await this.pickFromQuickInput(name, name);
    await this.page.locator('.tab.active', { hasText: name }).waitFor({ state: 'visible' });
    await this.page.locator('.editor-group-container.active .monaco-editor .view-lines').waitFor({ state: 'visible' });
  }

  /** The text the active editor shows now (only the rendered lines), with the editor's non-breaking spaces made plain. */
  async editorText(): Promise<string> {
    const text = await this.page.locator('.editor-group-container.active .monaco-editor .view-lines').innerText();
    return text.replace(/\u00a0/g, ' ');
  }

  /** Runs a command by its palette title (e.g. `Loadscope: Run Scenario`) through F1. */
  async runCommand(title: string): Promise<void> {
    await this.pickFromQuickInput(`>${title}`, title);
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  }

  /** The CodeLens link with this title, once it is shown. */
  async waitForCodeLens(title: string): Promise<Locator> {
    const lens = this.page.locator('.codelens-decoration a', { hasText: title }).first();
    await lens.waitFor({ state: 'visible' });
    return lens;
  }

  /** Clicks the CodeLens link with this title. */
  async clickCodeLens(title: string): Promise<void> {
    await (await this.waitForCodeLens(title)).click();
  }

  /** The content frame of the visible webview panel (VS Code nests it in two iframes; an earlier panel may stay hidden in the page). */
  webviewFrame(): FrameLocator {
    return this.page.frameLocator('iframe.webview.ready >> visible=true').frameLocator('iframe#active-frame');
  }

  /** Texts of the notification toasts shown now. */
  async notifications(): Promise<string[]> {
    return (await this.page.locator('.notifications-toasts .notification-list-item-message').allInnerTexts()).map((text) => text.trim());
  }

  /** Waits for a notification toast containing `text` and returns its full message. */
  async waitForNotification(text: string | RegExp): Promise<string> {
    const toast = this.page.locator('.notifications-toasts .notification-list-item-message', { hasText: text }).first();
    await toast.waitFor({ state: 'visible' });
    return (await toast.innerText()).trim();
  }

  /** Saves a PNG of the page to test-output/editor/screenshots/PREFIX-NN-STEP.png and returns its path. */
  async screenshot(step: string): Promise<string> {
    mkdirSync(screenshotsDir, { recursive: true });
    this.screenshotCount += 1;
    const name = `${this.screenshotPrefix}-${String(this.screenshotCount).padStart(2, '0')}-${step.replace(/[^a-z0-9-]+/gi, '-')}.png`;
    const file = path.join(screenshotsDir, name);
    // Finished animations: a toast caught mid fade-in is hard to read.
    await this.page.screenshot({ path: file, animations: 'disabled' });
    return file;
  }

  /** Closes the browser. */
  async close(): Promise<void> {
    await this.context.close();
  }

  // Screenshots are numbered per run: last run's files with this prefix would read as this run's.
  private removeOldScreenshots(): void {
    mkdirSync(screenshotsDir, { recursive: true });
    for (const name of readdirSync(screenshotsDir)) {
      if (name.startsWith(`${this.screenshotPrefix}-`) && name.endsWith('.png')) rmSync(path.join(screenshotsDir, name), { force: true });
    }
  }

  // F1 opens the command palette with `>`; other text switches the same widget to Quick Open. The list does not
  // refresh by itself, and right after load it may lack what is awaited (extension contributions, the file index):
  // so reopen it until a row matches.
  private async pickFromQuickInput(text: string, rowText: string): Promise<void> {
    const input = this.page.locator('.quick-input-widget input');
    const row = this.page.locator('.quick-input-list .monaco-list-row', { hasText: rowText }).first();
    await waitFor(
      async () => {
        // A key pressed while the workbench is busy may be lost: an unanswered F1 is simply pressed again.
        if (!(await input.isVisible())) {
          await this.page.keyboard.press('F1');
          await input.waitFor({ state: 'visible', timeout: QUICK_INPUT_ATTEMPT_MS });
        }
        await input.fill(text, { timeout: QUICK_INPUT_ATTEMPT_MS });
        try {
          await row.waitFor({ state: 'visible', timeout: QUICK_INPUT_ATTEMPT_MS });
          return true;
        } catch (error) {
          await this.page.keyboard.press('Escape');
          throw error;
        }
      },
      { timeoutMs: UI_TIMEOUT_MS, intervalMs: 0, description: `a "${rowText}" row in the quick input for "${text}"` },
    );
    await input.press('Enter');
  }
}
