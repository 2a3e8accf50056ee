// Runs test/editor/extension-host/ inside code-server's real extension host, with the repository loaded as the
// extension under development, and reads back the report the tests write.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { buildExtensionHostTests } from '../extension-host/build.mjs';
import { isTestRunReport, RESULTS_FILE_VARIABLE, type TestRunReport } from '../extension-host/test-results';
import { startCodeServer } from './code-server';
import { repoRoot } from './paths';
import { waitFor } from './wait-for';
import { Workbench } from './workbench';
import { copyWorkspace, sampleWorkspaceSource } from './workspace';

/** What one extension-host run produced, with timings. */
export interface ExtensionHostRun {
  report: TestRunReport;
  codeServerStartupMs: number;
  /** From opening the page to the report being written. */
  testRunMs: number;
}

const RUN_TIMEOUT_MS = 90_000;

/** Bundles the extension-host tests, runs them in a fresh code-server and workbench, and returns their report. */
export async function runExtensionHostTests(workspaceSource = sampleWorkspaceSource()): Promise<ExtensionHostRun> {
  const bundles = await buildExtensionHostTests();
  const workspace = copyWorkspace(workspaceSource, 'exthost');
  const resultsFile = `${workspace}-results.json`;
  const server = await startCodeServer({ label: 'exthost', extensionTestDriver: true, env: { [RESULTS_FILE_VARIABLE]: resultsFile } });
  let workbench: Workbench | undefined;
  try {
    const opened = Date.now();
    workbench = await Workbench.open(server, {
      folder: workspace,
      payload: [
        ['extensionDevelopmentPath', server.remoteUri(repoRoot)],
        ['extensionTestsPath', server.remoteUri(bundles.index)],
      ],
      screenshotPrefix: 'extension-host',
      // The window closes as soon as the tests end, which may be before it would count as ready.
      waitUntilReady: false,
    });
    const running = workbench;
    const raw = await waitFor(() => (existsSync(resultsFile) ? readFileSync(resultsFile, 'utf8') : undefined), {
      timeoutMs: RUN_TIMEOUT_MS,
      description: `the extension-host tests to write ${resultsFile}`,
      diagnostics: () => `browser console:\n${running.consoleMessages.slice(-30).join('\n')}\ncode-server:\n${server.logTail()}`,
    }).catch(async (error: unknown) => {
      await running.screenshot('no-report').catch(() => undefined);
      throw error;
    });
    const report: unknown = JSON.parse(raw);
    if (!isTestRunReport(report)) throw new Error(`${resultsFile} is not a test report:\n${raw}`);
    return { report, codeServerStartupMs: server.startupMs, testRunMs: Date.now() - opened };
  } finally {
    await workbench?.close();
    await server.stop();
    if (!process.env.LOADSCOPE_KEEP_EDITOR_DATA) {
      rmSync(workspace, { recursive: true, force: true });
      rmSync(resultsFile, { force: true });
    }
  }
}
