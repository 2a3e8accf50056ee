// Every extension-host test, in run order. Add new test lists here.
import { activationTests } from './activation';
import { authoringTests } from './authoring';
import { compareTests } from './compare';
import type { ExtensionHostTest } from './extension-host-test';
import { resultsInEditorTests } from './results-in-editor';
import { runScenarioTests } from './run-scenario';
import { runSuiteTests } from './run-suite';
import { testingTests } from './testing';

/** The full list both entry points (index.ts, mocha-suite.ts) run. */
export const allTests: readonly ExtensionHostTest[] = [...activationTests, ...authoringTests, ...runScenarioTests, ...resultsInEditorTests, ...testingTests, ...compareTests, ...runSuiteTests];
