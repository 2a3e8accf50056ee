// Every request a scenario declares, wherever it sits: a group's onStart, a single mix item, or a flow's steps.
import type { RequestSpec, Scenario } from '../../core/scenario/model';

/** The scenario's requests in file order within each group. */
export function scenarioRequests(scenario: Scenario): RequestSpec[] {
  return scenario.groups.flatMap((group) => [...group.onStart, ...group.mix.flatMap((item) => (item.kind === 'request' ? [item.request] : item.steps))]);
}
