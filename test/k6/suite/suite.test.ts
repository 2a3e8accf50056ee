// `loadscope suite` and baselines as a user runs them: the built dist/loadscope.js, the real k6, the demo target on
// 127.0.0.1, each scenario shortened to 3 seconds.

import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoTarget, type DemoTarget } from '../../../src/demo-target/server';
import { assertCliBuilt, REPO_ROOT, runLoadscope, type CliRun } from '../cli-process';

const quick = (name: string) => path.join(REPO_ROOT, 'scenarios', 'quick', name);

let target: DemoTarget;
let work: string;

beforeAll(async () => {
  assertCliBuilt();
  // Every test logs the same users in again: lift the per-account login throttle the demo otherwise shows.
  target = await startDemoTarget({ port: 0, loginsPerUserPerMinute: 10_000, loginBurstPerUser: 10_000 });
  work = mkdtempSync(path.join(os.tmpdir(), 'loadscope-suite-'));
});

afterAll(async () => {
  await target?.close();
  rmSync(work, { recursive: true, force: true });
});

/** Runs the CLI in the work folder; sends Ctrl+C once stdout matches `interruptWhen`. */
function loadscope(args: string[], interruptWhen?: RegExp): Promise<CliRun> {
  return runLoadscope(args, { cwd: work, env: { TARGET_URL: target.url }, interruptWhen });
}

function writeSuite(name: string, text: string): void {
  writeFileSync(path.join(work, name), text);
}

function newestSuiteFolder(slug: string): string {
  const base = path.join(work, 'reports', 'suites', slug);
  const newest = readdirSync(base).sort().pop();
  if (newest === undefined) throw new Error(`no suite report in ${base}`);
  return path.join(base, newest);
}

interface SuiteJson {
  verdict: string;
  stopped: boolean;
  rows: { scenario: string; verdict: string; requests: number | null; p50: { value: number | null; target?: string; passed?: boolean }; reportFolder?: string }[];
}

function readSuiteJson(folder: string): SuiteJson {
  return JSON.parse(readFileSync(path.join(folder, 'suite.json'), 'utf8'));
}

describe('loadscope suite', () => {
  it('runs two scenarios one after another, each to its own report, and writes the verdict matrix', async () => {
    writeSuite(
      'two.suite.yaml',
      `suite: Two quick\nscenarios:\n  - file: ${quick('deployments.scenario.yaml')}\n    users: 5\n    duration: 3s\n  - file: ${quick('connector-scaling.scenario.yaml')}\n    users: 5\n    duration: 3s\n`,
    );
    const run = await loadscope(['suite', 'two.suite.yaml', '--report-dir', 'reports']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Suite "Two quick": 2 scenarios\n/);
    expect(run.stdout).toMatch(/\[1\/2\] .*deployments\.scenario\.yaml \(3 s planned\)/);
    expect(run.stdout).toMatch(/\[2\/2\] .*connector-scaling\.scenario\.yaml/);
    expect(run.stdout).toMatch(/\nPASS {2}suite Two quick\n/);

    const folder = newestSuiteFolder('two-quick');
    const suite = readSuiteJson(folder);
    expect(suite.verdict).toBe('pass');
    expect(suite.rows.map((row) => [row.scenario, row.verdict])).toEqual([
      ['Concurrent deployments (quick)', 'pass'],
      ['Connector scaling (quick)', 'pass'],
    ]);
    for (const row of suite.rows) {
      expect(row.requests).toBeGreaterThan(0);
      expect(row.p50).toMatchObject({ value: expect.any(Number), target: '< 200ms', passed: true });
      expect(existsSync(path.join(folder, row.reportFolder ?? 'none', 'report.md'))).toBe(true);
    }
    const markdown = readFileSync(path.join(folder, 'suite.md'), 'utf8');
    expect(markdown).toMatch(/^# Suite Two quick: PASS\n\n2 scenarios: 2 passed\./);
    expect(markdown).toContain('| Scenario | Load | Verdict | Key finding | Requests | p50 (target) | p99 (target) | Report |');
    expect(markdown).toMatch(/\| Concurrent deployments \(quick\) \| 5 users[^|]*\| \*\*PASS\*\* \| [^|]+ \| [\d,]+ \| [\d.]+ ms \(\\< 200ms: pass\) \| /);
  });

  it('compares a later run with the pinned baseline: summary.json, report.md, comparison files, CLI line', async () => {
    const scenarioDir = path.join(work, 'reports', 'concurrent-deployments-quick');
    const pinnedRun = readdirSync(scenarioDir).sort()[0] ?? '';
    const pin = await loadscope(['baseline', path.join('reports', 'concurrent-deployments-quick', pinnedRun)]);
    expect(pin.code).toBe(0);
    expect(pin.stdout).toContain('as the baseline of "Concurrent deployments (quick)"');

    const run = await loadscope(['run', quick('deployments.scenario.yaml'), '--users', '5', '--duration', '3s', '--report-dir', 'reports']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/\n {2}Baseline: Nothing worse: \d+ figures unchanged within noise; \d+ not comparable \(comparison\.md\)\n/);
    const newest = readdirSync(scenarioDir).filter((name) => name !== 'baseline.json').sort().pop() ?? '';
    const folder = path.join(scenarioDir, newest);
    const summary = JSON.parse(readFileSync(path.join(folder, 'summary.json'), 'utf8'));
    expect(summary.comparison).toMatchObject({ baseline: pinnedRun, summary: { comparable: true, worse: 0 } });
    expect(readFileSync(path.join(folder, 'report.md'), 'utf8')).toContain('## Compared with the baseline');
    expect(readFileSync(path.join(folder, 'comparison.md'), 'utf8')).toMatch(/^# Comparison: Concurrent deployments \(quick\)\n/);
    expect(JSON.parse(readFileSync(path.join(folder, 'comparison.json'), 'utf8')).a.startedAt).toBeDefined();
  });

  it('stops the running scenario gracefully on Ctrl+C, skips the rest, and exits 3', async () => {
    writeSuite(
      'stopped.suite.yaml',
      `suite: Stopped\nscenarios:\n  - file: ${quick('deployments.scenario.yaml')}\n    users: 3\n    duration: 30s\n  - ${quick('burst.scenario.yaml')}\n`,
    );
    const run = await loadscope(['suite', 'stopped.suite.yaml', '--report-dir', 'reports'], /users [1-9]/);
    expect(run.code).toBe(3);
    expect(run.stdout).toContain('Stopping the current scenario gracefully and skipping the rest.');
    const suite = readSuiteJson(newestSuiteFolder('stopped'));
    expect(suite).toMatchObject({ verdict: 'stopped', stopped: true });
    expect(suite.rows.map((row) => row.verdict)).toEqual(['stopped', 'skipped']);
    expect(existsSync(path.join(newestSuiteFolder('stopped'), suite.rows[0]?.reportFolder ?? 'none', 'summary.json'))).toBe(true);
  });
});
