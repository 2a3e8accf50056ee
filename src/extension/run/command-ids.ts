// The extension's command identifiers, in one place: the manifest, the registrations, the CodeLenses and the tests
// name them from here (a unit test checks the manifest against this list).

export const COMMANDS = {
  runScenario: 'loadscope.runScenario',
  runScenarioWithOverrides: 'loadscope.runScenarioWithOverrides',
  validateScenario: 'loadscope.validateScenario',
  stop: 'loadscope.stop',
  showResults: 'loadscope.showResults',
  openLastReport: 'loadscope.openLastReport',
  selectK6Binary: 'loadscope.selectK6Binary',
  setSecret: 'loadscope.setSecret',
} as const;

export type CommandId = (typeof COMMANDS)[keyof typeof COMMANDS];

/** Commands that start k6: refused in an untrusted workspace. */
export const RUNNING_COMMANDS: readonly CommandId[] = [COMMANDS.runScenario, COMMANDS.runScenarioWithOverrides];
