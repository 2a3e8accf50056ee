import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { suiteExitCode } from '../../../src/cli/commands/suite';
import type { LoadTestOutcome } from '../../../src/core/load-test';
import type { ReportFiles } from '../../../src/core/report/report-files';
import type { RunResult } from '../../../src/core/results';
import { loadScenarioFile } from '../../../src/core/scenario-file';
import { renderSuiteMarkdown, renderVerdictMatrix } from '../../../src/core/suite/suite-markdown';
import type { SuiteEntry } from '../../../src/core/suite/suite-model';
import type { SuiteResult } from '../../../src/core/suite/suite-result';
import { suiteRow, suiteVerdict } from '../../../src/core/suite/suite-row';
import { burstRun, hostileRun, k6MissingRun, passingRun, stoppedRun } from '../report/fixtures';

const root = path.resolve(__dirname, '..', '..', '..');
const reports = path.resolve('/reports');
const suiteFolder = path.join(reports, 'suites', 'phase-report', '2026-01-22T10-00-00Z');

function entry(written: string, extra: Partial<SuiteEntry> = {}): SuiteEntry {
  return { file: path.join(root, 'scenarios', written), written, overrides: {}, range: { line: 1, column: 1, endLine: 1, endColumn: 1 }, ...extra };
}

function finished(result: RunResult, folder: string): { kind: 'ran'; outcome: LoadTestOutcome } {
  const scenario = loadScenarioFile(path.join(root, 'scenarios', 'quick', 'deployments.scenario.yaml'), { env: {} }).scenario;
  if (scenario === undefined) throw new Error('the quick scenario should load');
  const files: ReportFiles = { folder, markdown: '', html: '', summaryJson: '', stats: '', statsHistory: '', failures: '', exceptions: '', junit: '' };
  return { kind: 'ran', outcome: { kind: 'finished', diagnostics: [], scenario, result, folder, files } };
}

// The key finding falls back to the verdict's sentence when a run has no findings (as before findings existed).
function withoutFindings(result: RunResult): RunResult {
  return { ...result, findings: [] };
}

function phaseRows() {
  return [
    suiteRow(entry('deployments.scenario.yaml'), finished(withoutFindings(passingRun()), path.join(reports, 'concurrent-deployments', '2026-01-22T10-00-01Z')), suiteFolder),
    suiteRow(entry('cab-approvals.scenario.yaml', { overrides: { users: 10, durationSeconds: 60 } }), finished(withoutFindings(stoppedRun()), path.join(reports, 'cab-approvals', '2026-01-22T10-05-00Z')), suiteFolder),
    suiteRow(entry('burst.scenario.yaml', { environment: 'staging' }), finished(withoutFindings(burstRun()), path.join(reports, 'burst-load', '2026-01-22T10-07-00Z')), suiteFolder),
    suiteRow(entry('connector-scaling.scenario.yaml'), { kind: 'skipped' }, suiteFolder),
  ];
}

describe('suite rows', () => {
  it('takes load, verdict, requests, and p50 / p99 with their targets from each run', () => {
    const [deployments, cab, burst, skipped] = phaseRows();
    expect(deployments).toMatchObject({
      scenario: 'Concurrent deployments',
      verdict: 'pass',
      load: '100 users, ramp 10/s, 5m',
      keyFinding: 'All 5 targets met.',
      requests: 68_902,
      p50: { value: 5, target: '< 200ms', passed: true },
      p99: { value: 34, target: '< 500ms', passed: true },
      reportFolder: '../../../concurrent-deployments/2026-01-22T10-00-01Z',
    });
    expect(cab).toMatchObject({ verdict: 'stopped', overrides: { users: 10, durationSeconds: 60 } });
    expect(burst).toMatchObject({ verdict: 'fail', environment: 'staging', load: 'burst: 1000 users, ramp 100/s, 4m; readers: 20/s for 4m, up to 50 users', p99: { value: 27_000, passed: false } });
    expect(burst?.keyFinding).toMatch(/^4 of 5 targets missed: median < 1000ms \(19,000 ms\)/);
    expect(skipped).toMatchObject({ verdict: 'skipped', scenario: 'connector-scaling.scenario.yaml', requests: null, keyFinding: 'Not run: the suite was stopped before it.' });
  });

  it('uses the first finding as the key finding when the run has findings', () => {
    const run = burstRun();
    const first = run.findings[0];
    expect(first).toBeDefined();
    expect(suiteRow(entry('burst.scenario.yaml'), finished(run, path.join(reports, 'b', 't')), suiteFolder).keyFinding).toBe(first?.message);
  });

  it('says why a scenario did not run: invalid (with the place), k6 missing, or a failure', () => {
    const invalid = suiteRow(entry('bad.scenario.yaml'), { kind: 'ran', outcome: { kind: 'invalid', diagnostics: [{ file: '/x/bad.scenario.yaml', line: 3, column: 5, endLine: 3, endColumn: 9, severity: 'error', code: 'unknown-key', message: "Unknown key 'usrs'." }] } }, suiteFolder);
    expect(invalid).toMatchObject({ verdict: 'invalid', keyFinding: "bad.scenario.yaml:3:5: error: Unknown key 'usrs'." });
    const missing = suiteRow(entry('deployments.scenario.yaml'), finished(k6MissingRun(), path.join(reports, 'x', 'y')), suiteFolder);
    expect(missing).toMatchObject({ verdict: 'error', requests: 0, p50: { value: null, target: '< 200ms', passed: false } });
    expect(suiteRow(entry('a.scenario.yaml'), { kind: 'failed', message: 'disk full' }, suiteFolder)).toMatchObject({ verdict: 'error', keyFinding: 'disk full' });
  });

  it('judges the suite by its worst scenario, for the verdict and the exit code', () => {
    const rows = phaseRows();
    expect(suiteVerdict(rows)).toBe('stopped');
    expect(suiteExitCode(rows)).toBe(3);
    expect(suiteVerdict([rows[0], rows[2]].filter((r) => r !== undefined))).toBe('fail');
    expect(suiteExitCode([rows[0], rows[2]].filter((r) => r !== undefined))).toBe(1);
    expect(suiteVerdict([])).toBe('pass');
    expect(suiteExitCode([{ verdict: 'pass' }, { verdict: 'invalid' }, { verdict: 'fail' }])).toBe(2);
    expect(suiteExitCode([{ verdict: 'stopped' }, { verdict: 'error' }])).toBe(4);
    expect(suiteVerdict([{ verdict: 'pass' }, { verdict: 'invalid' }])).toBe('error');
    expect(suiteVerdict([{ verdict: 'fail' }, { verdict: 'skipped' }])).toBe('stopped');
  });
});

describe('suite.md', () => {
  it('renders the verdict matrix with targets and links to each report', () => {
    const matrix = renderVerdictMatrix(phaseRows());
    expect(matrix.split('\n')).toEqual([
      '| Scenario | Load | Verdict | Key finding | Requests | p50 (target) | p99 (target) | Report |',
      '| --- | --- | --- | --- | ---: | ---: | ---: | --- |',
      '| Concurrent deployments | 100 users, ramp 10/s, 5m | **PASS** | All 5 targets met. | 68,902 | 5 ms (\\< 200ms: pass) | 34 ms (\\< 500ms: pass) | [report.md](../../../concurrent-deployments/2026-01-22T10-00-01Z/report.md) · [html](../../../concurrent-deployments/2026-01-22T10-00-01Z/report.html) |',
      '| CAB approvals | 50 users, ramp 5/s, 5m | **STOPPED** | Stopped after 1m 12s (stopped by the user): the figures cover only the part that ran. Missed so far: rps >= 100/s (56/s). | 4,032 | 13 ms (\\< 1000ms: pass) | 46 ms (\\< 1000ms: pass) | [report.md](../../../cab-approvals/2026-01-22T10-05-00Z/report.md) · [html](../../../cab-approvals/2026-01-22T10-05-00Z/report.html) |',
      '| Burst load | burst: 1000 users, ramp 100/s, 4m; readers: 20/s for 4m, up to 50 users | **FAIL** | 4 of 5 targets missed: median \\< 1000ms (19,000 ms), p99 \\< 1000ms (27,000 ms), errors \\< 1% (65.2%), create deployment: errors \\< 1% (88%). | 16,679 | 19,000 ms (\\< 1000ms: **FAIL**) | 27,000 ms (\\< 1000ms: **FAIL**) | [report.md](../../../burst-load/2026-01-22T10-07-00Z/report.md) · [html](../../../burst-load/2026-01-22T10-07-00Z/report.html) |',
      '| connector-scaling.scenario.yaml | n/a | **SKIPPED** | Not run: the suite was stopped before it. | n/a | n/a | n/a |  |',
    ]);
  });

  it('heads the report with the suite verdict, the counts, and lists the overrides', () => {
    const rows = phaseRows();
    const result: SuiteResult = {
      schemaVersion: 1,
      suite: 'Phase report',
      suiteFile: 'scenarios/phase.suite.yaml',
      startedAt: '2026-01-22T10:00:00.000Z',
      endedAt: '2026-01-22T10:12:30.000Z',
      durationSeconds: 750,
      verdict: suiteVerdict(rows),
      stopped: true,
      rows,
    };
    const markdown = renderSuiteMarkdown(result);
    expect(markdown).toMatch(/^# Suite Phase report: STOPPED\n\n4 scenarios: 1 passed, 1 failed, 1 stopped, 1 skipped\. Started 2026-01-22 10:00:00 UTC, took 12m 30s\. Suite file: scenarios\/phase\.suite\.yaml\.\n\nStopped before the end/);
    expect(markdown).toContain('1. `deployments.scenario.yaml` (as written).');
    expect(markdown).toContain('2. `cab-approvals.scenario.yaml` (users 10, duration 1m 0s).');
    expect(markdown).toContain('3. `burst.scenario.yaml` (env staging).');
  });

  it('keeps hostile names inside their cells', () => {
    const row = suiteRow(entry('h.scenario.yaml'), finished(hostileRun(), path.join(reports, 'h', 't')), suiteFolder);
    const line = renderVerdictMatrix([row]).split('\n')[2] ?? '';
    expect(line).not.toMatch(/(?<!\\)</);
    expect(line.split(/(?<!\\)\|/).length).toBe(10);
  });
});
