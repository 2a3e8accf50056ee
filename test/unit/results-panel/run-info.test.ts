import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDescriptions } from '../../../src/core/run/failed-result';
import { loadScenario } from '../../../src/core/scenario/load';
import { runInfoFor } from '../../../src/extension/results-panel/run-info';

const FIXTURE = path.resolve('test/unit/scenario/fixtures/groups.scenario.yaml');

function groupsScenario() {
  const { scenario } = loadScenario(readFileSync(FIXTURE, 'utf8'), FIXTURE, {
    env: {},
    host: { readFile: (file) => (file.endsWith('accounts.csv') ? 'email,password\na@x.test,p\n' : undefined) },
  });
  if (scenario === undefined) throw new Error('the fixture should load');
  return scenario;
}

describe('runInfoFor', () => {
  it('lists every request once in plan order, the load per group and the targets with their lines', () => {
    const info = runInfoFor(groupsScenario(), 60);
    expect(info.scenario).toBe('Mixed traffic');
    expect(info.scenarioFile).toBe(FIXTURE);
    expect(info.plannedSeconds).toBe(60);
    expect(info.requests).toEqual([
      { name: 'login', method: 'POST', group: 'browsers' },
      { name: 'dashboard', method: 'GET', group: 'browsers' },
      { name: 'list pending', method: 'GET', group: 'browsers' },
      { name: 'approve', method: 'POST', group: 'browsers' },
      { name: 'status', method: 'GET', group: 'api clients' },
    ]);
    expect(info.load.map((load) => [load.group, load.model])).toEqual([
      ['browsers', 'closed'],
      ['api clients', 'open'],
    ]);
    expect(info.targets).toEqual([
      { metric: 'p99', comparison: '<', threshold: 1000, expression: '< 1s', line: 36 },
      { metric: 'median', request: 'dashboard', comparison: '<', threshold: 200, expression: '< 200ms', line: 38 },
      { metric: 'p95', request: 'approve', comparison: '<', threshold: 500, expression: '< 500ms', line: 39 },
    ]);
  });

  it('describes the load after overrides', () => {
    const overrides = { users: 8, durationSeconds: 30 };
    const info = runInfoFor(groupsScenario(), 30, overrides);
    expect(info.load).toEqual(loadDescriptions(groupsScenario(), overrides));
    expect(info.load).not.toEqual(runInfoFor(groupsScenario(), 60).load);
  });
});
