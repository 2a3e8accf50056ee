// The command line as a user runs it: the built dist/loadscope.js, the real k6, the demo target on 127.0.0.1.

import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoTarget, type DemoTarget } from '../../../src/demo-target/server';
import { assertCliBuilt, REPO_ROOT, runLoadscope, type CliRun } from '../cli-process';

const root = REPO_ROOT;
const quick = path.join(root, 'scenarios', 'quick', 'deployments.scenario.yaml');
// quick/deployments monitors the demo target, so its folder holds monitors.csv too.
const REPORT_FILES = ['exceptions.csv', 'failures.csv', 'junit.xml', 'monitors.csv', 'report.html', 'report.md', 'stats.csv', 'stats_history.csv', 'summary.json'];

let target: DemoTarget;
let reports: string;

beforeAll(async () => {
  assertCliBuilt();
  // Every test logs the same users in again: lift the per-account login throttle the demo otherwise shows.
  target = await startDemoTarget({ port: 0, loginsPerUserPerMinute: 10_000, loginBurstPerUser: 10_000 });
  reports = mkdtempSync(path.join(os.tmpdir(), 'loadscope-cli-reports-'));
});

afterAll(async () => {
  await target?.close();
  rmSync(reports, { recursive: true, force: true });
});

/** Runs the CLI from the repository root against the test's demo target. */
function loadscope(args: string[], options: { env?: Record<string, string>; interruptWhen?: RegExp } = {}): Promise<CliRun> {
  return runLoadscope(args, { cwd: root, env: { TARGET_URL: target.url, ...options.env }, interruptWhen: options.interruptWhen });
}

function runFolders(): string[] {
  const base = path.join(reports, 'concurrent-deployments-quick');
  return existsSync(base) ? readdirSync(base).map((name) => path.join(base, name)) : [];
}

function summaryOf(folder: string): { verdict: string; outcome: string; outcomeMessage: string; totals: { requests: number }; scenarioFile: string } {
  return JSON.parse(readFileSync(path.join(folder, 'summary.json'), 'utf8'));
}

describe('loadscope run', () => {
  it('runs a scenario to PASS, writes every report file, and never reuses a folder', async () => {
    const args = ['run', quick, '--users', '5', '--duration', '3s', '--report-dir', reports];
    const first = await loadscope(args);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/PASS {2}Concurrent deployments \(quick\)/);
    expect(first.stdout).toMatch(/pass {2}median < 200ms: [\d.]+ ms median against < 200ms: [\d.]+x better/);
    const [folder] = runFolders();
    expect(folder).toBeDefined();
    expect(readdirSync(folder ?? '').sort()).toEqual(REPORT_FILES);
    const summary = summaryOf(folder ?? '');
    expect(summary.verdict).toBe('pass');
    expect(summary.totals.requests).toBeGreaterThan(0);
    expect(summary.scenarioFile).toBe('scenarios/quick/deployments.scenario.yaml');
    const before = readFileSync(path.join(folder ?? '', 'summary.json'), 'utf8');

    const second = await loadscope(args);
    expect(second.code).toBe(0);
    expect(runFolders()).toHaveLength(2);
    expect(readFileSync(path.join(folder ?? '', 'summary.json'), 'utf8')).toBe(before);
  });

  it('stops gracefully on Ctrl+C, still writes the reports, marked as stopped, and exits 3', async () => {
    const before = new Set(runFolders());
    const run = await loadscope(['run', quick, '--users', '5', '--duration', '60s', '--report-dir', reports], { interruptWhen: /users [1-9]/ });
    expect(run.code).toBe(3);
    expect(run.stdout).toContain('Stopping gracefully');
    const folder = runFolders().find((f) => !before.has(f));
    expect(folder).toBeDefined();
    const summary = summaryOf(folder ?? '');
    expect(summary.verdict).toBe('stopped');
    expect(readFileSync(path.join(folder ?? '', 'report.md'), 'utf8')).toContain('STOPPED');
  });

  it('leaves a report marked as an error when k6 is missing, and exits 4', async () => {
    const before = new Set(runFolders());
    const run = await loadscope(['run', quick, '--k6', path.join(reports, 'no-such-k6'), '--report-dir', reports]);
    expect(run.code).toBe(4);
    expect(run.stdout).toMatch(/ERROR {2}Concurrent deployments/);
    const folder = runFolders().find((f) => !before.has(f));
    const summary = summaryOf(folder ?? '');
    expect(summary.verdict).toBe('error');
    expect(summary.outcome).toBe('k6-missing');
    expect(summary.outcomeMessage).toMatch(/--k6/);
  });

  it('says clearly when the target refuses connections', async () => {
    const closed = await startDemoTarget({ port: 0 });
    const url = closed.url;
    await closed.close();
    const run = await loadscope(['run', quick, '--users', '2', '--duration', '2s', '--report-dir', reports], { env: { TARGET_URL: url } });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/connection refused/);
  });

  it('rejects an invalid scenario with file:line:column and writes nothing', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'loadscope-cli-bad-'));
    const before = runFolders().length;
    const file = path.join(dir, 'broken.scenario.yaml');
    await import('node:fs').then((fs) => fs.writeFileSync(file, 'scenario: broken\ntarget: http://127.0.0.1:1\nload: { users: 2, duration: 2s }\nrequests:\n  - { name: a, GRT: / }\n'));
    const run = await loadscope(['run', file, '--report-dir', reports]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/broken\.scenario\.yaml:5:\d+: error: /);
    expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(runFolders()).toHaveLength(before);
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('loadscope compile', () => {
  it('writes a test that plain k6 runs', async () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'loadscope-eject-'));
    const run = await loadscope(['compile', quick, '-o', out, '--users', '2', '--duration', '2s']);
    expect(run.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['README.txt', 'plan.json', 'script.js']);
    const k6 = process.env.LOADSCOPE_K6 ?? path.join(root, '.tools', 'bin', 'k6');
    const plain = await new Promise<number | null>((resolve) => {
      const child = spawn(k6, ['run', '--quiet', path.join(out, 'script.js')], {
        env: { ...process.env, TARGET_URL: target.url, K6_NO_USAGE_REPORT: 'true', K6_AUTO_EXTENSION_RESOLUTION: 'false' },
        stdio: 'ignore',
      });
      child.on('close', resolve);
    });
    expect(plain).toBe(0);
    rmSync(out, { recursive: true, force: true });
  });
});
