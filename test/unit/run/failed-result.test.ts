import { describe, expect, it } from 'vitest';
import { failedRunResult } from '../../../src/core/run/failed-result';
import { loadScenario } from '../../../src/core/scenario/load';

const yaml = `
scenario: Nothing ran
target: http://127.0.0.1:8080
load: { users: 10, duration: 1m }
requests:
  - name: home
    GET: /
targets:
  p95: < 200ms
`;

describe('failedRunResult', () => {
  it('is a complete result that says what went wrong', () => {
    const scenario = loadScenario(yaml, '/project/nothing.scenario.yaml', { env: {} }).scenario;
    if (!scenario) throw new Error('scenario did not load');
    const result = failedRunResult(scenario, new Date('2026-01-22T10:00:00Z'), 'k6-missing', 'No usable k6 was found.', { users: 2 });
    expect(result).toMatchObject({
      schemaVersion: 1,
      scenario: 'Nothing ran',
      verdict: 'error',
      outcome: 'k6-missing',
      outcomeMessage: 'No usable k6 was found.',
      k6: { version: '', exitCode: null },
      startedAt: '2026-01-22T10:00:00.000Z',
      durationSeconds: 0,
      targets: [],
      errors: [],
      timeline: [],
    });
    expect(result.load).toEqual([{ group: 'Nothing ran', description: '2 users for 1m', model: 'closed' }]);
    expect(result.totals.requests).toBe(0);
  });

  it('still answers when the overrides are what failed', () => {
    const scenario = loadScenario(yaml, '/project/nothing.scenario.yaml', { env: {} }).scenario;
    if (!scenario) throw new Error('scenario did not load');
    const result = failedRunResult(scenario, new Date(), 'script-error', 'bad overrides', { users: -1 });
    expect(result.load).toEqual([]);
  });
});
