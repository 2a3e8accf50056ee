// A run as test results: targets pass or fail with their margin and the finding that explains them; the scenario
// fails with any target; runs without figures error; stopped runs skip.
import { describe, expect, it } from 'vitest';
import type { RunResult } from '../../../src/core/results';
import { declaredTargetKey } from '../../../src/extension/results-in-editor/target-identity';
import { scenarioOutcomes } from '../../../src/extension/testing/target-outcomes';
import { CHECKOUT, checkoutTargets, finding, scenarioOf } from './fixtures';

const declared = scenarioOf(CHECKOUT).targets;

type Judged = Pick<RunResult, 'verdict' | 'outcome' | 'outcomeMessage' | 'targets' | 'findings'>;

function failedRun(overrides: Partial<Judged> = {}): Judged {
  return { verdict: 'fail', outcome: 'thresholds-failed', outcomeMessage: 'Targets missed: p99 < 500ms, pay: max < 2s.', targets: checkoutTargets(), findings: [], ...overrides };
}

/** Outcomes by the target's label ("p99", "pay max"), for readable expectations. */
function byLabel(result: Judged) {
  const outcomes = scenarioOutcomes(declared, result);
  const targets = Object.fromEntries(declared.map((target) => [`${target.request === undefined ? '' : `${target.request} `}${target.metric}`, outcomes.targets.get(declaredTargetKey(target))]));
  return { scenario: outcomes.scenario, targets };
}

describe('target outcomes', () => {
  it('passes and fails each target, the failure saying the value against the target and the margin', () => {
    const { scenario, targets } = byLabel(failedRun());
    expect(targets).toEqual({
      p99: { state: 'failed', message: '612 ms p99 against < 500ms: 1.22x over' },
      errors: { state: 'passed' },
      'pay p95': { state: 'passed' },
      'pay max': { state: 'failed', message: '2,400 ms max against < 2s: 1.2x over' },
    });
    expect(scenario).toEqual({ state: 'failed', message: 'Targets missed: p99 < 500ms, pay: max < 2s.' });
  });

  it('adds the finding that names the target, else the most pressing finding', () => {
    const findings = [
      finding({ kind: 'saturation', message: 'Throughput levelled at 400 requests/s from 820 users.' }),
      finding({ kind: 'target-crossed', message: 'p99 < 500ms was crossed for good at 0:12.', evidence: { fromSeconds: 12, toSeconds: 15, target: 'p99 < 500ms' } }),
    ];
    const { targets } = byLabel(failedRun({ findings }));
    expect(targets.p99).toEqual({ state: 'failed', message: '612 ms p99 against < 500ms: 1.22x over\n\np99 < 500ms was crossed for good at 0:12.' });
    expect(targets['pay max']).toEqual({ state: 'failed', message: '2,400 ms max against < 2s: 1.2x over\n\nThroughput levelled at 400 requests/s from 820 users.' });
  });

  it('does not explain a failure with praise', () => {
    const { targets } = byLabel(failedRun({ findings: [finding({ kind: 'healthy', severity: 'info', message: 'p95 120 ms against < 300ms.' })] }));
    expect(targets.p99).toEqual({ state: 'failed', message: '612 ms p99 against < 500ms: 1.22x over' });
  });

  it('passes the scenario when every target passed', () => {
    const passing = checkoutTargets().map((target) => ({ ...target, passed: true }));
    const { scenario, targets } = byLabel({ verdict: 'pass', outcome: 'completed', outcomeMessage: 'k6 ran to the end.', targets: passing, findings: [] });
    expect(scenario).toEqual({ state: 'passed' });
    expect(Object.values(targets).every((outcome) => outcome?.state === 'passed')).toBe(true);
  });

  it('errors the scenario and every target when the run produced no figures, with how it ended', () => {
    const message = 'k6 could not run the script: SyntaxError at line 3.';
    const { scenario, targets } = byLabel({ verdict: 'error', outcome: 'script-error', outcomeMessage: message, targets: [], findings: [] });
    expect(scenario).toEqual({ state: 'errored', message });
    expect(Object.values(targets)).toEqual(Array.from({ length: 4 }, () => ({ state: 'errored', message })));
  });

  it('skips everything of a run stopped by the user: its verdicts judge a shorter load', () => {
    for (const outcome of ['stopped', 'killed'] as const) {
      const { scenario, targets } = byLabel(failedRun({ verdict: 'stopped', outcome, outcomeMessage: 'Stopped by the user.' }));
      expect(scenario).toEqual({ state: 'skipped' });
      expect(Object.values(targets).every((target) => target?.state === 'skipped')).toBe(true);
    }
  });

  it('skips a target the run did not judge (added since, or its group did not run)', () => {
    const { targets } = byLabel(failedRun({ targets: checkoutTargets().slice(0, 2) }));
    expect(targets['pay p95']).toEqual({ state: 'skipped' });
    expect(targets.errors).toEqual({ state: 'passed' });
  });

  it('fails the scenario even when the failed target is no longer in the file', () => {
    const { scenario } = scenarioOutcomes([], failedRun());
    expect(scenario.state).toBe('failed');
  });
});
