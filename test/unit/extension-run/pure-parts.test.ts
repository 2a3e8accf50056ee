import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { k6ProblemText } from '../../../src/extension/run/k6-problem-text';
import { runGroupTitle, scenarioLenses, type LensState } from '../../../src/extension/run/lens-plan';
import { durationProblem, overridesFromTexts, rateProblem, usersProblem } from '../../../src/extension/run/override-inputs';
import { displayRootFor, reportBaseFolder } from '../../../src/extension/run/report-location';
import { decodeRunOptions } from '../../../src/extension/run/run-argument';
import { busyMessage, invalidScenarioMessage, UNTRUSTED_MESSAGE } from '../../../src/extension/run/run-messages';
import { declaredEnvironment, scenarioOutline } from '../../../src/extension/run/scenario-outline';
import { decodeSecretNames, secretNameProblem, withSecretName } from '../../../src/extension/run/secret-names';
import { decodeChartPercentiles, decodeText } from '../../../src/extension/run/setting-values';
import { progressMessage, progressPercent, statusBarText, statusBarTooltip, type RunProgressFigures } from '../../../src/extension/run/status-text';

const GROUPS = `# two groups
scenario: Mixed traffic
environments:
  staging: { target: https://staging.example.com }
  local: { target: http://127.0.0.1:9090 }
groups:
  - name: browsers
    load: { users: 5, duration: 10s }
    requests: [{ name: home, GET: / }]
  - load: { rate: 2/s, duration: 10s, maxUsers: 5 }
    name: api clients
    requests: [{ name: status, GET: /status }]
`;

describe('scenario outline', () => {
  it('finds the scenario line, each group line and the environments', () => {
    expect(scenarioOutline(GROUPS)).toEqual({
      scenarioLine: 2,
      name: 'Mixed traffic',
      keys: ['scenario', 'environments', 'groups'],
      groups: [
        { name: 'browsers', line: 7 },
        { name: 'api clients', line: 10 },
      ],
      environments: ['staging', 'local'],
    });
  });

  it('is undefined for YAML that is not a scenario, and survives broken text', () => {
    expect(scenarioOutline('name: ci\njobs: {}\n')).toBeUndefined();
    expect(scenarioOutline('- a\n- b\n')).toBeUndefined();
    expect(() => scenarioOutline('scenario: [unclosed\n')).not.toThrow();
    expect(scenarioOutline('')).toBeUndefined();
  });

  it('applies a default environment only to scenarios that declare it', () => {
    expect(declaredEnvironment(GROUPS, 'staging')).toBe('staging');
    expect(declaredEnvironment(GROUPS, 'production')).toBeUndefined();
    expect(declaredEnvironment(GROUPS, undefined)).toBeUndefined();
  });
});

describe('CodeLens plan', () => {
  const outline = scenarioOutline(GROUPS)!;
  const idle: LensState = { trusted: true, running: 'none', hasReport: false };
  const titles = (state: LensState) => scenarioLenses(outline, state).map((lens) => `${lens.line}:${lens.title}`);

  it('offers Run Scenario and Validate above `scenario:`, and a run per group when there are several', () => {
    expect(titles(idle)).toEqual(['2:Run Scenario', '2:Validate', `7:${runGroupTitle('browsers')}`, `10:${runGroupTitle('api clients')}`]);
    expect(scenarioLenses(outline, idle).find((lens) => lens.action === 'runGroup')?.group).toBe('browsers');
  });

  it('adds Open Report after a run, and Stop while this file runs', () => {
    expect(titles({ ...idle, hasReport: true })).toContain('2:Open Report');
    expect(titles({ ...idle, running: 'this' })).toEqual(['2:$(debug-stop) Stop Run', '2:Show Results', '2:Validate']);
    expect(titles({ ...idle, running: 'other' })[0]).toBe('2:Run Scenario');
  });

  it('explains instead of running in an untrusted workspace, and still validates', () => {
    const lenses = scenarioLenses(outline, { ...idle, trusted: false });
    expect(lenses.map((lens) => lens.action)).toEqual(['trust', 'validate']);
  });

  it('has no group lenses for a single-group scenario', () => {
    const single = scenarioOutline('scenario: One\nload: { users: 1, duration: 1s }\nrequests: [{ name: a, GET: / }]\n')!;
    expect(scenarioLenses(single, idle).map((lens) => lens.action)).toEqual(['run', 'validate']);
  });
});

describe('override boxes', () => {
  it('accept empty boxes (keep the scenario) and valid values', () => {
    expect(usersProblem('')).toBeUndefined();
    expect(usersProblem(' 50 ')).toBeUndefined();
    expect(rateProblem('200/s')).toBeUndefined();
    expect(rateProblem('120')).toBeUndefined();
    expect(durationProblem('1m30s')).toBeUndefined();
    expect(overridesFromTexts({ users: '50', rate: '600/m', duration: '1m30s' })).toEqual({ users: 50, ratePerSecond: 10, durationSeconds: 90 });
    expect(overridesFromTexts({ users: '', rate: '', duration: '' })).toEqual({});
  });

  it('say what is wrong in the core parsers’ words', () => {
    expect(usersProblem('0')).toMatch(/whole number of at least 1/);
    expect(usersProblem('2.5')).toMatch(/whole number/);
    expect(rateProblem('fast')).toMatch(/not a rate: write a count per time unit/);
    expect(rateProblem('10 per second')).toMatch(/write 10\/s/);
    expect(durationProblem('90')).toMatch(/has no unit/);
    expect(durationProblem('5 minutes')).toMatch(/write 5m/);
    expect(() => overridesFromTexts({ duration: '90' })).toThrow(RangeError);
  });
});

describe('status bar and progress text', () => {
  const figures: RunProgressFigures = { scenario: 'Checkout', elapsedSeconds: 12, plannedSeconds: 15, users: 30, rps: 65.24, phase: 'running' };

  it('shows elapsed, users and requests per second', () => {
    expect(statusBarText(figures)).toBe('$(pulse) 0:12 · 30 users · 65.2 req/s');
    expect(statusBarText({ ...figures, phase: 'stopping' })).toBe('$(loading~spin) stopping · 0:12 · 30 users · 65.2 req/s');
    expect(statusBarText({ ...figures, phase: 'starting' })).toBe('$(loading~spin) Loadscope: starting k6');
    expect(statusBarTooltip(figures)).toBe('Loadscope: Checkout, running, 0:12 of 0:15 planned. Click to show the results.');
    expect(progressMessage(figures)).toBe('0:12 / 0:15 · 30 users · 65.2/s');
    expect(progressMessage({ ...figures, phase: 'stopping' })).toMatch(/Cancel again to end k6 at once/);
  });

  it('moves the progress bar by the share of planned time, never past the end', () => {
    expect(progressPercent({ elapsedSeconds: 3, plannedSeconds: 15 })).toBeCloseTo(20);
    expect(progressPercent({ elapsedSeconds: 20, plannedSeconds: 15 })).toBe(100);
    expect(progressPercent({ elapsedSeconds: 5, plannedSeconds: 0 })).toBe(0);
  });
});

describe('messages', () => {
  it('names the first problem at file:line:column and counts the rest', () => {
    const diagnostic = { file: 'x', line: 4, column: 9, endLine: 4, endColumn: 12, severity: 'error' as const, code: 'bad-duration', message: "'90' has no unit." };
    expect(invalidScenarioMessage([diagnostic], 'quick/a.scenario.yaml')).toBe("Loadscope cannot run quick/a.scenario.yaml: quick/a.scenario.yaml:4:9: '90' has no unit.");
    expect(invalidScenarioMessage([diagnostic, { ...diagnostic, line: 7 }, { ...diagnostic, severity: 'warning' }], 'a.yaml')).toMatch(/\(and 1 more problem; see the Problems view\)$/);
  });

  it('explains why one run at a time, and why untrusted workspaces do not run', () => {
    expect(busyMessage('Checkout')).toMatch(/already running "Checkout".*skew each other's numbers.*Loadscope: Stop/);
    expect(UNTRUSTED_MESSAGE).toMatch(/untrusted workspace.*validating scenarios still work/i);
  });

  it('says what was tried when k6 is missing, and what to do', () => {
    const text = k6ProblemText([
      { path: '/opt/k6', source: 'option', problem: 'no such file' },
      { path: 'k6', source: 'PATH', problem: 'not found on PATH' },
    ]);
    expect(text).toBe(
      'Loadscope cannot run the scenario: no usable k6 v2.x was found. Tried: /opt/k6 (loadscope.k6Path setting): no such file; k6 (on PATH): not found on PATH. ' +
        'Install k6 v2 and put it on PATH, or choose the binary with "Select k6 Binary".',
    );
  });
});

describe('settings and arguments', () => {
  it('decodes hand-edited settings, falling back to defaults', () => {
    expect(decodeText('  load  ')).toBe('load');
    expect(decodeText('   ')).toBeUndefined();
    expect(decodeText(42)).toBeUndefined();
    expect(decodeChartPercentiles(['p99', 'p50', 'p42', 7])).toEqual(['p50', 'p99']);
    expect(decodeChartPercentiles('p95')).toEqual(['p50', 'p95', 'p99']);
    expect(decodeChartPercentiles([])).toEqual(['p50', 'p95', 'p99']);
  });

  it('puts reports under the workspace folder of the scenario, or beside it outside any workspace', () => {
    const workspace = path.resolve('ws');
    const scenario = path.join(workspace, 'quick', 'a.scenario.yaml');
    expect(reportBaseFolder(undefined, scenario, workspace)).toBe(path.join(workspace, 'load-reports'));
    expect(reportBaseFolder('out/reports', scenario, workspace)).toBe(path.join(workspace, 'out', 'reports'));
    expect(reportBaseFolder(path.resolve('elsewhere'), scenario, workspace)).toBe(path.resolve('elsewhere'));
    expect(reportBaseFolder(undefined, scenario, undefined)).toBe(path.join(workspace, 'quick', 'load-reports'));
    expect(displayRootFor(scenario, undefined)).toBe(path.join(workspace, 'quick'));
  });

  it('reads a group from a run argument and ignores anything else', () => {
    expect(decodeRunOptions({ group: 'browsers' })).toEqual({ group: 'browsers' });
    expect(decodeRunOptions({ group: '  ' })).toEqual({});
    expect(decodeRunOptions({ group: 3 })).toEqual({});
    expect(decodeRunOptions(['browsers'])).toEqual({});
    expect(decodeRunOptions(undefined)).toEqual({});
  });

  it('accepts secret names a scenario can read as ${env:NAME}', () => {
    expect(secretNameProblem('LOAD_PASSWORD')).toBeUndefined();
    expect(secretNameProblem('')).toMatch(/\$\{env:LOAD_PASSWORD\}/);
    expect(secretNameProblem('9LIVES')).toMatch(/cannot be an environment variable/);
    expect(secretNameProblem('API-KEY')).toMatch(/cannot be an environment variable/);
    expect(withSecretName(['B', 'A'], 'A')).toEqual(['A', 'B']);
    expect(decodeSecretNames(['OK', 'not ok', 3])).toEqual(['OK']);
    expect(decodeSecretNames({})).toEqual([]);
  });
});
