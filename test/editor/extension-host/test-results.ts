// What the extension-host test run reports to the harness. No `vscode` import: the harness (plain Node) decodes it too.

/** One test's outcome inside the extension host. */
export interface TestOutcome {
  name: string;
  passed: boolean;
  durationMs: number;
  /** The failure's message and stack, when it failed. */
  error?: string;
}

/** The whole run, written as JSON to the file named by RESULTS_FILE_VARIABLE. */
export interface TestRunReport {
  vscodeVersion: string;
  outcomes: TestOutcome[];
}

/** Environment variable through which the harness tells the extension host where to write the report. */
export const RESULTS_FILE_VARIABLE = 'LOADSCOPE_EDITOR_TEST_RESULTS';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isTestOutcome(value: unknown): value is TestOutcome {
  return (
    isRecord(value) &&
    typeof value.name === 'string' &&
    typeof value.passed === 'boolean' &&
    typeof value.durationMs === 'number' &&
    (value.error === undefined || typeof value.error === 'string')
  );
}

/** Type guard for a report read back from JSON. */
export function isTestRunReport(value: unknown): value is TestRunReport {
  return isRecord(value) && typeof value.vscodeVersion === 'string' && Array.isArray(value.outcomes) && value.outcomes.every(isTestOutcome);
}
