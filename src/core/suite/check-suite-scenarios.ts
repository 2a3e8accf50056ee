// Before a suite starts, every scenario in it is loaded and validated, so a typo in the fourth scenario stops the
// suite before the first one spends five minutes running.

import { loadScenarioFile } from '../scenario-file';
import type { Diagnostic } from '../scenario/diagnostics';
import type { Suite } from './suite-model';

/** Diagnostics of every scenario of the suite, each with its own file and, for the environment, the suite's. */
export function checkSuiteScenarios(suite: Suite, env: NodeJS.ProcessEnv): Diagnostic[] {
  return suite.entries.flatMap((entry) => loadScenarioFile(entry.file, { ...(entry.environment === undefined ? {} : { environment: entry.environment }), env }).diagnostics);
}
