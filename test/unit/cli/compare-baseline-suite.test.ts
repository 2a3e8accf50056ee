// `loadscope compare`, `baseline` and `suite` through main(), with buffers for the terminal. No k6 here: the suite
// tests use a k6 path that does not exist, which still takes every scenario through runLoadTest to its reports.

import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CliIo } from '../../../src/cli/command';
import { ExitCode } from '../../../src/cli/exit-codes';
import { main } from '../../../src/cli/main';
import { renderSummaryJson } from '../../../src/core/report/summary-json';
import type { RunResult } from '../../../src/core/results';
import { syntheticRun } from '../compare/synthetic-runs';
import { k6MissingRun } from '../report/fixtures';

const root = path.resolve(__dirname, '..', '..', '..');
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'loadscope-cli-compare-'));
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function bufferIo(options: { stopped?: boolean } = {}): CliIo & { stdout: () => string; stderr: () => string } {
  let out = '';
  let err = '';
  const stop = new AbortController();
  if (options.stopped) stop.abort();
  return {
    out: (t) => (out += t),
    err: (t) => (err += t),
    interactive: false,
    env: {},
    cwd: dir,
    stop: stop.signal,
    hardStop: new AbortController().signal,
    stdout: () => out,
    stderr: () => err,
  };
}

function runFolder(result: RunResult, time: string): string {
  const folder = path.join(dir, 'reports', 'synthetic-deployments', time);
  mkdirSync(folder, { recursive: true });
  writeFileSync(path.join(folder, 'summary.json'), renderSummaryJson(result));
  return folder;
}

describe('loadscope compare', () => {
  it('prints Markdown and exits 0 when nothing is worse', async () => {
    runFolder(syntheticRun({ seed: 1 }), 'a');
    runFolder(syntheticRun({ seed: 2 }), 'b');
    const io = bufferIo();
    expect(await main(['compare', 'reports/synthetic-deployments/a', 'reports/synthetic-deployments/b/summary.json'], io)).toBe(ExitCode.pass);
    expect(io.stdout()).toMatch(/^# Comparison: Synthetic deployments\n\n\*\*Nothing worse: 25 figures unchanged within noise\*\*/);
    expect(io.stdout()).toContain('| A | reports/synthetic-deployments/a |');
    expect(io.stderr()).toBe('');
  });

  it('exits 1 when a figure is worse; prints JSON with --json, or writes --out and prints the summary', async () => {
    runFolder(syntheticRun({ seed: 1 }), 'a');
    runFolder(syntheticRun({ seed: 2, latencyFactor: 1.4 }), 'b');
    const json = bufferIo();
    expect(await main(['compare', 'reports/synthetic-deployments/a', 'reports/synthetic-deployments/b', '--json'], json)).toBe(ExitCode.targetsFailed);
    const parsed = JSON.parse(json.stdout());
    expect(parsed.summary.worse).toBeGreaterThan(0);
    expect(parsed.overall.map((f: { figure: string }) => f.figure)).toEqual(['p50', 'p95', 'p99', 'errorRate', 'rps']);

    const out = bufferIo();
    expect(await main(['compare', 'reports/synthetic-deployments/a', 'reports/synthetic-deployments/b', '--out', 'pr-comment.md'], out)).toBe(ExitCode.targetsFailed);
    expect(out.stdout()).toMatch(/^\d+ figures worse: .+\nWrote pr-comment\.md\n$/);
    expect(readFileSync(path.join(dir, 'pr-comment.md'), 'utf8')).toMatch(/^# Comparison: /);

    const lenient = bufferIo();
    expect(await main(['compare', 'reports/synthetic-deployments/a', 'reports/synthetic-deployments/b', '--min-change', '60%'], lenient)).toBe(ExitCode.pass);
  });

  it('exits 2 for unreadable input, a run without data, or a wrong command line', async () => {
    runFolder(syntheticRun({ seed: 1 }), 'a');
    runFolder({ ...k6MissingRun(), scenario: 'Synthetic deployments' }, 'missing');
    const unreadable = bufferIo();
    expect(await main(['compare', 'reports/synthetic-deployments/a', 'nowhere'], unreadable)).toBe(ExitCode.invalidInput);
    expect(unreadable.stderr()).toBe(`loadscope compare: nowhere: No such file or folder: ${path.join(dir, 'nowhere')}.\n`);
    const noData = bufferIo();
    expect(await main(['compare', 'reports/synthetic-deployments/a', 'reports/synthetic-deployments/missing'], noData)).toBe(ExitCode.invalidInput);
    expect(noData.stderr()).toContain('Not comparable: run B has no data');
    const usage = bufferIo();
    expect(await main(['compare', 'only-one'], usage)).toBe(ExitCode.invalidInput);
    expect(usage.stderr()).toContain('give two runs');
    expect(await main(['compare', 'a', 'b', '--min-change', 'lots'], bufferIo())).toBe(ExitCode.invalidInput);
  });
});

describe('loadscope baseline', () => {
  it('pins a run folder and says where', async () => {
    runFolder(syntheticRun({ seed: 1 }), '2026-01-22T10-00-00Z');
    const io = bufferIo();
    expect(await main(['baseline', 'reports/synthetic-deployments/2026-01-22T10-00-00Z'], io)).toBe(ExitCode.pass);
    expect(io.stdout()).toBe(
      'Pinned reports/synthetic-deployments/2026-01-22T10-00-00Z as the baseline of "Synthetic deployments" (reports/synthetic-deployments/baseline.json).\n' +
        'Later runs of this scenario into reports are compared with it.\n',
    );
    expect(JSON.parse(readFileSync(path.join(dir, 'reports', 'synthetic-deployments', 'baseline.json'), 'utf8')).runFolder).toBe('2026-01-22T10-00-00Z');
  });

  it('exits 2 for a folder that holds no run', async () => {
    const io = bufferIo();
    expect(await main(['baseline', 'reports'], io)).toBe(ExitCode.invalidInput);
    expect(io.stderr()).toMatch(/^loadscope baseline: No such file or folder/);
  });
});

describe('loadscope suite', () => {
  function writeSuite(text: string): string {
    const file = path.join(dir, 'smoke.suite.yaml');
    writeFileSync(file, text);
    return file;
  }

  const quick = (name: string) => path.join(root, 'scenarios', 'quick', name).split(path.sep).join('/');

  it('shows the suite file problems at their place and runs nothing', async () => {
    writeSuite('suite: Smoke\nscenarios:\n  - file: nowhere.scenario.yaml\n');
    const io = bufferIo();
    expect(await main(['suite', 'smoke.suite.yaml', '--report-dir', 'reports'], io)).toBe(ExitCode.invalidInput);
    expect(io.stderr()).toMatch(/^smoke\.suite\.yaml:3:11: error: No scenario file 'nowhere\.scenario\.yaml'/);
    expect(existsSync(path.join(dir, 'reports'))).toBe(false);
  });

  it('validates every scenario before running the first', async () => {
    writeFileSync(path.join(dir, 'broken.scenario.yaml'), 'scenario: Broken\ntarget: http://127.0.0.1:9\nload: { users: 1, duration: 1s }\nrequests:\n  - { GETT: / }\n');
    writeSuite(`suite: Smoke\nscenarios:\n  - ${quick('deployments.scenario.yaml')}\n  - broken.scenario.yaml\n`);
    const io = bufferIo();
    expect(await main(['suite', 'smoke.suite.yaml', '--report-dir', 'reports'], io)).toBe(ExitCode.invalidInput);
    expect(io.stderr()).toMatch(/^broken\.scenario\.yaml:5:\d+: error: /m);
    expect(io.stderr()).toContain('fix the scenarios above; nothing was run.');
    expect(existsSync(path.join(dir, 'reports'))).toBe(false);
  });

  it('runs each scenario to its own report and writes the suite report, exiting with the worst code', async () => {
    writeSuite(`suite: Smoke\nscenarios:\n  - ${quick('deployments.scenario.yaml')}\n  - file: ${quick('cab-approvals.scenario.yaml')}\n    users: 2\n    duration: 2s\n`);
    const io = bufferIo();
    expect(await main(['suite', 'smoke.suite.yaml', '--report-dir', 'reports', '--k6', 'no-such-k6'], io)).toBe(ExitCode.k6Failed);
    expect(io.stdout()).toMatch(/^Suite "Smoke": 2 scenarios\n/);
    expect(io.stdout()).toContain('[2/2] ');
    const suites = path.join(dir, 'reports', 'suites', 'smoke');
    const [time] = readdirSync(suites);
    const suiteJson = JSON.parse(readFileSync(path.join(suites, time ?? '', 'suite.json'), 'utf8'));
    expect(suiteJson).toMatchObject({ schemaVersion: 1, suite: 'Smoke', suiteFile: 'smoke.suite.yaml', verdict: 'error', stopped: false });
    expect(suiteJson.rows.map((r: { scenario: string; verdict: string }) => [r.scenario, r.verdict])).toEqual([
      ['Concurrent deployments (quick)', 'error'],
      ['CAB approvals (quick)', 'error'],
    ]);
    expect(suiteJson.rows[1].overrides).toEqual({ users: 2, durationSeconds: 2 });
    const markdown = readFileSync(path.join(suites, time ?? '', 'suite.md'), 'utf8');
    expect(markdown).toMatch(/^# Suite Smoke: ERROR\n/);
    expect(markdown).toMatch(/^2 scenarios: 2 in error\. /m);
    expect(markdown).toMatch(/^\| Concurrent deployments \(quick\) \| 30 users, [^|]+ \| \*\*ERROR\*\* \| The run did not take place: no usable k6\. \| 0 \| /m);
    for (const row of suiteJson.rows) expect(existsSync(path.join(suites, time ?? '', row.reportFolder, 'summary.json'))).toBe(true);
    expect(io.stdout()).toContain(`Suite report: reports/suites/smoke/${time}/suite.md`);
  });

  it('skips every scenario once stopped, and exits 3', async () => {
    writeSuite(`suite: Smoke\nscenarios:\n  - ${quick('deployments.scenario.yaml')}\n`);
    const io = bufferIo({ stopped: true });
    expect(await main(['suite', 'smoke.suite.yaml', '--report-dir', 'reports'], io)).toBe(ExitCode.stopped);
    expect(io.stdout()).toContain('skipped');
    const suites = path.join(dir, 'reports', 'suites', 'smoke');
    const [time] = readdirSync(suites);
    expect(JSON.parse(readFileSync(path.join(suites, time ?? '', 'suite.json'), 'utf8'))).toMatchObject({ verdict: 'stopped', stopped: true, rows: [{ verdict: 'skipped' }] });
  });
});
