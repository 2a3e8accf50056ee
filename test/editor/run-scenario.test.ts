// End to end in the browser: the packaged extension in code-server runs scenarios/quick/deployments.scenario.yaml
// with the real k6 against the demo target started here. Click the Run Scenario CodeLens, watch the panel draw
// (the demo target's server metrics too), read the verdict, find the report folder, then stop a second run midway.
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import type { FrameLocator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoTarget, type DemoTarget } from '../../src/demo-target/server';
import { startCodeServer, type CodeServer } from './harness/code-server';
import { screenshotFailures } from './harness/failure-screenshots';
import { projectK6, repoRoot } from './harness/paths';
import { packageExtension } from './harness/vsix';
import { waitFor } from './harness/wait-for';
import { Workbench } from './harness/workbench';
import { copyWorkspace } from './harness/workspace';

const SCENARIO = path.join('quick', 'deployments.scenario.yaml');
// quick/deployments runs 15 s: the whole file stays near 20 s of k6 (one full run, one stopped after a few seconds).
const RUN_TIMEOUT_MS = 60_000;

/** The tiles as label → value. */
async function tiles(frame: FrameLocator): Promise<Map<string, string>> {
  const texts = await frame.locator('.tiles .tile').allInnerTexts();
  return new Map(texts.map((text) => text.split('\n').map((part) => part.trim())).map(([label = '', value = '']) => [label, value]));
}

function count(text: string | undefined): number {
  return Number((text ?? '').replace(/[^\d.]/g, '')) || 0;
}

/**
 * Pixels of a chart's plot area drawn in saturated colour: its series lines, not the grey axes and grid of an empty
 * chart. The legend (coloured boxes, at the top) is left out.
 */
function colouredPixels(frame: FrameLocator, chart: string): Promise<number> {
  return frame.locator(`figure[data-chart="${chart}"] canvas`).evaluate((canvas: HTMLCanvasElement) => {
    const context = canvas.getContext('2d');
    if (context === null || canvas.width === 0 || canvas.height === 0) return 0;
    const top = Math.round(canvas.height * 0.25);
    const { data } = context.getImageData(0, top, canvas.width, Math.round(canvas.height * 0.65));
    let coloured = 0;
    for (let i = 0; i < data.length; i += 4) {
      const [r = 0, g = 0, b = 0, a = 0] = [data[i], data[i + 1], data[i + 2], data[i + 3]];
      if (a > 128 && Math.max(r, g, b) - Math.min(r, g, b) > 80) coloured++;
    }
    return coloured;
  });
}

/** Run folders of the scenario in the workspace, oldest first. */
function runFolders(workspace: string): string[] {
  const base = path.join(workspace, 'load-reports', 'concurrent-deployments-quick');
  try {
    return readdirSync(base).sort().map((name) => path.join(base, name));
  } catch {
    return [];
  }
}

/** Opens a file by its workspace-relative path through Quick Open (file names repeat across folders here). */
async function openByPath(workbench: Workbench, relative: string): Promise<void> {
  const page = workbench.page;
  const name = path.basename(relative);
  const input = page.locator('.quick-input-widget input');
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: name }).filter({ hasText: path.dirname(relative) }).first();
  await waitFor(
    async () => {
      if (!(await input.isVisible())) await page.keyboard.press('Control+P');
      await input.fill(relative.split(path.sep).join('/'), { timeout: 3_000 });
      await row.waitFor({ state: 'visible', timeout: 3_000 });
      return true;
    },
    { timeoutMs: 30_000, intervalMs: 0, description: `Quick Open to list ${relative}` },
  );
  await row.click();
  await page.locator('.tab.active', { hasText: name }).waitFor({ state: 'visible' });
}

/** Milliseconds between VS Code activating the extension and the extension saying it is ready, from their logs. */
function activationMs(logsDir: string): number | undefined {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const full = path.join(dir, entry);
      if (statSync(full).isDirectory()) walk(full);
      else if (entry.endsWith('.log')) files.push(full);
    }
  };
  walk(logsDir);
  const stamp = (pattern: RegExp): number | undefined => {
    for (const file of files) {
      for (const line of readFileSync(file, 'utf8').split('\n')) {
        const match = /^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3})/.exec(line);
        if (match?.[1] && pattern.test(line)) return Date.parse(match[1].replace(' ', 'T'));
      }
    }
    return undefined;
  };
  const start = stamp(/_doActivateExtension loadscope\.loadscope/);
  const ready = stamp(/Loadscope activated/);
  return start === undefined || ready === undefined ? undefined : ready - start;
}

describe('Run Scenario in the workbench', () => {
  let demo: DemoTarget | undefined;
  let workspace = '';
  let server: CodeServer | undefined;
  let workbench: Workbench | undefined;
  const figures: string[] = [];
  screenshotFailures(() => workbench);

  beforeAll(async () => {
    // Both runs log the same users in again: lift the per-account login throttle the demo otherwise shows.
    demo = await startDemoTarget({ port: 0, loginsPerUserPerMinute: 10_000, loginBurstPerUser: 10_000 });
    const vsix = packageExtension();
    figures.push(`.vsix ${(statSync(vsix).size / 1024).toFixed(0)} KiB`);
    workspace = copyWorkspace(path.join(repoRoot, 'scenarios'), 'run-scenario');
    server = await startCodeServer({
      label: 'run-scenario',
      vsixFiles: [vsix],
      env: { TARGET_URL: demo.url, K6_NO_USAGE_REPORT: 'true', K6_AUTO_EXTENSION_RESOLUTION: 'false' },
      machineSettings: { 'loadscope.k6Path': projectK6 },
    });
    workbench = await Workbench.open(server, { folder: workspace, screenshotPrefix: 'run-scenario' });
  });

  afterAll(async () => {
    if (figures.length > 0) console.log(`run-scenario figures: ${figures.join(', ')}`);
    await workbench?.close();
    await server?.stop();
    await demo?.close();
    if (workspace && !process.env.LOADSCOPE_KEEP_EDITOR_DATA) rmSync(workspace, { recursive: true, force: true });
  });

  it('opens quick/deployments.scenario.yaml and shows the Run Scenario CodeLens', async () => {
    await openByPath(workbench!, SCENARIO);
    await workbench!.waitForCodeLens('Run Scenario');
    await workbench!.waitForCodeLens('Validate');
    // The editor title's play button runs it too.
    await workbench!.page.locator('.editor-actions [aria-label*="Run Scenario"]').first().waitFor({ state: 'visible' });
    await workbench!.screenshot('codelens');
    const activation = activationMs(path.join(server!.dataDir, 'user', 'logs'));
    if (activation !== undefined) figures.push(`activation ${activation} ms`);
  });

  it('runs it from the CodeLens: the panel draws live data from k6', async () => {
    const page = workbench!.page;
    const clicked = Date.now();
    await workbench!.clickCodeLens('Run Scenario');
    const frame = workbench!.webviewFrame();
    await frame.locator('figure[data-chart="throughput"] canvas').waitFor({ state: 'visible', timeout: RUN_TIMEOUT_MS });
    figures.push(`Run Scenario click to panel ${Date.now() - clicked} ms`);
    const emptyChart = await colouredPixels(frame, 'throughput');
    // The first second's point comes with its figures: the Elapsed tile leaves 0:00 with it.
    await waitFor(async () => ((await tiles(frame)).get('Elapsed') !== '0:00' ? true : undefined), { timeoutMs: RUN_TIMEOUT_MS, intervalMs: 50, description: 'the first point' });
    figures.push(`Run Scenario click to first chart point ${Date.now() - clicked} ms`);
    // A line needs two points.
    await waitFor(async () => ((await colouredPixels(frame, 'throughput')) > emptyChart + 50 ? true : undefined), {
      timeoutMs: RUN_TIMEOUT_MS,
      intervalMs: 100,
      description: 'the requests/s chart to draw its line',
    });
    figures.push(`Run Scenario click to a drawn line ${Date.now() - clicked} ms`);
    await waitFor(async () => (count((await tiles(frame)).get('Requests')) > 0 ? true : undefined), { timeoutMs: RUN_TIMEOUT_MS, description: 'the Requests tile to count' });
    await page.locator('.statusbar-item', { hasText: /users · .* req\/s/ }).first().waitFor({ state: 'visible' });
    await workbench!.screenshot('panel-live');
    const shown = await tiles(frame);
    expect(count(shown.get('Users'))).toBeGreaterThan(0);
    expect(await colouredPixels(frame, 'latency')).toBeGreaterThan(50);
    await frame.locator('figure[data-chart="throughput"]').scrollIntoViewIfNeeded();
    await workbench!.screenshot('panel-live-charts');
  });

  it("charts the demo target's server metrics under latency, and keeps the findings section up to date", async () => {
    const frame = workbench!.webviewFrame();
    // quick/deployments monitors the demo target's /metrics: its pool against its capacity, CPU and memory.
    const levels = frame.locator('figure[data-chart="server-count"] canvas');
    await levels.waitFor({ state: 'visible', timeout: RUN_TIMEOUT_MS });
    await waitFor(async () => ((await colouredPixels(frame, 'server-count')) > 50 ? true : undefined), {
      timeoutMs: RUN_TIMEOUT_MS,
      intervalMs: 200,
      description: 'the server metrics chart to draw its lines',
    });
    const charts = await frame.locator('.server-metrics figure[data-chart]').evaluateAll((figures) => figures.map((figure) => figure.getAttribute('data-chart')));
    expect(charts).toEqual(expect.arrayContaining(['server-count', 'server-cpu-percent', 'server-bytes']));
    await expect.poll(() => levels.getAttribute('aria-label'), { timeout: RUN_TIMEOUT_MS }).toMatch(/^Levels \(count\)\. Last: demo target: database pool in use [\d.,]+ of 20/);
    await expect.poll(() => frame.locator('.findings').isVisible(), { timeout: RUN_TIMEOUT_MS }).toBe(true);
    // A few more seconds make a picture worth keeping; the next test waits for the end of the run anyway.
    await waitFor(async () => (count((await tiles(frame)).get('Elapsed')) >= 8 ? true : undefined), { timeoutMs: RUN_TIMEOUT_MS, intervalMs: 200, description: '8 seconds of the run' });
    // The pool against its capacity in the middle of the panel, under the run's sticky header.
    await levels.evaluate((canvas) => canvas.scrollIntoView({ block: 'center' }));
    await workbench!.screenshot('panel-server-metrics');
  });

  it('shows the verdict in the panel and in a notification, and writes the report folder into the workspace', async () => {
    const frame = workbench!.webviewFrame();
    const verdict = await frame.locator('.state-banner .verdict').textContent({ timeout: RUN_TIMEOUT_MS });
    expect(verdict).toMatch(/^PASS/);
    const notice = await workbench!.waitForNotification(/Loadscope: PASS/);
    expect(notice).toContain('Concurrent deployments (quick)');
    await workbench!.screenshot('verdict');
    const folders = runFolders(workspace);
    expect(folders).toHaveLength(1);
    expect(readFileSync(path.join(folders[0]!, 'report.md'), 'utf8')).toMatch(/PASS/);
    await waitFor(async () => ((await workbench!.explorerItems()).includes('load-reports') ? true : undefined), { timeoutMs: 15_000, description: 'load-reports in the explorer' });
    await workbench!.waitForCodeLens('Open Report');
    await workbench!.waitForCodeLens('Run Scenario');
    await workbench!.screenshot('report-folder');
  });

  it('stops a second run midway; its report says STOPPED', async () => {
    const clicked = Date.now();
    await workbench!.clickCodeLens('Run Scenario');
    const frame = workbench!.webviewFrame();
    // The first run's panel shows PASS until the second one's takes its place.
    await frame.locator('.state-badge', { hasText: 'running' }).waitFor({ state: 'visible', timeout: RUN_TIMEOUT_MS });
    await waitFor(async () => ((await tiles(frame)).get('Elapsed') !== '0:00' ? true : undefined), { timeoutMs: RUN_TIMEOUT_MS, intervalMs: 50, description: 'the first point' });
    figures.push(`second run: click to first chart point ${Date.now() - clicked} ms`);
    await waitFor(async () => (count((await tiles(frame)).get('Requests')) > 0 ? true : undefined), { timeoutMs: RUN_TIMEOUT_MS, description: 'the second run to count requests' });
    await workbench!.waitForCodeLens('Stop Run');
    await workbench!.screenshot('second-run');
    await workbench!.runCommand('Loadscope: Stop');
    const verdict = await frame.locator('.state-banner .verdict').textContent({ timeout: RUN_TIMEOUT_MS });
    expect(verdict).toMatch(/^STOPPED/);
    await workbench!.waitForNotification(/Loadscope: STOPPED/);
    await workbench!.waitForCodeLens('Run Scenario');
    await workbench!.screenshot('stopped');
    const folders = runFolders(workspace);
    expect(folders).toHaveLength(2);
    const report = readFileSync(path.join(folders[1]!, 'report.md'), 'utf8');
    expect(report).toMatch(/STOPPED/);
  });
});
