// Entry point loaded by VS Code as `extensionTestsPath` (code-server's smoke-test driver or @vscode/test-electron).
// VS Code calls run() once; a rejected promise marks the run failed.
import { renameSync, writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { allTests } from './all-tests';
import { runTests } from './run-tests';
import { RESULTS_FILE_VARIABLE, type TestRunReport } from './test-results';

/** Runs every extension-host test, writes the report where RESULTS_FILE_VARIABLE says, logs each outcome, and rejects on any failure. */
export async function run(): Promise<void> {
  // Failure stacks then point at the .ts sources (the bundle carries an inline source map).
  process.setSourceMapsEnabled(true);
  const outcomes = await runTests(allTests);
  const report: TestRunReport = { vscodeVersion: vscode.version, outcomes };
  const resultsFile = process.env[RESULTS_FILE_VARIABLE];
  // A file, not the console: forwarding the extension host's console to the browser is best effort, cut at exit.
  // Written aside then renamed, so the harness, which polls for the file, never reads half of it.
  if (resultsFile) {
    writeFileSync(`${resultsFile}.partial`, JSON.stringify(report, null, 2));
    renameSync(`${resultsFile}.partial`, resultsFile);
  }
  for (const outcome of outcomes) console.log(`${outcome.passed ? 'ok  ' : 'FAIL'} ${outcome.name}${outcome.error ? `\n${outcome.error}` : ''}`);
  const failed = outcomes.filter((outcome) => !outcome.passed).length;
  if (failed > 0) throw new Error(`${failed} of ${outcomes.length} extension-host tests failed`);
}
