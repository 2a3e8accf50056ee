// What the editor says while a suite runs and when it ends: which scenario runs, the bar over the whole suite, the
// answer to a second run, and the verdict notice.
import { describe, expect, it } from 'vitest';
import type { SuiteResult, SuiteRow } from '../../../src/core/suite/suite-result';
import { busyMessage, suiteNotice } from '../../../src/extension/run/run-messages';
import { progressMessage, progressPercent, statusBarText, statusBarTooltip, type RunProgressFigures } from '../../../src/extension/run/status-text';
import { suiteProgressLabel } from '../../../src/extension/run/suite-position';

const position = { suite: 'Release check', index: 1, count: 5 };
const figures: RunProgressFigures = { scenario: 'CAB approvals', elapsedSeconds: 12, plannedSeconds: 30, users: 10, rps: 20, phase: 'running', suite: position };

function row(verdict: SuiteRow['verdict']): SuiteRow {
  return { file: 'a.scenario.yaml', scenario: 'A', verdict, load: '', overrides: {}, keyFinding: '', requests: null, p50: { value: null }, p99: { value: null } };
}

function suiteResult(rows: SuiteRow[], overrides: Partial<SuiteResult> = {}): SuiteResult {
  return { schemaVersion: 1, suite: 'Release check', suiteFile: 'release.suite.yaml', startedAt: '', endedAt: '', durationSeconds: 60, verdict: 'pass', stopped: false, rows, ...overrides };
}

describe('suite progress', () => {
  it('says which scenario of how many runs', () => {
    expect(suiteProgressLabel(position, 'CAB approvals')).toBe('Suite: scenario 2 of 5 — CAB approvals');
    expect(progressMessage(figures)).toBe('Suite: scenario 2 of 5 — CAB approvals · 0:12 / 0:30 · 10 users · 20/s');
    expect(statusBarText(figures)).toBe('$(pulse) Suite 2/5 · 0:12 · 10 users · 20 req/s');
    expect(statusBarText({ ...figures, phase: 'starting' })).toBe('$(loading~spin) Suite 2/5 · Loadscope: starting k6');
    expect(statusBarTooltip(figures)).toBe('Loadscope: CAB approvals, running, 0:12 of 0:30 planned. Scenario 2 of 5 of the suite "Release check". Click to show the results.');
  });

  it('tells a stop that the rest of the suite is skipped', () => {
    expect(progressMessage({ ...figures, phase: 'stopping' })).toMatch(/^Suite: scenario 2 of 5 — CAB approvals · stopping gracefully.*rest of the suite is skipped.*Cancel again/);
  });

  it('gives each scenario an equal share of the bar', () => {
    expect(progressPercent({ elapsedSeconds: 0, plannedSeconds: 30, suite: { ...position, index: 0 } })).toBe(0);
    expect(progressPercent({ elapsedSeconds: 15, plannedSeconds: 30, suite: position })).toBeCloseTo(30);
    expect(progressPercent({ elapsedSeconds: 99, plannedSeconds: 30, suite: position })).toBeCloseTo(40);
    expect(progressPercent({ elapsedSeconds: 30, plannedSeconds: 30, suite: { ...position, index: 4 } })).toBe(100);
  });
});

describe('suite messages', () => {
  it('answers a second run with the suite and the scenario it is on', () => {
    expect(busyMessage('CAB approvals', position)).toMatch(/^Loadscope is already running the suite "Release check" \(scenario 2 of 5, "CAB approvals"\)\. One load test runs at a time/);
    expect(busyMessage('Checkout')).toMatch(/^Loadscope is already running "Checkout"\./);
  });

  it('sums up how the scenarios went', () => {
    expect(suiteNotice(suiteResult([row('pass'), row('pass')]))).toEqual({ severity: 'info', text: 'Loadscope: suite "Release check": PASS. 2 passed.' });
    const stopped = suiteNotice(suiteResult([row('pass'), row('stopped'), row('skipped'), row('skipped')], { verdict: 'stopped', stopped: true }));
    expect(stopped).toEqual({ severity: 'warning', text: 'Loadscope: suite "Release check": STOPPED. 1 passed, 1 stopped, 2 skipped. The suite was stopped.' });
    expect(suiteNotice(suiteResult([row('invalid')], { verdict: 'error' })).severity).toBe('error');
  });
});
