// The extension's own tests, run inside the real VS Code extension host that code-server provides.
import { describe, expect, it } from 'vitest';
import { runExtensionHostTests } from './harness/extension-host-tests';

describe('extension host', () => {
  it('runs every extension-host test and all pass', async () => {
    const run = await runExtensionHostTests();
    const failures = run.report.outcomes.filter((outcome) => !outcome.passed).map((outcome) => `${outcome.name}\n${outcome.error ?? ''}`);
    expect(failures, failures.join('\n\n')).toEqual([]);
    expect(run.report.outcomes.length).toBeGreaterThan(0);
    console.log(`extension host: VS Code ${run.report.vscodeVersion}, ${run.report.outcomes.length} tests, code-server up in ${run.codeServerStartupMs} ms, tests done ${run.testRunMs} ms after opening the page`);
  });
});
