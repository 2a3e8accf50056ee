// "Run Scenario With Overrides": users, rate, duration and environment, asked one box at a time. Each box checks
// what is typed with the core's own parsers and shows the problem under it; an empty box keeps the scenario's value.

import * as vscode from 'vscode';
import type { LoadOverrides } from '../../core/compile/load-overrides';
import { loadDescriptions } from '../../core/run/failed-result';
import type { Scenario } from '../../core/scenario/model';
import { durationProblem, overridesFromTexts, rateProblem, usersProblem } from './override-inputs';

export interface OverrideChoice {
  overrides: LoadOverrides;
  /** The environment picked, or null for none (not even the default setting's). */
  environment: string | null;
}

const NO_ENVIRONMENT = '(none: the scenario as written)';

/** Asks for the overrides; undefined when the user cancels. */
export async function promptForOverrides(scenario: Scenario, defaultEnvironment: string | undefined): Promise<OverrideChoice | undefined> {
  const hasOpenGroups = scenario.groups.some((group) => group.load.kind === 'open');
  const environments = scenario.environmentNames;
  const steps = 2 + (hasOpenGroups ? 1 : 0) + (environments.length > 0 ? 1 : 0);
  let step = 0;
  const title = () => `Loadscope: Run "${scenario.name}" With Overrides (${++step}/${steps})`;
  const load = loadDescriptions(scenario)
    .map((group) => (scenario.groups.length > 1 ? `${group.group}: ${group.description}` : group.description))
    .join('; ');

  const ask = (prompt: string, placeHolder: string, validateInput: (text: string) => string | undefined) =>
    vscode.window.showInputBox({ title: title(), prompt, placeHolder, ignoreFocusOut: true, validateInput });

  const users = await ask(`Total concurrent users, shared among the groups. The scenario: ${load}. Leave empty to keep it.`, 'e.g. 50', usersProblem);
  if (users === undefined) return undefined;
  let rate: string | undefined = '';
  if (hasOpenGroups) {
    rate = await ask('Total arrival rate of the open-model groups: 200/s, 600/m, or a number per second. Leave empty to keep it.', 'e.g. 200/s', rateProblem);
    if (rate === undefined) return undefined;
  }
  const duration = await ask('Length of the whole test: 30s, 5m, 1m30s (the stages stretch to fit). Leave empty to keep it.', 'e.g. 30s', durationProblem);
  if (duration === undefined) return undefined;

  let environment: string | null = null;
  if (environments.length > 0) {
    // The default setting's environment comes first, so Enter keeps what a plain run would do.
    const ordered = defaultEnvironment !== undefined && environments.includes(defaultEnvironment) ? [defaultEnvironment, ...environments.filter((name) => name !== defaultEnvironment)] : environments;
    const items = [...ordered, NO_ENVIRONMENT].map((label) => ({ label, ...(label === defaultEnvironment ? { description: 'the loadscope.defaultEnvironment setting' } : {}) }));
    const picked = await vscode.window.showQuickPick(items, { title: title(), placeHolder: 'Environment: its target, headers and variables', ignoreFocusOut: true });
    if (picked === undefined) return undefined;
    if (picked.label !== NO_ENVIRONMENT) environment = picked.label;
  }
  return { overrides: overridesFromTexts({ users, rate, duration }), environment };
}
