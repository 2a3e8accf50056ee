// Which CodeLenses a scenario shows, where, and with what title: decided here without the editor, from the
// scenario's outline and the run state; run-code-lens.ts only turns them into VS Code objects.

import type { ScenarioOutline } from './scenario-outline';

export type LensAction = 'run' | 'runGroup' | 'validate' | 'openReport' | 'stop' | 'showResults' | 'trust';

export interface LensSpec {
  /** 1-based line the lens sits above. */
  line: number;
  title: string;
  action: LensAction;
  /** For `runGroup`. */
  group?: string;
}

export interface LensState {
  trusted: boolean;
  /** Whether a run is going for this file, another file, or none. */
  running: 'this' | 'other' | 'none';
  /** This file has a report from an earlier run. */
  hasReport: boolean;
}

export const LENS_TITLES = {
  run: 'Run Scenario',
  validate: 'Validate',
  openReport: 'Open Report',
  stop: '$(debug-stop) Stop Run',
  showResults: 'Show Results',
  trust: '$(shield) Running needs a trusted workspace',
} as const;

/** The title of the lens that runs one group. */
export function runGroupTitle(group: string): string {
  return `Run Group: ${group}`;
}

/** The lenses above `scenario:` and, when there are several groups, above each group. */
export function scenarioLenses(outline: ScenarioOutline, state: LensState): LensSpec[] {
  const at = (title: string, action: LensAction): LensSpec => ({ line: outline.scenarioLine, title, action });
  const lenses: LensSpec[] = [];
  if (!state.trusted) lenses.push(at(LENS_TITLES.trust, 'trust'));
  else if (state.running === 'this') lenses.push(at(LENS_TITLES.stop, 'stop'), at(LENS_TITLES.showResults, 'showResults'));
  else lenses.push(at(LENS_TITLES.run, 'run'));
  lenses.push(at(LENS_TITLES.validate, 'validate'));
  if (state.hasReport) lenses.push(at(LENS_TITLES.openReport, 'openReport'));
  if (state.trusted && state.running !== 'this' && outline.groups.length > 1) {
    for (const group of outline.groups) lenses.push({ line: group.line, title: runGroupTitle(group.name), action: 'runGroup', group: group.name });
  }
  return lenses;
}
