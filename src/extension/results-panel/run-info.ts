// The panel's frame for a run, from the validated scenario: names, planned duration, load, requests and targets.

import type { LoadOverrides } from '../../core/compile/load-overrides';
import { loadDescriptions } from '../../core/run/failed-result';
import type { Scenario } from '../../core/scenario/model';
import type { RunInfo } from './messages';

/** What the results panel shows of a run before k6 starts. */
export function runInfoFor(scenario: Scenario, plannedSeconds: number, overrides?: LoadOverrides): RunInfo {
  const requests: RunInfo['requests'] = [];
  const seen = new Set<string>();
  for (const group of scenario.groups) {
    const specs = [...group.onStart, ...group.mix.flatMap((item) => (item.kind === 'request' ? [item.request] : item.steps))];
    for (const spec of specs) {
      if (seen.has(spec.name)) continue;
      seen.add(spec.name);
      requests.push({ name: spec.name, method: spec.method, group: group.name });
    }
  }
  let load: RunInfo['load'] = [];
  try {
    load = loadDescriptions(scenario, overrides);
  } catch {
    // Overrides the load cannot take: the run itself reports why; the panel just shows no load line.
  }
  return {
    scenario: scenario.name,
    scenarioFile: scenario.file,
    ...(scenario.environment !== undefined ? { environment: scenario.environment } : {}),
    plannedSeconds,
    load,
    requests,
    targets: scenario.targets.map((target) => ({
      metric: target.metric,
      ...(target.request !== undefined ? { request: target.request } : {}),
      comparison: target.comparison,
      threshold: target.value,
      expression: target.expression,
      line: target.range.line,
    })),
  };
}
