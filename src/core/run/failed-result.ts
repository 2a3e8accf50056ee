// The RunResult of a run that never got going (no k6, a test that could not be prepared): the same shape as any
// other result, so every run leaves a report that says what went wrong.

import { applyLoadOverrides, type LoadOverrides } from '../compile/load-overrides';
import { MetricsAggregator } from '../metrics/aggregator';
import type { RunOutcome, RunResult } from '../results';
import { formatLoadDescription } from '../scenario/load-description';
import type { Scenario } from '../scenario/model';

/** A result with verdict `error`, no measurements and `message` as the outcome message. */
export function failedRunResult(
  scenario: Scenario,
  startedAt: Date,
  outcome: RunOutcome,
  message: string,
  overrides?: LoadOverrides,
  k6Version = '',
): RunResult {
  const empty = new MetricsAggregator().finish(0);
  let load: RunResult['load'] = [];
  try {
    load = loadDescriptions(scenario, overrides);
  } catch {
    // The overrides themselves may be what failed; the message already says so.
  }
  return {
    schemaVersion: 1,
    scenario: scenario.name,
    scenarioFile: scenario.file,
    ...(scenario.environment !== undefined ? { environment: scenario.environment } : {}),
    load,
    verdict: 'error',
    outcome,
    outcomeMessage: message,
    k6: { version: k6Version, exitCode: null },
    startedAt: startedAt.toISOString(),
    endedAt: new Date().toISOString(),
    durationSeconds: 0,
    totals: empty.totals,
    requests: empty.requests,
    targets: [],
    errors: [],
    timeline: [],
    findings: [],
  };
}

/** Each group's load after the overrides, in plain words. */
export function loadDescriptions(scenario: Scenario, overrides?: LoadOverrides): RunResult['load'] {
  const loads = applyLoadOverrides(
    scenario.groups.map((g) => g.load),
    overrides,
  );
  return scenario.groups.map((group, i) => {
    const load = loads[i] ?? group.load;
    return { group: group.name, description: formatLoadDescription(load), model: load.kind };
  });
}
