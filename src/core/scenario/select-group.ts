// Running one user group of a scenario that has several: the same file, narrowed after loading, so the group runs
// with the scenario's shared headers, variables and data. Per-request targets on the other groups' requests go
// with them; overall targets stay and now judge this group alone.

import type { RequestSpec, Scenario, UserGroup } from './model';

export type GroupSelection = { ok: true; scenario: Scenario } | { ok: false; message: string };

/** The scenario reduced to the group named `groupName`, or why it cannot be. */
export function selectGroup(scenario: Scenario, groupName: string): GroupSelection {
  const group = scenario.groups.find((candidate) => candidate.name === groupName);
  if (group === undefined) {
    const names = scenario.groups.map((candidate) => JSON.stringify(candidate.name)).join(', ');
    return { ok: false, message: `This scenario has no user group named ${JSON.stringify(groupName)}; its groups are ${names}.` };
  }
  const kept = new Set(requestsOf(group).map((request) => request.name));
  return {
    ok: true,
    scenario: {
      ...scenario,
      groups: [group],
      targets: scenario.targets.filter((target) => target.request === undefined || kept.has(target.request)),
    },
  };
}

function requestsOf(group: UserGroup): RequestSpec[] {
  return [...group.onStart, ...group.mix.flatMap((item) => (item.kind === 'request' ? [item.request] : item.steps))];
}
